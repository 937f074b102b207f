import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** Used where the output stream does not say (ink-testing-library has no `rows`). */
export const FALLBACK_SIZE: TerminalSize = { columns: 80, rows: 24 };

/** The size a stream reports, or the fallback where it does not say. */
export function readSize(stream: NodeJS.WriteStream): TerminalSize {
  return {
    columns: stream.columns > 0 ? stream.columns : FALLBACK_SIZE.columns,
    rows: stream.rows > 0 ? stream.rows : FALLBACK_SIZE.rows,
  };
}

/**
 * The terminal's size, kept in our own state and updated on 'resize': Ink 6 lays out again on a
 * resize but does not re-render our components.
 */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const onResize = (): void => {
      const next = readSize(stdout);
      setSize((previous) =>
        previous.columns === next.columns && previous.rows === next.rows ? previous : next,
      );
    };
    stdout.on('resize', onResize);
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
