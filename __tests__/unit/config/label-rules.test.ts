import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadLabelRules, parseLabelRules } from '../../../src/config/label-rules.js';
import { dimensionLabel, isOwnedLabel } from '../../../src/core/labels.js';
import { DEFAULT_POLICY, type SyncPolicy } from '../../../src/core/policy.js';
import { OrchestratorGitError } from '../../../src/errors.js';

const FILE = '.github/labels.yml';

function rules(yaml: string): SyncPolicy {
  return { ...DEFAULT_POLICY, labelRules: parseLabelRules(parse(yaml), FILE) };
}

function failure(yaml: string): OrchestratorGitError {
  try {
    parseLabelRules(parse(yaml), FILE);
  } catch (error) {
    if (error instanceof OrchestratorGitError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('label rules: validation', () => {
  it.each<[string, string, RegExp, RegExp]>([
    ['priorty:\n  other: null', 'unknown dimension', /Did you mean "priority"\?/, /Use only type, status/],
    ['priority: P1', 'not a mapping', /rule priority must be a mapping/, /labels/],
    [
      'priority:\n  label: {}',
      'unknown dimension field',
      /rule priority has an unknown field "label". Did you mean "labels"\?/,
      /only `labels`/,
    ],
    [
      'priority:\n  labels:\n    urgent: P0',
      'unknown value',
      /rule priority.labels.urgent names "urgent"/,
      /critical, high, medium, low/,
    ],
    [
      'status:\n  labels:\n    in_progress: a\n    In Progress: b',
      'repeated value',
      /repeats the value "in progress"/,
      /one rule per value/,
    ],
    [
      'priority:\n  labels:\n    high: { name: P1, colour: red }',
      'unknown label field',
      /unknown field "colour". Did you mean "color"\?/,
      /only name, color and description/,
    ],
    [
      'priority:\n  labels:\n    high: { name: P1, color: red }',
      'bad colour',
      /rule priority.labels.high has the color "red"/,
      /six hex digits/,
    ],
    [
      'priority:\n  labels:\n    high:\n      name: P1\n      color: #b60205',
      'unquoted #',
      /empty color \(in YAML an unquoted # starts a comment\)/,
      /Quote the colour/,
    ],
    ['priority:\n  labels:\n    high: "P1, urgent"', 'comma', /has a name with a comma/, /Remove the comma/],
    [
      `priority:\n  labels:\n    high: ${'x'.repeat(51)}`,
      'long name',
      /has a name of 51 characters/,
      /at most 50 characters/,
    ],
    [
      `priority:\n  labels:\n    high: { name: P1, description: ${'d'.repeat(101)} }`,
      'long description',
      /description of 101 characters/,
      /at most 100 characters/,
    ],
    [
      'priority:\n  labels:\n    high: { color: "b60205" }',
      'no name',
      /rule priority.labels.high has no name/,
      /Give the label a name/,
    ],
    [
      'specialist:\n  other: everything',
      'other without {value}',
      /needs \{value\} and text around it/,
      /area: \{value\}/,
    ],
    [
      'specialist:\n  other: "{value}"',
      'other that would own every label',
      /needs \{value\} and text around it/,
      /area: \{value\}/,
    ],
  ])('%j: %s', (yaml, _what, message, fix) => {
    const error = failure(yaml);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(`Label rules file "${FILE}"`);
    expect(error.message).toMatch(message);
    expect(error.fix).toMatch(fix);
    expect(error.fix).toContain('docs/labels-and-time.md');
  });

  it('accepts an empty file, JSON, and free values for category and specialist', () => {
    expect(parseLabelRules(null, FILE)).toEqual({});
    const parsed = parseLabelRules(
      parse(
        '{"category": {"labels": {"Integration & Collaboration": {"name": "area: integrations", "color": "#1D76DB"}}}}',
      ),
      FILE,
    );
    expect(parsed.category?.labels.get('integration & collaboration')).toEqual({
      name: 'area: integrations',
      color: '1d76db',
      description: null,
    });
  });

  it('names a missing or broken file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'og-rules-'));
    try {
      expect(() => loadLabelRules('missing.yml', dir)).toThrow(
        /Label rules file "missing.yml" \(the label-rules setting\) does not exist/,
      );
      await writeFile(path.join(dir, 'bad.yml'), 'priority: [unclosed');
      expect(() => loadLabelRules('bad.yml', dir)).toThrow(
        /Label rules file "bad.yml" is not valid YAML or JSON/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('label rules: evaluation and ownership', () => {
  const policy = rules(`
priority:
  labels:
    critical: { name: P0, color: "#b60205", description: Drop everything }
    low: null
  other: { name: "prio/{value}" }
specialist:
  other: null
category:
  labels:
    Integration & Collaboration: area/integrations
`);

  it('maps listed values, fills {value} for others, and gives no label where a rule says null', () => {
    expect(dimensionLabel(policy, 'priority', 'critical')).toEqual({
      name: 'p0',
      color: 'b60205',
      description: 'Drop everything',
    });
    expect(dimensionLabel(policy, 'priority', 'high')).toEqual({
      name: 'prio/high',
      color: 'd93f0b',
      description: 'Orchestrator priority, kept in step by orchestrator-git',
    });
    expect(dimensionLabel(policy, 'priority', 'low')).toBeNull();
    expect(dimensionLabel(policy, 'specialist', 'tester')).toBeNull();
    expect(dimensionLabel(policy, 'category', 'Integration & Collaboration')?.name).toBe('area/integrations');
    // A category the file does not list keeps the prefix scheme (no `other` given).
    expect(dimensionLabel(policy, 'category', 'Security')?.name).toBe('category: security');
    expect(dimensionLabel(policy, 'status', 'in_progress')).toEqual(
      dimensionLabel(DEFAULT_POLICY, 'status', 'in_progress'),
    );
  });

  it.each<[string, boolean]>([
    ['P0', true],
    ['prio/medium', true],
    ['prio/', false],
    ['priority: high', false],
    ['specialist: tester', false],
    ['area/integrations', true],
    ['category: anything', true],
    ['status: done', true],
    ['orchestrator', true],
    ['needs-design', false],
  ])('%j owned: %p', (name, owned) => {
    expect(isOwnedLabel(policy, name)).toBe(owned);
  });

  it('without rules, labels are exactly the prefix scheme (no change for existing users)', () => {
    for (const [dimension, value] of [
      ['priority', 'critical'],
      ['status', 'in_progress'],
      ['category', 'Integration & Collaboration'],
      ['specialist', 'tester'],
    ] as const) {
      expect(dimensionLabel({ ...DEFAULT_POLICY, labelRules: {} }, dimension, value)).toEqual(
        dimensionLabel(DEFAULT_POLICY, dimension, value),
      );
    }
    expect(isOwnedLabel({ ...DEFAULT_POLICY, labelRules: {} }, 'priority: whatever')).toBe(true);
  });
});
