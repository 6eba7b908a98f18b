/** Turns the orchestrator's loosely typed text columns (timestamps, JSON, status, priority) into domain values. */
import type { Priority, StateWarning, TaskStatus } from './types.js';

/** How a warning names its subject: fixed text, or a function of the id (so readers allocate nothing per row). */
export type SubjectLabel = string | ((subject: string) => string);

function nameOf(label: SubjectLabel, subject: string): string {
  return typeof label === 'function' ? label(subject) : label;
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * ISO 8601 UTC (`2025-06-02T09:14:03.512Z`) from the orchestrator's timestamp text: `T` or space, optional
 * seconds and fraction (microseconds are cut to milliseconds), zone-less meaning UTC, or an explicit offset.
 * Numbers are read as Unix time (seconds, or milliseconds when large). Returns undefined when unparseable.
 */
export function toIsoTimestamp(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const ms = Math.abs(value) < 1e11 ? value * 1000 : value;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  if (value === lastTimestamp.raw) return lastTimestamp.iso;
  const iso = parseTimestampText(value);
  lastTimestamp = { raw: value, iso };
  return iso;
}

/** Rows written together share timestamps (CURRENT_TIMESTAMP defaults): remembering the last one saves work. */
let lastTimestamp: { raw: string; iso: string | null | undefined } = { raw: '', iso: null };

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `YYYY-MM-DD[T ]HH:MM:SS` with an optional fraction of 3 or 6 digits and no zone: the orchestrator's usual forms. */
function commonUtcForm(text: string): boolean {
  const n = text.length;
  return (
    (n === 19 || n === 23 || n === 26) &&
    isDigits(text, 0, 4) &&
    text.charCodeAt(4) === 45 &&
    isDigits(text, 5, 7) &&
    text.charCodeAt(7) === 45 &&
    isDigits(text, 8, 10) &&
    (text.charCodeAt(10) === 32 || text.charCodeAt(10) === 84) &&
    isDigits(text, 11, 13) &&
    text.charCodeAt(13) === 58 &&
    isDigits(text, 14, 16) &&
    text.charCodeAt(16) === 58 &&
    isDigits(text, 17, 19) &&
    (n === 19 || (text.charCodeAt(19) === 46 && isDigits(text, 20, n)))
  );
}

function parseTimestampText(value: string): string | null | undefined {
  if (commonUtcForm(value)) {
    const month = twoDigits(value, 5);
    const day = twoDigits(value, 8);
    const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    if (twoDigits(value, 11) > 23 || twoDigits(value, 14) > 59 || twoDigits(value, 17) > 59) return undefined;
    const ms = value.length === 19 ? '000' : value.slice(20, 23);
    return `${value.slice(0, 10)}T${value.slice(11, 19)}.${ms}Z`;
  }
  const text = value.trim();
  if (text === '') return null;
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [, y = '', mo = '', d = '', h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  // Checked by hand (Date would roll 2025-02-30 over to March) and built by hand: this runs for every
  // timestamp of every task, and 100,000-task databases must read in well under a second.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const ms = frac.length === 3 ? frac : (frac + '000').slice(0, 3);
  const utc = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  if (!zone || zone === 'Z' || zone === 'z' || zone === 'UTC') return utc;
  const digits = zone.replace(':', '');
  const date = new Date(
    `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`,
  );
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Like toIsoTimestamp, recording a warning (and returning null) for text that is not a timestamp. */
export function readTimestamp(
  value: unknown,
  subject: string,
  column: string,
  warnings: StateWarning[],
  label: SubjectLabel = subject,
): string | null {
  const iso = toIsoTimestamp(value);
  if (iso !== undefined) return iso;
  warnings.push({
    code: 'STATE_TIMESTAMP_INVALID',
    message: `${column} of ${nameOf(label, subject)} is not a timestamp (${JSON.stringify(String(value)).slice(0, 80)}); read as empty.`,
    subject,
  });
  return null;
}

/**
 * Parses a JSON text column. NULL, '' and whitespace read as `undefined` (empty) without a warning; invalid
 * JSON reads as empty with a warning naming the task and column.
 */
export function readJsonColumn(
  value: unknown,
  subject: string,
  column: string,
  warnings: StateWarning[],
  label: SubjectLabel = subject,
): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    warnings.push({
      code: 'STATE_JSON_COLUMN_INVALID',
      message: `${column} of ${nameOf(label, subject)} is not valid JSON (${JSON.stringify(text.slice(0, 40))}); read as empty.`,
      subject,
    });
    return undefined;
  }
}

/** A JSON column that should hold an object (`context`, `metadata`): `[]` and other shapes read as empty. */
export function readJsonObject(
  value: unknown,
  subject: string,
  column: string,
  warnings: StateWarning[],
  label: SubjectLabel = subject,
): Record<string, unknown> {
  const parsed = readJsonColumn(value, subject, column, warnings, label);
  if (parsed === undefined || parsed === null) return {};
  if (typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  if (Array.isArray(parsed) && parsed.length === 0) return {};
  warnings.push({
    code: 'STATE_JSON_COLUMN_INVALID',
    message: `${column} of ${nameOf(label, subject)} is JSON but not an object; read as empty.`,
    subject,
  });
  return {};
}

/** A JSON column that should hold an array of ids or names: numbers become text, other items are dropped. */
export function readJsonStringArray(
  value: unknown,
  subject: string,
  column: string,
  warnings: StateWarning[],
  label: SubjectLabel = subject,
): string[] {
  const parsed = readJsonColumn(value, subject, column, warnings, label);
  if (parsed === undefined || parsed === null) return [];
  if (!Array.isArray(parsed)) {
    warnings.push({
      code: 'STATE_JSON_COLUMN_INVALID',
      message: `${column} of ${nameOf(label, subject)} is JSON but not an array; read as empty.`,
      subject,
    });
    return [];
  }
  const out: string[] = [];
  let dropped = 0;
  for (const item of parsed) {
    if (typeof item === 'string' && item.trim() !== '') out.push(item.trim());
    else if (typeof item === 'number' && Number.isFinite(item)) out.push(String(item));
    else dropped++;
  }
  if (dropped > 0) {
    warnings.push({
      code: 'STATE_JSON_COLUMN_INVALID',
      message: `${column} of ${nameOf(label, subject)} has ${dropped} item(s) that are not ids; they were ignored.`,
      subject,
    });
  }
  return out;
}

const STATUS: Record<string, TaskStatus> = {
  pending: 'pending',
  todo: 'pending',
  created: 'pending',
  planning: 'pending',
  active: 'in_progress',
  in_progress: 'in_progress',
  'in-progress': 'in_progress',
  'in progress': 'in_progress',
  running: 'in_progress',
  completed: 'completed',
  complete: 'completed',
  done: 'completed',
  failed: 'failed',
  error: 'failed',
  blocked: 'blocked',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  archived: 'cancelled',
};

/** Maps any generation's status text to a TaskStatus; unknown text is a warning and reads as pending. */
export function mapTaskStatus(
  raw: unknown,
  subject: string,
  warnings: StateWarning[],
  label: SubjectLabel = subject,
): TaskStatus {
  const key = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const status = STATUS[key];
  if (status) return status;
  warnings.push({
    code: 'STATE_STATUS_UNKNOWN',
    message: `Status ${JSON.stringify(raw === null || raw === undefined ? null : String(raw))} of ${nameOf(label, subject)} is not one the orchestrator uses; read as pending.`,
    subject,
  });
  return 'pending';
}

const PRIORITY_WORDS: Record<string, Priority> = {
  critical: 'critical',
  urgent: 'critical',
  blocker: 'critical',
  highest: 'critical',
  p0: 'critical',
  high: 'high',
  p1: 'high',
  medium: 'medium',
  normal: 'medium',
  moderate: 'medium',
  p2: 'medium',
  low: 'low',
  lowest: 'low',
  minor: 'low',
  p3: 'low',
  p4: 'low',
};

/**
 * critical/high/medium/low from free text: the first priority word wins, so "Medium (High for team
 * environments)" is medium and "High ⭐" is high. Returns undefined for text with no priority word.
 */
export function toPriority(raw: unknown): Priority | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return ({ 0: 'critical', 1: 'high', 2: 'medium', 3: 'low' } as const)[raw];
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().toLowerCase();
  if (text === '') return null;
  for (const word of text.split(/[^a-z0-9]+/)) {
    const priority = PRIORITY_WORDS[word];
    if (priority) return priority;
  }
  return undefined;
}

export function readPriority(
  raw: unknown,
  subject: string,
  warnings: StateWarning[],
  label: SubjectLabel = subject,
): Priority | null {
  const priority = toPriority(raw);
  if (priority !== undefined) return priority;
  warnings.push({
    code: 'STATE_PRIORITY_UNKNOWN',
    message: `Priority ${JSON.stringify(String(raw)).slice(0, 60)} of ${nameOf(label, subject)} is not critical, high, medium or low; read as none.`,
    subject,
  });
  return null;
}

/** Text for an optional column: trimmed, '' → null; numbers become text. */
export function optionalText(value: unknown): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A whole number from an INTEGER column (or numeric text); `fallback` otherwise. */
export function integerOr(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : fallback;
}

/** The first line of a text, trimmed to `max` characters (counting emoji as one) with an ellipsis. */
export function firstLineTitle(text: string, max = 120): string {
  const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
  const chars = Array.from(line);
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : line;
}
