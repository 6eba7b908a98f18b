/**
 * Turns store records into the JSON objects Bitbucket serves, with URLs rooted at the host the caller used.
 *
 * Shapes follow the swagger components (`account`/`user`, `repository`, `issue`, `milestone`, `version`, `component`,
 * `issue_change`, `workspace`, `workspace_membership`) and its examples, plus what Bitbucket sends beyond them:
 * - Issue fields with no value are `null` (`assignee`, `milestone`, `version`, `component`, `edited_on`), not absent;
 *   `watches` is sent next to `votes`; rich-text objects (`content`, change `message`) carry `"type": "rendered"`
 *   (swagger issue-changes example; public recordings of issue and comment JSON).
 * - A nested repository is the short form `{type, full_name, name, uuid, links: {self, html, avatar}}`; a nested
 *   issue in a change is `{type, id, title, repository, links: {self}}` (swagger issue-changes example).
 * - Accounts: `{type: "user", display_name, uuid, account_id, nickname, links: {self, html, avatar}}`; links use the
 *   URL-encoded `{uuid}` (`/2.0/users/%7B…%7D`). The full object of `GET /users/…` and `GET /user` adds `created_on`
 *   and `account_status`.
 * - Access-token bots are rendered as ordinary `user` accounts named after the token — unverified (Bitbucket may show
 *   them differently, e.g. as `app_user`).
 */

import { bbTime, renderMarkdown } from './http.js';
import type {
  ChangeRecord,
  IssueRecord,
  NamedRecord,
  RepoRecord,
  Store,
  UserRecord,
  WorkspaceRecord,
} from './store.js';
import type {
  AccountJson,
  IssueChangeJson,
  IssueJson,
  NamedJson,
  RenderedJson,
  RepositorySummaryJson,
} from './types.js';

/** `api`: `http://host:port/2.0`; `web`: `http://host:port` (standing in for bitbucket.org). */
export interface Urls {
  api: string;
  web: string;
}

const enc = (uuid: string): string => encodeURIComponent(uuid);

export function renderAccount(user: UserRecord, urls: Urls, full = false): AccountJson {
  const json: AccountJson = {
    type: 'user',
    display_name: user.displayName,
    uuid: user.uuid,
    account_id: user.accountId,
    nickname: user.nickname,
    links: {
      self: { href: `${urls.api}/users/${enc(user.uuid)}` },
      html: { href: `${urls.web}/${enc(user.uuid)}/` },
      avatar: { href: `${urls.web}/account/${user.accountId}/avatar/` },
    },
  };
  if (full) {
    json.created_on = bbTime(user.createdAt);
    json.account_status = 'active';
  }
  return json;
}

export function renderAccountId(store: Store, accountId: string | null, urls: Urls): AccountJson | null {
  if (accountId === null) return null;
  const user = store.users.get(accountId);
  return user ? renderAccount(user, urls) : null;
}

export function repoApi(repo: RepoRecord, urls: Urls): string {
  return `${urls.api}/repositories/${repo.workspace}/${repo.slug}`;
}

export function repoWeb(repo: RepoRecord, urls: Urls): string {
  return `${urls.web}/${repo.workspace}/${repo.slug}`;
}

export function renderRepoSummary(repo: RepoRecord, urls: Urls): RepositorySummaryJson {
  return {
    type: 'repository',
    full_name: repo.fullName,
    name: repo.name,
    uuid: repo.uuid,
    links: {
      self: { href: repoApi(repo, urls) },
      html: { href: repoWeb(repo, urls) },
      avatar: { href: `${urls.web}/${repo.fullName}/avatar/32/` },
    },
  };
}

export function renderWorkspace(workspace: WorkspaceRecord, urls: Urls): Record<string, unknown> {
  return {
    type: 'workspace',
    uuid: workspace.uuid,
    name: workspace.name,
    slug: workspace.slug,
    links: {
      avatar: { href: `${urls.web}/workspaces/${workspace.slug}/avatar/` },
      html: { href: `${urls.web}/${workspace.slug}/` },
      self: { href: `${urls.api}/workspaces/${workspace.slug}` },
    },
  };
}

/** The full repository object of `GET /repositories/{workspace}/{repo_slug}`. */
export function renderRepository(store: Store, repo: RepoRecord, urls: Urls): Record<string, unknown> {
  const api = repoApi(repo, urls);
  const web = repoWeb(repo, urls);
  const workspace = store.ensureWorkspace(repo.workspace);
  const host = new URL(urls.web).host;
  return {
    type: 'repository',
    full_name: repo.fullName,
    links: {
      self: { href: api },
      html: { href: web },
      avatar: { href: `${urls.web}/${repo.fullName}/avatar/32/` },
      pullrequests: { href: `${api}/pullrequests` },
      commits: { href: `${api}/commits` },
      forks: { href: `${api}/forks` },
      watchers: { href: `${api}/watchers` },
      downloads: { href: `${api}/downloads` },
      clone: [
        { name: 'https', href: `${web}.git` },
        { name: 'ssh', href: `git@${host}:${repo.fullName}.git` },
      ],
      hooks: { href: `${api}/hooks` },
    },
    name: repo.name,
    slug: repo.slug,
    description: '',
    scm: 'git',
    website: null,
    owner: {
      type: 'team',
      display_name: workspace.name,
      uuid: workspace.uuid,
      username: workspace.slug,
      links: {
        self: { href: `${urls.api}/workspaces/${workspace.slug}` },
        html: { href: `${urls.web}/${workspace.slug}/` },
        avatar: { href: `${urls.web}/workspaces/${workspace.slug}/avatar/` },
      },
    },
    workspace: renderWorkspace(workspace, urls),
    is_private: repo.private,
    fork_policy: repo.private ? 'no_public_forks' : 'allow_forks',
    created_on: bbTime(repo.createdAt),
    updated_on: bbTime(repo.updatedAt),
    size: 0,
    language: '',
    uuid: repo.uuid,
    mainbranch: { type: 'branch', name: 'main' },
    has_issues: repo.hasIssues,
    has_wiki: false,
  };
}

export type NamedKind = 'milestone' | 'version' | 'component';

export function renderNamed(repo: RepoRecord, kind: NamedKind, item: NamedRecord, urls: Urls): NamedJson {
  return {
    type: kind,
    id: item.id,
    name: item.name,
    links: { self: { href: `${repoApi(repo, urls)}/${kind}s/${item.id}` } },
  };
}

function renderNamedId(repo: RepoRecord, kind: NamedKind, id: number | null, urls: Urls): NamedJson | null {
  if (id === null) return null;
  const item = repo[`${kind}s`].find((candidate) => candidate.id === id);
  return item ? renderNamed(repo, kind, item, urls) : null;
}

export function renderRich(raw: string): RenderedJson {
  return { type: 'rendered', raw, markup: 'markdown', html: renderMarkdown(raw) };
}

export function renderIssue(store: Store, repo: RepoRecord, issue: IssueRecord, urls: Urls): IssueJson {
  const api = `${repoApi(repo, urls)}/issues/${issue.id}`;
  return {
    type: 'issue',
    id: issue.id,
    repository: renderRepoSummary(repo, urls),
    links: {
      self: { href: api },
      html: { href: `${repoWeb(repo, urls)}/issues/${issue.id}` },
      comments: { href: `${api}/comments` },
      attachments: { href: `${api}/attachments` },
      watch: { href: `${api}/watch` },
      vote: { href: `${api}/vote` },
    },
    title: issue.title,
    content: renderRich(issue.raw),
    reporter: renderAccountId(store, issue.reporter, urls),
    assignee: renderAccountId(store, issue.assignee, urls),
    created_on: bbTime(issue.createdAt),
    updated_on: bbTime(issue.updatedAt),
    edited_on: issue.editedAt === null ? null : bbTime(issue.editedAt),
    state: issue.state,
    kind: issue.kind,
    priority: issue.priority,
    milestone: renderNamedId(repo, 'milestone', issue.milestone, urls),
    version: renderNamedId(repo, 'version', issue.version, urls),
    component: renderNamedId(repo, 'component', issue.component, urls),
    votes: issue.votes,
    watches: issue.watches,
  };
}

export function renderChange(
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  change: ChangeRecord,
  urls: Urls,
): IssueChangeJson {
  const issueApi = `${repoApi(repo, urls)}/issues/${issue.id}`;
  return {
    type: 'issue_change',
    id: change.id,
    created_on: bbTime(change.createdAt),
    user: renderAccountId(store, change.user, urls),
    issue: {
      type: 'issue',
      id: issue.id,
      title: issue.title,
      repository: renderRepoSummary(repo, urls),
      links: { self: { href: issueApi } },
    },
    changes: change.changes,
    message: renderRich(change.message),
    links: {
      self: { href: `${issueApi}/changes/${change.id}` },
      html: { href: `${repoWeb(repo, urls)}/issues/${issue.id}#comment-${change.id}` },
    },
  };
}

export function renderMembership(
  user: UserRecord,
  workspace: WorkspaceRecord,
  urls: Urls,
): Record<string, unknown> {
  return {
    type: 'workspace_membership',
    user: renderAccount(user, urls),
    workspace: renderWorkspace(workspace, urls),
    links: { self: { href: `${urls.api}/workspaces/${workspace.slug}/members/${enc(user.uuid)}` } },
  };
}
