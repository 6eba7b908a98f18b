/**
 * GitLab tags (annotated, through `POST /projects/:id/repository/tags` with a message) and Releases through REST v4,
 * behind the ReleasePublisher interface. On fetch with the GitLab client's error types: the gitbeaker transport in
 * client.ts does not expose a generic request, and these few calls need no paging.
 */
import { OrchestratorGitError, quote } from '../../errors.js';
import type {
  PlatformMilestone,
  PlatformRelease,
  PlatformTag,
  ReleaseCapabilities,
  ReleasePublisher,
} from '../releases.js';
import { emptyStats, type RequestStats } from '../types.js';
import { GitLabConnectionError, GitLabResponseError, gitlabHost, toCatalogueError } from './client.js';
import { parseProject } from './issues.js';

export interface GitLabReleaseOptions {
  token: string;
  baseUrl: string;
  /** Full path of the group whose milestones are used instead of the project's. */
  groupMilestones?: string | null;
  timeoutMs?: number;
  log?: (message: string) => void;
}

interface TagJson {
  name: string;
  message: string | null;
  target: string;
  commit: { id: string } | null;
}

interface ReleaseJson {
  tag_name: string;
  name: string | null;
  description: string | null;
  milestones?: { title: string }[] | null;
  _links?: { self?: string } | null;
}

interface MilestoneJson {
  id: number;
  iid: number;
  title: string;
  state: string;
  due_date: string | null;
}

const WRITE_FIX =
  'Use a token with the `api` scope whose user has at least the Developer role on the project (Maintainer when the tags are protected): creating tags and releases writes to the repository.';

export class GitLabReleasePublisher implements ReleasePublisher {
  readonly platform = 'gitlab' as const;
  readonly capabilities: ReleaseCapabilities = {
    releases: true,
    milestones: true,
    releaseMilestones: true,
  };
  readonly repository: string;
  private readonly projectPath: string;
  private readonly host: string;
  private readonly token: string;
  private readonly group: string | null;
  private readonly timeoutMs: number;
  private readonly counts = emptyStats();

  constructor(repository: string, options: GitLabReleaseOptions) {
    const project = parseProject(repository);
    this.repository = project.repository;
    this.projectPath = `/projects/${encodeURIComponent(String(project.projectId))}`;
    this.host = gitlabHost(options.baseUrl);
    this.token = options.token;
    this.group = options.groupMilestones ?? null;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  stats(): RequestStats {
    return { ...this.counts };
  }

  webRepository(): { host: string; owner: string; repository: string } | null {
    if (/^\d+$/.test(this.repository)) return null;
    const slash = this.repository.lastIndexOf('/');
    return {
      host: this.host,
      owner: this.repository.slice(0, slash),
      repository: this.repository.slice(slash + 1),
    };
  }

  async getTag(name: string): Promise<PlatformTag | null> {
    const tag = await this.optional<TagJson>(
      `${this.projectPath}/repository/tags/${encodeURIComponent(name)}`,
      `reading tag ${quote(name)}`,
    );
    if (!tag) return null;
    return { name: tag.name, commit: tag.commit?.id ?? tag.target, annotated: Boolean(tag.message) };
  }

  async createTag(input: { name: string; commit: string; message: string }): Promise<PlatformTag> {
    try {
      const tag = await this.send<TagJson>('POST', `${this.projectPath}/repository/tags`, {
        tag_name: input.name,
        ref: input.commit,
        message: input.message,
      });
      return { name: tag.name, commit: tag.commit?.id ?? input.commit, annotated: true };
    } catch (error) {
      const existing = await this.getTag(input.name).catch(() => null);
      if (existing) return existing;
      if (error instanceof GitLabResponseError && error.status === 400) {
        throw new OrchestratorGitError(
          'VALIDATION_FAILED',
          `GitLab refused tag ${quote(input.name)} at commit ${input.commit.slice(0, 12)}: ${error.description}.`,
          'Push the commit first (the release tags the checked-out commit), and run the release on a commit of the project named in `repository`.',
          { cause: error },
        );
      }
      throw this.failure(error, `creating tag ${quote(input.name)}`);
    }
  }

  async getRelease(tag: string): Promise<PlatformRelease | null> {
    const release = await this.optional<ReleaseJson>(
      `${this.projectPath}/releases/${encodeURIComponent(tag)}`,
      `reading the release of ${quote(tag)}`,
    );
    return release ? this.toRelease(release) : null;
  }

  async createRelease(input: {
    tag: string;
    name: string;
    body: string;
    prerelease: boolean;
    milestones?: string[];
  }): Promise<PlatformRelease> {
    try {
      return this.toRelease(
        await this.send<ReleaseJson>('POST', `${this.projectPath}/releases`, {
          tag_name: input.tag,
          name: input.name,
          description: input.body,
          ...(input.milestones ? { milestones: input.milestones } : {}),
        }),
      );
    } catch (error) {
      // 409: created meanwhile (a concurrent run, or an answer lost after the write landed).
      const existing = await this.getRelease(input.tag).catch(() => null);
      if (existing) return existing;
      throw this.failure(error, `creating the release ${quote(input.tag)}`);
    }
  }

  async updateRelease(
    release: PlatformRelease,
    patch: { name: string; body: string; milestones?: string[] },
  ): Promise<PlatformRelease> {
    try {
      return this.toRelease(
        await this.send<ReleaseJson>(
          'PUT',
          `${this.projectPath}/releases/${encodeURIComponent(release.tag)}`,
          {
            name: patch.name,
            description: patch.body,
            ...(patch.milestones ? { milestones: patch.milestones } : {}),
          },
        ),
      );
    } catch (error) {
      throw this.failure(error, `updating the release ${quote(release.tag)}`);
    }
  }

  private milestonesPath(): string {
    return this.group
      ? `/groups/${encodeURIComponent(this.group)}/milestones`
      : `${this.projectPath}/milestones`;
  }

  async findMilestone(title: string): Promise<PlatformMilestone | null> {
    let milestones: MilestoneJson[];
    try {
      milestones = await this.send<MilestoneJson[]>(
        'GET',
        `${this.milestonesPath()}?title=${encodeURIComponent(title)}&per_page=100`,
      );
    } catch (error) {
      throw this.failure(error, 'listing milestones');
    }
    const found = milestones.find((milestone) => milestone.title === title);
    return found
      ? {
          number: found.id,
          title: found.title,
          state: found.state === 'closed' ? 'closed' : 'open',
          dueOn: found.due_date,
        }
      : null;
  }

  async updateMilestone(
    milestone: PlatformMilestone,
    patch: { state?: 'open' | 'closed'; dueOn?: string | null },
  ): Promise<void> {
    try {
      await this.send('PUT', `${this.milestonesPath()}/${milestone.number}`, {
        ...(patch.state !== undefined
          ? { state_event: patch.state === 'closed' ? 'close' : 'activate' }
          : {}),
        ...(patch.dueOn ? { due_date: patch.dueOn } : {}),
      });
    } catch (error) {
      throw this.failure(error, `updating milestone ${quote(milestone.title)}`);
    }
  }

  private toRelease(release: ReleaseJson): PlatformRelease {
    const web = this.webRepository();
    const fallback = web
      ? `${web.host}/${web.owner}/${web.repository}/-/releases/${encodeURIComponent(release.tag_name)}`
      : '';
    return {
      id: release.tag_name,
      tag: release.tag_name,
      name: release.name ?? '',
      body: release.description ?? '',
      url: release._links?.self ?? fallback,
      milestones: (release.milestones ?? []).map((milestone) => milestone.title),
    };
  }

  /** A GET whose 404 means "none". */
  private async optional<T>(path: string, doing: string): Promise<T | null> {
    try {
      return await this.send<T>('GET', path);
    } catch (error) {
      if (error instanceof GitLabResponseError && error.status === 404) return null;
      throw this.failure(error, doing);
    }
  }

  private async send<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<T> {
    if (method === 'GET') this.counts.reads += 1;
    else this.counts.writes += 1;
    let response: Response;
    try {
      response = await fetch(`${this.host}/api/v4${path}`, {
        method,
        headers: {
          'private-token': this.token,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.counts.failures += 1;
      throw new GitLabConnectionError(method, path, error, this.timeoutMs);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      // Not JSON: kept as text for the error.
    }
    if (!response.ok) {
      this.counts.failures += 1;
      throw new GitLabResponseError(method, path, response.status, response.headers, parsed);
    }
    return parsed as T;
  }

  private failure(error: unknown, doing: string): OrchestratorGitError {
    const converted = toCatalogueError(error, { repository: this.repository, doing });
    if (converted.code !== 'PERMISSION_DENIED') return converted;
    return new OrchestratorGitError('PERMISSION_DENIED', converted.message, WRITE_FIX, { cause: error });
  }
}
