import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import OpenAI, { toFile } from 'openai';
import { ProviderError } from '../errors.js';
import type { CompletionRequest, CompletionResponse, LlmClient } from './llm-client.js';
import { chatCompletionBody, completionResponse, redactedError } from './openai.js';

export type BatchApiEvent =
  | { readonly kind: 'submitted'; readonly batchId: string; readonly requests: number }
  | { readonly kind: 'resumed'; readonly batchId: string; readonly requests: number }
  | { readonly kind: 'status'; readonly batchId: string; readonly status: string; readonly completed: number; readonly failed: number; readonly total: number }
  | { readonly kind: 'finished'; readonly batchId: string; readonly answered: number; readonly retried: number; readonly failed: number };

export type OpenAiBatchOptions = {
  readonly apiKey: string;
  readonly baseUrl?: string;
  readonly model: string;
  /** Where the batches in flight are recorded, so that a restarted run picks them up by id. */
  readonly statePath: string;
  readonly pollIntervalMs?: number;
  /** Requests arriving within this long of each other go into one batch. */
  readonly gatherMs?: number;
  /** A request that failed inside a batch is put into the next batch this many times. */
  readonly maxRetries?: number;
  readonly onEvent?: (event: BatchApiEvent) => void;
};

type State = { batches: { id: string; customIds: string[]; submittedAt: string }[] };
type Waiter = { readonly resolve: (response: CompletionResponse) => void; readonly reject: (error: Error) => void };
type Entry = { readonly body: ReturnType<typeof chatCompletionBody>; attempts: number; readonly waiters: Waiter[] };

const FINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

/**
 * The OpenAI Batch API as an LlmClient: calls to `complete` are gathered, uploaded as one JSONL
 * file, submitted as a batch, polled, and answered from its output file, joined by custom_id (the
 * hash of the request body, so the same request gets the same id in every run). The batch ids in
 * flight are written to `statePath`: a run restarted while a batch is processing polls that batch
 * instead of paying for a new one. Requests that fail inside a batch go into the next one.
 */
export function createOpenAiBatchClient(options: OpenAiBatchOptions): LlmClient {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 3 });
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const gatherMs = options.gatherMs ?? 2000;
  const maxRetries = options.maxRetries ?? 2;
  const entries = new Map<string, Entry>();
  const queued = new Set<string>();
  const polling = new Set<string>();
  let state: Promise<State> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let saving = Promise.resolve();

  const loadState = () =>
    (state ??= readFile(options.statePath, 'utf8')
      .then((text) => JSON.parse(text) as State)
      .catch(() => ({ batches: [] })));
  const saveState = async () => {
    const current = await loadState();
    saving = saving.then(async () => {
      const temporary = `${options.statePath}.partial`;
      await writeFile(temporary, JSON.stringify(current, null, 2));
      await rename(temporary, options.statePath);
    });
    return saving;
  };
  const fail = (error: unknown) =>
    error instanceof ProviderError ? error : new ProviderError(`the Batch API at ${options.baseUrl ?? 'https://api.openai.com/v1'} failed: ${redactedError(error, options.apiKey).message}`, error instanceof OpenAI.APIError ? (error.status ?? null) : null);

  function settle(customId: string, outcome: CompletionResponse | Error): void {
    const entry = entries.get(customId);
    if (!entry) return;
    entries.delete(customId);
    for (const waiter of entry.waiters) {
      if (outcome instanceof Error) waiter.reject(outcome);
      else waiter.resolve(outcome);
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void submit();
    }, gatherMs);
  }

  async function submit(): Promise<void> {
    const ids = [...queued];
    queued.clear();
    if (ids.length === 0) return;
    try {
      const lines = ids.map((customId) => JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: entries.get(customId)!.body }));
      const file = await client.files.create({ file: await toFile(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), 'nianbao-batch.jsonl'), purpose: 'batch' });
      const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
      (await loadState()).batches.push({ id: batch.id, customIds: ids, submittedAt: new Date().toISOString() });
      await saveState();
      options.onEvent?.({ kind: 'submitted', batchId: batch.id, requests: ids.length });
      void poll(batch.id);
    } catch (error) {
      for (const customId of ids) settle(customId, fail(error));
    }
  }

  async function poll(batchId: string): Promise<void> {
    if (polling.has(batchId)) return;
    polling.add(batchId);
    try {
      for (;;) {
        const batch = await client.batches.retrieve(batchId);
        const counts = batch.request_counts ?? { completed: 0, failed: 0, total: 0 };
        options.onEvent?.({ kind: 'status', batchId, status: batch.status, completed: counts.completed, failed: counts.failed, total: counts.total });
        if (FINAL.has(batch.status)) {
          await collect(batchId, batch.output_file_id ?? null);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      }
    } catch (error) {
      // Polling failed (the endpoint is down): these reports fail this run; the batch id stays
      // recorded, so the next run polls it again instead of submitting the requests anew.
      const recorded = (await loadState()).batches.find((batch) => batch.id === batchId);
      for (const customId of recorded?.customIds ?? []) settle(customId, fail(error));
    } finally {
      polling.delete(batchId);
    }
  }

  async function collect(batchId: string, outputFileId: string | null): Promise<void> {
    const current = await loadState();
    const recorded = current.batches.find((batch) => batch.id === batchId);
    const answered = new Map<string, { status: number; body: unknown }>();
    if (outputFileId) {
      const text = await (await client.files.content(outputFileId)).text();
      for (const line of text.split('\n').filter(Boolean)) {
        const item = JSON.parse(line) as { custom_id: string; response?: { status_code: number; body: unknown } | null };
        if (item.response) answered.set(item.custom_id, { status: item.response.status_code, body: item.response.body });
      }
    }
    let answeredCount = 0;
    let retried = 0;
    let failed = 0;
    for (const customId of recorded?.customIds ?? []) {
      const answer = answered.get(customId);
      if (answer && answer.status === 200) {
        answeredCount += 1;
        settle(customId, completionResponse(answer.body as OpenAI.Chat.ChatCompletion, 'json_schema'));
        continue;
      }
      const entry = entries.get(customId);
      if (entry && entry.attempts < maxRetries) {
        entry.attempts += 1;
        retried += 1;
        queued.add(customId);
      } else {
        failed += 1;
        settle(customId, new ProviderError(`the Batch API answered ${answer?.status ?? 'nothing'} for one request of ${batchId}`, answer?.status ?? null));
      }
    }
    current.batches = current.batches.filter((batch) => batch.id !== batchId);
    await saveState();
    options.onEvent?.({ kind: 'finished', batchId, answered: answeredCount, retried, failed });
    if (queued.size > 0) schedule();
  }

  return {
    provider: 'openai',
    model: options.model,
    endpoint: options.baseUrl ?? 'https://api.openai.com/v1',
    async complete(request: CompletionRequest): Promise<CompletionResponse> {
      const body = chatCompletionBody(options.model, request, 'json_schema');
      const customId = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const current = await loadState();
      return new Promise<CompletionResponse>((resolve, reject) => {
        const entry = entries.get(customId) ?? { body, attempts: 0, waiters: [] };
        entry.waiters.push({ resolve, reject });
        if (entries.has(customId)) return;
        entries.set(customId, entry);
        const inFlight = current.batches.find((batch) => batch.customIds.includes(customId));
        if (inFlight) {
          if (!polling.has(inFlight.id)) options.onEvent?.({ kind: 'resumed', batchId: inFlight.id, requests: inFlight.customIds.length });
          void poll(inFlight.id);
          return;
        }
        queued.add(customId);
        schedule();
      });
    },
  };
}
