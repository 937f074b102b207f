import { loadCorpus } from './corpus/load.js';
import { findVersion } from './corpus/resolve.js';
import type { Corpus, LoadWarning } from './corpus/types.js';
import type { CorpusFeed } from './corpus/stream.js';
import type { ReaderOptions } from './ui/run.js';
import type { ReaderTerminal } from './ui/terminal/reader.js';
import { reportFailure } from './cli/failure.js';
import { parseArgs, type Invocation } from './cli/args.js';
import type { Output } from './cli/output.js';
import { makeStyle, wantsColor } from './cli/style.js';
import { runList } from './cli/list.js';
import { runShow } from './cli/show.js';
import { exitOnWriteErrors } from './cli/write.js';

function makeOutput(invocation: Invocation): Output {
  const isTTY = process.stdout.isTTY === true;
  const color = wantsColor({ flag: invocation.flags.color, env: process.env, isTTY });
  const width = invocation.flags.width ?? (isTTY ? process.stdout.columns : undefined) ?? 80;
  return {
    style: makeStyle(color),
    width,
    isTTY,
    write: (text) => process.stdout.write(text),
  };
}

function warnAll(warnings: readonly LoadWarning[]): void {
  for (const warning of warnings) {
    process.stderr.write(`gaza-reader: warning: ${warning.message}\n`);
  }
}

function warn(corpus: Corpus): void {
  warnAll(corpus.warnings);
}

async function main(argv: readonly string[]): Promise<void> {
  const invocation = parseArgs(argv);
  const { command, args, flags } = invocation;
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (interactive && command === undefined) {
    // The reader opens at once on what has loaded, and a large corpus streams in behind it.
    const { openCorpus } = await import('./corpus/stream.js');
    const feed = openCorpus({ dir: flags.corpus });
    await openReader(feed, { pair: undefined, exact: flags.exact, color: flags.color });
    return;
  }
  const out = makeOutput(invocation);
  // The list streams: the corpus is read a version at a time, and never kept whole.
  // Not a terminal, and no command: the list, rather than failing in raw mode.
  if (command === 'list' || (command === undefined && !interactive)) {
    runList({ dir: flags.corpus }, out, flags.json, warnAll);
    return;
  }
  const corpus = loadCorpus({ dir: flags.corpus });

  if (command === undefined || command === 'compare') {
    if (interactive) {
      const pair = [findVersion(corpus, args[0]!), findVersion(corpus, args[1]!)] as const;
      const { CorpusFeed } = await import('./corpus/stream.js');
      await openReader(new CorpusFeed(corpus, null), {
        pair,
        exact: flags.exact,
        color: flags.color,
      });
      return;
    }
    // Not a terminal (a pipe, cron, CI): print instead of failing in raw mode.
    warn(corpus);
    const { runDiff } = await import('./cli/diff.js');
    runDiff(corpus, args[0]!, args[1]!, out, flags);
    return;
  }

  warn(corpus);
  switch (command) {
    case 'show':
      runShow(findVersion(corpus, args[0]!), out, flags.json);
      break;
    case 'search': {
      const { runSearch } = await import('./cli/search.js');
      runSearch(corpus, args.join(' '), out, flags);
      break;
    }
    case 'diff': {
      const { runDiff } = await import('./cli/diff.js');
      runDiff(corpus, args[0]!, args[1]!, out, flags);
      break;
    }
    case 'collate': {
      const { runCollate } = await import('./cli/collate.js');
      runCollate(corpus, args, out, flags);
      break;
    }
    case 'changes': {
      const { runChanges } = await import('./cli/changes.js');
      runChanges(corpus, args.join(' '), out, flags);
      break;
    }
  }
}

/**
 * The full-screen reader, loaded at its first use: Ink, React and the panes are evaluated only
 * by a start that opens it. `opened`: the terminal already set up, its first frame drawn by the
 * first stage (source/first.ts).
 */
export async function openReader(
  feed: CorpusFeed,
  options: ReaderOptions,
  opened?: ReaderTerminal,
): Promise<void> {
  const { runReader } = await import('./ui/run.js');
  await runReader(feed, options, opened);
}

/** Run the CLI on its arguments (the bin, dist/cli.js, calls this: see scripts/build.mjs). */
export function cli(argv: readonly string[]): void {
  // `| head` closing the pipe early is not an error; a full disk is one line and exit 1.
  exitOnWriteErrors();
  main(argv).catch(reportFailure);
}
