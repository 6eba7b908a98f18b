/**
 * GitHub's sub-issues and "blocked by" dependencies through REST (api.github.com description: issues/list-sub-issues,
 * add-sub-issue, remove-sub-issue, reprioritize-sub-issue, list-dependencies-blocked-by, add-blocked-by-dependency,
 * remove-dependency-blocked-by). Every endpoint names the related issue by its numeric `id`, not its number.
 */
import type { ActualIssue } from '../../core/actual.js';
import type { IssueRelations, SubIssueRelations } from '../types.js';
import { toCatalogueError, type GitHubClient } from './client.js';
import type { IssueJson } from './issues.js';

export class GitHubIssueRelations implements IssueRelations, SubIssueRelations {
  readonly subIssues: SubIssueRelations = this;

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
    private readonly toIssue: (item: IssueJson) => ActualIssue,
  ) {}

  relationId(issue: ActualIssue): number | undefined {
    return issue.databaseId;
  }

  private get repository(): string {
    return `${this.owner}/${this.repo}`;
  }

  private async call<T>(doing: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toCatalogueError(error, this.repository, doing);
    }
  }

  async listSubIssues(parentNumber: number): Promise<ActualIssue[]> {
    const items = await this.call(`listing the sub-issues of #${parentNumber}`, () =>
      this.client.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
        owner: this.owner,
        repo: this.repo,
        issue_number: parentNumber,
        per_page: 100,
      }),
    );
    return (items as unknown as IssueJson[]).map(this.toIssue);
  }

  async addSubIssue(parentNumber: number, childId: number, replaceParent: boolean): Promise<void> {
    await this.call(`attaching issue id ${childId} as a sub-issue of #${parentNumber}`, () =>
      this.client.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
        owner: this.owner,
        repo: this.repo,
        issue_number: parentNumber,
        sub_issue_id: childId,
        ...(replaceParent ? { replace_parent: true } : {}),
      }),
    );
  }

  async removeSubIssue(parentNumber: number, childId: number): Promise<void> {
    await this.call(`detaching issue id ${childId} from #${parentNumber}`, () =>
      this.client.octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue', {
        owner: this.owner,
        repo: this.repo,
        issue_number: parentNumber,
        sub_issue_id: childId,
      }),
    );
  }

  async reorderSubIssue(
    parentNumber: number,
    childId: number,
    position: { afterId: number } | { beforeId: number },
  ): Promise<void> {
    await this.call(`reordering the sub-issues of #${parentNumber}`, () =>
      this.client.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority', {
        owner: this.owner,
        repo: this.repo,
        issue_number: parentNumber,
        sub_issue_id: childId,
        ...('afterId' in position ? { after_id: position.afterId } : { before_id: position.beforeId }),
      }),
    );
  }

  async listBlockedBy(issueNumber: number): Promise<ActualIssue[]> {
    const items = await this.call(`listing what blocks #${issueNumber}`, () =>
      this.client.octokit.paginate(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
        {
          owner: this.owner,
          repo: this.repo,
          issue_number: issueNumber,
          per_page: 100,
        },
      ),
    );
    // A blocker in another repository is never the tool's: left out, so its number cannot pass for one of ours.
    const own = `/${this.repository}/issues/`.toLowerCase();
    return (items as unknown as IssueJson[])
      .filter((item) => item.html_url.toLowerCase().replace(/\d+$/, '').endsWith(own))
      .map(this.toIssue);
  }

  async addBlockedBy(issueNumber: number, blockerId: number): Promise<void> {
    await this.call(`marking #${issueNumber} blocked by issue id ${blockerId}`, () =>
      this.client.octokit.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by',
        {
          owner: this.owner,
          repo: this.repo,
          issue_number: issueNumber,
          issue_id: blockerId,
        },
      ),
    );
  }

  async removeBlockedBy(issueNumber: number, blockerId: number): Promise<void> {
    await this.call(`removing the blocked-by of #${issueNumber} on issue id ${blockerId}`, () =>
      this.client.octokit.request(
        'DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}',
        { owner: this.owner, repo: this.repo, issue_number: issueNumber, issue_id: blockerId },
      ),
    );
  }
}
