/**
 * `orchestrator-git doctor`: checks, in order, everything a sync needs (config, state file, settings, token, the
 * repository and what the token may do there) and prints each problem with its fix. Changes nothing.
 */
import path from 'node:path';
import { loadConfigFile, locateFeaturesDir, locateStateFile } from '../config/file.js';
import { resolveIssueSyncConfig, settingsFromConfigRow, type RawSettings } from '../config/issue-sync.js';
import { OrchestratorGitError } from '../errors.js';
import { createIssueTracker } from '../platforms/index.js';
import type { AccessCheck } from '../platforms/types.js';
import { BOARD_SYNC_SETTINGS, resolveBoardSettings } from '../board/config.js';
import { withFileDefaults } from '../config/file-keys.js';
import type { IssueSyncConfig } from '../config/issue-sync.js';
import { createBoardTracker } from '../platforms/boards.js';
import { createReleasePublisher } from '../platforms/releases.js';
import { openStateStore } from '../state/store.js';

export type DoctorJob = 'issue-sync' | 'board-sync' | 'release';
export const DOCTOR_JOBS: readonly DoctorJob[] = ['issue-sync', 'board-sync', 'release'];

export interface DoctorOptions {
  inputs: RawSettings;
  /** The jobs to check for (default issue-sync): board-sync adds the board, release adds tags and releases. */
  jobs?: readonly DoctorJob[];
  configPath: string | null;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface DoctorReport {
  ready: boolean;
  checks: AccessCheck[];
}

function failed(name: string, error: unknown): AccessCheck {
  return error instanceof OrchestratorGitError
    ? { name, ok: false, detail: `${error.code}: ${error.message}`, fix: error.fix }
    : { name, ok: false, detail: String(error), fix: 'Unexpected; report it with this output.' };
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { inputs, env, cwd } = options;
  const checks: AccessCheck[] = [];
  const done = (): DoctorReport => ({ ready: checks.every((check) => check.ok), checks });
  const given = (name: keyof RawSettings): string | null => {
    const value = inputs[name];
    return typeof value === 'string' && value !== '' ? value : null;
  };

  let fileSettings: RawSettings;
  try {
    const loaded = loadConfigFile(options.configPath, cwd);
    fileSettings = loaded.settings;
    checks.push({
      name: 'config file',
      ok: true,
      detail: loaded.file ? `${loaded.file} is valid` : 'none (inputs, the state and defaults only)',
      fix: null,
    });
  } catch (error) {
    checks.push(failed('config file', error));
    return done();
  }

  const stateFile = locateStateFile(
    given('state-file') ?? (fileSettings['state-file'] as string | undefined) ?? null,
    cwd,
  );
  const featuresDir = locateFeaturesDir(
    given('features-dir') ?? (fileSettings['features-dir'] as string | undefined) ?? null,
    cwd,
  );
  let store;
  try {
    store = await openStateStore({
      stateFile: path.resolve(cwd, stateFile),
      featuresDir: featuresDir ? path.resolve(cwd, featuresDir) : null,
    });
  } catch (error) {
    checks.push(failed('state file', error));
    return done();
  }
  try {
    const { state } = store;
    const warnings = state.warnings.length;
    checks.push({
      name: 'state file',
      ok: true,
      detail: `${stateFile}: ${state.generation}, ${state.tasks.length} tasks, ${state.features.length} features${featuresDir ? ` (from ${featuresDir})` : ''}${warnings ? `; ${warnings} warnings (shown by sync)` : ''}`,
      fix: null,
    });

    let config;
    try {
      config = resolveIssueSyncConfig({
        inputs: { ...inputs, 'state-file': stateFile },
        configRow: settingsFromConfigRow(state.config, env),
        file: fileSettings,
        env,
        issueTemplate: state.config?.issueTemplate ?? null,
        cwd,
      });
    } catch (error) {
      checks.push(failed('settings', error));
      return done();
    }
    if (!config.enabled) {
      checks.push({
        name: 'settings',
        ok: false,
        detail:
          'orchestrator-git is disabled (enabled: false, or auto_sync_enabled = 0 in the state): runs do nothing',
        fix: 'Set enabled to true (or auto_sync_enabled = 1 in git_integration_config) when you want it to run.',
      });
      return done();
    }
    checks.push({
      name: 'settings',
      ok: true,
      detail: `${config.platform} ${config.repository} at ${config.apiUrl}, token given`,
      fix: null,
    });

    const tracker = await createIssueTracker(config, () => undefined);
    checks.push(...(await tracker.checkAccess()));
    const jobs = options.jobs ?? ['issue-sync'];
    if (checks.every((check) => check.ok) && jobs.includes('board-sync')) {
      checks.push(await boardCheck(config, inputs, fileSettings));
    }
    if (checks.every((check) => check.ok) && jobs.includes('release')) {
      const publisher = await createReleasePublisher(config, () => undefined);
      checks.push(
        ...(publisher.checkAccess
          ? await publisher.checkAccess()
          : [
              {
                name: 'tags and releases',
                ok: true,
                detail: `${config.platform}: the first release run checks the token's right to push tags`,
                fix: null,
              },
            ]),
      );
    }
    return done();
  } finally {
    store.close();
  }
}

/** The board board-sync would use: found (or to be created), or why the token cannot reach it. */
async function boardCheck(
  config: IssueSyncConfig,
  inputs: RawSettings,
  fileSettings: RawSettings,
): Promise<AccessCheck> {
  try {
    const settings = resolveBoardSettings(
      withFileDefaults(inputs as Record<string, unknown>, fileSettings, Object.keys(BOARD_SYNC_SETTINGS)),
      config.repository,
    );
    // The settings name the board as the run does (owner, title or number, GitLab's scope and milestone).
    const board = await createBoardTracker(config, settings, () => undefined);
    const found = await board.readBoard();
    return {
      name: 'board',
      ok: true,
      detail: found
        ? `the board ${JSON.stringify(settings.title)} can be read`
        : `no board ${JSON.stringify(settings.title)} yet: board-sync creates it`,
      fix: null,
    };
  } catch (error) {
    return failed('board', error);
  }
}

/** The report as lines for a terminal or a CI log. */
export function formatDoctorReport(report: DoctorReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${check.ok ? '✓' : '✗'} ${check.name}: ${check.detail}`);
    if (check.fix) lines.push(`  how to fix: ${check.fix}`);
  }
  lines.push(
    report.ready
      ? 'Ready: the next sync can run.'
      : 'Not ready: fix the problem above and run doctor again (later checks depend on it).',
  );
  return `${lines.join('\n')}\n`;
}
