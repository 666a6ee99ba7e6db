// The pipeline stages may only import stages before them (style guide §3). Type-only imports are
// erased at run time and allowed where a stage consumes another's output type.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('../src', import.meta.url).pathname;

const ALLOWED: Record<string, readonly string[]> = {
  // Every stage words what people read through messages/ (both languages); it imports no stage.
  messages: [],
  report: ['messages'],
  ingest: ['report', 'errors', 'messages'],
  sections: ['report', 'messages'],
  tables: ['report', 'sections', 'messages'],
  checks: ['report', 'messages'],
  render: ['report', 'checks', 'messages'],
  providers: ['errors', 'file-system', 'messages'],
  extract: ['report', 'sections', 'providers', 'errors', 'messages'],
  pipeline: ['report', 'ingest', 'sections', 'tables', 'checks', 'extract', 'providers', 'errors', 'messages'],
  eval: ['report', 'pipeline', 'render', 'errors', 'file-system', 'messages'],
  batch: ['report', 'ingest', 'pipeline', 'extract', 'providers', 'checks', 'errors', 'file-system', 'messages'],
  export: ['report', 'checks', 'batch', 'file-system', 'messages'],
  chat: ['report', 'sections', 'checks', 'extract', 'providers', 'errors', 'messages'],
  label: ['report', 'checks', 'errors', 'file-system', 'messages'],
  tui: ['report', 'checks', 'render', 'ingest', 'pipeline', 'batch', 'chat', 'label', 'errors', 'messages'],
  config: ['errors', 'providers', 'messages'],
  cli: ['report', 'ingest', 'sections', 'tables', 'checks', 'render', 'pipeline', 'eval', 'batch', 'export', 'tui', 'chat', 'label', 'extract', 'providers', 'config', 'errors', 'file-system', 'messages'],
};
// src/file-system.ts makes folders and words write failures for the stages that write.
// Only these stages touch the disk; checks, sections, tables and render are pure.
const PURE = ['report', 'sections', 'tables', 'checks', 'render', 'messages'];
// providers/ and extract/ get their settings injected; they never read the environment.

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(SOURCE).map((path) => ({ path: relative(SOURCE, path), text: readFileSync(path, 'utf8') }));

describe('dependency direction', () => {
  it.each(files.filter((file) => file.path.includes('/')).map((file) => [file.path, file] as const))('%s', (_path, file) => {
    const stage = file.path.split('/')[0]!;
    const allowed = ALLOWED[stage];
    expect(allowed, `stage ${stage} is not in the dependency table`).toBeDefined();
    const valueImports = [...file.text.matchAll(/^import (?!type )[^;]*? from '(\.\.\/[^']+)'/gms)].map((match) => match[1]!);
    for (const target of valueImports) {
      const targetStage = relative(SOURCE, resolve(SOURCE, dirname(file.path), target)).split('/')[0]!.replace(/\.js$/, '');
      if (targetStage !== stage) expect(allowed, `${file.path} imports ${target}`).toContain(targetStage);
    }
    if (PURE.includes(stage)) {
      expect(file.text, `${file.path} is a pure stage`).not.toMatch(/from 'node:(fs|fs\/promises|child_process|net|http|https)'/);
      expect(file.text).not.toMatch(/process\.(env|exit)/);
    }
    if (stage !== 'cli') expect(file.text, `${file.path}: only cli/ reads the environment or exits`).not.toMatch(/process\.(env|exit)\b/);
  });
});
