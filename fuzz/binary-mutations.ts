// Damage to the containers: a PDF whose cross-reference entries point to the wrong bytes (the
// kind a broken download or a careless editor leaves), and Word files whose zip is cut, flipped
// or holds a damaged document.xml.
import { deflateSync, inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import type { Random } from './random.js';
import { flipBits, TEXT_MUTATIONS, type Mutation } from './text-mutations.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

const truncate: Mutation = { name: 'truncate at a random byte', apply: (bytes, random) => bytes.slice(0, random.int(bytes.length + 1)) };
const flip: Mutation = { name: 'flip bits', apply: (bytes, random) => flipBits(bytes, random) };

/**
 * One byte of one offset in the PDF's last cross-reference stream (or classic table) changed:
 * the object it names is then looked for at the wrong place.
 */
export function damageXrefOffset(bytes: Uint8Array, random: Random): Uint8Array {
  const text = latin1(bytes);
  const typeAt = Math.max(text.lastIndexOf('/Type /XRef'), text.lastIndexOf('/Type/XRef'));
  if (typeAt < 0) return damageXrefTable(bytes, text, random);
  const dictionaryStart = text.lastIndexOf('<<', typeAt);
  const streamKeyword = text.indexOf('stream', typeAt);
  const dictionary = text.slice(dictionaryStart, streamKeyword);
  const widths = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dictionary);
  const length = /\/Length\s+(\d+)/.exec(dictionary);
  if (!widths || !length || !dictionary.includes('/FlateDecode') || dictionary.includes('/DecodeParms')) return flipBits(bytes, random);
  const dataStart = streamKeyword + 'stream'.length + (text[streamKeyword + 6] === '\r' ? 2 : 1);
  const dataEnd = dataStart + Number(length[1]);
  let entries: Buffer;
  try {
    entries = inflateSync(bytes.subarray(dataStart, dataEnd));
  } catch {
    return flipBits(bytes, random);
  }
  const [typeWidth, offsetWidth, generationWidth] = [Number(widths[1]), Number(widths[2]), Number(widths[3])];
  const entryWidth = typeWidth + offsetWidth + generationWidth;
  const inUse: number[] = [];
  for (let at = 0; at + entryWidth <= entries.length; at += entryWidth) if (typeWidth === 0 || entries[at + typeWidth - 1] === 1) inUse.push(at);
  if (inUse.length === 0 || offsetWidth === 0) return flipBits(bytes, random);
  const entry = random.pick(inUse);
  const damaged = Buffer.from(entries);
  const byte = entry + typeWidth + random.int(offsetWidth);
  damaged[byte] = (damaged[byte]! + 1 + random.int(255)) & 0xff;
  const compressed = deflateSync(damaged);
  const newDictionary = dictionary.replace(/\/Length\s+\d+/, `/Length ${compressed.length}`);
  return Buffer.concat([
    bytes.subarray(0, dictionaryStart),
    Buffer.from(newDictionary, 'latin1'),
    bytes.subarray(streamKeyword, dataStart),
    compressed,
    bytes.subarray(dataEnd),
  ]);
}

/** A classic `xref` table: one digit of one `nnnnnnnnnn ggggg n` entry changed. */
function damageXrefTable(bytes: Uint8Array, text: string, random: Random): Uint8Array {
  const table = text.lastIndexOf('\nxref');
  const entries = [...text.slice(table).matchAll(/(\d{10}) \d{5} n/g)].slice(0, 10_000);
  if (table < 0 || entries.length === 0) return flipBits(bytes, random);
  const entry = random.pick(entries);
  const at = table + entry.index! + random.int(10);
  const result = bytes.slice();
  result[at] = 0x30 + ((result[at]! - 0x30 + 1 + random.int(9)) % 10);
  return result;
}

/** `startxref` pointing a few bytes off. */
function damageStartXref(bytes: Uint8Array, random: Random): Uint8Array {
  const text = latin1(bytes);
  const keyword = text.lastIndexOf('startxref');
  const match = keyword < 0 ? null : /startxref\s+(\d+)/.exec(text.slice(keyword));
  if (!match) return flipBits(bytes, random);
  const offset = Math.max(0, Number(match[1]) + random.pick([-7, -1, 1, 13, 100_000]));
  const start = keyword;
  const end = keyword + match[0].length;
  return Buffer.concat([bytes.subarray(0, start), Buffer.from(`startxref\n${offset}`, 'latin1'), bytes.subarray(end)]);
}

/** Bits flipped inside one stream's data (a font, a page's content, an image). */
function damageStream(bytes: Uint8Array, random: Random): Uint8Array {
  const text = latin1(bytes);
  const starts = [...text.matchAll(/stream\r?\n/g)].map((match) => match.index! + match[0].length);
  if (starts.length === 0) return flipBits(bytes, random);
  const start = random.pick(starts);
  const end = text.indexOf('endstream', start);
  return flipBits(bytes, random, start, end < 0 ? bytes.length : end);
}

export const PDF_MUTATIONS: readonly Mutation[] = [
  { name: 'damage an xref offset', apply: damageXrefOffset },
  { name: 'damage an xref offset', apply: damageXrefOffset },
  { name: 'move startxref', apply: damageStartXref },
  { name: 'flip bits in a stream', apply: damageStream },
  flip,
  truncate,
];

/**
 * A mutation of one part of the .docx (word/document.xml by default), written into a new zip.
 * Every part is read out first: jszip throws outside its promises (an uncaught exception) when it
 * recompresses an entry whose recorded size is wrong, so a damaged zip is never recompressed.
 */
function onPart(name: string, change: (bytes: Uint8Array, random: Random) => Uint8Array | Promise<Uint8Array> | null): Mutation['apply'] {
  return async (bytes, random) => {
    const parts = new Map<string, Uint8Array>();
    try {
      const zip = await JSZip.loadAsync(bytes);
      for (const entry of Object.values(zip.files)) if (!entry.dir) parts.set(entry.name, await entry.async('uint8array'));
    } catch {
      return flipBits(bytes, random);
    }
    const part = parts.get(name);
    if (!part) return flipBits(bytes, random);
    const changed = await change(part, random);
    const rebuilt = new JSZip();
    for (const [entry, content] of parts) {
      if (entry !== name) rebuilt.file(entry, content);
      else if (changed !== null) rebuilt.file(entry, changed);
    }
    return rebuilt.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };
}

/** The local file headers' compressed data, hit in one entry. */
function damageZipEntry(bytes: Uint8Array, random: Random): Uint8Array {
  const text = latin1(bytes);
  const headers = [...text.matchAll(/PK\u0003\u0004/g)].map((match) => match.index!);
  if (headers.length === 0) return flipBits(bytes, random);
  const index = random.int(headers.length);
  return flipBits(bytes, random, headers[index]! + 30, headers[index + 1] ?? bytes.length);
}

/** The central directory (the zip's table of contents at its end) damaged. */
function damageCentralDirectory(bytes: Uint8Array, random: Random): Uint8Array {
  const start = latin1(bytes).indexOf('PK\u0001\u0002');
  return start < 0 ? flipBits(bytes, random) : flipBits(bytes, random, start, bytes.length);
}

export const DOCX_MUTATIONS: readonly Mutation[] = [
  { name: 'damage a zip entry', apply: damageZipEntry },
  { name: 'damage the zip directory', apply: damageCentralDirectory },
  truncate,
  ...TEXT_MUTATIONS.map((mutation) => ({ name: `document.xml: ${mutation.name}`, apply: onPart('word/document.xml', mutation.apply) })),
  { name: 'remove document.xml', apply: onPart('word/document.xml', () => null) },
  { name: 'remove [Content_Types].xml', apply: onPart('[Content_Types].xml', () => null) },
];
