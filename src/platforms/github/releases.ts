/** GitHub tags (git tag objects and refs) and Releases through REST, behind the ReleasePublisher interface. */
import { OrchestratorGitError, quote } from '../../errors.js';
import type {
  PlatformMilestone,
  PlatformRelease,
  PlatformTag,
  ReleaseCapabilities,
  ReleasePublisher,
} from '../releases.js';
import { runAccessChecks, type AccessCheck, type RequestStats } from '../types.js';
import {
  createGitHubClient,
  httpStatus,
  toCatalogueError,
  type GitHubClient,
  type GitHubClientOptions,
} from './client.js';
import { parseRepository } from './issues.js';

interface ReleaseJson {
  id: number;
  tag_name: string;
  name: string | null;
  body?: string | null;
  html_url: string;
}

const CONTENTS_FIX =
  'Give the workflow `permissions: { contents: write, issues: write }` (contents for tags and releases, issues for the milestone), or use a token with the Contents read and write permission on this repository.';

/** The web origin of a REST base URL: api.github.com → github.com; GHES https://HOST/api/v3 → https://HOST. */
export function githubWebHost(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^https:\/\/api\.github\.com$/i.test(trimmed)) return 'https://github.com';
  return trimmed.replace(/\/api\/v3$/i, '');
}

export class GitHubReleasePublisher implements ReleasePublisher {
  readonly platform = 'github' as const;
  readonly capabilities: ReleaseCapabilities = {
    releases: true,
    milestones: true,
    releaseMilestones: false,
  };
  readonly repository: string;
  private readonly owner: string;
  private readonly repo: string;
  private readonly client: GitHubClient;
  private readonly web: string;

  constructor(repository: string, options: GitHubClientOptions) {
    const { owner, repo } = parseRepository(repository);
    this.owner = owner;
    this.repo = repo;
    this.repository = `${owner}/${repo}`;
    this.client = createGitHubClient(options);
    this.web = githubWebHost(options.baseUrl);
  }

  stats(): RequestStats {
    return { ...this.client.stats };
  }

  webRepository(): { host: string; owner: string; repository: string } {
    return { host: this.web, owner: this.owner, repository: this.repo };
  }

  checkAccess(): Promise<AccessCheck[]> {
    return runAccessChecks([
      {
        name: 'read tags',
        run: async () => {
          await this.getTag('orchestrator-git-access-check');
          return 'tags and releases can be read';
        },
      },
      {
        name: 'write tags and releases',
        // A tag ref at a commit that cannot exist: GitHub checks contents: write first, then refuses the ref (422).
        run: async () => {
          try {
            await this.client.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
              owner: this.owner,
              repo: this.repo,
              ref: 'refs/tags/orchestrator-git-access-check',
              sha: '0'.repeat(40),
              request: { retries: 0 },
            });
          } catch (error) {
            if (httpStatus(error) === 422)
              return 'tags and releases can be written (probed: nothing was created)';
            throw this.failure(error, 'checking that tags can be written');
          }
          throw new OrchestratorGitError(
            'PLATFORM_ERROR',
            'GitHub accepted a tag at a commit that does not exist while checking write access.',
            'Delete the tag "orchestrator-git-access-check" by hand; write access is there.',
          );
        },
      },
    ]);
  }

  async getTag(name: string): Promise<PlatformTag | null> {
    let ref: { object: { type: string; sha: string } };
    try {
      ({ data: ref } = await this.client.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        owner: this.owner,
        repo: this.repo,
        ref: `tags/${name}`,
      }));
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw this.failure(error, `reading tag ${quote(name)}`);
    }
    let object = ref.object;
    const annotated = object.type === 'tag';
    // An annotated tag may (rarely) tag another tag: peel until the commit.
    for (let depth = 0; object.type === 'tag' && depth < 5; depth += 1) {
      const { data } = await this.call(`reading tag object of ${quote(name)}`, () =>
        this.client.octokit.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
          owner: this.owner,
          repo: this.repo,
          tag_sha: object.sha,
        }),
      );
      object = data.object;
    }
    if (object.type !== 'commit') {
      throw new OrchestratorGitError(
        'VALIDATION_FAILED',
        `Tag ${quote(name)} on GitHub points at a ${object.type}, not at a commit.`,
        'Delete that tag (it is not a release tag) or choose another version.',
      );
    }
    return { name, commit: object.sha, annotated };
  }

  async createTag(input: { name: string; commit: string; message: string }): Promise<PlatformTag> {
    let tagSha: string;
    try {
      const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/git/tags', {
        owner: this.owner,
        repo: this.repo,
        tag: input.name,
        message: input.message,
        object: input.commit,
        type: 'commit',
      });
      tagSha = data.sha;
    } catch (error) {
      if (httpStatus(error) === 422) {
        throw new OrchestratorGitError(
          'VALIDATION_FAILED',
          `GitHub does not have commit ${input.commit.slice(0, 12)} in ${quote(this.repository)}, so it cannot be tagged ${quote(input.name)}.`,
          'Push the commit first (the release tags the checked-out commit), and run the release on a commit of the repository named in `repository`.',
          { cause: error },
        );
      }
      throw this.failure(error, `creating the tag object ${quote(input.name)}`);
    }
    try {
      await this.client.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
        owner: this.owner,
        repo: this.repo,
        ref: `refs/tags/${input.name}`,
        sha: tagSha,
        request: { retries: 0 },
      });
    } catch (error) {
      // Created meanwhile (a concurrent run) or the answer was lost: what is there now decides.
      const status = httpStatus(error);
      if (status === 422 || status === undefined || status >= 500) {
        const existing = await this.getTag(input.name);
        if (existing) return existing;
      }
      throw this.failure(error, `creating the tag ref ${quote(input.name)}`);
    }
    return { name: input.name, commit: input.commit, annotated: true };
  }

  async getRelease(tag: string): Promise<PlatformRelease | null> {
    try {
      const { data } = await this.client.octokit.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
        owner: this.owner,
        repo: this.repo,
        tag,
      });
      return toRelease(data);
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw this.failure(error, `reading the release of ${quote(tag)}`);
    }
  }

  async createRelease(input: {
    tag: string;
    name: string;
    body: string;
    prerelease: boolean;
  }): Promise<PlatformRelease> {
    try {
      const { data } = await this.client.octokit.request('POST /repos/{owner}/{repo}/releases', {
        owner: this.owner,
        repo: this.repo,
        tag_name: input.tag,
        name: input.name,
        body: input.body,
        draft: false,
        prerelease: input.prerelease,
        request: { retries: 0 },
      });
      return toRelease(data);
    } catch (error) {
      const status = httpStatus(error);
      if (status === 422 || status === undefined || status >= 500) {
        const existing = await this.getRelease(input.tag);
        if (existing) return existing;
      }
      throw this.failure(error, `creating the release ${quote(input.tag)}`);
    }
  }

  async updateRelease(
    release: PlatformRelease,
    patch: { name: string; body: string },
  ): Promise<PlatformRelease> {
    const { data } = await this.call(`updating the release ${quote(release.tag)}`, () =>
      this.client.octokit.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
        owner: this.owner,
        repo: this.repo,
        release_id: Number(release.id),
        name: patch.name,
        body: patch.body,
      }),
    );
    return toRelease(data);
  }

  async findMilestone(title: string): Promise<PlatformMilestone | null> {
    const milestones = await this.call('listing milestones', () =>
      this.client.octokit.paginate('GET /repos/{owner}/{repo}/milestones', {
        owner: this.owner,
        repo: this.repo,
        state: 'all',
        per_page: 100,
      }),
    );
    const found = milestones.find((milestone) => milestone.title === title);
    return found
      ? {
          number: found.number,
          title: found.title,
          state: found.state === 'closed' ? 'closed' : 'open',
          dueOn: found.due_on ? found.due_on.slice(0, 10) : null,
        }
      : null;
  }

  async updateMilestone(
    milestone: PlatformMilestone,
    patch: { state?: 'open' | 'closed'; dueOn?: string | null },
  ): Promise<void> {
    await this.call(`updating milestone ${quote(milestone.title)}`, () =>
      this.client.octokit.request('PATCH /repos/{owner}/{repo}/milestones/{milestone_number}', {
        owner: this.owner,
        repo: this.repo,
        milestone_number: milestone.number,
        ...(patch.state !== undefined ? { state: patch.state } : {}),
        // A due date is set or changed, never cleared (the state's target_date may simply be unset).
        ...(patch.dueOn ? { due_on: `${patch.dueOn}T00:00:00Z` } : {}),
      }),
    );
  }

  /** A failure, with the fix for the permission tags and releases need. */
  private failure(error: unknown, doing: string): OrchestratorGitError {
    const converted = toCatalogueError(error, this.repository, doing);
    if (converted.code !== 'PERMISSION_DENIED') return converted;
    return new OrchestratorGitError('PERMISSION_DENIED', converted.message, CONTENTS_FIX, { cause: error });
  }

  private async call<T>(doing: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.failure(error, doing);
    }
  }
}

function toRelease(data: ReleaseJson): PlatformRelease {
  if (typeof data !== 'object' || data === null || typeof data.id !== 'number') {
    throw new OrchestratorGitError(
      'PLATFORM_ERROR',
      'GitHub answered with an incomplete release, so the outcome of the request is unknown.',
      'Run the release again: it finds the release by its tag instead of creating a second one.',
    );
  }
  return {
    id: String(data.id),
    tag: data.tag_name,
    name: data.name ?? '',
    body: data.body ?? '',
    url: data.html_url,
    milestones: [],
  };
}
