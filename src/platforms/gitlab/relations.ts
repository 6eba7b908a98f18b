/**
 * GitLab's "blocked by" dependencies through the issue links API (docs.gitlab.com/api/issue_links/: list, create with
 * `link_type=is_blocked_by`, delete by `issue_link_id`), named by the issue's iid within the project.
 *
 * Blocking links are a Premium feature: an unlicensed Enterprise Edition (GitLab.com Free included) answers 403
 * "Blocked issues not available for current license", the Community Edition 400 "link_type does not have a valid
 * value". Both become NOT_SUPPORTED, and the run keeps the dependency on the block's "Depends on" line.
 *
 * Sub-issues are not used: the REST API links issues only as related or blocking, and child items (tasks under an
 * issue) exist only as work items through GraphQL, of the type `task`, not `issue`. Making subtasks issues of another
 * type would change what they are for the people using the project, so the tree stays the checklist.
 */
import type { ActualIssue } from '../../core/actual.js';
import { OrchestratorGitError } from '../../errors.js';
import type { IssueRelations } from '../types.js';
import { GitLabResponseError, toCatalogueError, type GitLabClient } from './client.js';

/** The fields of GitLab's related-issue entity the adapter reads (an issue, plus the link's id and type). */
export interface RelatedIssueJson {
  id: number;
  iid: number;
  project_id: number;
  issue_link_id: number;
  link_type: string;
}

export class GitLabIssueRelations implements IssueRelations {
  readonly subIssues = null;
  /** `dependent iid → blocker iid → issue_link_id`, from the latest listing: a link is deleted by its own id. */
  private readonly linkIds = new Map<number, Map<number, number>>();
  /** The project's numeric id, learnt from the first listing (links name their issues' projects by id). */
  private projectNumber: number | null = null;

  constructor(
    private readonly client: GitLabClient,
    private readonly repository: string,
    private readonly projectId: string | number,
    private readonly toIssue: (item: unknown, doing: string) => ActualIssue,
  ) {
    if (typeof projectId === 'number') this.projectNumber = projectId;
  }

  relationId(issue: ActualIssue): number | undefined {
    return issue.number;
  }

  async listBlockedBy(issueNumber: number): Promise<ActualIssue[]> {
    const doing = `listing the links of #${issueNumber}`;
    const items = await this.call(doing, async () => {
      const project = await this.ownProjectNumber(doing);
      const links = (await this.client.issueLinks.all(this.projectId, issueNumber, {
        perPage: 100,
      })) as unknown as RelatedIssueJson[];
      return { project, links };
    });
    if (!Array.isArray(items.links)) {
      throw new OrchestratorGitError(
        'PLATFORM_ERROR',
        `GitLab answered with an unexpected body while ${doing}.`,
        'Nothing to do: the next run reads the links again.',
      );
    }
    const byBlocker = new Map<number, number>();
    const blockers: ActualIssue[] = [];
    for (const link of items.links) {
      // Another project's issue, or a link of another kind, is a person's: never listed, so never removed.
      if (link.link_type !== 'is_blocked_by' || link.project_id !== items.project) continue;
      byBlocker.set(link.iid, link.issue_link_id);
      blockers.push(this.toIssue(link, doing));
    }
    this.linkIds.set(issueNumber, byBlocker);
    return blockers;
  }

  async addBlockedBy(issueNumber: number, blockerId: number): Promise<void> {
    const doing = `marking #${issueNumber} blocked by #${blockerId}`;
    try {
      await this.client.issueLinks.create(this.projectId, issueNumber, this.projectId, blockerId, {
        linkType: 'is_blocked_by',
      });
    } catch (error) {
      if (error instanceof GitLabResponseError) {
        // Linked meanwhile (a concurrent run, or a person): the link we wanted is there.
        if (error.status === 409) return;
        if (refusesBlocking(error)) {
          throw new OrchestratorGitError(
            'NOT_SUPPORTED',
            `GitLab refused a blocked-by link in ${this.repository} (${error.status} ${error.description}): blocking issues are a Premium feature. Dependencies stay on each issue's "Depends on" line.`,
            'Nothing to fix for the sync; to see dependencies as GitLab links, use GitLab Premium or Ultimate. Set hierarchy: checklist to stop asking.',
            { cause: error },
          );
        }
      }
      throw toCatalogueError(error, { repository: this.repository, doing });
    }
  }

  async removeBlockedBy(issueNumber: number, blockerId: number): Promise<void> {
    const doing = `removing the blocked-by of #${issueNumber} on #${blockerId}`;
    const linkId = this.linkIds.get(issueNumber)?.get(blockerId);
    // Only links this adapter listed are removed (the engine lists before it removes).
    if (linkId === undefined) return;
    try {
      await this.client.issueLinks.remove(this.projectId, issueNumber, linkId);
    } catch (error) {
      // Removed meanwhile: the outcome we wanted.
      if (error instanceof GitLabResponseError && error.status === 404) return;
      throw toCatalogueError(error, { repository: this.repository, doing });
    }
    this.linkIds.get(issueNumber)?.delete(blockerId);
  }

  private async ownProjectNumber(doing: string): Promise<number> {
    if (this.projectNumber !== null) return this.projectNumber;
    const project = (await this.client.projects.show(this.projectId)) as unknown as { id?: unknown };
    if (typeof project.id !== 'number') {
      throw new OrchestratorGitError(
        'PLATFORM_ERROR',
        `GitLab answered with an unexpected project body while ${doing}.`,
        'Nothing to do: the next run reads it again.',
      );
    }
    this.projectNumber = project.id;
    return project.id;
  }

  private async call<T>(doing: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toCatalogueError(error, { repository: this.repository, doing });
    }
  }
}

/** The licence refusal (EE without Premium: 403 with that message) or the Community Edition's unknown link type (400). */
function refusesBlocking(error: GitLabResponseError): boolean {
  if (error.status === 403) return /not available for current license/i.test(error.description);
  if (error.status === 400) return /link_type does not have a valid value/i.test(error.description);
  return false;
}
