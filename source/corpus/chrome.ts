/**
 * Site chrome in scraped pages: the share buttons, site and section names, timestamps, bylines,
 * gallery counters, photo credits and prompts that a scraper keeps around a story. Recognized
 * from the version's own text only (never from other files), so that neither a title nor a diff
 * depends on what else is in the corpus, or on the order it was read in.
 *
 * Chrome is kept and marked, never dropped: a reader still sees every word once.
 */

const SHARE_WORDS =
  'share|shares|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|reddit|telegram|pinterest|messenger|copy link|copy|link|save|flipboard|bluesky|threads';
/** A row of share-button labels: "Share", "Facebook Twitter Email", "Share | Tweet | Print". */
const SHARE_ROW = new RegExp(`^(?:(?:${SHARE_WORDS})\\s*[|·•/,]?\\s*)+$`, 'i');
const PATTERNS: readonly RegExp[] = [
  SHARE_ROW,
  // "Share this article", "Share on Facebook", "Click to share on X (Opens in new window)".
  /^(?:click to )?share (?:this|on|via|the)\b.{0,60}$/i,
  // Comment prompts and counters: "Comments (12)", "12 comments", "Leave a comment".
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i,
  /^(?:leave|add|post|view|show|read|see) (?:a |all |the )?\d*\s*(?:comments?|replies)\b.{0,40}$/i,
  /^join the (?:conversation|discussion)\b.{0,40}$/i,
  // Links to other stories and page furniture.
  /^(?:related(?: stories| articles| coverage| content| news)?|read more|read next|more on this(?: story)?|recommended(?: stories)?|most (?:read|popular|viewed)|you (?:may|might) also like|advertisement|sponsored(?: content)?|trending(?: now)?|top stories|latest news|skip to (?:main )?content|back to top)\b.{0,120}$/i,
  /^(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|inbox)\b.{0,40}$/i,
  // Timestamps: "Published 19 Dec 2025", "Updated: 10:42 GMT", "2 hours ago".
  /^(?:published|updated|last updated|posted|first published)(?: on| at)?\s*:?\s*.{0,50}\d.{0,30}$/i,
  /^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/i,
  // Bylines: "By Jane Smith", "By Jane Smith and Omar Ali, Reuters", "Posted … by …".
  /^[Bb]y\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{L}.'’&,-]+){0,8}$/u,
  /^posted\b.{0,80}\bby\b.{0,60}$/i,
  // Gallery counters: "1 of 12", "Image 3/10", "Photo 2 of 5".
  /^(?:image|photo|picture|slide|gallery)?\s*\d+\s*(?:of|\/)\s*\d+$/i,
  // Photo credits.
  /^(?:photo|image|picture|video)(?:\s+credit)?\s*:.{0,200}$/i,
  // Copyright and rights lines.
  /^(?:©|\(c\)|copyright\b).{0,120}$/i,
  /^all rights reserved\.?$/i,
];

/**
 * An image caption ends with its photo credit: "(Photo: Jan Vrba/AFP)", "Photo: Reuters". Each
 * credit ends in its own way, so a look at the last character spares most paragraphs the patterns.
 */
/** @internal Exported for tests. */
export const CAPTION_CREDITS: readonly {
  readonly ends: (last: string) => boolean;
  readonly credit: RegExp;
}[] = [
  {
    ends: (last) => last === ')',
    credit:
      /\((?:photo|image|picture|file photo)?:?\s*[^()]{0,60}\b(?:AFP|Reuters|AP|Getty Images|EPA|Anadolu|Xinhua)\b[^()]{0,30}\)$/,
  },
  {
    ends: (last) => last === 's' || last === 'P' || last === 'A',
    credit: /\s(?:via Getty Images|\/\s*(?:AFP|Reuters|AP|EPA))$/,
  },
  {
    ends: (last) => last !== '.' && last !== '!' && last !== '?',
    credit: /[.!?]\s+(?:photo|image|picture)(?:\s+credit)?:\s*[^.!?]{1,60}$/i,
  },
];
/** A caption is one sentence: a paragraph of story text that ends with a credit is not one. */
const CAPTION_MAX_WORDS = 40;
const SENTENCE_BREAK = /[.!?]["”’]?\s+["“‘]?[\p{Lu}]/u;

function isCaption(text: string): boolean {
  const last = text.charAt(text.length - 1);
  let match: RegExpExecArray | null = null;
  for (const { ends, credit } of CAPTION_CREDITS) {
    match = ends(last) ? credit.exec(text) : null;
    if (match) break;
  }
  if (!match) return false;
  const caption = text.slice(0, match.index + 1);
  return wordCount(caption) <= CAPTION_MAX_WORDS && !SENTENCE_BREAK.test(caption);
}

/** A line that is chrome wherever it stands: it matches one of the patterns above, or a caption. */
export function isChromeLine(line: string): boolean {
  const text = line.trim();
  return text !== '' && (PATTERNS.some((pattern) => pattern.test(text)) || isCaption(text));
}

const SHORT_MAX_WORDS = 14;
const SHORT_MAX_CHARS = 100;

/**
 * A short line without sentence punctuation at its end: a headline, a site name, a section name.
 * At the start or end of a page, all but the headline are chrome.
 */
export function isShortLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > SHORT_MAX_CHARS) return false;
  if (text.split(/\s+/).length > SHORT_MAX_WORDS) return false;
  return !/[.!?…:;,"”’'»)\]–—-]$/.test(text);
}

/** A line of a page, and whether it stood alone on one line of the file. */
export interface PageLine {
  readonly text: string;
  readonly oneLine: boolean;
}

/** The words of a line, for telling a headline from a site or section name. */
function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}

/** How many lines at the start of a page are short lines or chrome: the page's head. */
function headLength(lines: readonly PageLine[]): number {
  let n = 0;
  while (n < lines.length && (isShortLine(lines[n]!.text) || isChromeLine(lines[n]!.text))) n++;
  return n;
}

/**
 * Which line of a page is its headline: among the short lines that open it (before the first line
 * of body text, and not chrome by their own look), the one with the most words, so that a site
 * name or a section name before it is passed over. Undefined when the page opens with body text,
 * or has nothing after its head.
 */
export function headlineOf(lines: readonly PageLine[]): number | undefined {
  const head = headLength(lines);
  if (head >= lines.length) return undefined;
  let best: number | undefined;
  for (let i = 0; i < head; i++) {
    const line = lines[i]!;
    if (!line.oneLine || !isShortLine(line.text) || isChromeLine(line.text)) continue;
    if (best === undefined || wordCount(line.text) > wordCount(lines[best]!.text)) best = i;
  }
  return best;
}

/**
 * The paragraphs of a version's body that are site chrome, by index: every paragraph that looks
 * like chrome wherever it stands, and the short lines without sentence punctuation at the start
 * and the end of the page (the headline is not body: it was taken out before).
 */
export function chromeParagraphs(paragraphs: readonly string[]): number[] {
  const chrome = new Set<number>();
  const lines = paragraphs.map((text) => ({ text, oneLine: true }));
  const head = headLength(lines);
  // A page of short lines only has no body to tell its chrome from: mark only what looks like it.
  const whole = head >= paragraphs.length;
  if (!whole) for (let i = 0; i < head; i++) chrome.add(i);
  if (!whole) {
    for (let i = paragraphs.length - 1; i >= head; i--) {
      const text = paragraphs[i]!;
      if (!isShortLine(text) && !isChromeLine(text)) break;
      chrome.add(i);
    }
  }
  paragraphs.forEach((text, i) => {
    if (isChromeLine(text)) chrome.add(i);
  });
  return [...chrome].sort((x, y) => x - y);
}
