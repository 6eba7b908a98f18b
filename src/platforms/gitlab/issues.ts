/** GitLab's issues, labels, milestones and assignees through REST API v4, behind the IssueTracker interface. */
import type { ActualIssue, ActualMilestone } from '../../core/actual.js';
import type { DesiredMilestone } from '../../core/desired.js';
import type { DesiredLabel } from '../../core/labels.js';
import { gitlabDuration } from '../../core/time-tracking.js';
import { OrchestratorGitError, quote } from '../../errors.js';
import {
  runAccessChecks,
  type AccessCheck,
  type IssueTracker,
  type PlatformCapabilities,
  type RequestStats,
  type ResolvedIssuePatch,
  type ResolvedIssueWrite,
} from '../types.js';
import {
  createGitLabClient,
  GitLabConnectionError,
  GitLabResponseError,
  httpStatus,
  isInsufficientScope,
  notFoundKind,
  toCatalogueError,
  type GitLabClient,
  type GitLabClientOptions,
} from './client.js';
import { GitLabIssueRelations } from './relations.js';

export type { GitLabClientOptions } from './client.js';

/** The fields of GitLab's issue entity that the adapter reads. */
interface IssueJson {
  id: number;
  iid: number;
  web_url: string;
  title: string;
  description?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  assignees?: { username: string }[] | null;
  assignee?: { username: string } | null;
  milestone: { id: number; title: string } | null;
  author: { username: string } | null;
  updated_at: string;
  /** Seconds; list and single-issue answers carry it, so reading time tracking costs no request. */
  time_stats?: TimeStatsJson | null;
}

/** GitLab's IssuableTimeStats entity. */
interface TimeStatsJson {
  time_estimate: number;
  total_time_spent: number;
}

interface MilestoneJson {
  id: number;
  title: string;
  state: string;
  due_date: string | null;
}

interface UserJson {
  id: number;
  username: string;
  state?: string;
}

interface MemberJson {
  id: number;
  access_level?: number;
  membership_state?: string;
}

interface ProjectJson {
  visibility?: string;
  issues_enabled?: boolean;
  issues_access_level?: string;
  permissions?: {
    project_access?: { access_level: number } | null;
    group_access?: { access_level: number } | null;
  } | null;
}

/** What a request was about, for the error it becomes. */
type Area = 'issues' | 'labels' | 'milestones' | 'group' | 'users' | 'project';

/** GitLab's roles (docs.gitlab.com/user/permissions/); Planner (15) is the least that may set issue metadata. */
const ROLES: Record<number, string> = {
  5: 'Minimal Access',
  10: 'Guest',
  15: 'Planner',
  20: 'Reporter',
  30: 'Developer',
  40: 'Maintainer',
  50: 'Owner',
};
const PLANNER = 15;

/** A path segment as GitLab allows it: letters, digits, `_`, `-`, `.`; not starting with `-`, not ending with `.`. */
const PATH_SEGMENT = /^(?:[A-Za-z0-9_.][A-Za-z0-9_.-]*[A-Za-z0-9_-]|[A-Za-z0-9_])$/;

/** The project's full path (`group/sub/project`) or numeric id; throws REPOSITORY_MALFORMED otherwise. */
export function parseProject(repository: string): { repository: string; projectId: string | number } {
  const text = repository.trim();
  if (/^\d{1,15}$/.test(text) && Number(text) > 0) return { repository: text, projectId: Number(text) };
  const segments = text.split('/');
  const valid =
    segments.length >= 2 &&
    segments.length <= 21 &&
    segments.every(
      (segment) => segment.length <= 255 && PATH_SEGMENT.test(segment) && !/\.(?:git|atom)$/i.test(segment),
    );
  if (!valid) {
    throw new OrchestratorGitError(
      'REPOSITORY_MALFORMED',
      `Repository ${quote(repository)} is not a GitLab project path (group/project or group/subgroup/project) or a numeric project id.`,
      'Set the repository to the project’s full path as it appears in its URL, e.g. my-group/my-subgroup/my-project (no https://, no .git), or to its numeric project id (shown on the project’s overview page).',
    );
  }
  return { repository: text, projectId: text };
}

/**
 * GitLab keeps labels and milestones but no close reason; one assignee per issue unless the instance has Premium
 * (multiple assignees); titles are limited to 255 characters. Its time tracking (estimate and spent time) is two
 * attributes, owned only for items that have a value (the time-tracking setting).
 */
export function gitlabCapabilities(
  options: Pick<GitLabClientOptions, 'multipleAssignees'> = {},
): PlatformCapabilities {
  return {
    stateReason: false,
    labels: true,
    createMilestones: true,
    maxAssignees: options.multipleAssignees ? 100 : 1,
    titleLimit: 255,
    timestampPrecisionMs: 1,
    attributes: ['time-estimate', 'time-spent'],
    timeTracking: 'issue',
  };
}

export class GitLabIssueTracker implements IssueTracker {
  readonly platform = 'gitlab' as const;
  readonly capabilities: PlatformCapabilities;
  readonly repository: string;
  private readonly projectId: string | number;
  private readonly group: string | null;
  private readonly client: GitLabClient;
  private readonly log: (message: string) => void;
  /** Lower-case username → the user (null: no such user). Each username costs at most one lookup per instance. */
  private readonly users = new Map<string, UserJson | null>();
  private readonly assignable = new Map<string, boolean>();
  private projectInfo: Promise<ProjectJson> | undefined;
  /** Blocked-by dependencies as issue links (relations.ts); sub-issues stay the checklist. */
  readonly relations: GitLabIssueRelations;

  constructor(repository: string, options: GitLabClientOptions) {
    const parsed = parseProject(repository);
    this.repository = parsed.repository;
    this.projectId = parsed.projectId;
    const group = options.groupMilestones?.trim().replace(/^\/+|\/+$/g, '');
    this.group = group ? group : null;
    this.capabilities = gitlabCapabilities(options);
    this.client = createGitLabClient(options);
    this.log = options.log ?? (() => undefined);
    this.relations = new GitLabIssueRelations(this.client, this.repository, this.projectId, (item, doing) =>
      toActualIssue(item as IssueJson, doing),
    );
  }

  stats(): RequestStats {
    return { ...this.client.stats };
  }

  serverTime(): string | null {
    return this.client.serverDate.value;
  }

  checkAccess(): Promise<AccessCheck[]> {
    const checks = [
      {
        name: 'project',
        run: async () => {
          const project = await this.project('reading the project');
          if (project.issues_enabled === false || project.issues_access_level === 'disabled') {
            throw new OrchestratorGitError(
              'ISSUES_DISABLED',
              `Issues are turned off in ${quote(this.repository)}.`,
              'Turn them on: Settings → General → Visibility, project features, permissions → Issues.',
            );
          }
          return `${this.repository} is reachable and has issues on`;
        },
      },
      {
        name: 'role',
        run: async () => {
          const role = await this.role('reading the project');
          if (role === null || role < PLANNER) {
            throw new OrchestratorGitError(
              'PERMISSION_DENIED',
              `The token's user ${role === null ? 'is not a member of' : `has the ${ROLES[role] ?? `level ${role}`} role in`} ${quote(this.repository)}; GitLab silently drops the labels, milestones and assignees of lower roles.`,
              'Give the token the Reporter role (Planner is enough on GitLab 17.7+): a project access token chooses its role when created (Settings → Access tokens).',
            );
          }
          return `the token's user has the ${ROLES[role] ?? `level ${role}`} role`;
        },
      },
      {
        name: 'write issues',
        // An issue without a title: GitLab checks the token's scope and role first, then refuses it (400), so a 400
        // proves write access and nothing is ever created.
        run: async () => {
          try {
            await this.client.issues.create(this.projectId, '');
          } catch (error) {
            if (httpStatus(error) === 400) return 'issues can be written (probed: nothing was created)';
            throw await this.failure(error, 'issues', 'checking that issues can be written');
          }
          throw new OrchestratorGitError(
            'PLATFORM_ERROR',
            'GitLab accepted an issue without a title while checking write access.',
            'Delete that issue by hand; write access is there.',
          );
        },
      },
    ];
    const group = this.group;
    if (group) {
      checks.push({
        name: 'group milestones',
        run: async () => {
          await this.call('group', `listing the milestones of group ${quote(group)}`, () =>
            this.client.groupMilestones.all(group, { perPage: 1, maxPages: 1 }),
          );
          return `the milestones of group ${group} can be read`;
        },
      });
    }
    return runAccessChecks(checks);
  }

  async listIssues(options: { updatedSince?: string } = {}): Promise<ActualIssue[]> {
    const since = options.updatedSince;
    const items = await this.call<IssueJson[]>(
      'issues',
      since ? `listing issues updated since ${since}` : 'listing issues',
      () =>
        this.client.issues.all({
          projectId: this.projectId,
          scope: 'all',
          state: 'all',
          perPage: 100,
          // Oldest first keeps offset pages stable while issues are being created (new ones land on the last page).
          ...(since
            ? { updatedAfter: since, orderBy: 'updated_at', sort: 'asc' }
            : { orderBy: 'created_at', sort: 'asc' }),
        }),
    );
    if (!Array.isArray(items)) throw incomplete('listing issues');
    return items.map((item) => toActualIssue(item, 'listing issues'));
  }

  async getIssue(number: number): Promise<ActualIssue | null> {
    try {
      const item = await this.client.issues.show(number, { projectId: this.projectId });
      return toActualIssue(item as unknown as IssueJson, `reading issue #${number}`);
    } catch (error) {
      // A missing iid is "404 Not found"; "404 Project Not Found" is the project itself.
      if (notFoundKind(error) === 'record') return null;
      throw await this.failure(error, 'issues', `reading issue #${number}`);
    }
  }

  async listLabels(): Promise<Set<string>> {
    const labels = await this.call<{ name: string }[]>('labels', 'listing labels', () =>
      this.client.labels.all(this.projectId, { perPage: 100 }),
    );
    return new Set(labels.map((label) => label.name.toLowerCase()));
  }

  async createLabel(label: DesiredLabel): Promise<void> {
    try {
      await this.client.labels.create(this.projectId, label.name, `#${label.color}`, {
        description: label.description,
      });
    } catch (error) {
      // Created meanwhile by someone else (or a concurrent run): that is the outcome we wanted.
      if (httpStatus(error) === 409) return;
      throw await this.failure(error, 'labels', `creating label ${quote(label.name)}`);
    }
  }

  async listMilestones(): Promise<ActualMilestone[]> {
    const own = await this.call<MilestoneJson[]>('milestones', 'listing milestones', () =>
      this.client.projectMilestones.all(this.projectId, { perPage: 100 }),
    );
    const group = this.group;
    const shared = group
      ? await this.call<MilestoneJson[]>('group', `listing the milestones of group ${quote(group)}`, () =>
          this.client.groupMilestones.all(group, { perPage: 100 }),
        )
      : [];
    const seen = new Set<number>();
    const milestones: ActualMilestone[] = [];
    for (const item of [...own, ...shared]) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      milestones.push(toActualMilestone(item));
    }
    return milestones;
  }

  async createMilestone(milestone: DesiredMilestone): Promise<ActualMilestone> {
    const group = this.group;
    const area: Area = group ? 'group' : 'milestones';
    const doing = `creating milestone ${quote(milestone.title)}${group ? ` in group ${quote(group)}` : ''}`;
    const fields = milestone.dueOn ? { dueDate: milestone.dueOn } : {};
    let created: ActualMilestone;
    try {
      const data = group
        ? await this.client.groupMilestones.create(group, milestone.title, fields)
        : await this.client.projectMilestones.create(this.projectId, milestone.title, fields);
      created = toActualMilestone(data as unknown as MilestoneJson);
    } catch (error) {
      // Already there (a concurrent run: "already being used for another group or project milestone"), or the
      // answer was lost after the write may have landed: look it up by title.
      const status = httpStatus(error);
      const exists =
        (status === 400 || status === 409) &&
        error instanceof GitLabResponseError &&
        /already (?:being used|exists)|has already been taken/i.test(error.description);
      const ambiguous = error instanceof GitLabConnectionError || (status !== undefined && status >= 500);
      const existing =
        exists || ambiguous
          ? (await this.listMilestones()).find((item) => item.title === milestone.title)
          : undefined;
      if (!existing) throw await this.failure(error, area, doing);
      created = existing;
    }
    if (milestone.state === 'closed' && created.state !== 'closed') {
      // GitLab creates milestones active; closing is a second request.
      const data = await this.call<MilestoneJson>(area, `closing milestone ${quote(milestone.title)}`, () =>
        group
          ? this.client.groupMilestones.edit(group, created.number, { stateEvent: 'close' })
          : this.client.projectMilestones.edit(this.projectId, created.number, { stateEvent: 'close' }),
      );
      created = toActualMilestone(data);
    }
    return created;
  }

  async isAssignable(login: string): Promise<boolean> {
    const key = login.toLowerCase();
    const known = this.assignable.get(key);
    if (known !== undefined) return known;
    const doing = `checking whether ${quote(login)} can be assigned`;
    const user = await this.user(login, doing);
    let result = false;
    if (user && (user.state === undefined || user.state === 'active')) {
      // GitLab keeps an assignee who can read the project: a member (direct, inherited or invited), or anyone
      // signed in when the project is public or internal.
      const members = await this.call<MemberJson[]>('users', doing, () =>
        this.client.members.all(this.projectId, { includeInherited: true, userIds: [user.id], perPage: 100 }),
      );
      const member = members.some(
        (item) =>
          item.id === user.id &&
          (item.membership_state === undefined || item.membership_state === 'active') &&
          (item.access_level === undefined || item.access_level >= 10),
      );
      result = member || (await this.project(doing)).visibility !== 'private';
    }
    this.assignable.set(key, result);
    return result;
  }

  async createIssue(write: ResolvedIssueWrite): Promise<ActualIssue> {
    const doing = `creating issue ${quote(write.title)}`;
    const assigneeIds = await this.userIds(write.assignees, doing);
    const item = await this.call<IssueJson>('issues', doing, () =>
      this.client.issues.create(this.projectId, write.title, {
        description: write.body,
        ...(write.labels.length > 0 ? { labels: write.labels.join(',') } : {}),
        ...(assigneeIds.length > 0 ? { assigneeIds } : {}),
        ...(write.milestone !== null ? { milestoneId: write.milestone } : {}),
      }),
    );
    const issue = toActualIssue(item, doing);
    await this.checkKept(issue, 'created', {
      labels: write.labels,
      assignees: write.assignees,
      milestone: write.milestone,
    });
    return this.applyTime(issue, write.attributes);
  }

  async updateIssue(number: number, patch: ResolvedIssuePatch): Promise<ActualIssue> {
    const doing = `updating issue #${number}`;
    const fields: Record<string, unknown> = {};
    if (patch.title !== undefined) fields['title'] = patch.title;
    if (patch.body !== undefined) fields['description'] = patch.body;
    // `labels` replaces the set; an empty string clears it.
    if (patch.labels !== undefined) fields['labels'] = patch.labels.join(',');
    // GitLab documents 0 as "unassign all" and "no milestone" (an empty JSON array may be read as absent).
    if (patch.assignees !== undefined) {
      const ids = await this.userIds(patch.assignees, doing);
      fields['assigneeIds'] = ids.length > 0 ? ids : [0];
    }
    if (patch.milestone !== undefined) fields['milestoneId'] = patch.milestone ?? 0;
    if (patch.state !== undefined) fields['stateEvent'] = patch.state === 'closed' ? 'close' : 'reopen';
    // stateReason has no GitLab counterpart (capabilities say so); the time attributes have endpoints of their own.
    if (Object.keys(fields).length === 0) {
      const current = await this.getIssue(number);
      if (!current) {
        throw new OrchestratorGitError(
          'PLATFORM_ERROR',
          `Issue #${number} no longer exists in ${quote(this.repository)} (deleted or moved).`,
          'Nothing to do: the next run reads the project again and plans from what exists.',
        );
      }
      return this.applyTime(current, patch.attributes);
    }
    const item = await this.call<IssueJson>('issues', doing, () =>
      this.client.issues.edit(this.projectId, number, fields),
    );
    const issue = toActualIssue(item, doing);
    await this.checkKept(issue, 'updated', {
      labels: patch.labels,
      assignees: patch.assignees,
      milestone: patch.milestone,
    });
    return this.applyTime(issue, patch.attributes);
  }

  /**
   * Sets the estimate (`time_estimate` replaces it) and reconciles the time spent, which GitLab only adds to: the
   * difference from the total in the answer just received (create, edit or read), so a re-run or a run after a crash
   * never counts twice.
   */
  private async applyTime(
    issue: ActualIssue,
    attributes: Record<string, string> | undefined,
  ): Promise<ActualIssue> {
    const estimate = attributes?.['time-estimate'];
    const spent = attributes?.['time-spent'];
    if (estimate === undefined && spent === undefined) return issue;
    const doing = `setting the time tracking of issue #${issue.number}`;
    const { issues } = this.client;
    let stats: TimeStatsJson | null = null;
    if (estimate !== undefined) {
      const seconds = Number(estimate);
      stats = await this.call<TimeStatsJson>('issues', doing, () =>
        seconds > 0
          ? issues.addTimeEstimate(this.projectId, issue.number, gitlabDuration(seconds))
          : issues.resetTimeEstimate(this.projectId, issue.number),
      );
    }
    if (spent !== undefined) {
      const wanted = Number(spent);
      // The issue was just created, edited or read: its time_stats are current, so no read is needed.
      const current = stats?.total_time_spent ?? Number(issue.attributes?.['time-spent'] ?? 0);
      if (wanted <= 0 && current !== 0) {
        stats = await this.call<TimeStatsJson>('issues', doing, () =>
          issues.resetSpentTime(this.projectId, issue.number),
        );
      } else if (Math.abs(wanted - current) >= 60) {
        stats = await this.call<TimeStatsJson>('issues', doing, () =>
          issues.addSpentTime(this.projectId, issue.number, gitlabDuration(wanted - current), {
            summary: 'orchestrator-git: time spent, from the orchestrator',
          }),
        );
      }
    }
    if (!stats) return issue;
    const { attributes: _before, ...rest } = issue;
    return { ...rest, ...withTime(stats) };
  }

  /**
   * Issues::BaseService drops labels, milestone and assignees without a word when the caller lacks the Planner or
   * Reporter role. Left alone, every later run would see them missing and write them again, forever. So a write
   * that lost metadata, by a user below Planner, throws PERMISSION_DENIED (fatal: the run stops, where every further
   * write would lose its metadata too); the next run finds the issue by its marker once the role is fixed. Other
   * losses (a second `scope::` label, a milestone outside the project's groups, a second assignee without Premium)
   * are not the token's fault and are logged.
   */
  private async checkKept(
    issue: ActualIssue,
    verb: 'created' | 'updated',
    asked: { labels?: string[]; assignees?: string[]; milestone?: number | null },
  ): Promise<void> {
    const lost: string[] = [];
    if (asked.labels !== undefined && !sameNames(asked.labels, issue.labels)) lost.push('labels');
    if (asked.assignees !== undefined && !sameNames(asked.assignees, issue.assignees)) lost.push('assignees');
    if (asked.milestone !== undefined && (issue.milestone?.number ?? null) !== asked.milestone)
      lost.push('milestone');
    if (lost.length === 0) return;
    const what =
      lost.length > 1 ? `${lost.slice(0, -1).join(', ')} and ${lost.at(-1) ?? ''}` : (lost[0] ?? '');
    const detail = lost
      .map((field) =>
        field === 'labels'
          ? `labels asked ${JSON.stringify(asked.labels)}, kept ${JSON.stringify(issue.labels)}`
          : field === 'assignees'
            ? `assignees asked ${JSON.stringify(asked.assignees)}, kept ${JSON.stringify(issue.assignees)}`
            : `milestone asked ${String(asked.milestone)}, kept ${String(issue.milestone?.number ?? null)}`,
      )
      .join('; ');
    const role = await this.role(`checking the token’s role after issue #${issue.number} was ${verb}`);
    if (role === null || role < PLANNER) {
      throw new OrchestratorGitError(
        'PERMISSION_DENIED',
        `GitLab ${verb} issue #${issue.number} in ${quote(this.repository)} but silently dropped its ${what} (${detail}): the token’s user ${role === null ? 'is not a member of the project' : `has the ${ROLES[role] ?? `level ${role}`} role`}, and setting labels, milestones and assignees needs Planner or Reporter or above (GitLab ignores them for lower roles instead of refusing).`,
        `Give the token’s user the Reporter (or Planner) role or above on the project (Manage → Members), or use a project or group access token created with that role. The next run finds issue #${issue.number} by its marker and sets what is missing.`,
      );
    }
    this.log(
      `GitLab ${verb} issue #${issue.number} without all of its ${what} (${detail}); likely causes: two labels of one scope (scoped labels keep one), a milestone outside the project and its groups, or several assignees without GitLab Premium.`,
    );
  }

  /** The token user's role on the project (highest of the direct and the group membership), null when none. */
  private async role(doing: string): Promise<number | null> {
    const permissions = (await this.project(doing)).permissions;
    const levels = [
      permissions?.project_access?.access_level,
      permissions?.group_access?.access_level,
    ].filter((level): level is number => typeof level === 'number');
    return levels.length > 0 ? Math.max(...levels) : null;
  }

  /** `GET /projects/:id`, once per instance: role, visibility and whether issues are on. */
  private project(doing: string): Promise<ProjectJson> {
    if (!this.projectInfo) {
      // Area 'project', not 'issues': a 403 here must not ask for this very project again (it would await itself).
      const pending = this.call<ProjectJson>('project', doing, () =>
        this.client.projects.show(this.projectId),
      );
      pending.catch(() => {
        if (this.projectInfo === pending) this.projectInfo = undefined;
      });
      this.projectInfo = pending;
    }
    return this.projectInfo;
  }

  /** `GET /users?username=`, once per username per instance. */
  private async user(login: string, doing: string): Promise<UserJson | null> {
    const key = login.toLowerCase();
    if (this.users.has(key)) return this.users.get(key) ?? null;
    const found = await this.call<UserJson[]>('users', doing, () =>
      this.client.users.all({ username: login }),
    );
    const user = found.find((item) => item.username.toLowerCase() === key) ?? null;
    this.users.set(key, user);
    return user;
  }

  private async userIds(logins: string[], doing: string): Promise<number[]> {
    const ids: number[] = [];
    for (const login of logins) {
      const user = await this.user(login, doing);
      if (!user) {
        throw new OrchestratorGitError(
          'VALIDATION_FAILED',
          `There is no GitLab user ${quote(login)} to assign while ${doing}.`,
          'Fix the assignee in the orchestrator state (GitLab usernames, without @); the rest of the run goes on.',
        );
      }
      if (!ids.includes(user.id)) ids.push(user.id);
    }
    return ids;
  }

  private async call<T>(area: Area, doing: string, request: () => Promise<unknown>): Promise<T> {
    try {
      return (await request()) as T;
    } catch (error) {
      throw await this.failure(error, area, doing);
    }
  }

  /**
   * GitLab answers a plain 403 both for a role too low and for issues turned off (`issues_access_level`
   * disabled, or private to members): the project's settings tell them apart.
   */
  private async failure(error: unknown, area: Area, doing: string): Promise<OrchestratorGitError> {
    if (
      (area === 'issues' || area === 'milestones') &&
      httpStatus(error) === 403 &&
      !isInsufficientScope(error)
    ) {
      const settings = await this.project(doing).catch(() => undefined);
      const level = settings?.issues_access_level;
      const member = settings ? (await this.role(doing).catch(() => null)) !== null : false;
      if (
        settings &&
        (settings.issues_enabled === false || level === 'disabled' || (level === 'private' && !member))
      ) {
        return new OrchestratorGitError(
          'ISSUES_DISABLED',
          `Issues are ${level === 'private' ? 'visible to project members only, and the token’s user is not one,' : 'turned off'} in ${quote(this.repository)} (403 while ${doing}).`,
          level === 'private'
            ? 'Make the token’s user a member of the project (Manage → Members), or let everyone with access use Issues: Settings → General → Visibility, project features, permissions → Issues.'
            : 'Turn Issues on: Settings → General → Visibility, project features, permissions → Issues (a Maintainer or Owner can), then save.',
          { cause: error },
        );
      }
    }
    return toCatalogueError(error, {
      repository: this.repository,
      doing,
      group: area === 'group' ? this.group : null,
    });
  }
}

function sameNames(asked: readonly string[], kept: readonly string[]): boolean {
  const a = new Set(asked.map((name) => name.toLowerCase()));
  const b = new Set(kept.map((name) => name.toLowerCase()));
  return a.size === b.size && [...a].every((name) => b.has(name));
}

function incomplete(doing: string): OrchestratorGitError {
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    `GitLab answered with an unexpected body while ${doing}, so the outcome of the request is unknown.`,
    'Nothing to do: the run looks for the issue by its marker before creating it again, and the next run reconciles.',
  );
}

function toActualMilestone(item: MilestoneJson): ActualMilestone {
  return {
    number: item.id,
    title: item.title,
    state: item.state === 'closed' ? 'closed' : 'open',
    dueOn: item.due_date ? item.due_date.slice(0, 10) : null,
  };
}

function toActualIssue(item: IssueJson, doing: string): ActualIssue {
  if (typeof item !== 'object' || item === null || typeof item.iid !== 'number') throw incomplete(doing);
  const assignees = item.assignees ?? (item.assignee ? [item.assignee] : []);
  return {
    number: item.iid,
    id: String(item.id),
    url: item.web_url,
    title: item.title,
    body: item.description ?? '',
    state: item.state === 'closed' ? 'closed' : 'open',
    stateReason: null,
    labels: item.labels
      .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
      .filter((name) => name !== ''),
    assignees: assignees.map((assignee) => assignee.username),
    milestone: item.milestone ? { number: item.milestone.id, title: item.milestone.title } : null,
    author: item.author?.username ?? null,
    updatedAt: item.updated_at,
    ...withTime(item.time_stats ?? null),
  };
}

/** The issue's time attributes, when it has any (an issue without tracked time reads as it always did). */
function withTime(stats: TimeStatsJson | null): { attributes?: Record<string, string> } {
  const attributes = timeAttributes(stats);
  return Object.keys(attributes).length > 0 ? { attributes } : {};
}

/** The time attributes of an issue: absent when zero (nothing set, which no item's value is). */
function timeAttributes(stats: TimeStatsJson | null): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (stats && stats.time_estimate > 0) attributes['time-estimate'] = String(stats.time_estimate);
  if (stats && stats.total_time_spent > 0) attributes['time-spent'] = String(stats.total_time_spent);
  return attributes;
}
