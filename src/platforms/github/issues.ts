/** GitHub's issues, labels, milestones and assignees through REST, behind the IssueTracker interface. */
import type { ActualIssue, ActualMilestone, IssueRelationSummary } from '../../core/actual.js';
import type { DesiredMilestone } from '../../core/desired.js';
import type { DesiredLabel } from '../../core/labels.js';
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
  createGitHubClient,
  httpStatus,
  toCatalogueError,
  type GitHubClient,
  type GitHubClientOptions,
} from './client.js';
import { GitHubIssueRelations } from './relations.js';

/** The fields of GitHub's issue object that the adapter reads. */
export interface IssueJson {
  number: number;
  id?: number;
  node_id: string;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
  milestone: { number: number; title: string } | null;
  user: { login: string } | null;
  updated_at: string;
  pull_request?: unknown;
  parent_issue_url?: string | null;
  sub_issues_summary?: { total: number } | null;
  issue_dependencies_summary?: { total_blocked_by: number } | null;
  /** The issue's type, where the repository has issue types (absent on servers without them). */
  type?: { name: string } | null;
}

/** GitHub's issue-type object (repos/list-issue-types): the fields the adapter reads. */
interface IssueTypeJson {
  name: string;
  is_enabled?: boolean;
}

const REPOSITORY_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

export function parseRepository(repository: string): { owner: string; repo: string } {
  const match = REPOSITORY_PATTERN.exec(repository.trim());
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new OrchestratorGitError(
      'REPOSITORY_MALFORMED',
      `Repository ${quote(repository)} is not of the form owner/name.`,
      "Set the `repository` input to owner/name, e.g. octo-org/widgets, or leave it empty to use the workflow's own repository.",
    );
  }
  return { owner: match[1] ?? '', repo: match[2] ?? '' };
}

/** GitHub keeps state_reason, labels, milestones and up to ten assignees; titles are limited to 256 characters. */
export const GITHUB_CAPABILITIES: PlatformCapabilities = {
  stateReason: true,
  labels: true,
  createMilestones: true,
  maxAssignees: 10,
  titleLimit: 256,
  timestampPrecisionMs: 1000,
  attributes: [],
  // Estimates and spent time live on the project board (board-sync's Estimate and Spent fields).
  timeTracking: 'board',
};

export class GitHubIssueTracker implements IssueTracker {
  readonly platform = 'github' as const;
  readonly capabilities = GITHUB_CAPABILITIES;
  readonly repository: string;
  private readonly owner: string;
  private readonly repo: string;
  private readonly client: GitHubClient;
  private readonly maxRateLimitWaitSeconds: number;
  private readonly log: (message: string) => void;
  readonly relations: GitHubIssueRelations;
  /** The repository's issue types, read at most once (issueTypes). */
  private typesRead: Promise<string[] | null> | undefined;
  /** A type the token could not set was reported (GitHub drops it silently without push access): said once. */
  private typeDropReported = false;

  constructor(repository: string, options: GitHubClientOptions) {
    const { owner, repo } = parseRepository(repository);
    this.maxRateLimitWaitSeconds = options.maxRateLimitWaitSeconds ?? 60;
    this.log = options.log ?? (() => undefined);
    this.owner = owner;
    this.repo = repo;
    this.repository = `${owner}/${repo}`;
    this.client = createGitHubClient(options);
    this.relations = new GitHubIssueRelations(this.client, owner, repo, toActualIssue);
  }

  stats(): RequestStats {
    return { ...this.client.stats };
  }

  checkAccess(): Promise<AccessCheck[]> {
    const where = { owner: this.owner, repo: this.repo };
    return runAccessChecks([
      {
        name: 'repository',
        run: async () => {
          const { data } = await this.call('reading the repository', () =>
            this.client.octokit.request('GET /repos/{owner}/{repo}', where),
          );
          if (!data.has_issues) {
            throw new OrchestratorGitError(
              'ISSUES_DISABLED',
              `Issues are turned off in ${this.repository}.`,
              'Turn them on in the repository: Settings → General → Features → Issues.',
            );
          }
          return `${data.full_name} is reachable and has issues on`;
        },
      },
      {
        name: 'read issues',
        run: async () => {
          await this.call('reading issues', () =>
            this.client.octokit.request('GET /repos/{owner}/{repo}/issues', { ...where, per_page: 1 }),
          );
          return 'issues can be read';
        },
      },
      {
        name: 'write issues',
        // A label with an invalid colour: GitHub checks the token's permission first, then refuses the label (422),
        // so a 422 proves write access and nothing is ever created.
        run: async () => {
          try {
            await this.client.octokit.request('POST /repos/{owner}/{repo}/labels', {
              ...where,
              name: 'orchestrator-git access check',
              color: 'not-a-colour',
              request: { retries: 0 },
            });
          } catch (error) {
            if (httpStatus(error) === 422)
              return 'issues and labels can be written (probed: nothing was created)';
            throw toCatalogueError(error, this.repository, 'checking that issues can be written');
          }
          throw new OrchestratorGitError(
            'PLATFORM_ERROR',
            'GitHub accepted a label with an invalid colour while checking write access.',
            'Delete the label "orchestrator-git access check" by hand; write access is there.',
          );
        },
      },
    ]);
  }

  serverTime(): string | null {
    return this.client.serverDate.value;
  }

  async listIssues(options: { updatedSince?: string } = {}): Promise<ActualIssue[]> {
    const since = options.updatedSince;
    const items = await this.call(since ? `listing issues updated since ${since}` : 'listing issues', () =>
      this.client.octokit.paginate('GET /repos/{owner}/{repo}/issues', {
        owner: this.owner,
        repo: this.repo,
        state: 'all',
        per_page: 100,
        // `since` filters on updated_at; sorting by it keeps pages stable while issues are being created.
        ...(since ? { since, sort: 'updated', direction: 'asc' } : { sort: 'created', direction: 'asc' }),
      }),
    );
    return (items as IssueJson[]).filter((item) => !item.pull_request).map(toActualIssue);
  }

  async getIssue(number: number): Promise<ActualIssue | null> {
    try {
      const { data } = await this.client.octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
      });
      const item = data as IssueJson;
      return item.pull_request ? null : toActualIssue(item);
    } catch (error) {
      // 404: no such issue (or transferred away); 410: deleted. The repository itself was read moments ago.
      const status = httpStatus(error);
      if (status === 404 || status === 410) return null;
      throw toCatalogueError(error, this.repository, `reading issue #${number}`);
    }
  }

  /**
   * The enabled issue types of the repository (its organisation's, with the repository's overrides) through
   * repos/list-issue-types, which needs only metadata read. A user-owned repository, or a server without issue types,
   * answers 404 (or 403/410): null, and the run keeps the type labels.
   */
  issueTypes(): Promise<string[] | null> {
    this.typesRead ??= (async () => {
      try {
        const { data } = await this.client.octokit.request('GET /repos/{owner}/{repo}/issue-types', {
          owner: this.owner,
          repo: this.repo,
        });
        const types = (data as IssueTypeJson[])
          .filter((type) => type.is_enabled !== false && typeof type.name === 'string')
          .map((type) => type.name);
        return types.length > 0 ? types : null;
      } catch (error) {
        const status = httpStatus(error);
        if (status === 404 || status === 403 || status === 410) {
          this.log(
            `${this.repository} has no issue types the token can read (${status}); the type labels stand in for them.`,
          );
          return null;
        }
        throw toCatalogueError(error, this.repository, 'listing the issue types');
      }
    })();
    return this.typesRead;
  }

  /** GitHub drops a type silently when the token has no push access: the answer tells, and the run says so once. */
  private checkType(asked: string | undefined, issue: ActualIssue): void {
    if (asked === undefined || this.typeDropReported) return;
    if ((issue.attributes?.['type'] ?? '').toLowerCase() === asked.toLowerCase()) return;
    this.typeDropReported = true;
    this.log(
      `GitHub did not set issue type ${quote(asked)} on #${issue.number}: only tokens with push access may set types (a GITHUB_TOKEN needs contents: write). Grant it, or set issue-types: off to keep the type labels.`,
    );
  }

  async listLabels(): Promise<Set<string>> {
    const labels = await this.call('listing labels', () =>
      this.client.octokit.paginate('GET /repos/{owner}/{repo}/labels', {
        owner: this.owner,
        repo: this.repo,
        per_page: 100,
      }),
    );
    return new Set(labels.map((label) => label.name.toLowerCase()));
  }

  async createLabel(label: DesiredLabel): Promise<void> {
    try {
      await this.client.octokit.request('POST /repos/{owner}/{repo}/labels', {
        owner: this.owner,
        repo: this.repo,
        name: label.name,
        color: label.color,
        description: label.description,
      });
    } catch (error) {
      // Created meanwhile by someone else (or a concurrent run): that is the outcome we wanted.
      if (httpStatus(error) === 422 && /already_exists/.test(JSON.stringify(errorData(error)))) return;
      throw toCatalogueError(error, this.repository, `creating label ${quote(label.name)}`);
    }
  }

  async listMilestones(): Promise<ActualMilestone[]> {
    const milestones = await this.call('listing milestones', () =>
      this.client.octokit.paginate('GET /repos/{owner}/{repo}/milestones', {
        owner: this.owner,
        repo: this.repo,
        state: 'all',
        per_page: 100,
      }),
    );
    return milestones.map((milestone) => ({
      number: milestone.number,
      title: milestone.title,
      state: milestone.state === 'closed' ? 'closed' : 'open',
      dueOn: milestone.due_on ? milestone.due_on.slice(0, 10) : null,
    }));
  }

  async createMilestone(milestone: DesiredMilestone): Promise<ActualMilestone> {
    try {
      const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/milestones', {
        owner: this.owner,
        repo: this.repo,
        title: milestone.title,
        state: milestone.state,
        ...(milestone.dueOn ? { due_on: `${milestone.dueOn}T00:00:00Z` } : {}),
      });
      return {
        number: data.number,
        title: data.title,
        state: data.state === 'closed' ? 'closed' : 'open',
        dueOn: data.due_on ? data.due_on.slice(0, 10) : null,
      };
    } catch (error) {
      // Already there (a concurrent run), or the answer was lost after the write may have landed: look it up.
      const status = httpStatus(error);
      const exists = status === 422 && /already_exists/.test(JSON.stringify(errorData(error)));
      if (exists || status === undefined || status >= 500) {
        const existing = (await this.listMilestones()).find((item) => item.title === milestone.title);
        if (existing) return existing;
      }
      throw toCatalogueError(error, this.repository, `creating milestone ${quote(milestone.title)}`);
    }
  }

  async isAssignable(login: string): Promise<boolean> {
    try {
      await this.client.octokit.request('GET /repos/{owner}/{repo}/assignees/{assignee}', {
        owner: this.owner,
        repo: this.repo,
        assignee: login,
      });
      return true;
    } catch (error) {
      if (httpStatus(error) === 404) return false;
      throw toCatalogueError(error, this.repository, `checking whether ${quote(login)} can be assigned`);
    }
  }

  async createIssue(write: ResolvedIssueWrite): Promise<ActualIssue> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/issues', {
          owner: this.owner,
          repo: this.repo,
          title: write.title,
          body: write.body,
          labels: write.labels,
          assignees: write.assignees,
          ...(write.milestone !== null ? { milestone: write.milestone } : {}),
          ...(write.attributes?.['type'] ? { type: write.attributes['type'] } : {}),
          // A create is not idempotent: a blind retry after a lost response could duplicate the issue.
          request: { retries: 0 },
        });
        const issue = toActualIssue(data as IssueJson);
        this.checkType(write.attributes?.['type'], issue);
        return issue;
      } catch (error) {
        // A 429 (not a secondary limit, which the throttling plugin waits out) was refused before it ran: the
        // create is sent again after the wait GitHub asks for, when that is short.
        const wait = refusedFor(error);
        if (wait === undefined || attempt >= 2 || wait > this.maxRateLimitWaitSeconds) {
          throw toCatalogueError(error, this.repository, `creating issue ${quote(write.title)}`);
        }
        this.client.stats.retries += 1;
        this.log(`Rate limited (429); creating the issue again in ${wait} s`);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
  }

  async updateIssue(number: number, patch: ResolvedIssuePatch): Promise<ActualIssue> {
    const { data } = await this.call(`updating issue #${number}`, () =>
      this.client.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.body !== undefined ? { body: patch.body } : {}),
        ...(patch.labels !== undefined ? { labels: patch.labels } : {}),
        ...(patch.assignees !== undefined ? { assignees: patch.assignees } : {}),
        ...(patch.milestone !== undefined ? { milestone: patch.milestone } : {}),
        ...(patch.state !== undefined ? { state: patch.state } : {}),
        ...(patch.stateReason !== undefined ? { state_reason: patch.stateReason } : {}),
        ...(patch.attributes?.['type'] !== undefined ? { type: patch.attributes['type'] } : {}),
      }),
    );
    const issue = toActualIssue(data as IssueJson);
    this.checkType(patch.attributes?.['type'], issue);
    return issue;
  }

  private async call<T>(doing: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toCatalogueError(error, this.repository, doing);
    }
  }
}

/** Seconds to wait before sending a request GitHub refused with 429 and a Retry-After; undefined otherwise. */
function refusedFor(error: unknown): number | undefined {
  if (httpStatus(error) !== 429) return undefined;
  const headers =
    typeof error === 'object' && error !== null && 'response' in error
      ? (error as { response?: { headers?: Record<string, unknown> } }).response?.headers
      : undefined;
  const seconds = Number(headers?.['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function errorData(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'response' in error
    ? (error as { response?: { data?: unknown } }).response?.data
    : undefined;
}

export function toActualIssue(item: IssueJson): ActualIssue {
  // Octokit resolves with a string when a response body was cut off: the write's outcome is then unknown.
  if (typeof item !== 'object' || item === null || typeof item.number !== 'number') {
    throw new OrchestratorGitError(
      'PLATFORM_ERROR',
      'GitHub answered with an incomplete response body, so the outcome of the request is unknown.',
      'Nothing to do: the run looks for the issue by its marker before creating it again, and the next run reconciles.',
    );
  }
  return {
    number: item.number,
    id: item.node_id,
    url: item.html_url,
    title: item.title,
    body: item.body ?? '',
    state: item.state === 'closed' ? 'closed' : 'open',
    stateReason: item.state_reason ?? null,
    labels: item.labels
      .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
      .filter((name) => name !== ''),
    assignees: (item.assignees ?? []).map((assignee) => assignee.login),
    milestone: item.milestone ? { number: item.milestone.number, title: item.milestone.title } : null,
    author: item.user?.login ?? null,
    updatedAt: item.updated_at,
    ...(typeof item.id === 'number' ? { databaseId: item.id } : {}),
    // The type, where issues carry one, is an owned field once the run sets types (core/platform-fit.ts).
    ...(item.type !== undefined ? { attributes: { type: item.type?.name ?? '' } } : {}),
    ...relationSummary(item),
  };
}

/** Sub-issue and dependency facts the issue object carries, so a no-op run need not read each issue's relations. */
function relationSummary(item: IssueJson): { relations?: IssueRelationSummary } {
  if (!item.sub_issues_summary) return {};
  const parent = item.parent_issue_url
    ? /\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(item.parent_issue_url)
    : null;
  const own = item.html_url.replace(/\/issues\/\d+$/, '');
  const sameRepository =
    parent !== null && own.toLowerCase().endsWith(`/${parent[1] ?? ''}/${parent[2] ?? ''}`.toLowerCase());
  return {
    relations: {
      parentNumber: parent && sameRepository ? Number(parent[3]) : null,
      parentElsewhere: Boolean(item.parent_issue_url) && !sameRepository,
      subIssues: item.sub_issues_summary.total,
      blockedBy: item.issue_dependencies_summary?.total_blocked_by ?? 0,
    },
  };
}
