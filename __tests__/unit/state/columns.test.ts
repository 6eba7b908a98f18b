import {
  firstLineTitle,
  mapTaskStatus,
  readJsonObject,
  readJsonStringArray,
  toIsoTimestamp,
  toPriority,
} from '../../../src/state/columns.js';
import type { StateWarning } from '../../../src/state/types.js';

describe('toIsoTimestamp', () => {
  it.each([
    ['2025-06-02 09:14:03.512331', '2025-06-02T09:14:03.512Z'],
    ['2025-06-03T10:00:00', '2025-06-03T10:00:00.000Z'],
    ['2025-08-01T07:00:00.000001', '2025-08-01T07:00:00.000Z'],
    ['2025-07-21 00:00:00', '2025-07-21T00:00:00.000Z'],
    ['2025-07-21', '2025-07-21T00:00:00.000Z'],
    ['2025-07-21 08:30', '2025-07-21T08:30:00.000Z'],
    ['2025-07-21T08:30:00Z', '2025-07-21T08:30:00.000Z'],
    ['2025-07-21T08:30:00.5', '2025-07-21T08:30:00.500Z'],
    ['2025-07-21T10:30:00+02:00', '2025-07-21T08:30:00.000Z'],
    ['2025-07-21T10:30:00+0200', '2025-07-21T08:30:00.000Z'],
    ['2025-07-21T03:30:00-05', '2025-07-21T08:30:00.000Z'],
    ['  2025-07-21 08:30:00  ', '2025-07-21T08:30:00.000Z'],
    ['2024-02-29 00:00:00', '2024-02-29T00:00:00.000Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(toIsoTimestamp(input)).toBe(expected);
  });

  it.each([[null], [undefined], ['']])('reads %j as null', (input) => {
    expect(toIsoTimestamp(input)).toBeNull();
  });

  it.each([
    ['yesterday'],
    ['2025-02-30 00:00:00'],
    ['2025-13-01'],
    ['2025-01-01 24:00:00'],
    ['2025-02-29'],
    ['now'],
  ])('rejects %j', (input) => {
    expect(toIsoTimestamp(input)).toBeUndefined();
  });

  it('reads numbers as Unix time', () => {
    expect(toIsoTimestamp(1_700_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(toIsoTimestamp(1_700_000_000_000)).toBe('2023-11-14T22:13:20.000Z');
  });
});

describe('toPriority', () => {
  it.each([
    ['critical', 'critical'],
    ['Critical', 'critical'],
    ['HIGH', 'high'],
    ['High ⭐', 'high'],
    ['Medium (High for team environments)', 'medium'],
    ['low', 'low'],
    ['P0', 'critical'],
    ['normal', 'medium'],
    [2, 'medium'],
    [null, null],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(toPriority(input)).toBe(expected);
  });

  it('returns undefined for text without a priority word', () => {
    expect(toPriority('whenever')).toBeUndefined();
  });
});

describe('mapTaskStatus', () => {
  it.each([
    ['pending', 'pending'],
    ['active', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['completed', 'completed'],
    ['failed', 'failed'],
    ['blocked', 'blocked'],
    ['cancelled', 'cancelled'],
    [' Completed ', 'completed'],
  ])('maps %j to %s without warnings', (raw, expected) => {
    const warnings: StateWarning[] = [];
    expect(mapTaskStatus(raw, 't1', warnings)).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it('maps an unknown status to pending with a warning naming the task and value', () => {
    const warnings: StateWarning[] = [];
    expect(mapTaskStatus('on_hold', 't1', warnings, (id) => `task ${JSON.stringify(id)}`)).toBe('pending');
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'STATE_STATUS_UNKNOWN',
        subject: 't1',
        message: expect.stringContaining('"on_hold"'),
      }),
    ]);
    expect(warnings[0]?.message).toContain('task "t1"');
  });
});

describe('JSON columns', () => {
  it.each([[null], [''], ['   '], ['[]'], ['{}']])(
    'reads %j as an empty object without warnings',
    (value) => {
      const warnings: StateWarning[] = [];
      expect(readJsonObject(value, 't1', 'context', warnings)).toEqual({});
      expect(warnings).toEqual([]);
    },
  );

  it.each([['{bad json'], ['not json'], ['42'], ['["a"]']])('reads %j as empty with a warning', (value) => {
    const warnings: StateWarning[] = [];
    expect(readJsonObject(value, 't1', 'context', warnings)).toEqual({});
    expect(warnings).toEqual([expect.objectContaining({ code: 'STATE_JSON_COLUMN_INVALID', subject: 't1' })]);
    expect(warnings[0]?.message).toMatch(/^context of t1 /);
  });

  it('reads id arrays, keeping strings and numbers', () => {
    const warnings: StateWarning[] = [];
    expect(readJsonStringArray('["a", 2, " b "]', 't1', 'dependencies', warnings)).toEqual(['a', '2', 'b']);
    expect(readJsonStringArray('[{"x":1}, "c"]', 't1', 'dependencies', warnings)).toEqual(['c']);
    expect(readJsonStringArray('{"a":1}', 't1', 'dependencies', warnings)).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['STATE_JSON_COLUMN_INVALID', 'STATE_JSON_COLUMN_INVALID']);
  });
});

describe('firstLineTitle', () => {
  it('takes the first non-empty line, trimmed', () => {
    expect(firstLineTitle('\n  Ship it  \nmore text')).toBe('Ship it');
  });

  it('cuts long lines to 120 characters with an ellipsis, never inside an emoji', () => {
    const title = firstLineTitle(`${'🐛'.repeat(130)}`);
    expect(Array.from(title)).toHaveLength(120);
    expect(title.endsWith('🐛…')).toBe(true);
    expect(firstLineTitle('x'.repeat(120))).toBe('x'.repeat(120));
  });
});
