import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Version } from '../../corpus/types.js';
import type { Theme } from '../theme.js';
import { percent } from '../layout/labels.js';
import { truncateLine, seg } from '../layout/line.js';

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
  const items = choices.map((choice) => ({
    key: choice.version.id,
    value: choice.version.id,
    label: truncateLine(
      [
        seg(
          `${name(choice.version)}  ${choice.similarity === null ? '    ' : percent(choice.similarity).padStart(4)}  ${choice.version.title}`,
        ),
      ],
      width - 4,
    )
      .map((s) => s.text)
      .join(''),
  }));
  const byId = new Map(choices.map((c) => [c.version.id, c.version]));
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text {...theme.tones.heading}>Compare </Text>
        <Text {...theme.tones.accent}>{name(base)}</Text>
        <Text {...theme.tones.dim}> with… (most similar first; Enter picks, Esc cancels)</Text>
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
