/**
 * The labels a managed issue carries: names from the label rules (the built-in prefix scheme unless a rules file says
 * otherwise), colours and descriptions, and which labels the tool owns (those its rules can produce).
 */
import type { LabelDimension, SyncPolicy } from './policy.js';
import { LABEL_LIMIT, stripControl, truncate } from './text.js';

export interface DesiredLabel {
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string;
}

/** GitHub's limit on a label's description (GitLab's is larger). */
export const LABEL_DESCRIPTION_LIMIT = 100;

/** The placeholder a rule's name or description uses for the orchestrator's value. */
export const VALUE_PLACEHOLDER = '{value}';

/** One label a rule produces; a null colour or description takes the built-in one. */
export interface LabelSpec {
  name: string;
  color: string | null;
  description: string | null;
}

/** A dimension's rules (docs/labels-and-time.md), validated at the edge (src/config/label-rules.ts). */
export interface DimensionRules {
  /** Normalised value (see labelValue) → its label, or null for no label. */
  labels: Map<string, LabelSpec | null>;
  /**
   * Values not listed: a label whose name holds `{value}` (with text around it); null: no label; absent: the prefix
   * scheme (`label-prefixes`).
   */
  other?: LabelSpec | null;
}

/** Rules by dimension; a dimension without rules keeps the prefix scheme. */
export type LabelRules = Partial<Record<LabelDimension, DimensionRules>>;

const COLOURS: Record<string, string> = {
  'status:approved': '0e8a16',
  'status:pending': 'c5def5',
  'status:in progress': 'fbca04',
  'status:completed': '0e8a16',
  'status:archived': 'bfdadc',
  'status:failed': 'b60205',
  'status:blocked': 'd93f0b',
  'status:cancelled': 'cfd3d7',
  'priority:critical': 'b60205',
  'priority:high': 'd93f0b',
  'priority:medium': 'fbca04',
  'priority:low': 'c2e0c6',
  'type:feature': 'a2eeef',
  'type:task': '5319e7',
};
const DIMENSION_COLOURS: Record<LabelDimension, string> = {
  type: '5319e7',
  status: 'ededed',
  priority: 'fbca04',
  category: '1d76db',
  specialist: 'bfd4f2',
};

/** A label name GitHub accepts: one line, no commas (they split label filters), at most 50 characters. */
export function labelName(text: string): string {
  const clean = stripControl(text, false).replace(/,/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return truncate(clean, LABEL_LIMIT);
}

/** A value as rules name it: lower case, `_` and `-` as spaces, spaces collapsed (`in_progress` → `in progress`). */
export function labelValue(value: string): string {
  return value.replace(/[_-]/g, ' ').replace(/\s+/g, ' ').toLowerCase().trim();
}

export function dimensionLabel(
  policy: SyncPolicy,
  dimension: LabelDimension,
  value: string | null,
): DesiredLabel | null {
  if (!value) return null;
  const rules = policy.labelRules?.[dimension];
  if (rules) {
    const key = labelValue(value);
    if (!key) return null;
    const listed = rules.labels.get(key);
    if (listed !== undefined) return listed === null ? null : ruleLabel(listed, dimension, key);
    if (rules.other !== undefined)
      return rules.other === null ? null : ruleLabel(rules.other, dimension, key);
  }
  const prefix = policy.labelPrefixes[dimension];
  if (prefix === null) return null;
  const valueText = value.replace(/_/g, ' ').toLowerCase().trim();
  if (!valueText) return null;
  return {
    name: labelName(`${prefix}${valueText}`),
    color: builtInColour(dimension, valueText),
    description: builtInDescription(dimension),
  };
}

function builtInColour(dimension: LabelDimension, valueText: string): string {
  return COLOURS[`${dimension}:${valueText}`] ?? DIMENSION_COLOURS[dimension];
}

function builtInDescription(dimension: LabelDimension): string {
  return `Orchestrator ${dimension}, kept in step by orchestrator-git`;
}

function ruleLabel(spec: LabelSpec, dimension: LabelDimension, key: string): DesiredLabel {
  const fill = (text: string) => text.split(VALUE_PLACEHOLDER).join(key);
  return {
    name: labelName(fill(spec.name)),
    color: spec.color ?? builtInColour(dimension, key),
    description: truncate(
      stripControl(fill(spec.description ?? builtInDescription(dimension)), false),
      LABEL_DESCRIPTION_LIMIT,
    ),
  };
}

export function defaultLabels(policy: SyncPolicy): DesiredLabel[] {
  return policy.defaultLabels.map((name) => ({
    name: labelName(name),
    color: '6f42c1',
    description: 'Managed by orchestrator-git',
  }));
}

/**
 * True for labels the tool decides the presence of: its default labels and every label its rules can produce (the
 * prefix scheme's `<prefix><anything>`, a rule's exact name, an `other` rule's name around any value). Every other
 * label is a person's and is never removed.
 */
export function isOwnedLabel(policy: SyncPolicy, name: string): boolean {
  const lower = name.toLowerCase();
  if (policy.defaultLabels.some((label) => labelName(label) === lower)) return true;
  return (Object.keys(policy.labelPrefixes) as LabelDimension[]).some((dimension) => {
    const rules = policy.labelRules?.[dimension];
    if (rules) {
      for (const [key, spec] of rules.labels) {
        if (spec && ruleLabel(spec, dimension, key).name === lower) return true;
      }
      if (rules.other === null) return false;
      if (rules.other !== undefined) return matchesTemplate(rules.other.name, lower);
    }
    const prefix = policy.labelPrefixes[dimension];
    return prefix !== null && prefix.trim() !== '' && lower.startsWith(prefix.toLowerCase());
  });
}

/** Whether a (lower-case) label name is the template's name around some value. */
function matchesTemplate(template: string, lower: string): boolean {
  const at = template.indexOf(VALUE_PLACEHOLDER);
  if (at < 0) return labelName(template) === lower;
  const before = template.slice(0, at).toLowerCase().replace(/\s+/g, ' ').trimStart();
  const after = template
    .slice(at + VALUE_PLACEHOLDER.length)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trimEnd();
  return lower.length > before.length + after.length && lower.startsWith(before) && lower.endsWith(after);
}
