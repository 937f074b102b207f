// Bundles the CLI into one file, dist/cli.js: a bundled Ink app reaches its first frame in about
// a third of the time of the same app loaded module by module. Beside it, THIRD-PARTY-NOTICES.txt
// holds the license of every package the bundle carries, and cli.meta.json what went into it.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { thirdPartyNotices } from './notices.mjs';
import { assertPatchesApplied } from './patches.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dist = new URL('../dist/', import.meta.url);

// The tests import node_modules directly; the bundle must carry the same, patched, code.
assertPatchesApplied();

const stub = fileURLToPath(new URL('./devtools-stub.mjs', import.meta.url));

/**
 * Ink loads its devtools module (react-devtools-core, and the `ws` WebSocket library, 50 kB) only
 * when DEV is set; the bundle never needs it, and every start would parse it. Resolve it to the
 * stub. This is a choice of what to bundle, not a change to Ink's code: Ink behaves the same
 * either way while DEV is unset, in the tests as in the bundle.
 */
const noDevtools = {
  name: 'no-devtools',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: stub } : undefined,
    );
  },
};

/** What every bundle shares: ESM for Node 20, minified (NO_MINIFY=1 keeps names, to profile). */
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: !process.env.NO_MINIFY,
  // Every license, in full, is in THIRD-PARTY-NOTICES.txt.
  legalComments: 'none',
  logLevel: 'warning',
};

// Some dependencies are CommonJS and call require(); give each ESM bundle one.
const requireShim =
  "import { createRequire as __gr_createRequire } from 'node:module';\n" +
  'const require = __gr_createRequire(import.meta.url);';

const result = await build({
  ...common,
  entryPoints: [fileURLToPath(new URL('../source/cli.tsx', import.meta.url))],
  outfile: fileURLToPath(new URL('cli.js', dist)),
  metafile: true,
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.GAZA_READER_VERSION': JSON.stringify(pkg.version),
  },
  alias: { 'react-devtools-core': stub },
  plugins: [noDevtools],
  banner: {
    js:
      '#!/usr/bin/env node\n' +
      '// gaza-reader, with the packages listed, and licensed, in THIRD-PARTY-NOTICES.txt beside it.\n' +
      requireShim,
  },
});

// The corpus loader that runs on worker threads (source/corpus/stream.ts starts it): its own file
// beside the CLI, so that a worker parses only what loading needs. The CLI bundle carries all of
// its packages too, so the notices cover it.
await build({
  ...common,
  entryPoints: [fileURLToPath(new URL('../source/corpus/load-worker.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('load-worker.js', dist)),
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: requireShim },
});

writeFileSync(new URL('cli.meta.json', dist), JSON.stringify(result.metafile));
writeFileSync(new URL('THIRD-PARTY-NOTICES.txt', dist), thirdPartyNotices(result.metafile));
