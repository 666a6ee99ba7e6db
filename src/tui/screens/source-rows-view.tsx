import { Text } from 'ink';
import { padStart } from '../../render/display-width.js';
import type { SourceRow } from '../source-rows.js';

/**
 * Rows of the source with their line numbers (on a line's first row, and on the top row so a
 * view scrolled into a long paragraph still says where it is); marked text in colour, or in
 * the brackets sourceRows put in.
 */
export function SourceRowsView(props: { rows: readonly SourceRow[]; gutter: number; color: boolean }) {
  return (
    <>
      {props.rows.map((row, index) =>
        row.kind === 'gap' ? (
          <Text key={index} dimColor>
            {`${padStart('⋮', props.gutter)}`}
          </Text>
        ) : (
          <Text key={index} wrap="truncate">
            <Text dimColor>{`${padStart(row.first || index === 0 ? String(row.line) : '', props.gutter)}│`}</Text>
            {row.pieces.map((piece, pieceIndex) =>
              piece.mark === 'plain' || !props.color ? (
                <Text key={pieceIndex}>{piece.text}</Text>
              ) : (
                <Text key={pieceIndex} inverse={piece.mark === 'selected'} underline={piece.mark === 'marked'} color="yellow">
                  {piece.text}
                </Text>
              ),
            )}
          </Text>
        ),
      )}
    </>
  );
}

/** The gutter's width for rows that number lines up to `rows`' last line. */
export function gutterOf(rows: readonly SourceRow[]): number {
  const last = rows.reduce((most, row) => (row.kind === 'line' ? Math.max(most, row.line) : most), 0);
  return String(last).length + 1;
}
