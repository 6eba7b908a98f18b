/**
 * Checks HTTP exchanges against GitHub's OpenAPI description with ajv: that the operation exists, that the request
 * body fits the operation's requestBody schema, and that the response body fits the schema for its status.
 */

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  convertSchema,
  getOperation,
  loadDescription,
  resolveRef,
  templateFor,
  type OpenApiDocument,
} from './spec.js';

export interface Exchange {
  method: string;
  /** The OpenAPI template (`/repos/{owner}/{repo}/issues`); derived from `path` when absent. */
  pathTemplate?: string;
  /** A concrete path or URL (`/repos/o/r/issues/3`, `/api/v3/…`, `http://…`). */
  path?: string;
  requestBody?: unknown;
  status: number;
  /** Parsed JSON; undefined for an empty body. */
  responseBody?: unknown;
}

export interface ValidateOptions {
  /**
   * Report properties the description does not list (request and response objects are "closed"). GitHub's schemas
   * leave objects open, so without this an invented field would pass. Default false.
   */
  strict?: boolean;
  /** Check the request body; default: only for 2xx exchanges (a rejected request may be invalid on purpose). */
  checkRequest?: boolean;
  /**
   * GitHub documents few error statuses per operation (no 401 anywhere, no rate-limit 403s). With 'fallback' (the
   * default) an undocumented 4xx/5xx body is checked against `validation-error` (422) or `basic-error`; with 'problem'
   * it is reported.
   */
  undocumentedErrors?: 'fallback' | 'problem';
}

type Variant = 'open' | 'closed';

/**
 * Where GitHub's description is known to lag what GitHub sends, patched in so strict mode does not flag real fields:
 * - `validation-error` lacks `status`, which every current error body carries (`"status": "422"`; e.g.
 *   harvester/harvester#10448, magit/forge#748); `basic-error` already lists it.
 */
function patchKnownGaps(schemas: Record<string, unknown>): Record<string, unknown> {
  const patched = { ...schemas };
  const validationError = schemas['validation-error'] as { properties?: Record<string, unknown> } | undefined;
  if (validationError?.properties && !('status' in validationError.properties)) {
    patched['validation-error'] = {
      ...validationError,
      properties: { ...validationError.properties, status: { type: 'string' } },
    };
  }
  return patched;
}

interface Compiler {
  ajv: Ajv;
  rootIds: Record<Variant, string>;
  cache: Map<string, ValidateFunction>;
}

let compiler: Compiler | undefined;

function getCompiler(): Compiler {
  if (compiler) return compiler;
  const document = loadDescription();
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    allowUnionTypes: true,
    logger: false,
  });
  addFormatsModule.default(ajv);
  const formats = new Set<string>();
  const rootIds: Record<Variant, string> = {
    open: 'github-openapi-open.json',
    closed: 'github-openapi-closed.json',
  };
  for (const variant of ['open', 'closed'] as const) {
    const options = { rootId: rootIds[variant], closed: variant === 'closed', formats };
    const schemas = Object.fromEntries(
      Object.entries(patchKnownGaps(document.components.schemas)).map(([name, schema]) => [
        name,
        convertSchema(schema, options),
      ]),
    );
    ajv.addSchema({ $id: rootIds[variant], components: { schemas } }, rootIds[variant]);
  }
  for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);
  compiler = { ajv, rootIds, cache: new Map() };
  return compiler;
}

function compile(key: string, schema: unknown, variant: Variant): ValidateFunction {
  const { ajv, rootIds, cache } = getCompiler();
  const cacheKey = `${variant}|${key}`;
  let validate = cache.get(cacheKey);
  if (!validate) {
    const formats = new Set<string>();
    const converted = convertSchema(schema, {
      rootId: rootIds[variant],
      closed: variant === 'closed',
      formats,
    });
    for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);
    validate = ajv.compile(converted as object);
    cache.set(cacheKey, validate);
  }
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined, label: string): string[] {
  if (!errors || errors.length === 0) return [`${label}: invalid`];
  // oneOf/anyOf produce one error per failed branch; keep the most specific few.
  const specific = errors.filter((error) => !['oneOf', 'anyOf', 'if'].includes(error.keyword));
  const chosen = (specific.length > 0 ? specific : errors).slice(0, 8);
  return chosen.map((error) => {
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

function jsonSchemaOf(document: OpenApiDocument, holder: unknown): unknown {
  const resolved = resolveRef(document, holder) as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  const content = resolved?.content;
  if (!content) return undefined;
  const json =
    content['application/json'] ?? Object.entries(content).find(([type]) => type.includes('json'))?.[1];
  return json?.schema;
}

/** The path template of the documented operation for a concrete path, or undefined when none matches. */
export { templateFor } from './spec.js';

/** Problems with one exchange, as readable sentences; empty when it conforms. */
export function validateExchange(exchange: Exchange, options: ValidateOptions = {}): string[] {
  const document = loadDescription();
  const method = exchange.method.toUpperCase();
  const template =
    exchange.pathTemplate ?? (exchange.path === undefined ? undefined : templateFor(method, exchange.path));
  const name = `${method} ${template ?? exchange.path ?? '?'}`;
  if (!template) return [`${name}: no such path in GitHub's OpenAPI description`];
  const operation = getOperation(document, method, template);
  if (!operation) return [`${name}: no such operation in GitHub's OpenAPI description`];
  const variant: Variant = options.strict ? 'closed' : 'open';
  const problems: string[] = [];
  const is2xx = exchange.status >= 200 && exchange.status < 300;

  if (options.checkRequest ?? is2xx) {
    const requestBody = resolveRef(document, operation.requestBody) as { required?: boolean } | undefined;
    const schema = jsonSchemaOf(document, operation.requestBody);
    if (exchange.requestBody === undefined) {
      if (requestBody?.required) problems.push(`${name} request: body required but absent`);
    } else if (schema === undefined) {
      problems.push(`${name} request: the operation takes no JSON body`);
    } else {
      const validate = compile(`${method} ${template} request`, schema, variant);
      if (!validate(exchange.requestBody))
        problems.push(...describeErrors(validate.errors, `${name} request`));
    }
  }

  const responses = operation.responses ?? {};
  const status = String(exchange.status);
  const documented = responses[status] ?? responses[`${status[0] ?? ''}XX`] ?? responses['default'];
  let schema: unknown;
  let schemaKey: string;
  if (documented !== undefined) {
    schema = jsonSchemaOf(document, documented);
    schemaKey = `${method} ${template} ${status}`;
  } else if (exchange.status >= 400 && (options.undocumentedErrors ?? 'fallback') === 'fallback') {
    const fallback = exchange.status === 422 ? 'validation-error' : 'basic-error';
    schema = { $ref: `#/components/schemas/${fallback}` };
    schemaKey = `fallback ${fallback}`;
  } else {
    return [...problems, `${name}: status ${status} is not documented for this operation`];
  }
  if (schema === undefined) {
    if (exchange.responseBody !== undefined)
      problems.push(`${name} ${status}: documented without a body, but one was sent`);
    return problems;
  }
  if (exchange.responseBody === undefined)
    return [...problems, `${name} ${status}: a JSON body is documented, none was sent`];
  const validate = compile(schemaKey, schema, variant);
  if (!validate(exchange.responseBody))
    problems.push(...describeErrors(validate.errors, `${name} ${status} response`));
  return problems;
}
