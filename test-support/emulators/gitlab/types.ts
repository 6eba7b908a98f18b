/** Public types of the GitLab emulator: options, token grants, the JSON shapes it serves, recorded requests and faults. */

export type { FaultAction, FaultKind, FaultSpec } from '../shared/faults.js';
import type { FaultKind } from '../shared/faults.js';

/** GitLab's role levels (doc/api/members.md "Roles"): 10 guest, 15 planner, 20 reporter, 30 developer, 40 maintainer, 50 owner. */
export type AccessLevel = 10 | 15 | 20 | 30 | 40 | 50;

export const ACCESS = {
  guest: 10,
  planner: 15,
  reporter: 20,
  developer: 30,
  maintainer: 40,
  owner: 50,
} as const satisfies Record<string, AccessLevel>;

export type TokenScope = 'api' | 'read_api';

export type Visibility = 'private' | 'internal' | 'public';

/** `enabled` (everyone who can see the project), `private` (members only), `disabled`. */
export type FeatureAccessLevel = 'enabled' | 'private' | 'disabled';

export interface RateLimitWindow {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in seconds (Rack::Attack fixed windows, aligned to multiples of the period since the epoch). */
  periodSeconds: number;
}

export interface GitLabEmulatorOptions {
  /** Added to every response (after the handler ran), in milliseconds. */
  latencyMs?: number;
  /** The clock, in epoch milliseconds; drives timestamps and rate-limit windows. */
  now?: () => number;
  /**
   * Rack::Attack-style throttles. Defaults are GitLab.com's: authenticated API 2,000 a minute per user,
   * unauthenticated 500 a minute per IP. `false` turns throttling (and the RateLimit-* headers) off.
   */
  rateLimit?: { authenticated?: RateLimitWindow; unauthenticated?: RateLimitWindow } | false;
  /** Only one `scope::value` label per scope on an issue (Premium/Ultimate). Default true. */
  scopedLabels?: boolean;
  /** More than one assignee per issue (Premium/Ultimate); when false only the first id is kept. Default true. */
  multipleAssignees?: boolean;
  /**
   * Which issue link types are accepted (handlers/links.ts): `premium` (default) all; `free` an unlicensed Enterprise
   * Edition such as GitLab.com Free, which refuses blocks / is_blocked_by with 403; `foss` the Community Edition (400).
   */
  blockingLinks?: 'premium' | 'free' | 'foss';
  /** Issue weights (Premium/Ultimate): the `weight` param and field. Default true. */
  issueWeights?: boolean;
  /**
   * What boards the instance licenses (handlers/boards.ts): `premium` (default) several group boards and boards scoped
   * to a milestone; `free` an unlicensed Enterprise Edition such as GitLab.com Free (creating a group board is 403, a
   * board's milestone scope is dropped); `foss` the Community Edition (no endpoint to create a group board).
   */
  issueBoards?: 'premium' | 'free' | 'foss';
  /**
   * Above this many matching records GitLab leaves out `x-total`, `x-total-pages` and the `rel="last"` link.
   * Default 10,000 (Kaminari MAX_COUNT_LIMIT); lower it to exercise that path cheaply.
   */
  paginationCountLimit?: number;
}

export interface UserOptions {
  /** Display name; default derived from the username. */
  name?: string;
  state?: 'active' | 'blocked';
  bot?: boolean;
}

export interface GroupOptions {
  name?: string;
  /** Default private. */
  visibility?: Visibility;
}

export interface ProjectOptions {
  name?: string;
  /** Default private: a token whose user has no membership cannot see it at all (404). */
  visibility?: Visibility;
  /** Default `enabled`; `issuesEnabled: false` is shorthand for `disabled`. */
  issuesAccessLevel?: FeatureAccessLevel;
  issuesEnabled?: boolean;
  /** Default `enabled`; milestones answer 403 only when both issues and merge requests are off. */
  mergeRequestsAccessLevel?: FeatureAccessLevel;
  defaultBranch?: string;
}

export interface TokenGrant {
  /** The user the token acts as (created if unknown). */
  user: string;
  /**
   * `personal` (also project/group access tokens and OAuth tokens: PRIVATE-TOKEN or `Authorization: Bearer`) or
   * `job` (CI_JOB_TOKEN: only accepted in the `JOB-TOKEN` header / `job_token` param). Default `personal`.
   */
  kind?: 'personal' | 'job';
  /** Default `['api']`. Ignored for job tokens. */
  scopes?: TokenScope[];
  /** Convenience: memberships to add for the user, by project or group full path. */
  access?: Record<string, AccessLevel>;
  /** An expired or revoked token answers 401 `invalid_token` (rack-oauth2 shape). Default `active`. */
  state?: 'active' | 'expired' | 'revoked';
}

export interface UserBasicJson {
  id: number;
  username: string;
  name: string;
  state: string;
  locked: boolean;
  avatar_url: string;
  web_url: string;
}

export interface MemberJson extends UserBasicJson {
  access_level: number;
  created_at: string;
  created_by: UserBasicJson | null;
  expires_at: string | null;
  membership_state: 'active';
}

export interface MilestoneJson {
  id: number;
  iid: number;
  project_id?: number;
  group_id?: number;
  title: string;
  description: string | null;
  state: 'active' | 'closed';
  created_at: string;
  updated_at: string;
  due_date: string | null;
  start_date: string | null;
  expired: boolean;
  web_url: string;
}

export interface LabelJson {
  id: number;
  name: string;
  description: string | null;
  description_html: string;
  text_color: string;
  color: string;
  archived: boolean;
  open_issues_count?: number;
  closed_issues_count?: number;
  open_merge_requests_count?: number;
  subscribed: boolean;
  priority: number | null;
  is_project_label: boolean;
}

export interface TimeStatsJson {
  time_estimate: number;
  total_time_spent: number;
  human_time_estimate: string | null;
  human_total_time_spent: string | null;
}

export interface IssueJson {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: UserBasicJson | null;
  labels: string[];
  milestone: MilestoneJson | null;
  assignees: UserBasicJson[];
  author: UserBasicJson;
  type: string;
  assignee: UserBasicJson | null;
  user_notes_count: number;
  merge_requests_count: number;
  upvotes: number;
  downvotes: number;
  due_date: string | null;
  confidential: boolean;
  discussion_locked: boolean | null;
  issue_type: string;
  web_url: string;
  time_stats: TimeStatsJson;
  task_completion_status: { count: number; completed_count: number };
  weight?: number | null;
  blocking_issues_count: number;
  has_tasks: boolean;
  task_status?: string;
  _links: { self: string; notes: string; award_emoji: string; project: string; closed_as_duplicate_of: null };
  references: { short: string; relative: string; full: string };
  severity: string;
  /** Single-issue responses only; lists leave it out (`include_subscribed: false`). */
  subscribed?: boolean;
  moved_to_id: number | null;
  imported: boolean;
  imported_from: string;
  service_desk_reply_to: string | null;
}

export interface RecordedRequest {
  method: string;
  /** Without the `/api/v4` prefix and without the query string, as sent (so `%2F` in a project path stays). */
  path: string;
  query: Record<string, string>;
  /** The route it was served as, e.g. `GET /projects/:id/issues`; absent when no route matched. */
  operation?: string;
  status: number;
  /** Parsed JSON when the body parsed; the raw text otherwise; undefined when empty. */
  requestBody: unknown;
  /** Parsed JSON when it parsed, the raw text otherwise (429 "Retry later"); undefined for empty bodies. */
  responseBody: unknown;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  durationMs: number;
  /** Set when an injected fault shaped this exchange. */
  fault?: FaultKind;
}
