/**
 * Checks the emulator's tag, commit and release responses against GitLab's official OpenAPI description, read the same
 * way as openapi.ts (kept apart so the release endpoints do not touch the issue/board definitions).
 *
 * Source: `doc/api/openapi/openapi_v2.yaml` in gitlab-org/gitlab (grape-swagger output; the tags, commits and releases
 * namespaces are in it): getApiV4ProjectsIdRepositoryTags, getApiV4ProjectsIdRepositoryTagsTagName,
 * postApiV4ProjectsIdRepositoryTags → API_Entities_Tag; getApiV4ProjectsIdRepositoryCommitsSha →
 * API_Entities_CommitDetail; getApiV4ProjectsIdReleases, getApiV4ProjectsIdReleasesTagName, postApiV4ProjectsIdReleases,
 * putApiV4ProjectsIdReleasesTagName → API_Entities_Release. Names and declared types only, transcribed.
 *
 * Read like openapi.ts: `string` says nothing (grape-swagger's default for an undocumented exposure), null is accepted
 * everywhere, objects are closed. Patched, not ignored:
 * - API_Entities_Release declares `milestones` as one API_Entities_MilestoneWithStats; GitLab sends an array
 *   (doc/api/releases.md examples) — patched to an array, as Issue's `assignees` is in openapi.ts.
 * - `evidences` likewise: an array in every docs example.
 */

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Prop =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'datetime'
  | 'string[]'
  | 'object'
  | 'any'
  | { ref: string; array?: boolean };

const MILESTONE = [
  'id',
  'iid',
  'project_id',
  'group_id',
  'title',
  'description',
  'state',
  'created_at',
  'updated_at',
  'due_date',
  'start_date',
  'expired',
  'web_url',
];

const COMMIT: Record<string, Prop> = {
  id: 'string',
  short_id: 'string',
  created_at: 'datetime',
  parent_ids: 'string[]',
  title: 'string',
  message: 'string',
  author_name: 'string',
  author_email: 'string',
  authored_date: 'datetime',
  committer_name: 'string',
  committer_email: 'string',
  committed_date: 'datetime',
  trailers: 'object',
  extended_trailers: 'object',
  web_url: 'string',
};

const DEFINITIONS: Record<string, Record<string, Prop>> = {
  API_Entities_UserBasic: {
    id: 'integer',
    username: 'string',
    public_email: 'string',
    name: 'string',
    state: 'string',
    locked: 'boolean',
    avatar_url: 'string',
    avatar_path: 'string',
    custom_attributes: 'any',
    web_url: 'string',
  },
  API_Entities_Commit: COMMIT,
  API_Entities_CommitStats: { additions: 'integer', deletions: 'integer', total: 'integer' },
  API_Entities_CommitDetail: {
    ...COMMIT,
    stats: { ref: 'API_Entities_CommitStats' },
    status: 'string',
    project_id: 'integer',
    last_pipeline: 'any',
  },
  API_Entities_TagRelease: { tag_name: 'string', description: 'string' },
  API_Entities_Tag: {
    name: 'string',
    message: 'string',
    target: 'string',
    commit: { ref: 'API_Entities_Commit' },
    release: { ref: 'API_Entities_TagRelease' },
    protected: 'boolean',
    created_at: 'datetime',
  },
  API_Entities_MilestoneWithStats: {
    ...Object.fromEntries(MILESTONE.map((name) => [name, 'string' as const])),
    issue_stats: 'string',
  },
  API_Entities_Release: {
    name: 'string',
    tag_name: 'string',
    description: 'string',
    created_at: 'datetime',
    released_at: 'datetime',
    upcoming_release: 'boolean',
    description_html: 'string',
    author: { ref: 'API_Entities_UserBasic' },
    commit: { ref: 'API_Entities_Commit' },
    // Patched: a single MilestoneWithStats in the generated file.
    milestones: { ref: 'API_Entities_MilestoneWithStats', array: true },
    commit_path: 'string',
    tag_path: 'string',
    assets: 'string',
    evidences: 'any',
    _links: 'string',
  },
};

const OPERATIONS: Record<string, { operationId: string; definition: string; array: boolean }> = {
  'GET /projects/:id/repository/tags': {
    operationId: 'getApiV4ProjectsIdRepositoryTags',
    definition: 'API_Entities_Tag',
    array: true,
  },
  'GET /projects/:id/repository/tags/:tag_name': {
    operationId: 'getApiV4ProjectsIdRepositoryTagsTagName',
    definition: 'API_Entities_Tag',
    array: false,
  },
  'POST /projects/:id/repository/tags': {
    operationId: 'postApiV4ProjectsIdRepositoryTags',
    definition: 'API_Entities_Tag',
    array: false,
  },
  'GET /projects/:id/repository/commits/:sha': {
    operationId: 'getApiV4ProjectsIdRepositoryCommitsSha',
    definition: 'API_Entities_CommitDetail',
    array: false,
  },
  'GET /projects/:id/releases': {
    operationId: 'getApiV4ProjectsIdReleases',
    definition: 'API_Entities_Release',
    array: true,
  },
  'GET /projects/:id/releases/:tag_name': {
    operationId: 'getApiV4ProjectsIdReleasesTagName',
    definition: 'API_Entities_Release',
    array: false,
  },
  'POST /projects/:id/releases': {
    operationId: 'postApiV4ProjectsIdReleases',
    definition: 'API_Entities_Release',
    array: false,
  },
  'PUT /projects/:id/releases/:tag_name': {
    operationId: 'putApiV4ProjectsIdReleasesTagName',
    definition: 'API_Entities_Release',
    array: false,
  },
};

const NULL = { type: 'null' };

function propSchema(prop: Prop): unknown {
  if (typeof prop === 'object') {
    const ref = { $ref: `#/definitions/${prop.ref}` };
    return prop.array ? { anyOf: [{ type: 'array', items: ref }, NULL] } : { anyOf: [ref, NULL] };
  }
  switch (prop) {
    case 'integer':
      return { type: ['integer', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'object':
      return { type: ['object', 'null'] };
    case 'datetime':
      return { anyOf: [{ type: 'string', format: 'date-time' }, NULL] };
    case 'string[]':
      return { anyOf: [{ type: 'array', items: { type: 'string' } }, NULL] };
    default:
      return {};
  }
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validator(definition: string, array: boolean): ValidateFunction {
  const key = `${definition}|${array}`;
  let validate = compiled.get(key);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });
      addFormatsModule.default(ajv);
    }
    const definitions = Object.fromEntries(
      Object.entries(DEFINITIONS).map(([name, props]) => [
        name,
        {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(Object.entries(props).map(([k, p]) => [k, propSchema(p)])),
        },
      ]),
    );
    const root = { $ref: `#/definitions/${definition}` };
    validate = ajv.compile({ definitions, ...(array ? { type: 'array', items: root } : root) });
    compiled.set(key, validate);
  }
  return validate;
}

/** The official operation a release route corresponds to. */
export function officialReleaseOperationFor(operation: string): string | undefined {
  return OPERATIONS[operation]?.operationId;
}

/**
 * Problems with a 2xx response of a tag/commit/release route against its official definition (empty when it
 * conforms); undefined for other routes and for errors.
 */
export function validateReleaseExchange(exchange: {
  operation?: string;
  status: number;
  responseBody: unknown;
}): string[] | undefined {
  const found = exchange.operation === undefined ? undefined : OPERATIONS[exchange.operation];
  if (!found || exchange.status < 200 || exchange.status >= 300) return undefined;
  const validate = validator(found.definition, found.array);
  if (validate(exchange.responseBody)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${exchange.operation} ${exchange.status}: ${e.instancePath || '(root)'} ${e.message ?? ''}${
        e.keyword === 'additionalProperties'
          ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'`
          : ''
      }`,
  );
}
