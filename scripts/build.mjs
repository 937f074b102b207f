// Bundles the CLI into one file, dist/cli.js: a bundled Ink app reaches its first frame in about
// a third of the time of the same app loaded module by module.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inkPatches } from './ink-patches.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const stub = fileURLToPath(new URL('./devtools-stub.mjs', import.meta.url));

/**
 * Ink loads its devtools module (react-devtools-core, and the `ws` WebSocket library, 50 kB) only
 * when DEV is set; the bundle never needs it, and every start would parse it. Resolve it to the stub.
 */
const noDevtools = {
  name: 'no-devtools',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: stub } : undefined,
    );
  },
};

await build({
  entryPoints: [fileURLToPath(new URL('../source/cli.tsx', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/cli.js', import.meta.url)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    'process.env.GAZA_READER_VERSION': JSON.stringify(pkg.version),
  },
  alias: { 'react-devtools-core': stub },
  plugins: [noDevtools, inkPatches],
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __gr_createRequire } from 'node:module';\nconst require = __gr_createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
