import { createHash } from 'node:crypto';
import { IngestError } from '../errors.js';
import { readHtmlFile } from './html.js';
import type { SourceDocument } from './source-document.js';
import { INGEST } from '../messages/ingest.js';
import type { Text } from '../messages/text.js';

/**
 * How deep a Word document's XML may nest. A report nests a dozen elements (body, table, row,
 * cell, paragraph, run, text; a few more in text boxes). mammoth's XML parser is quadratic in
 * the depth, and in the nodes its error recovery lifts to the top of a broken document: a
 * damaged document.xml of 200 KB took 17 s before it was refused.
 */
export const MAX_DOCX_DEPTH = 1000;

/** A Word .docx → HTML (mammoth keeps merged cells as rowspan/colspan) → the HTML grid reader. */
export async function documentFromDocxBytes(path: string, bytes: Uint8Array): Promise<SourceDocument> {
  if (bytes.length === 0) throw new IngestError('empty-file', path, INGEST.empty());
  let html: string;
  try {
    // Loaded on the first .docx only: every command starts faster without them.
    const [{ convertToHtml }, jszip] = await Promise.all([import('mammoth'), loadJsZip()]);
    const archive = await jszip.loadAsync(bytes);
    const body = await archive.file('word/document.xml')?.async('string');
    const problem = body === undefined ? null : xmlProblem(body, MAX_DOCX_DEPTH);
    if (problem) throw new IngestError(problem.tooDeep ? 'too-large' : 'corrupt', path, INGEST.brokenDocumentXml(problem.message));
    html = (await convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (cause) {
    if (cause instanceof IngestError) throw cause;
    throw new IngestError('corrupt', path, INGEST.corruptDocx(cause instanceof Error ? cause.message : String(cause)), { cause });
  }
  const { text, grids } = readHtmlFile(path, html);
  if (text.trim().length === 0) throw new IngestError('empty-file', path, INGEST.emptyDocx());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, format: 'docx', encoding: 'docx', sha256, text, grids, lines: [] };
}

// jszip is CommonJS (`module.exports = JSZip`): imported from ESM it is the namespace's default,
// which its types (written for `export =`) do not describe without esModuleInterop.
async function loadJsZip(): Promise<typeof import('jszip')> {
  const namespace = (await import('jszip')) as unknown as { readonly default: typeof import('jszip') };
  return namespace.default;
}

type XmlProblem = { readonly message: Text; readonly tooDeep: boolean };

/**
 * What keeps an XML text from being one well-formed tree, found in one pass over its tags: a tag
 * left open or closed out of turn, a second root, nesting deeper than `maxDepth`. Word always
 * writes well-formed XML, so anything else is damage, refused before the quadratic parser sees it.
 */
export function xmlProblem(xml: string, maxDepth: number): XmlProblem | null {
  const open: string[] = [];
  let roots = 0;
  let at = xml.indexOf('<');
  while (at !== -1) {
    const end = tagEnd(xml, at);
    if (end === -1) return { message: INGEST.xmlInsideTag(at), tooDeep: false };
    const tag = xml.slice(at + 1, Math.min(end, at + 1 + 200));
    if (tag.startsWith('/')) {
      const name = tagName(tag.slice(1));
      if (open.pop() !== name) return { message: INGEST.xmlOutOfTurn(name, at), tooDeep: false };
    } else if (!tag.startsWith('?') && !tag.startsWith('!')) {
      if (open.length === 0 && ++roots > 1) return { message: INGEST.xmlSecondRoot(at), tooDeep: false };
      if (xml[end - 1] !== '/') open.push(tagName(tag));
      if (open.length > maxDepth) return { message: INGEST.tooDeep(maxDepth, INGEST.notAReport()), tooDeep: true };
    }
    at = xml.indexOf('<', end);
  }
  return open.length === 0 ? null : { message: INGEST.xmlStillOpen(open.at(-1)!), tooDeep: false };
}

// Where the tag starting at `start` ends ('>' outside quoted attribute values), -1 if it never does.
function tagEnd(xml: string, start: number): number {
  if (xml.startsWith('<!--', start)) return endAfter(xml, start, '-->');
  if (xml.startsWith('<![CDATA[', start)) return endAfter(xml, start, ']]>');
  if (xml.startsWith('<?', start)) return endAfter(xml, start, '?>');
  for (let at = start + 1; at < xml.length; at += 1) {
    const character = xml[at];
    if (character === '>') return at;
    if (character === '"' || character === "'") {
      at = xml.indexOf(character, at + 1);
      if (at === -1) return -1;
    }
  }
  return -1;
}

function endAfter(xml: string, start: number, closing: string): number {
  const at = xml.indexOf(closing, start);
  return at === -1 ? -1 : at + closing.length - 1;
}

function tagName(tag: string): string {
  return /^[^\s/>]*/.exec(tag)![0];
}
