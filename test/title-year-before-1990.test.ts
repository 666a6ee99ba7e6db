// Regression test for a bug found by the property test of the parser (now test/fuzz-slice.test.ts and npm run fuzz): findMeta accepts any year
// 1900–2099 from the title or the statistics period, but metaSchema allows only 1990–2100, so a
// title such as "灵武市民政局1985年政府信息公开工作年度报告" (or an OCR slip of 2024 → 1924) gives
// a result that failed resultSchema. A year outside 1990–2100 is now read as unknown (null).
import { describe, expect, it } from 'vitest';
import { documentFromBytes } from '../src/ingest/read-document.js';
import { analyzeDocument } from '../src/pipeline/analyze-document.js';
import { resultSchema } from '../src/report/schemas.js';

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
].join('\n');

function analyzeText(text: string) {
  return analyzeDocument(documentFromBytes('report.txt', 'txt', new TextEncoder().encode(text)));
}

describe('a year before 1990 in the title or the statistics period', () => {
  it('a 2024 title is read', () => {
    const result = analyzeText(`灵武市民政局2024年政府信息公开工作年度报告\n${HEADINGS}\n`);
    expect(result.meta).toEqual({ agency: '灵武市民政局', year: 2024 });
    expect(resultSchema.safeParse(result).success).toBe(true);
  });

  it.each([
    ['the title', `灵武市民政局1985年政府信息公开工作年度报告\n${HEADINGS}\n`],
    ['the statistics period', `本报告统计数据从1924年1月1日至12月31日。\n${HEADINGS}\n`],
  ])('from %s still gives a schema-valid result', (_name, text) => {
    const result = analyzeText(text);
    expect(resultSchema.safeParse(result).success).toBe(true);
    expect(result.meta.year).toBeNull();
  });
});
