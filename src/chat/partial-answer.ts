// While a structured answer streams in, the person should already read its "answer" field. This
// decodes that JSON string as far as it has arrived, stopping before an escape that is cut off.

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The text of the "answer" field so far in a partial JSON object; '' before it starts. */
export function partialAnswerText(json: string): string {
  const opening = /"answer"\s*:\s*"/.exec(json);
  if (!opening) return '';
  let text = '';
  for (let index = opening.index + opening[0].length; index < json.length; index += 1) {
    const character = json[index]!;
    if (character === '"') return text;
    if (character !== '\\') {
      text += character;
      continue;
    }
    const escaped = json[index + 1];
    if (escaped === undefined) return text;
    if (escaped === 'u') {
      const hex = json.slice(index + 2, index + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return text;
      text += String.fromCharCode(Number.parseInt(hex, 16));
      index += 5;
    } else {
      text += ESCAPES[escaped] ?? escaped;
      index += 1;
    }
  }
  return text;
}
