/**
 * Bitbucket Cloud tags through REST 2.0 (`/repositories/{workspace}/{repo_slug}/refs/tags`), behind the
 * ReleasePublisher interface. Bitbucket has no releases and its milestones are read-only in the API: the notes live in
 * CHANGELOG.md, and both are reported as not supported with what to do instead.
 */
import { OrchestratorGitError, quote } from '../../errors.js';
import type {
  PlatformMilestone,
  PlatformRelease,
  PlatformTag,
  ReleaseCapabilities,
  ReleasePublisher,
} from '../releases.js';
import type { RequestStats } from '../types.js';
import {
  BITBUCKET_API_URL,
  BitbucketClient,
  BitbucketHttpError,
  toCatalogueError,
  type BitbucketClientOptions,
} from './client.js';
import { parseRepository } from './issues.js';

interface TagJson {
  name: string;
  message?: string | null;
  target?: { hash?: string; type?: string } | null;
}

interface MilestoneJson {
  id: number;
  name: string;
}

export const BITBUCKET_NO_RELEASES =
  'Bitbucket Cloud has no releases: the release notes are in CHANGELOG.md (run the changelog step and commit the file before tagging), and the tag marks the release.';

/** bitbucket.org for the cloud API; the emulator's (or a proxy's) own origin otherwise. */
export function bitbucketWebHost(baseUrl: string): string {
  const url = new URL(baseUrl.replace(/\/+$/, ''));
  return url.origin === new URL(BITBUCKET_API_URL).origin ? 'https://bitbucket.org' : url.origin;
}

export class BitbucketReleasePublisher implements ReleasePublisher {
  readonly platform = 'bitbucket' as const;
  readonly capabilities: ReleaseCapabilities = {
    releases: false,
    milestones: false,
    releaseMilestones: false,
  };
  readonly repository: string;
  private readonly client: BitbucketClient;
  private readonly base: string;
  private readonly workspace: string;
  private readonly slug: string;
  private readonly web: string;

  constructor(repository: string, options: BitbucketClientOptions) {
    const { workspace, slug } = parseRepository(repository);
    this.workspace = workspace;
    this.slug = slug;
    this.repository = `${workspace}/${slug}`;
    this.client = new BitbucketClient(options);
    this.base = `/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(slug)}`;
    this.web = bitbucketWebHost(options.baseUrl ?? BITBUCKET_API_URL);
  }

  stats(): RequestStats {
    return { ...this.client.stats };
  }

  webRepository(): { host: string; owner: string; repository: string } {
    return { host: this.web, owner: this.workspace, repository: this.slug };
  }

  async getTag(name: string): Promise<PlatformTag | null> {
    try {
      const tag = await this.client.request<TagJson>(
        'GET',
        `${this.base}/refs/tags/${encodeURIComponent(name)}`,
        {
          retry: true,
        },
      );
      return { name, commit: tag.target?.hash ?? '', annotated: Boolean(tag.message) };
    } catch (error) {
      if (error instanceof BitbucketHttpError && error.status === 404) return null;
      throw this.failure(error, `reading tag ${quote(name)}`);
    }
  }

  async createTag(input: { name: string; commit: string; message: string }): Promise<PlatformTag> {
    try {
      await this.client.request<TagJson>('POST', `${this.base}/refs/tags`, {
        body: { name: input.name, target: { hash: input.commit }, message: input.message },
        retry: false,
      });
    } catch (error) {
      const existing = await this.getTag(input.name).catch(() => null);
      if (existing) return existing;
      if (error instanceof BitbucketHttpError && error.status === 400) {
        throw new OrchestratorGitError(
          'VALIDATION_FAILED',
          `Bitbucket refused tag ${quote(input.name)} at commit ${input.commit.slice(0, 12)}: ${error.platformMessage}.`,
          'Push the commit first (the release tags the checked-out commit), and run the release on a commit of the repository named in `repository`.',
          { cause: error },
        );
      }
      throw this.failure(error, `creating tag ${quote(input.name)}`);
    }
    return { name: input.name, commit: input.commit, annotated: true };
  }

  getRelease(): Promise<PlatformRelease | null> {
    return Promise.resolve(null);
  }

  createRelease(): Promise<PlatformRelease> {
    return Promise.reject(
      new OrchestratorGitError(
        'NOT_SUPPORTED',
        BITBUCKET_NO_RELEASES,
        'Nothing to do: the tag and CHANGELOG.md are the release on Bitbucket.',
      ),
    );
  }

  updateRelease(): Promise<PlatformRelease> {
    return this.createRelease();
  }

  async findMilestone(title: string): Promise<PlatformMilestone | null> {
    try {
      const milestones = await this.client.all<MilestoneJson>(`${this.base}/milestones?pagelen=100`);
      const found = milestones.find((milestone) => milestone.name === title);
      return found ? { number: found.id, title: found.name, state: 'open', dueOn: null } : null;
    } catch (error) {
      // The issue tracker may be off: then there is no milestone to speak of.
      if (error instanceof BitbucketHttpError && error.status === 404) return null;
      throw this.failure(error, 'listing milestones');
    }
  }

  updateMilestone(): Promise<void> {
    return Promise.reject(
      new OrchestratorGitError(
        'NOT_SUPPORTED',
        "Bitbucket's API cannot change milestones.",
        'Close the milestone by hand (Repository settings → Issues → Milestones) if you use them.',
      ),
    );
  }

  private failure(error: unknown, doing: string): OrchestratorGitError {
    const converted = toCatalogueError(error, this.repository, doing, this.client.authKind);
    if (converted.code !== 'PERMISSION_DENIED') return converted;
    return new OrchestratorGitError(
      'PERMISSION_DENIED',
      converted.message,
      'Use a token with the repository:write scope (an access token with Repositories: Write, or an app password with Repositories: Write): creating tags writes to the repository.',
      { cause: error },
    );
  }
}
