/** The one interface every platform adapter implements; the engine talks to platforms only through it. */
import type { ActualIssue, ActualMilestone } from '../core/actual.js';
import type { DesiredLabel } from '../core/labels.js';
import type { DesiredMilestone } from '../core/desired.js';
import type { PlatformCapabilities } from '../core/platform-fit.js';
import { OrchestratorGitError } from '../errors.js';

export type { PlatformCapabilities } from '../core/platform-fit.js';

export type PlatformName = 'github' | 'gitlab' | 'bitbucket';

export interface ResolvedIssueWrite {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  milestone: number | null;
  /** Values of the platform's own fields (only those named in its capabilities). */
  attributes?: Record<string, string>;
}

export interface ResolvedIssuePatch {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  milestone?: number | null;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened' | null;
  attributes?: Record<string, string>;
}

/** Requests made through an adapter, by kind: the measure of API economy. */
export interface RequestStats {
  reads: number;
  writes: number;
  graphql: number;
  notModified: number;
  retries: number;
  failures: number;
}

/** One thing `doctor` checked on the platform. */
export interface AccessCheck {
  /** What was checked: `repository`, `issues`, `write access`, `role`, … */
  name: string;
  ok: boolean;
  /** What was found, or what is wrong. */
  detail: string;
  /** How to fix it; null when ok. */
  fix: string | null;
}

/**
 * Runs checks in order and stops at the first failure (later ones depend on it): each check resolves to what it
 * found, or throws the catalogue error that says what is wrong and how to fix it.
 */
export async function runAccessChecks(
  checks: { name: string; run: () => Promise<string> }[],
): Promise<AccessCheck[]> {
  const results: AccessCheck[] = [];
  for (const check of checks) {
    try {
      results.push({ name: check.name, ok: true, detail: await check.run(), fix: null });
    } catch (error) {
      const known = error instanceof OrchestratorGitError;
      results.push({
        name: check.name,
        ok: false,
        detail: known ? `${error.code}: ${error.message}` : String(error),
        fix: known ? error.fix : 'Unexpected; run again, and report it with the output if it persists.',
      });
      break;
    }
  }
  return results;
}

export interface IssueTracker {
  readonly platform: PlatformName;
  /** `owner/name` (or the platform's equivalent path). */
  readonly repository: string;
  readonly capabilities: PlatformCapabilities;
  /**
   * Every issue of the repository, open and closed, pull requests excluded; with `updatedSince`, only those
   * updated (or created) at or after that time.
   */
  listIssues(options?: { updatedSince?: string }): Promise<ActualIssue[]>;
  /** One issue by number; null when it no longer exists in the repository (deleted or transferred). */
  getIssue(number: number): Promise<ActualIssue | null>;
  /** Lower-case names of every label in the repository (empty when the platform has no labels). */
  listLabels(): Promise<Set<string>>;
  createLabel(label: DesiredLabel): Promise<void>;
  listMilestones(): Promise<ActualMilestone[]>;
  /** Throws NOT_SUPPORTED (with what to do instead) when capabilities.createMilestones is false. */
  createMilestone(milestone: DesiredMilestone): Promise<ActualMilestone>;
  /**
   * Whether an issue in this repository can be assigned to `login` (GitHub and GitLab: a username; Bitbucket: an
   * account id or `{uuid}`).
   */
  isAssignable(login: string): Promise<boolean>;
  createIssue(write: ResolvedIssueWrite): Promise<ActualIssue>;
  updateIssue(number: number, patch: ResolvedIssuePatch): Promise<ActualIssue>;
  /**
   * What the token can do in the repository, for `doctor`: reachable, issues on, issues readable and writable
   * (probed with a request the platform refuses as invalid, so nothing is ever created), and the platform's own
   * requirements (GitLab's role). Never changes anything.
   */
  checkAccess(): Promise<AccessCheck[]>;
  stats(): RequestStats;
  /** The platform's clock (ISO 8601), from the Date header of the latest response; null before any response. */
  serverTime(): string | null;
  /**
   * Native relations: blocked-by dependencies (GitHub, GitLab) and sub-issues (GitHub); absent where the platform has
   * none, and the `hierarchy` setting then keeps the checklist with a "Depends on" line.
   */
  readonly relations?: IssueRelations;
  /**
   * The names of the issue types the repository offers (GitHub: its organisation's, with the repository's overrides),
   * read once; null when it offers none or they cannot be read (a user-owned repository, an older server). Absent on
   * platforms without issue types.
   */
  issueTypes?(): Promise<string[] | null>;
}

/**
 * "Blocked by" dependencies between issues of the repository, named by the id the platform's relation endpoints take
 * (`relationId`: GitHub's numeric issue id, GitLab's iid).
 */
export interface IssueRelations {
  /** The id of `issue` that the relation endpoints take; undefined when the issue does not carry it. */
  relationId(issue: ActualIssue): number | undefined;
  /** The issues of this repository that block this one (blockers elsewhere are left out: they are never the tool's). */
  listBlockedBy(issueNumber: number): Promise<ActualIssue[]>;
  /**
   * Throws NOT_SUPPORTED when the platform refuses dependencies altogether (GitLab Free): the run then keeps the
   * "Depends on" line and stops asking.
   */
  addBlockedBy(issueNumber: number, blockerId: number): Promise<void>;
  removeBlockedBy(issueNumber: number, blockerId: number): Promise<void>;
  /** Native sub-issues (GitHub); null where the tree stays a checklist (GitLab, whose REST API has no child issues). */
  readonly subIssues: SubIssueRelations | null;
}

/** Sub-issues, named by the platform's numeric issue id (ActualIssue.databaseId). */
export interface SubIssueRelations {
  /** The parent's sub-issues, in the platform's order. */
  listSubIssues(parentNumber: number): Promise<ActualIssue[]>;
  addSubIssue(parentNumber: number, childId: number, replaceParent: boolean): Promise<void>;
  removeSubIssue(parentNumber: number, childId: number): Promise<void>;
  /** Moves a sub-issue right after `afterId`, or right before `beforeId`. */
  reorderSubIssue(
    parentNumber: number,
    childId: number,
    position: { afterId: number } | { beforeId: number },
  ): Promise<void>;
}

export function emptyStats(): RequestStats {
  return { reads: 0, writes: 0, graphql: 0, notModified: 0, retries: 0, failures: 0 };
}
