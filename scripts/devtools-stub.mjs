// Ink imports its devtools module, and react-devtools-core, only when DEV is set; the bundle never
// needs them, so both resolve to this (see scripts/build.mjs).
export default { initialize() {}, connectToDevTools() {} };
