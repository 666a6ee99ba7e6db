import { text } from './text.js';

// The help of every command, in both languages. Flags, file names and values stay as typed.

export const EXTRACT_USAGE = text(
  `用法：nianbao extract 文件... [--json] [--out 文件夹] [--lang zh|en] [正文选项]

读取每份报告（.txt、.md、.html/.htm、.pdf、.docx），逐格读取三张统计表，提取正文中的事实，并加以核对。
  --json                 只输出 JSON 结果（多个文件时为数组）
  --out 文件夹           另把每个文件的 JSON 结果写入该文件夹
  --lang en              以英文显示（默认中文；也可设 NIANBAO_LANG）
  --max-mb N             报告文字的上限，单位 MB（默认 5；PDF 和 Word 文件在磁盘上可大到十倍）；
                         更大的文件不读，直接拒绝
正文选项（默认用离线规则，除非配置了大模型，见 .env.example）：
  --provider 名称        rules | openai | langchain
  --model 模型           如 gpt-4.1-mini、deepseek-chat、qwen-plus、anthropic:claude-sonnet-4-5
  --no-cache             即使同样的请求曾有应答，也重新调用模型
  --max-attempts N       应答未通过校验时每份报告的尝试次数（默认 3）
  --response-format F    auto | json_schema | json_object（默认 auto）
  --prices 文件          补充的模型价格（每百万 token 的美元价）`,
  `Usage: nianbao extract FILE... [--json] [--out DIR] [--lang zh|en] [narrative options]

Reads each report (.txt, .md, .html/.htm, .pdf, .docx), parses its three tables cell by cell, extracts the
narrative facts, and checks them.
  --json                 print the result documents as JSON only (an array when several files)
  --out DIR              also write one JSON result per file into DIR
  --lang en              in English (default: Chinese; or set NIANBAO_LANG)
  --max-mb N             the largest report text in MB (default 5; PDF and Word files may be ten
                         times as large on disk); a larger file is refused unread
Narrative options (default: the offline rules unless a model is configured, see .env.example):
  --provider NAME        rules | openai | langchain
  --model ID             e.g. gpt-4.1-mini, deepseek-chat, qwen-plus, anthropic:claude-sonnet-4-5
  --no-cache             call the model even when the same request was answered before
  --max-attempts N       attempts per report when answers do not validate (default 3)
  --response-format F    auto | json_schema | json_object (default auto)
  --prices FILE          extra model prices (USD per million tokens)`,
);

export const CHECK_USAGE = text(
  `用法：nianbao check 文件... [--json] [--lang zh|en]

只列出每份报告的核对发现。有任何“错误”级别的发现时退出码为 1。
  --json       以 JSON 输出 [{ path, findings }]
  --lang en    以英文显示（默认中文）
  --max-mb N   报告文字的上限，单位 MB（默认 5）
  extract 的正文选项同样适用（--provider、--model、--no-cache……）。`,
  `Usage: nianbao check FILE... [--json] [--lang zh|en]

Prints only the findings of each report. Exit code 1 when any finding has severity error.
  --json       print [{ path, findings }] as JSON
  --lang en    in English (default: Chinese)
  --max-mb N   the largest report text in MB (default 5)
  The narrative options of extract apply (--provider, --model, --no-cache, …).`,
);

export const BATCH_USAGE = text(
  `用法：nianbao batch 输入... --out 文件夹 [--list 文件]... [选项]

读取各输入（文件、递归搜索的文件夹，以及每行一个路径的列表文件）中的每份报告，写入该文件夹：
  results.jsonl    每份报告一个结果文档，每完成一份就追加一行
  failures.jsonl   失败的报告及原因（下次运行会重试）
  skipped.jsonl    不是年报而跳过的文件及原因
  最后据结果生成：reports.csv、findings.csv、narrative.csv、notices.csv、codebook.csv（各列的含义）、
  results.xlsx、results.sqlite、*.parquet（含长格式的 cells.parquet）、cross-year.jsonl、overview.html
可以随时中断（Ctrl-C 会等处理中的报告写完后以 130 退出；kill -9 也不丢已写内容）：再次运行同一
命令即从停下处接着做。在同一提供方、模型、提示词和模式下已完成的内容不重做；同一文档换了名字也只读一次。
大模型调用失败的报告保留其表格（notices 中标为 narrative-failed），下次运行重试。
每个文件夹同时只能有一个 batch 在运行。
  --out 文件夹           结果写到哪里（必填）
  --list 文件            列出输入的文件，每行一个（可重复）
  --concurrency N        同时处理的报告数（默认 4）
  --pdf-threads N        用 pdf.js 读取 PDF 的工作线程数（默认每核一个，至多 --concurrency；
                         0 表示在主线程读取）
  --rpm N, --tpm N       对大模型接口每分钟至多 N 个请求 / N 个 token
  --max-retries N        大模型调用失败（429、5xx、超时）的重试次数（默认 5；等待时间从 1 秒起
                         加倍并带随机抖动，不短于接口给出的 retry-after）
  --batch-api            通过 OpenAI Batch API 发送模型请求（价格约减半，24 小时内作答）：
                         汇成批次、轮询、按 custom_id 合并回来；重启的运行按批次 id 接着取
                         （文件夹/batch-api.json）
  --poll-interval S      两次轮询批次之间的秒数（默认 30）
  --shard K/N            只处理第 K 片（共 N 片，按文件内容的哈希划分，各机器结果不重不漏）；
                         之后用 nianbao export 文件夹... --out 文件夹 合并
  --max-mb N             报告文字的上限，单位 MB（默认 5；PDF 和 Word 文件在磁盘上可大到
                         十倍）：更大的文件记为失败，不读取
  --lang en              以英文显示
正文选项同 extract：--provider、--model、--no-cache、--max-attempts、--response-format、--prices。`,
  `Usage: nianbao batch INPUT... --out DIR [--list FILE]... [options]

Reads every report under the inputs (files, directories searched recursively, and list files of
one path per line) and writes, into DIR:
  results.jsonl    one result document per report, appended as each report finishes
  failures.jsonl   reports that failed, with the reason (tried again on the next run)
  skipped.jsonl    files that are not reports, with the reason
  derived at the end: reports.csv, findings.csv, narrative.csv, notices.csv, codebook.csv (what
  each column means), results.xlsx, results.sqlite, *.parquet (cells.parquet in long form),
  cross-year.jsonl, overview.html
Safe to interrupt (Ctrl-C exits 130 once the reports in flight are written; even kill -9): run
the same command again and it goes on where it stopped. Content already done under the same
provider, model, prompt and schema is not redone; the same document under two names is read once.
A report whose model call failed keeps its tables (notice narrative-failed) and is tried again.
One batch at a time per DIR.
  --out DIR              where the results go (required)
  --list FILE            a file listing inputs, one per line (repeatable)
  --concurrency N        reports in flight at once (default 4)
  --pdf-threads N        worker threads reading PDFs with pdf.js (default: one per core, at most
                         --concurrency; 0 reads them on the main thread)
  --rpm N, --tpm N       at most N requests / N tokens per minute to the LLM endpoint
  --max-retries N        retries of a failed LLM call: 429, 5xx, timeouts (default 5; back-off
                         doubles from 1 s with jitter, never shorter than the endpoint's retry-after)
  --batch-api            send the model requests through the OpenAI Batch API (about half the
                         price, answers within 24 h): gathered into batches, polled, joined back by
                         custom_id; a restarted run picks up its batches by id (DIR/batch-api.json)
  --poll-interval S      seconds between polls of a batch (default 30)
  --shard K/N            only slice K of N (by content hash: N machines split the inputs with no
                         overlap and no gap); merge with nianbao export DIR... --out DIR
  --max-mb N             the largest report text in MB (default 5; PDF and Word files may be
                         ten times as large on disk): larger files are failures, not read
  --lang en              messages in English
Narrative options as for extract: --provider, --model, --no-cache, --max-attempts,
--response-format, --prices.`,
);

export const EVAL_USAGE = text(
  `用法：nianbao eval [--provider 规格]... [--fixtures 模式] [选项]

用每个提供方处理每个人工标注的样例（fixtures/<id>/expected.json）并打分。
  --provider 规格     rules（默认）| openai:模型 | langchain:提供方:模型；可重复以作比较
  --fixtures 模式     要包括的样例 id，如 "seed-*"（默认全部）
  --dir 文件夹        样例所在文件夹（默认 fixtures）
  --replay-only       只用缓存作答；未命中则该样例失败（无需密钥即可重新打分）
  --no-cache          即使请求曾有应答，也重新调用模型
  --concurrency N     同时打分的样例数（默认 4）
  --baseline 文件     先前的结果 JSON：某项比率下降超过 evals/thresholds.json 允许的幅度时退出码为 1
  --thresholds 文件   下限与允许的降幅（默认用 evals/thresholds.json，如有）
  --out 文件夹        结果 JSON 写到哪里（默认 evals/results）
  --markdown 文件     另把比较结果写成 Markdown
  --html 文件         另写出独立的 HTML 报告
  --json              输出结果 JSON，而不是对照表
  --lang en           以英文显示`,
  `Usage: nianbao eval [--provider SPEC]... [--fixtures GLOB] [options]

Scores every provider over every hand-labelled fixture (fixtures/<id>/expected.json).
  --provider SPEC     rules (default) | openai:MODEL | langchain:PROVIDER:MODEL; repeat to compare
  --fixtures GLOB     fixture ids to include, e.g. "seed-*" (default: all)
  --dir DIR           the fixtures folder (default: fixtures)
  --replay-only       answer from the cache only; a miss fails that fixture (re-score without a key)
  --no-cache          call the models even for requests answered before
  --concurrency N     fixtures scored at once (default 4)
  --baseline FILE     an earlier results JSON: exit 1 when a rate drops by more than evals/thresholds.json allows
  --thresholds FILE   floors and allowed drop (default: evals/thresholds.json when present)
  --out DIR           where the results JSON goes (default: evals/results)
  --markdown FILE     also write the comparison as Markdown
  --html FILE         also write the self-contained HTML report
  --json              print the results JSON instead of the matrix
  --lang en           in English`,
);

export const VIEW_USAGE = text(
  `用法：nianbao view 文件 [--out 文件.html | --out -] [--lang zh|en]

把报告写成一个独立的 HTML 页面：正文中每个表格单元格、每个陈述的数字和每条发现都高亮，并链接到旁边的
数值与发现列表（离线规则，不用大模型）。
  --out 文件      写到哪里（默认在报告旁写 文件.html）；--out - 则直接输出
  --lang en       以英文显示（默认中文）
  --html          HTML 页面（目前唯一的格式，可省略）`,
  `Usage: nianbao view FILE [--out FILE.html | --out -] [--lang zh|en]

Writes one self-contained HTML page of the report: its text with every table cell, stated number
and finding highlighted and linked to a side list of values and findings (offline rules, no model).
  --out FILE      where to write it (default: FILE.html next to the report); --out - prints it
  --lang en       in English (default: Chinese)
  --html          the HTML page (the only form so far; may be left out)`,
);

export const TUI_USAGE = text(
  `用法：nianbao tui 文件 | 文件夹 | results.jsonl [--fixtures 文件夹] [--provider P] [--model M] [--lang zh|en]

在终端中审阅报告：可筛选的列表（机关、年度、格式、模板、提供方、发现数）；一份报告的发现、
陈述的数字和表格（标出有问题的单元格）；每一项都可查看其周围的原文，高亮出处，并显示单元格所印的
行列标题。文件夹用离线规则读取；batch 的 results.jsonl 按原样显示。

提问（a）：关于当前报告的问题发给已配置的大模型（与 extract 相同：NIANBAO_MODEL 加 OPENAI_API_KEY
或 OPENAI_BASE_URL，或 --provider/--model），附上报告及提取结果；回答中的每个数字都必须附有在报告中
找得到的原文，否则标为 ⚠。没有大模型时，由提取结果作答。

更正：c 确认数值，e 修改数值（须写明理由），x 驳回一条发现；s 把报告保存为已标注的样例，存入
--fixtures 文件夹（默认 ./fixtures）：报告副本、expected.json、NOTES.md。确认保存之前不写任何东西。

按键：↑↓ 移动，Enter 打开，Esc 返回，/ 筛选，t 表格，a 提问，s 保存，? 帮助，q 退出。`,
  `Usage: nianbao tui FILE | DIR | results.jsonl [--fixtures DIR] [--provider P] [--model M] [--lang zh|en]

Reviews reports in the terminal: a filterable list (agency, year, format, template, provider,
finding counts); a report's findings, stated numbers and tables with flagged cells; for each,
the source text around it with the span highlighted and the cells' labels as printed.
A folder is read with the offline rules; a batch's results.jsonl is shown as written.

Ask (a): questions about the open report go to the configured model (as for extract: NIANBAO_MODEL
with OPENAI_API_KEY or OPENAI_BASE_URL, or --provider/--model) with the report and its extracted
result; every number in an answer must come with a quote found in the report, or it is marked ⚠.
Without a model, answers come from the extracted result.

Corrections: c confirms a value, e edits it (with a reason), x dismisses a finding; s saves the
report as a labelled fixture in --fixtures DIR (default ./fixtures): report copy, expected.json,
NOTES.md. Nothing is written before the save is confirmed.

Keys: ↑↓ move, Enter open, Esc back, / filter, t tables, a ask, s save, ? help, q quit.`,
);

export const EXPORT_USAGE = text(
  `用法：nianbao export 文件夹... --out 文件夹 [--lang zh|en]

把几个 batch 输出文件夹（如各个 --shard 的）合并为一个：每份报告的结果只留一份，写出 results.jsonl、
全部导出文件和 overview.html，跨年度核对在合并后的全部报告上进行。
  --out 文件夹     合并到哪里（新文件夹，或空文件夹）
  --lang en       以英文显示（默认中文）`,
  `Usage: nianbao export DIR... --out DIR [--lang zh|en]

Merges several batch output folders (the --shard ones) into one: each report's result once, then
results.jsonl, every export and overview.html, with the cross-year checks over all the reports.
  --out DIR       where to merge them (a new or empty folder)
  --lang en       in English (Chinese by default)`,
);

export const OVERVIEW_USAGE = text(
  `用法：nianbao overview 文件夹 [--lang zh|en]

按 batch 写下的 overview.json 重新生成该文件夹的 overview.html（批处理概览：已读、跳过和无法读取的文件，
各类发现，按错误数排序的报告及其核对页，各机关各年度的主要数字，多年度机关的趋势与跨年度发现）。
batch 每次结束时都会写出它；换一种语言或升级 nianbao 后用本命令重画，不必重跑批处理。
  --lang en       以英文显示（默认中文）`,
  `Usage: nianbao overview DIR [--lang zh|en]

Draws DIR/overview.html again from the overview.json batch wrote there (the batch at a glance: files
read, skipped and unreadable, findings by check, reports ranked by errors with their evidence views,
key figures per agency and year, trends and cross-year findings of agencies with several years).
batch writes it at the end of every run; this redraws it in another language or after an upgrade.
  --lang en       in English (Chinese by default)`,
);

export const MAIN_USAGE = text(
  `nianbao —— 政府信息公开工作年度报告 → 经过核对的结构化数据

用法：
  nianbao extract 文件... [--json] [--out 文件夹] [--lang zh|en]
  nianbao check 文件... [--json] [--lang zh|en]
  nianbao batch 输入... --out 文件夹 [--list 文件]... [--concurrency N] [--rpm N] [--tpm N]
  nianbao eval [--provider 规格]... [--fixtures 模式] [--baseline 文件] [--markdown 文件] [--html 文件]
  nianbao view 文件 [--out 文件.html | --out -]
  nianbao overview 文件夹
  nianbao export 文件夹... --out 文件夹
  nianbao tui 文件 | 文件夹 | results.jsonl
  nianbao --help | --version

每个命令都接受 --lang zh|en（默认依 NIANBAO_LANG，其次依系统语言环境，否则为中文）。
退出码：0 正常 · 1 有“错误”级别的发现（check）· 2 用法错误 · 3 有输入无法读取或输出无法写入 · 4 正文提取失败（表格仍已读取）· 70 程序缺陷 · 130 被中断`,
  `nianbao — 政府信息公开工作年度报告 → checked, structured data

Usage:
  nianbao extract FILE... [--json] [--out DIR] [--lang zh|en]
  nianbao check FILE... [--json] [--lang zh|en]
  nianbao batch INPUT... --out DIR [--list FILE]... [--concurrency N] [--rpm N] [--tpm N]
  nianbao eval [--provider SPEC]... [--fixtures GLOB] [--baseline FILE] [--markdown FILE] [--html FILE]
  nianbao view FILE [--out FILE.html | --out -]
  nianbao overview DIR
  nianbao export DIR... --out DIR
  nianbao tui FILE | DIR | results.jsonl
  nianbao --help | --version

Every command takes --lang zh|en (default: NIANBAO_LANG, else the locale, else Chinese).
Exit codes: 0 ok · 1 findings of severity error (check) · 2 usage · 3 unreadable input or unwritable output · 4 narrative extraction failed (the tables were still read) · 70 a bug · 130 interrupted`,
);
