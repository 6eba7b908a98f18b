/** Public types of the GitHub emulator: options, token grants, the JSON shapes it serves, recorded requests and faults. */
import type { FaultKind } from '../shared/faults.js';

export type Access = 'read' | 'write';

export interface GitHubEmulatorOptions {
  /** Added to every response (after the handler ran), in milliseconds. */
  latencyMs?: number;
  /** The clock, in epoch milliseconds; drives timestamps, rate-limit windows and secondary limits. */
  now?: () => number;
  /** Primary (hourly) limit per token; default 5000, like a personal access token or an app installation. */
  rateLimit?: { limit: number };
  /** Content-creation limits per token; default 80 a minute and 500 an hour; `false` turns them off. */
  secondaryLimits?: { perMinute: number; perHour: number } | false;
}

export interface TokenPermissions {
  issues?: Access;
  contents?: Access;
  metadata?: 'read';
  /** Labels, milestones and issue updates also accept the pull_requests permission, as on GitHub. */
  pull_requests?: Access;
}

export interface TokenGrant {
  /** The account the token acts as; default `github-actions[bot]` (a Bot). */
  login?: string;
  /** Repositories the token is installed on (`owner/name`, case-insensitive), or `'*'` (the default). */
  repositories?: string[] | '*';
  permissions: TokenPermissions;
}

export interface RepositoryOptions {
  /** Default true. */
  hasIssues?: boolean;
  /** Default true: a token that is not granted the repository cannot see it at all (404). */
  private?: boolean;
}

export interface SimpleUserJson {
  login: string;
  id: number;
  node_id: string;
  avatar_url: string;
  gravatar_id: string;
  url: string;
  html_url: string;
  followers_url: string;
  following_url: string;
  gists_url: string;
  starred_url: string;
  subscriptions_url: string;
  organizations_url: string;
  repos_url: string;
  events_url: string;
  received_events_url: string;
  type: 'User' | 'Bot' | 'Organization';
  user_view_type: 'public';
  site_admin: boolean;
}

export interface LabelJson {
  id: number;
  node_id: string;
  url: string;
  name: string;
  color: string;
  default: boolean;
  description: string | null;
}

export interface MilestoneJson {
  url: string;
  html_url: string;
  labels_url: string;
  id: number;
  node_id: string;
  number: number;
  title: string;
  description: string | null;
  creator: SimpleUserJson | null;
  open_issues: number;
  closed_issues: number;
  state: 'open' | 'closed';
  created_at: string;
  updated_at: string;
  due_on: string | null;
  closed_at: string | null;
}

export type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate';

export interface ReactionsJson {
  url: string;
  total_count: number;
  '+1': number;
  '-1': number;
  laugh: number;
  hooray: number;
  confused: number;
  heart: number;
  rocket: number;
  eyes: number;
}

export interface IssueJson {
  url: string;
  repository_url: string;
  labels_url: string;
  comments_url: string;
  events_url: string;
  html_url: string;
  id: number;
  node_id: string;
  number: number;
  title: string;
  user: SimpleUserJson | null;
  labels: LabelJson[];
  state: 'open' | 'closed';
  locked: boolean;
  assignee: SimpleUserJson | null;
  assignees: SimpleUserJson[];
  milestone: MilestoneJson | null;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  author_association: 'OWNER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'MEMBER' | 'NONE';
  type: IssueTypeJson | null;
  active_lock_reason: string | null;
  sub_issues_summary: { total: number; completed: number; percent_completed: number };
  draft?: boolean;
  pull_request?: {
    url: string;
    html_url: string;
    diff_url: string;
    patch_url: string;
    merged_at: string | null;
  };
  body: string | null;
  /** Present on single-issue responses only; GitHub leaves it out of lists. */
  closed_by?: SimpleUserJson | null;
  reactions: ReactionsJson;
  timeline_url: string;
  performed_via_github_app: null;
  state_reason: StateReason | null;
}

/** The issue-type object (components/schemas/issue-type). */
export interface IssueTypeJson {
  id: number;
  node_id: string;
  name: string;
  description: string | null;
  color: string | null;
  created_at: string;
  updated_at: string;
  is_enabled: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Without the `/api/v3` prefix and without the query string, as sent (so `/repositories/{id}/…` stays). */
  path: string;
  query: Record<string, string>;
  /** The OpenAPI operation it was served as, e.g. `GET /repos/{owner}/{repo}/issues`; absent when no route matched. */
  operation?: string;
  status: number;
  /** Parsed JSON when the body parsed; the raw text otherwise; undefined when empty. */
  requestBody: unknown;
  /** Parsed JSON; undefined for 204/304 and dropped connections. */
  responseBody: unknown;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  durationMs: number;
  /** Set when an injected fault shaped this exchange. */
  fault?: FaultKind;
}

export type { FaultAction, FaultKind, FaultSpec } from '../shared/faults.js';
