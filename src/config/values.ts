/** Parsing of setting values as they arrive from inputs (strings), flags and YAML, with errors that name the setting. */
import { OrchestratorGitError, quote } from '../errors.js';

export type SettingSource = 'input' | 'state config row' | 'config file';

export const FEATURE_STATUSES = ['proposed', 'approved', 'in_progress', 'completed', 'archived'] as const;

export function parseBoolean(value: unknown, name: string, source: SettingSource): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(lower)) return true;
    if (['false', 'no', 'off', '0'].includes(lower)) return false;
  }
  throw new OrchestratorGitError(
    'CONFIG_INVALID',
    `Setting ${quote(name)} (from the ${source}) is ${quote(String(value))}; expected true or false.`,
    `Set ${name} to true or false.`,
  );
}

/** A list from a YAML sequence, or a string of items separated by commas or new lines. */
export function parseList(value: unknown, name: string, source: SettingSource): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\n]/) : null;
  if (!items || items.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Setting ${quote(name)} (from the ${source}) must be a list of names.`,
      `Write ${name} as a YAML list, or as names separated by commas or new lines.`,
    );
  }
  return items.map((item) => String(item).trim()).filter((item) => item !== '');
}

/** The known key closest to a mistyped one (edit distance at most 3), for "did you mean". */
export function suggestKey(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
