/** Whether the non-interactive commands color their output; the colors are the one theme's. */
import { wantsColor, type ColorEnvironment } from '../render/theme.js';

export { wantsColor, type ColorEnvironment };

export interface Style {
  /** SGR colors from the theme, or plain text with markers. */
  readonly enabled: boolean;
}

export function makeStyle(enabled: boolean): Style {
  return { enabled };
}
