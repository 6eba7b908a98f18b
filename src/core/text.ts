/** Turns untrusted orchestrator text into safe issue titles and Markdown that pings nobody and cannot break our markers. */

export const TITLE_LIMIT = 256;
export const BODY_LIMIT = 65_536;
export const LABEL_LIMIT = 50;

const ZERO_WIDTH_SPACE = '\u200b';

/** Removes NUL and other control characters (keeping newlines and tabs where `keepNewlines`). */
export function stripControl(text: string, keepNewlines: boolean): string {
  const pattern = keepNewlines ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g;
  return text.replace(pattern, keepNewlines ? '' : ' ');
}

/** Truncates to `limit` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, limit: number, ellipsis = '…'): string {
  if (text.length <= limit) return text;
  let cut = limit - ellipsis.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + ellipsis;
}

/** One line, no control characters, at most 256 characters, never empty. */
export function safeTitle(text: string, fallback: string): string {
  const line = stripControl(text, false).replace(/\s+/g, ' ').trim();
  return truncate(line || fallback, TITLE_LIMIT);
}

/**
 * Neutralises @mentions and references so that a sync never notifies anyone or cross-links issues: a zero-width
 * space after the sigil keeps the text readable and breaks the platform's autolinking. Covered: GitHub's `#12`,
 * `owner/repo#12` and `GH-12`; GitLab's `!12` (merge requests) and `&12` (epics), whose mention would add a
 * "mentioned in" note to them; Bitbucket's `#12` and `@name` like GitHub's.
 */
export function neutraliseReferences(markdown: string): string {
  // Most text has no sigil at all: skip the regular expressions (a 100,000-task state derives much faster).
  if (!/[@#!&]|GH-/.test(markdown)) return markdown;
  return (
    markdown
      .replace(/(^|[^\w@/`])@([A-Za-z0-9][A-Za-z0-9-]*)/g, `$1@${ZERO_WIDTH_SPACE}$2`)
      // `#12` after a non-word character, or `owner/repo#12`; never an entity like `&#35;`.
      // (The lookbehind is bounded by GitHub's owner and repository name lengths, so it stays linear.)
      .replace(/(?<=^|[^&\w#]|[\w.-]{1,39}\/[\w.-]{1,100})#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
      .replace(/\bGH-(\d+)/g, `GH-${ZERO_WIDTH_SPACE}$1`)
      // GitLab: `!12` and `&12` after a non-word character (never an entity like `&#35;` or `&amp;`).
      .replace(/(?<=^|[^\w!&])([!&])(?=\d)/g, `$1${ZERO_WIDTH_SPACE}`)
  );
}

/** HTML comments in untrusted text could forge or end our markers; they are shown as text instead. */
export function escapeComments(markdown: string): string {
  if (!markdown.includes('<!--') && !markdown.includes('-->')) return markdown;
  return markdown.replace(/<!--/g, '&lt;!--').replace(/-->/g, '--&gt;');
}

/** Untrusted Markdown made safe to place inside the managed block. */
export function safeMarkdown(text: string, neutralise: boolean): string {
  const clean = escapeComments(stripControl(text, true).replace(/\r\n?/g, '\n'));
  return neutralise ? neutraliseReferences(clean) : clean;
}

/** Text for one table cell or list item: one line, Markdown table pipes escaped. */
export function inlineText(text: string, neutralise: boolean): string {
  return safeMarkdown(text, neutralise).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
