import { streamJsonLines } from '../batch/results-store.js';
import type { CellValue } from './columns.js';
import { csvLine, UTF8_BOM } from './csv.js';
import { OutputFile } from './output-file.js';
import { ColumnProfile, type ColumnKind } from './parquet.js';

/**
 * One exported table while results.jsonl is read: its CSV (when it has one) is written as rows
 * come, and the rows are kept in a small JSON-lines file meanwhile, so that the workbook's sheet and
 * the Parquet file are written from them afterwards without parsing results.jsonl again. The
 * profile learns the Parquet types the rows need.
 */
export class RowTable {
  readonly #csv: OutputFile | null;
  readonly #rows: OutputFile;
  readonly profile: ColumnProfile;

  constructor(
    readonly columns: readonly string[],
    kinds: readonly ColumnKind[],
    paths: { readonly csv: string | null; readonly rows: string },
  ) {
    this.#csv = paths.csv === null ? null : new OutputFile(paths.csv);
    this.#rows = new OutputFile(paths.rows);
    this.profile = new ColumnProfile(kinds);
  }

  async open(): Promise<void> {
    await this.#csv?.write(UTF8_BOM + csvLine(this.columns));
  }

  async add(row: readonly CellValue[]): Promise<void> {
    await this.#csv?.write(csvLine(row));
    await this.#rows.write(`${JSON.stringify(row)}\n`);
    this.profile.observe(row);
  }

  async close(): Promise<void> {
    await this.#csv?.close();
    await this.#rows.close();
  }

  destroy(): void {
    this.#csv?.destroy();
    this.#rows.destroy();
  }

  /** The rows written, read back in order (after close). */
  rows(signal?: AbortSignal): () => AsyncIterable<readonly CellValue[]> {
    const path = this.#rows.path;
    return async function* () {
      for await (const row of streamJsonLines(path)) {
        signal?.throwIfAborted();
        yield row as CellValue[];
      }
    };
  }
}
