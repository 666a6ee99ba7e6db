import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.js';
import { expectedSchema, type Expected } from '../report/schemas.js';

export type Fixture = { readonly id: string; readonly directory: string; readonly documentPath: string; readonly expected: Expected };

/** Loads one fixture; a labelling slip fails here with the fixture id in the message. */
export async function loadFixture(directory: string, id: string): Promise<Fixture> {
  const folder = join(directory, id);
  const raw = await readFile(join(folder, 'expected.json'), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new AppError('internal', `fixture ${id}: expected.json is not valid JSON`, { cause });
  }
  const parsed = expectedSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AppError('internal', `fixture ${id}: expected.json does not match the result schema: ${issues}`);
  }
  if (parsed.data.id !== id) {
    throw new AppError('internal', `fixture ${id}: expected.json says id "${parsed.data.id}"`);
  }
  return { id, directory: folder, documentPath: join(folder, parsed.data.document), expected: parsed.data };
}

/** Every fixture folder (one holding expected.json) under `directory`, sorted by id. */
export async function loadFixtures(directory: string): Promise<Fixture[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const ids = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(ids.map((id) => loadFixture(directory, id)));
}
