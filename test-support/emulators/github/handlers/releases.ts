/**
 * Git tags, tag refs and releases: `GET …/git/ref/{ref}`, `POST …/git/refs`, `GET|POST …/git/tags[/{tag_sha}]`,
 * `GET …/releases/tags/{tag}`, `POST …/releases`, `PATCH …/releases/{release_id}`. The repository's commits are those a
 * test registered (the emulator holds no git objects): anything else "does not exist", as an unpushed commit would.
 *
 * Documented behaviour followed (REST docs, "Git references", "Git tags", "Releases"):
 * - Creating a tag object does not create a ref; the ref `refs/tags/<name>` pointing at the tag object's sha makes the
 *   annotated tag. An unknown object sha is 422 "Object does not exist"; an existing ref is 422 "Reference already
 *   exists"; a ref that does not start with `refs/` and have two slashes is 422 "Reference name is invalid"
 *   (wording unverified).
 * - `GET …/git/ref/{ref}` takes `tags/<name>` (its slash percent-encoded by clients); a missing ref is 404.
 * - A release for a tag that has one is 422 `{"resource":"Release","code":"already_exists","field":"tag_name"}`; a tag
 *   that does not exist is created (lightweight) at `target_commitish`, which must then name a known commit.
 * - Tags and releases need the Contents permission: read to read, write to write (x-accepted-github-permissions).
 */

import { createHash } from 'node:crypto';
import { principalLogin } from '../auth.js';
import { ApiError, basicError, isoSeconds, notFound, validationFailed } from '../http.js';
import { renderUser, type Urls } from '../render.js';
import type { RepoContext, RepoRoute } from '../router.js';
import type { RepoRecord, Store } from '../store.js';
import { has, objectBody, optionalString } from './common.js';

const RELEASE_DOCS = {
  getRef: 'https://docs.github.com/rest/git/refs#get-a-reference',
  createRef: 'https://docs.github.com/rest/git/refs#create-a-reference',
  createTag: 'https://docs.github.com/rest/git/tags#create-a-tag-object',
  getTag: 'https://docs.github.com/rest/git/tags#get-a-tag',
  getReleaseByTag: 'https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name',
  createRelease: 'https://docs.github.com/rest/releases/releases#create-a-release',
  updateRelease: 'https://docs.github.com/rest/releases/releases#update-a-release',
} as const;

export interface TagObjectRecord {
  sha: string;
  nodeId: string;
  tag: string;
  message: string;
  objectSha: string;
  objectType: 'commit' | 'tag';
  tagger: { name: string; email: string; date: number };
}

export interface RefRecord {
  ref: string;
  sha: string;
  type: 'commit' | 'tag';
}

export interface ReleaseRecord {
  id: number;
  nodeId: string;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: number;
  publishedAt: number | null;
  updatedAt: number;
}

export interface GitData {
  /** Commit shas the repository has (registered by tests: "pushed"). */
  commits: Set<string>;
  tagObjects: Map<string, TagObjectRecord>;
  /** By full ref name, e.g. `refs/tags/v1.0.0`. */
  refs: Map<string, RefRecord>;
  releases: Map<number, ReleaseRecord>;
}

const DATA = new WeakMap<RepoRecord, GitData>();

/** The git data of a repository (created empty on first use). */
export function gitData(repo: RepoRecord): GitData {
  let data = DATA.get(repo);
  if (!data) {
    data = { commits: new Set(), tagObjects: new Map(), refs: new Map(), releases: new Map() };
    DATA.set(repo, data);
  }
  return data;
}

function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

function repoApi(repo: RepoRecord, urls: Urls): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

function objectExists(data: GitData, sha: string): 'commit' | 'tag' | undefined {
  if (data.commits.has(sha)) return 'commit';
  if (data.tagObjects.has(sha)) return 'tag';
  return undefined;
}

function renderRef(repo: RepoRecord, record: RefRecord, urls: Urls): unknown {
  const api = repoApi(repo, urls);
  return {
    ref: record.ref,
    node_id: nodeId('REF', `${repo.id}:${record.ref}`),
    url: `${api}/git/${record.ref}`,
    object: {
      type: record.type,
      sha: record.sha,
      url: `${api}/git/${record.type === 'tag' ? 'tags' : 'commits'}/${record.sha}`,
    },
  };
}

function renderTagObject(repo: RepoRecord, tag: TagObjectRecord, urls: Urls): unknown {
  const api = repoApi(repo, urls);
  return {
    node_id: tag.nodeId,
    sha: tag.sha,
    url: `${api}/git/tags/${tag.sha}`,
    tagger: { date: isoSeconds(tag.tagger.date), email: tag.tagger.email, name: tag.tagger.name },
    object: {
      sha: tag.objectSha,
      type: tag.objectType,
      url: `${api}/git/${tag.objectType === 'tag' ? 'tags' : 'commits'}/${tag.objectSha}`,
    },
    tag: tag.tag,
    message: tag.message,
    verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
  };
}

export function renderRelease(
  store: Store,
  repo: RepoRecord,
  release: ReleaseRecord,
  urls: Urls,
): Record<string, unknown> {
  const api = repoApi(repo, urls);
  const web = `${urls.web}/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/releases/${release.id}`,
    html_url: `${web}/releases/tag/${encodeURIComponent(release.tagName)}`,
    assets_url: `${api}/releases/${release.id}/assets`,
    upload_url: `${urls.web.replace('://', '://uploads.')}/repos/${repo.owner}/${repo.name}/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${api}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: `${api}/zipball/${encodeURIComponent(release.tagName)}`,
    id: release.id,
    node_id: release.nodeId,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: isoSeconds(release.createdAt),
    published_at: release.publishedAt === null ? null : isoSeconds(release.publishedAt),
    updated_at: isoSeconds(release.updatedAt),
    author: renderUser(store.user(release.author), urls),
    assets: [],
  };
}

function refName(ref: string): boolean {
  return /^refs\/[^/\s]+\/\S+$/.test(ref) && !ref.endsWith('/') && !ref.includes('..');
}

function getRef(ctx: RepoContext): { status: number; body: unknown } {
  const data = gitData(ctx.repo);
  const record = data.refs.get(`refs/${ctx.params['ref'] ?? ''}`);
  if (!record) throw notFound(RELEASE_DOCS.getRef);
  return { status: 200, body: renderRef(ctx.repo, record, ctx.urls) };
}

function createRef(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const docs = RELEASE_DOCS.createRef;
  const body = objectBody(ctx.body, docs);
  const ref = optionalString(body, 'ref', docs);
  const sha = optionalString(body, 'sha', docs);
  if (ref === undefined || ref === null || sha === undefined || sha === null) {
    throw new ApiError(
      422,
      basicError(422, `Invalid request.\n\n"${ref === undefined ? 'ref' : 'sha'}" wasn't supplied.`, docs),
    );
  }
  const data = gitData(ctx.repo);
  if (!refName(ref)) throw new ApiError(422, basicError(422, 'Reference name is invalid', docs));
  const type = objectExists(data, sha);
  if (!type) throw new ApiError(422, basicError(422, 'Object does not exist', docs));
  if (data.refs.has(ref)) throw new ApiError(422, basicError(422, 'Reference already exists', docs));
  const record: RefRecord = { ref, sha, type };
  data.refs.set(ref, record);
  const json = renderRef(ctx.repo, record, ctx.urls) as { url: string };
  return { status: 201, body: json, headers: { location: json.url } };
}

function createTag(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const docs = RELEASE_DOCS.createTag;
  const body = objectBody(ctx.body, docs);
  for (const key of ['tag', 'message', 'object', 'type']) {
    if (!has(body, key))
      throw new ApiError(422, basicError(422, `Invalid request.\n\n"${key}" wasn't supplied.`, docs));
  }
  const tag = optionalString(body, 'tag', docs) ?? '';
  const message = optionalString(body, 'message', docs) ?? '';
  const object = optionalString(body, 'object', docs) ?? '';
  const type = optionalString(body, 'type', docs) ?? '';
  if (!['commit', 'tree', 'blob'].includes(type) || tag.trim() === '') {
    throw validationFailed(
      [
        {
          resource: 'Tag',
          code: 'invalid',
          field: type === '' || !['commit', 'tree', 'blob'].includes(type) ? 'type' : 'tag',
        },
      ],
      docs,
    );
  }
  const data = gitData(ctx.repo);
  const found = objectExists(data, object);
  if (!found) throw new ApiError(422, basicError(422, 'Object does not exist', docs));
  const login = principalLogin(ctx.principal) ?? ctx.repo.owner;
  const now = ctx.store.now();
  const sha = createHash('sha1')
    .update(`tag ${tag}\0${object}\0${message}\0${now}\0${data.tagObjects.size}`)
    .digest('hex');
  const record: TagObjectRecord = {
    sha,
    nodeId: nodeId('TAG', sha),
    tag,
    message,
    objectSha: object,
    objectType: found,
    tagger: { name: login, email: `${login.replace(/\[bot\]$/, '')}@users.noreply.github.com`, date: now },
  };
  data.tagObjects.set(sha, record);
  const json = renderTagObject(ctx.repo, record, ctx.urls) as { url: string };
  return { status: 201, body: json, headers: { location: json.url } };
}

function getTag(ctx: RepoContext): { status: number; body: unknown } {
  const record = gitData(ctx.repo).tagObjects.get(ctx.params['tag_sha'] ?? '');
  if (!record) throw notFound(RELEASE_DOCS.getTag);
  return { status: 200, body: renderTagObject(ctx.repo, record, ctx.urls) };
}

function releaseByTag(data: GitData, tag: string): ReleaseRecord | undefined {
  for (const release of data.releases.values()) if (release.tagName === tag) return release;
  return undefined;
}

function getReleaseByTag(ctx: RepoContext): { status: number; body: unknown } {
  const release = releaseByTag(gitData(ctx.repo), ctx.params['tag'] ?? '');
  if (!release || release.draft) throw notFound(RELEASE_DOCS.getReleaseByTag);
  return { status: 200, body: renderRelease(ctx.store, ctx.repo, release, ctx.urls) };
}

function optionalBoolean(body: Record<string, unknown>, key: string, docs: string): boolean | undefined {
  if (!has(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== 'boolean') {
    throw new ApiError(
      422,
      basicError(
        422,
        `Invalid request.\n\nFor 'properties/${key}', ${JSON.stringify(value)} is not a boolean.`,
        docs,
      ),
    );
  }
  return value;
}

function createRelease(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const docs = RELEASE_DOCS.createRelease;
  const body = objectBody(ctx.body, docs);
  const tagName = optionalString(body, 'tag_name', docs);
  if (tagName === undefined || tagName === null || tagName.trim() === '') {
    throw validationFailed([{ resource: 'Release', code: 'missing_field', field: 'tag_name' }], docs);
  }
  const target = optionalString(body, 'target_commitish', docs) ?? null;
  const name = optionalString(body, 'name', docs) ?? null;
  const text = optionalString(body, 'body', docs) ?? null;
  const draft = optionalBoolean(body, 'draft', docs) ?? false;
  const prerelease = optionalBoolean(body, 'prerelease', docs) ?? false;
  const data = gitData(ctx.repo);
  if (releaseByTag(data, tagName)) {
    throw validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }], docs);
  }
  const ref = `refs/tags/${tagName}`;
  if (!data.refs.has(ref) && !draft) {
    if (target === null || !data.commits.has(target)) {
      throw validationFailed([{ resource: 'Release', code: 'invalid', field: 'target_commitish' }], docs);
    }
    data.refs.set(ref, { ref, sha: target, type: 'commit' });
  }
  const now = ctx.store.now();
  const id = ctx.store.allocateId();
  const release: ReleaseRecord = {
    id,
    nodeId: nodeId('RE', id),
    tagName,
    targetCommitish: target ?? 'main',
    name,
    body: text,
    draft,
    prerelease,
    author: principalLogin(ctx.principal) ?? ctx.repo.owner,
    createdAt: now,
    publishedAt: draft ? null : now,
    updatedAt: now,
  };
  data.releases.set(id, release);
  const json = renderRelease(ctx.store, ctx.repo, release, ctx.urls);
  return { status: 201, body: json, headers: { location: String(json['url']) } };
}

function updateRelease(ctx: RepoContext): { status: number; body: unknown } {
  const docs = RELEASE_DOCS.updateRelease;
  const release = gitData(ctx.repo).releases.get(Number(ctx.params['release_id']));
  if (!release) throw notFound(docs);
  const body = objectBody(ctx.body, docs);
  const name = optionalString(body, 'name', docs);
  const text = optionalString(body, 'body', docs);
  const draft = optionalBoolean(body, 'draft', docs);
  const prerelease = optionalBoolean(body, 'prerelease', docs);
  if (name !== undefined) release.name = name;
  if (text !== undefined) release.body = text;
  if (prerelease !== undefined) release.prerelease = prerelease;
  if (draft !== undefined) {
    if (release.draft && !draft) release.publishedAt = ctx.store.now();
    release.draft = draft;
  }
  release.updatedAt = ctx.store.now();
  return { status: 200, body: renderRelease(ctx.store, ctx.repo, release, ctx.urls) };
}

const READ = [{ contents: 'read' }] as const;
const WRITE = [{ contents: 'write' }] as const;

export const releaseRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/ref/{ref}',
    docs: RELEASE_DOCS.getRef,
    access: READ,
    handler: getRef,
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/git/refs',
    docs: RELEASE_DOCS.createRef,
    access: WRITE,
    contentCreating: true,
    handler: createRef,
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/git/tags',
    docs: RELEASE_DOCS.createTag,
    access: WRITE,
    contentCreating: true,
    handler: createTag,
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/tags/{tag_sha}',
    docs: RELEASE_DOCS.getTag,
    access: READ,
    handler: getTag,
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/releases/tags/{tag}',
    docs: RELEASE_DOCS.getReleaseByTag,
    access: READ,
    handler: getReleaseByTag,
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/releases',
    docs: RELEASE_DOCS.createRelease,
    access: WRITE,
    contentCreating: true,
    handler: createRelease,
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/releases/{release_id}',
    docs: RELEASE_DOCS.updateRelease,
    access: WRITE,
    handler: updateRelease,
  },
];
