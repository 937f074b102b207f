/** The groups of measures of `npm run bench`; `-- --only=frames,keys` runs some of them. */
export const GROUPS = [
  'frames',
  'keys',
  'memory',
  'corpus',
  'compare',
  'output',
  'collate',
  'scale',
] as const;
export type Group = (typeof GROUPS)[number];

/** The groups that `--only=a,b` names among the arguments, or all of them. */
export function parseOnly(argv: readonly string[]): ReadonlySet<Group> {
  const only = argv.find((arg) => arg.startsWith('--only='));
  if (only === undefined) return new Set(GROUPS);
  const names = only.slice('--only='.length).split(',');
  const unknown = names.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`unknown group ${unknown.join(', ')}; the groups are ${GROUPS.join(', ')}`);
  }
  return new Set(names as Group[]);
}
