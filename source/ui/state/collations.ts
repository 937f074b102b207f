import { collateInSteps, type Collation, type CollateProgress } from '../../collate/index.js';
import type { Story } from '../../corpus/stories.js';

/**
 * Collations of stories, computed when first asked for and kept. A collation is built a step at a
 * time (one alignment per step), between frames, so the reader shows progress and keys never wait
 * on it. Not React: the app asks for the stories it shows, and drives `step` between frames.
 */
export class Collations {
  private readonly ready = new Map<string, Collation>();
  private readonly running = new Map<
    string,
    { steps: Generator<CollateProgress, Collation, void>; progress: CollateProgress }
  >();

  /** Counts every change to what the collations show, so a view can tell it drew the latest. */
  revision = 0;

  constructor(private readonly exact: boolean) {}

  /** The story's collation, once it is ready. */
  get(story: Story): Collation | null {
    return this.ready.get(story.id) ?? null;
  }

  /** How far the story's collation has got, while it is being built. */
  progress(story: Story): CollateProgress | null {
    return this.running.get(story.id)?.progress ?? null;
  }

  /** Ask for a story's collation: it starts now unless it is ready or under way. */
  want(story: Story): void {
    if (this.ready.has(story.id) || this.running.has(story.id)) return;
    this.revision++;
    this.running.set(story.id, {
      steps: collateInSteps(story.versions, { exact: this.exact }),
      progress: { done: 0, total: Math.max(0, story.versions.length - 1) },
    });
  }

  /** Whether a collation asked for is still being built. */
  busy(): boolean {
    return this.running.size > 0;
  }

  /**
   * Work on the collations asked for, the oldest first, for about `milliseconds` (at least one
   * step). True when anything changed that the screen shows.
   */
  step(milliseconds: number): boolean {
    const start = performance.now();
    let changed = false;
    for (const [id, job] of this.running) {
      while (performance.now() - start < milliseconds || !changed) {
        const next = job.steps.next();
        changed = true;
        if (next.done) {
          this.ready.set(id, next.value);
          this.running.delete(id);
          break;
        }
        job.progress = next.value;
      }
      if (performance.now() - start >= milliseconds) break;
    }
    if (changed) this.revision++;
    return changed;
  }
}
