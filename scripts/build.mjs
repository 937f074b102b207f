// Bundles the CLI into dist/: a bundled Ink app reaches its first frame in about a third of the
// time of the same app loaded module by module. The bundle is split (esbuild `splitting`): main.js
// holds what every command runs, and each `import()` in the sources (the reader, the corpus stream,
// diff, search, collate, changes) loads its own chunk, so a command parses only what it runs.
// dist/cli.js, the bin, is a few lines that switch on V8's compile cache where Node has it, then
// load main.js. Beside them, THIRD-PARTY-NOTICES.txt holds the license of every package the bundle
// carries, and cli.meta.json what went into it.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Chunk names carry a hash of their content: the files of an earlier build would linger beside
// the new ones, and be packed, so they go first.
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist, { withFileTypes: true })) {
  if (name.isFile() && /\.(js|json)$/.test(name.name)) rmSync(new URL(name.name, dist));
}

const result = await build({
  ...common,
  entryPoints: {
    main: fileURLToPath(new URL('../source/cli.tsx', import.meta.url)),
    // The corpus loader that runs on worker threads (source/corpus/stream.ts starts it): an entry
    // of its own, so that a worker loads only what loading needs, sharing the chunks that hold it.
    'load-worker': fileURLToPath(new URL('../source/corpus/load-worker.ts', import.meta.url)),
  },
  outdir: fileURLToPath(dist),
  splitting: true,
  // Flat, so that source/corpus/stream.ts finds load-worker.js beside its own chunk.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  metafile: true,
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.GAZA_READER_VERSION': JSON.stringify(pkg.version),
  },
  alias: { 'react-devtools-core': stub },
  plugins: [noDevtools],
  banner: {
    js:
      '// gaza-reader, with the packages listed, and licensed, in THIRD-PARTY-NOTICES.txt beside it.\n' +
      requireShim,
  },
});

/**
 * The bin. V8's compile cache (module.enableCompileCache, Node 22.1 and later) keeps the code it
 * compiled for every module loaded after the call, so later starts skip parsing and compiling
 * the bundle; it must come before those modules are loaded, hence a dynamic import. Node 20 has
 * no such call, and the bin loads main.js as it is. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
const bin = `#!/usr/bin/env node
// gaza-reader, with the packages listed, and licensed, in THIRD-PARTY-NOTICES.txt beside it.
import module from 'node:module';
try {
  module.enableCompileCache?.();
} catch {
  // No cache: the same program, compiled afresh.
}
await import('./main.js');
`;
writeFileSync(new URL('cli.js', dist), bin, { mode: 0o755 });

writeFileSync(new URL('cli.meta.json', dist), JSON.stringify(result.metafile));
writeFileSync(new URL('THIRD-PARTY-NOTICES.txt', dist), thirdPartyNotices(result.metafile));
