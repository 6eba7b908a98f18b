/**
 * Turns store records into the JSON GitLab serves (Grape entities in lib/api/entities/*), with URLs rooted at the
 * host the caller used.
 *
 * Documented behaviour followed (doc/api/issues.md, labels.md, milestones.md, members.md, users.md, projects.md and
 * the entities in lib/api/entities/):
 * - Issue (Entities::Issue < IssueBasic): `labels` are the label titles sorted alphabetically
 *   (`issue.labels.map(&:title).sort`); `assignee` repeats the first of `assignees`; `type` is the upper-cased
 *   `issue_type`; `web_url` is `<host>/<full_path>/-/issues/<iid>`; `references` short `#iid`, relative `#iid`, full
 *   `<full_path>#iid`; `time_stats` in seconds with human forms; `task_completion_status` counts Markdown task items;
 *   `task_status` only when there are tasks; `subscribed` only on single-issue responses (lists pass
 *   `include_subscribed: false`); `weight` only when issue weights are available (Premium).
 * - Milestone: `state` is `active` or `closed`; `project_id` or `group_id`; `web_url` `<host>/<full_path>/-/milestones/
 *   <iid>` (groups: `<host>/groups/<full_path>/-/milestones/<iid>`); `expired` true once the due date has passed.
 * - Label (Entities::ProjectLabel): `color` as stored (CSS names become hex), `text_color` `#FFFFFF` on dark and
 *   `#1F1E24` on light backgrounds, counts only with `with_counts=true`, `is_project_label: true`.
 * - UserBasic: id, username, name, state, locked, avatar_url, web_url. Member: the user fields merged with
 *   access_level, created_at, created_by, expires_at, membership_state.
 * - Project (Entities::ProjectWithAccess): `permissions.project_access` / `group_access` are
 *   `{access_level, notification_level}` or null; `issues_enabled` and `issues_access_level` reflect the feature.
 */

import { createHash } from 'node:crypto';
import { formatDuration, isoMillis } from './http.js';
import type { Principal } from './auth.js';
import type {
  GroupRecord,
  IssueRecord,
  LabelRecord,
  MemberRecord,
  MilestoneRecord,
  ProjectRecord,
  Store,
  UserRecord,
} from './store.js';
import type {
  IssueJson,
  LabelJson,
  MemberJson,
  MilestoneJson,
  TimeStatsJson,
  UserBasicJson,
} from './types.js';

/** `web`: `http://host:port`; `api`: `http://host:port/api/v4`. */
export interface Urls {
  web: string;
  api: string;
}

export interface RenderFeatures {
  issueWeights: boolean;
}

export function renderUser(user: UserRecord, urls: Urls): UserBasicJson {
  const hash = createHash('md5').update(`${user.username}@example.com`).digest('hex');
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    locked: false,
    avatar_url: `https://www.gravatar.com/avatar/${hash}?s=80&d=identicon`,
    web_url: `${urls.web}/${user.username}`,
  };
}

/** Today's date (UTC) on the emulator's clock, as YYYY-MM-DD. */
function today(store: Store): string {
  return new Date(store.now()).toISOString().slice(0, 10);
}

export function renderMilestone(store: Store, milestone: MilestoneRecord, urls: Urls): MilestoneJson {
  const json: Partial<MilestoneJson> & Record<string, unknown> = { id: milestone.id, iid: milestone.iid };
  let webUrl: string;
  if (milestone.projectId !== null) {
    json.project_id = milestone.projectId;
    const project = store.projects.get(milestone.projectId);
    webUrl = `${urls.web}/${project?.fullPath ?? ''}/-/milestones/${milestone.iid}`;
  } else {
    json.group_id = milestone.groupId ?? 0;
    const group = milestone.groupId === null ? undefined : store.groups.get(milestone.groupId);
    webUrl = `${urls.web}/groups/${group?.fullPath ?? ''}/-/milestones/${milestone.iid}`;
  }
  return {
    ...json,
    title: milestone.title,
    description: milestone.description,
    state: milestone.state,
    created_at: isoMillis(milestone.createdAt),
    updated_at: isoMillis(milestone.updatedAt),
    due_date: milestone.dueDate,
    start_date: milestone.startDate,
    expired: milestone.dueDate !== null && milestone.dueDate < today(store),
    web_url: webUrl,
  } as MilestoneJson;
}

/** `#FFFFFF` text on dark colours, `#1F1E24` on light ones (Gitlab::Color#contrast). */
export function textColor(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return '#FFFFFF';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const channel = (i: number): number => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance > 0.179 ? '#1F1E24' : '#FFFFFF';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderLabel(
  store: Store,
  project: ProjectRecord,
  label: LabelRecord,
  withCounts: boolean,
): LabelJson {
  const json: LabelJson = {
    id: label.id,
    name: label.name,
    description: label.description,
    description_html: label.description ? `<p dir="auto">${escapeHtml(label.description)}</p>` : '',
    text_color: textColor(label.color),
    color: label.color,
    archived: false,
    subscribed: false,
    priority: null,
    is_project_label: label.projectId !== null,
  };
  if (withCounts) {
    let open = 0;
    let closed = 0;
    for (const issue of project.issues.values()) {
      if (issue.deleted || !issue.labelIds.includes(label.id)) continue;
      if (issue.state === 'opened') open += 1;
      else closed += 1;
    }
    const { subscribed, priority, is_project_label, ...rest } = json;
    return {
      ...rest,
      open_issues_count: open,
      closed_issues_count: closed,
      open_merge_requests_count: 0,
      subscribed,
      priority,
      is_project_label,
    };
  }
  void store;
  return json;
}

export function renderTimeStats(issue: IssueRecord): TimeStatsJson {
  return {
    time_estimate: issue.timeEstimate,
    total_time_spent: issue.totalTimeSpent,
    human_time_estimate: formatDuration(issue.timeEstimate),
    human_total_time_spent: formatDuration(issue.totalTimeSpent),
  };
}

/** Markdown task list items (`- [ ]`, `* [x]`, `1. [ ]`), like TaskList::Filter. */
export function taskCounts(description: string | null): { count: number; completed_count: number } {
  let count = 0;
  let completed = 0;
  for (const line of (description ?? '').split('\n')) {
    const match = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX~])\]\s/.exec(`${line} `);
    if (!match) continue;
    count += 1;
    if (match[1] === 'x' || match[1] === 'X') completed += 1;
  }
  return { count, completed_count: completed };
}

export function renderIssue(
  store: Store,
  project: ProjectRecord,
  issue: IssueRecord,
  urls: Urls,
  options: { detail: boolean; features: RenderFeatures; viewer?: Principal },
): IssueJson {
  const labels = issue.labelIds
    .map((id) => store.labelById(project, id)?.name)
    .filter((name): name is string => name !== undefined)
    .sort();
  const milestone = issue.milestoneId === null ? undefined : store.milestoneById(issue.milestoneId);
  const assignees = issue.assigneeIds
    .map((id) => store.users.get(id))
    .filter((u): u is UserRecord => u !== undefined)
    .map((u) => renderUser(u, urls));
  const closedBy = issue.closedById === null ? undefined : store.users.get(issue.closedById);
  const tasks = taskCounts(issue.description);
  const issueApi = `${urls.api}/projects/${project.id}/issues/${issue.iid}`;
  const json: Record<string, unknown> = {
    id: issue.id,
    iid: issue.iid,
    project_id: project.id,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    created_at: isoMillis(issue.createdAt),
    updated_at: isoMillis(issue.updatedAt),
    closed_at: issue.closedAt === null ? null : isoMillis(issue.closedAt),
    closed_by: closedBy ? renderUser(closedBy, urls) : null,
    labels,
    milestone: milestone ? renderMilestone(store, milestone, urls) : null,
    assignees,
    author: renderUser(store.requireUser(issue.authorId), urls),
    type: issue.issueType.toUpperCase(),
    assignee: assignees[0] ?? null,
    user_notes_count: 0,
    merge_requests_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: issue.dueDate,
    confidential: issue.confidential,
    discussion_locked: issue.discussionLocked,
    issue_type: issue.issueType,
    web_url: `${urls.web}/${project.fullPath}/-/issues/${issue.iid}`,
    time_stats: renderTimeStats(issue),
    task_completion_status: tasks,
  };
  if (options.features.issueWeights) json['weight'] = issue.weight;
  json['blocking_issues_count'] = 0;
  json['has_tasks'] = tasks.count > 0;
  if (tasks.count > 0)
    json['task_status'] = `${tasks.completed_count} of ${tasks.count} checklist items completed`;
  json['_links'] = {
    self: issueApi,
    notes: `${issueApi}/notes`,
    award_emoji: `${issueApi}/award_emoji`,
    project: `${urls.api}/projects/${project.id}`,
    closed_as_duplicate_of: null,
  };
  json['references'] = {
    short: `#${issue.iid}`,
    relative: `#${issue.iid}`,
    full: `${project.fullPath}#${issue.iid}`,
  };
  json['severity'] = 'UNKNOWN';
  if (options.detail)
    json['subscribed'] = options.viewer?.kind === 'user' && issue.authorId === options.viewer.user.id;
  json['moved_to_id'] = null;
  json['imported'] = false;
  json['imported_from'] = 'none';
  json['service_desk_reply_to'] = null;
  return json as unknown as IssueJson;
}

export function renderMember(store: Store, member: MemberRecord, urls: Urls): MemberJson {
  const user = store.requireUser(member.userId);
  const createdBy = member.createdBy === null ? undefined : store.users.get(member.createdBy);
  return {
    ...renderUser(user, urls),
    access_level: member.accessLevel,
    created_at: isoMillis(member.createdAt),
    created_by: createdBy ? renderUser(createdBy, urls) : null,
    expires_at: member.expiresAt,
    membership_state: 'active',
  };
}

function namespaceJson(group: GroupRecord, urls: Urls): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    path: group.path,
    kind: 'group',
    full_path: group.fullPath,
    parent_id: group.parentId,
    avatar_url: null,
    web_url: `${urls.web}/groups/${group.fullPath}`,
  };
}

/** `GET /projects/:id` as Entities::ProjectWithAccess (a representative subset of its many fields). */
export function renderProject(
  store: Store,
  project: ProjectRecord,
  principal: Principal,
  urls: Urls,
): Record<string, unknown> {
  const group = store.projectGroup(project);
  const web = `${urls.web}/${project.fullPath}`;
  const host = new URL(urls.web).host;
  let openIssues = 0;
  for (const issue of project.issues.values())
    if (!issue.deleted && issue.state === 'opened') openIssues += 1;
  const projectMember =
    principal.kind === 'user' ? store.projectMember(project, principal.user.id) : undefined;
  const groupMember = principal.kind === 'user' ? store.groupMember(group, principal.user.id) : undefined;
  const access = (member: MemberRecord | undefined): Record<string, number> | null =>
    member ? { access_level: member.accessLevel, notification_level: 3 } : null;
  const api = `${urls.api}/projects/${project.id}`;
  return {
    id: project.id,
    description: null,
    name: project.name,
    name_with_namespace: [...store.groupChain(group)]
      .reverse()
      .map((g) => g.name)
      .concat(project.name)
      .join(' / '),
    path: project.path,
    path_with_namespace: project.fullPath,
    created_at: isoMillis(project.createdAt),
    default_branch: project.defaultBranch,
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${new URL(urls.web).hostname}:${project.fullPath}.git`,
    http_url_to_repo: `${web}.git`,
    web_url: web,
    readme_url: null,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: isoMillis(project.updatedAt),
    visibility: project.visibility,
    namespace: namespaceJson(group, urls),
    container_registry_image_prefix: `registry.${host}/${project.fullPath}`,
    _links: {
      self: api,
      issues: `${api}/issues`,
      merge_requests: `${api}/merge_requests`,
      repo_branches: `${api}/repository/branches`,
      labels: `${api}/labels`,
      events: `${api}/events`,
      members: `${api}/members`,
      cluster_agents: `${api}/cluster_agents`,
    },
    packages_enabled: true,
    empty_repo: false,
    archived: false,
    resolve_outdated_diff_discussions: false,
    issues_enabled: project.issuesAccessLevel !== 'disabled',
    merge_requests_enabled: project.mergeRequestsAccessLevel !== 'disabled',
    wiki_enabled: true,
    jobs_enabled: true,
    snippets_enabled: true,
    container_registry_enabled: true,
    service_desk_enabled: false,
    can_create_merge_request_in: projectMember !== undefined || groupMember !== undefined,
    issues_access_level: project.issuesAccessLevel,
    repository_access_level: 'enabled',
    merge_requests_access_level: project.mergeRequestsAccessLevel,
    forking_access_level: 'enabled',
    wiki_access_level: 'enabled',
    builds_access_level: 'enabled',
    snippets_access_level: 'enabled',
    pages_access_level: 'private',
    analytics_access_level: 'enabled',
    container_registry_access_level: 'enabled',
    security_and_compliance_access_level: 'private',
    releases_access_level: 'enabled',
    environments_access_level: 'enabled',
    feature_flags_access_level: 'enabled',
    infrastructure_access_level: 'enabled',
    monitor_access_level: 'enabled',
    emails_disabled: false,
    emails_enabled: true,
    shared_runners_enabled: true,
    lfs_enabled: true,
    creator_id: project.creatorId ?? store.webEditor(project).id,
    open_issues_count: openIssues,
    updated_at: isoMillis(project.updatedAt),
    request_access_enabled: true,
    only_allow_merge_if_pipeline_succeeds: false,
    merge_method: 'merge',
    squash_option: 'default_off',
    autoclose_referenced_issues: true,
    permissions: { project_access: access(projectMember), group_access: access(groupMember) },
  };
}
