import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { giveWayToKey } from '../background.js';
import { KeyParser, type KeyEvent } from '../input/keys.js';

/**
 * How long a lone ESC (or the start of a sequence) waits for the rest before it counts as the
 * Escape key. Terminals send a sequence in one write; 50 ms is Neovim's ttimeoutlen.
 */
export const ESCAPE_TIMEOUT_MS = 50;

export interface KeyInput {
  /** Whether bytes are waiting for the rest of a sequence. */
  pending(): boolean;
}

/**
 * The one input path: the bytes of the stdin that Ink was given, read here and parsed by our key
 * parser, never by Ink's useInput (which throws on some sequences and merges others). The terminal
 * lifecycle puts the terminal in raw mode; this only reads. Every key of a read is handled in
 * order, at once.
 */
export function useKeys(handler: (event: KeyEvent) => void): KeyInput {
  const { stdin } = useStdin();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const parserRef = useRef<KeyParser | null>(null);
  parserRef.current ??= new KeyParser();
  const input = useRef<KeyInput>({ pending: () => parserRef.current!.pending });

  useEffect(() => {
    const parser = parserRef.current!;
    let timer: NodeJS.Timeout | undefined;
    const deliver = (events: readonly KeyEvent[]): void => {
      for (const event of events) handlerRef.current(event);
    };
    const onData = (chunk: Buffer | string): void => {
      giveWayToKey();
      clearTimeout(timer);
      deliver(parser.push(chunk));
      if (parser.pending) timer = setTimeout(() => deliver(parser.flush()), ESCAPE_TIMEOUT_MS);
    };
    stdin.on('data', onData);
    return () => {
      clearTimeout(timer);
      stdin.off('data', onData);
    };
  }, [stdin]);

  return input.current;
}
