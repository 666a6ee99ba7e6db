import { Box, Text } from 'ink';
import type { Decisions } from '../../label/review.js';
import { fixtureDocumentName } from '../../label/build-expected.js';
import { truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import { useWords } from '../words.js';
import type { KeyPress } from '../keys.js';
import type { Session } from '../session.js';

/** Enter writes the fixture; n labels the narrative or not; i changes the id. */
export function saveKeys(input: string, key: KeyPress, session: Session): void {
  const { save, words } = session;
  if (key.return) return save.write();
  if (input === 'n') return save.set({ includeNarrative: !save.includeNarrative });
  if (input === 'i') return session.prompt({ label: words.fixtureId, text: save.id, submit: (id) => save.set({ id: id.trim() }) });
}

/** What a save will write, before anything is written. */
export function SaveScreen(props: { result: Result; decisions: Decisions | undefined; folder: string; includeNarrative: boolean; width: number }) {
  const words = useWords();
  const decisions = [...(props.decisions?.values() ?? [])];
  const count = (kind: string) => decisions.filter((decision) => decision.kind === kind).length;
  const lines = words.saveLines(props.folder, fixtureDocumentName(props.result), count('edited'), count('confirmed'), count('dismissed'), props.includeNarrative);
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold>{truncate(words.saveTitle(props.result.meta.agency ?? props.result.source.path), props.width)}</Text>
      {lines.map((line) => (
        <Text key={line}>{truncate(line, props.width)}</Text>
      ))}
      <Text dimColor wrap="wrap">{words.saveNote}</Text>
    </Box>
  );
}
