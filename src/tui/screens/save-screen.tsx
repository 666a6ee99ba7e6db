import { Box, Text } from 'ink';
import type { Decisions } from '../../label/review.js';
import { fixtureDocumentName } from '../../label/build-expected.js';
import { truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import { useWords } from '../words.js';

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
      <Text>{truncate(words.saveKeys, props.width)}</Text>
    </Box>
  );
}
