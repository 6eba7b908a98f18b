/** The issue-sync action: reads inputs once, runs the shared engine, and reports through outputs and the job summary. */
import * as core from '@actions/core';
import { ISSUE_SYNC_SETTINGS, type RawSettings, type SettingName } from '../config/issue-sync.js';
import { executeIssueSync } from '../engine/execute-issue-sync.js';
import { describeOperation } from '../engine/sync.js';
import { planJson, renderSummary } from '../report/summary.js';
import { actionRunId, runAction } from './entry.js';

export async function runIssueSyncAction(): Promise<void> {
  await runAction(async (log) => {
    const inputs: RawSettings = {};
    for (const name of Object.keys(ISSUE_SYNC_SETTINGS) as SettingName[]) {
      const value = core.getInput(name);
      if (value !== '') inputs[name] = value;
    }
    const result = await executeIssueSync({
      inputs,
      configPath: core.getInput('config') || null,
      env: process.env,
      cwd: process.cwd(),
      log,
      runId: actionRunId(),
      onSecret: (secret) => core.setSecret(secret),
    });
    if (result.kind === 'disabled') {
      core.info(`orchestrator-git issue-sync is disabled (${result.reason}): nothing to do.`);
      return;
    }
    const { outcome } = result;
    if (outcome.dryRun) {
      await log.group(`Plan: ${outcome.plan.operations.length} operations`, async () => {
        for (const operation of outcome.plan.operations)
          core.info(`${describeOperation(operation)} (${operation.reason})`);
      });
    }
    for (const [name, value] of Object.entries(outcome.counts)) core.setOutput(name, String(value));
    core.setOutput('plan', planJson(outcome.plan));
    core.setOutput('links', JSON.stringify(outcome.links));
    core.setOutput('state-changed', String(outcome.stateSaved));
    core.setOutput('state-file', result.config.stateFile);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(outcome)).write();
    const { counts } = outcome;
    core.info(
      `Created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}, failed ${counts.failed}.`,
    );
    if (outcome.stoppedBy) {
      core.setFailed(outcome.stoppedBy.describe());
    } else if (counts.failed > 0) {
      core.setFailed(
        `${counts.failed} item(s) failed to sync; the others were synced. See the log and the job summary.`,
      );
    }
  });
}

/** The `run()` that @github/local-action and the actions/typescript-action layout expect. */
export const run = runIssueSyncAction;
