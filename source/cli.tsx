import { UserError } from './corpus/errors.js';
import { loadCorpus } from './corpus/load.js';
import { findVersion } from './corpus/resolve.js';
import type { Corpus } from './corpus/types.js';
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

function warn(corpus: Corpus): void {
  for (const warning of corpus.warnings) {
    process.stderr.write(`gaza-reader: warning: ${warning.message}\n`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const invocation = parseArgs(argv);
  const { command, args, flags } = invocation;
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (interactive && command === undefined) {
    // The reader opens at once on what has loaded, and a large corpus streams in behind it.
    const { openCorpus } = await import('./corpus/stream.js');
    const feed = openCorpus({ dir: flags.corpus });
    const { runReader } = await import('./ui/run.js');
    await runReader(feed, { pair: undefined, exact: flags.exact, color: flags.color });
    return;
  }
  const corpus = loadCorpus({ dir: flags.corpus });
  const out = makeOutput(invocation);

  if (command === undefined || command === 'compare') {
    if (interactive) {
      const pair = [findVersion(corpus, args[0]!), findVersion(corpus, args[1]!)] as const;
      const [{ runReader }, { CorpusFeed }] = await Promise.all([
        import('./ui/run.js'),
        import('./corpus/stream.js'),
      ]);
      await runReader(new CorpusFeed(corpus, null), {
        pair,
        exact: flags.exact,
        color: flags.color,
      });
      return;
    }
    // Not a terminal (a pipe, cron, CI): print instead of failing in raw mode.
    warn(corpus);
    if (command === 'compare') {
      const { runDiff } = await import('./cli/diff.js');
      runDiff(corpus, args[0]!, args[1]!, out, flags);
    } else {
      runList(corpus, out, flags.json);
    }
    return;
  }

  warn(corpus);
  switch (command) {
    case 'list':
      runList(corpus, out, flags.json);
      break;
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

// `| head` closing the pipe early is not an error; a full disk is one line and exit 1.
exitOnWriteErrors();

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UserError) {
    process.stderr.write(`gaza-reader: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`gaza-reader: internal error: ${message}\n`);
  process.exitCode = 1;
});
