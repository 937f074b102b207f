import { BINDINGS, SCOPE_TITLES, type Scope } from '../keymap.js';
import { seg, type Line } from '../../render/line.js';

const ORDER: readonly Scope[] = [
  'global',
  'move',
  'stories',
  'story',
  'reader',
  'search',
  'compare',
];

/** The help screen, generated from the keymap so it always tells the truth. */
export function helpLines(): Line[] {
  const lines: Line[] = [[seg('Keys', 'heading'), seg('   Esc, q or ? closes this screen', 'dim')]];
  const labelWidth = Math.max(...BINDINGS.map((b) => b.label.length)) + 2;
  for (const scope of ORDER) {
    lines.push([], [seg(SCOPE_TITLES[scope], 'heading')]);
    for (const binding of BINDINGS.filter((b) => b.scope === scope)) {
      lines.push([seg('  ' + binding.label.padEnd(labelWidth), 'accent'), seg(binding.help)]);
    }
  }
  lines.push(
    [],
    [seg('In the search pane, letters go into the query.', 'dim')],
    [
      seg(
        'Stories: “≈003 92%” names the closest version and the share of text they have in common.',
        'dim',
      ),
    ],
    [seg('Compare: similarity counts the words left unchanged, in both versions.', 'dim')],
  );
  return lines;
}
