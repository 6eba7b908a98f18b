/**
 * JSON Schemas (draft-07) of the requests and responses the Bitbucket emulator exchanges, written by hand because
 * Atlassian's OpenAPI description of Bitbucket Cloud is not published on the npm registry as JSON (see the contract
 * test's header).
 *
 * Source of every schema: Atlassian's description, https://dac-static.atlassian.com/cloud/bitbucket/swagger.v3.json
 * (OpenAPI 3.0.0, info.version 2.0; read from the copy stored in github.com/coderabbitai/bitbucket,
 * src/cloud/openapi/swagger.v3.json), component by component as named below, and the reference pages generated from it
 * (developer.atlassian.com/cloud/bitbucket/rest/api-group-issue-tracker, …-repositories, …-users, …-workspaces).
 *
 * Where these schemas are stricter than the description or differ from it, on purpose:
 * - Objects are closed (`additionalProperties: false`) although the description leaves them open, so an invented
 *   field is caught; the fields listed are the description's plus the ones Bitbucket is seen to send.
 * - Fields Bitbucket always sends are required (the description marks only `type` required).
 * - Nullable where Bitbucket sends null: an issue's `assignee`, `milestone`, `version`, `component`, `edited_on`
 *   (recorded issue JSON; the description types them as objects / date-time only).
 * - Additions seen in real responses but missing from the description: issue `watches`; `"type": "rendered"` on
 *   rich-text objects (`content`, `message`; the issue-changes example has it); `changes.assignee_account_id` on issue
 *   changes and `id` / `links.html` on them (issue-changes example and the POST changes documentation); a repository
 *   `slug`, `description`, `website`, `workspace` (`repository` component lists none of them, every repository response
 *   has them); error `fields` (see http.ts) and an object-valued error `detail` (the scope 403, see auth.ts).
 * - Repository `links.clone[].href` is a plain string: the ssh one (`git@bitbucket.org:ws/slug.git`) is no URI.
 * - The issue request bodies: the description gives the `issue` component as the POST body and no body at all for
 *   the PUT, whose documentation shows a partial issue (`title`, `assignee: {account_id}`, `priority`,
 *   `version: {name}`, `component: null`); the request schemas below accept exactly those writable fields.
 */

const uri = { type: 'string', format: 'uri' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullable = (schema: object): object => ({ anyOf: [{ type: 'null' }, schema] });

/** `link` component: `{href, name?}`. */
const link = {
  type: 'object',
  required: ['href'],
  properties: { href: uri, name: { type: 'string' } },
  additionalProperties: false,
} as const;

const links = (...names: string[]): object => ({
  type: 'object',
  required: names,
  properties: Object.fromEntries(names.map((name) => [name, link])),
  additionalProperties: false,
});

const UUID = '^\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}$';

/** `account` + `user` components (type "user"); `created_on` and `account_status` on the full object only. */
export const account = {
  type: 'object',
  required: ['type', 'display_name', 'uuid', 'account_id', 'nickname', 'links'],
  properties: {
    type: { const: 'user' },
    display_name: { type: 'string' },
    uuid: { type: 'string', pattern: UUID },
    account_id: { type: 'string', minLength: 1 },
    nickname: { type: 'string' },
    links: links('self', 'html', 'avatar'),
    created_on: dateTime,
    account_status: { enum: ['active', 'inactive', 'closed'] },
  },
  additionalProperties: false,
} as const;

/** The short repository form nested in issues and changes (issue-changes example). */
export const repositorySummary = {
  type: 'object',
  required: ['type', 'full_name', 'name', 'uuid', 'links'],
  properties: {
    type: { const: 'repository' },
    full_name: { type: 'string', pattern: '^[^/]+/[^/]+$' },
    name: { type: 'string' },
    uuid: { type: 'string', pattern: UUID },
    links: links('self', 'html', 'avatar'),
  },
  additionalProperties: false,
} as const;

/** `milestone`, `version` and `component` components: `{type, id, name, links: {self}}`. */
export function namedSchema(kind: 'milestone' | 'version' | 'component'): object {
  return {
    type: 'object',
    required: ['type', 'id', 'name', 'links'],
    properties: {
      type: { const: kind },
      id: { type: 'integer' },
      name: { type: 'string' },
      links: links('self'),
    },
    additionalProperties: false,
  };
}

/** The rich-text object of `issue.content` / `issue_change.message` (plus `type: "rendered"`). */
const rendered = {
  type: 'object',
  required: ['type', 'raw', 'markup', 'html'],
  properties: {
    type: { const: 'rendered' },
    raw: { type: 'string' },
    markup: { enum: ['markdown', 'creole', 'plaintext'] },
    html: { type: 'string' },
  },
  additionalProperties: false,
} as const;

export const ISSUE_KINDS = ['bug', 'enhancement', 'proposal', 'task'] as const;
export const ISSUE_PRIORITIES = ['trivial', 'minor', 'major', 'critical', 'blocker'] as const;
/** `issue.state` enum of the description. */
export const ISSUE_STATES = [
  'submitted',
  'new',
  'open',
  'resolved',
  'on hold',
  'invalid',
  'duplicate',
  'wontfix',
  'closed',
] as const;

/** `issue` component. */
export const issue = {
  type: 'object',
  required: [
    'type',
    'id',
    'repository',
    'links',
    'title',
    'content',
    'reporter',
    'assignee',
    'created_on',
    'updated_on',
    'edited_on',
    'state',
    'kind',
    'priority',
    'milestone',
    'version',
    'component',
    'votes',
    'watches',
  ],
  properties: {
    type: { const: 'issue' },
    id: { type: 'integer', minimum: 1 },
    repository: repositorySummary,
    links: links('self', 'html', 'comments', 'attachments', 'watch', 'vote'),
    title: { type: 'string', minLength: 1 },
    content: rendered,
    reporter: nullable(account),
    assignee: nullable(account),
    created_on: dateTime,
    updated_on: dateTime,
    edited_on: nullable(dateTime),
    state: { enum: ISSUE_STATES },
    kind: { enum: ISSUE_KINDS },
    priority: { enum: ISSUE_PRIORITIES },
    milestone: nullable(namedSchema('milestone')),
    version: nullable(namedSchema('version')),
    component: nullable(namedSchema('component')),
    votes: { type: 'integer', minimum: 0 },
    watches: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
} as const;

const CHANGE_FIELDS = [
  'title',
  'content',
  'state',
  'kind',
  'priority',
  'assignee',
  'assignee_account_id',
  'milestone',
  'version',
  'component',
] as const;

/** `issue_change` component (and the issue-changes example). */
export const issueChange = {
  type: 'object',
  required: ['type', 'id', 'created_on', 'user', 'issue', 'changes', 'message', 'links'],
  properties: {
    type: { const: 'issue_change' },
    id: { type: 'integer', minimum: 1 },
    created_on: dateTime,
    user: nullable(account),
    issue: {
      type: 'object',
      required: ['type', 'id', 'title', 'repository', 'links'],
      properties: {
        type: { const: 'issue' },
        id: { type: 'integer' },
        title: { type: 'string' },
        repository: repositorySummary,
        links: links('self'),
      },
      additionalProperties: false,
    },
    changes: {
      type: 'object',
      propertyNames: { enum: CHANGE_FIELDS },
      additionalProperties: {
        type: 'object',
        required: ['old', 'new'],
        properties: { old: { type: 'string' }, new: { type: 'string' } },
        additionalProperties: false,
      },
    },
    message: rendered,
    links: links('self', 'html'),
  },
  additionalProperties: false,
} as const;

/** `workspace` component, as nested in memberships and repositories. */
export const workspace = {
  type: 'object',
  required: ['type', 'uuid', 'name', 'slug', 'links'],
  properties: {
    type: { const: 'workspace' },
    uuid: { type: 'string', pattern: UUID },
    name: { type: 'string' },
    slug: { type: 'string' },
    links: links('avatar', 'html', 'self'),
  },
  additionalProperties: false,
} as const;

/** `workspace_membership` component. */
export const workspaceMembership = {
  type: 'object',
  required: ['type', 'user', 'workspace', 'links'],
  properties: {
    type: { const: 'workspace_membership' },
    user: account,
    workspace,
    links: links('self'),
  },
  additionalProperties: false,
} as const;

/** `repository` component (full form of `GET /repositories/{workspace}/{repo_slug}`). */
export const repository = {
  type: 'object',
  required: [
    'type',
    'full_name',
    'links',
    'name',
    'slug',
    'is_private',
    'uuid',
    'has_issues',
    'created_on',
    'updated_on',
    'owner',
    'workspace',
  ],
  properties: {
    type: { const: 'repository' },
    full_name: { type: 'string', pattern: '^[^/]+/[^/]+$' },
    links: {
      type: 'object',
      required: ['self', 'html', 'avatar'],
      properties: {
        self: link,
        html: link,
        avatar: link,
        pullrequests: link,
        commits: link,
        forks: link,
        watchers: link,
        downloads: link,
        hooks: link,
        // The ssh clone link is `git@bitbucket.org:workspace/slug.git`, which is not a URI although the description
        // says `format: uri` for every href.
        clone: {
          type: 'array',
          items: {
            type: 'object',
            required: ['href', 'name'],
            properties: { href: { type: 'string' }, name: { enum: ['https', 'ssh'] } },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    name: { type: 'string' },
    slug: { type: 'string' },
    description: { type: 'string' },
    scm: { const: 'git' },
    website: { type: ['string', 'null'] },
    owner: {
      type: 'object',
      required: ['type', 'display_name', 'uuid'],
      properties: {
        type: { enum: ['team', 'user'] },
        display_name: { type: 'string' },
        uuid: { type: 'string', pattern: UUID },
        username: { type: 'string' },
        links: links('self', 'html', 'avatar'),
      },
      additionalProperties: false,
    },
    workspace,
    is_private: { type: 'boolean' },
    fork_policy: { enum: ['allow_forks', 'no_public_forks', 'no_forks'] },
    created_on: dateTime,
    updated_on: dateTime,
    size: { type: 'integer' },
    language: { type: 'string' },
    uuid: { type: 'string', pattern: UUID },
    mainbranch: {
      type: 'object',
      required: ['type', 'name'],
      properties: { type: { const: 'branch' }, name: { type: 'string' } },
      additionalProperties: false,
    },
    has_issues: { type: 'boolean' },
    has_wiki: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

/** `paginated_*` components: `size` ≥ 0, `page` ≥ 1, `pagelen` ≥ 1, `next` / `previous` URIs, `values`. */
export function page(item: object): object {
  return {
    type: 'object',
    required: ['size', 'page', 'pagelen', 'values'],
    properties: {
      size: { type: 'integer', minimum: 0 },
      page: { type: 'integer', minimum: 1 },
      pagelen: { type: 'integer', minimum: 1 },
      next: uri,
      previous: uri,
      values: { type: 'array', items: item },
    },
    additionalProperties: false,
  };
}

/** `error` component, with `fields` and an object `detail` (see the header). */
export const error = {
  type: 'object',
  required: ['type', 'error'],
  properties: {
    type: { const: 'error' },
    error: {
      type: 'object',
      required: ['message'],
      properties: {
        message: { type: 'string', minLength: 1 },
        detail: {
          anyOf: [
            { type: 'string' },
            {
              type: 'object',
              required: ['required', 'granted'],
              properties: {
                required: { type: 'array', items: { type: 'string' } },
                granted: { type: 'array', items: { type: 'string' } },
              },
              additionalProperties: false,
            },
          ],
        },
        fields: {
          type: 'object',
          additionalProperties: { type: 'array', minItems: 1, items: { type: 'string' } },
        },
        data: { type: 'object' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const accountRef = {
  anyOf: [
    { type: 'null' },
    {
      type: 'object',
      minProperties: 1,
      properties: { account_id: { type: 'string' }, uuid: { type: 'string' } },
      additionalProperties: false,
    },
  ],
} as const;

const nameRef = {
  anyOf: [
    { type: 'null' },
    {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' } },
      additionalProperties: false,
    },
  ],
} as const;

const issueWriteProperties = {
  title: { type: 'string' },
  content: {
    type: 'object',
    properties: { raw: { type: 'string' }, markup: { enum: ['markdown', 'creole', 'plaintext'] } },
    additionalProperties: false,
  },
  kind: { enum: ISSUE_KINDS },
  priority: { enum: ISSUE_PRIORITIES },
  state: { enum: ISSUE_STATES },
  assignee: accountRef,
  milestone: nameRef,
  version: nameRef,
  component: nameRef,
} as const;

/** Body of `POST …/issues`: the writable part of `issue`; "The only required element is `title`". */
export const issueCreateRequest = {
  type: 'object',
  required: ['title'],
  properties: issueWriteProperties,
  additionalProperties: false,
} as const;

/** Body of `PUT …/issues/{issue_id}`: any writable field (documented example). */
export const issueUpdateRequest = {
  type: 'object',
  minProperties: 1,
  properties: issueWriteProperties,
  additionalProperties: false,
} as const;

/** Body of `POST …/issues/{issue_id}/changes`: "The only required elements are `changes.[].new`". */
export const issueChangeRequest = {
  type: 'object',
  required: ['changes'],
  properties: {
    changes: {
      type: 'object',
      minProperties: 1,
      propertyNames: { enum: CHANGE_FIELDS },
      additionalProperties: {
        type: 'object',
        required: ['new'],
        properties: { new: { type: 'string' } },
        additionalProperties: false,
      },
    },
    message: {
      type: 'object',
      required: ['raw'],
      properties: { raw: { type: 'string' }, markup: { enum: ['markdown', 'creole', 'plaintext'] } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/** `author` component as nested in commits and tags: `{type: "author", raw, user?}`. */
const author = {
  type: 'object',
  required: ['type', 'raw'],
  properties: { type: { const: 'author' }, raw: { type: 'string' }, user: account },
  additionalProperties: false,
} as const;

const commitLinks = links('self', 'html');

/** `commit` component (the fields a tag's `target` carries). */
export const commit = {
  type: 'object',
  required: ['type', 'hash', 'date', 'author', 'message', 'parents', 'links'],
  properties: {
    type: { const: 'commit' },
    hash: { type: 'string', pattern: '^[0-9a-f]{40}$' },
    date: dateTime,
    author,
    message: { type: 'string' },
    parents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'hash'],
        properties: { type: { const: 'commit' }, hash: { type: 'string' }, links: commitLinks },
        additionalProperties: false,
      },
    },
    links: commitLinks,
  },
  additionalProperties: false,
} as const;

/** `tag` component (`ref` + `message`, `date`, `tagger`; null for a lightweight tag). */
export const tag = {
  type: 'object',
  required: ['type', 'name', 'target', 'links'],
  properties: {
    type: { const: 'tag' },
    name: { type: 'string' },
    target: commit,
    message: nullable({ type: 'string' }),
    date: nullable(dateTime),
    tagger: nullable(author),
    links: links('self', 'commits', 'html'),
  },
  additionalProperties: false,
} as const;

/** Body of `POST …/refs/tags` ("Create a tag"): `name`, `target.hash`, and `message` for an annotated tag. */
export const tagCreateRequest = {
  type: 'object',
  required: ['name', 'target'],
  properties: {
    name: { type: 'string' },
    target: {
      type: 'object',
      required: ['hash'],
      properties: { hash: { type: 'string' } },
      additionalProperties: false,
    },
    message: { type: 'string' },
  },
  additionalProperties: false,
} as const;
