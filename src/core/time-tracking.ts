/**
 * Time tracking derived from the orchestrator: the estimate from its free-text `estimated_effort`, the time spent from
 * the task's own `actual_effort` or its started and completed times. Pure; units follow GitLab's (1mo = 4w, 1w = 5d,
 * 1d = 8h), so "1 week" is 40 hours of work on every platform.
 */

export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 8 * HOUR;
export const WEEK = 5 * DAY;
export const MONTH = 4 * WEEK;

/** Estimate and spent time of one item, in seconds; null: unknown (left to people on the platform). */
export interface TimeFacts {
  estimateSeconds: number | null;
  spentSeconds: number | null;
  /** Why a value the orchestrator has could not be used (an estimate that does not parse). */
  notes: string[];
}

const UNITS: [RegExp, number][] = [
  [/^(?:mo|mos|mon|month|months)$/, MONTH],
  [/^(?:w|wk|wks|week|weeks)$/, WEEK],
  [/^(?:d|day|days)$/, DAY],
  [/^(?:h|hr|hrs|hour|hours)$/, HOUR],
  [/^(?:m|min|mins|minute|minutes)$/, MINUTE],
];

const NUMBER = String.raw`\d+(?:\.\d+)?|an?|one|half(?:\s+an?)?`;
const UNIT = String.raw`[a-z]+`;
/** `3-4 days`, `3 to 4 days`, `2 days - 1 week`: a range, whose upper bound is the estimate. */
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*(${UNIT})?\s*(?:-|–|—|to)\s*(${NUMBER})\s*(${UNIT})$`);
/** `2h`, `1 day 4 hours`, `1h30m`, `1 week and 2 days`: terms that add up. */
const TERM = new RegExp(String.raw`(${NUMBER})\s*(${UNIT})\s*(?:,|and|\+)?\s*`, 'y');

function amountOf(text: string): number {
  if (/^half/.test(text)) return 0.5;
  if (text === 'a' || text === 'an' || text === 'one') return 1;
  return Number(text);
}

function unitOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  for (const [pattern, seconds] of UNITS) if (pattern.test(text)) return seconds;
  return null;
}

/**
 * Seconds of work an effort text stands for, or null when it does not parse ("TBD", "large", "a while"). A range
 * counts as its upper bound ("3-4 days" → 4 days): an estimate is a budget, and the upper bound is what the planner
 * allowed for. Qualifiers ("~", "about", "approx.", "+", a note in parentheses) are ignored.
 */
export function parseEffort(text: string | null): number | null {
  if (text === null) return null;
  const clean = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(?:~|≈|about|around|approx(?:\.|imately)?|roughly|est(?:\.|imated)?:?|up to)\s*/, '')
    .replace(/(\d)\s*\+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]$/, '');
  if (clean === '') return null;
  const range = RANGE.exec(clean);
  if (range) {
    const upperUnit = unitOf(range[4]);
    const lowerUnit = range[2] === undefined ? upperUnit : unitOf(range[2]);
    const lower = amountOf(range[1] ?? '');
    const upper = amountOf(range[3] ?? '');
    if (upperUnit === null || lowerUnit === null || !(upper > 0)) return null;
    // "2 days - 1 week" and "1-2 weeks" alike: the larger end is the budget.
    return roundToMinute(Math.max(lower * lowerUnit, upper * upperUnit));
  }
  TERM.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = TERM.exec(clean)) !== null) {
    const unit = unitOf(match[2]);
    if (unit === null) return null;
    total += amountOf(match[1] ?? '') * unit;
    consumed = TERM.lastIndex;
  }
  if (consumed !== clean.length || total <= 0) return null;
  return roundToMinute(total);
}

/**
 * Working time between a start and a completion (ISO 8601): each full 24 hours counts as a working day (8 hours), and
 * the rest counts up to 8 hours. Null when either is missing or the order is wrong.
 */
export function workingTimeBetween(startedAt: string | null, completedAt: string | null): number | null {
  if (!startedAt || !completedAt) return null;
  const start = Date.parse(startedAt);
  const end = Date.parse(completedAt);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  const elapsed = Math.floor((end - start) / 1000);
  const days = Math.floor(elapsed / (24 * HOUR));
  return roundToMinute(days * DAY + Math.min(elapsed - days * 24 * HOUR, DAY));
}

/**
 * A task's spent time: its own `actual_effort` when it parses; else the working time from `started_at` to
 * `completed_at` (the v2 generic model records both; v1 and v2 tasks databases record no start, so only
 * actual_effort gives their spent time). Unfinished work has no spent time yet, so a run never writes a growing
 * value.
 */
export function deriveTaskTime(task: {
  estimatedEffort: string | null;
  actualEffort?: string | null;
  startedAt?: string | null;
  completedAt: string | null;
}): TimeFacts {
  const estimate = parseEffort(task.estimatedEffort);
  const actual = parseEffort(task.actualEffort ?? null);
  const spent = actual ?? workingTimeBetween(task.startedAt ?? null, task.completedAt);
  return {
    estimateSeconds: estimate,
    spentSeconds: spent !== null && spent > 0 ? spent : null,
    notes: [
      ...effortNote('estimated effort', task.estimatedEffort, estimate),
      ...effortNote('actual effort', task.actualEffort ?? null, actual),
    ],
  };
}

/** A feature's estimate, from its specification's `Estimated Effort`; features record no spent time. */
export function deriveFeatureTime(feature: { estimatedEffort: string | null }): TimeFacts {
  const estimate = parseEffort(feature.estimatedEffort);
  return {
    estimateSeconds: estimate,
    spentSeconds: null,
    notes: effortNote('estimated effort', feature.estimatedEffort, estimate),
  };
}

function effortNote(what: string, text: string | null, parsed: number | null): string[] {
  if (text === null || text.trim() === '' || parsed !== null) return [];
  return [
    `${what} ${JSON.stringify(text.slice(0, 60))} is not a duration (such as "2 hours", "3-4 days", "1 week"); no time is set from it`,
  ];
}

/** Seconds as hours for a board's number field, to two decimals. */
export function hoursOf(seconds: number): number {
  return Math.round((seconds / HOUR) * 100) / 100;
}

/** Seconds as GitLab's duration text in hours and minutes only (`3h30m`), which no instance setting reinterprets. */
export function gitlabDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(seconds) / MINUTE);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${sign}${hours > 0 ? `${hours}h` : ''}${rest > 0 || hours === 0 ? `${rest}m` : ''}`;
}

function roundToMinute(seconds: number): number {
  return Math.round(seconds / MINUTE) * MINUTE;
}
