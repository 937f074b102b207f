/**
 * Corpora kept as one file of records, as scrapers and datasets write them: JSON Lines (one
 * object a line) and CSV (a header row, then one version a row). Both are read as a stream, chunk
 * by chunk, so an archive of 100,000 lines loads as a folder of as many files would.
 *
 * A record is `{id?, outlet?, url?, date?, title?, author?, text}`. A bad record (not JSON, no
 * text) is skipped with a warning that names its line; the rest of the file loads.
 */
import { basename } from 'node:path';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import { buildVersion, type KeepString } from './build.js';
import { UserError } from './errors.js';
import { statedFields } from './fields.js';
import { normalizeText } from './normalize.js';
import { describe, formatSize, MAX_FILE_BYTES, textChunks } from './read.js';
import { sanitizeLine } from './sanitize.js';
import type { LoadWarning, Version } from './types.js';

/** Extensions of the record files `--corpus` reads. */
export const JSON_LINES_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
export const CSV_EXTENSIONS = new Set(['.csv']);

/** Warnings a file gets one by one; past this many, the rest are counted in one line. */
const LISTED_WARNINGS = 20;

/** Takes a record file's versions as they are read, and hears how far reading has gone. */
export interface RecordSink {
  version(version: Version): void;
  /** How the versions keep their paragraphs (see KeepString): by default, copied. */
  readonly keep?: KeepString;
  /** Another chunk of the file (CHUNK_BYTES of it, or the rest) has been read. */
  chunk(): void;
}

/** Hands a record file's versions to its sink, and keeps its warnings few enough to read. */
class Collector {
  readonly warnings: LoadWarning[] = [];
  private unlisted = 0;
  readonly file: string;

  constructor(
    readonly path: string,
    private readonly sink: RecordSink,
  ) {
    this.file = sanitizeLine(basename(path));
  }

  warn(line: number, message: string): void {
    if (this.warnings.length >= LISTED_WARNINGS) {
      this.unlisted++;
      return;
    }
    this.warnings.push({ file: this.file, message: `${this.file} line ${line}: ${message}` });
  }

  /** Add the version a record holds, or say why it has none. */
  add(line: number, record: Readonly<Record<string, unknown>>): void {
    let text: unknown;
    for (const [key, value] of Object.entries(record)) {
      if (key.trim().toLowerCase() === 'text') text = value;
    }
    if (typeof text !== 'string') {
      this.warn(line, 'skipped: it has no text');
      return;
    }
    const stated = statedFields(record, (message) => this.warn(line, message));
    const version = buildVersion(
      stated.id ?? String(line),
      `${this.file}:${line}`,
      this.path,
      normalizeText(text),
      stated,
      this.sink.keep,
    );
    if (version.paragraphs.length === 0) {
      this.warn(line, 'skipped: its text is empty');
      return;
    }
    this.sink.version(version);
  }

  /** The file's warnings, once it is read. */
  finish(): LoadWarning[] {
    if (this.unlisted > 0) {
      this.warnings.push({
        file: this.file,
        message: `${this.file}: ${this.unlisted} more lines had problems like these`,
      });
    }
    return this.warnings;
  }
}

/** The decoded chunks of a record file, or a UserError saying why it cannot be read. */
function chunksOf(path: string): Iterable<string> {
  let chunks: Iterable<string> | string;
  try {
    chunks = textChunks(path);
  } catch (error) {
    throw new UserError(`cannot read ${sanitizeLine(path)}: ${describe(error)}`);
  }
  if (typeof chunks === 'string') {
    throw new UserError(`cannot read ${sanitizeLine(path)}: ${chunks}`);
  }
  return chunks;
}

/** The first line of an error message, inert and short: it may quote the record. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = sanitizeLine(message.split('\n')[0]!);
  return line.length > 120 ? line.slice(0, 119) + '…' : line;
}

/**
 * Read a JSON Lines file: one object a line; blank lines are skipped. Its versions go to the sink
 * as they are read; returns its warnings.
 */
export function loadJsonLines(path: string, sink: RecordSink): LoadWarning[] {
  const collector = new Collector(path, sink);
  let line = 0;
  let partial = '';
  // A line longer than a version may be is dropped as it streams, not gathered whole.
  let oversized = false;
  const take = (text: string): void => {
    line++;
    if (oversized) {
      collector.warn(
        line,
        `skipped: it is over the ${formatSize(MAX_FILE_BYTES)} limit for one version`,
      );
      oversized = false;
      return;
    }
    if (text.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      collector.warn(line, `skipped: it is not valid JSON (${reason(error)})`);
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      collector.warn(line, 'skipped: it is not a JSON object');
      return;
    }
    collector.add(line, record as Record<string, unknown>);
  };
  for (const chunk of chunksOf(path)) {
    sink.chunk();
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      take(partial + chunk.slice(start, end));
      partial = '';
      start = end + 1;
    }
    if (!oversized) partial += chunk.slice(start);
    if (partial.length > MAX_FILE_BYTES) {
      oversized = true;
      partial = '';
    }
  }
  if (partial !== '' || oversized) take(partial);
  return collector.finish();
}

/** A CSV's delimiter: a tab when its header has tabs and no commas (Excel's "Unicode text"). */
function delimiterOf(header: string): string {
  return header.includes('\t') && !header.includes(',') ? '\t' : ',';
}

/**
 * Read a CSV file with a header row; a `text` column is required, the others are optional. Its
 * versions go to the sink as they are read; returns its warnings.
 */
export function loadCsv(path: string, sink: RecordSink): LoadWarning[] {
  const collector = new Collector(path, sink);
  let columns: string[] | undefined;
  // The line the last row ended on: the header's, to begin with.
  let lastLine = 1;
  let parser: ReturnType<typeof parseCsv> | undefined;
  let failure: unknown;
  // The line of a row over the size limit, where reading stops.
  let oversized: number | undefined;
  const start = (header: string): ReturnType<typeof parseCsv> => {
    const created = parseCsv({
      delimiter: delimiterOf(header),
      columns: (names: string[]) => {
        columns = names.map((name) => name.trim());
        return columns.map((name) => name.toLowerCase());
      },
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_FILE_BYTES,
      on_record: (record: Record<string, unknown>, context) => {
        // The line a row starts on: where the previous row ended, and one more.
        collector.add(lastLine + 1, record);
        lastLine = context.lines;
        return null;
      },
      on_skip: (error: CsvError | undefined) => {
        const at = (error as { lines?: number } | undefined)?.lines ?? lastLine + 1;
        if (error?.code === 'CSV_MAX_RECORD_SIZE') {
          // csv-parse cannot find the end of a row it stopped reading: it would skip the rest of
          // the file in silence, so stop here, and say so.
          oversized = at;
          collector.warn(
            at,
            `skipped: it is over the ${formatSize(MAX_FILE_BYTES)} limit for one version, ` +
              'and the lines after it were not read',
          );
        } else {
          collector.warn(at, `skipped: ${error ? reason(error) : 'it cannot be read'}`);
        }
        lastLine = at;
        return undefined;
      },
    });
    created.on('error', (error) => {
      failure = error;
    });
    return created;
  };
  let head = '';
  const noText = (): UserError => {
    const found = columns!.map((name) => `"${sanitizeLine(name)}"`).join(', ');
    return new UserError(
      `${sanitizeLine(path)} has no "text" column; a CSV corpus needs one. Its columns: ${found}`,
    );
  };
  for (const chunk of chunksOf(path)) {
    sink.chunk();
    if (parser === undefined) {
      head += chunk;
      // The header row decides the delimiter: wait for its end.
      if (!head.includes('\n') && head.length < MAX_FILE_BYTES) continue;
      parser = start(head);
      parser.write(head);
    } else {
      parser.write(chunk);
    }
    if (failure !== undefined || oversized !== undefined) break;
    if (columns !== undefined && !columns.some((name) => name.toLowerCase() === 'text')) {
      throw noText();
    }
  }
  if (parser === undefined && head !== '') {
    parser = start(head);
    parser.write(head);
  }
  if (oversized === undefined) parser?.end();
  if (failure !== undefined) {
    throw new UserError(`cannot read ${sanitizeLine(path)} as CSV: ${reason(failure)}`);
  }
  if (columns === undefined) {
    throw new UserError(
      `${sanitizeLine(path)} is empty; a CSV corpus needs a header row with a "text" column`,
    );
  }
  if (!columns.some((name) => name.toLowerCase() === 'text')) throw noText();
  return collector.finish();
}
