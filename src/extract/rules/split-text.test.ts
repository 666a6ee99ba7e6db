import { describe, expect, it } from 'vitest';
import { bracketGroups, splitPieces, splitSentences } from './split-text.js';

const texts = (text: string) => splitSentences(text).map((piece) => piece.text);

describe('splitting outside brackets', () => {
  it('does not split inside brackets, quotes or titles, nested or not', () => {
    expect(texts('受理申请(含上年结转3件。其中(一)12件)。办结10件。')).toEqual(['受理申请(含上年结转3件。其中(一)12件)', '办结10件']);
    expect(texts('开设"政务公开。专栏"发布信息。《条例。解读》共5篇。')).toEqual(['开设"政务公开。专栏"发布信息', '《条例。解读》共5篇']);
  });

  it('an unclosed opener is a stray mark; an inner pair still holds', () => {
    expect(texts('((甲。乙)丙。丁')).toEqual(['((甲。乙)丙', '丁']);
    expect(texts('(甲。乙。')).toEqual(['(甲', '乙']);
  });

  it('a quote whose partner is further than 400 characters opens the next quotation instead', () => {
    const far = `"${'字'.repeat(500)}。"甲。乙"`;
    expect(texts(far)).toEqual([`"${'字'.repeat(500)}`, '"甲。乙"']);
  });

  it('a bracket closed further than 400 characters away is not a group', () => {
    expect(bracketGroups({ text: `(${'字'.repeat(500)})`, start: 0 })).toEqual([]);
    expect(bracketGroups({ text: '甲(乙)丙(丁(戊))', start: 10 }).map((group) => [group.from, group.to, group.inner.text, group.inner.start])).toEqual([
      [1, 4, '乙', 12],
      [5, 11, '丁(戊)', 16],
    ]);
    expect(splitPieces({ text: '甲,(乙,丙),丁', start: 0 }).map((piece) => piece.text)).toEqual(['甲', '(乙,丙)', '丁']);
  });
});
