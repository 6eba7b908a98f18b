/**
 * The release publisher: what tag_release needs from a platform (tags, releases, closing a milestone), one
 * implementation per platform, made on demand so a GitHub run never loads gitbeaker.
 */
import type { TrackerConfig } from './index.js';
import type { AccessCheck, PlatformName, RequestStats } from './types.js';

export interface PlatformTag {
  name: string;
  /** The commit the tag points at (peeled through an annotated tag object). */
  commit: string;
  annotated: boolean;
}

export interface PlatformRelease {
  /** The platform's id (GitHub: numeric id; GitLab: the tag name). */
  id: string;
  tag: string;
  name: string;
  body: string;
  /** Where people see it. */
  url: string;
  /** Titles of the milestones the release is associated with (GitLab); empty elsewhere. */
  milestones: string[];
}

export interface PlatformMilestone {
  number: number;
  title: string;
  state: 'open' | 'closed';
  dueOn: string | null;
}

export interface ReleaseCapabilities {
  /** The platform has releases (GitHub, GitLab); Bitbucket keeps the notes in CHANGELOG.md only. */
  releases: boolean;
  /** Milestones can be changed through the API. */
  milestones: boolean;
  /** A release can be associated with milestones (GitLab). */
  releaseMilestones: boolean;
}

export interface ReleasePublisher {
  /**
   * For `doctor`: whether tags and releases can be read and written, probed with requests the platform refuses as
   * invalid (nothing is created). Absent where the platform's checks happen at the first release.
   */
  checkAccess?(): Promise<AccessCheck[]>;
  readonly platform: PlatformName;
  readonly repository: string;
  readonly capabilities: ReleaseCapabilities;
  /** Web URL of the repository, for links in the notes (null when unknown). */
  webRepository(): { host: string; owner: string; repository: string } | null;
  getTag(name: string): Promise<PlatformTag | null>;
  /** An annotated tag at `commit`; VALIDATION_FAILED when the commit is not on the platform (not pushed). */
  createTag(input: { name: string; commit: string; message: string }): Promise<PlatformTag>;
  getRelease(tag: string): Promise<PlatformRelease | null>;
  createRelease(input: {
    tag: string;
    name: string;
    body: string;
    prerelease: boolean;
    /** Milestone titles to associate (only where capabilities.releaseMilestones). */
    milestones?: string[];
  }): Promise<PlatformRelease>;
  updateRelease(
    release: PlatformRelease,
    patch: { name: string; body: string; milestones?: string[] },
  ): Promise<PlatformRelease>;
  /** The milestone with this exact title, open or closed; null when there is none. */
  findMilestone(title: string): Promise<PlatformMilestone | null>;
  updateMilestone(
    milestone: PlatformMilestone,
    patch: { state?: 'open' | 'closed'; dueOn?: string | null },
  ): Promise<void>;
  stats(): RequestStats;
}

export async function createReleasePublisher(
  config: TrackerConfig,
  warn: (message: string) => void,
): Promise<ReleasePublisher> {
  switch (config.platform) {
    case 'github': {
      const { GitHubReleasePublisher } = await import('./github/releases.js');
      return new GitHubReleasePublisher(config.repository, {
        token: config.token,
        baseUrl: config.apiUrl,
        writeDelayMs: config.writeDelayMs,
        log: warn,
      });
    }
    case 'gitlab': {
      const { GitLabReleasePublisher } = await import('./gitlab/releases.js');
      return new GitLabReleasePublisher(config.repository, {
        token: config.token,
        baseUrl: config.apiUrl,
        groupMilestones: config.gitlabGroup,
        log: warn,
      });
    }
    case 'bitbucket': {
      const { BitbucketReleasePublisher } = await import('./bitbucket/releases.js');
      return new BitbucketReleasePublisher(config.repository, {
        auth:
          config.username === null
            ? { kind: 'bearer', token: config.token }
            : { kind: 'basic', username: config.username, password: config.token },
        baseUrl: config.apiUrl,
      });
    }
  }
}
