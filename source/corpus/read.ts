/**
 * Reading corpus files safely: never a hang (a FIFO, a device), never more than a limit in memory,
 * and every failure said in words a reader can act on.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ChunkDecoder } from './normalize.js';
import { sanitizeLine } from './sanitize.js';

/** Files larger than this are refused with a warning: a news story is tens of kilobytes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A size in megabytes, rounded up to a tenth, so a file just over the limit shows as over it. */
export function formatSize(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

/** Why a file or folder could not be read, in words: no path, and never a raw byte of a name. */
export function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ELOOP') return 'it is a link that loops';
  if (typeof code === 'string') return code;
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

/** Why a version file could not be read, as a warning says it. */
export function unreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it is a broken link, or it was removed while loading';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'it is a link that loops';
  return `cannot read it: ${describe(error)}`;
}

/**
 * Open a file for reading without blocking, so that a FIFO named like a text file cannot hang the
 * load; and say why not when it is not a regular file. The caller closes the descriptor.
 */
function openRegular(path: string | Buffer): { fd: number; size: number } | string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  // fstat on the open file: what is read is what was checked, even if the folder changes.
  const stat = fstatSync(fd);
  const problem = stat.isDirectory()
    ? 'it is a folder'
    : !stat.isFile()
      ? 'it is not a regular file'
      : undefined;
  if (problem === undefined) return { fd, size: stat.size };
  closeSync(fd);
  return problem;
}

/** Read a regular file of at most MAX_FILE_BYTES, or say why not. Throws what open throws. */
export function readVersionFile(path: string | Buffer): Buffer | string {
  const opened = openRegular(path);
  if (typeof opened === 'string') return opened;
  const { fd, size } = opened;
  try {
    if (size > MAX_FILE_BYTES) {
      return `it is ${formatSize(size)}, over the ${formatSize(MAX_FILE_BYTES)} limit for one version`;
    }
    // What fstat found, and no more: a file that grows meanwhile is read as it was checked (one
    // read more to find its end cost 2 µs a file, at 100,000 versions a hundred thousand reads).
    // Not zeroed first: only the bytes read are handed on.
    const buffer = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const read = readSync(fd, buffer, length, size - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** How much of a JSON Lines or CSV file is read at a time. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * The decoded text of a regular file of any size, chunk by chunk (UTF-8, or UTF-16 by its BOM),
 * so that only a chunk at a time is in memory; or why it cannot be read. Throws what open throws.
 */
export function textChunks(path: string): Iterable<string> | string {
  const opened = openRegular(path);
  if (typeof opened === 'string') return opened;
  const { fd } = opened;
  return (function* chunks(): Generator<string> {
    const decoder = new ChunkDecoder();
    const buffer = Buffer.alloc(CHUNK_BYTES);
    try {
      for (;;) {
        const read = readSync(fd, buffer, 0, buffer.length, null);
        if (read === 0) break;
        const text = decoder.decode(buffer.subarray(0, read));
        if (text !== '') yield text;
      }
      const rest = decoder.decode(new Uint8Array(0), true);
      if (rest !== '') yield rest;
    } finally {
      closeSync(fd);
    }
  })();
}
