import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import React from 'react';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/load.js';
import { App, type ReaderProbe } from '../../source/ui/app.js';
import { exportFileName, safeStem, writeNewFile } from '../../source/ui/export.js';
import { colorTheme } from '../../source/ui/theme.js';
import { until } from '../helpers/ink.js';

const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export file names', () => {
  it('keep only [A-Za-z0-9._-] of an id, no leading dot, at most 40 characters', () => {
    expect(safeStem('000_a709085c31b1a02c')).toBe('000_a709085c31b1a02c');
    expect(safeStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeStem('afp/2025-12-19')).toBe('afp-2025-12-19');
    expect(safeStem('.hidden')).toBe('hidden');
    expect(safeStem('name\u001B]0;owned\u0007\u001B[2J')).toBe('name-0-owned-2J');
    expect(safeStem('Türkiye')).toBe('Turkiye');
    expect(safeStem('/\u0000..')).toBe('version');
    expect(safeStem('x'.repeat(300))).toHaveLength(40);
    for (const id of ['../../x', '/abs/path', 'a\\b', '..', 'C:\\win']) {
      expect(exportFileName(id, id)).toMatch(/^gaza-reader-[A-Za-z0-9_][A-Za-z0-9._-]*\.html$/);
    }
  });

  it('never replace a file: the next free name is taken', () => {
    const taken = join(dir, exportFileName('a', 'b'));
    writeFileSync(taken, 'mine');
    const first = writeNewFile(dir, 'a', 'b', 'one');
    const second = writeNewFile(dir, 'a', 'b', 'two');
    expect(first).toBe(join(dir, 'gaza-reader-a-vs-b-2.html'));
    expect(second).toBe(join(dir, 'gaza-reader-a-vs-b-3.html'));
    expect(readFileSync(taken, 'utf8')).toBe('mine');
    expect(readFileSync(second, 'utf8')).toBe('two');
  });
});

describe('the reader writes and copies', () => {
  const corpus = loadCorpus();
  const byPrefix = (p: string) => corpus.versions.find((v) => v.id.startsWith(p))!;

  async function open(sent: string[], compare = true) {
    let probe: ReaderProbe | null = null;
    const app = render(
      <App
        corpus={corpus}
        theme={colorTheme}
        initialPair={compare ? [byPrefix('000'), byPrefix('003')] : undefined}
        clipboard={(sequence) => sent.push(sequence)}
        probe={(p) => (probe = p)}
      />,
    );
    const frame = () => app.lastFrame() ?? '';
    const press = async (key: string) => {
      app.stdin.write(key);
      await until(() => probe?.idle() ?? false, 'the reader to draw', frame);
      return frame();
    };
    await until(() => probe?.idle() ?? false, 'the first frame', frame);
    return { app, press, frame };
  }

  it('w writes the comparison to a new HTML file in $GAZA_READER_EXPORT_DIR and says where', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const saved = process.env.GAZA_READER_EXPORT_DIR;
    process.env.GAZA_READER_EXPORT_DIR = out;
    const { app, press } = await open([]);
    try {
      const frame = await press('e');
      const name = 'gaza-reader-000_a709085c31b1a02c-vs-003_d2cb9de2d0279c90.html';
      expect(frame).toContain(`wrote ${join(out, name).slice(0, 40)}`);
      const html = readFileSync(join(out, name), 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('<h1>What 003 changed from 000</h1>');
      expect(html).toContain('<ins class="tone-insert">Türkiye</ins>');
      await press('e');
      expect(readdirSync(out).sort()).toEqual([name.replace('.html', '-2.html'), name]);
    } finally {
      app.unmount();
      if (saved === undefined) delete process.env.GAZA_READER_EXPORT_DIR;
      else process.env.GAZA_READER_EXPORT_DIR = saved;
    }
  });

  it('y sends the current passage with its citation by OSC 52, and says what was sent', async () => {
    const sent: string[] = [];
    const { app, press } = await open(sent);
    try {
      expect(sent).toEqual([]);
      const frame = await press(']');
      expect(sent).toEqual([]);
      const after = await press('y');
      expect(frame).not.toContain("terminal's clipboard");
      expect(after).toContain('sent ¶1 of 003 with its citation');
      expect(sent).toHaveLength(1);
      const [, payload] = /^\u001B\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(sent[0]!)!;
      const text = Buffer.from(payload!, 'base64').toString('utf8');
      expect(text).toMatch(/^A top Hamas official said Friday/);
      expect(text).toMatch(/\n\n— 003, 2025-12-19, ¶1$/);
    } finally {
      app.unmount();
    }
  });

  it('y copies the top paragraph in the Reader, Ctrl-Y the selected search hit', async () => {
    const sent: string[] = [];
    const { app, press } = await open(sent, false);
    const decoded = () =>
      Buffer.from(/;c;([^\u0007]*)\u0007$/.exec(sent[sent.length - 1]!)![1]!, 'base64').toString();
    try {
      await press('\r');
      expect(await press('y')).toMatch(/sent ¶1 of \d{3} with its citation/);
      expect(decoded()).toMatch(/\n\n— \d{3}(, 2025-12-19)?, ¶1$/);
      await press('/');
      for (const ch of 'Witkoff') await press(ch);
      const frame = await press('\u0019');
      expect(frame).toMatch(/sent ¶\d+ of \d{3} with its citation/);
      expect(sent).toHaveLength(2);
      expect(decoded()).toMatch(/Witkoff[^]*\n\n— \d{3}(, 2025-12-19)?, ¶\d+$/);
    } finally {
      app.unmount();
    }
  });
});
