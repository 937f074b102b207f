import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** Used where the output stream does not say (ink-testing-library has no `rows`). */
export const FALLBACK_SIZE: TerminalSize = { columns: 80, rows: 24 };

function read(stream: NodeJS.WriteStream): TerminalSize {
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
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = (): void => {
      const next = read(stdout);
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
