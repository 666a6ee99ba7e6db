import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { truncate } from '../../render/display-width.js';
import type { Result, Span } from '../../report/schemas.js';
import type { Item } from '../items.js';
import { sourceExcerpt } from '../source-excerpt.js';
import { useWords } from '../words.js';

/** The document text of a result, read once per screen. */
export function useSourceText(result: Result, loadText: (result: Result) => Promise<string>): { text: string | null; problem: string | null } {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    loadText(result).then(setText, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, [result]);
  return { text, problem };
}

/** The lines around each span, the span highlighted (or in ⟦⟧ without colour). */
export function Excerpts(props: { text: string; spans: readonly Span[]; color: boolean; maxContext?: number }) {
  const words = useWords();
  return (
    <>
      {props.spans.map((span, index) => {
        const excerpt = sourceExcerpt(props.text, span, 1, props.maxContext ?? 90);
        // A tab would be drawn by the terminal at its own stops, past the width ink measured.
        const shown = (text: string) => text.replace(/\t/g, '  ');
        return (
          <Box key={index} flexDirection="column" marginTop={1}>
            <Text dimColor>{words.line(excerpt.line)}</Text>
            <Text wrap="wrap">
              {shown(excerpt.before)}
              {props.color ? (
                <Text inverse color="yellow">
                  {shown(excerpt.highlighted)}
                </Text>
              ) : (
                `⟦${shown(excerpt.highlighted)}⟧`
              )}
              {shown(excerpt.after)}
            </Text>
          </Box>
        );
      })}
    </>
  );
}

export function SourceScreen(props: { result: Result; item: Item; loadText: (result: Result) => Promise<string>; width: number; color: boolean }) {
  const words = useWords();
  const { text, problem } = useSourceText(props.result, props.loadText);
  const { item } = props;
  const spans = item.kind === 'finding' ? item.finding.spans : item.kind === 'number' && item.span ? [item.span] : [];
  const title =
    item.kind === 'finding'
      ? `${item.finding.id}: ${item.finding.message}`
      : item.kind === 'number'
        ? `${item.path} = ${item.value}${item.grounded ? '' : words.quoteNotFound}`
        : `${item.label} = ${item.value ?? '?'}`;
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold wrap="wrap">{title}</Text>
      {item.kind === 'finding'
        ? item.finding.cells.map((cell) => <Text key={cell.path}>{truncate(`  ${cell.rowLabel} / ${cell.columnLabel} = ${cell.value ?? words.blank}`, props.width)}</Text>)
        : null}
      {problem ? <Text color="red">{problem}</Text> : null}
      {text === null && !problem ? <Text dimColor>{words.readingSource}</Text> : null}
      {text !== null && spans.length === 0 ? <Text dimColor>{words.notInText}</Text> : null}
      {text !== null ? <Excerpts text={text} spans={spans} color={props.color} /> : null}
    </Box>
  );
}
