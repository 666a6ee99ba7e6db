// Driving an ink app in tests (ink-testing-library): keys written one by one, frames waited for.
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

export const ENTER = '\r';
export const ESCAPE = '\u001b';
export const PAGE_DOWN = '\u001b[6~';

/** Waits (up to 3 s, for a loaded machine) until the frame shows `text`; returns the frame. */
export async function frameWith(lastFrame: () => string | undefined, text: string | RegExp): Promise<string> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const frame = lastFrame() ?? '';
    if ((typeof text === 'string' ? frame.includes(text) : text.test(frame)) || Date.now() > deadline) return frame;
    await settle();
  }
}

/** Writes each key and lets the app render before the next. */
export async function press(stdin: { write(data: string): void }, ...keys: string[]) {
  for (const key of keys) {
    stdin.write(key);
    await settle();
  }
}
