/**
 * The start every job shares (issue-sync, board-sync, release): decide whether the run is enabled, find the config
 * file, the state file and the features folder, open the state, resolve the shared settings, and mask the secrets.
 */
import path from 'node:path';
import { loadConfigFile, locateFeaturesDir, locateStateFile } from '../config/file.js';
import {
  resolveIssueSyncConfig,
  settingsFromConfigRow,
  type IssueSyncConfig,
  type RawSettings,
} from '../config/issue-sync.js';
import { parseBoolean } from '../config/values.js';
import { readAutoSyncEnabled } from '../state/auto-sync.js';
import { openStateStore, type StateStore } from '../state/store.js';
import type { Logger } from './logger.js';

export interface OpenRunOptions {
  /** The shared settings among the job's inputs (highest precedence); empty values count as not given. */
  shared: RawSettings;
  configPath: string | null;
  env: NodeJS.ProcessEnv;
  cwd: string;
  log: Logger;
  /** Called with the token and any webhook URL as soon as they are known, so the runner masks them. */
  onSecret?: (secret: string) => void;
  /**
   * The job: issue-sync also takes the state's issue template (the text below new issues' blocks) and reads the files
   * its settings name (label-rules); the others use only the shared platform settings.
   */
  job: 'issue-sync' | 'board-sync' | 'release';
}

export interface OpenedRun {
  store: StateStore;
  config: IssueSyncConfig;
  /** The config file's settings (every job's), for the job's own settings. */
  fileSettings: RawSettings;
  /** The state file as located (relative to cwd when found there), and its absolute path. */
  stateFile: string;
  statePath: string;
  featuresDir: string | null;
}

export type OpenRunResult = { kind: 'disabled'; reason: string } | ({ kind: 'open' } & OpenedRun);

/**
 * Opens a run, or says why it is disabled: the `enabled` input, else the state's `auto_sync_enabled` (read on its
 * own, without reading any task), else the config file's `enabled`, and last the resolved setting. Disabled costs no
 * API call. The caller closes `store`.
 */
export async function openRun(options: OpenRunOptions): Promise<OpenRunResult> {
  const { shared, env, cwd, log } = options;
  const given = (name: keyof RawSettings) => {
    const value = shared[name];
    return value === undefined || value === null || value === '' ? null : value;
  };
  const inputEnabled = given('enabled');
  if (inputEnabled !== null && !parseBoolean(inputEnabled, 'enabled', 'input')) {
    return { kind: 'disabled', reason: 'the enabled input is false' };
  }

  const { file: configFile, settings: fileSettings } = loadConfigFile(options.configPath, cwd);
  if (configFile) log.info(`Config file: ${configFile}`);
  const stateFile = locateStateFile(
    (given('state-file') as string | null) ?? (fileSettings['state-file'] as string | undefined) ?? null,
    cwd,
  );
  const statePath = path.resolve(cwd, stateFile);

  if (inputEnabled === null) {
    const rowEnabled = await readAutoSyncEnabled(statePath);
    if (rowEnabled === false)
      return { kind: 'disabled', reason: "auto_sync_enabled is 0 in the state's git_integration_config" };
    if (
      rowEnabled === null &&
      fileSettings.enabled !== undefined &&
      !parseBoolean(fileSettings.enabled, 'enabled', 'config file')
    ) {
      return { kind: 'disabled', reason: `enabled is false in ${configFile ?? 'the config file'}` };
    }
  }

  const featuresDir = locateFeaturesDir(
    (given('features-dir') as string | null) ?? (fileSettings['features-dir'] as string | undefined) ?? null,
    cwd,
  );
  const store = await openStateStore({
    stateFile: statePath,
    featuresDir: featuresDir ? path.resolve(cwd, featuresDir) : null,
  });
  try {
    const config = resolveIssueSyncConfig({
      inputs: { ...shared, 'state-file': stateFile },
      configRow: settingsFromConfigRow(store.state.config, env),
      file: fileSettings,
      env,
      ...(options.job === 'issue-sync'
        ? { issueTemplate: store.state.config?.issueTemplate ?? null, cwd }
        : { issueTemplate: null }),
    });
    options.onSecret?.(config.token);
    for (const url of [config.notifications.slackWebhookUrl, config.notifications.teamsWebhookUrl])
      if (url) options.onSecret?.(url);
    if (!config.enabled) {
      store.close();
      return { kind: 'disabled', reason: 'enabled resolves to false' };
    }
    return { kind: 'open', store, config, fileSettings, stateFile, statePath, featuresDir };
  } catch (error) {
    store.close();
    throw error;
  }
}
