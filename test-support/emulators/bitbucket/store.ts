/** The emulator's state: accounts, workspaces, repositories with their issue trackers, and credentials, as plain records. */

import type { IssueKind, IssuePriority, IssueState } from './types.js';

export interface UserRecord {
  accountId: string;
  /** With braces. */
  uuid: string;
  nickname: string;
  displayName: string;
  email: string | undefined;
  /** Access-token bots are accounts too; they are not workspace members. */
  bot: boolean;
  createdAt: number;
}

export interface WorkspaceRecord {
  slug: string;
  uuid: string;
  name: string;
  /** Account ids, in the order they joined. */
  members: string[];
  createdAt: number;
}

export interface NamedRecord {
  id: number;
  name: string;
}

export interface ChangeRecord {
  id: number;
  createdAt: number;
  /** Account id of whoever made the change. */
  user: string;
  changes: Record<string, { old: string; new: string }>;
  message: string;
}

export interface IssueRecord {
  id: number;
  title: string;
  raw: string;
  state: IssueState;
  kind: IssueKind;
  priority: IssuePriority;
  /** Account ids. */
  reporter: string;
  assignee: string | null;
  /** Ids into the tracker's milestones / versions / components. */
  milestone: number | null;
  version: number | null;
  component: number | null;
  createdAt: number;
  updatedAt: number;
  editedAt: number | null;
  votes: number;
  watches: number;
  changes: ChangeRecord[];
}

export interface RepoRecord {
  workspace: string;
  slug: string;
  name: string;
  fullName: string;
  uuid: string;
  private: boolean;
  hasIssues: boolean;
  createdAt: number;
  updatedAt: number;
  nextIssueId: number;
  /** Change ids share one sequence per repository (they double as comment anchors on the web page). */
  nextChangeId: number;
  issues: Map<number, IssueRecord>;
  milestones: NamedRecord[];
  versions: NamedRecord[];
  components: NamedRecord[];
}

export type CredentialKind = 'app_password' | 'api_token' | 'repository' | 'workspace' | 'oauth';

export interface CredentialRecord {
  kind: CredentialKind;
  /** The account the credential acts as (a bot for access tokens). */
  accountId: string;
  scopes: string[];
  /** Lower-cased `workspace/slug` for repository access tokens. */
  repository?: string;
  /** Lower-cased slug for workspace access tokens. */
  workspace?: string;
  /** Rate-limit bucket: per access token, per user otherwise ("API request limits", support.atlassian.com). */
  bucket: string;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

/** Holds every record, allocates ids and looks things up the way Bitbucket does (slugs case-insensitively). */
export class Store {
  readonly users = new Map<string, UserRecord>();
  readonly workspaces = new Map<string, WorkspaceRecord>();
  readonly repos = new Map<string, RepoRecord>();
  /** Keyed by `bearer:<token>` or `basic:<username or email>:<secret>`. */
  readonly credentials = new Map<string, CredentialRecord>();
  private sequence = 0x5d5355e8;
  private nextTrackerId = 100;
  /** What a PUT does with the `state` of its body (emulator option `putState`). */
  putState: 'honoured' | 'ignored' | 'refused' = 'honoured';

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** A deterministic, well-formed `{8-4-4-4-12}` uuid. */
  uuid(): string {
    const n = this.next();
    return `{${hex(n, 8)}-${hex(n * 7, 4)}-4${hex(n, 3)}-8${hex(n * 13, 3)}-${hex(n * 104729, 12)}}`;
  }

  accountId(): string {
    const n = this.next();
    return `${hex(n, 8)}${hex(n * 31, 8)}${hex(n * 977, 8)}`;
  }

  trackerId(): number {
    this.nextTrackerId += 1;
    return this.nextTrackerId;
  }

  addUser(
    nickname: string,
    fields: { displayName?: string; accountId?: string; uuid?: string; email?: string; bot?: boolean } = {},
  ): UserRecord {
    const existing = this.findUser(nickname);
    if (existing) return existing;
    const record: UserRecord = {
      accountId: fields.accountId ?? this.accountId(),
      uuid: fields.uuid ?? this.uuid(),
      nickname,
      displayName: fields.displayName ?? nickname,
      email: fields.email,
      bot: fields.bot ?? false,
      createdAt: this.now(),
    };
    this.users.set(record.accountId, record);
    return record;
  }

  /** By account id, `{uuid}`, nickname (case-insensitive) or email. */
  findUser(key: string): UserRecord | undefined {
    const direct = this.users.get(key);
    if (direct) return direct;
    const lower = key.toLowerCase();
    for (const user of this.users.values()) {
      if (user.uuid.toLowerCase() === lower) return user;
      if (user.nickname.toLowerCase() === lower) return user;
      if (user.email !== undefined && user.email.toLowerCase() === lower) return user;
    }
    return undefined;
  }

  requireUser(key: string): UserRecord {
    const user = this.findUser(key);
    if (!user) throw new Error(`No user ${JSON.stringify(key)}; call addUser first.`);
    return user;
  }

  workspace(slug: string): WorkspaceRecord | undefined {
    const key = slug.toLowerCase();
    const direct = this.workspaces.get(key);
    if (direct) return direct;
    for (const workspace of this.workspaces.values())
      if (workspace.uuid.toLowerCase() === key) return workspace;
    return undefined;
  }

  ensureWorkspace(slug: string): WorkspaceRecord {
    const existing = this.workspace(slug);
    if (existing) return existing;
    const record: WorkspaceRecord = {
      slug: slug.toLowerCase(),
      uuid: this.uuid(),
      name: slug,
      members: [],
      createdAt: this.now(),
    };
    this.workspaces.set(record.slug, record);
    return record;
  }

  addMember(workspaceSlug: string, user: UserRecord): void {
    const workspace = this.ensureWorkspace(workspaceSlug);
    if (!workspace.members.includes(user.accountId)) workspace.members.push(user.accountId);
  }

  isMember(workspaceSlug: string, accountId: string): boolean {
    return this.workspace(workspaceSlug)?.members.includes(accountId) ?? false;
  }

  addRepository(fullName: string, options: { hasIssues?: boolean; private?: boolean } = {}): RepoRecord {
    const [workspace, slug, ...rest] = fullName.split('/');
    if (!workspace || !slug || rest.length > 0)
      throw new Error(`Repositories are named "workspace/repo_slug"; got ${JSON.stringify(fullName)}.`);
    const key = fullName.toLowerCase();
    const existing = this.repos.get(key);
    if (existing) {
      if (options.hasIssues !== undefined) existing.hasIssues = options.hasIssues;
      if (options.private !== undefined) existing.private = options.private;
      return existing;
    }
    const ws = this.ensureWorkspace(workspace);
    const now = this.now();
    const record: RepoRecord = {
      workspace: ws.slug,
      slug: slug.toLowerCase(),
      name: slug,
      fullName: `${ws.slug}/${slug.toLowerCase()}`,
      uuid: this.uuid(),
      private: options.private ?? true,
      hasIssues: options.hasIssues ?? true,
      createdAt: now,
      updatedAt: now,
      nextIssueId: 1,
      nextChangeId: 1,
      issues: new Map(),
      milestones: [],
      versions: [],
      components: [],
    };
    this.repos.set(key, record);
    return record;
  }

  /** By `workspace/slug`, either part also accepted as a `{uuid}`. */
  repo(workspace: string, slug: string): RepoRecord | undefined {
    const direct = this.repos.get(`${workspace}/${slug}`.toLowerCase());
    if (direct) return direct;
    const ws = this.workspace(workspace);
    if (!ws) return undefined;
    const wanted = slug.toLowerCase();
    for (const repo of this.repos.values()) {
      if (repo.workspace === ws.slug && (repo.slug === wanted || repo.uuid.toLowerCase() === wanted))
        return repo;
    }
    return undefined;
  }

  requireRepo(fullName: string): RepoRecord {
    const [workspace = '', slug = ''] = fullName.split('/');
    const repo = this.repo(workspace, slug);
    if (!repo) throw new Error(`No repository ${JSON.stringify(fullName)}; call addRepository first.`);
    return repo;
  }

  addNamed(repo: RepoRecord, list: 'milestones' | 'versions' | 'components', name: string): NamedRecord {
    const existing = repo[list].find((item) => item.name === name);
    if (existing) return existing;
    const record: NamedRecord = { id: this.trackerId(), name };
    repo[list].push(record);
    return record;
  }

  createIssue(
    repo: RepoRecord,
    fields: Omit<
      IssueRecord,
      'id' | 'createdAt' | 'updatedAt' | 'editedAt' | 'votes' | 'watches' | 'changes'
    >,
  ): IssueRecord {
    const now = this.now();
    const issue: IssueRecord = {
      ...fields,
      id: repo.nextIssueId,
      createdAt: now,
      updatedAt: now,
      editedAt: null,
      votes: 0,
      // The reporter watches their own issue.
      watches: 1,
      changes: [],
    };
    repo.nextIssueId += 1;
    repo.issues.set(issue.id, issue);
    repo.updatedAt = now;
    return issue;
  }
}
