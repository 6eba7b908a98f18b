/**
 * orchestrator_project_board_manager's actions on the board engine (executeBoardAction), the way `orchestrator-git board
 * create|add|move|progress|milestones` runs them, reported card by card (milestone by milestone for sync_milestones):
 * the board and its URL, what happened to each card, and the counts.
 */
import type { BoardRawSettings } from '../board/config.js';
import { BOARD_ACTIONS as ENGINE_BOARD_ACTIONS, describeWrite, type CardOperation } from '../board/plan.js';
import type { RawSettings } from '../config/issue-sync.js';
import { executeBoardAction, type BoardOutcome } from '../engine/board-sync.js';
import type { MilestoneOutcome } from '../engine/milestone-sync.js';
import type { Logger } from '../engine/logger.js';
import { OrchestratorGitError } from '../errors.js';
import type { BoardRequest, CallContext } from './capabilities.js';
import { withNotes, type ToolReport } from './results.js';
import type { BoardAction } from './tools.js';

/** Lines of cards the text shows; structuredContent.cards has them all. */
const MAX_CARD_LINES = 30;

export type CardResultKind =
  | 'added'
  | 'moved'
  | 'updated'
  | 'unchanged'
  | 'skipped'
  | 'failed'
  | 'would add'
  | 'would move'
  | 'would update';

/** One card as a tool call reports it. */
export interface CardResult {
  itemKey: string;
  result: CardResultKind;
  /** The column the card is (or would be) put in, when this call writes its Status. */
  column: string | null;
  /** Field name → the value written (or to be written). */
  values: Record<string, string>;
  /** Why it was skipped, or the error. */
  detail: string | null;
}

/** Whether the board engine has an action of this name. */
export function boardEngineHas(action: BoardAction): boolean {
  return (ENGINE_BOARD_ACTIONS as readonly string[]).includes(action);
}

export async function runBoardAction(request: BoardRequest, context: CallContext): Promise<ToolReport> {
  if (!boardEngineHas(request.action)) {
    throw new OrchestratorGitError(
      'NOT_SUPPORTED',
      `The board engine has no ${request.action} action in this version.`,
      'Serve the action with an engine that has it (src/mcp/capabilities.ts).',
    );
  }
  const notes: string[] = [];
  let itemKeys: string[] | null = request.itemKeys.length > 0 ? request.itemKeys : null;
  if (request.action === 'sync_milestones' && itemKeys) {
    notes.push(
      `task_id/feature_id were not used: sync_milestones keeps every release milestone of release_milestones in step, not cards.`,
    );
    itemKeys = null;
  }
  if (request.action === 'create_board' && itemKeys) {
    notes.push(
      `task_id/feature_id were not used: create_board sets the board up and adds no card (add_to_board adds ${itemKeys.join(', ')}).`,
    );
    itemKeys = null;
  }
  const inputs: RawSettings & BoardRawSettings = {
    ...context.inputs,
    'board-action': request.action,
    ...(request.boardType ? { 'board-type': request.boardType } : {}),
    ...(request.statusMapping ? { 'status-mapping': JSON.stringify(request.statusMapping) } : {}),
    ...(request.boardTitle ? { 'board-title': request.boardTitle } : {}),
  };
  const log = deferredWarnings(context.log);
  let result;
  try {
    result = await executeBoardAction({
      inputs,
      configPath: context.configPath,
      env: context.env,
      cwd: context.cwd,
      log: log.logger,
      onSecret: context.onSecret,
      itemKeys,
    });
  } catch (error) {
    log.flush(new Set());
    throw error;
  }
  if (result.kind === 'disabled') {
    log.flush(new Set());
    return {
      summary: `orchestrator-git is disabled (${result.reason}): nothing was done.`,
      data: { action: request.action, disabled: true, reason: result.reason },
    };
  }
  if (result.kind === 'milestones') {
    log.flush(new Set());
    return withNotes(
      milestonesReport(result.config.platform, result.config.repository, result.outcome),
      notes,
    );
  }
  const { outcome, config, settings } = result;
  const allCards = cardResults(outcome);
  // A card skipped is in the cards (with why); its warning goes to the server's log only, not into the answer again.
  log.flush(new Set(allCards.filter((card) => card.result === 'skipped').map((card) => card.itemKey)));
  // create_board touches no card: the cards it looked at are not news.
  const cards = request.action === 'create_board' ? [] : allCards;
  const data: Record<string, unknown> = {
    action: request.action,
    platform: config.platform,
    repository: outcome.repository,
    dryRun: outcome.dryRun,
    boardType: settings.template.type,
    board: outcome.board ?? { title: settings.title, number: null, url: null },
    created: outcome.created,
    columns: settings.columns,
    cards,
    counts: outcome.counts,
    requests: { reads: outcome.stats.reads, writes: outcome.stats.writes },
  };
  const report: ToolReport = {
    summary: summarise(
      request.action,
      config.platform,
      outcome,
      settings.title,
      cards,
      itemKeys !== null,
      settings.columns,
    ),
    data,
    failed: outcome.counts.failed > 0,
  };
  return withNotes(report, notes);
}

/** sync_milestones: the platform's milestones against release_milestones, milestone by milestone. */
function milestonesReport(platform: string, repository: string, outcome: MilestoneOutcome): ToolReport {
  const milestones: { title: string; result: string; detail: string | null }[] = [];
  const planned = [
    ...outcome.plan.create.map((milestone) => ({
      title: milestone.title,
      kind: 'create' as const,
      reason: null,
    })),
    ...outcome.plan.update.map((update) => ({
      title: update.title,
      kind: 'update' as const,
      reason: update.reason,
    })),
  ];
  for (const { title, kind, reason } of planned) {
    const done = outcome.results.find((result) => result.title === title && result.kind === kind);
    if (outcome.dryRun) milestones.push({ title, result: `would ${kind}`, detail: reason });
    else if (done?.status === 'done') milestones.push({ title, result: `${kind}d`, detail: reason });
    else
      milestones.push({
        title,
        result: done?.status ?? 'failed',
        detail: done?.error ?? 'not written: the run stopped before this milestone',
      });
  }
  for (const title of outcome.plan.unchanged) milestones.push({ title, result: 'unchanged', detail: null });
  const lines = [
    `sync_milestones on ${platform} ${repository}${outcome.dryRun ? ' (dry run: nothing was changed)' : ''}:`,
    ...milestones.map(
      (milestone) =>
        `- ${JSON.stringify(milestone.title)}: ${milestone.result}${milestone.detail ? ` (${milestone.detail})` : ''}`,
    ),
  ];
  const { counts } = outcome;
  lines.push(
    `Created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, reported ${counts.reported}.`,
  );
  return {
    summary: lines.join('\n'),
    data: {
      action: 'sync_milestones',
      platform,
      repository,
      dryRun: outcome.dryRun,
      milestones,
      counts,
      requests: { reads: outcome.stats.reads, writes: outcome.stats.writes },
    },
    failed: counts.failed > 0,
  };
}

/** Every card the run touched or looked at, in the plan's order: written, unchanged, then skipped. */
export function cardResults(outcome: BoardOutcome): CardResult[] {
  const cards: CardResult[] = [];
  for (const operation of outcome.plan.cards) {
    const done = outcome.results.find(
      (result) => result.itemKey === operation.itemKey && result.kind === operation.kind,
    );
    const column = columnOf(operation);
    const values = Object.fromEntries(
      operation.writes.map((write) => [write.field, describeWrite(write.value)]),
    );
    const kind = operation.kind === 'addCard' ? 'add' : column !== null ? 'move' : 'update';
    if (outcome.dryRun) {
      cards.push({ itemKey: operation.itemKey, result: `would ${kind}`, column, values, detail: null });
    } else if (!done || done.status === 'failed') {
      cards.push({
        itemKey: operation.itemKey,
        result: 'failed',
        column,
        values,
        detail: done?.error ?? 'not written: the run stopped before this card',
      });
    } else {
      const result = kind === 'add' ? 'added' : kind === 'move' ? 'moved' : 'updated';
      cards.push({ itemKey: operation.itemKey, result, column, values, detail: null });
    }
  }
  for (const itemKey of outcome.plan.unchanged)
    cards.push({ itemKey, result: 'unchanged', column: null, values: {}, detail: null });
  for (const note of outcome.plan.notes) {
    if (note.itemKey === null) continue;
    cards.push({ itemKey: note.itemKey, result: 'skipped', column: null, values: {}, detail: note.message });
  }
  return cards;
}

function columnOf(operation: CardOperation): string | null {
  const status = operation.writes.find((write) => write.role === 'status');
  return status ? describeWrite(status.value) : null;
}

function summarise(
  action: BoardAction,
  platform: string,
  outcome: BoardOutcome,
  title: string,
  cards: CardResult[],
  named: boolean,
  columns: string[],
): string {
  const board = outcome.board
    ? `board ${JSON.stringify(outcome.board.title)} ${outcome.board.url}${outcome.created ? ' (created)' : ''}`
    : `board ${JSON.stringify(title)} (${outcome.dryRun ? 'to be created' : 'not created'})`;
  const lines = [
    `${action} on ${platform} ${outcome.repository}, ${board}${outcome.dryRun ? ' (dry run: nothing was changed)' : ''}:`,
  ];
  // A run over every card names each one it wrote; unchanged and skipped cards are counted.
  const shown = named
    ? cards
    : cards.filter((card) => card.result !== 'unchanged' && card.result !== 'skipped');
  for (const card of shown.slice(0, MAX_CARD_LINES)) {
    const values = Object.entries(card.values)
      .map(([field, value]) => `${field}=${value}`)
      .join(', ');
    lines.push(
      `- ${card.itemKey}: ${card.result}${card.column ? ` → ${card.column}` : ''}${values ? ` (${values})` : ''}${card.detail ? ` (${card.detail})` : ''}`,
    );
  }
  if (shown.length > MAX_CARD_LINES)
    lines.push(`- … and ${shown.length - MAX_CARD_LINES} more (structuredContent.cards lists every card)`);
  if (action === 'create_board') {
    lines.push(`Columns: ${columns.join(', ')}; no card added (add_to_board adds them).`);
    return lines.join('\n');
  }
  const { counts } = outcome;
  lines.push(
    `Added ${counts.added}, moved ${counts.moved}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, skipped ${counts.skipped}.`,
  );
  return lines.join('\n');
}

/**
 * The board engine warns once per card it skips ("task:7: has no issue yet …"); those become the card's `skipped`
 * result, so they are held back and, after the run, logged as info; every other warning is passed on as a warning.
 */
function deferredWarnings(log: Logger): { logger: Logger; flush: (skipped: Set<string>) => void } {
  const held: string[] = [];
  return {
    logger: { ...log, warning: (message) => held.push(message) },
    flush(skipped) {
      for (const message of held.splice(0)) {
        const itemKey = message.slice(0, Math.max(0, message.indexOf(': ')));
        if (skipped.has(itemKey)) log.info(message);
        else log.warning(message);
      }
    },
  };
}
