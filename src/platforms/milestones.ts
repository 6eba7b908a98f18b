/**
 * Milestone updates for sync_milestones, beside the IssueTracker (which lists and creates milestones): GitHub and GitLab
 * change a milestone's due date and state; Bitbucket's API cannot change milestones (a NOT_SUPPORTED error per update).
 */
import type { MilestonePatch } from '../board/milestones.js';
import { OrchestratorGitError, quote } from '../errors.js';
import { createIssueTracker, type TrackerConfig } from './index.js';
import type { IssueTracker, RequestStats } from './types.js';

export interface MilestoneTracker {
  readonly issues: IssueTracker;
  updateMilestone(number: number, title: string, patch: MilestonePatch): Promise<void>;
  stats(): RequestStats;
}

function sum(a: RequestStats, b: RequestStats): RequestStats {
  return {
    reads: a.reads + b.reads,
    writes: a.writes + b.writes,
    graphql: a.graphql + b.graphql,
    notModified: a.notModified + b.notModified,
    retries: a.retries + b.retries,
    failures: a.failures + b.failures,
  };
}

export async function createMilestoneTracker(
  config: TrackerConfig,
  warn: (message: string) => void,
): Promise<MilestoneTracker> {
  const issues = await createIssueTracker(config, warn);
  switch (config.platform) {
    case 'github': {
      const { createGitHubClient, toCatalogueError } = await import('./github/client.js');
      const { parseRepository } = await import('./github/issues.js');
      const { owner, repo } = parseRepository(config.repository);
      const client = createGitHubClient({
        token: config.token,
        baseUrl: config.apiUrl,
        writeDelayMs: config.writeDelayMs,
        log: warn,
      });
      return {
        issues,
        stats: () => sum(issues.stats(), client.stats),
        async updateMilestone(number, title, patch) {
          try {
            await client.octokit.request('PATCH /repos/{owner}/{repo}/milestones/{milestone_number}', {
              owner,
              repo,
              milestone_number: number,
              ...(patch.state ? { state: patch.state } : {}),
              ...(patch.dueOn ? { due_on: `${patch.dueOn}T00:00:00Z` } : {}),
            });
          } catch (error) {
            throw toCatalogueError(error, config.repository, `updating milestone ${quote(title)}`);
          }
        },
      };
    }
    case 'gitlab': {
      const { createGitLabClient, httpStatus, toCatalogueError } = await import('./gitlab/client.js');
      const { parseProject } = await import('./gitlab/issues.js');
      const client = createGitLabClient({
        token: config.token,
        baseUrl: config.apiUrl,
        writeDelayMs: config.writeDelayMs,
        log: warn,
      });
      const project = parseProject(config.repository).projectId;
      const group = config.gitlabGroup?.trim().replace(/^\/+|\/+$/g, '') || null;
      return {
        issues,
        stats: () => sum(issues.stats(), client.stats),
        async updateMilestone(number, title, patch) {
          const fields = {
            ...(patch.dueOn ? { dueDate: patch.dueOn } : {}),
            ...(patch.state
              ? { stateEvent: patch.state === 'closed' ? ('close' as const) : ('activate' as const) }
              : {}),
          };
          const doing = `updating milestone ${quote(title)}`;
          try {
            await client.projectMilestones.edit(project, number, fields);
          } catch (error) {
            // A group milestone (gitlab-group) is not the project's: GitLab answers 404, and the group edits it.
            if (httpStatus(error) !== 404 || group === null)
              throw toCatalogueError(error, { repository: config.repository, doing });
            try {
              await client.groupMilestones.edit(group, number, fields);
            } catch (inner) {
              throw toCatalogueError(inner, { repository: config.repository, doing, group });
            }
          }
        },
      };
    }
    case 'bitbucket':
      return {
        issues,
        stats: () => issues.stats(),
        updateMilestone(_number, title) {
          return Promise.reject(
            new OrchestratorGitError(
              'NOT_SUPPORTED',
              `Bitbucket Cloud's API cannot change milestone ${quote(title)} (milestones are read-only there).`,
              'Change its due date or close it by hand under Repository settings → Issues → Milestones; sync_milestones reports what differs on every run.',
            ),
          );
        },
      };
  }
}
