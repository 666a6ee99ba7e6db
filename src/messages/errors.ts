import { text, type Text } from './text.js';

/** Where in the pipeline a bug was met, as the report of it names it. */
export type Stage = 'reading' | 'decoding' | 'tables' | 'narrative' | 'recording';

const STAGES: Record<Stage, Text> = {
  reading: text('读取文件', 'reading the file'),
  decoding: text('解析文档', 'decoding the document'),
  tables: text('读取表格', 'reading the tables'),
  narrative: text('提取正文事实', 'extracting the narrative'),
  recording: text('记录结果', 'recording the result'),
};

export const MESSAGES = {
  bug: (path: string, stage: Stage, reason: string): Text =>
    text(
      `${path}：${STAGES[stage].zh}时出现内部错误（${reason}）；这是 nianbao 的缺陷，请连同此文件报告`,
      `${path}: internal error while ${STAGES[stage].en} (${reason}); this is a bug in nianbao, please report it with this file`,
    ),
};
