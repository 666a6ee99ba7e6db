import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInputs, type ListedPath } from './list-inputs.js';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'nianbao-list-'));
  for (const path of ['reports/2023/a.txt', 'reports/2023/b.pdf', 'reports/2024/c.docx', 'reports/2024/old.doc', 'reports/.cache/x.txt', 'reports/out/results.jsonl', 'reports/out/d.md', 'reports/notes.xlsx']) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), 'x');
  }
  await writeFile(join(root, 'list.txt'), `# the 2023 ones again, and one that is gone\n${join(root, 'reports/2023/a.txt')}\n\n${join(root, 'missing.pdf')}\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Each message is in both languages; the English is compared here.
const english = ({ path, message }: ListedPath) => ({ path, message: message.en });

describe('listInputs', () => {
  it('walks directories in order, skipping hidden folders, the output folder and other file types', async () => {
    const { files, problems } = await listInputs([join(root, 'reports')], [], [join(root, 'reports/out')]);
    expect(files.map((file) => file.slice(root.length + 1))).toEqual(['reports/2023/a.txt', 'reports/2023/b.pdf', 'reports/2024/c.docx', 'reports/2024/old.doc']);
    expect(problems).toEqual([]);
  });

  it('reads list files (comments and blank lines skipped), lists a path once, and names what is missing', async () => {
    const { files, problems } = await listInputs([join(root, 'reports/2023/a.txt')], [join(root, 'list.txt'), join(root, 'no-list.txt')]);
    expect(files).toEqual([join(root, 'reports/2023/a.txt')]);
    expect(problems.map(english)).toEqual([
      { path: join(root, 'no-list.txt'), message: 'cannot read this list file' },
      { path: join(root, 'missing.pdf'), message: 'no such file or directory' },
    ]);
  });
});

describe('listInputs and symbolic links', () => {
  let linked = '';
  beforeAll(async () => {
    linked = await mkdtemp(join(tmpdir(), 'nianbao-links-'));
    await mkdir(join(linked, 'in/real'), { recursive: true });
    await mkdir(join(linked, 'elsewhere'), { recursive: true });
    await writeFile(join(linked, 'in/real/a.txt'), 'x');
    await writeFile(join(linked, 'elsewhere/b.html'), 'x');
    await writeFile(join(linked, 'elsewhere/c.pdf'), 'x');
    await symlink(join(linked, 'elsewhere/c.pdf'), join(linked, 'in/c-link.pdf'));
    await symlink(join(linked, 'elsewhere'), join(linked, 'in/more'));
    await symlink(join(linked, 'in'), join(linked, 'in/real/loop')); // a link back up: a loop
    await symlink(join(linked, 'gone.pdf'), join(linked, 'in/broken.pdf'));
    await symlink(join(linked, 'gone.jpg'), join(linked, 'in/broken.jpg'));
  });
  afterAll(async () => {
    await rm(linked, { recursive: true, force: true });
  });

  it('follows linked files and folders, ends a loop, and names every link it could not or did not follow', async () => {
    const { files, problems, skipped } = await listInputs([join(linked, 'in')], []);
    expect(files.map((file) => file.slice(linked.length + 1))).toEqual(['in/c-link.pdf', 'in/more/b.html', 'in/more/c.pdf', 'in/real/a.txt']);
    expect(problems).toEqual([{ path: join(linked, 'in/broken.pdf'), message: { zh: '符号链接已失效：它指向的目标不存在', en: 'a broken symbolic link: its target does not exist' } }]);
    expect(skipped.map(english)).toEqual([
      { path: join(linked, 'in/broken.jpg'), message: 'skipped: a broken symbolic link: its target does not exist' },
      { path: join(linked, 'in/real/loop'), message: `skipped: the folder ${join(linked, 'in')} is already read (through a link loop or a second path to it)` },
    ]);
  });
});
