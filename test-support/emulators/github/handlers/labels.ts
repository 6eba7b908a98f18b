/**
 * Label endpoints: list, create and update (`/repos/{owner}/{repo}/labels[/{name}]`).
 *
 * Documented and observed behaviour followed:
 * - Names are unique per repository, case-insensitively; a duplicate is 422
 *   `{"resource":"Label","code":"already_exists","field":"name"}` (yegor256/0pdd#160, crazy-max/ghaction-github-labeler#69).
 * - A name over 50 characters is 422 `{"resource":"Label","code":"custom","field":"name",
 *   "message":"name is too long (maximum is 50 characters)"}` (github/docs#32156).
 * - The colour is six hex digits without '#' (REST docs: "without the leading #"); anything else is 422
 *   `{"resource":"Label","code":"invalid","field":"color"}` (tektoncd/plumbing#1098, Financial-Times/github-label-sync#135).
 *   An omitted colour defaults to ededed.
 * - Descriptions are at most 100 characters (REST docs: "Must be 100 characters or fewer").
 * - Label names in paths are URL-encoded and matched case-insensitively; a missing label is 404.
 * - Lists are paged like every list (per_page ≤ 100) with Link headers on `/repositories/{id}/labels`.
 * - Labels and milestones also work when issues are turned off (pull requests use them), so no 410 here.
 */

import {
  charLength,
  DOCS,
  notFound,
  linkHeaders,
  pageRequest,
  paginate,
  validationFailed,
  type ValidationErrorItem,
} from '../http.js';
import { renderLabel } from '../render.js';
import type { RepoContext, RepoRoute } from '../router.js';
import { has, objectBody, optionalString } from './common.js';

const NAME_MAX = 50;
const DESCRIPTION_MAX = 100;
const COLOR = /^[0-9a-fA-F]{6}$/;

function checkFields(
  fields: { name?: string; color?: string; description?: string | null },
  errors: ValidationErrorItem[],
  nameField: string,
): void {
  if (fields.name !== undefined) {
    if (fields.name.trim() === '')
      errors.push({ resource: 'Label', code: 'missing_field', field: nameField });
    else if (charLength(fields.name) > NAME_MAX) {
      errors.push({
        resource: 'Label',
        code: 'custom',
        field: nameField,
        message: `name is too long (maximum is ${NAME_MAX} characters)`,
      });
    }
  }
  if (fields.color !== undefined && !COLOR.test(fields.color))
    errors.push({ resource: 'Label', code: 'invalid', field: 'color' });
  if (typeof fields.description === 'string' && charLength(fields.description) > DESCRIPTION_MAX) {
    errors.push({
      resource: 'Label',
      code: 'custom',
      field: 'description',
      message: `description is too long (maximum is ${DESCRIPTION_MAX} characters)`,
    });
  }
}

function createLabel(ctx: RepoContext): { status: number; body: unknown; headers: Record<string, string> } {
  const docs = DOCS.createLabel;
  const body = objectBody(ctx.body, docs);
  const name = optionalString(body, 'name', docs) ?? undefined;
  const color = optionalString(body, 'color', docs) ?? undefined;
  const description = optionalString(body, 'description', docs, true);
  const errors: ValidationErrorItem[] = [];
  if (name === undefined) errors.push({ resource: 'Label', code: 'missing_field', field: 'name' });
  checkFields({ name, color, description }, errors, 'name');
  if (name !== undefined && errors.length === 0 && ctx.store.label(ctx.repo, name)) {
    errors.push({ resource: 'Label', code: 'already_exists', field: 'name' });
  }
  if (errors.length > 0) throw validationFailed(errors, docs);
  const label = ctx.store.createLabel(ctx.repo, name ?? '', color ?? 'ededed', description ?? null);
  const json = renderLabel(ctx.repo, label, ctx.urls);
  return { status: 201, body: json, headers: { location: json.url } };
}

function updateLabel(ctx: RepoContext): { status: number; body: unknown } {
  const docs = DOCS.updateLabel;
  const label = ctx.store.label(ctx.repo, ctx.params['name'] ?? '');
  if (!label) throw notFound(docs);
  const body = objectBody(ctx.body, docs);
  const newName = optionalString(body, 'new_name', docs) ?? undefined;
  const color = optionalString(body, 'color', docs) ?? undefined;
  const description = has(body, 'description') ? optionalString(body, 'description', docs, true) : undefined;
  const errors: ValidationErrorItem[] = [];
  checkFields({ name: newName, color, description }, errors, 'name');
  if (newName !== undefined && errors.length === 0) {
    const clash = ctx.store.label(ctx.repo, newName);
    if (clash && clash.id !== label.id)
      errors.push({ resource: 'Label', code: 'already_exists', field: 'name' });
  }
  if (errors.length > 0) throw validationFailed(errors, docs);
  if (newName !== undefined) label.name = newName;
  if (color !== undefined) label.color = color;
  if (description !== undefined) label.description = description;
  return { status: 200, body: renderLabel(ctx.repo, label, ctx.urls) };
}

export const labelRoutes: RepoRoute[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/labels',
    docs: DOCS.listLabels,
    access: [{ issues: 'read' }, { pull_requests: 'read' }],
    handler: (ctx) => {
      const { page, link } = paginate(
        ctx.repo.labels,
        pageRequest(ctx.query),
        `/repositories/${ctx.repo.id}/labels`,
        ctx.link,
      );
      return {
        status: 200,
        body: page.map((label) => renderLabel(ctx.repo, label, ctx.urls)),
        headers: linkHeaders(link),
      };
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/labels',
    docs: DOCS.createLabel,
    access: [{ issues: 'write' }, { pull_requests: 'write' }],
    contentCreating: true,
    handler: createLabel,
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/labels/{name}',
    docs: DOCS.updateLabel,
    access: [{ issues: 'write' }, { pull_requests: 'write' }],
    handler: updateLabel,
  },
];
