import { StringDecoder } from 'node:string_decoder';

/**
 * The reader's key parser: it turns the bytes a terminal sends into keys, exactly as the terminal
 * sent them, however the bytes were split into reads. Ink's own parser throws on some sequences
 * (ESC[0n, ESC[31m), reads a reply (ESC[?1;2c) as typed letters and merges ESC ESC into one key,
 * and no kept library parses a byte stream incrementally with bracketed paste, so this is ours:
 *
 * - ESC ESC is two Escapes; ESC and a key read together are Escape, then the key.
 * - CSI and SS3 sequences the reader has no key for, malformed ones, and the terminal's replies
 *   (DSR ESC[0n, DA ESC[?1;2c, CPR ESC[12;40R, focus ESC[I / ESC[O, SGR, mouse) are consumed and
 *   give nothing.
 * - Bracketed paste (ESC[200~ … ESC[201~) gives one paste event with the text as it was pasted.
 *
 * A read that ends inside an escape sequence leaves it pending; the caller calls flush() when the
 * terminal has sent nothing more for a moment, and a lone ESC then becomes the Escape key.
 */

export interface KeyPress {
  readonly kind: 'key';
  /** The keymap's name for the key: "j", "G", "space", "enter", "ctrl+d", "pagedown", "escape". */
  readonly name: string;
  /** What the key types into a text field, or null for a key that types nothing. */
  readonly text: string | null;
}

export interface Paste {
  readonly kind: 'paste';
  readonly text: string;
}

export type KeyEvent = KeyPress | Paste;

const ESC = '\u001B';
const PASTE_START = '200';
const PASTE_END = '\u001B[201~';

const key = (name: string, text: string | null = null): KeyPress => ({ kind: 'key', name, text });

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: 'ctrl+space',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'ctrl+j',
  0x0d: 'enter',
  0x1b: 'escape',
  0x1c: 'ctrl+\\',
  0x1d: 'ctrl+]',
  0x1e: 'ctrl+^',
  0x1f: 'ctrl+_',
  0x7f: 'backspace',
};

/** The key for one character read on its own (not part of an escape sequence). */
function characterKey(ch: string): KeyPress {
  const code = ch.codePointAt(0)!;
  const named = CONTROL_NAMES[code];
  if (named !== undefined) return key(named);
  if (code < 0x20) return key(`ctrl+${String.fromCharCode(code + 0x60)}`);
  if (ch === ' ') return key('space', ' ');
  return key(ch, ch);
}

/** Final bytes of CSI and SS3 sequences that name keys, with no parameter but modifiers. */
const LETTER_KEYS: Readonly<Record<string, string>> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
};

/** CSI n ~ keys. */
const TILDE_KEYS: Readonly<Record<string, string>> = {
  '1': 'home',
  '2': 'insert',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
};

/** "ctrl+", "alt+", "shift+" for an xterm modifier parameter (1 + bits: shift 1, alt 2, ctrl 4). */
function modifiers(parameter: string | undefined): string {
  const value = Number(parameter ?? '1') - 1;
  if (!Number.isInteger(value) || value <= 0) return '';
  return (value & 4 ? 'ctrl+' : '') + (value & 2 ? 'alt+' : '') + (value & 1 ? 'shift+' : '');
}

/** The key a complete CSI sequence stands for, 'paste' for the start of a paste, or null. */
function csiKey(
  parameters: string,
  intermediates: string,
  final: string,
): KeyPress | 'paste' | null {
  // A private parameter (? > < =) marks a reply or a mouse report, never a key.
  if (intermediates !== '' || /^[<=>?]/.test(parameters)) return null;
  const fields = parameters.split(';');
  if (final === '~') {
    if (fields[0] === PASTE_START && fields.length === 1) return 'paste';
    const name = TILDE_KEYS[fields[0] ?? ''];
    return name === undefined ? null : key(modifiers(fields[1]) + name);
  }
  if (final === 'Z' && parameters === '') return key('shift+tab');
  const name = LETTER_KEYS[final];
  if (name === undefined) return null;
  // "ESC[A" or "ESC[1;5A"; anything else with these finals (ESC[2;3H) is not a key.
  if (parameters === '') return key(name);
  if (fields.length === 2 && fields[0] === '1') return key(modifiers(fields[1]) + name);
  return null;
}

const SS3_KEYS: Readonly<Record<string, string>> = { ...LETTER_KEYS, M: 'enter' };

const isParameter = (code: number): boolean => code >= 0x30 && code <= 0x3f;
const isIntermediate = (code: number): boolean => code >= 0x20 && code <= 0x2f;
const isFinal = (code: number): boolean => code >= 0x40 && code <= 0x7e;

/** A CSI or SS3 sequence scanned from `start` (just after ESC[ or ESC O). */
type Scan =
  | {
      readonly kind: 'complete';
      readonly end: number;
      readonly parameters: string;
      readonly intermediates: string;
      readonly final: string;
    }
  /** A byte that cannot be in the sequence at `end`: drop what came before it. */
  | { readonly kind: 'malformed'; readonly end: number }
  | { readonly kind: 'incomplete' };

function scanSequence(text: string, start: number, intermediatesAllowed: boolean): Scan {
  let i = start;
  while (i < text.length && isParameter(text.charCodeAt(i))) i++;
  const parametersEnd = i;
  while (intermediatesAllowed && i < text.length && isIntermediate(text.charCodeAt(i))) i++;
  if (i >= text.length) return { kind: 'incomplete' };
  const code = text.charCodeAt(i);
  if (!isFinal(code)) return { kind: 'malformed', end: i };
  return {
    kind: 'complete',
    end: i + 1,
    parameters: text.slice(start, parametersEnd),
    intermediates: text.slice(parametersEnd, i),
    final: text[i]!,
  };
}

/** How long a suffix of `text` could be the start of the paste's end marker. */
function partialEndMarker(text: string): number {
  for (let n = Math.min(PASTE_END.length - 1, text.length); n > 0; n--) {
    if (PASTE_END.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}

export class KeyParser {
  private readonly decoder = new StringDecoder('utf8');
  /** Text read but not yet turned into keys: the start of an escape sequence or paste marker. */
  private buffer = '';
  /** The text of a paste under way, or null outside a paste. */
  private paste: string | null = null;

  /** Keys in a chunk the terminal sent; bytes of an unfinished sequence wait for the next. */
  push(chunk: Uint8Array | string): KeyEvent[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    return this.drain(false);
  }

  /** Whether a sequence or paste is unfinished: call flush() if nothing more comes soon. */
  get pending(): boolean {
    return this.buffer !== '' || this.paste !== null;
  }

  /**
   * The terminal has gone quiet: a lone ESC is the Escape key, an unfinished sequence is dropped,
   * and the part of a paste read so far is given (the rest follows as another paste).
   */
  flush(): KeyEvent[] {
    return this.drain(true);
  }

  private drain(quiet: boolean): KeyEvent[] {
    const events: KeyEvent[] = [];
    const text = this.buffer;
    let i = 0;
    while (i < text.length) {
      if (this.paste !== null) {
        const end = text.indexOf(PASTE_END, i);
        if (end >= 0) {
          events.push({ kind: 'paste', text: this.paste + text.slice(i, end) });
          this.paste = null;
          i = end + PASTE_END.length;
          continue;
        }
        const keep = partialEndMarker(text.slice(i));
        this.paste += text.slice(i, text.length - keep);
        i = text.length - keep;
        break;
      }
      const ch = text[i]!;
      if (ch !== ESC) {
        const codePoint = text.codePointAt(i)!;
        const whole = String.fromCodePoint(codePoint);
        events.push(characterKey(whole));
        i += whole.length;
        continue;
      }
      if (i + 1 >= text.length) {
        if (!quiet) break;
        events.push(key('escape'));
        i++;
        continue;
      }
      const introducer = text[i + 1];
      if (introducer !== '[' && introducer !== 'O') {
        // Escape, then whatever follows (another Escape, or a key typed right after it).
        events.push(key('escape'));
        i++;
        continue;
      }
      const scan = scanSequence(text, i + 2, introducer === '[');
      if (scan.kind === 'incomplete') {
        if (!quiet) break;
        // ESC [ or ESC O alone, after a pause: Escape, then the key typed after it.
        if (i + 2 === text.length) {
          events.push(key('escape'), characterKey(introducer));
        }
        i = text.length;
        continue;
      }
      if (scan.kind === 'malformed') {
        i = scan.end;
        continue;
      }
      i = scan.end;
      if (introducer === 'O') {
        const name = scan.parameters === '' ? SS3_KEYS[scan.final] : undefined;
        if (name !== undefined) events.push(key(name));
        continue;
      }
      const found = csiKey(scan.parameters, scan.intermediates, scan.final);
      if (found === 'paste') this.paste = '';
      else if (found !== null) events.push(found);
    }
    this.buffer = text.slice(i);
    if (quiet && this.paste !== null && this.paste !== '') {
      events.push({ kind: 'paste', text: this.paste });
      this.paste = '';
    }
    return events;
  }
}

/** Every key in a complete stream of input, as one read followed by a pause. */
export function parseKeys(input: Uint8Array | string): KeyEvent[] {
  const parser = new KeyParser();
  return [...parser.push(input), ...parser.flush()];
}
