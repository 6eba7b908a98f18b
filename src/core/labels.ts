/** The labels a managed issue carries: names from the prefix scheme, colours, and which labels the tool owns. */
import type { LabelDimension, SyncPolicy } from './policy.js';
import { LABEL_LIMIT, stripControl, truncate } from './text.js';

export interface DesiredLabel {
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string;
}

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

export function dimensionLabel(
  policy: SyncPolicy,
  dimension: LabelDimension,
  value: string | null,
): DesiredLabel | null {
  const prefix = policy.labelPrefixes[dimension];
  if (prefix === null || !value) return null;
  const valueText = value.replace(/_/g, ' ').toLowerCase().trim();
  if (!valueText) return null;
  return {
    name: labelName(`${prefix}${valueText}`),
    color: COLOURS[`${dimension}:${valueText}`] ?? DIMENSION_COLOURS[dimension],
    description: `Orchestrator ${dimension}, kept in step by orchestrator-git`,
  };
}

export function defaultLabels(policy: SyncPolicy): DesiredLabel[] {
  return policy.defaultLabels.map((name) => ({
    name: labelName(name),
    color: '6f42c1',
    description: 'Managed by orchestrator-git',
  }));
}

/** True for labels whose presence the tool decides: its default labels and any label in its prefix scheme. */
export function isOwnedLabel(policy: SyncPolicy, name: string): boolean {
  const lower = name.toLowerCase();
  if (policy.defaultLabels.some((label) => labelName(label) === lower)) return true;
  return Object.values(policy.labelPrefixes).some(
    (prefix) => prefix !== null && prefix.trim() !== '' && lower.startsWith(prefix.toLowerCase()),
  );
}
