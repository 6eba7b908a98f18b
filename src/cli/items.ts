/** What happened to each item of a run, one line each: the report of the CLI's item commands. */
import type { SyncOutcome } from '../engine/sync.js';

export interface ItemResult {
  itemKey: string;
  /** created, updated, closed, reopened, unchanged, failed, skipped, conflict; `would …` in a dry run. */
  result: string;
  issue: { number: number; url: string } | null;
  detail: string | null;
}

export function itemResults(outcome: SyncOutcome): ItemResult[] {
  const byKey = new Map<string, ItemResult>();
  const set = (itemKey: string, result: Omit<ItemResult, 'itemKey'>) =>
    byKey.set(itemKey, { itemKey, ...result });
  const links = new Map(outcome.links.map((link) => [link.itemKey, { number: link.number, url: link.url }]));
  for (const link of outcome.plan.unchanged)
    set(link.itemKey, { result: 'unchanged', issue: { number: link.number, url: link.url }, detail: null });
  for (const note of outcome.plan.skipped)
    if (note.itemKey) set(note.itemKey, { result: 'skipped', issue: null, detail: note.message });
  for (const note of outcome.plan.conflicts) {
    if (!note.itemKey) continue;
    const issue = note.issueNumber === null ? null : (links.get(note.itemKey) ?? null);
    set(note.itemKey, { result: 'conflict', issue, detail: note.message });
  }
  if (outcome.dryRun) {
    for (const operation of outcome.plan.operations) {
      if (operation.kind === 'createIssue')
        set(operation.itemKey, { result: 'would create', issue: null, detail: operation.reason });
      else if (operation.kind === 'updateIssue')
        set(operation.itemKey, {
          result: `would ${operation.change === 'updated' ? 'update' : operation.change === 'closed' ? 'close' : 'reopen'}`,
          issue: { number: operation.number, url: operation.url },
          detail: operation.fields.join(', '),
        });
    }
  }
  for (const { operation, status, issue, error } of outcome.results) {
    if (operation.kind !== 'createIssue' && operation.kind !== 'updateIssue') continue;
    const result =
      status === 'done' ? (operation.kind === 'createIssue' ? 'created' : operation.change) : status;
    const known =
      issue ?? (operation.kind === 'updateIssue' ? { number: operation.number, url: operation.url } : null);
    set(operation.itemKey, {
      result,
      issue: known,
      detail:
        status === 'done' ? (operation.kind === 'updateIssue' ? operation.fields.join(', ') : null) : error,
    });
  }
  // Items in the run's scope that no list above names have no issue and were not planned (e.g. milestone only).
  return outcome.items.map(
    ({ itemKey }) =>
      byKey.get(itemKey) ?? { itemKey, result: 'unchanged', issue: links.get(itemKey) ?? null, detail: null },
  );
}
