/**
 * CHANGELOG.md, pure: finds a release's entry by its version heading, and puts a new entry in place — replacing that
 * release's own entry on a re-run, else prepended above the earlier ones, which are left byte for byte.
 */

const DEFAULT_PREAMBLE =
  '# Changelog\n\nAll notable changes to this project are documented in this file. Each release lists its conventional commits and the orchestrator features it ships.\n';

/** A release heading as conventional-changelog writes it: `## [1.2.0](url) (date)`, `## 1.2.0 (date)`, `# [2.0.0]…`. */
const HEADING =
  /^#{1,3} (?:\[v?([0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*)\]|v?([0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*))(?:\(|\s|$)/;

export interface ChangelogEntryLocation {
  version: string;
  /** Offsets of the entry in the text: from its heading to the next release heading (or the end). */
  start: number;
  end: number;
}

/** Every release entry of a changelog, in file order. */
export function findEntries(text: string): ChangelogEntryLocation[] {
  const entries: ChangelogEntryLocation[] = [];
  let offset = 0;
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    if (match) {
      const last = entries[entries.length - 1];
      if (last) last.end = offset;
      entries.push({ version: match[1] ?? match[2] ?? '', start: offset, end: text.length });
    }
    offset += line.length + 1;
  }
  return entries;
}

/** The entry of one version, or null. */
export function readEntry(text: string, version: string): string | null {
  const found = findEntries(text).find((entry) => entry.version === version);
  return found ? text.slice(found.start, found.end) : null;
}

/** The date `(YYYY-MM-DD)` in an entry's heading, if any. */
export function entryDate(entry: string): string | null {
  const heading = entry.split('\n', 1)[0] ?? '';
  return /\((\d{4}-\d{2}-\d{2})\)\s*$/.exec(heading)?.[1] ?? null;
}

/**
 * The changelog with `entry` for `version`: the version's own entry replaced, else the entry inserted above the first
 * release entry (after any preamble); an empty or missing file gets a short preamble.
 */
export function upsertEntry(existing: string | null, version: string, entry: string): string {
  const block = `${entry.trimEnd()}\n\n`;
  if (existing === null || existing.trim() === '')
    return `${DEFAULT_PREAMBLE}\n${block}`.replace(/\n+$/, '\n');
  const entries = findEntries(existing);
  const own = entries.find((item) => item.version === version);
  if (own) {
    const next = existing.slice(own.end);
    const replaced = `${existing.slice(0, own.start)}${next === '' ? `${entry.trimEnd()}\n` : block}${next}`;
    return replaced;
  }
  const first = entries[0];
  if (!first) return `${existing.trimEnd()}\n\n${block}`.replace(/\n+$/, '\n');
  return `${existing.slice(0, first.start)}${block}${existing.slice(first.start)}`;
}
