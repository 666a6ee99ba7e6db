import { Box, Text } from 'ink';
import type { Decisions } from '../../label/review.js';
import { fixtureDocumentName } from '../../label/build-expected.js';
import { truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';

/** What a save will write, before anything is written. */
export function SaveScreen(props: { result: Result; decisions: Decisions | undefined; folder: string; includeNarrative: boolean; width: number }) {
  const decisions = [...(props.decisions?.values() ?? [])];
  const count = (kind: string) => decisions.filter((decision) => decision.kind === kind).length;
  const lines = [
    `folder     ${props.folder}/`,
    `files      ${fixtureDocumentName(props.result)} (a copy), expected.json, NOTES.md`,
    `reviewed   ${count('edited')} edited, ${count('confirmed')} confirmed, ${count('dismissed')} finding(s) dismissed`,
    `narrative  ${props.includeNarrative ? 'labelled: every stated number is listed' : 'not labelled (null)'}`,
  ];
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold>{truncate(`save ${props.result.meta.agency ?? props.result.source.path} as a labelled fixture`, props.width)}</Text>
      {lines.map((line) => (
        <Text key={line}>{truncate(line, props.width)}</Text>
      ))}
      <Text dimColor wrap="wrap">Values not reviewed are saved as nianbao read them; NOTES.md says which were. Label the narrative only when every number the text states is in the list.</Text>
      <Text>{truncate('Enter save · i change the id · n narrative on/off · Esc cancel', props.width)}</Text>
    </Box>
  );
}
