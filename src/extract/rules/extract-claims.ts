import type { StatedClaim } from '../../report/narrative.js';
import type { QuoteOf } from './extract-statements.js';
import { splitPieces, splitSentences } from './split-text.js';

// Claims about every review or lawsuit, in normalized text.
const CLAIMS: readonly [StatedClaim['claim'], RegExp][] = [
  ['allUpheld', /(?:均|全部|都)(?:已)?(?:获|被|予以|为|得到)?(?:复议机关|法院|上级机关)?(?:维持|支持)|维持率(?:为|达)?100%|结果均为维持/],
  ['noneCorrected', /(?:未|没有|无)(?:被|发生|出现)?[^,;]{0,24}?(?:纠错|败诉|撤销)|零纠错|纠错率为?0(?!\.)|无败诉/],
  ['allConcluded', /(?:均|全部|都)(?:已)?(?:审结|结案|办结)/],
];
const ABOUT_DISCLOSURE = /信息公开|依申请|公开申请|该行政复议|该诉讼|该案/;
const CASES = /复议|诉讼/;

/** "均获维持", "未被复议机关纠错", "均已结案": claims about all the reviews or lawsuits, with their words. */
export function extractClaims(text: string, quoteOf: QuoteOf): StatedClaim[] {
  const claims: StatedClaim[] = [];
  let previous = '';
  for (const sentence of splitSentences(text)) {
    const aboutDisclosure = ABOUT_DISCLOSURE.test(sentence.text) || ABOUT_DISCLOSURE.test(previous);
    previous = sentence.text;
    if (!aboutDisclosure || !CASES.test(sentence.text)) continue;
    const pieces = splitPieces(sentence);
    pieces.forEach((piece, index) => {
      for (const [claim, pattern] of CLAIMS) {
        const match = pattern.exec(piece.text);
        if (!match) continue;
        // The cases the claim is about: named in its own clause, or in the nearest clause before it.
        const nearest = pieces.findLastIndex((candidate, at) => at <= index && CASES.test(candidate.text));
        if (nearest === -1) continue;
        const words = pieces.slice(nearest, index + 1).map((candidate) => candidate.text).join(',');
        const namesItsCases = CASES.test(piece.text.slice(0, match.index + match[0].length));
        const own = namesItsCases ? piece.text : words;
        const review = /复议/.test(own);
        const lawsuit = /诉讼/.test(own);
        const end = piece.start + match.index + match[0].length;
        const start = namesItsCases ? piece.start : pieces[nearest]!.start;
        claims.push({ about: review && lawsuit ? 'reviewsAndLawsuits' : review ? 'reviews' : 'lawsuits', claim, quote: quoteOf(start, end) });
        return;
      }
    });
  }
  return claims;
}
