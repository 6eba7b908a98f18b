/**
 * Repository tags, commits and releases: `GET|POST /projects/:id/repository/tags`, `GET
 * /projects/:id/repository/tags/:tag_name`, `GET /projects/:id/repository/commits/:sha`, `GET|POST
 * /projects/:id/releases`, `GET|PUT /projects/:id/releases/:tag_name`. The repository's commits are those a test
 * registered (the emulator holds no git objects): anything else is not on the platform, as an unpushed commit would be.
 *
 * Documented behaviour followed (docs.gitlab.com/api/tags/, /api/commits/#get-a-single-commit, /api/releases/;
 * lib/api/tags.rb, lib/api/releases.rb, app/services/tags/create_service.rb, app/services/releases/create_service.rb):
 * - Create a tag: `tag_name` and `ref` required (Grape 400 "tag_name is missing"); a `message` makes an annotated tag
 *   (its `target` is the tag object's sha, `created_at` its date), without one the tag is lightweight (`target` is the
 *   commit, `message` "" and `created_at` null). Failures are `render_api_error!(message, 400)`: "Tag name invalid",
 *   "Tag v1.0.0 already exists", "Target <ref> is invalid". Pushing a tag needs the Developer role (`push_code`): 403.
 * - A missing tag is 404 `{"message":"404 Tag Not Found"}`; a missing commit 404 `{"message":"404 Commit Not Found"}`;
 *   `:sha` may also be a tag name (a ref).
 * - Create a release: `tag_name` required; `name`, `description`, `ref` (needed only when the tag does not exist: then
 *   a lightweight tag is made there, or an annotated one with `tag_message`), `milestones` (titles of project or group
 *   milestones), `released_at`. A release for a tag that has one is 409 `{"message":"Release already exists"}`; no tag
 *   and no ref is 422 `{"message":"Ref is not specified"}`; an unknown milestone is 400 `{"message":"Milestone(s) not
 *   found: x"}`. Creating and updating need the Developer role; 201 / 200 with the release.
 * - A missing release is 404 `{"message":"404 Not Found"}`; `PUT` takes `name`, `description`, `milestones` (an empty
 *   list removes them), `released_at`.
 * - The release entity: `name`, `tag_name`, `description`, `created_at`, `released_at`, `upcoming_release`,
 *   `author`, `commit`, `milestones` (with `issue_stats`), `commit_path`, `tag_path`, `assets` (`count`, `sources`,
 *   `links`), `evidences`, `_links` (`self` is the release's web page, `edit_url`). Lists are newest `released_at`
 *   first (the documented default `order_by=released_at&sort=desc`).
 */

import { createHash } from 'node:crypto';
import { requireRole } from '../auth.js';
import { isoMillis, messageError, PAGINATION_SPECS, type ParamSpec } from '../http.js';
import { renderMilestone, renderUser, type Urls } from '../render.js';
import type { ProjectContext, ProjectRoute } from '../router.js';
import type { MilestoneRecord, ProjectRecord, Store } from '../store.js';
import type { AccessLevel } from '../types.js';
import { listResponse } from './common.js';

export const RELEASE_DOCS = {
  tags: 'https://docs.gitlab.com/api/tags/',
  commit: 'https://docs.gitlab.com/api/commits/#get-a-single-commit',
  releases: 'https://docs.gitlab.com/api/releases/',
} as const;

const DEVELOPER: AccessLevel = 30;

export interface CommitRecord {
  sha: string;
  message: string;
  parentIds: string[];
  authorName: string;
  authorEmail: string;
  date: number;
}

export interface TagRecord {
  name: string;
  /** The commit the tag points at. */
  commit: string;
  /** Annotated tags: the message (lightweight: null). */
  message: string | null;
  /** The tag object's sha (annotated) or the commit (lightweight). */
  target: string;
  createdAt: number | null;
}

export interface ReleaseRecord {
  tagName: string;
  name: string;
  description: string;
  milestoneIds: number[];
  authorId: number;
  createdAt: number;
  releasedAt: number;
}

export interface RepositoryData {
  commits: Map<string, CommitRecord>;
  tags: Map<string, TagRecord>;
  releases: Map<string, ReleaseRecord>;
}

const DATA = new WeakMap<ProjectRecord, RepositoryData>();

/** A project's repository data (created empty on first use). */
export function repositoryData(project: ProjectRecord): RepositoryData {
  let data = DATA.get(project);
  if (!data) {
    data = { commits: new Map(), tags: new Map(), releases: new Map() };
    DATA.set(project, data);
  }
  return data;
}

/** Registers commits as pushed, like a `git push` would; tags and releases may then point at them. */
export function addCommits(store: Store, project: ProjectRecord, shas: readonly string[]): void {
  const data = repositoryData(project);
  let parent: string | undefined;
  for (const sha of shas) {
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`Not a full commit sha: ${JSON.stringify(sha)}.`);
    if (!data.commits.has(sha))
      data.commits.set(sha, {
        sha,
        message: `Commit ${sha.slice(0, 8)}`,
        parentIds: parent ? [parent] : [],
        authorName: 'Release Tester',
        authorEmail: 'tester@example.com',
        date: store.now(),
      });
    parent = sha;
  }
}

/** `git check-ref-format`, the part Gitlab::GitRefValidator enforces for tag names. */
function validTagName(name: string): boolean {
  if (name === '' || name.startsWith('-') || name.startsWith('/') || name.endsWith('/')) return false;
  if (name.endsWith('.') || name.endsWith('.lock') || name === '@') return false;
  if (/\.\.|@\{|\/\/|\/\./.test(name)) return false;
  // eslint-disable-next-line no-control-regex
  return !/[\x00-\x20\x7f~^:?*[\\]/.test(name);
}

/** A ref as GitLab resolves `ref`/`:sha`: a pushed commit's sha, or a tag's name. */
function resolveCommit(data: RepositoryData, ref: string): CommitRecord | undefined {
  return (
    data.commits.get(ref) ??
    (data.tags.has(ref) ? data.commits.get(data.tags.get(ref)?.commit ?? '') : undefined)
  );
}

function projectWeb(project: ProjectRecord, urls: Urls): string {
  return `${urls.web}/${project.fullPath}`;
}

function renderCommit(project: ProjectRecord, commit: CommitRecord, urls: Urls): Record<string, unknown> {
  const date = isoMillis(commit.date);
  const title = commit.message.split('\n')[0] ?? '';
  return {
    id: commit.sha,
    short_id: commit.sha.slice(0, 8),
    created_at: date,
    parent_ids: commit.parentIds,
    title,
    message: commit.message,
    author_name: commit.authorName,
    author_email: commit.authorEmail,
    authored_date: date,
    committer_name: commit.authorName,
    committer_email: commit.authorEmail,
    committed_date: date,
    trailers: {},
    extended_trailers: {},
    web_url: `${projectWeb(project, urls)}/-/commit/${commit.sha}`,
  };
}

function renderCommitDetail(
  project: ProjectRecord,
  commit: CommitRecord,
  urls: Urls,
): Record<string, unknown> {
  return {
    ...renderCommit(project, commit, urls),
    stats: { additions: 1, deletions: 0, total: 1 },
    status: null,
    project_id: project.id,
    last_pipeline: null,
  };
}

function renderTag(project: ProjectRecord, tag: TagRecord, urls: Urls): Record<string, unknown> {
  const data = repositoryData(project);
  const commit = data.commits.get(tag.commit);
  const release = data.releases.get(tag.name);
  return {
    name: tag.name,
    message: tag.message ?? '',
    target: tag.target,
    commit: commit ? renderCommit(project, commit, urls) : null,
    release: release ? { tag_name: release.tagName, description: release.description } : null,
    protected: false,
    created_at: tag.createdAt === null ? null : isoMillis(tag.createdAt),
  };
}

function milestoneOf(store: Store, project: ProjectRecord, id: number): MilestoneRecord | undefined {
  return store.availableMilestones(project).find((milestone) => milestone.id === id);
}

function renderRelease(
  store: Store,
  project: ProjectRecord,
  release: ReleaseRecord,
  urls: Urls,
): Record<string, unknown> {
  const data = repositoryData(project);
  const tag = data.tags.get(release.tagName);
  const commit = tag ? data.commits.get(tag.commit) : undefined;
  const web = projectWeb(project, urls);
  const tagPath = encodeURIComponent(release.tagName);
  const archive = `${web}/-/archive/${tagPath}/${project.path}-${tagPath}`;
  const milestones = release.milestoneIds.flatMap((id) => {
    const milestone = milestoneOf(store, project, id);
    if (!milestone) return [];
    const issues = [...project.issues.values()].filter((i) => !i.deleted && i.milestoneId === id);
    return [
      {
        ...renderMilestone(store, milestone, urls),
        issue_stats: {
          total: issues.length,
          closed: issues.filter((i) => i.state === 'closed').length,
        },
      },
    ];
  });
  return {
    name: release.name,
    tag_name: release.tagName,
    description: release.description,
    created_at: isoMillis(release.createdAt),
    released_at: isoMillis(release.releasedAt),
    upcoming_release: release.releasedAt > store.now(),
    author: renderUser(store.requireUser(release.authorId), urls),
    commit: commit ? renderCommit(project, commit, urls) : null,
    milestones,
    commit_path: `/${project.fullPath}/-/commit/${commit?.sha ?? ''}`,
    tag_path: `/${project.fullPath}/-/tags/${tagPath}`,
    assets: {
      count: 4,
      sources: ['zip', 'tar.gz', 'tar.bz2', 'tar'].map((format) => ({ format, url: `${archive}.${format}` })),
      links: [],
    },
    evidences: [],
    _links: {
      self: `${web}/-/releases/${tagPath}`,
      edit_url: `${web}/-/releases/${tagPath}/edit`,
    },
  };
}

/** Resolves milestone titles among the project's and its groups' milestones; 400 naming the unknown ones. */
function milestoneIds(ctx: ProjectContext): number[] | undefined {
  const titles = ctx.params['milestones'] as string[] | undefined;
  if (titles === undefined) return undefined;
  const available = ctx.store.availableMilestones(ctx.project);
  const missing = titles.filter((title) => !available.some((m) => m.title === title));
  if (missing.length > 0) throw messageError(400, `Milestone(s) not found: ${missing.join(', ')}`);
  return titles.map((title) => available.find((m) => m.title === title)?.id ?? 0);
}

function releasedAt(ctx: ProjectContext): number | undefined {
  const value = ctx.params['released_at'] as number | undefined;
  return value;
}

function createTag(ctx: ProjectContext, name: string, ref: string, message: string | null): TagRecord {
  const data = repositoryData(ctx.project);
  if (!validTagName(name)) throw messageError(400, 'Tag name invalid');
  if (data.tags.has(name)) throw messageError(400, `Tag ${name} already exists`);
  const commit = resolveCommit(data, ref);
  if (!commit) throw messageError(400, `Target ${ref} is invalid`);
  const trimmed = message?.trim() || null;
  const tag: TagRecord = {
    name,
    commit: commit.sha,
    message: trimmed,
    target:
      trimmed === null
        ? commit.sha
        : createHash('sha1').update(`tag ${name}\nobject ${commit.sha}\n\n${trimmed}`).digest('hex'),
    createdAt: trimmed === null ? null : ctx.store.now(),
  };
  data.tags.set(name, tag);
  return tag;
}

const TAG_LIST_SPECS: readonly ParamSpec[] = [
  { name: 'order_by', type: 'string', values: ['name', 'updated', 'version'], default: 'updated' },
  { name: 'sort', type: 'string', values: ['asc', 'desc'], default: 'desc' },
  { name: 'search', type: 'string' },
  ...PAGINATION_SPECS,
];

export const releaseRoutes: ProjectRoute[] = [
  {
    method: 'GET',
    template: '/projects/:id/repository/tags',
    docs: RELEASE_DOCS.tags,
    resource: 'project',
    jobToken: true,
    rules: { specs: TAG_LIST_SPECS },
    handler: (ctx) => {
      const search = ctx.params['search'] as string | undefined;
      const byName = ctx.params['order_by'] === 'name' || ctx.params['order_by'] === 'version';
      const tags = [...repositoryData(ctx.project).tags.values()]
        .filter((tag) => !search || tag.name.includes(search))
        .sort((a, b) =>
          byName
            ? a.name.localeCompare(b.name, 'en', { numeric: true })
            : (a.createdAt ?? 0) - (b.createdAt ?? 0),
        );
      if (ctx.params['sort'] !== 'asc') tags.reverse();
      return listResponse(ctx, tags, (tag) => renderTag(ctx.project, tag, ctx.urls));
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/repository/tags/:tag_name',
    docs: RELEASE_DOCS.tags,
    resource: 'project',
    jobToken: true,
    rules: { specs: [{ name: 'tag_name', type: 'string', required: true }] },
    handler: (ctx) => {
      const tag = repositoryData(ctx.project).tags.get(String(ctx.params['tag_name']));
      if (!tag) throw messageError(404, '404 Tag Not Found');
      return { status: 200, body: renderTag(ctx.project, tag, ctx.urls) };
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/repository/tags',
    docs: RELEASE_DOCS.tags,
    resource: 'project',
    rules: {
      specs: [
        { name: 'tag_name', type: 'string', required: true },
        { name: 'ref', type: 'string', required: true },
        { name: 'message', type: 'string' },
      ],
    },
    handler: (ctx) => {
      requireRole(ctx.store, ctx.principal, ctx.project, DEVELOPER);
      const ref = String(ctx.params['ref'] ?? '');
      if (ref.trim() === '') throw messageError(400, 'Target is empty');
      const tag = createTag(
        ctx,
        String(ctx.params['tag_name'] ?? ''),
        ref,
        (ctx.params['message'] as string | null | undefined) ?? null,
      );
      return { status: 201, body: renderTag(ctx.project, tag, ctx.urls) };
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/repository/commits/:sha',
    docs: RELEASE_DOCS.commit,
    resource: 'project',
    jobToken: true,
    rules: {
      specs: [
        { name: 'sha', type: 'string', required: true },
        { name: 'stats', type: 'boolean', default: true },
      ],
    },
    handler: (ctx) => {
      const commit = resolveCommit(repositoryData(ctx.project), String(ctx.params['sha']));
      if (!commit) throw messageError(404, '404 Commit Not Found');
      return { status: 200, body: renderCommitDetail(ctx.project, commit, ctx.urls) };
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/releases',
    docs: RELEASE_DOCS.releases,
    resource: 'project',
    jobToken: true,
    rules: {
      specs: [
        { name: 'order_by', type: 'string', values: ['released_at', 'created_at'], default: 'released_at' },
        { name: 'sort', type: 'string', values: ['asc', 'desc'], default: 'desc' },
        ...PAGINATION_SPECS,
      ],
    },
    handler: (ctx) => {
      const key = ctx.params['order_by'] === 'created_at' ? 'createdAt' : 'releasedAt';
      const releases = [...repositoryData(ctx.project).releases.values()].sort((a, b) => a[key] - b[key]);
      if (ctx.params['sort'] !== 'asc') releases.reverse();
      return listResponse(ctx, releases, (release) =>
        renderRelease(ctx.store, ctx.project, release, ctx.urls),
      );
    },
  },
  {
    method: 'GET',
    template: '/projects/:id/releases/:tag_name',
    docs: RELEASE_DOCS.releases,
    resource: 'project',
    jobToken: true,
    rules: { specs: [{ name: 'tag_name', type: 'string', required: true }] },
    handler: (ctx) => {
      const release = repositoryData(ctx.project).releases.get(String(ctx.params['tag_name']));
      if (!release) throw messageError(404, '404 Not Found');
      return { status: 200, body: renderRelease(ctx.store, ctx.project, release, ctx.urls) };
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/releases',
    docs: RELEASE_DOCS.releases,
    resource: 'project',
    jobToken: true,
    rules: {
      specs: [
        { name: 'tag_name', type: 'string', required: true },
        { name: 'name', type: 'string' },
        { name: 'description', type: 'string' },
        { name: 'ref', type: 'string' },
        { name: 'tag_message', type: 'string' },
        { name: 'milestones', type: 'string[]' },
        { name: 'released_at', type: 'datetime' },
      ],
    },
    handler: (ctx) => {
      requireRole(ctx.store, ctx.principal, ctx.project, DEVELOPER);
      const data = repositoryData(ctx.project);
      const tagName = String(ctx.params['tag_name'] ?? '');
      if (data.releases.has(tagName)) throw messageError(409, 'Release already exists');
      const milestones = milestoneIds(ctx) ?? [];
      if (!data.tags.has(tagName)) {
        const ref = ctx.params['ref'] as string | undefined;
        if (!ref) throw messageError(422, 'Ref is not specified');
        createTag(ctx, tagName, ref, (ctx.params['tag_message'] as string | undefined) ?? null);
      }
      const now = ctx.store.now();
      const release: ReleaseRecord = {
        tagName,
        name: (ctx.params['name'] as string | null | undefined) || tagName,
        description: (ctx.params['description'] as string | null | undefined) ?? '',
        milestoneIds: milestones,
        authorId: ctx.principal.kind === 'user' ? ctx.principal.user.id : 0,
        createdAt: now,
        releasedAt: releasedAt(ctx) ?? now,
      };
      data.releases.set(tagName, release);
      return { status: 201, body: renderRelease(ctx.store, ctx.project, release, ctx.urls) };
    },
  },
  {
    method: 'PUT',
    template: '/projects/:id/releases/:tag_name',
    docs: RELEASE_DOCS.releases,
    resource: 'project',
    jobToken: true,
    rules: {
      specs: [
        { name: 'tag_name', type: 'string', required: true },
        { name: 'name', type: 'string' },
        { name: 'description', type: 'string' },
        { name: 'milestones', type: 'string[]' },
        { name: 'released_at', type: 'datetime' },
      ],
      atLeastOneOf: ['name', 'description', 'milestones', 'released_at'],
    },
    handler: (ctx) => {
      requireRole(ctx.store, ctx.principal, ctx.project, DEVELOPER);
      const release = repositoryData(ctx.project).releases.get(String(ctx.params['tag_name']));
      if (!release) throw messageError(404, '404 Not Found');
      const milestones = milestoneIds(ctx);
      if (ctx.params['name'] !== undefined) release.name = (ctx.params['name'] as string | null) ?? '';
      if (ctx.params['description'] !== undefined)
        release.description = (ctx.params['description'] as string | null) ?? '';
      if (milestones !== undefined) release.milestoneIds = milestones;
      const at = releasedAt(ctx);
      if (at !== undefined) release.releasedAt = at;
      return { status: 200, body: renderRelease(ctx.store, ctx.project, release, ctx.urls) };
    },
  },
];

/** Direct access for tests: the project's tags and releases as the API renders them. */
export function listTagsDirect(project: ProjectRecord, urls: Urls): Record<string, unknown>[] {
  return [...repositoryData(project).tags.values()].map((tag) => renderTag(project, tag, urls));
}

export function listReleasesDirect(
  store: Store,
  project: ProjectRecord,
  urls: Urls,
): Record<string, unknown>[] {
  return [...repositoryData(project).releases.values()].map((release) =>
    renderRelease(store, project, release, urls),
  );
}

/** A tag made outside the API (pushed with git): lightweight unless a message is given. */
export function pushTag(
  store: Store,
  project: ProjectRecord,
  name: string,
  commit: string,
  message: string | null = null,
): void {
  const data = repositoryData(project);
  if (!data.commits.has(commit)) addCommits(store, project, [commit]);
  data.tags.set(name, {
    name,
    commit,
    message,
    target:
      message === null
        ? commit
        : createHash('sha1').update(`tag ${name}\nobject ${commit}\n\n${message}`).digest('hex'),
    createdAt: message === null ? null : store.now(),
  });
}
