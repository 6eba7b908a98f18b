/**
 * POST /graphql (and GitHub Enterprise Server's /api/graphql): parses, validates against GitHub's official schema,
 * checks a classic token's project scopes, and executes the Projects v2 resolvers.
 *
 * Documented behaviour followed (GitHub GraphQL docs "Forming calls", "Rate limits and node limits", "Using the API
 * to manage Projects"):
 * - No token: 401 "This endpoint requires you to be authenticated."; a bad token: 401 "Bad credentials" (the
 *   emulator's pipeline).
 * - Everything else is 200: schema errors come back as `errors` without `data`; resolver errors as `errors` with a
 *   `type` (NOT_FOUND, FORBIDDEN, INSUFFICIENT_SCOPES, UNPROCESSABLE, …), `path` and `locations`, next to partial
 *   `data`.
 * - A classic PAT needs the read:project scope for projects queries and project for mutations, checked before anything
 *   runs ("Your token has not been granted the required scopes…").
 * - Responses carry x-ratelimit-* with `x-ratelimit-resource: graphql` (one point per request here; GitHub's points
 *   depend on the nodes requested, and a request costs at least one).
 */
import {
  executeSync,
  getNamedType,
  GraphQLError,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
} from 'graphql';
import type { HandlerResult, PlainRoute, RequestContext } from '../router.js';
import type { ProjectsState } from './projects.js';
import { rootValue } from './resolvers.js';
import { githubSchema } from './schema.js';

const DOCS_AUTH =
  'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql';
const DOCS_GRAPHQL = 'https://docs.github.com/graphql';

function formatError(error: GraphQLError): Record<string, unknown> {
  const json = error.toJSON();
  const { type, ...extensions } = (json.extensions ?? {}) as Record<string, unknown>;
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(json.path ? { path: json.path } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
    ...(json.locations ? { locations: json.locations } : {}),
    message: json.message,
  };
}

/** Whether a document reads or writes Projects v2 data (what the project scopes guard). */
function touchesProjects(document: DocumentNode): boolean {
  const schema = githubSchema();
  const info = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(info, {
      Field() {
        const type = info.getType();
        const name = type ? getNamedType(type).name : '';
        if (/^ProjectV2/.test(name) || /ProjectV2/.test(info.getFieldDef()?.name ?? '')) found = true;
      },
    }),
  );
  return found;
}

export function graphqlRoutes(projects: () => ProjectsState): PlainRoute[] {
  const handler = (ctx: RequestContext): HandlerResult => handleGraphql(ctx, projects());
  return ['/graphql', '/api/graphql'].map((template) => ({
    method: 'POST' as const,
    template,
    docs: DOCS_GRAPHQL,
    handler,
  }));
}

const GRAPHQL_HEADERS = {
  'x-ratelimit-resource': 'graphql',
  'x-github-media-type': 'github.v4; format=json',
};

function ok(body: unknown): HandlerResult {
  return { status: 200, body, headers: GRAPHQL_HEADERS };
}

export function handleGraphql(ctx: RequestContext, projects: ProjectsState): HandlerResult {
  if (ctx.principal.kind !== 'token') {
    return {
      status: 401,
      body: { message: 'This endpoint requires you to be authenticated.', documentation_url: DOCS_AUTH },
      headers: GRAPHQL_HEADERS,
    };
  }
  const body = ctx.body as Record<string, unknown> | undefined;
  const query = body?.['query'];
  if (typeof query !== 'string') {
    return ok({ errors: [{ message: 'A query attribute must be specified and must be a string.' }] });
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return ok({ errors: [formatError(error as GraphQLError)] });
  }
  const schema = githubSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) return ok({ errors: invalid.map(formatError) });

  const token = ctx.principal.token;
  if (!token.login.endsWith('[bot]') && touchesProjects(document)) {
    const mutation = document.definitions.some(
      (definition) => definition.kind === 'OperationDefinition' && definition.operation === 'mutation',
    );
    const grant = projects.grants.get(token.token);
    const needed = mutation ? 'project' : 'read:project';
    if (grant === undefined || (mutation && grant !== 'write')) {
      const has = ['repo', ...(grant === 'read' ? ['read:project'] : [])];
      return ok({
        errors: [
          {
            type: 'INSUFFICIENT_SCOPES',
            locations: [{ line: 1, column: 1 }],
            message: `Your token has not been granted the required scopes to execute this query. The 'projectsV2' field requires one of the following scopes: ['${needed}'], but your token has only been granted the: [${has.map((scope) => `'${scope}'`).join(', ')}] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.`,
          },
        ],
      });
    }
  }

  const variables = body?.['variables'];
  const result = executeSync({
    schema,
    document,
    rootValue: rootValue({ principal: ctx.principal, store: ctx.store, projects, web: ctx.urls.web }),
    variableValues: variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {},
    ...(typeof body?.['operationName'] === 'string' ? { operationName: body['operationName'] } : {}),
  });
  return ok({
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors && result.errors.length > 0 ? { errors: result.errors.map(formatError) } : {}),
  });
}
