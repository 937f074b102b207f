import React from 'react';
import type { Theme } from '../theme.js';
import type { ReaderLayout } from '../layout/reader.js';
import { TextPane } from '../components/text-pane.js';

interface ReaderPaneProps {
  readonly layout: ReaderLayout;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** One version: its title, metadata and numbered paragraphs, scrolling. */
export function ReaderPane({ layout, top, width, height, theme }: ReaderPaneProps) {
  return <TextPane lines={layout.lines} top={top} width={width} height={height} theme={theme} />;
}
