/** What the platform holds, as the core sees it: plain records that every platform adapter returns. */

export interface ActualIssue {
  number: number;
  /** The platform's global id (GitHub node id, GitLab global id, Bitbucket id). */
  id: string;
  url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  milestone: { number: number; title: string } | null;
  author: string | null;
  updatedAt: string;
  /** The platform's own fields the tool owns (see PlatformCapabilities.attributes); absent when it has none. */
  attributes?: Record<string, string>;
  /** GitHub's numeric issue id, which its sub-issue and dependency endpoints take; absent on other platforms. */
  databaseId?: number;
  /** What the issue listing says of its relations (GitHub); absent where the platform does not say. */
  relations?: IssueRelationSummary;
}

export interface IssueRelationSummary {
  /** The parent's number when it is in the same repository; null with no parent (or one elsewhere: `parentElsewhere`). */
  parentNumber: number | null;
  parentElsewhere: boolean;
  /** How many sub-issues it has, and how many issues block it (open or closed). */
  subIssues: number;
  blockedBy: number;
}

export interface ActualMilestone {
  number: number;
  title: string;
  state: 'open' | 'closed';
  dueOn: string | null;
}

export interface ActualState {
  /** Every issue of the repository that the read returned (pull requests excluded). */
  issues: ActualIssue[];
  /** Lower-case names of labels known to exist; null when the label list was not read. */
  labels: Set<string> | null;
  /** The repository's milestones; null when they were not read. */
  milestones: ActualMilestone[] | null;
  /** Logins checked for assignability (lower-case login → can be assigned). */
  assignable: Map<string, boolean>;
}

export function emptyActualState(issues: ActualIssue[]): ActualState {
  return { issues, labels: null, milestones: null, assignable: new Map() };
}
