import { spawnSync } from 'node:child_process';

/**
 * A private tmux server (`tmux -L socket`) for end-to-end tests: returns a function that runs a
 * tmux command on it and gives back what it printed, throwing with tmux's words if it fails.
 * `env` is read at each call, so a test can settle the environment in its beforeAll.
 */
export function tmuxServer(
  socket: string,
  env: () => NodeJS.ProcessEnv = () => process.env,
): (...args: string[]) => string {
  return (...args) => {
    const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: env() });
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
}
