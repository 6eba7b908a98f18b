/** Maps a method and path to a route (by its OpenAPI template), including GitHub's `/repositories/{id}/…` aliases. */

import type { AccessRule, Principal } from './auth.js';
import type { LinkContext } from './http.js';
import type { Urls } from './render.js';
import type { RepoRecord, Store } from './store.js';

export interface RequestContext {
  method: string;
  /** Canonical path (`/repos/{owner}/{repo}/…` even when called through `/repositories/{id}/…`). */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  link: LinkContext;
  body: unknown;
  principal: Principal;
  store: Store;
  urls: Urls;
}

export interface RepoContext extends RequestContext {
  repo: RepoRecord;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RouteBase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template this route implements. */
  template: string;
  /** documentation_url for this endpoint's errors. */
  docs: string;
  /** Content-creating requests are subject to the secondary limits. */
  contentCreating?: boolean;
  /** False for `/rate_limit`, which does not count against the primary limit. */
  counted?: boolean;
}

/** A route under `/repos/{owner}/{repo}`: the pipeline resolves and authorises the repository before the handler runs. */
export interface RepoRoute extends RouteBase {
  access: AccessRule;
  /** Issue endpoints answer 410 when the repository has issues turned off. */
  issuesFeature?: boolean;
  handler: (ctx: RepoContext) => HandlerResult;
}

export interface PlainRoute extends RouteBase {
  access?: undefined;
  handler: (ctx: RequestContext) => HandlerResult;
}

export type Route = RepoRoute | PlainRoute;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  path: string;
}

const NUMERIC_PARAMS = new Set(['issue_number', 'milestone_number']);

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1]);
          return NUMERIC_PARAMS.has(param[1]) ? '(\\d+)' : '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** Rewrites `/repositories/{id}/…` (the form GitHub's Link headers use) to `/repos/{owner}/{repo}/…`. */
  canonicalPath(path: string, store: Store): string {
    const alias = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
    if (!alias?.[1]) return path;
    const repo = store.repoById(Number(alias[1]));
    return repo ? `/repos/${repo.owner}/${repo.name}${alias[2] ?? ''}` : path;
  }

  match(method: string, rawPath: string, store: Store): RouteMatch | undefined {
    const path = this.canonicalPath(rawPath, store);
    for (const { route, pattern, names } of this.compiled) {
      if (route.method !== method) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, index) => {
          params[name] = decodeURIComponent(found[index + 1] ?? '');
        });
      } catch {
        return undefined;
      }
      return { route, params, path };
    }
    return undefined;
  }
}
