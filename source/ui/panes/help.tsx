import React from 'react';
import type { Line } from '../../render/line.js';
import type { Theme } from '../theme.js';
import type { HelpScreen } from '../state/help.js';
import { TextPane } from '../components/text-pane.js';

interface HelpPaneProps {
  readonly lines: readonly Line[];
  readonly screen: HelpScreen;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** Every key, from the keymap (state/help.ts), under a line that says where the screen stands. */
export function HelpPane({ lines, screen, width, height, theme }: HelpPaneProps) {
  return (
    <TextPane
      header={[screen.header]}
      lines={lines}
      top={screen.top}
      width={width}
      height={height}
      theme={theme}
    />
  );
}
