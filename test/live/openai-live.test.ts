// `npm run test:live`: one real extraction against the configured OpenAI-compatible endpoint.
// Skipped unless LIVE_LLM=1 and a model and key (or base URL) are set; `npm test` never runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLlmExtractor } from '../../src/extract/llm-extractor.js';
import { loadPrompt } from '../../src/extract/prompt.js';
import { documentFromBytes } from '../../src/ingest/read-document.js';
import { analyzeWithExtractor } from '../../src/pipeline/read-report.js';
import { createOpenAiClient } from '../../src/providers/openai.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const environment = process.env;
const enabled = environment['LIVE_LLM'] === '1' && Boolean(environment['NIANBAO_MODEL']) && Boolean(environment['OPENAI_API_KEY'] ?? environment['OPENAI_BASE_URL']);

describe.runIf(enabled)('live LLM endpoint', () => {
  it('extracts seed 004 with grounded numbers and finds its 89/92 conflict', async () => {
    const client = createOpenAiClient({
      apiKey: environment['OPENAI_API_KEY'] ?? 'no-key',
      ...(environment['OPENAI_BASE_URL'] ? { baseUrl: environment['OPENAI_BASE_URL'] } : {}),
      model: environment['NIANBAO_MODEL']!,
    });
    const extractor = createLlmExtractor({ client, prompt: await loadPrompt(join(ROOT, 'prompts'), 'narrative', 'v2') });
    const bytes = readFileSync(join(ROOT, 'fixtures/seed-004-lingwu-civil-affairs-2024/report.txt'));
    const result = await analyzeWithExtractor(documentFromBytes('report.txt', 'txt', bytes), { extractor });
    console.log(JSON.stringify({ usage: result.narrative?.usage, input: result.narrative?.input, findings: result.findings.map((finding) => finding.id) }));
    expect(result.narrative?.facts.applications.statements.find((statement) => statement.measure === 'received')?.count.value).toBe(2);
    expect(result.findings.map((finding) => finding.id)).toContain('narrative.conflictingFigures');
  }, 180_000);
});
