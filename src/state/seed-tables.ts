/** Reads the seed's tables (issue links, Git integration config, release milestones); absent tables read as empty. */
import { integerOr, optionalText, readJsonStringArray, readTimestamp } from './columns.js';
import { forEachRow, hasTable, selectList, tableColumns, type Database, type SqlValue } from './sqlite.js';
import type { GitIntegrationConfigRow, IssueLink, ReleaseMilestone, StateWarning } from './types.js';

const PLATFORMS = ['github', 'gitlab', 'bitbucket'] as const;
type Platform = (typeof PLATFORMS)[number];
const SYNC_STATUSES = ['synced', 'pending', 'failed', 'manual'] as const;
const MILESTONE_STATUSES = ['planning', 'active', 'completed', 'cancelled'] as const;

export function toPlatform(value: unknown): Platform | null {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return (PLATFORMS as readonly string[]).includes(text) ? (text as Platform) : null;
}

const LINK_COLUMNS = [
  'id',
  'feature_id',
  'task_id',
  'platform',
  'repository',
  'issue_number',
  'issue_url',
  'sync_status',
  'last_synced',
] as const;

/** Rows of feature_issue_links, by id. A row with `task_id` NULL links a feature; unusable rows are warnings. */
export function readIssueLinks(db: Database, warnings: StateWarning[]): IssueLink[] {
  if (!hasTable(db, 'feature_issue_links')) return [];
  const links: IssueLink[] = [];
  const cols = tableColumns(db, 'feature_issue_links');
  forEachRow(
    db,
    `SELECT ${selectList(cols, LINK_COLUMNS)} FROM feature_issue_links ORDER BY id`,
    null,
    ([id, featureId, taskId, platform, repository, issueNumber, issueUrl, syncStatus, lastSynced]) => {
      const subject = `feature_issue_links row ${String(id)}`;
      const link = toIssueLink(
        { featureId, taskId, platform, repository, issueNumber, issueUrl, syncStatus, lastSynced },
        subject,
        warnings,
      );
      if (link) links.push(link);
    },
  );
  return links;
}

function toIssueLink(
  row: Record<string, SqlValue | undefined>,
  subject: string,
  warnings: StateWarning[],
): IssueLink | null {
  const featureId = optionalText(row.featureId);
  const taskId = optionalText(row.taskId);
  const platform = toPlatform(row.platform);
  const repository = optionalText(row.repository);
  const issueNumber = integerOr(row.issueNumber, 0);
  const problem =
    featureId === null && taskId === null
      ? 'names neither a feature nor a task'
      : platform === null
        ? `has platform ${JSON.stringify(row.platform)}, not github, gitlab or bitbucket`
        : repository === null
          ? 'has no repository'
          : issueNumber <= 0
            ? `has issue number ${JSON.stringify(row.issueNumber)}`
            : null;
  if (problem !== null || platform === null || repository === null) {
    warnings.push({
      code: 'STATE_LINK_INVALID',
      message: `${subject} ${problem ?? 'is unusable'}; it is ignored.`,
      subject,
    });
    return null;
  }
  const rawStatus = optionalText(row.syncStatus)?.toLowerCase() ?? 'pending';
  const syncStatus = (SYNC_STATUSES as readonly string[]).includes(rawStatus)
    ? (rawStatus as IssueLink['syncStatus'])
    : 'pending';
  return {
    featureId,
    taskId,
    platform,
    repository,
    issueNumber,
    issueUrl: optionalText(row.issueUrl) ?? '',
    syncStatus,
    lastSynced: readTimestamp(row.lastSynced, subject, 'last_synced', warnings),
  };
}

const CONFIG_COLUMNS = [
  'id',
  'platform',
  'repository_url',
  'api_token_name',
  'default_labels',
  'auto_sync_enabled',
  'issue_template',
] as const;

/** The first git_integration_config row by id, or null when the table or row is absent. */
export function readGitIntegrationConfig(
  db: Database,
  warnings: StateWarning[],
): GitIntegrationConfigRow | null {
  if (!hasTable(db, 'git_integration_config')) return null;
  let config: GitIntegrationConfigRow | null = null;
  const cols = tableColumns(db, 'git_integration_config');
  forEachRow(
    db,
    `SELECT ${selectList(cols, CONFIG_COLUMNS)} FROM git_integration_config ORDER BY id LIMIT 1`,
    null,
    ([id, platform, repositoryUrl, apiTokenName, defaultLabels, autoSync, issueTemplate]) => {
      const subject = `git_integration_config row ${String(id)}`;
      const parsedPlatform = toPlatform(platform);
      if (platform !== null && parsedPlatform === null) {
        warnings.push({
          code: 'STATE_CONFIG_INVALID',
          message: `${subject} has platform ${JSON.stringify(platform)}, not github, gitlab or bitbucket; it is ignored.`,
          subject,
        });
      }
      config = {
        platform: parsedPlatform,
        repositoryUrl: optionalText(repositoryUrl) ?? '',
        apiTokenName: optionalText(apiTokenName),
        defaultLabels: readJsonStringArray(defaultLabels, subject, 'default_labels', warnings),
        autoSyncEnabled: readAutoSync(autoSync, subject, warnings),
        issueTemplate: typeof issueTemplate === 'string' && issueTemplate !== '' ? issueTemplate : null,
      };
    },
  );
  return config;
}

/**
 * auto_sync_enabled as a boolean: 0/1, 'false'/'true' (also yes/no, on/off). NULL means the column default,
 * TRUE; anything else is a warning and reads as TRUE.
 */
export function toAutoSyncEnabled(value: unknown): boolean | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (['1', 'true', 't', 'yes', 'y', 'on'].includes(text)) return true;
  if (['0', 'false', 'f', 'no', 'n', 'off'].includes(text)) return false;
  return undefined;
}

function readAutoSync(value: unknown, subject: string, warnings: StateWarning[]): boolean {
  const enabled = toAutoSyncEnabled(value);
  if (enabled !== undefined) return enabled;
  warnings.push({
    code: 'STATE_CONFIG_INVALID',
    message: `${subject} has auto_sync_enabled ${JSON.stringify(String(value))}, not true or false; read as true.`,
    subject,
  });
  return true;
}

const MILESTONE_COLUMNS = [
  'id',
  'milestone_name',
  'target_date',
  'platform_milestone_id',
  'included_features',
  'status',
] as const;

/** Rows of release_milestones, by id. */
export function readReleaseMilestones(db: Database, warnings: StateWarning[]): ReleaseMilestone[] {
  if (!hasTable(db, 'release_milestones')) return [];
  const milestones: ReleaseMilestone[] = [];
  const cols = tableColumns(db, 'release_milestones');
  forEachRow(
    db,
    `SELECT ${selectList(cols, MILESTONE_COLUMNS)} FROM release_milestones ORDER BY id`,
    null,
    ([id, name, targetDate, platformMilestoneId, includedFeatures, status]) => {
      const subject = `release_milestones row ${String(id)}`;
      const milestoneName = optionalText(name);
      if (milestoneName === null) {
        warnings.push({
          code: 'STATE_MILESTONE_INVALID',
          message: `${subject} has no name; it is ignored.`,
          subject,
        });
        return;
      }
      const rawStatus = optionalText(status)?.toLowerCase() ?? 'planning';
      if (!(MILESTONE_STATUSES as readonly string[]).includes(rawStatus)) {
        warnings.push({
          code: 'STATE_MILESTONE_INVALID',
          message: `${subject} has status ${JSON.stringify(status)}; read as planning.`,
          subject,
        });
      }
      const target = readTimestamp(targetDate, subject, 'target_date', warnings);
      milestones.push({
        id: integerOr(id, milestones.length + 1),
        name: milestoneName,
        targetDate: target === null ? null : target.slice(0, 10),
        platformMilestoneId: optionalText(platformMilestoneId),
        includedFeatures: readJsonStringArray(includedFeatures, subject, 'included_features', warnings),
        status: (MILESTONE_STATUSES as readonly string[]).includes(rawStatus)
          ? (rawStatus as ReleaseMilestone['status'])
          : 'planning',
      });
    },
  );
  return milestones;
}
