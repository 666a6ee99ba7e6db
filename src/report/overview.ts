import type { CrossYearFinding } from '../checks/cross-year.js';

/** One report as the batch overview shows it: who, when, how many findings of which kind, its key figures. */
export type OverviewReport = {
  readonly path: string;
  readonly sha256: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: string;
  readonly errors: number;
  readonly warnings: number;
  readonly findingIds: Readonly<Record<string, number>>;
  readonly figures: {
    readonly received: number | null;
    readonly handled: number | null;
    readonly granted: number | null;
    readonly reviews: number | null;
    readonly reviewsCorrected: number | null;
    readonly lawsuits: number | null;
    readonly lawsuitsCorrected: number | null;
  };
  readonly notices: readonly string[];
  /** The report's evidence view next to overview.html (views/…html), when one was written. */
  readonly view: string | null;
};

/** What overview.html is made from (kept as overview.json, so `nianbao overview DIR` redraws it). */
export type OverviewData = {
  readonly generatedAt: string;
  readonly directory: string;
  readonly reports: readonly OverviewReport[];
  /** Inputs that are not reports, and inputs that could not be read, by path. */
  readonly skipped: number;
  readonly failed: number;
  readonly crossYear: readonly Pick<CrossYearFinding, 'id' | 'severity' | 'agency' | 'previous' | 'current' | 'path' | 'message' | 'expected' | 'actual'>[];
};
