import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { ChatMessage } from '../providers/llm-client.js';
import { CONFIG } from '../messages/cli.js';

/** A versioned prompt: system text, Chinese instructions, few-shot examples from labelled fixtures. */
export type Prompt = {
  readonly name: string;
  readonly version: string;
  readonly system: string;
  readonly instructions: string;
  readonly examples: readonly { readonly input: string; readonly output: string }[];
  /** sha256 of everything above: recorded in every result and part of every cache key. */
  readonly hash: string;
};

/** Loads prompts/<name>/<version>/ (system.md, instructions.md, examples/<id>.input.txt + .output.json). */
export async function loadPrompt(directory: string, name: string, version: string): Promise<Prompt> {
  const folder = join(directory, name, version);
  try {
    const system = await readFile(join(folder, 'system.md'), 'utf8');
    const instructions = await readFile(join(folder, 'instructions.md'), 'utf8');
    const exampleFiles = (await readdir(join(folder, 'examples')).catch(() => [] as string[])).filter((file) => file.endsWith('.input.txt')).sort();
    const examples = await Promise.all(
      exampleFiles.map(async (file) => ({
        input: (await readFile(join(folder, 'examples', file), 'utf8')).trimEnd(),
        output: JSON.stringify(JSON.parse(await readFile(join(folder, 'examples', file.replace('.input.txt', '.output.json')), 'utf8'))),
      })),
    );
    const hash = createHash('sha256').update(JSON.stringify({ name, version, system, instructions, examples })).digest('hex').slice(0, 16);
    return { name, version, system, instructions, examples, hash };
  } catch (cause) {
    throw new ConfigError(CONFIG.promptMissing(`${name}/${version}`, folder), { cause });
  }
}

/** The chat: system, one user/assistant pair per example, then the instructions and the report's prose. */
export function buildMessages(prompt: Prompt, narrativeText: string): ChatMessage[] {
  return [
    { role: 'system', content: prompt.system },
    ...prompt.examples.flatMap((example): ChatMessage[] => [
      { role: 'user', content: `${prompt.instructions}\n${example.input}` },
      { role: 'assistant', content: example.output },
    ]),
    { role: 'user', content: `${prompt.instructions}\n${narrativeText}` },
  ];
}
