/**
 * Reads and validates the `label-rules` file (YAML, or JSON, which is YAML too) into the typed rules the core applies;
 * every mistake is a catalogue error naming the file, the rule and the fix.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  LABEL_DESCRIPTION_LIMIT,
  labelValue,
  VALUE_PLACEHOLDER,
  type DimensionRules,
  type LabelRules,
  type LabelSpec,
} from '../core/labels.js';
import type { LabelDimension } from '../core/policy.js';
import { LABEL_LIMIT } from '../core/text.js';
import { OrchestratorGitError, quote } from '../errors.js';
import { readYamlFile } from './file.js';
import { suggestKey } from './values.js';

const DIMENSIONS: readonly LabelDimension[] = ['type', 'status', 'priority', 'category', 'specialist'];

/** Values a dimension can take; null: free text (categories, specialist types, including user-defined roles). */
const KNOWN_VALUES: Record<LabelDimension, readonly string[] | null> = {
  type: ['feature', 'task', 'bug'],
  status: [
    'proposed',
    'approved',
    'pending',
    'in progress',
    'completed',
    'archived',
    'failed',
    'blocked',
    'cancelled',
  ],
  priority: ['critical', 'high', 'medium', 'low'],
  category: null,
  specialist: null,
};

const DOCS = 'docs/labels-and-time.md shows the format';

/** Reads the rules file at `file` (relative to `cwd`). */
export function loadLabelRules(file: string, cwd: string): LabelRules {
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) {
    throw new OrchestratorGitError(
      'CONFIG_FILE_UNREADABLE',
      `Label rules file ${quote(file)} (the label-rules setting) does not exist.`,
      'Commit the file at that path (relative to the repository root), or fix or remove the label-rules setting to keep the built-in labels.',
    );
  }
  const raw = readYamlFile(full, `Label rules file ${quote(file)}`, 'YAML or JSON');
  return parseLabelRules(raw, file);
}

/** Validates parsed rules: dimensions, `labels` and `other`, names, colours and descriptions. */
export function parseLabelRules(raw: unknown, file: string): LabelRules {
  const fail = (rule: string, problem: string, fix: string) =>
    new OrchestratorGitError(
      'CONFIG_INVALID',
      `Label rules file ${quote(file)}: ${rule ? `rule ${rule} ` : ''}${problem}`,
      `${fix} (${DOCS}).`,
    );
  if (raw === null || raw === undefined) return {};
  const top = mapping(raw, () =>
    fail(
      '',
      'must be a mapping of dimensions (type, status, priority, category, specialist).',
      'Start each dimension at the left margin, e.g. `priority:`',
    ),
  );
  const rules: LabelRules = {};
  for (const [dimension, body] of Object.entries(top)) {
    if (!(DIMENSIONS as readonly string[]).includes(dimension)) {
      const suggestion = suggestKey(dimension, DIMENSIONS);
      throw fail(
        '',
        `has an unknown dimension ${quote(dimension)}.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ''}`,
        `Use only ${DIMENSIONS.join(', ')}`,
      );
    }
    rules[dimension as LabelDimension] = parseDimension(dimension as LabelDimension, body, fail);
  }
  return rules;
}

function parseDimension(
  dimension: LabelDimension,
  body: unknown,
  fail: (rule: string, problem: string, fix: string) => OrchestratorGitError,
): DimensionRules {
  const fields = mapping(body, () =>
    fail(
      dimension,
      'must be a mapping with `labels` and/or `other`.',
      `Write \`${dimension}:\` then \`labels:\` (value → label) and/or \`other:\``,
    ),
  );
  const result: DimensionRules = { labels: new Map() };
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'labels') {
      const entries = mapping(value ?? {}, () =>
        fail(
          `${dimension}.labels`,
          'must be a mapping of values to labels.',
          `Write one \`value: label name\` per line under ${dimension}.labels`,
        ),
      );
      for (const [rawKey, spec] of Object.entries(entries)) {
        const rule = `${dimension}.labels.${rawKey}`;
        const key = labelValue(rawKey);
        const known = KNOWN_VALUES[dimension];
        if (!key || (known && !known.includes(key))) {
          throw fail(
            rule,
            `names ${quote(rawKey)}, which is not a ${dimension} the orchestrator has.`,
            known ? `Use one of ${known.join(', ')}` : 'Use a non-empty value',
          );
        }
        if (result.labels.has(key)) {
          throw fail(
            rule,
            `repeats the value ${quote(key)} (values match without regard to case, _ and -).`,
            'Keep one rule per value',
          );
        }
        result.labels.set(key, spec === null ? null : parseSpec(spec, rule, false, fail));
      }
    } else if (field === 'other') {
      result.other = value === null ? null : parseSpec(value, `${dimension}.other`, true, fail);
    } else {
      const suggestion = suggestKey(field, ['labels', 'other']);
      throw fail(
        dimension,
        `has an unknown field ${quote(field)}.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ''}`,
        'A dimension has only `labels` (value → label) and `other` (values not listed)',
      );
    }
  }
  return result;
}

/** A label: its name as a string, or `{name, color, description}`. */
function parseSpec(
  value: unknown,
  rule: string,
  template: boolean,
  fail: (rule: string, problem: string, fix: string) => OrchestratorGitError,
): LabelSpec {
  const fields: Record<string, unknown> =
    typeof value === 'string'
      ? { name: value }
      : mapping(value, () =>
          fail(
            rule,
            `is ${quote(JSON.stringify(value))}; a label is a name, or a mapping with name, color and description.`,
            'Write `name: …` (and optionally `color: "#b60205"`, `description: …`), or null for no label',
          ),
        );
  for (const field of Object.keys(fields)) {
    if (!['name', 'color', 'description'].includes(field)) {
      const suggestion = suggestKey(field, ['name', 'color', 'description']);
      throw fail(
        rule,
        `has an unknown field ${quote(field)}.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ''}`,
        'A label has only name, color and description',
      );
    }
  }
  const name = fields['name'];
  if (typeof name !== 'string' || name.trim() === '') {
    throw fail(rule, 'has no name.', 'Give the label a name (text)');
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw fail(
      rule,
      `has a name with a line break or control character: ${quote(name)}.`,
      'Write the name on one line',
    );
  }
  if (name.includes(',')) {
    throw fail(
      rule,
      `has a name with a comma: ${quote(name)}; commas split label lists (GitLab) and label filters (GitHub).`,
      'Remove the comma from the name',
    );
  }
  const fixed = name.split(VALUE_PLACEHOLDER).join('');
  if (template) {
    if (!name.includes(VALUE_PLACEHOLDER) || fixed.trim() === '') {
      throw fail(
        rule,
        `has the name ${quote(name)}; an \`other\` rule names every value not listed, so its name needs ${VALUE_PLACEHOLDER} and text around it (the text tells the tool's labels from people's, which are never removed).`,
        `Write it like "area: ${VALUE_PLACEHOLDER}", or null for no label`,
      );
    }
  }
  if (fixed.trim().length > LABEL_LIMIT) {
    throw fail(
      rule,
      `has a name of ${fixed.trim().length} characters: ${quote(name)}.`,
      `Use at most ${LABEL_LIMIT} characters (GitHub's limit)`,
    );
  }
  let color: string | null = null;
  if (fields['color'] !== undefined) {
    if (fields['color'] === null) {
      throw fail(
        rule,
        'has an empty color (in YAML an unquoted # starts a comment).',
        'Quote the colour, e.g. color: "#b60205"',
      );
    }
    const text = String(fields['color']).trim();
    if (!/^#?[0-9a-fA-F]{6}$/.test(text)) {
      throw fail(
        rule,
        `has the color ${quote(text)}.`,
        'Write a colour as six hex digits, e.g. "#b60205" (quote it in YAML: # starts a comment)',
      );
    }
    color = text.replace(/^#/, '').toLowerCase();
  }
  let description: string | null = null;
  if (fields['description'] !== undefined && fields['description'] !== null) {
    const text = fields['description'];
    if (typeof text !== 'string')
      throw fail(rule, 'has a description that is not text.', 'Write the description as text');
    if (text.length > LABEL_DESCRIPTION_LIMIT) {
      throw fail(
        rule,
        `has a description of ${text.length} characters.`,
        `Use at most ${LABEL_DESCRIPTION_LIMIT} characters (GitHub's limit)`,
      );
    }
    description = text;
  }
  return { name: name.trim(), color, description };
}

function mapping(value: unknown, error: () => OrchestratorGitError): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw error();
  return value as Record<string, unknown>;
}
