/**
 * The release action: reads the inputs once, runs the release-coordinator's step (`action: plan | milestone |
 * changelog | tag`), and reports through outputs (version, tag, release URL, notes — for deployment jobs) and the job
 * summary.
 */
import * as core from '@actions/core';
import { RELEASE_ACTIONS, releaseSettingNames, type ReleaseAction } from '../release/config.js';
import { executeRelease } from '../release/engine.js';
import { planJson, renderPlanSummary } from '../release/summary.js';
import { actionRunId, runAction } from './entry.js';

export async function runReleaseAction(): Promise<void> {
  await runAction(async (log) => {
    const action = (core.getInput('action') || 'plan').trim() as ReleaseAction;
    if (!RELEASE_ACTIONS.includes(action)) {
      core.setFailed(
        `CONFIG_INVALID: action "${action.slice(0, 40)}" is not a release step.\nHow to fix: Use one of ${RELEASE_ACTIONS.join(', ')}.`,
      );
      return;
    }
    const inputs: Record<string, unknown> = {};
    for (const name of releaseSettingNames()) {
      const value = core.getInput(name);
      // The tag prefix may be set to empty on purpose (tags like 1.4.0).
      if (value !== '' || name === 'tag-prefix') inputs[name] = value;
    }
    const result = await executeRelease({
      action,
      inputs,
      configPath: core.getInput('config') || null,
      env: process.env,
      cwd: process.cwd(),
      log,
      runId: actionRunId(),
      onSecret: (secret) => core.setSecret(secret),
    });
    if (result.kind === 'disabled') {
      core.info(`orchestrator-git release is disabled (${result.reason}): nothing to do.`);
      return;
    }
    const { outputs } = result;
    core.setOutput('version', outputs.version ?? '');
    core.setOutput('tag', outputs.tag ?? '');
    core.setOutput('previous-tag', outputs.previousTag ?? '');
    core.setOutput('bump', outputs.bump ?? '');
    core.setOutput('notes', outputs.notes ?? '');
    core.setOutput('release-url', outputs.releaseUrl ?? '');
    core.setOutput('milestone', outputs.milestone ?? '');
    core.setOutput('changelog-file', outputs.changelogFile ?? '');
    core.setOutput('changelog-changed', String(outputs.changelogChanged));
    core.setOutput('state-changed', String(outputs.stateChanged));
    core.setOutput('features', JSON.stringify(outputs.features));
    core.setOutput('plan', planJson(result.plan));
    if (process.env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(renderPlanSummary(result.plan, result.report)).write();
    if (result.sync?.stoppedBy) core.setFailed(result.sync.stoppedBy.describe());
    else if (result.sync && result.sync.counts.failed > 0)
      core.setFailed(
        `${result.sync.counts.failed} issue(s) could not be assigned to the milestone; see the log.`,
      );
  });
}

/** The `run()` that @github/local-action expects. */
export const run = runReleaseAction;
