/**
 * Makes the issue tracker of the configured platform. GitLab's and Bitbucket's adapters are imported on demand, so a
 * GitHub run never loads gitbeaker (and the reverse).
 */
import type { IssueSyncConfig } from '../config/issue-sync.js';
import type { IssueTracker } from './types.js';

export type TrackerConfig = Pick<
  IssueSyncConfig,
  | 'platform'
  | 'repository'
  | 'apiUrl'
  | 'token'
  | 'username'
  | 'writeDelayMs'
  | 'gitlabGroup'
  | 'multipleAssignees'
>;

export async function createIssueTracker(
  config: TrackerConfig,
  warn: (message: string) => void,
): Promise<IssueTracker> {
  switch (config.platform) {
    case 'github': {
      const { GitHubIssueTracker } = await import('./github/issues.js');
      return new GitHubIssueTracker(config.repository, {
        token: config.token,
        baseUrl: config.apiUrl,
        writeDelayMs: config.writeDelayMs,
        log: warn,
      });
    }
    case 'gitlab': {
      const { GitLabIssueTracker } = await import('./gitlab/issues.js');
      return new GitLabIssueTracker(config.repository, {
        token: config.token,
        baseUrl: config.apiUrl,
        groupMilestones: config.gitlabGroup,
        multipleAssignees: config.multipleAssignees,
        writeDelayMs: config.writeDelayMs,
        log: warn,
      });
    }
    case 'bitbucket': {
      const { BitbucketIssueTracker } = await import('./bitbucket/issues.js');
      return new BitbucketIssueTracker(config.repository, {
        auth:
          config.username === null
            ? { kind: 'bearer', token: config.token }
            : { kind: 'basic', username: config.username, password: config.token },
        baseUrl: config.apiUrl,
        writeDelayMs: config.writeDelayMs,
        log: warn,
      });
    }
  }
}
