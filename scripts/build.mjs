// Bundles the CLI into dist/: a bundled Ink app reaches its first frame in about a third of the
// time of the same app loaded module by module.
// - cli.js, the bin: a few lines that switch on V8's compile cache where Node has it, then load
//   main.js, the whole CLI in one file, or, for the reader with no arguments, first.js, which
//   draws the reader's first screen before it loads main.js. (esbuild's `splitting` was measured too: the reader then
//   loads 16 chunk files instead of one, and reached its first frame about 40 ms later on Node 20.)
// - load-worker.js: the corpus loader that runs on worker threads (source/corpus/stream.ts).
// - yaml.cjs and csv-parse.cjs: the two parsers for front matter and CSV, 145 kB that the seeds
//   never need. Both bundles load them with require() at their first call, so that a start that
//   meets no front matter and no CSV neither parses nor runs them, and both bundles share them.
// Beside them, THIRD-PARTY-NOTICES.txt holds the license of every package the bundle carries, and
// cli.meta.json what went into it.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { thirdPartyNotices } from './notices.mjs';
import { assertPatchesApplied } from './patches.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
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
  // Text as it is, not escaped to ASCII: "…" is 3 bytes, not the 6 of "\u2026" (4 KB less in
  // main.js, most of it emoji-regex). The first frame on the seeds took as long (47.8 ms over
  // node against 46.3, 15 runs each).
  charset: 'utf8',
  logLevel: 'warning',
};

// Some dependencies are CommonJS and call require(); give each ESM bundle one.
const requireShim =
  "import { createRequire as __gr_createRequire } from 'node:module';\n" +
  'const require = __gr_createRequire(import.meta.url);';

// An earlier build's files (of another layout) would linger beside the new ones, and be packed.
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist, { withFileTypes: true })) {
  if (name.isFile() && /\.(c?js|json)$/.test(name.name)) rmSync(new URL(name.name, dist));
}

/** Packages loaded at their first call, from a CommonJS file of their own beside the bundles. */
const LAZY = ['yaml', 'csv-parse'];

const vendors = await Promise.all(
  LAZY.map((name) =>
    build({
      ...common,
      stdin: { contents: `module.exports = require('${name}');`, resolveDir: ROOT, loader: 'js' },
      format: 'cjs',
      outfile: fileURLToPath(new URL(`${name}.cjs`, dist)),
      metafile: true,
    }),
  ),
);

/**
 * `import { parse } from 'yaml'` in the sources becomes a `parse` that requires dist/yaml.cjs at
 * its first call. Only `parse` is offered: importing anything else fails the build, loudly.
 */
const lazyVendors = {
  name: 'lazy-vendors',
  setup(build) {
    const filter = new RegExp(`^(${LAZY.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      /[\\/]source[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents:
        "import { createRequire } from 'node:module';\n" +
        'let loaded;\n' +
        `const load = () => (loaded ??= createRequire(import.meta.url)('./${args.path}.cjs'));\n` +
        'export function parse(...args) {\n' +
        '  return load().parse(...args);\n' +
        '}\n',
      loader: 'js',
    }));
  },
};

const result = await build({
  ...common,
  entryPoints: { main: fileURLToPath(new URL('../source/cli.tsx', import.meta.url)) },
  outdir: fileURLToPath(dist),
  metafile: true,
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.GAZA_READER_VERSION': JSON.stringify(pkg.version),
  },
  alias: { 'react-devtools-core': stub },
  plugins: [noDevtools, lazyVendors],
  banner: {
    js:
      '// gaza-reader, with the packages listed, and licensed, in THIRD-PARTY-NOTICES.txt beside it.\n' +
      requireShim,
  },
});

/**
 * The reader's first stage, dist/first.js (source/first.ts): what `gaza-reader` with no arguments
 * on a terminal needs to draw its first screen (the corpus loader, the Stories layout, the frame
 * layer; about a tenth of main.js), which then loads main.js for the rest. Its own copy of those
 * modules, not chunks shared with main.js (see above); its import of the CLI is main.js itself.
 */
const toMain = {
  name: 'first-stage-imports-main',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli\.js$/ }, (args) =>
      /[\\/]source[\\/]first\.ts$/.test(args.importer)
        ? { path: './main.js', external: true }
        : undefined,
    );
  },
};
const first = await build({
  ...common,
  entryPoints: { first: fileURLToPath(new URL('../source/first.ts', import.meta.url)) },
  outdir: fileURLToPath(dist),
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [toMain, lazyVendors],
  banner: { js: requireShim },
});

/**
 * The bin. V8's compile cache (module.enableCompileCache, Node 22.1 and later) keeps the code it
 * compiled for every module loaded after the call, so later starts skip parsing and compiling
 * the bundle; it must come before those modules are loaded, hence dynamic imports. Node 20 has
 * no such call, and the bin loads the bundle as it is. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 * With no arguments on a terminal it loads the reader's first stage, first.js; otherwise main.js.
 */
const bin = `#!/usr/bin/env node
// gaza-reader, with the packages listed, and licensed, in THIRD-PARTY-NOTICES.txt beside it.
import module from 'node:module';
import { isatty } from 'node:tty';
try {
  module.enableCompileCache?.();
} catch {
  // No cache: the same program, compiled afresh.
}
const argv = process.argv.slice(2);
if (argv.length === 0 && isatty(0) && isatty(1)) await import('./first.js');
else (await import('./main.js')).cli(argv);
`;
writeFileSync(new URL('cli.js', dist), bin, { mode: 0o755 });

// The corpus loader that runs on worker threads (source/corpus/stream.ts starts it): its own file
// beside the CLI, so that a worker parses only what loading needs. The CLI bundle carries all of
// its packages too, so the notices cover it.
await build({
  ...common,
  entryPoints: [fileURLToPath(new URL('../source/corpus/load-worker.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('load-worker.js', dist)),
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [lazyVendors],
  banner: { js: requireShim },
});

// What went into every file: the CLI's bundle and the lazily loaded packages.
const metafile = {
  inputs: Object.assign(
    {},
    result.metafile.inputs,
    first.metafile.inputs,
    ...vendors.map((v) => v.metafile.inputs),
  ),
  outputs: Object.assign(
    {},
    result.metafile.outputs,
    first.metafile.outputs,
    ...vendors.map((v) => v.metafile.outputs),
  ),
};
writeFileSync(new URL('cli.meta.json', dist), JSON.stringify(metafile));
writeFileSync(new URL('THIRD-PARTY-NOTICES.txt', dist), thirdPartyNotices(metafile));
