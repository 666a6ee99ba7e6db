import type { Finding, Tables } from '../report/schemas.js';
import { TABLE_LAYOUTS, tableLayoutOf, type TableFormat } from '../report/table-layout.js';
import type { CheckInput } from './check-input.js';
import { createFinding } from './create-finding.js';
import { describeCell } from './describe-cell.js';
import {
  applicationEquations,
  cellValue,
  evaluate,
  reviewLitigationEquations,
  toScaled,
  type Equation,
} from './equations.js';
import { pick, type Language } from './language.js';
import { tableNumberOf } from '../report/template.js';

const EQUATIONS: Readonly<Record<TableFormat, readonly Equation[]>> = {
  '2021': [...applicationEquations(TABLE_LAYOUTS['2021'].applications), ...reviewLitigationEquations()],
  '2019': [...applicationEquations(TABLE_LAYOUTS['2019'].applications), ...reviewLitigationEquations()],
};

type Broken = { equation: Equation; totalValue: number; partsValue: number };

/**
 * applications.rowTotal, applications.handledTotal, applications.balance and
 * reviewLitigation.total. When one cell change would mend every broken rule at once and break
 * none that holds, each finding suggests it. Findings never change the extracted values.
 */
export function checkSums(input: CheckInput): Finding[] {
  const layout = tableLayoutOf(input.format);
  if (!layout) return [];
  const evaluated = EQUATIONS[layout.format].map((equation) => ({ equation, evaluation: evaluate(input.tables, equation) }));
  const broken: Broken[] = evaluated.flatMap(({ equation, evaluation }) =>
    evaluation.status === 'broken' ? [{ equation, ...evaluation }] : [],
  );
  if (broken.length === 0) return [];
  const holding = evaluated.filter(({ evaluation }) => evaluation.status === 'holds').map(({ equation }) => equation);
  // Per table: a cell of table 3 cannot mend table 4, so an error there must not hide table 3's suggestion.
  const suggestions = new Map<string, { path: string; value: number } | null>();
  for (const table of new Set(broken.map(({ equation }) => tableOf(equation)))) {
    const own = (equation: Equation) => tableOf(equation) === table;
    suggestions.set(table, suggestCorrection(input.tables, broken.filter(({ equation }) => own(equation)), holding.filter(own)));
  }
  return broken.map(({ equation, totalValue, partsValue }) => {
    const suggestion = suggestions.get(tableOf(equation)) ?? null;
    const totalCells = equation.total.map((path) => describeCell(input, path));
    const partCells = equation.parts.map((path) => describeCell(input, path));
    const cells = [...totalCells, ...partCells];
    const difference = round(totalValue - partsValue);
    const suggested = suggestion && cells.some((cell) => cell.path === suggestion.path) ? suggestion : null;
    return createFinding({
      id: equation.id,
      severity: 'error',
      path: equation.path,
      message: describeBroken(equation, totalCells, totalValue, partsValue, input.language),
      cells,
      expected: partsValue,
      actual: totalValue,
      difference,
      suggestion: suggested && {
        ...suggested,
        message: describeSuggestion(input, suggested.path, suggested.value, input.language, suggestions.size > 1),
      },
      spans: cells.flatMap((cell) => (cell.span ? [cell.span] : [])),
    });
  });
}

function tableOf(equation: Equation): string {
  return equation.id.split('.')[0]!;
}

function round(value: number): number {
  return toScaled(value) / 1_000_000;
}

type Cell = ReturnType<typeof describeCell>;

function describeBroken(
  equation: Equation,
  totalCells: readonly Cell[],
  totalValue: number,
  partsValue: number,
  language: Language,
): string {
  const difference = round(totalValue - partsValue);
  const row = totalCells[0]!;
  switch (equation.id) {
    case 'applications.rowTotal':
      return pick(
        language,
        `“${row.rowLabel}”行：六类申请人合计 ${partsValue}，“总计”列为 ${totalValue}，相差 ${difference}`,
        `“${row.rowLabel}”: the six applicant columns add up to ${partsValue} but 总计 says ${totalValue} (difference ${difference})`,
      );
    case 'applications.handledTotal':
      return pick(
        language,
        `“${row.columnLabel}”列：各项办理结果合计 ${partsValue}，“（七）总计”为 ${totalValue}，相差 ${difference}`,
        `column “${row.columnLabel}”: the handling results add up to ${partsValue} but （七）总计 says ${totalValue} (difference ${difference})`,
      );
    case 'applications.balance':
      return pick(
        language,
        `“${row.columnLabel}”列：本年新收 + 上年结转 = ${totalValue}，而办理结果总计 + 结转下年度 = ${partsValue}，相差 ${difference}（第一项加第二项之和应等于第三项加第四项之和）`,
        `column “${row.columnLabel}”: new + carried over = ${totalValue} but handled + carried forward = ${partsValue} (difference ${difference})`,
      );
    default:
      return pick(
        language,
        `${row.columnLabel.split('/').slice(0, -1).join('/')}：维持、纠正、其他、尚未审结合计 ${partsValue}，“总计”为 ${totalValue}，相差 ${difference}`,
        `${row.columnLabel.split('/').slice(0, -1).join('/')}: upheld + corrected + other + pending = ${partsValue} but 总计 says ${totalValue} (difference ${difference})`,
      );
  }
}

/** "If this cell were N, every broken rule would hold" — of its own table, when another is broken too. */
function describeSuggestion(input: CheckInput, path: string, value: number, language: Language, onlyItsTable: boolean): string {
  const cell = describeCell(input, path);
  const { zh, en } = tableNumberOf(path) ?? { zh: '', en: '' };
  return pick(
    language,
    `若“${cell.rowLabel}”行“${cell.columnLabel}”为 ${value}（现为 ${cell.value}），${onlyItsTable ? `${zh}中` : ''}所有不符的勾稽关系都能成立`,
    `if “${cell.rowLabel}” / “${cell.columnLabel}” were ${value} (it reads ${cell.value}), every broken rule${onlyItsTable ? ` of ${en}` : ''} would hold`,
  );
}

/** The one cell whose change mends every broken equation and breaks none that holds. */
function suggestCorrection(
  tables: Tables,
  broken: readonly Broken[],
  holding: readonly Equation[],
): { path: string; value: number } | null {
  const sideOf = (equation: Equation, path: string) =>
    equation.total.includes(path) ? 1 : equation.parts.includes(path) ? -1 : 0;
  const first = broken[0]!.equation;
  const candidates = [...first.total, ...first.parts];
  const found: { path: string; value: number }[] = [];
  for (const path of candidates) {
    const current = cellValue(tables, path);
    if (current === null || current === undefined) continue;
    if (holding.some((equation) => sideOf(equation, path) !== 0)) continue;
    // total − parts = residual; moving this cell by −residual (total side) or +residual mends it.
    const values = broken.map(({ equation, totalValue, partsValue }) => {
      const side = sideOf(equation, path);
      return side === 0 ? null : round(current - side * (totalValue - partsValue));
    });
    const value = values[0];
    if (value === null || value === undefined || value < 0) continue;
    if (values.every((other) => other === value)) found.push({ path, value });
  }
  return found.length === 1 ? found[0]! : null;
}
