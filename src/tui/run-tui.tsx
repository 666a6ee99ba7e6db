import { readdir } from 'node:fs/promises';
import { render } from 'ink';
import type { Language } from '../checks/language.js';
import { askAboutReport } from '../chat/ask.js';
import { offlineAnswer } from '../chat/offline-answer.js';
import type { Prompt } from '../extract/prompt.js';
import { saveFixture } from '../label/save-fixture.js';
import type { LlmClient } from '../providers/llm-client.js';
import type { Result } from '../report/schemas.js';
import { App, type AskRequest } from './app.js';
import type { ReportEntry } from './load-reports.js';

export type TuiOptions = {
  readonly entries: readonly ReportEntry[];
  /** Files of the folder left out because they are not reports. */
  readonly notReports: number;
  readonly loadText: (result: Result) => Promise<string>;
  readonly size: { readonly width: number; readonly height: number };
  readonly color: boolean;
  /** The configured model and the chat prompt; null: answers come from the extracted result only. */
  readonly chat: { readonly client: LlmClient; readonly prompt: Prompt } | null;
  readonly fixturesDirectory: string;
  readonly language: Language;
};

/**
 * Runs the review UI until the person quits. ink puts the terminal back on exit, on Ctrl-C and
 * when a component throws; raw mode is switched off here as well in case ink itself fails.
 */
export async function runTui(options: TuiOptions): Promise<void> {
  const { chat } = options;
  const ask = async (request: AskRequest) => {
    const text = await options.loadText(request.result);
    if (!chat) return offlineAnswer(request.result, text, request.question);
    return askAboutReport({ client: chat.client, prompt: chat.prompt, result: request.result, text, history: request.history, question: request.question, onAnswerText: request.onAnswerText });
  };
  // The ids already there, so the suggested id of a new fixture is one that can be written.
  const fixtureIds = new Set(await readdir(options.fixturesDirectory).catch(() => [] as string[]));
  const instance = render(
    <App
      entries={options.entries}
      notReports={options.notReports}
      loadText={options.loadText}
      ask={ask}
      askLabel={chat ? `${chat.client.provider}:${chat.client.model}` : options.language === 'zh' ? '离线（未配置大模型）' : 'offline (no model configured)'}
      save={(result, decisions, request) => saveFixture(result, decisions, { fixturesDirectory: options.fixturesDirectory, ...request })}
      fixturesDirectory={options.fixturesDirectory}
      fixtureIds={fixtureIds}
      language={options.language}
      width={options.size.width}
      height={options.size.height}
      color={options.color}
    />,
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  }
}
