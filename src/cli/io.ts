/** What a command may touch of the outside world; tests pass fakes. */
export type CliIo = {
  /** `columns`: a terminal's width (tables use it; a pipe gets 80). */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Environment variables (only cli/ reads them). */
  readonly env: Readonly<Record<string, string | undefined>>;
};

export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3, narrativeFailed: 4, internal: 70, interrupted: 130 } as const;

/** The exit code of inputs that did not all go through: a bug first, then an unreadable input, then a failed narrative. */
export function inputsExitCode(counts: { readonly unreadable: number; readonly narrativeFailed: number; readonly internal: number }): number | null {
  if (counts.internal > 0) return EXIT.internal;
  if (counts.unreadable > 0) return EXIT.unreadable;
  return counts.narrativeFailed > 0 ? EXIT.narrativeFailed : null;
}
