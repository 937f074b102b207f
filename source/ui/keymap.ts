/**
 * Every key binding of the reader, in one table. Input handling looks keys up here, the help
 * screen is generated from it, and the status line takes its hints from it.
 */

export type Action =
  | 'quit'
  | 'forceQuit'
  | 'back'
  | 'help'
  | 'nextPane'
  | 'search'
  | 'compare'
  | 'open'
  | 'down'
  | 'up'
  | 'top'
  | 'bottom'
  | 'pageDown'
  | 'pageUp'
  | 'halfDown'
  | 'halfUp'
  | 'nextHit'
  | 'prevHit'
  | 'nextChange'
  | 'prevChange'
  | 'sideBySide'
  | 'swap'
  | 'clearQuery'
  | 'erase'
  | 'keepQuery'
  | 'olderQuery'
  | 'newerQuery'
  | 'pickPlace'
  | 'redraw'
  | 'suspend'
  | 'substitutions'
  | 'copy'
  | 'export'
  | 'openStory'
  | 'left'
  | 'right'
  | 'fingerprints'
  | 'findInStory';

/**
 * Where a binding applies. `move` applies in every list and text view, and `global` everywhere;
 * `picker` and `help` are the screens drawn over a pane.
 */
export type Scope =
  | 'global'
  | 'move'
  | 'stories'
  | 'story'
  | 'reader'
  | 'search'
  | 'compare'
  | 'picker'
  | 'help'
  | 'substitutions';

/** The scopes a key is looked up in: a pane or a screen over it. */
export type View = Exclude<Scope, 'global' | 'move'>;

export interface Binding {
  readonly action: Action;
  /** Key names, as the key parser (input/keys.ts) gives them. */
  readonly keys: readonly string[];
  /** How the help screen writes the keys. */
  readonly label: string;
  readonly help: string;
  readonly scope: Scope;
  /** A short word for the status line, for the main keys. */
  readonly hint?: string;
}

/** The story view's own keys; moving keys scroll its rows or its text. */
const STORY_BINDINGS: readonly Binding[] = [
  {
    action: 'open',
    keys: ['enter'],
    label: 'Enter',
    help: "show the row's variants (after /: list the changes)",
    scope: 'story',
    hint: 'variants',
  },
  {
    action: 'nextChange',
    keys: [']'],
    label: ']',
    help: 'next row where versions differ',
    scope: 'story',
    hint: 'next difference',
  },
  {
    action: 'prevChange',
    keys: ['['],
    label: '[',
    help: 'previous row where versions differ',
    scope: 'story',
  },
  {
    action: 'left',
    keys: ['h', 'left'],
    label: 'h ←',
    help: 'version column to the left (scrolls when more versions exist than fit)',
    scope: 'story',
  },
  {
    action: 'right',
    keys: ['l', 'right'],
    label: 'l →',
    help: 'version column to the right',
    scope: 'story',
  },
  {
    action: 'fingerprints',
    keys: ['F'],
    label: 'F',
    help: "each version's fingerprint against the readings, one line each",
    scope: 'story',
    hint: 'fingerprints',
  },
  {
    action: 'compare',
    keys: ['c'],
    label: 'c',
    help: 'compare the version of the column cursor with another',
    scope: 'story',
    hint: 'compare',
  },
  {
    action: 'findInStory',
    keys: ['/'],
    label: '/',
    help: 'the versions of this story that inserted or removed a word or phrase',
    scope: 'story',
    hint: 'find',
  },
  {
    action: 'erase',
    keys: ['backspace'],
    label: 'Backspace',
    help: 'delete the last letter of the phrase',
    scope: 'story',
  },
];

export const BINDINGS: readonly Binding[] = [
  {
    action: 'down',
    keys: ['j', 'down', 'ctrl+n'],
    label: 'j ↓',
    help: 'move down one line',
    scope: 'move',
  },
  {
    action: 'up',
    keys: ['k', 'up', 'ctrl+p'],
    label: 'k ↑',
    help: 'move up one line',
    scope: 'move',
  },
  {
    action: 'pageDown',
    keys: ['pagedown', 'space', 'f', 'ctrl+f'],
    label: 'PgDn Space f',
    help: 'page down',
    scope: 'move',
  },
  {
    action: 'pageUp',
    keys: ['pageup', 'b', 'ctrl+b'],
    label: 'PgUp b',
    help: 'page up',
    scope: 'move',
  },
  {
    action: 'halfDown',
    keys: ['ctrl+d', 'd'],
    label: 'Ctrl-D d',
    help: 'half a page down',
    scope: 'move',
  },
  {
    action: 'halfUp',
    keys: ['ctrl+u', 'u'],
    label: 'Ctrl-U u',
    help: 'half a page up',
    scope: 'move',
  },
  { action: 'top', keys: ['g', 'home'], label: 'g Home', help: 'go to the top', scope: 'move' },
  { action: 'bottom', keys: ['G', 'end'], label: 'G End', help: 'go to the bottom', scope: 'move' },
  {
    action: 'open',
    keys: ['enter'],
    label: 'Enter',
    help: 'open the version in the reader',
    scope: 'stories',
    hint: 'open',
  },
  {
    action: 'compare',
    keys: ['c'],
    label: 'c',
    help: 'compare with another version',
    scope: 'stories',
    hint: 'compare',
  },
  {
    action: 'openStory',
    keys: ['o'],
    label: 'o',
    help: 'open the story: every version at once',
    scope: 'stories',
    hint: 'story',
  },
  ...STORY_BINDINGS,
  {
    action: 'compare',
    keys: ['c'],
    label: 'c',
    help: 'compare this version with another',
    scope: 'reader',
    hint: 'compare',
  },
  {
    action: 'nextHit',
    keys: ['n'],
    label: 'n',
    help: 'next search hit in this version',
    scope: 'reader',
    hint: 'next hit',
  },
  {
    action: 'prevHit',
    keys: ['N'],
    label: 'N',
    help: 'previous search hit in this version',
    scope: 'reader',
  },
  {
    action: 'open',
    keys: ['enter'],
    label: 'Enter',
    help: 'open the hit in the reader',
    scope: 'search',
    hint: 'open',
  },
  {
    action: 'down',
    keys: ['down', 'ctrl+j'],
    label: '↓',
    help: 'next result',
    scope: 'search',
  },
  {
    action: 'up',
    keys: ['up', 'ctrl+k'],
    label: '↑',
    help: 'previous result',
    scope: 'search',
  },
  {
    action: 'pageDown',
    keys: ['pagedown'],
    label: 'PgDn',
    help: 'next page of results',
    scope: 'search',
  },
  {
    action: 'pageUp',
    keys: ['pageup'],
    label: 'PgUp',
    help: 'previous page of results',
    scope: 'search',
  },
  {
    action: 'clearQuery',
    keys: ['ctrl+u'],
    label: 'Ctrl-U',
    help: 'clear the query',
    scope: 'search',
  },
  {
    action: 'erase',
    keys: ['backspace'],
    label: 'Backspace',
    help: 'delete the last letter of the query',
    scope: 'search',
  },
  {
    action: 'keepQuery',
    keys: ['right', 'end'],
    label: '→ End',
    help: 'keep the query selected on opening, and type after it',
    scope: 'search',
  },
  {
    action: 'olderQuery',
    keys: ['ctrl+p'],
    label: 'Ctrl-P',
    help: 'the previous query typed since the reader opened',
    scope: 'search',
    hint: 'older query',
  },
  {
    action: 'newerQuery',
    keys: ['ctrl+n'],
    label: 'Ctrl-N',
    help: 'the next query, back to the one being typed',
    scope: 'search',
  },
  {
    action: 'nextChange',
    keys: [']'],
    label: ']',
    help: 'next change',
    scope: 'compare',
    hint: 'next change',
  },
  {
    action: 'prevChange',
    keys: ['['],
    label: '[',
    help: 'previous change',
    scope: 'compare',
    hint: 'previous',
  },
  {
    action: 'sideBySide',
    keys: ['s'],
    label: 's',
    help: 'side by side (120 columns or more)',
    scope: 'compare',
    hint: 'side by side',
  },
  {
    action: 'swap',
    keys: ['x'],
    label: 'x',
    help: 'swap the two versions: what A changed from B',
    scope: 'compare',
    hint: 'swap',
  },
  {
    action: 'substitutions',
    keys: ['w'],
    label: 'w',
    help: 'list every word substitution, then the repairs',
    scope: 'compare',
    hint: 'substitutions',
  },
  {
    action: 'export',
    keys: ['e'],
    label: 'e',
    help: 'write this comparison to a new HTML file (here, or in $GAZA_READER_EXPORT_DIR)',
    scope: 'compare',
  },
  {
    action: 'copy',
    keys: ['y'],
    label: 'y',
    help: "copy this passage (B's side) with its citation to the terminal's clipboard",
    scope: 'compare',
  },
  {
    action: 'copy',
    keys: ['y'],
    label: 'y',
    help: "copy the top paragraph with its citation to the terminal's clipboard",
    scope: 'reader',
  },
  {
    action: 'copy',
    keys: ['ctrl+y'],
    label: 'Ctrl-Y',
    help: "copy the selected hit with its citation to the terminal's clipboard",
    scope: 'search',
  },
  {
    action: 'compare',
    keys: ['c'],
    label: 'c',
    help: 'compare with another version',
    scope: 'compare',
  },
  {
    action: 'open',
    keys: ['enter'],
    label: 'Enter',
    help: 'compare with the version under the cursor',
    scope: 'picker',
  },
  {
    action: 'pickPlace',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    label: '1–9',
    help: 'compare with the version at that place in the list',
    scope: 'picker',
  },
  {
    action: 'back',
    keys: ['escape', 'q'],
    label: 'Esc q',
    help: 'close the picker',
    scope: 'picker',
  },
  {
    action: 'back',
    keys: ['escape', 'q', 'w'],
    label: 'Esc q w',
    help: 'close the list of substitutions',
    scope: 'substitutions',
  },
  {
    action: 'back',
    keys: ['escape', 'q', '?'],
    label: 'Esc q ?',
    help: 'close the help screen',
    scope: 'help',
  },
  {
    action: 'search',
    keys: ['/'],
    label: '/',
    help: 'search every passage',
    scope: 'global',
    hint: 'search',
  },
  { action: 'nextPane', keys: ['tab'], label: 'Tab', help: 'go to the next pane', scope: 'global' },
  {
    action: 'back',
    keys: ['escape'],
    label: 'Esc',
    help: 'go back',
    scope: 'global',
    hint: 'back',
  },
  {
    action: 'help',
    keys: ['?'],
    label: '?',
    help: 'show every key',
    scope: 'global',
    hint: 'help',
  },
  {
    action: 'quit',
    keys: ['q'],
    label: 'q',
    help: 'quit (from a pane: close it)',
    scope: 'global',
    hint: 'quit',
  },
  { action: 'forceQuit', keys: ['ctrl+c'], label: 'Ctrl-C', help: 'quit at once', scope: 'global' },
  {
    action: 'redraw',
    keys: ['ctrl+l'],
    label: 'Ctrl-L',
    help: 'redraw the whole screen',
    scope: 'global',
  },
  {
    action: 'suspend',
    keys: ['ctrl+z'],
    label: 'Ctrl-Z',
    help: 'suspend to the shell (fg brings the reader back)',
    scope: 'global',
  },
];

/**
 * The action a key means in a pane: the pane's own bindings first, then moves (where the pane
 * moves), then the global ones.
 */
export function actionFor(name: string, scope: View): Action | undefined {
  // In search, letters type into the query; its own bindings say how to move.
  const order: Scope[] = [scope, ...(scope === 'search' ? [] : (['move'] as const)), 'global'];
  for (const s of order) {
    const binding = BINDINGS.find((b) => b.scope === s && b.keys.includes(name));
    if (binding) return binding.action;
  }
  return undefined;
}

/** The status-line hints for a pane, from the table. */
export function hintsFor(scope: View): { key: string; hint: string }[] {
  // In the search pane, printable keys type into the query, so only the others are hints there.
  const typed = (b: Binding): boolean => scope === 'search' && b.keys.every((k) => k.length === 1);
  // A global key the pane takes for itself (/ in the story view) is that pane's hint only.
  const own = BINDINGS.filter((b) => b.scope === scope).flatMap((b) => b.keys);
  const taken = (b: Binding): boolean =>
    b.scope === 'global' && b.keys.every((k) => own.includes(k));
  const hints = BINDINGS.filter(
    (b) => (b.scope === scope || b.scope === 'global') && b.hint && !typed(b) && !taken(b),
  ).map((b) => ({ key: b.label, hint: b.hint! }));
  // Help first: a narrow status line cuts from the end, and ? is the key that explains the rest.
  return [...hints.filter((h) => h.hint === 'help'), ...hints.filter((h) => h.hint !== 'help')];
}

export const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere',
  move: 'Moving (lists and text)',
  stories: 'Stories',
  story: 'Story (every version at once)',
  reader: 'Reader',
  search: 'Search',
  compare: 'Compare',
  picker: 'Compare picker',
  help: 'This help screen',
  substitutions: 'Substitutions list (w in Compare)',
};
