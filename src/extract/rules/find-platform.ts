import type { Platform } from '../../report/narrative.js';

/** A platform named in a normalized text: its kind, its quoted name if any, where it ends. */
export type PlatformMention = Platform & { readonly at: number; readonly end: number };

// Kinds of platform and the words that name them (the first kind whose word is found wins at a
// position). A 专栏 is a column of a site, not a platform; "短视频" is content, 视频号 a platform.
const PLATFORM_WORDS: readonly [Platform['kind'], RegExp][] = [
  ['微信公众号', /微信公众号|微信公众平台|公众号|微信/g],
  ['微博', /微博/g],
  ['短视频', /视频号|抖音|快手/g],
  ['客户端', /客户端|APP|App|app|小程序/g],
  ['政务新媒体', /政务新媒体|新媒体|社交媒体/g],
  ['公开栏', /公开栏|公示栏|宣传栏|公告栏|LED屏|显示屏/g],
  ['政府网站', /门户网站|政府网站|网站|门户|信息公开页面|网页/g],
];
// "“法治灵武”公众号", "“灵武民政”政务微博": the name, then at most a few words, then the kind.
const NAME_BEFORE = /"([^"]{1,20})"[^",.;:，。；：、()]{0,3}$/;
// "微信公众号“法治灵武”": the kind, then the name.
const NAME_AFTER = /^"([^"]{1,20})"/;
// "《上海市人民政府公报》": a gazette is a platform of its own.
const GAZETTE = /《([^《》]{1,20}公报)》/g;

// Most clauses name no platform: one test of every word first.
const ANY_PLATFORM = new RegExp([...PLATFORM_WORDS.map(([, pattern]) => pattern.source), '公报'].join('|'));

/** Every platform mention of the text, in order. */
export function findPlatforms(text: string): PlatformMention[] {
  if (!ANY_PLATFORM.test(text)) return [];
  const mentions: PlatformMention[] = [];
  // Words inside a title are no platform ("《关于加强政府门户网站政策文件解读发布工作的通知》").
  const searched = text.replace(/《[^《》]*》/g, (title) => ' '.repeat(title.length));
  const names = [...text.matchAll(/"([^"]{1,20})"/g)].map((match) => ({ name: match[1]!, at: match.index, end: match.index + match[0].length }));
  for (const [kind, pattern] of PLATFORM_WORDS) {
    for (const match of searched.matchAll(pattern)) {
      const at = match.index;
      const end = at + match[0].length;
      // "微信公众号" also holds "公众号" and "微信": one mention per place.
      if (mentions.some((mention) => at < mention.end && end > mention.at)) continue;
      // "政府网站信息185条" is a category of information, not a platform.
      if (/^(?:信息|类)/.test(text.slice(end))) continue;
      // "“上海国际服务门户”": the kind word inside the name.
      const inside = names.find((name) => at > name.at && end < name.end);
      const name = inside?.name ?? NAME_BEFORE.exec(text.slice(Math.max(0, at - 26), at))?.[1] ?? NAME_AFTER.exec(text.slice(end))?.[1] ?? null;
      mentions.push({ kind, name, at: inside?.at ?? at, end: inside?.end ?? end });
    }
  }
  for (const match of text.matchAll(GAZETTE)) mentions.push({ kind: '其他', name: match[1]!, at: match.index, end: match.index + match[0].length });
  return mentions.sort((left, right) => left.at - right.at);
}

/** The last platform mentioned before `position` in the text, if any. */
export function platformBefore(text: string, position: number): PlatformMention | null {
  return findPlatforms(text.slice(0, position)).at(-1) ?? null;
}
