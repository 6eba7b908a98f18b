/**
 * orchestrator_git_integration: each action is the CLI command of the same name (create-issue, update-issue,
 * sync-status, link-task, create-milestone) on the same engine; the parts of `issue_config` the orchestrator owns
 * are reported when they disagree with it, never silently dropped.
 */
import { OrchestratorGitError, quote } from '../errors.js';
import { boardHandler, type Capabilities, type CallContext } from './capabilities.js';
import { runIssueCall, type IssueCall } from './issue-runs.js';
import { runMilestoneCall } from './milestone-call.js';
import { failureReport, withNotes, type ToolReport } from './results.js';
import type { GitIntegrationArgs } from './tools.js';

export async function runGitIntegration(
  args: GitIntegrationArgs,
  context: CallContext,
  capabilities: Capabilities,
): Promise<ToolReport> {
  const config = args.issue_config ?? {};
  const itemKeys = itemKeysOf(args);
  if (args.action === 'create_milestone') return createMilestone(args, context);
  if (config.milestone !== undefined) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `issue_config.milestone ${quote(config.milestone)} cannot be set on one issue: an issue's milestone is its feature's release, recorded in release_milestones.`,
      `Record the release and its features with action create_milestone (issue_config.milestone ${quote(config.milestone)}, feature_id), or orchestrator_release_coordinator create_milestone (release_version, included_features); the issues of those features then get the milestone.`,
    );
  }
  if (args.issue_number !== undefined && args.action !== 'link_task') {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `issue_number ${args.issue_number} only goes with action link_task, not ${args.action}.`,
      'Use action link_task to make that issue the item’s issue, or leave issue_number out.',
    );
  }
  const notes: string[] = [];
  const forCreatedIssues = (['body', 'labels', 'assignees'] as const).filter(
    (key) => config[key] !== undefined,
  );
  if (args.action !== 'create_issue' && forCreatedIssues.length > 0) {
    notes.push(
      `issue_config.${forCreatedIssues.join(', issue_config.')} ${forCreatedIssues.length === 1 ? 'was' : 'were'} not used: ${args.action} creates no issue, and ${forCreatedIssues.length === 1 ? 'it applies' : 'they apply'} only to the issue create_issue creates.`,
    );
  }

  const call = issueCall(args, itemKeys);
  const { report, outcome } = await runIssueCall(context, call);
  if (outcome && config.title !== undefined) {
    for (const item of outcome.items) {
      if (itemKeys.includes(item.itemKey) && item.title !== config.title.trim()) {
        notes.push(
          `issue_config.title ${quote(config.title)} was not used: the orchestrator owns the title of ${item.itemKey} (${quote(item.title)}); rename it in the orchestrator to change the issue's title.`,
        );
      }
    }
  }
  let result = withNotes(report, notes);
  if (config.project_board !== undefined && outcome && !report.error)
    result = await addToBoard(result, config.project_board, itemKeys, context, capabilities);
  return result;
}

function issueCall(args: GitIntegrationArgs, itemKeys: string[]): IssueCall {
  const config = args.issue_config ?? {};
  switch (args.action) {
    case 'create_issue':
      requireItems(args.action, itemKeys);
      return {
        action: args.action,
        scope: {
          itemKeys,
          createIssues: true,
          extraLabels: config.labels ?? [],
          extraAssignees: config.assignees ?? [],
        },
        ...(config.body !== undefined ? { initialText: config.body } : {}),
      };
    case 'update_issue':
      requireItems(args.action, itemKeys);
      return { action: args.action, scope: { itemKeys, createIssues: false } };
    case 'sync_status':
      return {
        action: args.action,
        scope: { itemKeys: itemKeys.length > 0 ? itemKeys : null, createIssues: false },
      };
    case 'link_task': {
      const [itemKey, ...more] = itemKeys;
      if (!itemKey || more.length > 0 || args.issue_number === undefined) {
        throw new OrchestratorGitError(
          'CONFIG_INVALID',
          `link_task needs one item (task_id or feature_id${itemKeys.length > 1 ? ', not both' : ''}) and issue_number${args.issue_number === undefined ? ', which is missing' : ''}.`,
          'Give task_id (or feature_id) and issue_number, the number of the existing issue, e.g. {"action": "link_task", "task_id": "42", "issue_number": 17}.',
        );
      }
      return {
        action: args.action,
        scope: {
          itemKeys: [itemKey],
          createIssues: false,
          adopt: { itemKey, number: args.issue_number },
        },
      };
    }
    case 'create_milestone':
      throw new Error('create_milestone is not an issue call');
  }
}

async function createMilestone(args: GitIntegrationArgs, context: CallContext): Promise<ToolReport> {
  const name = args.issue_config?.milestone;
  if (name === undefined || args.task_id !== undefined) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      name === undefined
        ? 'create_milestone needs issue_config.milestone, the name of the milestone.'
        : `create_milestone takes the feature a release includes (feature_id), not a task (task_id ${quote(args.task_id)}).`,
      'Give issue_config.milestone (e.g. "v1.2.0"), and feature_id for a feature the release includes; due_on sets its date.',
    );
  }
  return runMilestoneCall(context, {
    action: args.action,
    name,
    dueOn: args.due_on ?? null,
    features: args.feature_id !== undefined ? [args.feature_id] : null,
  });
}

/** issue_config.project_board: the issues join that board through the add_to_board handler (the board engine). */
async function addToBoard(
  report: ToolReport,
  board: string,
  itemKeys: string[],
  context: CallContext,
  capabilities: Capabilities,
): Promise<ToolReport> {
  let handler;
  try {
    handler = boardHandler(capabilities, 'add_to_board');
  } catch (error) {
    const reason = error instanceof OrchestratorGitError ? error.message : String(error);
    return withNotes(report, [
      `issue_config.project_board ${quote(board)} was not used: ${reason.replace(/\.$/, '')}; the issue is not on a board.`,
    ]);
  }
  let added: ToolReport;
  try {
    added = await handler(
      { action: 'add_to_board', boardType: null, itemKeys, statusMapping: null, boardTitle: board },
      context,
    );
  } catch (error) {
    added = failureReport(error);
  }
  const failure = added.error
    ? `issue_config.project_board ${quote(board)}: ${added.error.code}: ${added.error.message}\nHow to fix: ${added.error.fix}`
    : '';
  return {
    ...report,
    summary: [report.summary, added.summary, failure].filter(Boolean).join('\n'),
    data: { ...report.data, board: added.error ? { ...added.data, error: added.error } : added.data },
    failed: Boolean(report.failed || added.failed || added.error),
  };
}

function requireItems(action: string, itemKeys: string[]): void {
  if (itemKeys.length > 0) return;
  throw new OrchestratorGitError(
    'CONFIG_INVALID',
    `${action} needs the item: task_id or feature_id.`,
    `Give task_id (the orchestrator task's id) or feature_id (its Feature ID), e.g. {"action": "${action}", "task_id": "42"}.`,
  );
}

/** task_id and feature_id as item keys (`task:<id>`, `feature:<id>`); a key given whole is kept. */
export function itemKeysOf(args: {
  task_id?: string | undefined;
  feature_id?: string | undefined;
}): string[] {
  const keys: string[] = [];
  if (args.task_id !== undefined) keys.push(keyOf('task', args.task_id));
  if (args.feature_id !== undefined) keys.push(keyOf('feature', args.feature_id));
  return keys;
}

function keyOf(kind: 'task' | 'feature', id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith(`${kind}:`) ? trimmed : `${kind}:${trimmed}`;
}
