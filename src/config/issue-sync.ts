/** Resolves issue-sync's settings once, at the edge: inputs / flags > config row > config file > defaults. */
import { DEFAULT_POLICY, type Hierarchy, type LabelDimension, type SyncPolicy } from '../core/policy.js';
import type { LabelRules } from '../core/labels.js';
import { OrchestratorGitError, quote } from '../errors.js';
import type { PlatformName } from '../platforms/types.js';
import type { GitIntegrationConfigRow } from '../state/types.js';
import { loadLabelRules } from './label-rules.js';
import { FEATURE_STATUSES, parseBoolean, parseList, suggestKey, type SettingSource } from './values.js';

export interface IssueSyncConfig {
  enabled: boolean;
  dryRun: boolean;
  stateFile: string;
  featuresDir: string | null;
  platform: PlatformName;
  /** GitHub owner/name, GitLab group/…/project (or its numeric id), Bitbucket workspace/repo_slug. */
  repository: string;
  /** GitHub: the REST API URL; GitLab: the instance URL; Bitbucket: the 2.0 API URL. */
  apiUrl: string;
  token: string;
  /** Bitbucket: the user of an app password or API token (basic auth); null means the token is a bearer token. */
  username: string | null;
  /** GitLab: the group whose milestones are used (and created) besides the project's. */
  gitlabGroup: string | null;
  /** GitLab Premium and above: issues keep several assignees. */
  multipleAssignees: boolean;
  /** Minimum time between writes; null follows GitHub's guidance. */
  writeDelayMs: number | null;
  /** How much of the platform to read, `auto` resolved from the CI event. */
  reconcile: 'full' | 'incremental';
  /** Webhooks told of each run's changes (secrets, like the token); null: not configured. */
  notifications: { slackWebhookUrl: string | null; teamsWebhookUrl: string | null };
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
  platform: {
    help: 'github, gitlab or bitbucket.',
    default:
      "the state's git_integration_config.platform, else the CI system's (GITLAB_CI → gitlab, BITBUCKET_BUILD_NUMBER → bitbucket), else github",
  },
  repository: {
    help: 'The repository that holds the issues: GitHub owner/name, GitLab group/project (subgroups allowed), Bitbucket workspace/repo-slug.',
    default: 'GITHUB_REPOSITORY, CI_PROJECT_PATH or BITBUCKET_REPO_FULL_NAME',
  },
  'api-url': {
    help: 'GitHub: REST API URL (Enterprise Server: https://HOST/api/v3). GitLab: the instance URL (self-managed: https://HOST). Bitbucket: the 2.0 API URL.',
    default:
      'GITHUB_API_URL or https://api.github.com; CI_SERVER_URL or https://gitlab.com; BITBUCKET_API_URL or https://api.bitbucket.org/2.0',
  },
  token: {
    help: 'GitHub: issues: write. GitLab: an access token with the api scope and at least the Planner or Reporter role (CI_JOB_TOKEN cannot write issues). Bitbucket: an access token with issue:write, or an app password / API token with `username`. Input or environment only, never the config file.',
    default:
      'GITHUB_TOKEN; GITLAB_TOKEN; BITBUCKET_TOKEN, or BITBUCKET_APP_PASSWORD / BITBUCKET_API_TOKEN with a username',
  },
  username: {
    help: 'Bitbucket only: the username of an app password, or the Atlassian account email of an API token (basic auth).',
    default: 'BITBUCKET_USERNAME (or BITBUCKET_EMAIL); empty: the token is an access token',
  },
  'gitlab-group': {
    help: "GitLab only: full path of a group whose milestones are used, and where missing milestones are created, instead of the project's.",
    default: "none (the project's milestones)",
  },
  'multiple-assignees': {
    help: 'GitLab only: the instance allows several assignees per issue (Premium and above).',
    default: 'false (one assignee)',
  },
  'feature-statuses': {
    help: 'Feature statuses that become issues.',
    default: 'approved, in_progress, completed, archived',
  },
  tasks: {
    help: 'top-level (subtasks as a checklist), all (every task an issue) or none.',
    default: 'top-level',
  },
  hierarchy: {
    help: 'checklist (subtasks as a checklist in their parent issue), sub-issues (every task its own issue, attached to its parent as a sub-issue; dependencies as blocked-by) or both. GitLab: the checklist, dependencies as is_blocked_by links (Premium; on Free the "Depends on" line only). Bitbucket: the checklist with a "Depends on" line. See docs/hierarchy.md.',
    default: 'checklist',
  },
  'issue-types': {
    help: "GitHub only: auto sets the repository's issue types (Feature, Task, Bug for debugger tasks) where its organisation has them, in place of the type label (one read per run; the token needs push access); off keeps the type label. See docs/hierarchy.md.",
    default: 'off',
  },
  labels: { help: 'Labels every managed issue carries.', default: 'orchestrator' },
  'label-prefixes': {
    help: 'Label prefix per dimension (type, status, priority, category, specialist); empty turns it off.',
    default: 'type: , status: , priority: , category: , specialist: ',
  },
  'label-rules': {
    help: 'Path of a YAML (or JSON) file of label rules: feature category, priority, specialist type, status and type → label name, colour and description (docs/labels-and-time.md). Dimensions it leaves out keep the prefix scheme; the tool removes only labels its rules can produce.',
    default: 'none (the prefix scheme of label-prefixes)',
  },
  'time-tracking': {
    help: "Estimates and spent time from the orchestrator (estimated_effort; actual_effort or started/completed times): GitLab issues' time tracking (issue-sync), GitHub Projects number fields Estimate and Spent in hours (board-sync); Bitbucket has none (a note). See docs/labels-and-time.md.",
    default: 'false',
  },
  'assignee-map': {
    help: 'Orchestrator assignee name → platform login.',
    default: 'none (names used as they are)',
  },
  team: {
    help: 'Specialist type → the people who take the new issues of its tasks that the orchestrator assigned to no one, the one with the fewest open issues first (ties by name): `implementer=alice,bob` lines, or a mapping of lists. They are assigned like a person would be, so a later reassignment on the platform is kept.',
    default: 'none (no automatic assignment)',
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
  'slack-webhook-url': {
    help: 'Slack incoming webhook URL: after each run that changed something, one message listing what changed (created, closed, reopened, updated, with links). A secret: input (from a secret) or environment only, never the config file, never logged. A failed notification is a warning, never a failed sync.',
    default: 'SLACK_WEBHOOK_URL; empty: no Slack notification',
  },
  'teams-webhook-url': {
    help: 'Microsoft Teams workflow webhook URL ("Post to a channel when a webhook request is received"): the same digest as an Adaptive Card. A secret, like slack-webhook-url.',
    default: 'TEAMS_WEBHOOK_URL; empty: no Teams notification',
  },
} as const satisfies Record<string, { help: string; default: string }>;

export type SettingName = keyof typeof ISSUE_SYNC_SETTINGS;
export type RawSettings = Partial<Record<SettingName, unknown>>;

const SETTING_NAMES = Object.keys(ISSUE_SYNC_SETTINGS) as SettingName[];
/** Secrets: never read from a config file (which is committed), never printed. */
export const SECRET_SETTINGS: readonly SettingName[] = ['token', 'slack-webhook-url', 'teams-webhook-url'];
const FILE_FORBIDDEN: readonly SettingName[] = SECRET_SETTINGS;
export const PLATFORMS: readonly PlatformName[] = ['github', 'gitlab', 'bitbucket'];

/** Checks a config file's keys: an unknown key is an error that names it and the closest known key. */
export function checkFileSettings(
  raw: unknown,
  file: string,
  known: readonly string[] = SETTING_NAMES,
): RawSettings {
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
    if (!known.includes(key)) {
      const suggestion = suggestKey(key, known);
      throw new OrchestratorGitError(
        'CONFIG_UNKNOWN_KEY',
        `Config file ${quote(file)} has an unknown key ${quote(key)}.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ''}`,
        `Use only known settings: ${known.filter((name) => !(FILE_FORBIDDEN as readonly string[]).includes(name)).join(', ')}.`,
      );
    }
    if (key !== 'token' && FILE_FORBIDDEN.includes(key as SettingName)) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `Config file ${quote(file)} sets ${quote(key)}: a webhook URL is a secret and must never be committed in a file.`,
        `Remove it from the file and pass it as the \`${key}\` input from a secret, or in the environment (${key === 'slack-webhook-url' ? 'SLACK_WEBHOOK_URL' : 'TEAMS_WEBHOOK_URL'}).`,
      );
    }
    if (FILE_FORBIDDEN.includes(key as SettingName)) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `Config file ${quote(file)} sets ${quote(key)}: tokens must never be committed in a file.`,
        'Remove it from the file and pass the token as the `token` input from a secret, or in the environment (GITHUB_TOKEN, GITLAB_TOKEN, BITBUCKET_TOKEN).',
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
  if (row.platform) settings.platform = row.platform;
  if (row.defaultLabels.length) settings.labels = row.defaultLabels;
  const location = parseRepositoryUrl(row.repositoryUrl, row.platform);
  if (location) {
    settings.repository = location.repository;
    if (!row.platform && location.platform) settings.platform = location.platform;
    if (location.apiUrl) settings['api-url'] = location.apiUrl;
  }
  if (row.apiTokenName && env[row.apiTokenName]) settings.token = env[row.apiTokenName];
  return settings;
}

/**
 * The repository path of a clone or web URL, the platform its host implies (github.com, gitlab.com, bitbucket.org),
 * and for another host the API URL of a self-hosted instance: GitHub Enterprise Server's /api/v3, or a self-managed
 * GitLab's own URL (GitLab paths may have subgroups).
 */
export function parseRepositoryUrl(
  url: string,
  platform: PlatformName | null = null,
): { repository: string; platform: PlatformName | null; apiUrl: string | null } | null {
  const trimmed = url.trim();
  if (!trimmed.includes(':')) {
    // A bare path: owner/name, or group/subgroup/project on GitLab.
    const segments = trimmed.split('/');
    const valid = segments.every((segment) => segment !== '' && !/\s/.test(segment));
    const depth = platform === 'gitlab' ? segments.length >= 2 : segments.length === 2;
    return valid && depth ? { repository: trimmed, platform, apiUrl: null } : null;
  }
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
  const known: Record<string, PlatformName> = {
    'github.com': 'github',
    'gitlab.com': 'gitlab',
    'bitbucket.org': 'bitbucket',
  };
  const hostPlatform = known[host.toLowerCase()] ?? null;
  const resolved = platform ?? hostPlatform ?? (/gitlab/i.test(host) ? 'gitlab' : null);
  const nested = resolved === 'gitlab' ? /^[^/]+(\/[^/]+)+$/ : /^[^/]+\/[^/]+$/;
  if (!nested.test(path)) return null;
  let apiUrl: string | null = null;
  if (!hostPlatform) {
    if (resolved === 'gitlab') apiUrl = `https://${host}`;
    else if (resolved === null || resolved === 'github') apiUrl = `https://${host}/api/v3`;
  }
  return { repository: path, platform: resolved ?? hostPlatform, apiUrl };
}

export interface ResolveInput {
  /** Highest precedence: action inputs or CLI flags. */
  inputs: RawSettings;
  configRow: RawSettings;
  file: RawSettings;
  env: NodeJS.ProcessEnv;
  /** The config row's `issue_template`: free text placed below the block of new issues. */
  issueTemplate?: string | null;
  /** Where files named by settings (label-rules) are; without it they are not read (commands that set no labels). */
  cwd?: string;
}

export function resolveIssueSyncConfig({
  inputs,
  configRow,
  file,
  env,
  issueTemplate,
  cwd,
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
  const platform = oneOf('platform', PLATFORMS, detectPlatform(env));
  const defaults = PLATFORM_DEFAULTS[platform];
  const repository = text('repository') ?? defaults.repository(env) ?? '';
  if (!repository) {
    throw new OrchestratorGitError(
      'REPOSITORY_MALFORMED',
      `No repository was given and ${defaults.repositoryVariable} is not set.`,
      `Set \`repository\` (the --repository flag or the action input) to ${defaults.repositoryForm}.`,
    );
  }
  const username =
    platform === 'bitbucket'
      ? (text('username') ?? env.BITBUCKET_USERNAME ?? env.BITBUCKET_EMAIL ?? null)
      : null;
  const token = text('token') ?? defaults.token(env, username !== null) ?? '';
  if (!token) throw defaults.missingToken(env, username !== null);

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
    platform,
    repository,
    apiUrl: (text('api-url') ?? defaults.apiUrl(env)).replace(/\/+$/, ''),
    token,
    username: username === '' ? null : username,
    gitlabGroup: platform === 'gitlab' ? text('gitlab-group') || null : null,
    multipleAssignees: platform === 'gitlab' && bool('multiple-assignees', false),
    writeDelayMs: writeDelay === null ? null : Number(writeDelay),
    reconcile: resolveReconcile(oneOf('reconcile', ['auto', 'full', 'incremental'] as const, 'auto'), env),
    notifications: {
      slackWebhookUrl: webhookUrl('slack-webhook-url', text('slack-webhook-url') ?? env.SLACK_WEBHOOK_URL),
      teamsWebhookUrl: webhookUrl('teams-webhook-url', text('teams-webhook-url') ?? env.TEAMS_WEBHOOK_URL),
    },
    policy: {
      featureStatuses: statuses,
      tasks: oneOf('tasks', ['top-level', 'all', 'none'] as const, DEFAULT_POLICY.tasks),
      ...hierarchySetting(oneOf('hierarchy', ['checklist', 'sub-issues', 'both'] as const, 'checklist')),
      ...(oneOf('issue-types', ['off', 'auto'] as const, 'off') === 'auto'
        ? { issueTypes: 'auto' as const }
        : {}),
      defaultLabels: labels ? parseList(labels[0], 'labels', labels[1]) : DEFAULT_POLICY.defaultLabels,
      labelPrefixes: labelPrefixes(pick('label-prefixes')),
      ...labelRulesSetting(text('label-rules'), cwd),
      ...(bool('time-tracking', false) ? { timeTracking: true } : {}),
      assigneeMap: stringMap(pick('assignee-map'), 'assignee-map'),
      team: teamMap(pick('team')),
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

/** The platform of the CI system the run is in; GitHub when none is recognised. */
export function detectPlatform(env: NodeJS.ProcessEnv): PlatformName {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI === 'true') return 'gitlab';
  if (env.BITBUCKET_BUILD_NUMBER) return 'bitbucket';
  return 'github';
}

interface PlatformDefaults {
  repository: (env: NodeJS.ProcessEnv) => string | undefined;
  repositoryVariable: string;
  repositoryForm: string;
  apiUrl: (env: NodeJS.ProcessEnv) => string;
  token: (env: NodeJS.ProcessEnv, basic: boolean) => string | undefined;
  missingToken: (env: NodeJS.ProcessEnv, basic: boolean) => OrchestratorGitError;
}

const PLATFORM_DEFAULTS: Record<PlatformName, PlatformDefaults> = {
  github: {
    repository: (env) => env.GITHUB_REPOSITORY,
    repositoryVariable: 'GITHUB_REPOSITORY',
    repositoryForm: "owner/name (in GitHub Actions it defaults to the workflow's repository)",
    apiUrl: (env) => env.GITHUB_API_URL ?? 'https://api.github.com',
    token: (env) => env.GITHUB_TOKEN ?? env.GH_TOKEN,
    missingToken: () =>
      new OrchestratorGitError(
        'TOKEN_MISSING',
        'No token was given.',
        'Pass `token: ${{ secrets.GITHUB_TOKEN }}` (the default in the action) with `permissions: issues: write`, or set GITHUB_TOKEN in the environment.',
      ),
  },
  gitlab: {
    repository: (env) => env.CI_PROJECT_PATH,
    repositoryVariable: 'CI_PROJECT_PATH',
    repositoryForm:
      "the project path, e.g. my-group/my-project (in GitLab CI it defaults to the pipeline's project)",
    apiUrl: (env) => env.CI_SERVER_URL ?? 'https://gitlab.com',
    token: (env) => env.GITLAB_TOKEN,
    missingToken: (env) =>
      new OrchestratorGitError(
        'TOKEN_MISSING',
        env.CI_JOB_TOKEN
          ? "No GITLAB_TOKEN was given; the pipeline's CI_JOB_TOKEN is there, but GitLab does not let a job token create or edit issues."
          : 'No GitLab token was given.',
        'Create a project access token (Settings → Access tokens) with the api scope and the Reporter role (Planner is enough on GitLab 17.7+), store it as a masked CI/CD variable named GITLAB_TOKEN, or pass --token.',
      ),
  },
  bitbucket: {
    repository: (env) => env.BITBUCKET_REPO_FULL_NAME,
    repositoryVariable: 'BITBUCKET_REPO_FULL_NAME',
    repositoryForm: "workspace/repo-slug (in Bitbucket Pipelines it defaults to the pipeline's repository)",
    apiUrl: (env) => env.BITBUCKET_API_URL ?? 'https://api.bitbucket.org/2.0',
    token: (env, basic) =>
      basic
        ? (env.BITBUCKET_APP_PASSWORD ?? env.BITBUCKET_API_TOKEN ?? env.BITBUCKET_TOKEN)
        : env.BITBUCKET_TOKEN,
    missingToken: (_env, basic) =>
      new OrchestratorGitError(
        'TOKEN_MISSING',
        basic
          ? 'A Bitbucket username was given but no app password or API token.'
          : 'No Bitbucket token was given.',
        'Create a repository access token with the Issues: Write scope (Repository settings → Access tokens) and store it as a secured repository variable named BITBUCKET_TOKEN; or use an app password with BITBUCKET_USERNAME and BITBUCKET_APP_PASSWORD.',
      ),
  },
};

/**
 * A webhook URL, checked without ever quoting it (it is a secret): https, or http to this machine (a local relay or
 * a test receiver). Empty means not configured.
 */
function webhookUrl(name: SettingName, value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = null;
  }
  const local = parsed !== null && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (!parsed || !(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local))) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `Setting ${quote(name)} is not an https URL (its value is a secret and is not shown).`,
      `Set ${name} (or ${name === 'slack-webhook-url' ? 'SLACK_WEBHOOK_URL' : 'TEAMS_WEBHOOK_URL'}) to the webhook's full https URL, from a secret.`,
    );
  }
  return trimmed;
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

/** The rules of the label-rules file, when one is named and files can be read; absent leaves the policy as it was. */
function labelRulesSetting(file: string | null, cwd: string | undefined): { labelRules?: LabelRules } {
  return file && cwd !== undefined ? { labelRules: loadLabelRules(file, cwd) } : {};
}

/** The default (`checklist`) leaves the policy as it always was, so configs that never name it compare equal. */
function hierarchySetting(hierarchy: Hierarchy): { hierarchy?: Hierarchy } {
  return hierarchy === 'checklist' ? {} : { hierarchy };
}

/** `specialist=alice,bob` lines or a mapping of lists (or comma-separated strings), keyed by lower-case specialist. */
function teamMap(found: [unknown, SettingSource] | undefined): Record<string, string[]> {
  if (!found) return {};
  const [value, source] = found;
  const entries =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>)
      : Object.entries(stringMap(found, 'team'));
  const team: Record<string, string[]> = {};
  for (const [specialist, members] of entries) {
    const list = parseList(
      Array.isArray(members) ? members : members === null ? [] : String(members),
      'team',
      source,
    );
    if (list.length > 0) team[specialist.trim().toLowerCase()] = list;
  }
  return team;
}
