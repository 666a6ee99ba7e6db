import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, type TextEncoding } from './decode-text.js';

const seedText = readFileSync(
  new URL('../../fixtures/seed-004-lingwu-civil-affairs-2024/report.txt', import.meta.url),
  'utf8',
);
const gbkBytes = new Uint8Array(readFileSync(new URL('./__fixtures__/seed-004-opening.gbk.txt', import.meta.url)));
// The excerpt the GBK fixture was made from: two lines and the first sentence of the third.
const [firstLine = '', secondLine = '', thirdLine = ''] = seedText.split('\n');
const excerpt = `${firstLine}\n${secondLine}\n${thirdLine.slice(0, thirdLine.indexOf('。') + 1)}`;

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

function utf16be(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le').swap16());
}

function concat(...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => [...part]));
}

describe('decodeText', () => {
  it('reads the GBK fixture as the seed text it was made from', () => {
    expect(seedText.startsWith(excerpt)).toBe(true);
    expect(excerpt.endsWith('\n一、总体情况\n(一)主动公开。')).toBe(true);
    expect(decodeText(gbkBytes)).toEqual({ ok: true, text: excerpt, encoding: 'gb18030' });
  });

  it('the GBK fixture is not valid UTF-8 (so the fallback is what decodes it)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes)).toThrow();
  });

  it.each<[string, Uint8Array, TextEncoding]>([
    ['UTF-8 without BOM', utf8(excerpt), 'utf-8'],
    ['UTF-8 with BOM', concat([0xef, 0xbb, 0xbf], utf8(excerpt)), 'utf-8-bom'],
    ['UTF-16LE with BOM', concat([0xff, 0xfe], utf16le(excerpt)), 'utf-16le'],
    ['UTF-16BE with BOM', concat([0xfe, 0xff], utf16be(excerpt)), 'utf-16be'],
    ['GB18030/GBK', gbkBytes, 'gb18030'],
  ])('%s: decodes the report text and reports the encoding', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ ok: true, text: excerpt, encoding });
  });

  it.each<[string, string]>([
    ['a table row with CRLF', '一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2\r\n'],
    ['full-width digits and a form feed', '（七）总计\t２\t０\f\n'],
    ['an ASCII-only line', 'total 2\n'],
  ])('keeps %s exactly (line endings are left to the caller)', (_name, text) => {
    expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('drops only the BOM, not a second U+FEFF inside the text', () => {
    const decoded = decodeText(concat([0xef, 0xbb, 0xbf], utf8('\ufeff一、总体情况')));
    expect(decoded).toEqual({ ok: true, text: '\ufeff一、总体情况', encoding: 'utf-8-bom' });
  });

  it('tolerates a stray control character in a long text', () => {
    const text = `${excerpt}\u001b${excerpt}`;
    expect(decodeText(utf8(text))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it.each<[string, Uint8Array]>([
    ['a PNG header (NUL bytes)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['a ZIP (.docx) header', concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], utf8('[Content_Types].xml'))],
    ['text with a NUL byte', concat(utf8('一、总体情况'), [0], utf8('二、主动公开'))],
    ['control characters in bulk, no NUL', new Uint8Array(Array.from({ length: 400 }, (_, index) => (index % 2 === 0 ? 0x41 : 0x01 + (index % 7))))],
    ['control characters after a UTF-16LE BOM', concat([0xff, 0xfe], utf16le('\u0001\u0002\u0003\u0004\u0005\u0006'))],
  ])('refuses %s as binary', (_name, bytes) => {
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'binary' });
  });

  it.each<[string, Uint8Array]>([
    ['a 0xFF byte (neither UTF-8 nor GB18030)', concat(utf8('总计'), [0xff], utf8('2'))],
    ['UTF-16LE with an odd number of bytes', concat([0xff, 0xfe], utf16le('总计'), [0x32])],
    ['UTF-8 BOM followed by GBK bytes', concat([0xef, 0xbb, 0xbf], gbkBytes)],
  ])('refuses %s as undecodable', (_name, bytes) => {
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'undecodable' });
  });
});

// Issue 13: one invalid byte in an otherwise UTF-8 report rejected the whole report.
describe('a UTF-8 report with a few damaged bytes', () => {
  const bytes = utf8(seedText);
  // A byte that can start no UTF-8 sequence, between two characters.
  const at = Buffer.from(seedText.slice(0, seedText.indexOf('一、总体情况')), 'utf8').length;
  const damaged = concat(bytes.subarray(0, at), [0xff], bytes.subarray(at));

  it('is decoded with U+FFFD in place of the bad byte, which is named by its offset', () => {
    const decoded = decodeText(damaged);
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', damagedBytes: [at] });
    if (!decoded.ok) return;
    const character = seedText.indexOf('一、总体情况');
    expect(decoded.text.slice(0, character)).toBe(seedText.slice(0, character));
    expect(decoded.text.slice(character, character + 7)).toBe('\ufffd一、总体情况');
    expect(decoded.text.length).toBe(seedText.length + 1);
  });

  it('a byte cut out of a character names where the character was', () => {
    const inside = at + 1; // the second byte of 一
    const decoded = decodeText(concat(bytes.subarray(0, inside), bytes.subarray(inside + 1)));
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', damagedBytes: [at] });
  });

  it('more damage than a few bytes is not UTF-8 with damage: GBK decodes as GBK, noise is refused', () => {
    expect(decodeText(gbkBytes)).toEqual({ ok: true, text: excerpt, encoding: 'gb18030' });
    const noisy = new Uint8Array(bytes);
    for (let index = 0; index < 200; index += 1) noisy[index * 37] = 0xff;
    expect(decodeText(noisy)).toMatchObject({ ok: false, reason: 'undecodable' });
  });
});
