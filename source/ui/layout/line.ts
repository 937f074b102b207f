/** The reader lays out lines of the one document model: see source/render/line.ts. */
export * from '../../render/line.js';
