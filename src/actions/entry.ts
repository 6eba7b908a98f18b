/** What the three actions' entries share: the start of a run, its id, and how a run that threw fails the step. */
import * as core from '@actions/core';
import type { Logger } from '../engine/logger.js';
import { isOrchestratorGitError } from '../errors.js';
import { preferBaselineWasm } from '../state/sqlite.js';
import { actionsLogger } from './logger.js';

/**
 * Runs an action's body: V8's baseline WebAssembly for sql.js first (docs/benchmarks.md), then the body with the
 * Actions logger; a catalogue error fails the step with its message and fix, anything else with its stack.
 */
export async function runAction(body: (log: Logger) => Promise<void>): Promise<void> {
  preferBaselineWasm();
  try {
    await body(actionsLogger());
  } catch (error) {
    core.setFailed(
      isOrchestratorGitError(error)
        ? error.describe()
        : `Unexpected error: ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
}

/** The workflow run and attempt (`1234-1`), or a local id outside Actions: names the run in the state's journal. */
export function actionRunId(): string {
  const id = process.env.GITHUB_RUN_ID;
  return id ? `${id}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}` : `local-${Date.now().toString(36)}`;
}
