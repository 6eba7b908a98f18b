/**
 * The emulator's state: users, groups, projects, memberships, tokens, issues, labels and milestones, as plain records.
 *
 * Modelled on GitLab's data model: every record type has its own global id sequence (separate tables); issues and
 * milestones also have an `iid` per project (or group); project paths are looked up case-insensitively
 * (`Project.find_by_full_path`); a project's namespace is a group chain (`a/b/c` lives in group `a/b`, a subgroup of
 * `a`) whose memberships are inherited by everything below it.
 */

import type {
  AccessLevel,
  FeatureAccessLevel,
  GroupOptions,
  ProjectOptions,
  TokenGrant,
  TokenScope,
  UserOptions,
  Visibility,
} from './types.js';

export interface UserRecord {
  id: number;
  username: string;
  name: string;
  state: 'active' | 'blocked';
  bot: boolean;
  createdAt: number;
}

export interface MemberRecord {
  userId: number;
  accessLevel: AccessLevel;
  createdAt: number;
  createdBy: number | null;
  expiresAt: string | null;
}

export interface MilestoneRecord {
  id: number;
  iid: number;
  projectId: number | null;
  groupId: number | null;
  title: string;
  description: string | null;
  state: 'active' | 'closed';
  dueDate: string | null;
  startDate: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface LabelRecord {
  id: number;
  /** A project label's project; null for a group label. */
  projectId: number | null;
  /** A group label's group; null (or absent) for a project label. */
  groupId?: number | null;
  name: string;
  color: string;
  description: string | null;
  createdAt: number;
}

export interface IssueRecord {
  id: number;
  iid: number;
  projectId: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  /** Label ids in the order they were added (the JSON sorts names). */
  labelIds: number[];
  milestoneId: number | null;
  assigneeIds: number[];
  authorId: number;
  dueDate: string | null;
  issueType: string;
  weight: number | null;
  confidential: boolean;
  discussionLocked: boolean | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  closedById: number | null;
  timeEstimate: number;
  totalTimeSpent: number;
  deleted: boolean;
}

export interface GroupRecord {
  kind: 'group';
  id: number;
  /** Full path, e.g. `acme/platform`. */
  fullPath: string;
  path: string;
  name: string;
  parentId: number | null;
  visibility: Visibility;
  members: Map<number, MemberRecord>;
  milestones: Map<number, MilestoneRecord>;
  nextMilestoneIid: number;
  /** Group labels: usable by every project and subgroup below (handlers/labels.ts). */
  labels?: LabelRecord[];
  createdAt: number;
}

export interface ProjectRecord {
  kind: 'project';
  id: number;
  fullPath: string;
  path: string;
  name: string;
  groupId: number;
  visibility: Visibility;
  issuesAccessLevel: FeatureAccessLevel;
  mergeRequestsAccessLevel: FeatureAccessLevel;
  defaultBranch: string;
  members: Map<number, MemberRecord>;
  issues: Map<number, IssueRecord>;
  nextIssueIid: number;
  labels: LabelRecord[];
  milestones: Map<number, MilestoneRecord>;
  nextMilestoneIid: number;
  createdAt: number;
  updatedAt: number;
  creatorId: number | null;
}

export interface TokenRecord {
  token: string;
  userId: number;
  kind: 'personal' | 'job';
  scopes: Set<TokenScope>;
  state: 'active' | 'expired' | 'revoked';
}

type Sequence = 'user' | 'group' | 'project' | 'issue' | 'label' | 'milestone';

const START_IDS: Record<Sequence, number> = {
  user: 100,
  group: 200,
  project: 300,
  issue: 5000,
  label: 700,
  milestone: 900,
};

export class Store {
  readonly users = new Map<number, UserRecord>();
  readonly groups = new Map<number, GroupRecord>();
  readonly projects = new Map<number, ProjectRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  private readonly sequences = new Map<Sequence, number>();

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }

  private nextId(sequence: Sequence): number {
    const next = (this.sequences.get(sequence) ?? START_IDS[sequence]) + 1;
    this.sequences.set(sequence, next);
    return next;
  }

  // ---- users -----------------------------------------------------------------------------------------------------

  userByName(username: string): UserRecord | undefined {
    const key = username.toLowerCase();
    for (const user of this.users.values()) if (user.username.toLowerCase() === key) return user;
    return undefined;
  }

  /** The user, created on first mention. */
  user(username: string, options: UserOptions = {}): UserRecord {
    const existing = this.userByName(username);
    if (existing) {
      if (options.name !== undefined) existing.name = options.name;
      if (options.state !== undefined) existing.state = options.state;
      if (options.bot !== undefined) existing.bot = options.bot;
      return existing;
    }
    const record: UserRecord = {
      id: this.nextId('user'),
      username,
      name:
        options.name ??
        username
          .split(/[._-]/)
          .filter((p) => p !== '')
          .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
          .join(' '),
      state: options.state ?? 'active',
      bot: options.bot ?? false,
      createdAt: this.now(),
    };
    this.users.set(record.id, record);
    return record;
  }

  requireUser(id: number): UserRecord {
    const user = this.users.get(id);
    if (!user) throw new Error(`No user with id ${id}.`);
    return user;
  }

  // ---- groups and projects -----------------------------------------------------------------------------------

  groupByPath(fullPath: string): GroupRecord | undefined {
    const key = fullPath.toLowerCase();
    for (const group of this.groups.values()) if (group.fullPath.toLowerCase() === key) return group;
    return undefined;
  }

  projectByPath(fullPath: string): ProjectRecord | undefined {
    const key = fullPath.toLowerCase();
    for (const project of this.projects.values()) if (project.fullPath.toLowerCase() === key) return project;
    return undefined;
  }

  /** The group at `fullPath`, creating it and its ancestors (private by default). */
  group(fullPath: string, options: GroupOptions = {}): GroupRecord {
    const segments = fullPath.split('/').filter((s) => s !== '');
    if (segments.length === 0) throw new Error(`A group path cannot be empty.`);
    let parent: GroupRecord | undefined;
    for (let i = 0; i < segments.length; i += 1) {
      const path = segments.slice(0, i + 1).join('/');
      let group = this.groupByPath(path);
      const last = i === segments.length - 1;
      if (!group) {
        const segment = segments[i] ?? path;
        group = {
          kind: 'group',
          id: this.nextId('group'),
          fullPath: path,
          path: segment,
          name: last && options.name ? options.name : segment,
          parentId: parent?.id ?? null,
          visibility: (last ? options.visibility : undefined) ?? 'private',
          members: new Map(),
          milestones: new Map(),
          nextMilestoneIid: 1,
          createdAt: this.now(),
        };
        this.groups.set(group.id, group);
      } else if (last) {
        if (options.name !== undefined) group.name = options.name;
        if (options.visibility !== undefined) group.visibility = options.visibility;
      }
      parent = group;
    }
    if (!parent) throw new Error('unreachable');
    return parent;
  }

  /** The group and its ancestors, nearest first. */
  groupChain(group: GroupRecord): GroupRecord[] {
    const chain: GroupRecord[] = [];
    let current: GroupRecord | undefined = group;
    while (current) {
      chain.push(current);
      current = current.parentId === null ? undefined : this.groups.get(current.parentId);
    }
    return chain;
  }

  projectGroup(project: ProjectRecord): GroupRecord {
    const group = this.groups.get(project.groupId);
    if (!group) throw new Error(`Project ${project.fullPath} has no group.`);
    return group;
  }

  addProject(fullPath: string, options: ProjectOptions = {}): ProjectRecord {
    const segments = fullPath.split('/').filter((s) => s !== '');
    if (segments.length < 2)
      throw new Error(
        `Project paths look like "group/project" or "group/sub/project"; got ${JSON.stringify(fullPath)}.`,
      );
    const existing = this.projectByPath(fullPath);
    const issuesAccessLevel =
      options.issuesAccessLevel ?? (options.issuesEnabled === false ? 'disabled' : undefined);
    if (existing) {
      if (options.name !== undefined) existing.name = options.name;
      if (options.visibility !== undefined) existing.visibility = options.visibility;
      if (issuesAccessLevel !== undefined) existing.issuesAccessLevel = issuesAccessLevel;
      if (options.mergeRequestsAccessLevel !== undefined)
        existing.mergeRequestsAccessLevel = options.mergeRequestsAccessLevel;
      if (options.defaultBranch !== undefined) existing.defaultBranch = options.defaultBranch;
      return existing;
    }
    const group = this.group(segments.slice(0, -1).join('/'));
    const path = segments[segments.length - 1] ?? fullPath;
    const now = this.now();
    const project: ProjectRecord = {
      kind: 'project',
      id: this.nextId('project'),
      fullPath: `${group.fullPath}/${path}`,
      path,
      name: options.name ?? path,
      groupId: group.id,
      visibility: options.visibility ?? 'private',
      issuesAccessLevel: issuesAccessLevel ?? 'enabled',
      mergeRequestsAccessLevel: options.mergeRequestsAccessLevel ?? 'enabled',
      defaultBranch: options.defaultBranch ?? 'main',
      members: new Map(),
      issues: new Map(),
      nextIssueIid: 1,
      labels: [],
      milestones: new Map(),
      nextMilestoneIid: 1,
      createdAt: now,
      updatedAt: now,
      creatorId: null,
    };
    this.projects.set(project.id, project);
    return project;
  }

  requireProject(fullPath: string): ProjectRecord {
    const project = this.projectByPath(fullPath);
    if (!project) throw new Error(`No project ${JSON.stringify(fullPath)}; call addProject first.`);
    return project;
  }

  requireGroup(fullPath: string): GroupRecord {
    const group = this.groupByPath(fullPath);
    if (!group) throw new Error(`No group ${JSON.stringify(fullPath)}; call addGroup or addProject first.`);
    return group;
  }

  // ---- memberships -------------------------------------------------------------------------------------------

  addMember(target: ProjectRecord | GroupRecord, user: UserRecord, accessLevel: AccessLevel): void {
    const existing = target.members.get(user.id);
    if (existing) {
      existing.accessLevel = accessLevel;
      return;
    }
    target.members.set(user.id, {
      userId: user.id,
      accessLevel,
      createdAt: this.now(),
      createdBy: null,
      expiresAt: null,
    });
  }

  /** The direct project membership, if any. */
  projectMember(project: ProjectRecord, userId: number): MemberRecord | undefined {
    return project.members.get(userId);
  }

  /** The strongest membership the user holds in the group or one of its ancestors. */
  groupMember(group: GroupRecord, userId: number): MemberRecord | undefined {
    let best: MemberRecord | undefined;
    for (const g of this.groupChain(group)) {
      const member = g.members.get(userId);
      if (member && (!best || member.accessLevel > best.accessLevel)) best = member;
    }
    return best;
  }

  /** The user's effective role in the project: the higher of the direct and the inherited membership. */
  accessLevel(project: ProjectRecord, userId: number): AccessLevel | undefined {
    const direct = this.projectMember(project, userId)?.accessLevel;
    const inherited = this.groupMember(this.projectGroup(project), userId)?.accessLevel;
    if (direct === undefined) return inherited;
    if (inherited === undefined) return direct;
    return direct > inherited ? direct : inherited;
  }

  groupAccessLevel(group: GroupRecord, userId: number): AccessLevel | undefined {
    return this.groupMember(group, userId)?.accessLevel;
  }

  /** Everyone with access to the project, direct or inherited, with their effective membership (highest wins). */
  allMembers(project: ProjectRecord): MemberRecord[] {
    const byUser = new Map<number, MemberRecord>();
    const consider = (member: MemberRecord): void => {
      const current = byUser.get(member.userId);
      if (!current || member.accessLevel > current.accessLevel) byUser.set(member.userId, member);
    };
    for (const group of this.groupChain(this.projectGroup(project)).reverse())
      for (const member of group.members.values()) consider(member);
    for (const member of project.members.values()) consider(member);
    return [...byUser.values()].sort((a, b) => a.userId - b.userId);
  }

  // ---- tokens ------------------------------------------------------------------------------------------------

  addToken(token: string, grant: TokenGrant): TokenRecord {
    const user = this.user(grant.user);
    const record: TokenRecord = {
      token,
      userId: user.id,
      kind: grant.kind ?? 'personal',
      scopes: new Set(grant.scopes ?? ['api']),
      state: grant.state ?? 'active',
    };
    this.tokens.set(token, record);
    for (const [path, level] of Object.entries(grant.access ?? {})) {
      const target = this.projectByPath(path) ?? this.groupByPath(path);
      if (!target) throw new Error(`No project or group ${JSON.stringify(path)} to grant access to.`);
      this.addMember(target, user, level);
    }
    return record;
  }

  // ---- labels ------------------------------------------------------------------------------------------------

  /**
   * Labels are matched by exact (case-sensitive) title, like `LabelsFinder#find_by_title`, among the labels the project
   * may use: its own, then its groups' (`available_labels`, include_ancestor_groups).
   */
  label(project: ProjectRecord, name: string): LabelRecord | undefined {
    return this.availableLabels(project).find((label) => label.name === name);
  }

  labelById(project: ProjectRecord, id: number): LabelRecord | undefined {
    return this.availableLabels(project).find((label) => label.id === id);
  }

  /** The project's labels, then those of its group and the group's ancestors, nearest first. */
  availableLabels(project: ProjectRecord): LabelRecord[] {
    return [
      ...project.labels,
      ...this.groupChain(this.projectGroup(project)).flatMap((group) => group.labels ?? []),
    ];
  }

  createGroupLabel(group: GroupRecord, name: string, color: string, description: string | null): LabelRecord {
    const label: LabelRecord = {
      id: this.nextId('label'),
      projectId: null,
      groupId: group.id,
      name,
      color,
      description,
      createdAt: this.now(),
    };
    (group.labels ??= []).push(label);
    return label;
  }

  createLabel(project: ProjectRecord, name: string, color: string, description: string | null): LabelRecord {
    const label: LabelRecord = {
      id: this.nextId('label'),
      projectId: project.id,
      name,
      color,
      description,
      createdAt: this.now(),
    };
    project.labels.push(label);
    return label;
  }

  // ---- milestones --------------------------------------------------------------------------------------------

  /** Milestones an issue of the project may use: its own and its groups' (`Milestone.for_projects_and_groups`). */
  availableMilestones(project: ProjectRecord): MilestoneRecord[] {
    const list = [...project.milestones.values()];
    for (const group of this.groupChain(this.projectGroup(project))) list.push(...group.milestones.values());
    return list;
  }

  milestoneById(id: number): MilestoneRecord | undefined {
    for (const project of this.projects.values()) {
      const found = project.milestones.get(id);
      if (found) return found;
    }
    for (const group of this.groups.values()) {
      const found = group.milestones.get(id);
      if (found) return found;
    }
    return undefined;
  }

  /** True when another milestone in the project/group hierarchy already uses the title (Timebox#uniqueness_of_title). */
  milestoneTitleTaken(owner: ProjectRecord | GroupRecord, title: string, self?: MilestoneRecord): boolean {
    const candidates: MilestoneRecord[] = [];
    if (owner.kind === 'project') candidates.push(...this.availableMilestones(owner));
    else {
      for (const group of this.groupChain(owner)) candidates.push(...group.milestones.values());
      for (const project of this.projects.values()) {
        if (this.groupChain(this.projectGroup(project)).some((g) => g.id === owner.id))
          candidates.push(...project.milestones.values());
      }
    }
    return candidates.some((m) => m !== self && m.title === title);
  }

  createMilestone(
    owner: ProjectRecord | GroupRecord,
    fields: {
      title: string;
      description?: string | null;
      dueDate?: string | null;
      startDate?: string | null;
    },
  ): MilestoneRecord {
    const now = this.now();
    const milestone: MilestoneRecord = {
      id: this.nextId('milestone'),
      iid: owner.nextMilestoneIid,
      projectId: owner.kind === 'project' ? owner.id : null,
      groupId: owner.kind === 'group' ? owner.id : null,
      title: fields.title,
      description: fields.description ?? null,
      state: 'active',
      dueDate: fields.dueDate ?? null,
      startDate: fields.startDate ?? null,
      createdAt: now,
      updatedAt: now,
    };
    owner.nextMilestoneIid += 1;
    owner.milestones.set(milestone.id, milestone);
    return milestone;
  }

  // ---- issues ------------------------------------------------------------------------------------------------

  createIssue(
    project: ProjectRecord,
    fields: Partial<Omit<IssueRecord, 'id' | 'iid' | 'projectId'>> & { title: string; authorId: number },
  ): IssueRecord {
    const now = this.now();
    const issue: IssueRecord = {
      id: this.nextId('issue'),
      iid: project.nextIssueIid,
      projectId: project.id,
      title: fields.title,
      description: fields.description ?? null,
      state: fields.state ?? 'opened',
      labelIds: fields.labelIds ?? [],
      milestoneId: fields.milestoneId ?? null,
      assigneeIds: fields.assigneeIds ?? [],
      authorId: fields.authorId,
      dueDate: fields.dueDate ?? null,
      issueType: fields.issueType ?? 'issue',
      weight: fields.weight ?? null,
      confidential: fields.confidential ?? false,
      discussionLocked: fields.discussionLocked ?? null,
      createdAt: fields.createdAt ?? now,
      updatedAt: fields.updatedAt ?? fields.createdAt ?? now,
      closedAt: fields.closedAt ?? null,
      closedById: fields.closedById ?? null,
      timeEstimate: fields.timeEstimate ?? 0,
      totalTimeSpent: fields.totalTimeSpent ?? 0,
      deleted: false,
    };
    project.nextIssueIid += 1;
    project.issues.set(issue.iid, issue);
    project.updatedAt = now;
    return issue;
  }

  /** Who edits "on the web" when a test does not say: the project's first maintainer/owner, or a `root` admin. */
  webEditor(project: ProjectRecord): UserRecord {
    const strong = this.allMembers(project)
      .filter((m) => m.accessLevel >= 40)
      .map((m) => this.users.get(m.userId))
      .find((u): u is UserRecord => u !== undefined);
    return strong ?? this.user('root', { name: 'Administrator' });
  }
}
