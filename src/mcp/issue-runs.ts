/**
 * One issue-sync run for a tool call, through the same engine and with the same scopes as the CLI's item commands,
 * reported item by item (the CLI's `--json` items) with the run's counts.
 */
import { itemResults, type ItemResult } from '../cli/items.js';
import { executeIssueSync, type ExecuteOptions } from '../engine/execute-issue-sync.js';
import type { SyncOutcome, SyncScope } from '../engine/sync.js';
import type { CallContext } from './capabilities.js';
import { failureReport, type ToolReport } from './results.js';

export interface IssueCall {
  /** The tool action, for the summary (`create_issue`). */
  action: string;
  scope: SyncScope;
  initialText?: string;
  prepare?: ExecuteOptions['prepare'];
}

export interface IssueCallResult {
  report: ToolReport;
  /** null when the run was disabled. */
  outcome: SyncOutcome | null;
}

export async function runIssueCall(context: CallContext, call: IssueCall): Promise<IssueCallResult> {
  const result = await executeIssueSync({
    inputs: context.inputs,
    configPath: context.configPath,
    env: context.env,
    cwd: context.cwd,
    log: context.log,
    runId: context.runId,
    onSecret: context.onSecret,
    scope: call.scope,
    ...(call.initialText !== undefined ? { initialText: call.initialText } : {}),
    ...(call.prepare ? { prepare: call.prepare } : {}),
  });
  if (result.kind === 'disabled') {
    return {
      report: {
        summary: `orchestrator-git is disabled (${result.reason}): nothing was done.`,
        data: { action: call.action, disabled: true, reason: result.reason },
      },
      outcome: null,
    };
  }
  const { config, outcome } = result;
  const items = itemResults(outcome);
  const data: Record<string, unknown> = {
    action: call.action,
    platform: config.platform,
    repository: outcome.repository,
    dryRun: outcome.dryRun,
    items,
    counts: outcome.counts,
  };
  const summary = summarise(
    `${call.action} on ${config.platform} ${outcome.repository}${outcome.dryRun ? ' (dry run: nothing was changed)' : ''}:`,
    items,
    outcome,
    call.scope.itemKeys !== null,
  );
  if (outcome.stoppedBy) return { report: { ...failureReport(outcome.stoppedBy, data), summary }, outcome };
  return { report: { summary, data, failed: outcome.counts.failed > 0 }, outcome };
}

function summarise(heading: string, items: ItemResult[], outcome: SyncOutcome, named: boolean): string {
  const lines = [heading];
  // A run over every item names each one it touched; the many without an issue are one line.
  const shown = named ? items : items.filter((item) => item.result !== 'skipped');
  for (const item of shown)
    lines.push(
      `- ${item.itemKey}: ${item.result}${item.issue ? ` #${item.issue.number} ${item.issue.url}` : ''}${item.detail ? ` (${item.detail})` : ''}`,
    );
  const hidden = items.length - shown.length;
  if (hidden > 0) lines.push(`- ${hidden} item${hidden === 1 ? '' : 's'} without an issue: skipped`);
  const { counts } = outcome;
  lines.push(
    `Created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}, failed ${counts.failed}.`,
  );
  return lines.join('\n');
}
