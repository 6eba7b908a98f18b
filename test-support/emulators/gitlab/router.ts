/**
 * Maps a method and a path (below `/api/v4`) to a route template like `/projects/:id/issues/:issue_iid`.
 *
 * Documented behaviour followed (docs.gitlab.com/api/rest/ "Namespaced paths", "Path parameters"): `:id` is a numeric
 * id or a URL-encoded full path (`group%2Fsub%2Fproject`, one path segment — `NAMESPACE_OR_PROJECT_REQUIREMENTS =
 * { id: %r{[^/]+} }`); an unencoded `/` does not match and falls through to the catch-all 404 `{"error":"404 Not
 * Found"}`, as does a trailing slash or an unknown method.
 */

import type { Principal } from './auth.js';
import type { LinkContext, ParamRules, Params } from './http.js';
import type { RenderFeatures, Urls } from './render.js';
import type { GroupRecord, ProjectRecord, Store } from './store.js';

export interface RequestContext {
  method: string;
  /** Route params, percent-decoded (`id` is `group/project` for `group%2Fproject`). */
  routeParams: Record<string, string>;
  /** Query, form and JSON parameters merged (body wins over query, route params win over both). */
  input: Params;
  /** What the route's rules validated and coerced. */
  params: Params;
  principal: Principal;
  store: Store;
  urls: Urls;
  link: LinkContext;
  features: RenderFeatures & {
    scopedLabels: boolean;
    multipleAssignees: boolean;
    paginationCountLimit: number;
  };
}

export interface ProjectContext extends RequestContext {
  project: ProjectRecord;
}

export interface GroupContext extends RequestContext {
  group: GroupRecord;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RouteBase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** GitLab's documented template, e.g. `/projects/:id/issues`. */
  template: string;
  /** The docs page this route follows. */
  docs: string;
  /** Grape param declarations, validated after authentication and before the resource is looked up. */
  rules?: ParamRules;
  /** `route_setting :authentication, job_token_allowed: true`. */
  jobToken?: boolean;
}

export interface ProjectRoute extends RouteBase {
  resource: 'project';
  handler: (ctx: ProjectContext) => HandlerResult;
}

export interface GroupRoute extends RouteBase {
  resource: 'group';
  handler: (ctx: GroupContext) => HandlerResult;
}

export interface PlainRoute extends RouteBase {
  resource: 'none';
  handler: (ctx: RequestContext) => HandlerResult;
}

export type Route = ProjectRoute | GroupRoute | PlainRoute;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((segment) => {
          const param = /^:(\w+)$/.exec(segment);
          if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1]);
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const { route, pattern, names } of this.compiled) {
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
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
      return { route, params };
    }
    return undefined;
  }
}
