// Damage of the kinds copy-paste, scraping and broken encoders do to a report's text: lines lost
// or doubled, cells and lines moved, digits changed, separators swapped, bytes that are not
// UTF-8, markup nested thousands deep, files cut short.
import type { Random } from './random.js';

export type Mutation = { readonly name: string; readonly apply: (bytes: Uint8Array, random: Random) => Uint8Array | Promise<Uint8Array> };

const utf8 = new TextEncoder();
// Earlier byte mutations may leave invalid UTF-8: it reads as U+FFFD and is written back so.
const lenient = new TextDecoder('utf-8');
const asText = (bytes: Uint8Array) => lenient.decode(bytes);

// Characters that matter to the parser: separators, digits of both widths, zero marks, brackets,
// heading numerals, key phrases of rows, markup.
const INTERESTING = [
  '|', '\t', '\n', ' ', '\u3000', '0', '7', '１', '２', '．', '.', ',', '—', '-', '/', '无', '〇', '（', '）', '(', ')', '〔',
  '一、', '三、', '四、', '六、', '（七）总计', '总计', '本年新收', '结转下年度', '国家秘密', '其他', '三安全一稳定',
  '本年制发件数', '指标名称', '计量单位', '新制作数量', '<td>', '</td>', '<tr>', '</table>', '<td rowspan="0">', '<td colspan="999">',
  '&nbsp;', '&#12345;', '<br>', '\r', '\ufeff', '\u0000', '\u001b', '\ud800', '999999999999999999999', '1.5', '0.000001',
  '2030年', '1999年', '万条', '公众号', '“', '”', '共', '件', '条',
];

function onLines(bytes: Uint8Array, change: (lines: string[]) => void): Uint8Array {
  const lines = asText(bytes).split('\n');
  change(lines);
  return utf8.encode(lines.join('\n'));
}

function insertAt(bytes: Uint8Array, random: Random, text: string): Uint8Array {
  const source = asText(bytes);
  const at = random.int(source.length + 1);
  return utf8.encode(source.slice(0, at) + text + source.slice(at));
}

export const TEXT_MUTATIONS: readonly Mutation[] = [
  {
    name: 'delete lines',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        const count = 1 + random.int(8);
        for (let index = 0; index < count && lines.length > 0; index += 1) lines.splice(random.int(lines.length), 1 + random.int(3));
      }),
  },
  {
    name: 'duplicate lines',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        const start = random.int(lines.length);
        const block = lines.slice(start, start + 1 + random.int(6));
        lines.splice(random.int(lines.length + 1), 0, ...block);
      }),
  },
  {
    name: 'swap two cells within a line',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        for (let attempt = 0; attempt < 4; attempt += 1) {
          const index = random.int(lines.length);
          const separator = lines[index]!.includes('|') ? '|' : lines[index]!.includes('\t') ? '\t' : ' ';
          const cells = lines[index]!.split(separator);
          if (cells.length < 2) continue;
          const left = random.int(cells.length);
          const right = random.int(cells.length);
          [cells[left], cells[right]] = [cells[right]!, cells[left]!];
          lines[index] = cells.join(separator);
        }
      }),
  },
  {
    name: 'swap two lines',
    apply: (bytes, random) =>
      onLines(bytes, (lines) => {
        const left = random.int(lines.length);
        const right = random.int(lines.length);
        [lines[left], lines[right]] = [lines[right]!, lines[left]!];
      }),
  },
  {
    name: 'insert random bytes',
    apply: (bytes, random) => {
      const result = Array.from(bytes);
      const count = 1 + random.int(12);
      for (let index = 0; index < count; index += 1) result.splice(random.int(result.length + 1), 0, random.int(256));
      return new Uint8Array(result);
    },
  },
  {
    name: 'flip bits',
    apply: (bytes, random) => flipBits(bytes, random),
  },
  {
    name: 'insert interesting characters',
    apply: (bytes, random) => {
      let text = asText(bytes);
      const count = 1 + random.int(20);
      for (let index = 0; index < count; index += 1) {
        const at = random.int(text.length + 1);
        text = text.slice(0, at) + random.pick(INTERESTING) + text.slice(at);
      }
      return utf8.encode(text);
    },
  },
  {
    name: 'truncate at a random byte',
    apply: (bytes, random) => bytes.slice(0, random.int(bytes.length + 1)),
  },
  {
    name: 'replace digits',
    apply: (bytes, random) => {
      const probability = random.pick([0.02, 0.2, 1]);
      const replacements = ['0', '1', '9', '12', '', '０', '８', '—', '/', '3.5', '1000000', '2030', '1999'];
      return utf8.encode(asText(bytes).replace(/[0-9０-９]/g, (digit) => (random.next() < probability ? random.pick(replacements) : digit)));
    },
  },
  {
    name: 'remove all newlines',
    apply: (bytes, random) => utf8.encode(asText(bytes).replace(/\r?\n/g, random.pick(['', ' ', '\t']))),
  },
  {
    name: 'replace separators',
    apply: (bytes, random) => {
      const [from, to] = random.pick([['|', '\t'], ['\t', '|'], ['|', ''], ['\t', '  '], [' | ', '|'], ['</td>', ''], ['<tr>', ''], ['，', ','], ['。', '\n'], ['\n', '\r']] as const);
      return utf8.encode(asText(bytes).split(from).join(to));
    },
  },
  {
    name: 'nest elements',
    apply: (bytes, random) => {
      const depth = random.pick([20, 900, 1500, 6000]);
      const [open, close] = random.pick([['<div>', '</div>'], ['<table><tr><td>', '</td></tr></table>'], ['<b>', '</b>'], ['<span>', '']] as const);
      return insertAt(bytes, random, open.repeat(depth) + '深' + close.repeat(random.next() < 0.5 ? depth : 0));
    },
  },
  {
    // A pasted hex dump, a copy that turned a table into one line of spaces: patterns with two
    // adjacent quantifiers over the same characters are quadratic in such a run.
    name: 'insert a long run of one character',
    apply: (bytes, random) => {
      const unit = random.pick([' ', '\t', '\u3000', '-', '|', '1', '.', '。', '（', '@', 'a', '—', '- ', '| ', '1 ', '\n']);
      return insertAt(bytes, random, unit.repeat(random.pick([1000, 20_000, 200_000]) / unit.length));
    },
  },
  {
    name: 'nest quotes and brackets',
    apply: (bytes, random) => {
      const depth = random.pick([20, 2000, 20000]);
      const unit = random.pick(['> ', '（', '“', '- ', '|', '[']);
      return insertAt(bytes, random, `\n${unit.repeat(depth)}共 5 件\n`);
    },
  },
];

/** XOR a random bit into 1–16 random bytes. */
export function flipBits(bytes: Uint8Array, random: Random, from = 0, to = bytes.length): Uint8Array {
  const result = bytes.slice();
  if (to <= from) return result;
  const count = 1 + random.int(16);
  for (let index = 0; index < count; index += 1) {
    const at = from + random.int(to - from);
    result[at] = result[at]! ^ (1 << random.int(8));
  }
  return result;
}
