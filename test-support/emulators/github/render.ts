/** Turns store records into the JSON objects GitHub serves, with URLs rooted at the base the caller used. */

import { isoSeconds } from './http.js';
import type {
  IssueRecord,
  IssueTypeRecord,
  LabelRecord,
  MilestoneRecord,
  RepoRecord,
  Store,
  TokenRecord,
  UserRecord,
} from './store.js';
import type { IssueJson, IssueTypeJson, LabelJson, MilestoneJson, SimpleUserJson } from './types.js';

/** `api`: `http://host:port` or `http://host:port/api/v3`; `web`: `http://host:port`. */
export interface Urls {
  api: string;
  web: string;
}

export function renderUser(user: UserRecord, urls: Urls): SimpleUserJson {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  const html =
    user.type === 'Bot'
      ? `${urls.web}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${urls.web}/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `${urls.web}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function repoApi(repo: RepoRecord, urls: Urls): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

function repoWeb(repo: RepoRecord, urls: Urls): string {
  return `${urls.web}/${repo.owner}/${repo.name}`;
}

export function renderLabel(repo: RepoRecord, label: LabelRecord, urls: Urls): LabelJson {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${repoApi(repo, urls)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  };
}

export function renderMilestone(
  store: Store,
  repo: RepoRecord,
  milestone: MilestoneRecord,
  urls: Urls,
): MilestoneJson {
  const counts = store.milestoneCounts(repo, milestone.number);
  const api = `${repoApi(repo, urls)}/milestones/${milestone.number}`;
  return {
    url: api,
    html_url: `${repoWeb(repo, urls)}/milestone/${milestone.number}`,
    labels_url: `${api}/labels`,
    id: milestone.id,
    node_id: milestone.nodeId,
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    creator: renderUser(store.user(milestone.creator), urls),
    open_issues: counts.open,
    closed_issues: counts.closed,
    state: milestone.state,
    created_at: isoSeconds(milestone.createdAt),
    updated_at: isoSeconds(milestone.updatedAt),
    due_on: milestone.dueOn === null ? null : isoSeconds(milestone.dueOn),
    closed_at: milestone.closedAt === null ? null : isoSeconds(milestone.closedAt),
  };
}

function authorAssociation(store: Store, repo: RepoRecord, login: string): IssueJson['author_association'] {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  if (store.isAssignable(repo, login)) return 'COLLABORATOR';
  return 'NONE';
}

export function renderIssueType(type: IssueTypeRecord): IssueTypeJson {
  return {
    id: type.id,
    node_id: type.nodeId,
    name: type.name,
    description: type.description,
    color: type.color,
    created_at: isoSeconds(type.createdAt),
    updated_at: isoSeconds(type.updatedAt),
    is_enabled: type.isEnabled,
  };
}

/** The issue's type, while its owner still defines it. */
function renderIssueTypeOf(store: Store, repo: RepoRecord, issue: IssueRecord): IssueTypeJson | null {
  if (issue.typeId === undefined || issue.typeId === null) return null;
  const type = store.issueTypes.get(repo.owner.toLowerCase())?.find((entry) => entry.id === issue.typeId);
  return type ? renderIssueType(type) : null;
}

/**
 * The issue object. `detail` is true for single-issue responses (get, create, update): only those carry `closed_by`
 * (GitHub leaves it out of lists — octokit/octokit.net#1353).
 */
export function renderIssue(
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  urls: Urls,
  detail: boolean,
): IssueJson {
  const api = `${repoApi(repo, urls)}/issues/${issue.number}`;
  const web = `${repoWeb(repo, urls)}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`;
  const assignees = issue.assignees.map((login) => renderUser(store.user(login), urls));
  const milestone = issue.milestone === null ? undefined : repo.milestones.get(issue.milestone);
  const labels: LabelJson[] = [];
  for (const id of issue.labelIds) {
    const label = store.labelById(repo, id);
    if (label) labels.push(renderLabel(repo, label, urls));
  }
  const json: IssueJson = {
    url: api,
    repository_url: repoApi(repo, urls),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    id: issue.id,
    node_id: issue.nodeId,
    number: issue.number,
    title: issue.title,
    user: renderUser(store.user(issue.author), urls),
    labels,
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone ? renderMilestone(store, repo, milestone, urls) : null,
    comments: issue.comments,
    created_at: isoSeconds(issue.createdAt),
    updated_at: isoSeconds(issue.updatedAt),
    closed_at: issue.closedAt === null ? null : isoSeconds(issue.closedAt),
    author_association: authorAssociation(store, repo, issue.author),
    type: renderIssueTypeOf(store, repo, issue),
    active_lock_reason: null,
    sub_issues_summary: subIssuesSummary(store, issue),
    body: issue.body,
    reactions: {
      url: `${api}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
  if (issue.pullRequest) {
    const pull = `${repoApi(repo, urls)}/pulls/${issue.number}`;
    json.draft = false;
    json.pull_request = {
      url: pull,
      html_url: web,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      merged_at: null,
    };
  }
  const parentId = store.parentOf.get(issue.id);
  const parent = parentId === undefined ? undefined : store.issueById(parentId);
  const relations = json as IssueJson & {
    parent_issue_url?: string | null;
    issue_dependencies_summary?: Record<string, number>;
  };
  if (parent) relations.parent_issue_url = `${repoApi(parent.repo, urls)}/issues/${parent.issue.number}`;
  const dependencies = dependencySummary(store, issue);
  if (dependencies.total_blocked_by > 0 || dependencies.total_blocking > 0)
    relations.issue_dependencies_summary = dependencies;
  if (detail) json.closed_by = issue.closedBy === null ? null : renderUser(store.user(issue.closedBy), urls);
  return json;
}

function subIssuesSummary(
  store: Store,
  issue: IssueRecord,
): { total: number; completed: number; percent_completed: number } {
  const children = (store.subIssues.get(issue.id) ?? [])
    .map((id) => store.issueById(id)?.issue)
    .filter((child): child is IssueRecord => child !== undefined && !child.deleted);
  const completed = children.filter((child) => child.state === 'closed').length;
  return {
    total: children.length,
    completed,
    percent_completed: children.length ? Math.floor((completed * 100) / children.length) : 0,
  };
}

/** `blocked_by` / `blocking` count open issues, the `total_` ones all (GitHub's issue-dependencies-summary). */
function dependencySummary(
  store: Store,
  issue: IssueRecord,
): Record<string, number> & { total_blocked_by: number; total_blocking: number } {
  const open = (id: number): boolean => store.issueById(id)?.issue.state === 'open';
  const blockers = store.blockedBy.get(issue.id) ?? [];
  const blocking: number[] = [];
  for (const [dependent, list] of store.blockedBy) if (list.includes(issue.id)) blocking.push(dependent);
  return {
    blocked_by: blockers.filter(open).length,
    blocking: blocking.filter(open).length,
    total_blocked_by: blockers.length,
    total_blocking: blocking.length,
  };
}

/** What the token may do here, in the repository object's `permissions` vocabulary. */
export function repoPermissions(token: TokenRecord | undefined, granted: boolean): Record<string, boolean> {
  const issues = granted ? token?.permissions.issues : undefined;
  const contents = granted ? token?.permissions.contents : undefined;
  return {
    admin: false,
    maintain: false,
    push: contents === 'write',
    triage: issues === 'write',
    pull: true,
  };
}

/** The full-repository object of `GET /repos/{owner}/{repo}`. */
export function renderRepository(
  store: Store,
  repo: RepoRecord,
  urls: Urls,
  permissions: Record<string, boolean>,
): Record<string, unknown> {
  const api = repoApi(repo, urls);
  const web = repoWeb(repo, urls);
  const host = new URL(urls.web).host;
  let openIssues = 0;
  for (const issue of repo.issues.values()) if (!issue.deleted && issue.state === 'open') openIssues += 1;
  const created = isoSeconds(repo.createdAt);
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: renderUser(store.user(repo.owner), urls),
    html_url: web,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: created,
    updated_at: isoSeconds(repo.updatedAt),
    pushed_at: created,
    git_url: `git://${host}/${repo.fullName}.git`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    clone_url: `${web}.git`,
    svn_url: web,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: repo.hasIssues,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: 'main',
    permissions,
    network_count: 0,
    subscribers_count: 0,
  };
}
