/** Public types of the Bitbucket Cloud emulator: options, credentials, the JSON shapes it serves, recorded requests and faults. */
import type { FaultKind } from '../shared/faults.js';

export interface BitbucketEmulatorOptions {
  /** Added to every response (after the handler ran), in milliseconds. */
  latencyMs?: number;
  /** The clock, in epoch milliseconds; drives timestamps and the rolling rate-limit window. */
  now?: () => number;
  /**
   * The hourly, rolling-window limits. `limit` applies per authenticated caller to `/2.0/repositories/*` (Bitbucket's
   * "api" resource; default 1,000); `anonymousLimit` per IP to every unauthenticated request (default 60);
   * `nearLimitFraction` is the share of the limit left at which `X-RateLimit-NearLimit` turns true (default 0.2).
   * `false` turns rate limiting off.
   */
  rateLimit?: { limit?: number; anonymousLimit?: number; nearLimitFraction?: number } | false;
  /**
   * What a PUT does with a `state` in its body: `honoured` (default; Bitbucket's issue representation lists `state` as
   * writable), or, as a platform that only takes states through `POST …/changes` might, `ignored` (dropped) or
   * `refused` (400 naming the field). For testing clients' fallbacks.
   */
  putState?: 'honoured' | 'ignored' | 'refused';
}

/** Issue-tracker enums, as the swagger description lists them (whether Bitbucket lets a client set `submitted` is unverified; accepted here). */
export type IssueKind = 'bug' | 'enhancement' | 'proposal' | 'task';
export type IssuePriority = 'trivial' | 'minor' | 'major' | 'critical' | 'blocker';
export type IssueState =
  'submitted' | 'new' | 'open' | 'resolved' | 'on hold' | 'invalid' | 'duplicate' | 'wontfix' | 'closed';

export interface UserOptions {
  /** Default: the nickname. */
  displayName?: string;
  /** Default: a generated 24-hex-digit Atlassian account id. */
  accountId?: string;
  /** With braces, e.g. `{1f2e…}`; default: generated. */
  uuid?: string;
  /** Used with API tokens (Basic email:token). */
  email?: string;
  /** Workspaces (slugs) the user is a member of; members can read and write every repository there. */
  workspaces?: string[];
}

export interface RepositoryOptions {
  /** Default true. A repository without an issue tracker answers every issue endpoint with 404. */
  hasIssues?: boolean;
  /** Default true: only workspace members and the workspace's (or the repository's) access tokens can see it. */
  private?: boolean;
}

/**
 * A Bearer token. Repository and workspace access tokens act as their own bot account (named after the token) and
 * carry "classic" scopes (`issue`, `issue:write`, `repository`, `account`, …); an OAuth access token acts as a user.
 */
export type AccessTokenGrant =
  | { kind: 'repository'; repository: string; scopes: string[]; name?: string }
  | { kind: 'workspace'; workspace: string; scopes: string[]; name?: string }
  | { kind: 'oauth'; user: string; scopes: string[] };

export interface LinkJson {
  href: string;
  name?: string;
}

export interface AccountJson {
  type: 'user';
  display_name: string;
  uuid: string;
  account_id: string;
  nickname: string;
  links: { self: LinkJson; html: LinkJson; avatar: LinkJson };
  /** Only on `GET /users/…` and `GET /user` (the full account object). */
  created_on?: string;
  account_status?: 'active';
}

export interface RepositorySummaryJson {
  type: 'repository';
  full_name: string;
  name: string;
  uuid: string;
  links: { self: LinkJson; html: LinkJson; avatar: LinkJson };
}

export interface NamedJson {
  type: 'milestone' | 'version' | 'component';
  id: number;
  name: string;
  links: { self: LinkJson };
}

export interface RenderedJson {
  type: 'rendered';
  raw: string;
  markup: 'markdown';
  html: string;
}

export interface IssueJson {
  type: 'issue';
  id: number;
  repository: RepositorySummaryJson;
  links: {
    self: LinkJson;
    html: LinkJson;
    comments: LinkJson;
    attachments: LinkJson;
    watch: LinkJson;
    vote: LinkJson;
  };
  title: string;
  content: RenderedJson;
  reporter: AccountJson | null;
  assignee: AccountJson | null;
  created_on: string;
  updated_on: string;
  edited_on: string | null;
  state: IssueState;
  kind: IssueKind;
  priority: IssuePriority;
  milestone: NamedJson | null;
  version: NamedJson | null;
  component: NamedJson | null;
  votes: number;
  watches: number;
}

export interface IssueChangeJson {
  type: 'issue_change';
  id: number;
  created_on: string;
  user: AccountJson | null;
  issue: {
    type: 'issue';
    id: number;
    title: string;
    repository: RepositorySummaryJson;
    links: { self: LinkJson };
  };
  changes: Record<string, { old: string; new: string }>;
  message: RenderedJson;
  links: { self: LinkJson; html: LinkJson };
}

/** Bitbucket's paging envelope. `next`/`previous` are absolute URLs and only present when there is such a page. */
export interface PageJson<T> {
  size: number;
  page: number;
  pagelen: number;
  next?: string;
  previous?: string;
  values: T[];
}

export interface RecordedRequest {
  method: string;
  /** Without the `/2.0` prefix and without the query string, as sent (so it reads like the swagger path). */
  path: string;
  query: Record<string, string>;
  /** The documented operation it was served as, e.g. `GET /repositories/{workspace}/{repo_slug}/issues`. */
  operation?: string;
  status: number;
  /** Parsed JSON when the body parsed; the raw text otherwise; undefined when empty. */
  requestBody: unknown;
  /** Parsed JSON when it parsed, the text otherwise (Bitbucket's Basic-auth 401 is plain text); undefined when empty. */
  responseBody: unknown;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  durationMs: number;
  /** Set when an injected fault shaped this exchange. */
  fault?: FaultKind;
}

export type { FaultAction, FaultKind, FaultSpec } from '../shared/faults.js';

/** What `editIssue` (a person editing on bitbucket.org) may change. */
export interface WebIssueEdit {
  title?: string;
  content?: string;
  state?: IssueState;
  kind?: IssueKind;
  priority?: IssuePriority;
  /** Account id, nickname or `{uuid}`; null unassigns. */
  assignee?: string | null;
  /** Milestone name; null clears it. */
  milestone?: string | null;
}
