/**
 * The Sprint iteration field board-sync creates when a sprint board has none: how long a sprint is, when the first one
 * starts, and how many to lay out so that every card's target date falls in one.
 */
import type { BoardIteration } from './model.js';

export interface SprintSettings {
  /** Days per sprint. */
  length: number;
  /** YYYY-MM-DD of the first sprint; null: the Monday on or before the earliest target date (or today). */
  start: string | null;
}

export const DEFAULT_SPRINT_LENGTH = 14;
/** Never fewer than GitHub's web UI lays out for a new iteration field. */
export const MIN_SPRINTS = 3;
/** A bound on what one field gets at creation (two years of two-week sprints). */
export const MAX_SPRINTS = 52;

/** The iteration configuration of a new Sprint field (the input of GitHub's createProjectV2Field). */
export interface SprintLayout {
  startDate: string;
  duration: number;
  iterations: { title: string; startDate: string; duration: number }[];
}

const DAY = 86_400_000;

function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function dateOf(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

/** The Monday on or before `date` (YYYY-MM-DD). */
export function mondayOnOrBefore(date: string): string {
  const day = dayOf(date);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return dateOf(day - weekday * DAY);
}

/**
 * Sprints from the first start through the latest target date (at least MIN_SPRINTS, at most MAX_SPRINTS), titled
 * "Sprint 1", "Sprint 2", … `today` (YYYY-MM-DD) stands in for the earliest date when no card has one.
 */
export function layOutSprints(settings: SprintSettings, targetDates: string[], today: string): SprintLayout {
  const dates = [...targetDates].sort();
  const startDate = settings.start ?? mondayOnOrBefore(dates[0] ?? today);
  const last = dates[dates.length - 1] ?? startDate;
  const needed = Math.floor((dayOf(last) - dayOf(startDate)) / DAY / settings.length) + 1;
  const count = Math.min(MAX_SPRINTS, Math.max(MIN_SPRINTS, needed));
  const iterations = Array.from({ length: count }, (_, index) => ({
    title: `Sprint ${index + 1}`,
    startDate: dateOf(dayOf(startDate) + index * settings.length * DAY),
    duration: settings.length,
  }));
  return { startDate, duration: settings.length, iterations };
}

/** Where a date stands against a field's iterations: in one, before the first, after the last, or in a gap. */
export function placeInSprints(
  iterations: readonly BoardIteration[],
  date: string,
):
  | { kind: 'in'; iteration: BoardIteration }
  | { kind: 'before'; first: BoardIteration }
  | { kind: 'after'; last: BoardIteration; ends: string }
  | { kind: 'gap' }
  | { kind: 'none' } {
  if (iterations.length === 0) return { kind: 'none' };
  const day = dayOf(date);
  const sorted = [...iterations].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (const iteration of sorted) {
    const start = dayOf(iteration.startDate);
    if (day >= start && day < start + iteration.duration * DAY) return { kind: 'in', iteration };
  }
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first && day < dayOf(first.startDate)) return { kind: 'before', first };
  if (last && day >= dayOf(last.startDate) + last.duration * DAY)
    return { kind: 'after', last, ends: dateOf(dayOf(last.startDate) + (last.duration - 1) * DAY) };
  return { kind: 'gap' };
}
