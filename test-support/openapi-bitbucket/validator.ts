/**
 * Checks HTTP exchanges with the Bitbucket emulator against the hand-written schemas of
 * test-support/emulators/bitbucket/schemas.ts (derived from Atlassian's swagger description, which the npm registry
 * does not carry): that the operation is a documented one, that a request body fits the operation's writable fields
 * and that the response body fits the schema for its status. The API mirrors test-support/openapi (GitHub).
 */

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import * as schemas from '../emulators/bitbucket/schemas.js';

export interface Exchange {
  method: string;
  /** The swagger path template (`/repositories/{workspace}/{repo_slug}/issues`); derived from `path` when absent. */
  pathTemplate?: string;
  /** A concrete path or URL, with or without `/2.0`. */
  path?: string;
  requestBody?: unknown;
  status: number;
  /** Parsed JSON, or the text of a plain-text body; undefined when empty. */
  responseBody?: unknown;
}

export interface ValidateOptions {
  /** Check the request body; default: only for 2xx exchanges (a rejected request may be invalid on purpose). */
  checkRequest?: boolean;
}

interface Operation {
  request?: object;
  /** Schemas of the success statuses; every 4xx/5xx JSON body is checked against `error`. */
  responses: Record<number, object>;
  /** Error statuses the swagger documents for the operation (informative; 401/403/429 apply everywhere). */
  documentedErrors: number[];
}

const R = '/repositories/{workspace}/{repo_slug}';
const milestone = schemas.namedSchema('milestone');
const version = schemas.namedSchema('version');
const component = schemas.namedSchema('component');

/** Every operation the emulator serves, with the swagger's path template. */
export const OPERATIONS: Record<string, Operation> = {
  [`GET ${R}`]: { responses: { 200: schemas.repository }, documentedErrors: [403, 404] },
  [`GET ${R}/issues`]: { responses: { 200: schemas.page(schemas.issue) }, documentedErrors: [404] },
  [`POST ${R}/refs/tags`]: {
    request: schemas.tagCreateRequest,
    responses: { 201: schemas.tag },
    documentedErrors: [400, 403, 404],
  },
  [`GET ${R}/refs/tags/{name}`]: { responses: { 200: schemas.tag }, documentedErrors: [403, 404] },
  [`POST ${R}/issues`]: {
    request: schemas.issueCreateRequest,
    responses: { 201: schemas.issue },
    documentedErrors: [401, 403, 404],
  },
  [`GET ${R}/issues/{issue_id}`]: { responses: { 200: schemas.issue }, documentedErrors: [403, 404, 410] },
  [`PUT ${R}/issues/{issue_id}`]: {
    request: schemas.issueUpdateRequest,
    responses: { 200: schemas.issue },
    documentedErrors: [403, 404],
  },
  [`GET ${R}/issues/{issue_id}/changes`]: {
    responses: { 200: schemas.page(schemas.issueChange) },
    documentedErrors: [404],
  },
  [`POST ${R}/issues/{issue_id}/changes`]: {
    request: schemas.issueChangeRequest,
    responses: { 201: schemas.issueChange },
    documentedErrors: [401, 403, 404],
  },
  [`GET ${R}/issues/{issue_id}/changes/{change_id}`]: {
    responses: { 200: schemas.issueChange },
    documentedErrors: [404],
  },
  [`GET ${R}/milestones`]: { responses: { 200: schemas.page(milestone) }, documentedErrors: [404] },
  [`GET ${R}/milestones/{milestone_id}`]: { responses: { 200: milestone }, documentedErrors: [404] },
  [`GET ${R}/versions`]: { responses: { 200: schemas.page(version) }, documentedErrors: [404] },
  [`GET ${R}/versions/{version_id}`]: { responses: { 200: version }, documentedErrors: [404] },
  [`GET ${R}/components`]: { responses: { 200: schemas.page(component) }, documentedErrors: [404] },
  [`GET ${R}/components/{component_id}`]: { responses: { 200: component }, documentedErrors: [404] },
  'GET /user': { responses: { 200: schemas.account }, documentedErrors: [401] },
  'GET /users/{selected_user}': { responses: { 200: schemas.account }, documentedErrors: [404] },
  'GET /workspaces/{workspace}/members': {
    responses: { 200: schemas.page(schemas.workspaceMembership) },
    documentedErrors: [400, 401],
  },
};

interface CompiledTemplate {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
}

const templates: CompiledTemplate[] = Object.keys(OPERATIONS)
  .map((key) => {
    const [method = '', template = ''] = key.split(' ');
    const segments = template.split('/');
    const source = segments
      .map((segment) =>
        /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    return {
      method,
      template,
      pattern: new RegExp(`^${source}$`),
      literalSegments: segments.filter((s) => s !== '' && !s.includes('{')).length,
    };
  })
  .sort((a, b) => b.literalSegments - a.literalSegments);

/** The swagger template of a concrete path (full URL, with or without `/2.0`, query ignored), or undefined. */
export function templateFor(method: string, path: string): string | undefined {
  let pathname = /^https?:\/\//.test(path) ? new URL(path).pathname : path;
  pathname = pathname.split('?')[0] ?? pathname;
  if (pathname === '/2.0' || pathname.startsWith('/2.0/')) pathname = pathname.slice('/2.0'.length) || '/';
  const candidates = templates.filter((entry) => entry.pattern.test(pathname));
  return (candidates.find((entry) => entry.method === method.toUpperCase()) ?? candidates[0])?.template;
}

const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, logger: false });
addFormatsModule.default(ajv);
const cache = new Map<object, ValidateFunction>();

function compile(schema: object): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined, label: string): string[] {
  if (!errors || errors.length === 0) return [`${label}: invalid`];
  const specific = errors.filter((error) => !['anyOf', 'oneOf', 'if'].includes(error.keyword));
  return (specific.length > 0 ? specific : errors).slice(0, 8).map((error) => {
    const where = error.instancePath === '' ? '(root)' : error.instancePath;
    const extra =
      error.keyword === 'additionalProperties'
        ? ` '${String((error.params as { additionalProperty?: string }).additionalProperty)}'`
        : error.keyword === 'enum'
          ? ` ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`
          : '';
    return `${label}: ${where} ${error.message ?? error.keyword}${extra}`;
  });
}

/** Problems with one exchange, as readable sentences; empty when it conforms. */
export function validateExchange(exchange: Exchange, options: ValidateOptions = {}): string[] {
  const method = exchange.method.toUpperCase();
  const template =
    exchange.pathTemplate ?? (exchange.path === undefined ? undefined : templateFor(method, exchange.path));
  const name = `${method} ${template ?? exchange.path ?? '?'}`;
  const operation = template === undefined ? undefined : OPERATIONS[`${method} ${template}`];
  if (!operation) return [`${name}: not a documented Bitbucket operation served by the emulator`];
  const problems: string[] = [];
  const is2xx = exchange.status >= 200 && exchange.status < 300;

  if (options.checkRequest ?? is2xx) {
    if (operation.request === undefined) {
      if (exchange.requestBody !== undefined) problems.push(`${name} request: the operation takes no body`);
    } else if (exchange.requestBody === undefined) {
      problems.push(`${name} request: body required but absent`);
    } else {
      const validate = compile(operation.request);
      if (!validate(exchange.requestBody)) problems.push(...describe(validate.errors, `${name} request`));
    }
  }

  const label = `${name} → ${exchange.status}`;
  if (is2xx) {
    const schema = operation.responses[exchange.status];
    if (!schema) problems.push(`${label}: undocumented success status`);
    else {
      const validate = compile(schema);
      if (!validate(exchange.responseBody)) problems.push(...describe(validate.errors, label));
    }
  } else if (exchange.status >= 400) {
    if (typeof exchange.responseBody === 'string') {
      // Only the failed Basic login is answered in plain text.
      if (exchange.status !== 401 || !exchange.responseBody.startsWith('Login failed'))
        problems.push(`${label}: a plain-text error body other than the failed-login one`);
    } else {
      const validate = compile(schemas.error);
      if (!validate(exchange.responseBody)) problems.push(...describe(validate.errors, label));
    }
  }
  return problems;
}
