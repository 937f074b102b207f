import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Version } from '../../corpus/types.js';
import type { Theme } from '../theme.js';
import { percent } from '../layout/labels.js';
import { lineText, seg, truncateLine } from '../layout/line.js';

export interface PickerChoice {
  readonly version: Version;
  readonly similarity: number | null;
}

interface PickerProps {
  readonly base: Version;
  readonly choices: readonly PickerChoice[];
  readonly labels: ReadonlyMap<string, string>;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  readonly onPick: (version: Version) => void;
}

/** Choose the version to compare with, most similar first. */
export function PickerPane({ base, choices, labels, width, height, theme, onPick }: PickerProps) {
  const name = (v: Version): string => labels.get(v.id) ?? v.id;
  const nameWidth = Math.max(...choices.map((c) => name(c.version).length));
  const items = choices.map((choice, i) => {
    // ink-select-input picks the Nth item when digit N is typed: say so on the item.
    const digit = i < 9 ? `${i + 1}` : ' ';
    const shared = choice.similarity === null ? '' : percent(choice.similarity);
    const text = `${digit}  ${name(choice.version).padEnd(nameWidth)}  ${shared.padStart(4)}  ${choice.version.title}`;
    return {
      key: choice.version.id,
      value: choice.version.id,
      label: lineText(truncateLine([seg(text)], width - 4)),
    };
  });
  const byId = new Map(choices.map((c) => [c.version.id, c.version]));
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text {...theme.tones.heading}>Compare </Text>
        <Text {...theme.tones.accent}>{name(base)}</Text>
        <Text {...theme.tones.dim}>
          {' '}
          with… (most text shared first; Enter or 1–9 picks, Esc cancels)
        </Text>
      </Text>
      {items.length === 0 ? (
        <Text {...theme.tones.dim}>There is no other version to compare with.</Text>
      ) : (
        <SelectInput
          items={items}
          limit={Math.max(1, Math.min(items.length, height - 2))}
          onSelect={(item) => {
            const version = byId.get(item.value);
            if (version) onPick(version);
          }}
        />
      )}
    </Box>
  );
}
