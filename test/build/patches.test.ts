/**
 * The dependency fixes in patches/ (patch-package, applied by `npm install` in `prepare`). The
 * tests and the bundle both run node_modules as patched; these tests check that every patch is
 * applied to the exact version it was made for, and hold each to what it says: the patched module
 * does what the shipped one does, or differs only as its patch says.
 */
import { build, type Plugin } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { STANDALONE } from '../../source/text/graphemes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface PatchedFile {
  readonly patch: string;
  readonly pkg: string;
  readonly version: string;
  readonly path: string;
  readonly installed: string;
  readonly original: string | undefined;
}
// A .mjs build script without type declarations: import it by URL and say what it exports.
const { patchedFiles, installedVersion } = (await import(
  new URL('../../scripts/patches.mjs', import.meta.url).href
)) as { patchedFiles(): PatchedFile[]; installedVersion(pkg: string): string | undefined };

const files = patchedFiles();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  overrides?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-patches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Serve the patched files as their packages shipped them. */
const unpatched: Plugin = {
  name: 'unpatched',
  setup(builder) {
    const originals = new Map(files.map((file) => [resolve(ROOT, file.path), file.original!]));
    builder.onLoad({ filter: /node_modules/ }, (args) => {
      const original = originals.get(args.path);
      return original === undefined ? undefined : { contents: original, loader: 'js' };
    });
  },
};

let built = 0;

/** Bundle `source` (ES module text, resolved from the repository) and import the result. */
async function load<T>(source: string, as: 'patched' | 'shipped'): Promise<T> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: as === 'shipped' ? [unpatched] : [],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const file = join(dir, `module-${built++}.mjs`);
  writeFileSync(file, result.outputFiles[0]!.text);
  return (await import(pathToFileURL(file).href)) as T;
}

describe('the patches', () => {
  it('are one for each of ink, meow, string-width and yoga-layout', () => {
    expect([...new Set(files.map((file) => file.patch))]).toEqual([
      'ink+6.8.0.patch',
      'meow+14.1.0.patch',
      'string-width+8.3.0.patch',
      'yoga-layout+3.2.1.patch',
    ]);
  });

  it('are applied in node_modules, to the version each was made for', () => {
    for (const file of files) {
      expect(installedVersion(file.pkg), file.patch).toBe(file.version);
      expect(file.original, `${file.path} does not hold ${file.patch}`).toBeTypeOf('string');
      expect(file.installed, file.path).toContain('gaza-reader patch');
      expect(file.original, file.path).not.toContain('gaza-reader patch');
    }
  });

  it('are for versions pinned exactly, in package.json and the lock file', () => {
    for (const { pkg: name, version, patch } of files) {
      const pinned = pkg.devDependencies[name] ?? pkg.overrides?.[name];
      expect(pinned, patch).toBe(version);
      expect(lock.packages[`node_modules/${name}`]?.version, patch).toBe(version);
    }
  });

  it('are each explained, with a reason and an upstream link, in patches/README.md', () => {
    const readme = readFileSync(join(ROOT, 'patches', 'README.md'), 'utf8');
    for (const patch of new Set(files.map((file) => file.patch))) {
      const section = readme.split(/^## /m).find((part) => part.startsWith(`\`${patch}\``));
      expect(section, patch).toBeDefined();
      expect(section, patch).toMatch(/Why:/);
      expect(section, patch).toMatch(/Upstream:[\s\S]*https:\/\/github\.com\//);
    }
  });
});

type StringWidth = (text: string) => number;

describe('the string-width patch (the emoji pattern compiled on first use)', () => {
  it('rests on a fact: every RGI emoji of one code point has Emoji_Presentation', () => {
    // Built from a string: the `v` flag is newer than the language level the tests compile to.
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
    const presentation = /^\p{Emoji_Presentation}$/u;
    const exceptions: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = String.fromCodePoint(code);
      if (rgi.test(text) && !presentation.test(text)) exceptions.push(code);
    }
    expect(exceptions).toEqual([]);
  });

  it('measures every string as string-width itself does', async () => {
    const source = "export { default } from 'string-width';";
    const shipped = (await load<{ default: StringWidth }>(source, 'shipped')).default;
    const patched = (await load<{ default: StringWidth }>(source, 'patched')).default;
    const texts = [
      ...['👍', '👍🏽', '🇵🇸', '🇵', '1️⃣', '#⃣', '👨‍👩‍👧', '🏴‍☠️', '©️', '©', '™', '↕', '↕️'],
      ...['⌚', '⌚︎', 'é', 'e\u0301', '한국어', 'ｶﾞ', '—…·≈▍“”', 'Türkiye', '\u00ad', '\u200d'],
      'Stories · 000 · 1 of 5',
      '\u001B[7m Reader · 003 \u001B[27m',
    ];
    for (let code = 0; code <= 0xffff; code++) {
      if (code < 0xd800 || code > 0xdfff) texts.push(String.fromCharCode(code));
    }
    for (let code = 0x1f000; code <= 0x1faff; code++) texts.push(String.fromCodePoint(code));
    const differ = texts.filter((text) => patched(text) !== shipped(text));
    expect(differ).toEqual([]);
  });

  it('measures text as string-width itself does, split by code point or by the segmenter', async () => {
    const source = "export { default } from 'string-width';";
    const shipped = (await load<{ default: StringWidth }>(source, 'shipped')).default;
    const patched = (await load<{ default: StringWidth }>(source, 'patched')).default;
    // Text that skips the segmenter, text that needs it, and both mixed.
    const pieces = [...'aZ 9—…·≈▍“”’éüßΩЖ€→∑─■✓⚠', '\u00ad', '\u2028', '\u0301', '\u200d'];
    pieces.push(...['\ufe0f', '👍', '🏽', '🇵', '🇸', '한', '\u1161', '界', 'ｶ', 'ﾞ', '\u0007']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (chosen) => {
        const text = chosen.join('');
        expect(patched(text)).toBe(shipped(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('lets through, without the segmenter, the code points the reader splits that way too', () => {
    const installed = readFileSync(join(ROOT, 'node_modules/string-width/index.js'), 'utf8');
    expect(installed).toContain(`const standaloneRegex = ${String(STANDALONE)};`);
  });
});

describe('the Ink patch (no slicing inside a clip; caches, blank cells, rows and styles kept)', () => {
  interface InkOutput {
    write(x: number, y: number, text: string, options: { transformers: [] }): void;
    clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
    unclip(): void;
    get(): { output: string; height: number };
  }
  type OutputClass = new (options: { width: number; height: number }) => InkOutput;
  const source = "export { default } from './node_modules/ink/build/output.js';";

  it('draws every frame as the shipped Output draws it, clipped or not, frame after frame', async () => {
    const Patched = (await load<{ default: OutputClass }>(source, 'patched')).default;
    const Shipped = (await load<{ default: OutputClass }>(source, 'shipped')).default;
    // Styled text as the panes write it: colours, bold, inverse, wide and combining characters.
    const styled = fc
      .array(
        fc.tuple(
          fc.constantFrom('', '\u001B[31m', '\u001B[1m', '\u001B[7m', '\u001B[38;5;208m'),
          fc.constantFrom('Gaza', ' ', 'ceasefire', 'Türkiye', '漢字', 'e\u0301', '😀', '…'),
          fc.constantFrom('', '\u001B[39m', '\u001B[22m', '\u001B[27m', '\u001B[0m'),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.flat().join(''));
    const write = fc.record({
      x: fc.integer({ min: 0, max: 30 }),
      y: fc.integer({ min: 0, max: 6 }),
      lines: fc.array(styled, { minLength: 1, maxLength: 3 }),
      clip: fc.option(
        fc.record({ x1: fc.integer({ min: 0, max: 20 }), width: fc.integer({ min: 0, max: 40 }) }),
      ),
    });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 6 }), (writes) => {
        const draw = (Output: OutputClass): string => {
          const output = new Output({ width: 40, height: 8 });
          for (const { x, y, lines, clip } of writes) {
            if (clip) output.clip({ x1: clip.x1, x2: clip.x1 + clip.width });
            output.write(x, y, lines.join('\n'), { transformers: [] });
            if (clip) output.unclip();
          }
          return output.get().output;
        };
        expect(draw(Patched)).toBe(draw(Shipped));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the Yoga patch (no fetch for the WebAssembly)', () => {
  it('loads Yoga and lays out without calling fetch', async () => {
    const saved = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (() => {
      fetched++;
      throw new Error('fetch called');
    }) as typeof fetch;
    try {
      interface YogaNode {
        setWidth(width: number): void;
        calculateLayout(): void;
        getComputedWidth(): number;
      }
      const yoga = await load<{ default: { Node: { create(): YogaNode } } }>(
        "export { default } from 'yoga-layout';",
        'patched',
      );
      const node = yoga.default.Node.create();
      node.setWidth(80);
      node.calculateLayout();
      expect(node.getComputedWidth()).toBe(80);
      expect(fetched).toBe(0);
    } finally {
      globalThis.fetch = saved;
    }
  });
});

describe('the meow patch (package.json left as read)', () => {
  it('drops normalize-package-data and the SPDX tables from what meow loads', async () => {
    // meow bundles its dependencies into one file: their code is what the bundle's size counts.
    const size = async (as: 'patched' | 'shipped') => {
      const result = await build({
        stdin: { contents: "export { default } from 'meow';", resolveDir: ROOT, loader: 'js' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        minify: true,
        write: false,
        logLevel: 'silent',
        plugins: as === 'shipped' ? [unpatched] : [],
      });
      return result.outputFiles[0]!.text;
    };
    const shipped = await size('shipped');
    const patched = await size('patched');
    expect(shipped).toContain('spdx');
    expect(patched).not.toContain('spdx');
    expect(patched.length).toBeLessThan(shipped.length - 50_000);
  });

  it('still parses flags and prints the version it is given', async () => {
    type Meow = (help: string, options: object) => { flags: Record<string, unknown> };
    const meow = (await load<{ default: Meow }>("export { default } from 'meow';", 'patched'))
      .default;
    const cli = meow('help', {
      importMeta: { url: pathToFileURL(join(ROOT, 'source', 'cli.tsx')).href },
      argv: ['--width', '60', '--json'],
      flags: { width: { type: 'number' }, json: { type: 'boolean' } },
      version: '1.2.3',
    });
    expect(cli.flags).toEqual({ width: 60, json: true });
  });
});
