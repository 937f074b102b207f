// THIRD-PARTY-NOTICES.txt: the name, version, license and license text of every package whose
// code the bundle carries, read from node_modules as esbuild reports its inputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The package folders (relative to the repository) of the bundle's inputs, sorted. */
export function bundledPackages(metafile) {
  const folders = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(match[1]);
  }
  return [...folders].sort();
}

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

/**
 * License texts for packages published without a license file. yoga-layout's sources say they are
 * "licensed under the MIT license found in the LICENSE file in the root directory of this source
 * tree": that is facebook/yoga's LICENSE, which npm's package leaves out.
 */
const MISSING_LICENSE_FILES = {
  'yoga-layout': `MIT License\n\nCopyright (c) Meta Platforms, Inc. and affiliates.\n\n${MIT}`,
};

/** The license file of the package in `folder`, or a clear failure: no notice, no bundle. */
function licenseText(folder, name) {
  const file = readdirSync(join(ROOT, folder)).find((entry) =>
    /^(licen[cs]e|copying)([-.][\w.-]*)?$/i.test(entry),
  );
  if (file === undefined && MISSING_LICENSE_FILES[name] !== undefined) {
    return MISSING_LICENSE_FILES[name];
  }
  if (file === undefined) {
    throw new Error(`${name} (${folder}) has no LICENSE file to put in THIRD-PARTY-NOTICES.txt`);
  }
  return readFileSync(join(ROOT, folder, file), 'utf8').trim();
}

/** A license text's copyright lines, and the rest of it with its title left out. */
function splitLicense(text) {
  const lines = text.split('\n');
  const copyright = lines.filter((line) => /^\s*(copyright\b|\(c\)|©)/i.test(line));
  const body = lines
    .filter((line) => !copyright.includes(line))
    .filter((line) => !/^\s*(the\s+)?(mit|isc)\s+license(\s*\(mit\))?\s*$/i.test(line))
    .join('\n')
    .trim();
  return { copyright, body };
}

/**
 * The notices. Most packages ship one of a few license texts (MIT's, ISC's) that differ only in
 * their copyright lines: each package is listed with its own copyright lines, and a license text
 * that several share is given once, after them, with the names of the packages it covers. A
 * license text no other package shares is given in full under its package.
 */
export function thirdPartyNotices(metafile) {
  const rule = '-'.repeat(78);
  const packages = bundledPackages(metafile).map((folder) => {
    const manifest = join(ROOT, folder, 'package.json');
    if (!existsSync(manifest)) throw new Error(`${folder} has no package.json`);
    const { name, version, license } = JSON.parse(readFileSync(manifest, 'utf8'));
    const text = licenseText(folder, name);
    return { name, version, license, text, ...splitLicense(text) };
  });
  // License texts by their words alone (spacing and line breaks aside), and who ships each.
  const shared = new Map();
  for (const pkg of packages) {
    const key = pkg.body.replace(/\s+/g, ' ');
    if (!shared.has(key)) shared.set(key, { body: pkg.body, names: [] });
    shared.get(key).names.push(`${pkg.name} ${pkg.version}`);
  }
  const common = [...shared.values()].filter((text) => text.names.length > 1);
  const label = (text) => `license text ${String.fromCharCode(65 + common.indexOf(text))}`;
  const sections = packages.map((pkg) => {
    const heading = `${rule}\n${pkg.name} ${pkg.version} (${pkg.license})\n${rule}\n\n`;
    const text = shared.get(pkg.body.replace(/\s+/g, ' '));
    if (text.names.length === 1) return `${heading}${pkg.text}\n`;
    const copyright = pkg.copyright.length > 0 ? `${pkg.copyright.join('\n')}\n\n` : '';
    return `${heading}${copyright}Licensed under ${label(text)}, below.\n`;
  });
  const texts = common.map(
    (text) =>
      `${rule}\n${label(text)[0].toUpperCase()}${label(text).slice(1)}: ${text.names.join(', ')}\n` +
      `${rule}\n\n${text.body}\n`,
  );
  return (
    'THIRD-PARTY NOTICES\n\n' +
    'The gaza-reader program (dist/cli.js, and the first.js, main.js, load-worker.js and .cjs\n' +
    'files beside it) bundles code from the packages below. Each is listed with its version, its\n' +
    'license and its copyright notices; the license texts that several packages share follow them,\n' +
    'once each, and a license text of its own is given under its package.\n\n' +
    sections.join('\n') +
    (texts.length > 0 ? `\n${texts.join('\n')}` : '')
  );
}
