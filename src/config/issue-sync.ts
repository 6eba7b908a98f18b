/** Resolves issue-sync's settings once, at the edge: inputs / flags > config row > config file > defaults. */
import { DEFAULT_POLICY, type LabelDimension, type SyncPolicy } from '../core/policy.js';
import { OrchestratorGitError, quote } from '../errors.js';
import type { GitIntegrationConfigRow } from '../state/types.js';
import { FEATURE_STATUSES, parseBoolean, parseList, suggestKey, type SettingSource } from './values.js';

export interface IssueSyncConfig {
  enabled: boolean;
  dryRun: boolean;
  stateFile: string;
  featuresDir: string | null;
  repository: string;
  apiUrl: string;
  token: string;
  /** Minimum time between writes; null follows GitHub's guidance. */
  writeDelayMs: number | null;
  /** How much of the platform to read, `auto` resolved from the CI event. */
  reconcile: 'full' | 'incremental';
  policy: SyncPolicy;
}

/** Every setting by its input / flag / file name. Secrets are never read from a file. */
export const ISSUE_SYNC_SETTINGS = {
  enabled: {
    help: 'Run at all. false (or auto_sync_enabled = 0 in the state) exits before any network request.',
    default: 'true',
  },
  'dry-run': { help: 'Print the plan and change nothing.', default: 'false' },
  'state-file': {
    help: 'Path of the orchestrator SQLite database or its JSON export.',
    default:
      'the first of .task_orchestrator/task_orchestrator.db, .task_orchestrator/orchestrator-state.json, task_orchestrator.db, data/task_orchestrator.db',
  },
  'features-dir': {
    help: 'Folder of feature specification files (Markdown).',
    default: 'docs/developers/planning/features (or docs/planning/features, docs/features) when present',
  },
  repository: { help: 'owner/name of the repository that holds the issues.', default: 'GITHUB_REPOSITORY' },
  'api-url': {
    help: 'REST API URL (GitHub Enterprise Server: https://HOST/api/v3).',
    default: 'GITHUB_API_URL, else https://api.github.com',
  },
  token: {
    help: 'Token with issues: write on the repository (input or environment only, never the config file).',
    default: 'GITHUB_TOKEN (the action passes the workflow token)',
  },
  'feature-statuses': {
    help: 'Feature statuses that become issues.',
    default: 'approved, in_progress, completed, archived',
  },
  tasks: {
    help: 'top-level (subtasks as a checklist), all (every task an issue) or none.',
    default: 'top-level',
  },
  labels: { help: 'Labels every managed issue carries.', default: 'orchestrator' },
  'label-prefixes': {
    help: 'Label prefix per dimension (type, status, priority, category, specialist); empty turns it off.',
    default: 'type: , status: , priority: , category: , specialist: ',
  },
  'assignee-map': {
    help: 'Orchestrator assignee name → platform login.',
    default: 'none (names used as they are)',
  },
  'conflict-policy': {
    help: 'orchestrator-wins (restore owned fields a human changed) or report (leave them, report).',
    default: 'orchestrator-wins',
  },
  orphans: {
    help: 'leave (report) or close issues whose item left the orchestrator plan.',
    default: 'leave',
  },
  'create-completed': {
    help: 'Create (closed) issues for items already finished when first seen.',
    default: 'false',
  },
  'neutralize-mentions': {
    help: 'Break @mentions and #references in synced text so a sync never notifies anyone.',
    default: 'true',
  },
  reconcile: {
    help: 'full reads every issue; incremental reads only issues updated since the last recorded run (falling back to full when that is unsafe); auto is full on scheduled and manual runs, incremental otherwise.',
    default: 'auto',
  },
  'write-delay-ms': {
    help: 'Minimum milliseconds between writes.',
    default: "GitHub's guidance: 1 s between writes, 3 s between writes that notify",
  },
} as const satisfies Record<string, { help: string; default: string }>;

export type SettingName = keyof typeof ISSUE_SYNC_SETTINGS;
export type RawSettings = Partial<Record<SettingName, unknown>>;

const SETTING_NAMES = Object.keys(ISSUE_SYNC_SETTINGS) as SettingName[];
const FILE_FORBIDDEN: SettingName[] = ['token'];

/** Checks a config file's keys: an unknown key is an error that names it and the closest known key. */
export function checkFileSettings(raw: unknown, file: string): RawSettings {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Config file ${quote(file)} must be a YAML mapping of settings, not ${Array.isArray(raw) ? 'a list' : typeof raw}.`,
      'Write one `setting: value` per line; see docs/configuration.md for the settings.',
    );
  }
  const settings: RawSettings = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(SETTING_NAMES as string[]).includes(key)) {
      const suggestion = suggestKey(key, SETTING_NAMES);
      throw new OrchestratorGitError(
        'CONFIG_UNKNOWN_KEY',
        `Config file ${quote(file)} has an unknown key ${quote(key)}.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ''}`,
        `Use only known settings: ${SETTING_NAMES.filter((name) => !FILE_FORBIDDEN.includes(name)).join(', ')}.`,
      );
    }
    if (FILE_FORBIDDEN.includes(key as SettingName)) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `Config file ${quote(file)} sets ${quote(key)}: tokens must never be committed in a file.`,
        'Remove it from the file and pass the token as the `token` input from a secret (or GITHUB_TOKEN in the environment).',
      );
    }
    settings[key as SettingName] = value;
  }
  return settings;
}

/** The config row of the state, as settings (the row stores the name of the token's variable, never the token). */
export function settingsFromConfigRow(
  row: GitIntegrationConfigRow | null,
  env: NodeJS.ProcessEnv,
): RawSettings {
  if (!row) return {};
  const settings: RawSettings = { enabled: row.autoSyncEnabled };
  if (row.defaultLabels.length) settings.labels = row.defaultLabels;
  const location = parseRepositoryUrl(row.repositoryUrl);
  if (location) {
    settings.repository = location.repository;
    if (location.apiUrl) settings['api-url'] = location.apiUrl;
  }
  if (row.apiTokenName && env[row.apiTokenName]) settings.token = env[row.apiTokenName];
  return settings;
}

/** owner/name and, for a host other than github.com, its GitHub Enterprise Server API URL. */
export function parseRepositoryUrl(url: string): { repository: string; apiUrl: string | null } | null {
  const trimmed = url.trim();
  if (/^[^/\s:]+\/[^/\s]+$/.test(trimmed)) return { repository: trimmed, apiUrl: null };
  const ssh = /^git@([^:]+):(.+?)(?:\.git)?\/?$/.exec(trimmed);
  let host: string;
  let path: string;
  if (ssh) {
    host = ssh[1] ?? '';
    path = ssh[2] ?? '';
  } else {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return null;
    }
    host = parsed.host;
    path = parsed.pathname
      .replace(/^\/+/, '')
      .replace(/\.git\/?$/, '')
      .replace(/\/+$/, '');
  }
  if (!/^[^/]+\/[^/]+$/.test(path)) return null;
  return { repository: path, apiUrl: host === 'github.com' ? null : `https://${host}/api/v3` };
}

export interface ResolveInput {
  /** Highest precedence: action inputs or CLI flags. */
  inputs: RawSettings;
  configRow: RawSettings;
  file: RawSettings;
  env: NodeJS.ProcessEnv;
  /** The config row's `issue_template`: free text placed below the block of new issues. */
  issueTemplate?: string | null;
}

export function resolveIssueSyncConfig({
  inputs,
  configRow,
  file,
  env,
  issueTemplate,
}: ResolveInput): IssueSyncConfig {
  const layers: [SettingSource, RawSettings][] = [
    ['input', inputs],
    ['state config row', configRow],
    ['config file', file],
  ];
  const pick = (name: SettingName): [unknown, SettingSource] | undefined => {
    for (const [source, layer] of layers) {
      const value = layer[name];
      if (value !== undefined && value !== null && value !== '') return [value, source];
    }
    return undefined;
  };
  const bool = (name: SettingName, fallback: boolean): boolean => {
    const found = pick(name);
    return found ? parseBoolean(found[0], name, found[1]) : fallback;
  };
  const text = (name: SettingName): string | null => {
    const found = pick(name);
    if (!found) return null;
    if (typeof found[0] !== 'string' && typeof found[0] !== 'number') {
      throw invalid(name, found[1], found[0], 'a string');
    }
    return String(found[0]).trim();
  };
  const oneOf = <T extends string>(name: SettingName, allowed: readonly T[], fallback: T): T => {
    const value = text(name);
    if (value === null) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalid(name, pick(name)?.[1] ?? 'input', value, `one of ${allowed.join(', ')}`);
    }
    return value as T;
  };

  const stateFile = text('state-file');
  if (!stateFile) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      'No state file was given.',
      'Set the `state-file` input to the orchestrator database (e.g. .task_orchestrator/task_orchestrator.db) or its JSON export.',
    );
  }
  const repository = text('repository') ?? env.GITHUB_REPOSITORY ?? '';
  if (!repository) {
    throw new OrchestratorGitError(
      'REPOSITORY_MALFORMED',
      'No repository was given and GITHUB_REPOSITORY is not set.',
      "Set the `repository` input to owner/name (in GitHub Actions it defaults to the workflow's repository).",
    );
  }
  const token = text('token') ?? env.GITHUB_TOKEN ?? env.GH_TOKEN ?? '';
  if (!token) {
    throw new OrchestratorGitError(
      'TOKEN_MISSING',
      'No token was given.',
      'Pass `token: ${{ secrets.GITHUB_TOKEN }}` (the default in the action) with `permissions: issues: write`, or set GITHUB_TOKEN in the environment.',
    );
  }

  const featureStatuses = pick('feature-statuses');
  const statuses = featureStatuses
    ? parseList(featureStatuses[0], 'feature-statuses', featureStatuses[1]).map((status) => {
        const normalised = status.toLowerCase().replace(/[- ]/g, '_');
        if (!(FEATURE_STATUSES as readonly string[]).includes(normalised)) {
          throw invalid(
            'feature-statuses',
            featureStatuses[1],
            status,
            `statuses among ${FEATURE_STATUSES.join(', ')}`,
          );
        }
        return normalised as SyncPolicy['featureStatuses'][number];
      })
    : DEFAULT_POLICY.featureStatuses;
  const labels = pick('labels');
  const writeDelay = text('write-delay-ms');
  if (writeDelay !== null && !/^\d+$/.test(writeDelay)) {
    throw invalid(
      'write-delay-ms',
      pick('write-delay-ms')?.[1] ?? 'input',
      writeDelay,
      'a whole number of milliseconds',
    );
  }

  return {
    enabled: bool('enabled', true),
    dryRun: bool('dry-run', false),
    stateFile,
    featuresDir: text('features-dir'),
    repository,
    apiUrl: (text('api-url') ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    token,
    writeDelayMs: writeDelay === null ? null : Number(writeDelay),
    reconcile: resolveReconcile(oneOf('reconcile', ['auto', 'full', 'incremental'] as const, 'auto'), env),
    policy: {
      featureStatuses: statuses,
      tasks: oneOf('tasks', ['top-level', 'all', 'none'] as const, DEFAULT_POLICY.tasks),
      defaultLabels: labels ? parseList(labels[0], 'labels', labels[1]) : DEFAULT_POLICY.defaultLabels,
      labelPrefixes: labelPrefixes(pick('label-prefixes')),
      assigneeMap: stringMap(pick('assignee-map'), 'assignee-map'),
      conflictPolicy: oneOf(
        'conflict-policy',
        ['orchestrator-wins', 'report'] as const,
        DEFAULT_POLICY.conflictPolicy,
      ),
      orphans: oneOf('orphans', ['leave', 'close'] as const, DEFAULT_POLICY.orphans),
      createCompleted: bool('create-completed', DEFAULT_POLICY.createCompleted),
      neutraliseMentions: bool('neutralize-mentions', DEFAULT_POLICY.neutraliseMentions),
      issueTemplate: issueTemplate?.trim() ? issueTemplate.trim() : null,
    },
  };
}

/** Scheduled and manual runs are the periodic full reconcile; runs on push read incrementally. */
function resolveReconcile(
  mode: 'auto' | 'full' | 'incremental',
  env: NodeJS.ProcessEnv,
): 'full' | 'incremental' {
  if (mode !== 'auto') return mode;
  const event = env.GITHUB_EVENT_NAME ?? env.CI_PIPELINE_SOURCE ?? '';
  return ['schedule', 'workflow_dispatch', 'web'].includes(event) ? 'full' : 'incremental';
}

function invalid(
  name: string,
  source: SettingSource,
  value: unknown,
  expected: string,
): OrchestratorGitError {
  return new OrchestratorGitError(
    'CONFIG_INVALID',
    `Setting ${quote(name)} (from the ${source}) is ${quote(typeof value === 'string' ? value : JSON.stringify(value))}; expected ${expected}.`,
    `Correct ${name} in the ${source}; docs/configuration.md lists every setting.`,
  );
}

function labelPrefixes(found: [unknown, SettingSource] | undefined): Record<LabelDimension, string | null> {
  const prefixes = { ...DEFAULT_POLICY.labelPrefixes };
  if (!found) return prefixes;
  const map = stringMap(found, 'label-prefixes');
  for (const [dimension, prefix] of Object.entries(map)) {
    if (!(dimension in prefixes)) {
      throw invalid(
        'label-prefixes',
        found[1],
        dimension,
        `dimensions among ${Object.keys(prefixes).join(', ')}`,
      );
    }
    // Inputs arrive trimmed, so `area:` means `area: ` (GitHub's own scoped-label style has the space).
    prefixes[dimension as LabelDimension] =
      prefix === '' ? null : prefix.endsWith(':') ? `${prefix} ` : prefix;
  }
  return prefixes;
}

/** A mapping from a YAML object, a JSON object string, or `key=value` lines (as action inputs allow). */
function stringMap(found: [unknown, SettingSource] | undefined, name: string): Record<string, string> {
  if (!found) return {};
  const [value, source] = found;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, item === null ? '' : String(item)]),
    );
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('{')) {
      try {
        return stringMap([JSON.parse(trimmed) as unknown, source], name);
      } catch {
        throw invalid(name, source, value, 'a JSON object or key=value lines');
      }
    }
    const map: Record<string, string> = {};
    for (const line of trimmed.split(/\n/)) {
      if (!line.trim()) continue;
      const at = line.indexOf('=');
      if (at < 1) throw invalid(name, source, line, 'key=value lines');
      map[line.slice(0, at).trim()] = line.slice(at + 1).trimStart();
    }
    return map;
  }
  throw invalid(name, source, value, 'a mapping');
}
