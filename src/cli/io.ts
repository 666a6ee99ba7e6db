/** What a command may touch of the outside world; tests pass fakes. */
export type CliIo = {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Environment variables (only cli/ reads them). */
  readonly env: Readonly<Record<string, string | undefined>>;
};

export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3, narrativeFailed: 4, internal: 70 } as const;
