import { Box, Text } from 'ink';
import type { ChatReply } from '../../chat/ask.js';
import { answerText } from '../../chat/verify-answer.js';
import { truncate } from '../../render/display-width.js';
import type { Result } from '../../report/schemas.js';
import { oneLine } from './layout.js';
import { useWords } from '../words.js';
import type { KeyPress } from '../keys.js';
import { editLine } from '../line-editor.js';
import type { Session } from '../session.js';

export type ChatTurnState = {
  readonly question: string;
  /** The answer's text as it streams in; null before the first piece. */
  readonly streaming: string | null;
  readonly reply: ChatReply | null;
  readonly error: string | null;
};

const MAX_CITATIONS = 5;

function Answer(props: { reply: ChatReply; color: boolean }) {
  return (
    <Text wrap="wrap">
      {props.reply.answer.pieces.map((piece, index) =>
        piece.number && !piece.number.verified ? (
          <Text key={index} color={props.color ? 'yellow' : undefined}>{`${piece.text}⚠`}</Text>
        ) : (
          <Text key={index}>{piece.text}</Text>
        ),
      )}
    </Text>
  );
}

/** Every key but Esc types the question; Enter asks it (one question at a time). */
export function chatKeys(input: string, key: KeyPress, session: Session): void {
  const { chat } = session;
  if (chat.busy) return;
  const edit = editLine(chat.input, input, key);
  if (edit.done === 'submit' && edit.text.trim()) {
    chat.setInput('');
    chat.ask(edit.text.trim());
  } else {
    chat.setInput(edit.text);
  }
}

/** The conversation about one report: the last exchange in full, the question being typed below. */
export function ChatScreen(props: { result: Result; turns: readonly ChatTurnState[]; input: string; askLabel: string; busy: boolean; width: number; color: boolean }) {
  const words = useWords();
  const last = props.turns.at(-1);
  const earlier = props.turns.slice(0, -1).slice(-2);
  const citations = last?.reply?.answer.citations ?? [];
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold>{truncate(words.askAbout(`${props.result.meta.agency ?? props.result.source.path} ${props.result.meta.year ?? ''}`.trim(), props.askLabel), props.width)}</Text>
      {earlier.map((turn, index) => (
        <Text key={index} dimColor>
          {truncate(`问 ${turn.question} → ${turn.reply ? oneLine(answerText(turn.reply.answer)) : (turn.error ?? '')}`, props.width)}
        </Text>
      ))}
      {last ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold wrap="wrap">{`问 ${last.question}`}</Text>
          {last.reply ? <Answer reply={last.reply} color={props.color} /> : null}
          {!last.reply && last.streaming !== null ? <Text wrap="wrap">{last.streaming}</Text> : null}
          {!last.reply && last.streaming === null && !last.error ? <Text dimColor>{words.asking}</Text> : null}
          {last.error ? <Text color={props.color ? 'red' : undefined} wrap="wrap">{`✗ ${last.error}`}</Text> : null}
          {citations.slice(0, MAX_CITATIONS).map((citation, index) => (
            <Text key={index} color={props.color ? (citation.verified ? 'green' : 'yellow') : undefined}>
              {truncate(oneLine(`${citation.verified ? '✓' : '✗'} ${citation.value} “${citation.quote}”${citation.verified ? '' : words.citationNotFound}`), props.width)}
            </Text>
          ))}
          {citations.length > MAX_CITATIONS ? <Text dimColor>{words.moreQuotes(citations.length - MAX_CITATIONS)}</Text> : null}
          {last.reply && last.reply.answer.unverified > 0 ? <Text dimColor>{truncate(words.unverified(last.reply.answer.unverified), props.width)}</Text> : null}
        </Box>
      ) : (
        <Text dimColor wrap="wrap">{words.askHint}</Text>
      )}
      <Box marginTop={1}>
        <Text>{truncate(`› ${props.input}${props.busy ? '' : '▏'}`, props.width)}</Text>
      </Box>
    </Box>
  );
}
