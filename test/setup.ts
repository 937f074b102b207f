// The reader's colors are part of what users see, so the in-process UI tests draw them. chalk
// (inside Ink) fixes its color level when it first loads, from FORCE_COLOR, and the test workers
// have no terminal: load it here with FORCE_COLOR=1, the 16-color palette the theme is built for,
// then put the environment back, so the child processes that other tests start inherit nothing.
const saved = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '1';
await import('chalk');
if (saved === undefined) delete process.env.FORCE_COLOR;
else process.env.FORCE_COLOR = saved;
