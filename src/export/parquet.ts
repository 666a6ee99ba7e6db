import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { CellValue } from './columns.js';

/**
 * What a column holds, as its Parquet type: text (UTF-8 STRING), a whole number (INT64, so a
 * count reads as 2 and never 2.0 in pandas, R or DuckDB) or a real number (DOUBLE).
 */
export type ColumnKind = 'text' | 'integer' | 'real';

/**
 * The kinds a table's columns need, learned while its rows are written: each starts as declared
 * and widens only when a value demands it (a count printed "1.5" makes its column real; a word in
 * a numeric column makes it text), so that no value is ever rounded or dropped to fit a type.
 */
export class ColumnProfile {
  readonly #kinds: ColumnKind[];

  constructor(declared: readonly ColumnKind[]) {
    this.#kinds = [...declared];
  }

  observe(row: readonly CellValue[]): void {
    row.forEach((value, index) => {
      const kind = this.#kinds[index];
      if (value === null || kind === 'text') return;
      if (typeof value === 'string') this.#kinds[index] = 'text';
      else if (kind === 'integer' && !Number.isSafeInteger(value)) this.#kinds[index] = 'real';
    });
  }

  get kinds(): readonly ColumnKind[] {
    return this.#kinds;
  }
}

export type ParquetTable = {
  readonly columns: readonly string[];
  readonly kinds: readonly ColumnKind[];
  /** Rows in column order, produced lazily: a row group at a time is held, never the table. */
  readonly rows: () => AsyncIterable<readonly CellValue[]>;
  /** Key-value metadata of the file (the codebook of its columns, for a reader that asks). */
  readonly metadata?: Readonly<Record<string, string>>;
};

// A row group holds about this many values: tens of MB at most, whatever the width.
const VALUES_PER_ROW_GROUP = 500_000;

const SCHEMA_TYPE = {
  text: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  integer: { type: 'INT64' },
  real: { type: 'DOUBLE' },
} as const;

/**
 * A Parquet file written a row group at a time (snappy-compressed, statistics on), with
 * hyparquet-writer: pure JavaScript, no native build. Every column is nullable: blank is not zero.
 */
export class ParquetFile {
  readonly #writer: ParquetWriter;
  readonly #rowsPerGroup: number;
  #group: (readonly CellValue[])[] = [];

  constructor(
    path: string,
    readonly columns: readonly string[],
    readonly kinds: readonly ColumnKind[],
    metadata: Readonly<Record<string, string>> = {},
  ) {
    const schema = [
      { name: 'root', num_children: columns.length },
      ...columns.map((name, index) => ({ name, repetition_type: 'OPTIONAL' as const, ...SCHEMA_TYPE[kinds[index]!] })),
    ];
    this.#writer = new ParquetWriter({
      writer: fileWriter(path),
      schema,
      createdBy: 'nianbao',
      kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    });
    this.#rowsPerGroup = Math.max(1000, Math.floor(VALUES_PER_ROW_GROUP / Math.max(1, columns.length)));
  }

  async add(row: readonly CellValue[]): Promise<void> {
    this.#group.push(row);
    if (this.#group.length >= this.#rowsPerGroup) await this.#flush();
  }

  /** Writes the last row group and the footer. An empty table is still a file: its columns, no rows. */
  async close(): Promise<void> {
    if (this.#group.length > 0) await this.#flush();
    this.#writer.finish();
  }

  async #flush(): Promise<void> {
    const group = this.#group;
    this.#group = [];
    await this.#writer.write({
      columnData: this.columns.map((name, index) => ({ name, data: group.map((row) => asKind(row[index] ?? null, this.kinds[index]!)) })),
      rowGroupSize: group.length,
    });
  }
}

/** Writes a whole table, its rows streamed in. */
export async function writeParquet(path: string, table: ParquetTable): Promise<void> {
  const file = new ParquetFile(path, table.columns, table.kinds, table.metadata);
  for await (const row of table.rows()) await file.add(row);
  await file.close();
}

function asKind(value: CellValue, kind: ColumnKind): string | number | bigint | null {
  if (value === null) return null;
  if (kind === 'text') return String(value);
  if (kind === 'integer') return BigInt(value as number);
  return value as number;
}
