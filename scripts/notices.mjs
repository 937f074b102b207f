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

export function thirdPartyNotices(metafile) {
  const sections = bundledPackages(metafile).map((folder) => {
    const manifest = join(ROOT, folder, 'package.json');
    if (!existsSync(manifest)) throw new Error(`${folder} has no package.json`);
    const { name, version, license } = JSON.parse(readFileSync(manifest, 'utf8'));
    const rule = '-'.repeat(78);
    return `${rule}\n${name} ${version} (${license})\n${rule}\n\n${licenseText(folder, name)}\n`;
  });
  return (
    'THIRD-PARTY NOTICES\n\n' +
    'The gaza-reader program (dist/cli.js, and the first.js, main.js, load-worker.js and .cjs\n' +
    'files beside it) bundles code from the packages below. Each is listed with its version, its\n' +
    'license and the license text it ships with.\n\n' +
    sections.join('\n')
  );
}
