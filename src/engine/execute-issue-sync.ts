/** One issue-sync run from raw settings to outcome, shared by the action and the CLI: config, state, adapter, engine. */
import type { IssueSyncConfig, RawSettings } from '../config/issue-sync.js';
import { notifyIssueSync, type DeliveryResult } from '../notify/index.js';
import { createIssueTracker } from '../platforms/index.js';
import type { IssueTracker } from '../platforms/types.js';
import type { StateStore } from '../state/store.js';
import type { Logger } from './logger.js';
import { openRun } from './open-run.js';
import { runIssueSync, type SyncOutcome, type SyncScope } from './sync.js';

export interface ExecuteOptions {
  /** Action inputs or CLI flags (highest precedence); empty values count as not given. */
  inputs: RawSettings;
  /** Path of the config file, if one was named. */
  configPath: string | null;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: Logger;
  runId: string;
  /** Called with the token (and any webhook URL) as soon as it is known, so the runner masks it in every later log line. */
  onSecret?: (secret: string) => void;
  /** How long a notification webhook may take to answer (default 10 s). */
  notifyTimeoutMs?: number;
  /** Sync only these items (the CLI's item commands). */
  scope?: SyncScope;
  /** Free text placed below the managed block of the issues this run creates (instead of the config's template). */
  initialText?: string;
  /** Told after each applied operation: for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Called with the open store and tracker before the sync (the CLI's create-milestone prepares the state). */
  prepare?: (
    store: StateStore,
    tracker: IssueTracker,
    log: Logger,
    run: { dryRun: boolean },
  ) => Promise<void>;
}

export type ExecuteResult =
  | { kind: 'disabled'; reason: string }
  | {
      kind: 'synced';
      config: IssueSyncConfig;
      outcome: SyncOutcome;
      /** What each configured notification webhook answered (empty when none is configured or nothing changed). */
      notifications?: DeliveryResult[];
    };

export async function executeIssueSync(options: ExecuteOptions): Promise<ExecuteResult> {
  const { inputs, env, cwd, log } = options;
  const opened = await openRun({
    shared: inputs,
    configPath: options.configPath,
    env,
    cwd,
    log,
    ...(options.onSecret ? { onSecret: options.onSecret } : {}),
    job: 'issue-sync',
  });
  if (opened.kind === 'disabled') return opened;
  const { store, config, stateFile, featuresDir } = opened;
  try {
    log.info(
      `State: ${stateFile} (${store.state.generation}: ${store.state.tasks.length} tasks, ${store.state.features.length} features${featuresDir ? ` from ${featuresDir}` : ''})`,
    );
    for (const warning of store.state.warnings.slice(0, 50)) log.warning(`State: ${warning.message}`);
    if (store.state.warnings.length > 50)
      log.warning(`State: ${store.state.warnings.length - 50} more warnings`);

    const tracker = await createIssueTracker(config, (message) => log.warning(message));
    await options.prepare?.(store, tracker, log, { dryRun: config.dryRun });
    const outcome = await runIssueSync({
      store,
      tracker,
      policy:
        options.initialText === undefined
          ? config.policy
          : { ...config.policy, issueTemplate: options.initialText },
      ...(options.scope ? { scope: options.scope } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      dryRun: config.dryRun,
      runId: options.runId,
      log,
      reconcile: config.reconcile,
    });
    // After the sync, and never its failure: a notifier's problem is a warning (see src/notify/deliver.ts).
    const notifications = await notifyIssueSync(outcome, config.notifications, env, log, {
      ...(options.notifyTimeoutMs !== undefined ? { timeoutMs: options.notifyTimeoutMs } : {}),
    });
    return { kind: 'synced', config, outcome, notifications };
  } finally {
    store.close();
  }
}
