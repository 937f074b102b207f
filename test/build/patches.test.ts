/**
 * The bundle patches some dependencies as it builds them (scripts/ink-patches.mjs). Each patch
 * must leave what the dependency does unchanged, or change only what it says; these tests build
 * the patched modules the way the bundle does and hold them to that.
 */
import { build, type Plugin } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const patchesUrl = new URL('../../scripts/ink-patches.mjs', import.meta.url).href;
// A .mjs build script without type declarations: import it by URL and say what it exports.
const { inkPatches } = (await import(patchesUrl)) as { inkPatches: Plugin };

const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-patches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let built = 0;

/** Bundle `source` (ES module text, resolved from the repository) and import the result. */
async function load<T>(source: string, patched: boolean): Promise<T> {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: patched ? [inkPatches] : [],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const file = join(dir, `module-${built++}.mjs`);
  writeFileSync(file, result.outputFiles[0]!.text);
  return (await import(pathToFileURL(file).href)) as T;
}

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
    const original = (await load<{ default: StringWidth }>(source, false)).default;
    const patched = (await load<{ default: StringWidth }>(source, true)).default;
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
    const differ = texts.filter((text) => patched(text) !== original(text));
    expect(differ).toEqual([]);
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
        true,
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

describe('the incremental renderer patch (one escape over unchanged rows)', () => {
  interface LogUpdate {
    (output: string): boolean;
  }
  type Create = (stream: NodeJS.WritableStream, options: { incremental: boolean }) => LogUpdate;

  async function secondFrame(patched: boolean): Promise<string> {
    const path = join(ROOT, 'node_modules/ink/build/log-update.js');
    const { default: logUpdate } = await load<{ default: { create: Create } }>(
      `export { default } from ${JSON.stringify(path)};`,
      patched,
    );
    let written = '';
    const stream = { write: (chunk: string) => ((written += chunk), true) };
    const render = logUpdate.create(stream as unknown as NodeJS.WritableStream, {
      incremental: true,
    });
    const rows = Array.from({ length: 23 }, (_, i) => `row ${i}`);
    render(rows.join('\n'));
    written = '';
    rows[1] = 'row one, changed';
    rows[22] = 'status, changed';
    render(rows.join('\n'));
    return written;
  }

  it('moves over a run of unchanged rows at once, and writes the same rows', async () => {
    const before = await secondFrame(false);
    const after = await secondFrame(true);
    expect(before).toContain('\u001B[E'.repeat(20));
    expect(after).toContain('\u001B[20E');
    expect(after).not.toContain('\u001B[E\u001B[E');
    expect(after.replace('\u001B[20E', '\u001B[E'.repeat(20))).toBe(before);
    expect(after.length).toBeLessThan(before.length - 50);
  });
});
