import React from 'react';
import type { Theme } from '../theme.js';
import type { StoryLayout } from '../layout/story.js';
import { TextPane } from '../components/text-pane.js';

interface StoryPaneProps {
  readonly layout: StoryLayout;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** Every version of a story at once: the overview, a row's variants, the fingerprints. */
export function StoryPane({ layout, width, height, theme }: StoryPaneProps) {
  return (
    <TextPane
      header={layout.header}
      lines={layout.lines}
      top={layout.top}
      width={width}
      height={height}
      theme={theme}
    />
  );
}
