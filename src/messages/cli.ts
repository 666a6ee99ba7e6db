import { text, type Text } from './text.js';

/** What the command line says around the results: its errors, notices and progress. */
export const CLI = {
  badLanguage: (source: string, value: string) => text(`${source} 只能是 zh 或 en，不能是“${value}”`, `${source} must be zh or en, not "${value}"`),
  seeHelp: () => text('运行 "nianbao --help" 查看用法。', 'Run "nianbao --help" for usage.'),
  unknownCommand: (command: string) => text(`没有“${command}”这个命令`, `unknown command "${command}"`),
  unknownOption: (option: string) => text(`没有 ${option} 这个选项`, `unknown option ${option}`),
  optionNeedsValue: (option: string) => text(`选项 ${option} 需要一个值`, `option ${option} needs a value`),
  optionTakesNoValue: (option: string) => text(`选项 ${option} 不带值`, `option ${option} takes no value`),
  unexpectedArgument: (argument: string) => text(`多余的参数“${argument}”`, `unexpected argument "${argument}"`),
  badCommandLine: (detail: string) => text(`命令行有误：${detail}`, detail),
  needsFile: (command: string) => text(`${command} 至少需要一个文件（FILE）`, `${command} needs at least one FILE`),
  needsOneFile: (command: string) => text(`${command} 需要且只需要一个文件（FILE）`, `${command} needs exactly one FILE`),
  maxMb: (value: string) => text(`--max-mb 需要一个大于 0 的大小（MB），不能是“${value}”`, `--max-mb takes a size in MB above 0, not "${value}"`),
  maxAttempts: (value: string) => text(`--max-attempts 必须是 1 到 10 的整数，不能是“${value}”`, `--max-attempts must be a whole number from 1 to 10, not "${value}"`),
  wholeNumber: (option: string, value: string, minimum: number) =>
    text(`${option} 必须是不小于 ${minimum} 的整数，不能是“${value}”`, `${option} must be a whole number of at least ${minimum}, not "${value}"`),
  positiveNumber: (option: string, value: string) => text(`${option} 必须是大于 0 的数，不能是“${value}”`, `${option} must be a number above 0, not "${value}"`),
  internalError: (detail: string) => text(`内部错误，请报告：\n${detail}`, `internal error, please report it:\n${detail}`),
  causedBy: (message: string) => text(`原因：${message}`, `caused by: ${message}`),
  wrote: (path: string) => text(`已写入 ${path}`, `wrote ${path}`),
  narrativeFailed: (path: string, reason: string) => text(`${path}：正文事实提取失败：${reason}`, `${path}: narrative extraction failed: ${reason}`),
  rulesExtractor: (reason: Text) => text(`正文事实由离线规则提取——${reason.zh}`, `narrative facts by the offline rules extractor — ${reason.en}`),
  modelExtractor: (model: string, endpoint: string | undefined, prompt: string, cache: string | null) =>
    text(
      `正文事实由 ${model}${endpoint ? `（${endpoint}）` : ' '}提取，提示词 ${prompt}，${cache ? `缓存 ${cache}` : '不用缓存'}`,
      `narrative facts by ${model}${endpoint ? ` at ${endpoint}` : ''}, prompt ${prompt}, ${cache ? `cache ${cache}` : 'no cache'}`,
    ),
  retry: (status: string | null, attempt: number, of: number, delay: string, reason: string) =>
    text(
      `调用大模型失败（${status ?? '无应答'}），${delay} 后第 ${attempt}/${of} 次重试：${reason}`,
      `LLM call failed (${status ?? 'no answer'}), retry ${attempt}/${of} in ${delay}: ${reason}`,
    ),
  stopping: (phase: Text) => text(`${phase.zh}（再按一次 Ctrl-C 立即退出；重新运行会接着做）`, `${phase.en} (Ctrl-C again to quit now; a re-run resumes)`),
  viewNeedsFile: () => text('view 需要一个文件（FILE）', 'view needs one FILE'),
  viewOneFile: () => text('view 一次只读一个文件', 'view takes one FILE at a time'),
  badShard: (value: string) => text(`--shard 应为 K/N（1 ≤ K ≤ N），如 --shard 2/8；收到的是“${value}”`, `--shard takes K/N (1 ≤ K ≤ N), e.g. --shard 2/8; got "${value}"`),
  exportNeedsFolders: () => text('export 需要一个或多个 batch 输出文件夹，以及 --out 文件夹', 'export needs one or more batch output folders and --out DIR'),
  noResults: (path: string) => text(`${path} 不存在：这不是 batch 的输出文件夹`, `${path} does not exist: not a batch output folder`),
  exportIntoInput: (out: string) => text(`--out ${out} 也是要合并的文件夹之一：请合并到新的文件夹`, `--out ${out} is one of the folders to merge: merge into a new folder`),
  exportOutNotEmpty: (out: string) => text(`${out} 中已有 results.jsonl：请合并到新的或空的文件夹`, `${out} already holds a results.jsonl: merge into a new or empty folder`),
  merged: (folders: number, reports: number) => text(`合并了 ${folders} 个文件夹：${reports} 份报告`, `merged ${folders} folder(s): ${reports} report(s)`),
  overviewNeedsFolder: () => text('overview 需要一个 batch 的输出文件夹（DIR）', 'overview needs one batch output folder (DIR)'),
  noOverviewData: (path: string) => text(`${path} 不存在：先对这个文件夹运行 nianbao batch`, `${path} does not exist: run nianbao batch into this folder first`),
  overviewWritten: (path: string) => text(`概览：${path}`, `overview: ${path}`),
  tuiOneInput: () => text('tui 只接受一个文件、文件夹或 results.jsonl', 'tui takes one FILE, DIR or results.jsonl'),
  tuiNeedsTerminal: () => text('tui 需要在终端中运行；处理文件或管道请用 extract、check 或 batch', 'tui needs a terminal; for files or pipes use extract, check or batch'),
  batchNeedsOut: () => text('batch 需要 --out 文件夹', 'batch needs --out DIR'),
  batchNeedsInput: () => text('batch 至少需要一个输入（INPUT）或 --list 文件', 'batch needs at least one INPUT or --list FILE'),
  batchWholeNumber: (name: string, value: string, minimum: number) =>
    text(`${name} 必须是${minimum === 0 ? '不小于 0' : '大于 0'}的整数，不能是“${value}”`, `${name} must be a whole number${minimum === 0 ? ', 0 or more' : ' above 0'}, not "${value}"`),
  pollInterval: (value: string) => text(`--poll-interval 需要大于 0 的秒数，不能是“${value}”`, `--poll-interval takes seconds above 0, not "${value}"`),
  noFixture: (folder: string, pattern: string) => text(`${folder} 中没有与“${pattern}”匹配的样例`, `no fixture in ${folder} matches "${pattern}"`),
  noFixturesFolder: (folder: string) =>
    text(
      `找不到标注样例文件夹 ${folder}：eval 对照人工标注的样例打分，默认读当前文件夹下的 fixtures/；在 nianbao 仓库里运行，或用 --dir 指定样例文件夹`,
      `no fixtures folder ${folder}: eval scores against hand-labelled fixtures, read from fixtures/ under the current folder by default; run it in the nianbao repository, or name the folder with --dir`,
    ),
  concurrency: (value: string) => text(`--concurrency 必须是正整数，不能是“${value}”`, `--concurrency must be a positive whole number, not "${value}"`),
};

/** What is wrong with the configuration (flags and environment) of the narrative extractor. */
export const CONFIG = {
  asRequested: () => text('按要求使用', 'as requested'),
  noModel: () =>
    text(
      '未配置大模型：设置 NIANBAO_MODEL 以及 OPENAI_API_KEY 或 OPENAI_BASE_URL，见 .env.example',
      'no model configured: set NIANBAO_MODEL and OPENAI_API_KEY or OPENAI_BASE_URL, see .env.example',
    ),
  unknownProvider: (provider: string) => text(`未知的提供方“${provider}”：可用 rules、openai 或 langchain`, `unknown provider "${provider}": use rules, openai or langchain`),
  needsModel: (provider: string) => text(`${provider} 提供方需要模型：用 --model 指定或设置 NIANBAO_MODEL`, `the ${provider} provider needs a model: pass --model or set NIANBAO_MODEL`),
  noApiKey: () =>
    text(
      '未设置 OPENAI_API_KEY。请把 .env.example 复制为 .env；本地无需密钥的服务请设置 OPENAI_BASE_URL。',
      'OPENAI_API_KEY is not set. Copy .env.example to .env, or set OPENAI_BASE_URL for a local server that needs no key.',
    ),
  responseFormat: (value: string) =>
    text(`--response-format 只能是 auto、json_schema 或 json_object，不能是“${value}”`, `--response-format must be auto, json_schema or json_object, not "${value}"`),
  invalidEnvironment: (problems: string) => text(`环境变量有误（见 .env.example）：${problems}`, `invalid environment (see .env.example): ${problems}`),
  promptMissing: (name: string, folder: string) => text(`无法从 ${folder} 载入提示词 ${name}`, `cannot load the prompt ${name} from ${folder}`),
  batchApiNeedsModel: () => text('--batch-api 要把请求发给大模型：请用 --provider openai --model ID 指定', '--batch-api sends requests to a model: choose one with --provider openai --model ID'),
  batchApiNeedsOpenai: () => text('--batch-api 是 OpenAI 的 Batch API：需要 --provider openai', '--batch-api is the OpenAI Batch API: it needs --provider openai'),
  replayWithoutCache: () => text('--replay-only 只用缓存作答：不能与 --no-cache 同用', '--replay-only answers from the cache: it cannot be combined with --no-cache'),
  pricesUnreadable: (path: string) =>
    text(
      `无法读取价格表 ${path}：应是形如 {"model": {"inputPerMillion": 0.4, "outputPerMillion": 1.6}} 的 JSON`,
      `cannot read the price table ${path}: expected JSON like {"model": {"inputPerMillion": 0.4, "outputPerMillion": 1.6}}`,
    ),
  pricesInvalid: (path: string, problems: string) => text(`价格表 ${path} 无效：${problems}`, `the price table ${path} is not valid: ${problems}`),
};
