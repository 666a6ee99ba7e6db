// A scripted OpenAI Chat Completions endpoint on 127.0.0.1, for offline tests over a real socket.
// Plain ESM with no dependencies so a test can also start it as a child process:
//   node test/support/mock-openai-server.mjs --port 0 [--answer FILE.json]
// prints its base URL ("http://127.0.0.1:PORT/v1") as one line on stdout and stops on SIGTERM/SIGINT.
import { readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Roughly four characters per token, the usual rule of thumb for English-like text. */
export function estimateTokens(text) {
  return Math.ceil(String(text ?? '').length / 4);
}

/** Usage for one answer: prompt tokens from the raw request body, completion tokens from the answer. */
export function usageFor(request, answerText, scripted = {}) {
  const prompt_tokens = scripted.prompt_tokens ?? estimateTokens(request.rawBody);
  const completion_tokens = scripted.completion_tokens ?? estimateTokens(answerText);
  return { prompt_tokens, completion_tokens, total_tokens: scripted.total_tokens ?? prompt_tokens + completion_tokens };
}

/**
 * The smallest value that fits a JSON Schema: null where null is allowed, 0, '', false, [] and
 * objects with every property. The default answer of the script when no --answer file is given.
 */
export function exampleFromSchema(schema, root = schema, depth = 0) {
  if (!schema || typeof schema !== 'object' || depth > 32) return null;
  if (typeof schema.$ref === 'string') return exampleFromSchema(resolveRef(schema.$ref, root), root, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.includes(null) ? null : schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const nullable = alternatives.find((alternative) => alternative?.type === 'null');
    return nullable ? null : exampleFromSchema(alternatives[0], root, depth + 1);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return exampleFromSchema(schema.allOf[0], root, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return null;
  if (types.includes('object') || schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleFromSchema(value, root, depth + 1)]));
  }
  if (types.includes('array')) return [];
  if (types.includes('string')) return '';
  if (types.includes('integer') || types.includes('number')) return 0;
  if (types.includes('boolean')) return false;
  return null;
}

function resolveRef(ref, root) {
  if (!ref.startsWith('#')) return undefined;
  return ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .reduce((node, part) => (node && typeof node === 'object' ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
}

/** The JSON Schema a chat completion request asks for, from response_format or the first tool. */
export function requestedSchema(body) {
  const format = body?.response_format;
  if (format?.type === 'json_schema') return format.json_schema?.schema;
  const tool = Array.isArray(body?.tools) ? body.tools[0] : undefined;
  return tool?.function?.parameters;
}

/**
 * Starts the mock on 127.0.0.1. `respond(request, index)` returns (or resolves to) an action; see
 * mock-openai-server.d.mts for the action shapes. `requests` records everything received.
 */
export async function startMockOpenAiServer({ respond, port = 0 } = {}) {
  if (typeof respond !== 'function') throw new TypeError('startMockOpenAiServer: respond(request, index) is required');
  let script = respond;
  const requests = [];
  const timers = new Set();
  let closed = false;
  let sequence = 0;

  const server = createServer((incoming, outgoing) => {
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request = {
        method: incoming.method ?? 'GET',
        path: (incoming.url ?? '/').split('?')[0],
        headers: recordHeaders(incoming.headers),
        body: parseJson(rawBody),
        rawBody,
        receivedAt: performance.now(),
      };
      const index = requests.push(request) - 1;
      handle(request, index, outgoing).catch((error) => {
        if (!outgoing.headersSent && !outgoing.destroyed) {
          sendError(outgoing, { status: 500, message: `mock-openai-server: respond() threw: ${error instanceof Error ? error.message : String(error)}` });
        }
      });
    });
  });

  async function handle(request, index, outgoing) {
    if (request.method === 'GET' && request.path === '/v1/models') {
      return sendJson(outgoing, 200, { object: 'list', data: [{ id: 'mock-model', object: 'model', created: 0, owned_by: 'mock' }] });
    }
    const batchRoute = await handleFilesAndBatches(request, outgoing);
    if (batchRoute) return undefined;
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
      return sendError(outgoing, { status: 404, message: `mock-openai-server: no route for ${request.method} ${request.path}`, type: 'invalid_request_error', code: 'unknown_url' });
    }
    if (request.body === null || typeof request.body !== 'object') {
      return sendError(outgoing, { status: 400, message: 'mock-openai-server: the request body is not a JSON object', type: 'invalid_request_error' });
    }
    const action = (await script(request, index)) ?? {};
    if (action.delayMs > 0) {
      const waited = await wait(action.delayMs, outgoing);
      if (!waited) return undefined; // The client gave up (timeout) or the server is closing.
    }
    if (outgoing.destroyed) return undefined;
    if (typeof action.status === 'number' && action.status >= 400) return sendError(outgoing, action);
    const completion = buildCompletion(request, action, ++sequence);
    if (request.body.stream === true) return sendStream(outgoing, request, completion);
    return sendJson(outgoing, action.status ?? 200, completion);
  }

  // Resolves true after `delayMs`, false as soon as the client disconnects or the server closes.
  function wait(delayMs, outgoing) {
    return new Promise((resolve) => {
      const onClose = () => finish(false);
      const timer = setTimeout(() => finish(true), delayMs);
      timers.add(finish);
      outgoing.once('close', onClose);
      function finish(value) {
        clearTimeout(timer);
        timers.delete(finish);
        outgoing.off('close', onClose);
        resolve(value && !closed);
      }
    });
  }

  // The Files and Batch APIs: an uploaded JSONL of chat requests becomes a batch that is
  // "validating", then "in_progress", and "completed" on the next poll; its output file holds one
  // line per request, answered by `respond` as if it had been sent to /v1/chat/completions.
  const files = new Map();
  const batches = [];
  async function handleFilesAndBatches(request, outgoing) {
    const { method, path } = request;
    if (method === 'POST' && path === '/v1/files') {
      const content = multipartFile(request);
      if (content === null) return sendError(outgoing, { status: 400, message: 'mock-openai-server: no file in the upload' }) ?? true;
      const id = `file-mock-${files.size + 1}`;
      files.set(id, content);
      sendJson(outgoing, 200, { id, object: 'file', bytes: Buffer.byteLength(content), created_at: Math.floor(Date.now() / 1000), filename: 'batch.jsonl', purpose: 'batch', status: 'processed' });
      return true;
    }
    const fileContent = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (method === 'GET' && fileContent) {
      const content = files.get(fileContent[1]);
      if (content === undefined) return sendError(outgoing, { status: 404, message: `no file ${fileContent[1]}` }) ?? true;
      outgoing.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Buffer.byteLength(content) });
      outgoing.end(content);
      return true;
    }
    if (method === 'POST' && path === '/v1/batches') {
      const input = files.get(request.body?.input_file_id);
      if (input === undefined) return sendError(outgoing, { status: 400, message: 'input_file_id does not name an uploaded file' }) ?? true;
      const batch = { id: `batch_mock_${batches.length + 1}`, object: 'batch', endpoint: request.body.endpoint, input_file_id: request.body.input_file_id, completion_window: request.body.completion_window, status: 'validating', output_file_id: null, error_file_id: null, created_at: Math.floor(Date.now() / 1000), request_counts: { total: input.split('\n').filter(Boolean).length, completed: 0, failed: 0 }, polls: 0 };
      batches.push(batch);
      sendJson(outgoing, 200, publicBatch(batch));
      return true;
    }
    const batchPath = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (method === 'GET' && batchPath) {
      const batch = batches.find((candidate) => candidate.id === batchPath[1]);
      if (!batch) return sendError(outgoing, { status: 404, message: `no batch ${batchPath[1]}` }) ?? true;
      batch.polls += 1;
      if (batch.status === 'validating') batch.status = 'in_progress';
      else if (batch.status === 'in_progress') await completeBatch(batch);
      sendJson(outgoing, 200, publicBatch(batch));
      return true;
    }
    return false;
  }

  async function completeBatch(batch) {
    const lines = [];
    for (const line of files.get(batch.input_file_id).split('\n').filter(Boolean)) {
      const item = JSON.parse(line);
      const inner = { method: 'POST', path: item.url, headers: {}, body: item.body, rawBody: JSON.stringify(item.body), receivedAt: performance.now(), batchId: batch.id, customId: item.custom_id };
      const index = requests.push(inner) - 1;
      const action = (await script(inner, index)) ?? {};
      if (typeof action.status === 'number' && action.status >= 400) {
        batch.request_counts.failed += 1;
        lines.push({ id: `batch_req_${index}`, custom_id: item.custom_id, response: { status_code: action.status, request_id: `req_${index}`, body: { error: { message: action.message ?? 'mock failure', type: 'server_error' } } }, error: null });
      } else {
        batch.request_counts.completed += 1;
        lines.push({ id: `batch_req_${index}`, custom_id: item.custom_id, response: { status_code: 200, request_id: `req_${index}`, body: buildCompletion(inner, action, ++sequence) }, error: null });
      }
    }
    const outputId = `file-mock-${files.size + 1}`;
    files.set(outputId, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    batch.output_file_id = outputId;
    batch.status = 'completed';
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}/v1`;

  return {
    url,
    port: address.port,
    requests,
    chatRequests: () => requests.filter((request) => request.path === '/v1/chat/completions'),
    batches,
    respondWith(next) {
      if (typeof next !== 'function') throw new TypeError('respondWith(respond): respond must be a function');
      script = next;
      requests.length = 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const finish of [...timers]) finish(false);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function buildCompletion(request, action, sequence) {
  const body = request.body;
  const model = action.model ?? (typeof body.model === 'string' ? body.model : 'mock-model');
  const usesTools = Array.isArray(body.tools) && body.tools.length > 0;
  let message;
  let answerText;
  let finishReason;
  if (typeof action.refusal === 'string') {
    message = { role: 'assistant', content: null, refusal: action.refusal };
    answerText = action.refusal;
    finishReason = 'stop';
  } else if ('json' in action && usesTools) {
    // LangChain's function-calling structured output: the JSON comes back as the tool's arguments.
    const forced = body.tool_choice?.function?.name;
    const name = forced ?? body.tools[0]?.function?.name ?? 'extract';
    answerText = JSON.stringify(action.json);
    message = {
      role: 'assistant',
      content: null,
      refusal: null,
      tool_calls: [{ id: `call_mock_${sequence}`, type: 'function', function: { name, arguments: answerText } }],
    };
    finishReason = 'tool_calls';
  } else {
    answerText = 'json' in action ? JSON.stringify(action.json) : typeof action.content === 'string' ? action.content : '';
    message = { role: 'assistant', content: answerText, refusal: null };
    finishReason = 'stop';
  }
  return {
    id: `chatcmpl-mock-${sequence}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_mock',
    choices: [{ index: 0, message, logprobs: null, finish_reason: action.finishReason ?? finishReason }],
    usage: usageFor(request, answerText, action.usage),
  };
}

function publicBatch(batch) {
  const { polls, ...visible } = batch;
  void polls;
  return visible;
}

/** The file part of a multipart/form-data upload, as text (batch files are JSONL). */
function multipartFile(request) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(request.headers['content-type'] ?? '');
  if (!boundary) return null;
  for (const part of request.rawBody.split(`--${boundary[1] ?? boundary[2]}`)) {
    if (!/name="file"/.test(part)) continue;
    const start = part.indexOf('\r\n\r\n');
    return start === -1 ? null : part.slice(start + 4).replace(/\r\n$/, '');
  }
  return null;
}

function sendJson(outgoing, status, value) {
  const text = JSON.stringify(value);
  outgoing.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': `req_mock_${Date.now()}` });
  outgoing.end(text);
}

function sendError(outgoing, action) {
  const status = action.status;
  const headers = {};
  if (action.retryAfterSeconds !== undefined) headers['retry-after'] = String(action.retryAfterSeconds);
  if (action.retryAfterMs !== undefined) headers['retry-after-ms'] = String(action.retryAfterMs);
  const defaults = {
    400: ['invalid_request_error', null, 'Bad request'],
    401: ['invalid_request_error', 'invalid_api_key', 'Incorrect API key provided'],
    404: ['invalid_request_error', 'model_not_found', 'The model does not exist'],
    429: ['rate_limit_exceeded', 'rate_limit_exceeded', 'Rate limit reached, please try again later'],
  };
  const [type, code, message] = defaults[status] ?? ['server_error', null, 'The server had an error while processing your request'];
  const body =
    action.body !== undefined ? action.body : { error: { message: action.message ?? message, type: action.type ?? type, param: null, code: action.code ?? code } };
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  outgoing.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  outgoing.end(text);
}

// Server-sent events, for clients that set stream: true: the answer in deltas of at most 12
// characters (as endpoints send a few tokens at a time), then the finish reason, then usage.
function sendStream(outgoing, request, completion) {
  const choice = completion.choices[0];
  const base = { id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model, system_fingerprint: completion.system_fingerprint };
  const content = choice.message.content ?? '';
  const pieces = [];
  for (let start = 0; start < content.length; start += 12) pieces.push(content.slice(start, start + 12));
  const first = { role: 'assistant', content: pieces[0] ?? (choice.message.content === null ? null : ''), refusal: choice.message.refusal };
  if (choice.message.tool_calls) {
    first.tool_calls = choice.message.tool_calls.map((call, index) => ({ index, ...call }));
  }
  const deltas = [first, ...pieces.slice(1).map((piece) => ({ content: piece }))];
  const events = [
    ...deltas.map((delta) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: null }] })),
    { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: choice.finish_reason }] },
  ];
  if (request.body.stream_options?.include_usage) events.push({ ...base, choices: [], usage: completion.usage });
  outgoing.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) outgoing.write(`data: ${JSON.stringify(event)}\n\n`);
  outgoing.end('data: [DONE]\n\n');
}

// Authorization is kept for assertions but not enumerable, so a failing test's diff never prints the key.
function recordHeaders(raw) {
  const headers = {};
  for (const [name, value] of Object.entries(raw)) {
    const joined = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'authorization' || name === 'api-key' || name === 'x-api-key') {
      Object.defineProperty(headers, name, { value: joined, enumerable: false });
    } else {
      headers[name] = joined;
    }
  }
  return headers;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function parseArguments(argv) {
  const options = { port: 0, answer: undefined };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--port' && value !== undefined) {
      options.port = Number(value);
      index += 1;
    } else if (flag === '--answer' && value !== undefined) {
      options.answer = value;
      index += 1;
    } else {
      throw new Error(`unknown argument ${flag}; usage: mock-openai-server.mjs [--port N] [--answer FILE.json]`);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port takes an integer from 0 to 65535');
  return options;
}

async function runAsScript() {
  let options;
  let answer;
  try {
    options = parseArguments(process.argv.slice(2));
    if (options.answer !== undefined) answer = JSON.parse(readFileSync(options.answer, 'utf8'));
  } catch (error) {
    process.stderr.write(`mock-openai-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const mock = await startMockOpenAiServer({
    port: options.port,
    respond: (request) => {
      if (answer !== undefined) return { json: answer };
      const schema = requestedSchema(request.body);
      return { json: schema ? exampleFromSchema(schema) : {} };
    },
  });
  process.stdout.write(`${mock.url}\n`);
  const stop = () => {
    mock.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) await runAsScript();
