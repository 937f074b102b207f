/** The reader's labels are the commands' labels: see source/render/labels.ts. */
export { percent } from '../../render/labels.js';
