import { describe, expect, it } from 'vitest';
import { findReportDateYear } from '../sections/find-meta.js';
import { yearNotices } from './year-notice.js';

describe('the report date', () => {
  it('is the publication line of a web copy, or a date line of its own at the end', () => {
    expect(findReportDateYear('沭阳县发展和改革局2023年政府信息公开工作年度报告\n发布时间: 2024-03-08\n一、总体情况')).toBe(2024);
    expect(findReportDateYear('……六、其他需要报告的事项\n本机关未收取信息处理费。\n灵武市司法局\n2025年1月20日\n')).toBe(2025);
    expect(findReportDateYear('……六、其他需要报告的事项\n本机关未收取信息处理费。\n平潭综合实验区管委会办公室 2023年1月16日')).toBe(2023);
  });

  it('is not a date inside a sentence of the closing lines (灵武市民政局 2024: “2023年6月1日开通“跨省通办”后……”)', () => {
    expect(findReportDateYear('……查阅婚姻登记档案690多人次。2023年6月1日开通“跨省通办”后,共办理异地结婚登记 7 对。\n本报告电子版可在门户网站查阅。')).toBeNull();
  });
});

describe('yearNotices', () => {
  it('says nothing of a year at most its publication year and not yet to come', () => {
    expect(yearNotices(2024, 2025, 2026, 'zh')).toEqual([]);
    expect(yearNotices(2024, 2024, 2026, 'zh')).toEqual([]);
    expect(yearNotices(2008, null, 2026, 'zh')).toEqual([]);
    expect(yearNotices(null, 2025, 2026, 'zh')).toEqual([]);
  });

  it('names a year after the report’s own date, before the 2008 regulation, or not yet come', () => {
    expect(yearNotices(2030, 2025, 2026, 'zh')).toEqual([
      { code: 'implausible-year', message: '报告年度为 2030 年，晚于报告自身的发布或落款日期（2025 年）：可能是录入或识别错误，年度按原文保留' },
    ]);
    expect(yearNotices(1999, null, 2026, 'zh')).toEqual([
      { code: 'implausible-year', message: '报告年度为 1999 年，早于《中华人民共和国政府信息公开条例》施行的 2008 年：可能是录入或识别错误，年度按原文保留' },
    ]);
    expect(yearNotices(2031, null, 2026, 'en')).toEqual([
      { code: 'implausible-year', message: 'the report year 2031 has not come yet (it is 2026): probably a typing or OCR slip; the year is kept as printed' },
    ]);
    // Without the clock (a pure call) a future year is only caught by the report's own date.
    expect(yearNotices(2031, null, undefined, 'zh')).toEqual([]);
  });
});
