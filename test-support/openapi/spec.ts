/**
 * GitHub's official OpenAPI description (from @octokit/openapi), loaded once, with OpenAPI 3.0 schemas rewritten
 * into JSON Schema that ajv understands, and concrete paths mapped back to their path templates.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type JsonObject = { [key: string]: unknown };

export interface OperationObject {
  operationId?: string;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } | { $ref: string };
  responses?: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, unknown>;
    requestBodies?: Record<string, unknown>;
  };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const DROPPED_KEYWORDS = new Set([
  'nullable',
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

let cachedDocument: OpenApiDocument | undefined;

/** Parses `generated/api.github.com.json` on first use (about 13 MB) and keeps it. */
export function loadDescription(): OpenApiDocument {
  if (!cachedDocument) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    cachedDocument = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  }
  return cachedDocument;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ConvertOptions {
  /** `$id` of the converted components document that `#/…` references are rewritten to point into. */
  rootId: string;
  /**
   * Close every object schema that lists `properties` and says nothing about `additionalProperties`, so undocumented
   * fields are reported. Schemas that are direct members of an `allOf` stay open (closing them would make the
   * combination unsatisfiable).
   */
  closed: boolean;
  /** Collects every `format` seen, so the caller can register the ones ajv does not know. */
  formats: Set<string>;
}

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a `null` type (or an `anyOf` with `{type: "null"}` when the
 * schema has no `type`), siblings of `$ref` are dropped (3.0 ignores them), OpenAPI-only keywords are removed and
 * `#/components/…` references are made absolute to `rootId`.
 */
export function convertSchema(node: unknown, options: ConvertOptions, inAllOf = false): unknown {
  if (Array.isArray(node)) return node.map((item) => convertSchema(item, options));
  if (!isObject(node)) return node;
  if (typeof node['$ref'] === 'string') {
    const ref = node['$ref'];
    return { $ref: ref.startsWith('#/') ? `${options.rootId}${ref}` : ref };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    switch (key) {
      case 'properties':
      case 'patternProperties':
        out[key] = isObject(value)
          ? Object.fromEntries(
              Object.entries(value).map(([name, schema]) => [name, convertSchema(schema, options)]),
            )
          : value;
        break;
      case 'items':
      case 'not':
      case 'additionalProperties':
      case 'propertyNames':
      case 'contains':
        out[key] = convertSchema(value, options);
        break;
      case 'allOf':
        out[key] = Array.isArray(value) ? value.map((item) => convertSchema(item, options, true)) : value;
        break;
      case 'anyOf':
      case 'oneOf':
        out[key] = Array.isArray(value) ? value.map((item) => convertSchema(item, options)) : value;
        break;
      case 'format':
        if (typeof value === 'string') options.formats.add(value);
        out[key] = value;
        break;
      default:
        out[key] = value;
    }
  }
  if (
    options.closed &&
    !inAllOf &&
    isObject(out['properties']) &&
    out['additionalProperties'] === undefined
  ) {
    out['additionalProperties'] = false;
  }
  if (node['nullable'] === true) {
    if (typeof out['type'] === 'string') {
      out['type'] = [out['type'], 'null'];
      if (Array.isArray(out['enum']) && !out['enum'].includes(null))
        out['enum'] = [...(out['enum'] as unknown[]), null];
      return out;
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

/** Resolves a local `$ref` (`#/components/…`) inside the raw description. */
export function resolveRef(document: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < 10 && isObject(current) && typeof current['$ref'] === 'string'; hops += 1) {
    const ref: string = current['$ref'];
    if (!ref.startsWith('#/')) return current;
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), document);
  }
  return current;
}

export function getOperation(
  document: OpenApiDocument,
  method: string,
  template: string,
): OperationObject | undefined {
  const item = document.paths[template];
  const operation = item?.[method.toLowerCase()];
  return isObject(operation) ? (operation as OperationObject) : undefined;
}

interface CompiledTemplate {
  template: string;
  methods: Set<string>;
  pattern: RegExp;
  literalSegments: number;
}

let compiledTemplates: CompiledTemplate[] | undefined;

/** `{name}` placeholders match one path segment (or part of one, as in `{archive_format}{/ref}`-free templates). */
function segmentPattern(segment: string): string {
  return segment
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

function templates(): CompiledTemplate[] {
  if (!compiledTemplates) {
    const document = loadDescription();
    compiledTemplates = Object.entries(document.paths).map(([template, item]) => {
      const segments = template.split('/');
      const source = segments.map(segmentPattern).join('/');
      return {
        template,
        methods: new Set(Object.keys(item).filter((key) => HTTP_METHODS.has(key))),
        pattern: new RegExp(`^${source}$`),
        literalSegments: segments.filter((segment) => segment !== '' && !segment.includes('{')).length,
      };
    });
    // Most specific first: `/repos/{owner}/{repo}/issues/comments` before `/repos/{owner}/{repo}/issues/{issue_number}`.
    compiledTemplates.sort((a, b) => b.literalSegments - a.literalSegments);
  }
  return compiledTemplates;
}

/**
 * The path template of the documented operation a concrete request path belongs to, or undefined. Accepts full URLs
 * and GHES paths (`/api/v3/…`); ignores the query string.
 */
export function templateFor(method: string, path: string): string | undefined {
  let pathname = path;
  if (/^https?:\/\//.test(pathname)) pathname = new URL(pathname).pathname;
  pathname = pathname.split('?')[0] ?? pathname;
  if (pathname === '/api/v3' || pathname.startsWith('/api/v3/'))
    pathname = pathname.slice('/api/v3'.length) || '/';
  const verb = method.toLowerCase();
  const candidates = templates().filter((entry) => entry.pattern.test(pathname));
  return (candidates.find((entry) => entry.methods.has(verb)) ?? candidates[0])?.template;
}
