import {
  DAY,
  HOUR,
  MINUTE,
  MONTH,
  WEEK,
  deriveFeatureTime,
  deriveTaskTime,
  gitlabDuration,
  hoursOf,
  parseEffort,
  workingTimeBetween,
} from '../../../src/core/time-tracking.js';

describe('parseEffort', () => {
  it.each<[string, number | null]>([
    ['2 hours', 2 * HOUR],
    ['1 hour', HOUR],
    ['an hour', HOUR],
    ['30 minutes', 30 * MINUTE],
    ['90 min', 90 * MINUTE],
    ['1.5 hours', 90 * MINUTE],
    ['2h', 2 * HOUR],
    ['1h30m', 90 * MINUTE],
    ['1 day 4 hours', DAY + 4 * HOUR],
    ['1 week and 2 days', WEEK + 2 * DAY],
    ['half a day', 4 * HOUR],
    ['1 day', 8 * HOUR],
    ['1 week', 40 * HOUR],
    ['1 month', 160 * HOUR],
    ['2 months', 2 * MONTH],
    // Ranges count as their upper bound.
    ['3-4 days', 4 * DAY],
    ['2-3 weeks', 3 * WEEK],
    ['2 to 3 hours', 3 * HOUR],
    ['3–4 days', 4 * DAY],
    ['2 days - 1 week', WEEK],
    ['1 week - 2 days', WEEK],
    // Qualifiers and notes are ignored.
    ['~2 hours', 2 * HOUR],
    ['About 3 days', 3 * DAY],
    ['approx. 1 week', WEEK],
    ['2+ days', 2 * DAY],
    ['2-3 weeks (including testing)', 3 * WEEK],
    ['  2 HOURS. ', 2 * HOUR],
    // Not durations.
    ['TBD', null],
    ['large', null],
    ['Medium', null],
    ['2 sprints', null],
    ['a while', null],
    ['2', null],
    ['0 hours', null],
    ['', null],
  ])('%j → %p seconds', (text, seconds) => {
    expect(parseEffort(text)).toBe(seconds);
  });

  it('is null for null', () => {
    expect(parseEffort(null)).toBeNull();
  });
});

describe('workingTimeBetween', () => {
  it.each<[string | null, string | null, number | null]>([
    ['2025-06-02 09:00:00', '2025-06-02 11:30:00', 150 * MINUTE],
    // A full day counts 8 hours; the rest up to 8 hours.
    ['2025-06-02 09:00:00', '2025-06-04 13:00:00', 2 * DAY + 4 * HOUR],
    ['2025-06-02T09:00:00Z', '2025-06-02T21:00:00Z', DAY],
    ['2025-06-02 09:00:00', '2025-06-02 09:00:20', 0],
    ['2025-06-03 09:00:00', '2025-06-02 09:00:00', null],
    [null, '2025-06-02 09:00:00', null],
    ['2025-06-02 09:00:00', null, null],
    ['yesterday', '2025-06-02 09:00:00', null],
  ])('%s → %s: %p', (start, end, seconds) => {
    expect(workingTimeBetween(start, end)).toBe(seconds);
  });
});

describe('deriveTaskTime / deriveFeatureTime', () => {
  const base = { estimatedEffort: '3-4 days', completedAt: null };

  it('prefers actual_effort to the timestamps, and has no spent time before completion', () => {
    expect(
      deriveTaskTime({
        ...base,
        actualEffort: '5 hours',
        startedAt: '2025-06-02 09:00:00',
        completedAt: '2025-06-02 10:00:00',
      }),
    ).toEqual({ estimateSeconds: 4 * DAY, spentSeconds: 5 * HOUR, notes: [] });
    expect(
      deriveTaskTime({ ...base, startedAt: '2025-06-02 09:00:00', completedAt: '2025-06-02 10:00:00' }),
    ).toEqual({ estimateSeconds: 4 * DAY, spentSeconds: HOUR, notes: [] });
    expect(deriveTaskTime({ ...base, startedAt: '2025-06-02 09:00:00' })).toEqual({
      estimateSeconds: 4 * DAY,
      spentSeconds: null,
      notes: [],
    });
  });

  it('notes an estimate or actual effort that is not a duration, and sets nothing from it', () => {
    const facts = deriveTaskTime({ estimatedEffort: 'big', actualEffort: 'lots', completedAt: null });
    expect(facts.estimateSeconds).toBeNull();
    expect(facts.spentSeconds).toBeNull();
    expect(facts.notes).toEqual([
      expect.stringContaining('estimated effort "big" is not a duration'),
      expect.stringContaining('actual effort "lots" is not a duration'),
    ]);
    expect(deriveTaskTime({ estimatedEffort: null, completedAt: null }).notes).toEqual([]);
  });

  it('gives features an estimate only', () => {
    expect(deriveFeatureTime({ estimatedEffort: '2-3 weeks' })).toEqual({
      estimateSeconds: 3 * WEEK,
      spentSeconds: null,
      notes: [],
    });
  });
});

describe('units for the platforms', () => {
  it.each<[number, string]>([
    [HOUR, '1h'],
    [90 * MINUTE, '1h30m'],
    [30 * MINUTE, '30m'],
    [4 * DAY, '32h'],
    [-HOUR, '-1h'],
    [-(90 * MINUTE), '-1h30m'],
  ])('gitlabDuration(%p) = %s', (seconds, text) => {
    expect(gitlabDuration(seconds)).toBe(text);
  });

  it('hours to two decimals', () => {
    expect(hoursOf(90 * MINUTE)).toBe(1.5);
    expect(hoursOf(20 * MINUTE)).toBe(0.33);
    expect(hoursOf(WEEK)).toBe(40);
  });
});
