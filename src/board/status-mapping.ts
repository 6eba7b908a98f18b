/** The status mapping: every orchestrator status a board's cards can have → the column (Status option) it shows in. */
import { OrchestratorGitError, quote } from '../errors.js';
import type { ItemKind } from '../core/desired.js';
import type { ItemStatus } from '../core/status.js';
import type { BoardTemplate } from './templates.js';

export const FEATURE_CARD_STATUSES: readonly ItemStatus[] = [
  'proposed',
  'approved',
  'in_progress',
  'completed',
  'archived',
];
export const TASK_CARD_STATUSES: readonly ItemStatus[] = [
  'pending',
  'in_progress',
  'completed',
  'failed',
  'blocked',
  'cancelled',
];
const ALL_STATUSES: readonly ItemStatus[] = [...new Set([...FEATURE_CARD_STATUSES, ...TASK_CARD_STATUSES])];

export type StatusMapping = Readonly<Partial<Record<ItemStatus, string>>>;

/** The seed's default (proposed → Backlog, approved → To Do, in_progress → In Progress, completed → Done), completed. */
export const DEFAULT_STATUS_MAPPING: Readonly<Record<ItemStatus, string>> = {
  proposed: 'Backlog',
  approved: 'To Do',
  pending: 'To Do',
  in_progress: 'In Progress',
  blocked: 'Blocked',
  failed: 'Blocked',
  completed: 'Done',
  cancelled: 'Done',
  archived: 'Done',
};

/** Statuses the cards of a template can have. */
export function statusesFor(kinds: readonly ItemKind[]): ItemStatus[] {
  const statuses = new Set<ItemStatus>();
  if (kinds.includes('feature')) for (const status of FEATURE_CARD_STATUSES) statuses.add(status);
  if (kinds.includes('task')) for (const status of TASK_CARD_STATUSES) statuses.add(status);
  return ALL_STATUSES.filter((status) => statuses.has(status));
}

/**
 * The mapping for a template: the default when none is given; a given mapping replaces the default and must map every
 * status the template's cards can have (an unmapped status is an error listing each one).
 */
export function resolveStatusMapping(
  given: Record<string, string> | null,
  template: BoardTemplate,
): Record<ItemStatus, string> {
  const needed = statusesFor(template.cards);
  if (given === null) return { ...DEFAULT_STATUS_MAPPING };
  const mapping: Partial<Record<ItemStatus, string>> = {};
  for (const [rawKey, rawValue] of Object.entries(given)) {
    const key = rawKey.trim().toLowerCase().replace(/[- ]/g, '_');
    if (!(ALL_STATUSES as readonly string[]).includes(key)) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `status-mapping names ${quote(rawKey)}, which is not an orchestrator status.`,
        `Map only orchestrator statuses: ${ALL_STATUSES.join(', ')}.`,
      );
    }
    const column = rawValue.trim();
    if (column === '' || column.length > 100) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `status-mapping maps ${quote(rawKey)} to ${quote(rawValue)}; a column name needs 1 to 100 characters.`,
        'Give each status the name of its column, e.g. in_progress=In Progress.',
      );
    }
    mapping[key as ItemStatus] = column;
  }
  const missing = needed.filter((status) => mapping[status] === undefined);
  if (missing.length > 0) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `status-mapping leaves ${missing.length === 1 ? 'a status' : `${missing.length} statuses`} of ${template.type} cards unmapped: ${missing.join(', ')}.`,
      `Map every status of the board's cards (${needed.join(', ')}), e.g. ${missing.map((status) => `${status}=${DEFAULT_STATUS_MAPPING[status]}`).join(', ')}; or leave status-mapping empty for the default.`,
    );
  }
  return { ...DEFAULT_STATUS_MAPPING, ...mapping };
}

/** The Status options the board needs: the template's columns that are used, in board order, then the mapping's others. */
export function boardColumns(template: BoardTemplate, mapping: Record<ItemStatus, string>): string[] {
  const used = statusesFor(template.cards).map((status) => mapping[status]);
  const key = (name: string) => name.toLowerCase();
  const usedKeys = new Set(used.map(key));
  const columns = template.columns.filter((column) => usedKeys.has(key(column)));
  for (const column of used) if (!columns.some((known) => key(known) === key(column))) columns.push(column);
  return columns;
}
