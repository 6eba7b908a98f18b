/** The emulator's state: users, repositories and their issues, labels, milestones and assignees, as plain records. */

import type { StateReason, TokenGrant } from './types.js';

export interface UserRecord {
  login: string;
  id: number;
  nodeId: string;
  type: 'User' | 'Bot' | 'Organization';
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

export interface MilestoneRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  dueOn: number | null;
  creator: string;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}

export interface IssueRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: StateReason | null;
  /** Label ids, so a renamed label shows its new name on every issue. */
  labelIds: number[];
  /** Logins, in the order they were set. */
  assignees: string[];
  milestone: number | null;
  locked: boolean;
  comments: number;
  author: string;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  closedBy: string | null;
  pullRequest: boolean;
  deleted: boolean;
  /** The issue type's id (handlers/issue-types.ts); absent or null: none. */
  typeId?: number | null;
}

/** An issue type an organisation defines (orgs/list-issue-types). */
export interface IssueTypeRecord {
  id: number;
  nodeId: string;
  name: string;
  description: string | null;
  color: 'gray' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'pink' | 'purple' | null;
  isEnabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface RepoRecord {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
  hasIssues: boolean;
  createdAt: number;
  updatedAt: number;
  nextNumber: number;
  nextMilestone: number;
  issues: Map<number, IssueRecord>;
  /** In creation order. */
  labels: LabelRecord[];
  milestones: Map<number, MilestoneRecord>;
  /** Lower-cased login → login. */
  assignables: Map<string, string>;
}

export interface TokenRecord {
  token: string;
  login: string;
  repositories: Set<string> | '*';
  permissions: TokenGrant['permissions'];
  /** Shown in the primary rate-limit message ("installation ID …" for bots, "user ID …" otherwise). */
  installationId: number;
}

export const DEFAULT_BOT = 'github-actions[bot]';
/** The real id of github-actions[bot]. */
const GITHUB_ACTIONS_BOT_ID = 41898282;

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

/** Holds every record; looks things up case-insensitively like GitHub; allocates ids and numbers. */
export class Store {
  readonly users = new Map<string, UserRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  private nextId = 1000;
  /** Sub-issues, by the parent issue's id: child issue ids in their order (handlers/sub-issues.ts). */
  readonly subIssues = new Map<number, number[]>();
  /** Child issue id → parent issue id. */
  readonly parentOf = new Map<number, number>();
  /** Issue id → ids of the issues it is blocked by (handlers/dependencies.ts). */
  readonly blockedBy = new Map<number, number[]>();
  /** Lower-cased organisation login → its issue types, in their order (handlers/issue-types.ts). */
  readonly issueTypes = new Map<string, IssueTypeRecord[]>();

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }

  allocateId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  user(login: string, type?: UserRecord['type']): UserRecord {
    const key = login.toLowerCase();
    const existing = this.users.get(key);
    if (existing) return existing;
    const isBot = login.endsWith('[bot]');
    const id = login === DEFAULT_BOT ? GITHUB_ACTIONS_BOT_ID : this.allocateId();
    const record: UserRecord = {
      login,
      id,
      nodeId: nodeId(isBot ? 'BOT' : 'U', id),
      type: type ?? (isBot ? 'Bot' : 'User'),
    };
    this.users.set(key, record);
    return record;
  }

  addRepository(fullName: string, options: { hasIssues?: boolean; private?: boolean } = {}): RepoRecord {
    const [owner, name, ...rest] = fullName.split('/');
    if (!owner || !name || rest.length > 0)
      throw new Error(`Repository names look like "owner/name"; got ${JSON.stringify(fullName)}.`);
    const key = fullName.toLowerCase();
    const existing = this.repos.get(key);
    if (existing) {
      if (options.hasIssues !== undefined) existing.hasIssues = options.hasIssues;
      if (options.private !== undefined) existing.private = options.private;
      return existing;
    }
    this.user(owner);
    const now = this.now();
    const id = this.allocateId();
    const repo: RepoRecord = {
      id,
      nodeId: nodeId('R', id),
      owner,
      name,
      fullName,
      private: options.private ?? true,
      hasIssues: options.hasIssues ?? true,
      createdAt: now,
      updatedAt: now,
      nextNumber: 1,
      nextMilestone: 1,
      issues: new Map(),
      labels: [],
      milestones: new Map(),
      assignables: new Map(),
    };
    this.repos.set(key, repo);
    return repo;
  }

  repo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  repoById(id: number): RepoRecord | undefined {
    for (const repo of this.repos.values()) if (repo.id === id) return repo;
    return undefined;
  }

  requireRepo(fullName: string): RepoRecord {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`No repository ${JSON.stringify(fullName)}; call addRepository first.`);
    return repo;
  }

  addToken(token: string, grant: TokenGrant): TokenRecord {
    const login = grant.login ?? DEFAULT_BOT;
    this.user(login);
    const repositories =
      grant.repositories === undefined || grant.repositories === '*'
        ? '*'
        : new Set(grant.repositories.map((r) => r.toLowerCase()));
    const record: TokenRecord = {
      token,
      login,
      repositories,
      permissions: { ...grant.permissions },
      installationId: this.allocateId(),
    };
    this.tokens.set(token, record);
    return record;
  }

  addAssignable(repo: RepoRecord, login: string): void {
    this.user(login);
    repo.assignables.set(login.toLowerCase(), this.user(login).login);
  }

  isAssignable(repo: RepoRecord, login: string): boolean {
    return repo.assignables.has(login.toLowerCase());
  }

  label(repo: RepoRecord, name: string): LabelRecord | undefined {
    const key = name.toLowerCase();
    return repo.labels.find((label) => label.name.toLowerCase() === key);
  }

  labelById(repo: RepoRecord, id: number): LabelRecord | undefined {
    return repo.labels.find((label) => label.id === id);
  }

  createLabel(repo: RepoRecord, name: string, color: string, description: string | null): LabelRecord {
    const id = this.allocateId();
    const label: LabelRecord = { id, nodeId: nodeId('LA', id), name, color, description, isDefault: false };
    repo.labels.push(label);
    return label;
  }

  /** Finds the labels by name, creating the missing ones the way GitHub does when an issue names them (colour ededed). */
  labelsForIssue(repo: RepoRecord, names: readonly string[]): number[] {
    const ids: number[] = [];
    for (const name of names) {
      const label = this.label(repo, name) ?? this.createLabel(repo, name, 'ededed', null);
      if (!ids.includes(label.id)) ids.push(label.id);
    }
    return ids;
  }

  milestoneByTitle(repo: RepoRecord, title: string): MilestoneRecord | undefined {
    const key = title.toLowerCase();
    for (const milestone of repo.milestones.values())
      if (milestone.title.toLowerCase() === key) return milestone;
    return undefined;
  }

  createMilestone(
    repo: RepoRecord,
    fields: {
      title: string;
      description: string | null;
      state: 'open' | 'closed';
      dueOn: number | null;
      creator: string;
    },
  ): MilestoneRecord {
    const now = this.now();
    const id = this.allocateId();
    const milestone: MilestoneRecord = {
      id,
      nodeId: nodeId('MI', id),
      number: repo.nextMilestone,
      title: fields.title,
      description: fields.description,
      state: fields.state,
      dueOn: fields.dueOn,
      creator: fields.creator,
      createdAt: now,
      updatedAt: now,
      closedAt: fields.state === 'closed' ? now : null,
    };
    repo.nextMilestone += 1;
    repo.milestones.set(milestone.number, milestone);
    return milestone;
  }

  createIssue(
    repo: RepoRecord,
    fields: {
      title: string;
      body: string | null;
      author: string;
      labelIds: number[];
      assignees: string[];
      milestone: number | null;
      pullRequest?: boolean;
    },
  ): IssueRecord {
    const now = this.now();
    const id = this.allocateId();
    const pullRequest = fields.pullRequest ?? false;
    const issue: IssueRecord = {
      id,
      nodeId: nodeId(pullRequest ? 'PR' : 'I', id),
      number: repo.nextNumber,
      title: fields.title,
      body: fields.body,
      state: 'open',
      stateReason: null,
      labelIds: fields.labelIds,
      assignees: fields.assignees,
      milestone: fields.milestone,
      locked: false,
      comments: 0,
      author: fields.author,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedBy: null,
      pullRequest,
      deleted: false,
    };
    repo.nextNumber += 1;
    repo.issues.set(issue.number, issue);
    repo.updatedAt = now;
    return issue;
  }

  /** An issue of any repository by its id (relations may cross repositories of one owner). */
  issueById(id: number): { repo: RepoRecord; issue: IssueRecord } | undefined {
    for (const repo of this.repos.values())
      for (const issue of repo.issues.values()) if (issue.id === id) return { repo, issue };
    return undefined;
  }

  /** Counts the open and closed issues (pull requests included, like GitHub) in a milestone. */
  milestoneCounts(repo: RepoRecord, number: number): { open: number; closed: number } {
    let open = 0;
    let closed = 0;
    for (const issue of repo.issues.values()) {
      if (issue.deleted || issue.milestone !== number) continue;
      if (issue.state === 'open') open += 1;
      else closed += 1;
    }
    return { open, closed };
  }
}
