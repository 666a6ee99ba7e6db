import { text, type Text } from './text.js';

/** What `batch` says while it runs and when it ends. */
export const BATCH = {
  noReports: () => text('输入中没有找到报告文件', 'no report files found in the inputs'),
  stoppingInFlight: () => text('正在停止：等待处理中的报告完成', 'stopping after the reports in flight'),
  stoppingExports: () => text('正在停止导出；results.jsonl 已完整', 'stopping the exports; results.jsonl is complete'),
  writingExports: (from: string) => text(`正在从 ${from} 写出 CSV、results.xlsx、results.sqlite 和 Parquet 文件`, `writing the CSV files, results.xlsx, results.sqlite and the Parquet files from ${from}`),
  stoppedInExports: () =>
    text(
      '写导出文件时被中止；results.jsonl 已完整；再次运行同一命令即可写出导出文件（不会重做任何报告）',
      'stopped while writing the exports; results.jsonl is complete; run the same command again to write them (no report is redone)',
    ),
  resuming: (stored: number, repairedBytes: number) =>
    text(
      `接着上次运行：results.jsonl 中已有 ${stored} 个结果${repairedBytes > 0 ? `；已删除中断写入留下的不完整末行（${repairedBytes} 字节）` : ''}`,
      `resuming: ${stored} result(s) already in results.jsonl${repairedBytes > 0 ? `; a torn last line (${repairedBytes} bytes, from an interrupted write) was removed` : ''}`,
    ),
  done: (path: string, format: string, findings: number, cached: boolean) =>
    text(`${path}：${format}，${findings} 条发现${cached ? '，来自缓存' : ''}`, `${path}: ${format}, ${findings} finding(s)${cached ? ', from the cache' : ''}`),
  narrativeFailed: (message: string) =>
    text(`正文提取失败，已保留表格及其发现（下次运行会重试）：${message}`, `narrative failed, tables and their findings kept (tried again next run): ${message}`),
  failed: (message: string) => text(`失败：${message}`, `failed: ${message}`),
  duplicate: (path: string) => text(`${path}：与先前读过的文件内容相同，已跳过`, `${path}: same content as a file read earlier, skipped`),
  alreadyDone: (path: string) => text(`${path}：已处理过，跳过`, `${path}: already done, skipped`),
  batchApiSubmitted: (id: string, requests: number) => text(`Batch API：已提交 ${id}，含 ${requests} 个请求`, `Batch API: submitted ${id} with ${requests} request(s)`),
  batchApiResumed: (id: string, requests: number) => text(`Batch API：接手先前运行提交的 ${id}（${requests} 个请求）`, `Batch API: picking up ${id} (${requests} request(s)) from an earlier run`),
  batchApiStatus: (id: string, status: string, completed: number, total: number, failed: number) =>
    text(`Batch API：${id} ${status}，已完成 ${completed}/${total}，失败 ${failed}`, `Batch API: ${id} ${status}, ${completed}/${total} done, ${failed} failed`),
  batchApiFinished: (id: string, answered: number, retried: number, failed: number) =>
    text(
      `Batch API：${id} 已结束：${answered} 个已作答，${retried} 个放入下一批重试，${failed} 个失败`,
      `Batch API: ${id} finished: ${answered} answered, ${retried} to retry in the next batch, ${failed} failed`,
    ),
  rateLimitWait: (delay: string) => text(`已达速率上限，等待 ${delay}`, `rate limit reached, waiting ${delay}`),
  summaryStopped: () => text('nianbao batch：提前停止；再次运行同一命令即可继续', 'nianbao batch: stopped early; run the same command again to go on'),
  summaryDone: () => text('nianbao batch：完成', 'nianbao batch: done'),
  summaryThisRun: (read: number, failed: number, alreadyDone: number, duplicates: number, retries: number) =>
    text(
      `  本次运行：读取 ${read}，失败 ${failed}，此前已完成 ${alreadyDone}，重复 ${duplicates}，大模型重试 ${retries} 次`,
      `  this run: ${read} read, ${failed} failed, ${alreadyDone} already done, ${duplicates} duplicate(s), ${retries} LLM retr${retries === 1 ? 'y' : 'ies'}`,
    ),
  notAReport: (message: string) => text(`跳过，${message}`, `skipped, ${message}`),
  summaryNotReports: (count: number, names: string) =>
    text(`  跳过 ${count} 个不是年报的文件：${names}（原因见 skipped.jsonl）`, `  skipped ${count} file(s) that are not reports: ${names} (why: skipped.jsonl)`),
  summaryFailures: (list: string) => text(`  失败原因：${list}（见 failures.jsonl）`, `  failed by reason: ${list} (see failures.jsonl)`),
  summaryOutput: (reports: number, narrativeFailed: number, otherLines: number) =>
    text(
      `  输出中：${reports} 份报告${narrativeFailed > 0 ? `，其中 ${narrativeFailed} 份只有表格（大模型未能提取正文：notices = narrative-failed）` : ''}${otherLines > 0 ? `（另有 ${otherLines} 行属于其他配置或重复，未导出）` : ''}`,
      `  in the output: ${reports} report(s)${narrativeFailed > 0 ? `, ${narrativeFailed} of them tables only (the model failed on the narrative: notices = narrative-failed)` : ''}${otherLines > 0 ? ` (${otherLines} line(s) of another configuration or repeated, not exported)` : ''}`,
    ),
  summaryOtherShard: (count: number) => text(`  其余 ${count} 个输入属于其他分片（--shard），本机未读取`, `  ${count} input(s) belong to other shards (--shard) and were not read here`),
  summarySuperseded: (count: number) =>
    text(
      `  results.jsonl 中另有 ${count} 份报告的旧结果未导出：文件已改动，或不在本次输入中（结果仍留在 results.jsonl 中）`,
      `  ${count} older report result(s) in results.jsonl not exported: the file changed since, or is not among this run's inputs (they stay in results.jsonl)`,
    ),
  summaryCrossYear: (coverage: { compared: number; sameYearCopies: number; noNeighbourYear: number; singleYear: number; withoutAgencyOrYear: number }) => {
    const zh = [
      coverage.singleYear > 0 ? `${coverage.singleYear} 份的机关只有这一年` : '',
      coverage.noNeighbourYear > 0 ? `${coverage.noNeighbourYear} 份没有相邻年度的报告` : '',
      coverage.sameYearCopies > 0 ? `${coverage.sameYearCopies} 份是同一机关同一年度的另一份（只比较第一份）` : '',
      coverage.withoutAgencyOrYear > 0 ? `${coverage.withoutAgencyOrYear} 份读不出机关或年度（或没有表三）` : '',
    ].filter(Boolean);
    const en = [
      coverage.singleYear > 0 ? `${coverage.singleYear} of an agency with this one year only` : '',
      coverage.noNeighbourYear > 0 ? `${coverage.noNeighbourYear} without a report of the year before or after` : '',
      coverage.sameYearCopies > 0 ? `${coverage.sameYearCopies} second report(s) of one agency and year (the first is compared)` : '',
      coverage.withoutAgencyOrYear > 0 ? `${coverage.withoutAgencyOrYear} without an agency or year read (or without table 3)` : '',
    ].filter(Boolean);
    return text(
      `  跨年度核对：比较了 ${coverage.compared} 对相邻年度${zh.length > 0 ? `；未比较：${zh.join('，')}` : ''}`,
      `  cross-year checks: ${coverage.compared} pair(s) of consecutive years compared${en.length > 0 ? `; not compared: ${en.join(', ')}` : ''}`,
    );
  },
  summaryFindings: (list: string | null) => text(`  发现：${list ?? '无'}`, `  findings: ${list ?? 'none'}`),
  summaryTokens: (input: number, output: number, cost: string | null) =>
    text(
      `  token：输入 ${input}，输出 ${output}；费用 ${cost ?? '未知（有模型没有价格）'}`,
      `  tokens: ${input} in, ${output} out; cost ${cost ?? 'unknown (a model has no price)'}`,
    ),
  summaryWrote: (files: string) => text(`  已写入 ${files}`, `  wrote ${files}`),
};

/** The progress line: "412/10000 · 失败 3 · 跳过 51 · 8.2/s · 剩余约 19m30s · 1.2M token · $0.84 · 重试 3 次". */
export const PROGRESS: Record<'failed' | 'skipped' | 'eta' | 'tokens' | 'retries' | 'backingOff', (value: string) => Text> = {
  failed: (count) => text(`失败 ${count}`, `${count} failed`),
  skipped: (count) => text(`跳过 ${count}`, `${count} skipped`),
  eta: (duration) => text(`剩余约 ${duration}`, `ETA ${duration}`),
  tokens: (count) => text(`${count} token`, `${count} tok`),
  retries: (count) => text(`重试 ${count} 次`, `${count} ${count === '1' ? 'retry' : 'retries'}`),
  backingOff: (duration) => text(`退避等待 ${duration}`, `backing off ${duration}`),
};

/** What listing the inputs of a batch found wrong or left out (said after the path). */
export const LISTING = {
  cannotReadFolder: (reason: Text | null, consequence: boolean) =>
    text(
      `无法读取这个文件夹${reason ? `：${reason.zh}` : ''}${consequence ? '：其中的报告未读取' : ''}`,
      `cannot read this folder${reason ? `: ${reason.en}` : ''}${consequence ? ': the reports in it are not read' : ''}`,
    ),
  folderAlreadyRead: (real: string) =>
    text(`已跳过：文件夹 ${real} 已经读过（经由链接循环或指向它的另一条路径）`, `skipped: the folder ${real} is already read (through a link loop or a second path to it)`),
  brokenLink: (reason: Text | null) => text(`符号链接已失效${reason ? `：${reason.zh}` : ''}`, `a broken symbolic link${reason ? `: ${reason.en}` : ''}`),
  skipped: (what: Text) => text(`已跳过：${what.zh}`, `skipped: ${what.en}`),
  cannotReadList: () => text('无法读取这个列表文件', 'cannot read this list file'),
  noSuchInput: () => text('文件或文件夹不存在', 'no such file or directory'),
  permissionDenied: () => text('没有权限', 'permission denied'),
  noTarget: () => text('它指向的目标不存在', 'its target does not exist'),
  linkLoop: () => text('符号链接循环', 'a loop of symbolic links'),
  code: (code: string) => text(code, code),
};

/** Who holds a batch's --out folder. */
export const LOCK = {
  inUse: (folder: string, holder: Text, since: string, command: string, elsewhere: { readonly host: string; readonly lockFile: string } | null) =>
    text(
      `${folder} 正被另一个 nianbao batch 使用（${holder.zh}，自 ${since} 起：${command}）；请等它结束，或停止它${elsewhere ? `；如果 ${elsewhere.host} 上已没有在运行的任务，请删除 ${elsewhere.lockFile}` : ''}`,
      `${folder} is in use by another nianbao batch (${holder.en}, since ${since}: ${command}); wait for it to finish, or stop it${elsewhere ? `; if no run is left on ${elsewhere.host}, delete ${elsewhere.lockFile}` : ''}`,
    ),
  process: (pid: number, host: string | null) => text(host ? `${host} 上的进程 ${pid}` : `进程 ${pid}`, host ? `process ${pid} on ${host}` : `process ${pid}`),
  race: (folder: string) =>
    text(`${folder}：另一个 nianbao batch 同时占用了这个文件夹；请等它结束后再运行`, `${folder}: another nianbao batch took the folder at the same moment; run again once it has finished`),
};
