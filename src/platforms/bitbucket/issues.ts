/** Bitbucket Cloud's issue tracker through REST API 2.0, behind the IssueTracker interface. */
import type { ActualIssue, ActualMilestone } from '../../core/actual.js';
import type { DesiredMilestone } from '../../core/desired.js';
import type { DesiredLabel } from '../../core/labels.js';
import type { AttributeName } from '../../core/platform-fit.js';
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
  BitbucketClient,
  BitbucketHttpError,
  isRepositoryMissing,
  isTrackerDisabled,
  toCatalogueError,
  type BitbucketClientOptions,
} from './client.js';

export type { BitbucketAuth, BitbucketClientOptions } from './client.js';

/**
 * Bitbucket keeps one assignee, no labels, and milestones that the API can only read (they are made in the repository
 * settings). Closed issues carry a reason through the workflow state (resolved / wontfix / …), and kind, priority and
 * that state are the tool's to set. Titles: 255 characters.
 */
export const BITBUCKET_CAPABILITIES: PlatformCapabilities = {
  stateReason: true,
  labels: false,
  createMilestones: false,
  maxAssignees: 1,
  titleLimit: 255,
  timestampPrecisionMs: 1,
  attributes: ['kind', 'priority', 'state'],
};

/** Workflow states that count as open; every other one (resolved, closed, invalid, duplicate, wontfix) is closed. */
const OPEN_STATES = new Set(['new', 'open', 'on hold', 'submitted']);
const NOT_PLANNED_STATES = new Set(['invalid', 'duplicate', 'wontfix']);

/** The fields of Bitbucket's issue object that the adapter reads. */
interface IssueJson {
  id: number;
  title: string;
  content?: { raw?: string | null } | null;
  state?: string;
  kind?: string;
  priority?: string;
  links?: { html?: { href?: string } };
  reporter?: AccountJson | null;
  assignee?: AccountJson | null;
  milestone?: { id?: number; name?: string; links?: { self?: { href?: string } } } | null;
  updated_on: string;
}

interface AccountJson {
  account_id?: string | null;
  uuid?: string;
}

interface MilestoneJson {
  id: number;
  name: string;
}

const WORKSPACE = /^(?:[A-Za-z0-9][A-Za-z0-9_-]{0,99}|\{[0-9A-Fa-f-]{36}\})$/;
const SLUG = /^(?:[A-Za-z0-9._-]{1,100}|\{[0-9A-Fa-f-]{36}\})$/;

export function parseRepository(repository: string): { workspace: string; slug: string } {
  const [workspace = '', slug = '', ...rest] = repository.trim().split('/');
  if (rest.length > 0 || !WORKSPACE.test(workspace) || !SLUG.test(slug) || slug === '.' || slug === '..') {
    throw new OrchestratorGitError(
      'REPOSITORY_MALFORMED',
      `Repository ${quote(repository)} is not of the form workspace/repo_slug.`,
      'Set the repository to workspace/repo_slug as in its URL, e.g. acme/widgets for https://bitbucket.org/acme/widgets (in Bitbucket Pipelines: $BITBUCKET_REPO_FULL_NAME).',
    );
  }
  return { workspace, slug };
}

const ATTRIBUTES = ['kind', 'priority', 'state'] as const satisfies readonly AttributeName[];

export class BitbucketIssueTracker implements IssueTracker {
  readonly platform = 'bitbucket' as const;
  readonly capabilities = BITBUCKET_CAPABILITIES;
  readonly repository: string;
  private readonly workspace: string;
  private readonly repoPath: string;
  private readonly client: BitbucketClient;
  private readonly log: (message: string) => void;
  /** Milestone id → name, from every milestone list and issue read. */
  private readonly milestoneNames = new Map<number, string>();
  /** Login (lower-case for a `{uuid}`) → whether it can be assigned. */
  private readonly assignable = new Map<string, boolean>();
  /** False once the members list turned out to be out of the credentials' reach (scope `account` missing). */
  private membersReadable = true;
  /** False once a PUT was seen to leave the workflow state alone: states then go through `POST …/changes`. */
  private putSetsState = true;

  constructor(repository: string, options: BitbucketClientOptions) {
    const { workspace, slug } = parseRepository(repository);
    this.workspace = workspace;
    this.repository = `${workspace}/${slug}`;
    this.repoPath = `/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(slug)}`;
    this.client = new BitbucketClient(options);
    this.log = options.log ?? (() => undefined);
  }

  stats(): RequestStats {
    return { ...this.client.stats };
  }

  serverTime(): string | null {
    return this.client.serverDate;
  }

  async listIssues(options: { updatedSince?: string } = {}): Promise<ActualIssue[]> {
    const since = options.updatedSince;
    // A stable order keeps pages from shifting while issues are created; with `since`, issues updated meanwhile
    // move to the end and are read there (the later copy wins).
    const query = since
      ? `pagelen=100&sort=updated_on&q=${encodeURIComponent(`updated_on >= "${bbqlTime(since)}"`)}`
      : 'pagelen=100&sort=id';
    const doing = since ? `listing issues updated since ${since}` : 'listing issues';
    const items = await this.call(doing, () =>
      this.client.all<IssueJson>(`${this.repoPath}/issues?${query}`),
    );
    const byId = new Map<number, IssueJson>();
    for (const item of items) {
      if (typeof item === 'object' && item !== null) byId.set(item.id, item);
    }
    return this.toActual([...byId.values()].sort((a, b) => a.id - b.id));
  }

  async getIssue(number: number): Promise<ActualIssue | null> {
    let item: IssueJson;
    try {
      item = await this.client.request<IssueJson>('GET', `${this.repoPath}/issues/${number}`, {
        retry: true,
      });
    } catch (error) {
      // The issue was deleted (or moved); the repository and its tracker still answer for themselves.
      if (error instanceof BitbucketHttpError && error.status === 404) {
        if (!isTrackerDisabled(error) && !isRepositoryMissing(error)) return null;
      }
      throw this.error(error, `reading issue #${number}`);
    }
    const [issue] = await this.toActual([item]);
    return issue ?? null;
  }

  /** Bitbucket has no labels (kind and priority take their place). */
  listLabels(): Promise<Set<string>> {
    return Promise.resolve(new Set());
  }

  createLabel(label: DesiredLabel): Promise<void> {
    return Promise.reject(
      new OrchestratorGitError(
        'NOT_SUPPORTED',
        `Bitbucket Cloud has no labels, so label ${quote(label.name)} cannot be created in ${quote(this.repository)}.`,
        'Nothing to do: on Bitbucket the tool sets each issue’s kind, priority and workflow state instead of labels; label settings in the config are ignored there.',
      ),
    );
  }

  checkAccess(): Promise<AccessCheck[]> {
    return runAccessChecks([
      {
        // Not GET /repositories/{…}: that needs the `repository` scope, which an issue token may rightly lack. The
        // issue list answers for the repository (404) and its tracker ("Repository has no issue tracker.") too.
        name: 'read issues',
        run: async () => {
          await this.call('reading issues', () =>
            this.client.request('GET', `${this.repoPath}/issues?pagelen=1`, { retry: true }),
          );
          return `${this.repository} is reachable, its issue tracker is on, and issues can be read`;
        },
      },
      {
        name: 'write issues',
        // An issue without a title: Bitbucket checks the credentials' scopes first, then refuses it (400), so a 400
        // proves write access and nothing is ever created.
        run: async () => {
          try {
            await this.client.request('POST', `${this.repoPath}/issues`, { body: {}, retry: false });
          } catch (error) {
            if (error instanceof BitbucketHttpError && error.status === 400)
              return 'issues can be written (probed: nothing was created)';
            throw this.error(error, 'checking that issues can be written');
          }
          throw new OrchestratorGitError(
            'PLATFORM_ERROR',
            'Bitbucket accepted an issue without a title while checking write access.',
            'Delete that issue by hand; write access is there.',
          );
        },
      },
    ]);
  }

  async listMilestones(): Promise<ActualMilestone[]> {
    const milestones = await this.call('listing milestones', () =>
      this.client.all<MilestoneJson>(`${this.repoPath}/milestones?pagelen=100`),
    );
    return milestones.map((milestone) => {
      this.milestoneNames.set(milestone.id, milestone.name);
      return { number: milestone.id, title: milestone.name, state: 'open', dueOn: null };
    });
  }

  createMilestone(milestone: DesiredMilestone): Promise<ActualMilestone> {
    return Promise.reject(
      new OrchestratorGitError(
        'NOT_SUPPORTED',
        `Milestone ${quote(milestone.title)} does not exist in ${quote(this.repository)}, and Bitbucket's API cannot create milestones.`,
        `Create it on bitbucket.org in Repository settings → Issues → Milestones, named exactly ${quote(milestone.title)}; the next run uses it.`,
      ),
    );
  }

  /**
   * `login` is an account id or a `{uuid}`. Assignable means a member of the repository's workspace (what Bitbucket
   * checks on write); when the credentials may not list members (no `account` scope), an existing account is taken as
   * assignable and the write itself has the last word.
   */
  async isAssignable(login: string): Promise<boolean> {
    const key = isUuid(login) ? login.toLowerCase() : login;
    const cached = this.assignable.get(key);
    if (cached !== undefined) return cached;
    const doing = `checking whether ${quote(login)} can be assigned`;
    let result: boolean | undefined;
    if (this.membersReadable) {
      try {
        result = await this.isMember(login);
      } catch (error) {
        if (!(error instanceof BitbucketHttpError) || (error.status !== 403 && error.status !== 404)) {
          throw this.error(error, doing);
        }
        this.membersReadable = false;
        this.log(
          `Bitbucket: the members of workspace ${this.workspace} cannot be listed (${error.status} ${error.platformMessage}); assignees are only checked to exist.`,
        );
      }
    }
    if (result === undefined) result = await this.accountExists(login, doing);
    this.assignable.set(key, result);
    return result;
  }

  async createIssue(write: ResolvedIssueWrite): Promise<ActualIssue> {
    const doing = `creating issue ${quote(write.title)}`;
    const body: Record<string, unknown> = { title: write.title, content: { raw: write.body } };
    const assignee = write.assignees[0];
    if (assignee !== undefined) body['assignee'] = accountRef(assignee);
    if (write.milestone !== null)
      body['milestone'] = { name: await this.milestoneName(write.milestone, doing) };
    for (const name of ATTRIBUTES) {
      const value = write.attributes?.[name];
      if (value !== undefined) body[name] = value;
    }
    // A create is not idempotent: a blind retry after a lost answer could duplicate the issue.
    const item = await this.call(doing, () =>
      this.client.request<IssueJson>('POST', `${this.repoPath}/issues`, { body, retry: false }),
    );
    const [issue] = await this.toActual([item]);
    if (!issue) throw incomplete();
    return issue;
  }

  /**
   * One partial `PUT` carrying every changed field, the workflow state included (the issue representation lists `state`
   * as writable), whose answer is the issue after the edit: one write per issue. Should that answer show the state
   * untouched, or the edit be refused for naming `state` (400), the state goes through `POST …/issues/{id}/changes`,
   * the documented way, from then on. Without fields the issue is read back.
   */
  async updateIssue(number: number, patch: ResolvedIssuePatch): Promise<ActualIssue> {
    const doing = `updating issue #${number}`;
    const put: Record<string, unknown> = {};
    if (patch.title !== undefined) put['title'] = patch.title;
    if (patch.body !== undefined) put['content'] = { raw: patch.body };
    if (patch.assignees !== undefined) {
      const first = patch.assignees[0];
      put['assignee'] = first === undefined ? null : accountRef(first);
    }
    if (patch.milestone !== undefined) {
      put['milestone'] =
        patch.milestone === null ? null : { name: await this.milestoneName(patch.milestone, doing) };
    }
    for (const name of ['kind', 'priority'] as const) {
      const value = patch.attributes?.[name];
      if (value !== undefined) put[name] = value;
    }
    const state = targetState(patch);
    const path = `${this.repoPath}/issues/${number}`;
    const item = await this.call(
      doing,
      async () => {
        if (state !== undefined && this.putSetsState) {
          let updated: IssueJson;
          try {
            updated = await this.client.request<IssueJson>('PUT', path, {
              body: { ...put, state },
              retry: true,
            });
          } catch (error) {
            if (!refusesState(error)) throw error;
            this.putSetsState = false;
            this.log(
              `Bitbucket: an edit of issue #${number} may not set its state (${error.platformMessage}); states are set through POST …/changes from now on.`,
            );
            await this.setState(path, state);
            return Object.keys(put).length > 0
              ? this.client.request<IssueJson>('PUT', path, { body: put, retry: true })
              : this.client.request<IssueJson>('GET', path, { retry: true });
          }
          // A malformed answer is toActual's to report.
          if (typeof updated !== 'object' || updated === null || updated.state === state) return updated;
          this.putSetsState = false;
          this.log(
            `Bitbucket: an edit left issue #${number} in state ${quote(String(updated.state))} instead of ${quote(state)}; states are set through POST …/changes from now on.`,
          );
          await this.setState(path, state);
          return this.client.request<IssueJson>('GET', path, { retry: true });
        }
        if (state !== undefined) await this.setState(path, state);
        if (Object.keys(put).length > 0) {
          return this.client.request<IssueJson>('PUT', path, { body: put, retry: true });
        }
        return this.client.request<IssueJson>('GET', path, { retry: true });
      },
      'issue',
    );
    const [issue] = await this.toActual([item]);
    if (!issue) throw incomplete();
    return issue;
  }

  /** Setting a state is idempotent (a repeat records at most an empty change), so it is retried like a PUT. */
  private async setState(path: string, state: string): Promise<void> {
    await this.client.request('POST', `${path}/changes`, {
      body: { changes: { state: { new: state } } },
      retry: true,
    });
  }

  private async isMember(login: string): Promise<boolean> {
    const field = isUuid(login) ? 'user.uuid' : 'user.account_id';
    const q = encodeURIComponent(`${field} = "${login.replace(/["\\]/g, '\\$&')}"`);
    const members = await this.client.all<{ user?: AccountJson }>(
      `/workspaces/${encodeURIComponent(this.workspace)}/members?q=${q}&pagelen=100`,
    );
    // The filter narrows the list; the match is checked here all the same.
    return members.some((member) => sameAccount(member.user, login));
  }

  private async accountExists(login: string, doing: string): Promise<boolean> {
    try {
      const user = await this.client.request<AccountJson>('GET', `/users/${encodeURIComponent(login)}`, {
        retry: true,
      });
      return sameAccount(user, login);
    } catch (error) {
      if (error instanceof BitbucketHttpError && error.status === 404) return false;
      if (error instanceof BitbucketHttpError && error.status === 403) {
        this.log(
          `Bitbucket: ${quote(login)} cannot be looked up (403 ${error.platformMessage}); the write will tell whether it can be assigned.`,
        );
        return true;
      }
      throw this.error(error, doing);
    }
  }

  /** The name of milestone `id` (writes name milestones), from what was read or a fresh list. */
  private async milestoneName(id: number, doing: string): Promise<string> {
    if (!this.milestoneNames.has(id)) await this.listMilestones();
    const name = this.milestoneNames.get(id);
    if (name === undefined) {
      throw new OrchestratorGitError(
        'VALIDATION_FAILED',
        `Milestone #${id} does not exist in ${quote(this.repository)} (while ${doing}).`,
        'Create the milestone in Repository settings → Issues → Milestones, or remove it from the item; the next run picks it up.',
      );
    }
    return name;
  }

  private async toActual(items: IssueJson[]): Promise<ActualIssue[]> {
    for (const item of items) {
      if (typeof item !== 'object' || item === null || typeof item.id !== 'number') throw incomplete();
    }
    // An issue's milestone normally carries its id; for one that has only a name, the list says which id it is.
    const known = new Set(this.milestoneNames.values());
    const unresolved = items.some((item) => {
      const name = item.milestone?.name;
      return (
        item.milestone && name !== undefined && milestoneId(item.milestone) === undefined && !known.has(name)
      );
    });
    if (unresolved) await this.listMilestones();
    return items.map((item) => this.toActualIssue(item));
  }

  private toActualIssue(item: IssueJson): ActualIssue {
    const state = item.state ?? 'new';
    const closed = !OPEN_STATES.has(state);
    let milestone: ActualIssue['milestone'] = null;
    if (item.milestone && typeof item.milestone.name === 'string') {
      const title = item.milestone.name;
      let id = milestoneId(item.milestone);
      if (id === undefined) {
        for (const [known, name] of this.milestoneNames) if (name === title) id = known;
      } else this.milestoneNames.set(id, title);
      milestone = { number: id ?? 0, title };
    }
    const attributes: Record<string, string> = {};
    for (const name of ATTRIBUTES) {
      const value = item[name];
      if (typeof value === 'string') attributes[name] = value;
    }
    return {
      number: item.id,
      id: String(item.id),
      url: item.links?.html?.href ?? '',
      title: item.title,
      body: item.content?.raw ?? '',
      state: closed ? 'closed' : 'open',
      stateReason: closed ? (NOT_PLANNED_STATES.has(state) ? 'not_planned' : 'completed') : null,
      labels: [],
      assignees: item.assignee ? [accountKey(item.assignee)].filter((key) => key !== '') : [],
      milestone,
      author: item.reporter ? accountKey(item.reporter) || null : null,
      updatedAt: item.updated_on,
      attributes,
    };
  }

  private async call<T>(doing: string, request: () => Promise<T>, about?: 'issue'): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.error(error, doing, about);
    }
  }

  private error(error: unknown, doing: string, about?: 'issue'): OrchestratorGitError {
    return toCatalogueError(error, this.repository, doing, this.client.authKind, about ?? 'repository');
  }
}

/** A 400 whose field errors name `state`: the platform would not take the state in an edit. */
function refusesState(error: unknown): error is BitbucketHttpError {
  if (!(error instanceof BitbucketHttpError) || error.status !== 400) return false;
  const fields = (error.body as { error?: { fields?: unknown } } | null)?.error?.fields;
  return typeof fields === 'object' && fields !== null && 'state' in fields;
}

/** The workflow state a patch asks for: the attribute when given, else one derived from state and reason. */
function targetState(patch: ResolvedIssuePatch): string | undefined {
  const explicit = patch.attributes?.['state'];
  if (explicit !== undefined) return explicit;
  const state =
    patch.state ??
    (patch.stateReason === 'reopened'
      ? 'open'
      : patch.stateReason === undefined || patch.stateReason === null
        ? undefined
        : 'closed');
  if (state === undefined) return undefined;
  if (state === 'open') return 'open';
  return patch.stateReason === 'not_planned' ? 'wontfix' : 'resolved';
}

function isUuid(login: string): boolean {
  return /^\{[0-9a-f-]+\}$/i.test(login);
}

function accountRef(login: string): { uuid: string } | { account_id: string } {
  return isUuid(login) ? { uuid: login } : { account_id: login };
}

function accountKey(account: AccountJson): string {
  return account.account_id ?? account.uuid ?? '';
}

function sameAccount(account: AccountJson | undefined, login: string): boolean {
  if (!account) return false;
  return isUuid(login) ? account.uuid?.toLowerCase() === login.toLowerCase() : account.account_id === login;
}

function milestoneId(milestone: NonNullable<IssueJson['milestone']>): number | undefined {
  if (typeof milestone.id === 'number') return milestone.id;
  const match = /\/milestones\/(\d+)\/?$/.exec(milestone.links?.self?.href ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** BBQL wants ISO 8601 with an offset; the instant is kept, sub-milliseconds aside. */
function bbqlTime(since: string): string {
  const ms = Date.parse(since);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/Z$/, '+00:00') : since.replace(/"/g, '');
}

function incomplete(): OrchestratorGitError {
  return new OrchestratorGitError(
    'PLATFORM_ERROR',
    'Bitbucket answered with an incomplete response body, so the outcome of the request is unknown.',
    'Nothing to do: the run looks for the issue by its marker before creating it again, and the next run reconciles.',
  );
}
