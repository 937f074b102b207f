import React from 'react';
import type { Version } from '../../corpus/types.js';
import { glyphs } from '../../render/glyphs.js';
import type { Theme } from '../theme.js';
import { percent } from '../layout/labels.js';
import { seg, truncateLine, type Line } from '../layout/line.js';
import { PLACE_KEYS, type PickerChoice } from '../state/picker.js';
import { TextPane } from '../components/text-pane.js';

interface PickerProps {
  readonly base: Version;
  /** The choices on screen, with their similarity (state/picker.ts, visibleChoices). */
  readonly choices: readonly PickerChoice[];
  /** Whether there is any choice at all. */
  readonly empty: boolean;
  readonly cursor: number;
  /** The place of the first choice on screen in the whole list. */
  readonly top: number;
  readonly labels: ReadonlyMap<string, string>;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** The picker's lines: one per choice, with the digit that picks it and a cursor mark. */
export function pickerLines(
  choices: readonly PickerChoice[],
  first: number,
  cursor: number,
  labels: ReadonlyMap<string, string>,
  width: number,
): Line[] {
  const name = (v: Version): string => labels.get(v.id) ?? v.id;
  const nameWidth = Math.max(0, ...choices.map((c) => name(c.version).length));
  return choices.map((choice, k) => {
    const i = first + k;
    const digit = i < PLACE_KEYS ? `${i + 1}` : ' ';
    const shared = choice.similarity === null ? '' : percent(choice.similarity);
    const text = `${digit}  ${name(choice.version).padEnd(nameWidth)}  ${shared.padStart(4)}  ${choice.version.title}`;
    const here = i === cursor;
    return truncateLine(
      [seg(here ? `${glyphs().cursor} ` : '  ', 'accent'), seg(text, here ? 'accent' : 'plain')],
      width,
    );
  });
}

/** Choose the version to compare with, most similar first: a window of the list. */
export function PickerPane({
  base,
  choices,
  empty,
  cursor,
  top,
  labels,
  width,
  height,
  theme,
}: PickerProps) {
  const heading: Line = truncateLine(
    [
      seg('Compare ', 'heading'),
      seg(labels.get(base.id) ?? base.id, 'accent'),
      seg(
        ` with${glyphs().ellipsis} (closest first; Enter or 1${glyphs().range}9 picks, Esc cancels)`,
        'dim',
      ),
    ],
    width,
  );
  const lines: Line[] = empty
    ? [[seg('There is no other version to compare with.', 'dim')]]
    : pickerLines(choices, top, cursor, labels, width);
  return (
    <TextPane
      header={[heading]}
      lines={lines}
      top={0}
      width={width}
      height={height}
      theme={theme}
    />
  );
}
