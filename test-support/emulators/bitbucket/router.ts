/** Maps a method and a path (below `/2.0`) to a route by its swagger path template. */

import type { Principal, ScopeRule } from './auth.js';
import type { Urls } from './render.js';
import type { RepoRecord, Store } from './store.js';

export interface RequestContext {
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The absolute URL the caller used, query included: the base of `next` / `previous`. */
  requestUrl: URL;
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
  method: 'GET' | 'POST' | 'PUT';
  /** The swagger path template this route implements (relative to `/2.0`). */
  template: string;
  scopes: ScopeRule;
}

/** A route under `/repositories/{workspace}/{repo_slug}`: the pipeline resolves and checks the repository first. */
export interface RepoRoute extends RouteBase {
  repo: true;
  /** Needs the issue tracker: 404 "Repository has no issue tracker." when it is off. */
  tracker?: boolean;
  /** Changes something: needs write access to the repository. */
  write?: boolean;
  handler: (ctx: RepoContext) => HandlerResult;
}

export interface PlainRoute extends RouteBase {
  repo?: undefined;
  /** Needs credentials: 401 for anonymous callers. */
  authenticated?: boolean;
  handler: (ctx: RequestContext) => HandlerResult;
}

export type Route = RepoRoute | PlainRoute;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

const NUMERIC_PARAMS = new Set(['issue_id', 'milestone_id', 'version_id', 'component_id', 'change_id']);

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

  match(method: string, path: string): RouteMatch {
    const allowed: string[] = [];
    for (const { route, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      try {
        names.forEach((name, index) => {
          params[name] = decodeURIComponent(found[index + 1] ?? '');
        });
      } catch {
        return { kind: 'none' };
      }
      return { kind: 'route', route, params };
    }
    return allowed.length > 0 ? { kind: 'method', allowed } : { kind: 'none' };
  }

  /** The template of the route serving `path` with any method, for recording a refused exchange. */
  templateOf(path: string): string | undefined {
    return this.compiled.find(({ pattern }) => pattern.test(path))?.route.template;
  }
}
