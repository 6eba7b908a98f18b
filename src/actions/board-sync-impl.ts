/** The board-sync action: reads inputs once, runs the board engine, and reports through outputs and the job summary. */
import * as core from '@actions/core';
import { BOARD_SYNC_SETTINGS } from '../board/config.js';
import { describeWrite } from '../board/plan.js';
import { ISSUE_SYNC_SETTINGS } from '../config/issue-sync.js';
import { executeBoardAction, type BoardOutcome, type ExecuteBoardOptions } from '../engine/board-sync.js';
import { runAction } from './entry.js';

export async function runBoardSyncAction(): Promise<void> {
  await runAction(async (log) => {
    const inputs: ExecuteBoardOptions['inputs'] = {};
    for (const name of [...Object.keys(ISSUE_SYNC_SETTINGS), ...Object.keys(BOARD_SYNC_SETTINGS)]) {
      const value = core.getInput(name);
      if (value !== '') (inputs as Record<string, unknown>)[name] = value;
    }
    const items = core.getInput('items');
    const result = await executeBoardAction({
      inputs,
      configPath: core.getInput('config') || null,
      env: process.env,
      cwd: process.cwd(),
      log,
      onSecret: (secret) => core.setSecret(secret),
      itemKeys: items.trim() ? items.split(/[\s,]+/).filter(Boolean) : null,
    });
    if (result.kind === 'disabled') {
      core.info(`orchestrator-git board-sync is disabled (${result.reason}): nothing to do.`);
      return;
    }
    if (result.kind === 'milestones') {
      const { counts } = result.outcome;
      for (const [name, value] of Object.entries(counts)) core.setOutput(name, String(value));
      core.setOutput('plan', JSON.stringify(result.outcome.plan));
      core.info(
        `Milestones: created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, reported ${counts.reported}.`,
      );
      if (counts.failed > 0) core.setFailed(`${counts.failed} milestone(s) failed; see the log.`);
      return;
    }
    const { outcome } = result;
    for (const [name, value] of Object.entries(outcome.counts)) core.setOutput(name, String(value));
    core.setOutput('board-url', outcome.board?.url ?? '');
    core.setOutput('board-number', outcome.board ? String(outcome.board.number) : '');
    core.setOutput('plan', JSON.stringify(outcome.plan));
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(boardSummary(outcome)).write();
    const { counts } = outcome;
    core.info(
      `Added ${counts.added}, moved ${counts.moved}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, without issue ${counts.skipped}.`,
    );
    if (counts.failed > 0)
      core.setFailed(
        `${counts.failed} card(s) failed; the others were synced. See the log and the job summary.`,
      );
  });
}

/** The job summary: the board, the counts, and what changed (Markdown, untrusted text escaped). */
export function boardSummary(outcome: BoardOutcome): string {
  const cell = (text: string) =>
    text.replace(/[|\r\n]/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
  const { counts } = outcome;
  const lines = [
    `## orchestrator-git board-sync${outcome.dryRun ? ' (dry run)' : ''}`,
    '',
    outcome.board
      ? `Board: [${cell(outcome.board.title)}](${outcome.board.url})${outcome.created ? ' (created)' : ''}`
      : 'Board: to be created',
    '',
    '| added | moved | updated | unchanged | failed | without issue |',
    '|---|---|---|---|---|---|',
    `| ${counts.added} | ${counts.moved} | ${counts.updated} | ${counts.unchanged} | ${counts.failed} | ${counts.skipped} |`,
  ];
  if (outcome.plan.cards.length > 0) {
    lines.push('', '| item | change |', '|---|---|');
    for (const operation of outcome.plan.cards.slice(0, 200)) {
      const values = operation.writes
        .map((write) => `${write.field} → ${describeWrite(write.value)}`)
        .join(', ');
      lines.push(
        `| ${cell(operation.itemKey)} | ${cell(operation.kind === 'addCard' ? `added: ${values}` : values)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export const run = runBoardSyncAction;
