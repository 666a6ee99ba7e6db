export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedText =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncoding;
      /** Byte offsets of invalid UTF-8 sequences, each decoded as U+FFFD (see DAMAGE_LIMIT). */
      readonly damagedBytes?: readonly number[];
    }
  | { readonly ok: false; readonly reason: 'binary' | 'undecodable' };

/**
 * A UTF-8 file with a few invalid bytes (a bad sector, a careless edit) is still the report: it is
 * decoded with U+FFFD in their place when they are at most 64 and at most one byte in a thousand.
 * A GB18030 file read as UTF-8 has an invalid sequence in nearly every Chinese character.
 */
export const DAMAGE_LIMIT = { sequences: 64, perThousandBytes: 1 } as const;

/**
 * Decodes report bytes: a BOM decides; otherwise strict UTF-8, then GB18030 (a superset of
 * GBK/GB2312, which many government .txt files use). Bytes that look like a binary file
 * (NUL bytes, or control characters in bulk) are refused rather than decoded into noise.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeWith('utf-8', bytes.subarray(3), 'utf-8-bom');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith('utf-16le', bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith('utf-16be', bytes.subarray(2), 'utf-16be');
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  const utf8 = decodeWith('utf-8', bytes, 'utf-8');
  if (utf8.ok) return utf8;
  const cut = withoutPartialCharacter(bytes);
  if (cut) {
    const truncated = decodeWith('utf-8', cut, 'utf-8');
    if (truncated.ok) return truncated;
  }
  const damaged = invalidUtf8Offsets(bytes, DAMAGE_LIMIT.sequences + 1);
  if (damaged.length <= DAMAGE_LIMIT.sequences && damaged.length * 1000 <= bytes.length * DAMAGE_LIMIT.perThousandBytes) {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    if (!hasBinaryControls(text)) return { ok: true, text, encoding: 'utf-8', damagedBytes: damaged };
  }
  return decodeWith('gb18030', bytes, 'gb18030');
}

/** Where the invalid UTF-8 sequences start (the WHATWG decoder's rules), at most `limit` of them. */
export function invalidUtf8Offsets(bytes: Uint8Array, limit: number): number[] {
  const offsets: number[] = [];
  let index = 0;
  while (index < bytes.length && offsets.length < limit) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) {
      offsets.push(index);
      index += 1;
      continue;
    }
    // The second byte's range depends on the lead (no overlong forms, no surrogates, nothing past U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let valid = 1;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) break;
      valid += 1;
    }
    if (valid < length) {
      offsets.push(index);
      index += Math.max(1, valid);
      continue;
    }
    index += length;
  }
  return offsets;
}

// A file cut off mid-character (a truncated download, `head -c`) ends in the first bytes of a
// UTF-8 sequence: drop them rather than refusing the whole file; the sections tell it is cut.
function withoutPartialCharacter(bytes: Uint8Array): Uint8Array | undefined {
  for (let drop = 1; drop <= 3 && drop < bytes.length; drop += 1) {
    const byte = bytes[bytes.length - drop]!;
    if (byte >= 0xc0) return bytes.subarray(0, bytes.length - drop);
    if (byte < 0x80) return undefined;
  }
  return undefined;
}

function decodeWith(label: string, bytes: Uint8Array, encoding: TextEncoding): DecodedText {
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    if (hasBinaryControls(text)) return { ok: false, reason: 'binary' };
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

const SAMPLE = 8192;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE);
  return sample.includes(0);
}

// Text files carry tabs, newlines and form feeds; other C0 controls in bulk mean a binary file.
function hasBinaryControls(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  let controls = 0;
  for (const character of sample) {
    const code = character.charCodeAt(0);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) controls += 1;
  }
  return controls > 0 && controls / Math.max(sample.length, 1) > 0.01;
}
