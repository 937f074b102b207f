/**
 * The reader's side of the one theme (source/render/theme.ts): a tone's style is handed to Ink's
 * <Text> as props. The commands map the same styles to SGR codes (source/render/ansi.ts).
 */
import type { ToneStyle } from '../render/theme.js';

export {
  chooseTheme,
  colorTheme,
  monoTheme,
  type Theme,
  type Tone,
  type ToneStyle,
} from '../render/theme.js';

/** Ink <Text> props for a tone's style. */
export function inkProps(style: ToneStyle): ToneStyle {
  const { color, backgroundColor, bold, dimColor, underline, inverse } = style;
  return { color, backgroundColor, bold, dimColor, underline, inverse };
}
