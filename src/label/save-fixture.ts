import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { tableRowsOf } from '../checks/table-rows.js';
import type { Result } from '../report/schemas.js';
import { tableLayoutOf } from '../report/table-layout.js';
import { buildExpected, fixtureDocumentName } from './build-expected.js';
import { FIXTURE_ID } from './fixture-id.js';
import { fixtureNotes } from './fixture-notes.js';
import { text } from '../messages/text.js';
import type { Decisions } from './review.js';

export type SaveFixtureRequest = {
  readonly fixturesDirectory: string;
  readonly id: string;
  readonly includeNarrative: boolean;
  readonly now?: Date;
};

/**
 * Writes fixtures/<id>/ (a copy of the report, expected.json, NOTES.md) into a hidden folder
 * first and renames it into place, so a fixture is either whole or absent. Never overwrites.
 */
export async function saveFixture(result: Result, decisions: Decisions, request: SaveFixtureRequest): Promise<string> {
  if (!FIXTURE_ID.test(request.id)) {
    throw new AppError('usage', text(`“${request.id}”不能作样例 id：请用 3–80 个小写字母、数字、汉字和连字符`, `"${request.id}" is not a fixture id: use 3–80 lower-case letters, digits, Chinese characters and hyphens`));
  }
  const folder = join(request.fixturesDirectory, request.id);
  if (await stat(folder).then(() => true, () => false)) throw new AppError('output-failed', text(`${folder} 已存在：请换一个 id`, `${folder} already exists: choose another id`));
  const document = fixtureDocumentName(result);
  const expected = buildExpected(result, decisions, { id: request.id, document, includeNarrative: request.includeNarrative });
  const layout = tableLayoutOf(result.template.format);
  const cellCount = layout ? tableRowsOf(layout.format).reduce((total, row) => total + row.cells.length, 0) : 0;
  // The labels describe the bytes that were read: a file changed (or replaced) since then would
  // make a fixture whose report and labels disagree.
  const bytes = await readFile(result.source.path).catch((cause: unknown) => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('output-failed', text(`样例未保存：报告 ${result.source.path} 无法读取（${reason}）`, `could not save the fixture: the report ${result.source.path} cannot be read (${reason})`), { cause });
  });
  if (createHash('sha256').update(bytes).digest('hex') !== result.source.sha256) {
    throw new AppError('output-failed', text(`样例未保存：${result.source.path} 在读取之后改动过，请重新打开`, `could not save the fixture: ${result.source.path} has changed since it was read; open it again`));
  }
  const staging = join(request.fixturesDirectory, `.${request.id}.saving-${process.pid}`);
  try {
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, document), bytes);
    await writeFile(join(staging, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
    await writeFile(join(staging, 'NOTES.md'), fixtureNotes(result, expected, decisions, request.now ?? new Date(), cellCount));
    await rename(staging, folder);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('output-failed', text(`样例 ${folder} 未保存：${reason}`, `could not save the fixture ${folder}: ${reason}`), { cause });
  }
  return folder;
}
