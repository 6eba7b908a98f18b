/**
 * Project label endpoints: `GET /projects/:id/labels`, `POST /projects/:id/labels`.
 *
 * Documented behaviour followed (docs.gitlab.com/api/labels/; lib/api/helpers/label_helpers.rb, app/models/label.rb):
 * - Create: `name` and `color` are both required (400 `{"error":"name is missing, color is missing"}`); `color` is
 *   `#RRGGBB` (or `#RGB`) or a CSS colour name ("one of the CSS color names"), otherwise 400
 *   `{"message":{"color":["must be a valid color code"]}}`; CSS names are stored as their hex value
 *   (Gitlab::Color). `description` optional. Answers 201 with the ProjectLabel entity.
 * - A label whose title is already taken is 409 `{"message":"Label already exists"}` (`conflict!` in
 *   `create_label`, checked before the model). Titles are compared exactly — GitLab label titles are case-sensitive,
 *   so `Bug` and `bug` may coexist.
 * - A title containing a comma is invalid (`format: /\A[^,]+\z/` → `{"message":{"title":["is invalid"]}}`), blank is
 *   "can't be blank", longer than 255 characters "is too long (maximum is 255 characters)".
 * - Creating a label needs planner/reporter or higher (`authorize! :create_label`), else 403 `{"message":"403
 *   Forbidden"}`. Listing needs read access to the project. Labels work with issues turned off (merge requests use
 *   them too).
 * - List: sorted by title; `with_counts=true` adds open_issues_count, closed_issues_count, open_merge_requests_count
 *   (Entities::Label `with_options if: options[:with_counts]`); `search` filters titles; paged.
 * - Scoped labels (`scope::value`) are ordinary labels here; exclusivity is enforced when they are put on issues.
 * - Group labels (docs.gitlab.com/api/group_labels/): `GET/POST /groups/:id/labels`, the same rules, checked against the
 *   group's role (Planner/Reporter or higher to create). A group label is usable by every project below the group: a
 *   project's label list includes them unless `include_ancestor_groups=false` (`is_project_label: false`), issues take
 *   them by title, and a project or group label whose title the project or group can already use is 409 "Label already
 *   exists" (`available_labels_for(label_parent).find_by_title`). A group's list has its own labels, with
 *   `include_ancestor_groups` (default true) its ancestors' too; `only_group_labels` (default true) leaves out project
 *   labels, which this emulator never lists there.
 */

import { PLANNER, requireRole } from '../auth.js';
import { DOCS, messageError, PAGINATION_SPECS } from '../http.js';
import { renderLabel, textColor } from '../render.js';

const GROUP_LABELS_DOCS = 'https://docs.gitlab.com/api/group_labels/';
import type { GroupContext, GroupRoute, ProjectRoute } from '../router.js';
import type { GroupRecord, LabelRecord, Store } from '../store.js';
import { charLength, listResponse, ModelErrors } from './common.js';

/** CSS named colours (CSS Color Module Level 4) → hex, as Gitlab::Color maps them. */
const CSS_COLORS: Record<string, string> = {
  aliceblue: '#F0F8FF',
  antiquewhite: '#FAEBD7',
  aqua: '#00FFFF',
  aquamarine: '#7FFFD4',
  azure: '#F0FFFF',
  beige: '#F5F5DC',
  bisque: '#FFE4C4',
  black: '#000000',
  blanchedalmond: '#FFEBCD',
  blue: '#0000FF',
  blueviolet: '#8A2BE2',
  brown: '#A52A2A',
  burlywood: '#DEB887',
  cadetblue: '#5F9EA0',
  chartreuse: '#7FFF00',
  chocolate: '#D2691E',
  coral: '#FF7F50',
  cornflowerblue: '#6495ED',
  cornsilk: '#FFF8DC',
  crimson: '#DC143C',
  cyan: '#00FFFF',
  darkblue: '#00008B',
  darkcyan: '#008B8B',
  darkgoldenrod: '#B8860B',
  darkgray: '#A9A9A9',
  darkgreen: '#006400',
  darkgrey: '#A9A9A9',
  darkkhaki: '#BDB76B',
  darkmagenta: '#8B008B',
  darkolivegreen: '#556B2F',
  darkorange: '#FF8C00',
  darkorchid: '#9932CC',
  darkred: '#8B0000',
  darksalmon: '#E9967A',
  darkseagreen: '#8FBC8F',
  darkslateblue: '#483D8B',
  darkslategray: '#2F4F4F',
  darkslategrey: '#2F4F4F',
  darkturquoise: '#00CED1',
  darkviolet: '#9400D3',
  deeppink: '#FF1493',
  deepskyblue: '#00BFFF',
  dimgray: '#696969',
  dimgrey: '#696969',
  dodgerblue: '#1E90FF',
  firebrick: '#B22222',
  floralwhite: '#FFFAF0',
  forestgreen: '#228B22',
  fuchsia: '#FF00FF',
  gainsboro: '#DCDCDC',
  ghostwhite: '#F8F8FF',
  gold: '#FFD700',
  goldenrod: '#DAA520',
  gray: '#808080',
  green: '#008000',
  greenyellow: '#ADFF2F',
  grey: '#808080',
  honeydew: '#F0FFF0',
  hotpink: '#FF69B4',
  indianred: '#CD5C5C',
  indigo: '#4B0082',
  ivory: '#FFFFF0',
  khaki: '#F0E68C',
  lavender: '#E6E6FA',
  lavenderblush: '#FFF0F5',
  lawngreen: '#7CFC00',
  lemonchiffon: '#FFFACD',
  lightblue: '#ADD8E6',
  lightcoral: '#F08080',
  lightcyan: '#E0FFFF',
  lightgoldenrodyellow: '#FAFAD2',
  lightgray: '#D3D3D3',
  lightgreen: '#90EE90',
  lightgrey: '#D3D3D3',
  lightpink: '#FFB6C1',
  lightsalmon: '#FFA07A',
  lightseagreen: '#20B2AA',
  lightskyblue: '#87CEFA',
  lightslategray: '#778899',
  lightslategrey: '#778899',
  lightsteelblue: '#B0C4DE',
  lightyellow: '#FFFFE0',
  lime: '#00FF00',
  limegreen: '#32CD32',
  linen: '#FAF0E6',
  magenta: '#FF00FF',
  maroon: '#800000',
  mediumaquamarine: '#66CDAA',
  mediumblue: '#0000CD',
  mediumorchid: '#BA55D3',
  mediumpurple: '#9370DB',
  mediumseagreen: '#3CB371',
  mediumslateblue: '#7B68EE',
  mediumspringgreen: '#00FA9A',
  mediumturquoise: '#48D1CC',
  mediumvioletred: '#C71585',
  midnightblue: '#191970',
  mintcream: '#F5FFFA',
  mistyrose: '#FFE4E1',
  moccasin: '#FFE4B5',
  navajowhite: '#FFDEAD',
  navy: '#000080',
  oldlace: '#FDF5E6',
  olive: '#808000',
  olivedrab: '#6B8E23',
  orange: '#FFA500',
  orangered: '#FF4500',
  orchid: '#DA70D6',
  palegoldenrod: '#EEE8AA',
  palegreen: '#98FB98',
  paleturquoise: '#AFEEEE',
  palevioletred: '#DB7093',
  papayawhip: '#FFEFD5',
  peachpuff: '#FFDAB9',
  peru: '#CD853F',
  pink: '#FFC0CB',
  plum: '#DDA0DD',
  powderblue: '#B0E0E6',
  purple: '#800080',
  rebeccapurple: '#663399',
  red: '#FF0000',
  rosybrown: '#BC8F8F',
  royalblue: '#4169E1',
  saddlebrown: '#8B4513',
  salmon: '#FA8072',
  sandybrown: '#F4A460',
  seagreen: '#2E8B57',
  seashell: '#FFF5EE',
  sienna: '#A0522D',
  silver: '#C0C0C0',
  skyblue: '#87CEEB',
  slateblue: '#6A5ACD',
  slategray: '#708090',
  slategrey: '#708090',
  snow: '#FFFAFA',
  springgreen: '#00FF7F',
  steelblue: '#4682B4',
  tan: '#D2B48C',
  teal: '#008080',
  thistle: '#D8BFD8',
  tomato: '#FF6347',
  turquoise: '#40E0D0',
  violet: '#EE82EE',
  wheat: '#F5DEB3',
  white: '#FFFFFF',
  whitesmoke: '#F5F5F5',
  yellow: '#FFFF00',
  yellowgreen: '#9ACD32',
};

/** The colour as GitLab stores it, or undefined when it is not a valid colour code. */
export function normalizeColor(color: string): string | undefined {
  const trimmed = color.trim();
  if (/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(trimmed)) return trimmed;
  return CSS_COLORS[trimmed.toLowerCase()];
}

export const LABEL_TITLE_MAX = 255;

/**
 * Title order as PostgreSQL sorts it under an en_US collation: case-insensitive first, lower case before upper case
 * on ties (an assumption — the order depends on the instance's database collation).
 */
function byTitle(a: { name: string }, b: { name: string }): number {
  const la = a.name.toLowerCase();
  const lb = b.name.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a.name === b.name ? 0 : a.name > b.name ? -1 : 1;
}

export const labelRoutes: ProjectRoute[] = [
  {
    method: 'GET',
    template: '/projects/:id/labels',
    docs: DOCS.labels,
    resource: 'project',
    rules: {
      specs: [
        { name: 'with_counts', type: 'boolean', default: false },
        { name: 'include_ancestor_groups', type: 'boolean', default: true },
        { name: 'search', type: 'string' },
        ...PAGINATION_SPECS,
      ],
    },
    handler: (ctx) => {
      const search = (ctx.params['search'] as string | undefined)?.toLowerCase();
      const labels = (
        ctx.params['include_ancestor_groups'] === false
          ? ctx.project.labels
          : ctx.store.availableLabels(ctx.project)
      )
        .filter((label) => search === undefined || label.name.toLowerCase().includes(search))
        .sort(byTitle);
      const withCounts = ctx.params['with_counts'] === true;
      return listResponse(ctx, labels, (label) => renderLabel(ctx.store, ctx.project, label, withCounts));
    },
  },
  {
    method: 'POST',
    template: '/projects/:id/labels',
    docs: DOCS.labels,
    resource: 'project',
    rules: {
      specs: [
        { name: 'name', type: 'string', required: true },
        { name: 'color', type: 'string', required: true },
        { name: 'description', type: 'string' },
        { name: 'priority', type: 'integer' },
      ],
    },
    handler: (ctx) => {
      requireRole(ctx.store, ctx.principal, ctx.project, PLANNER);
      const name = String(ctx.params['name']);
      if (ctx.store.label(ctx.project, name)) throw messageError(409, 'Label already exists');
      const errors = new ModelErrors();
      errors.blank('title', name);
      if (name.trim() !== '' && name.includes(',')) errors.add('title', 'is invalid');
      if (charLength(name) > LABEL_TITLE_MAX) errors.tooLong('title', name, LABEL_TITLE_MAX);
      const color = normalizeColor(String(ctx.params['color']));
      if (color === undefined) errors.add('color', 'must be a valid color code');
      errors.throwIfAny();
      const description = (ctx.params['description'] as string | null | undefined) ?? null;
      const label = ctx.store.createLabel(
        ctx.project,
        name,
        color ?? '',
        description === '' ? null : description,
      );
      return { status: 201, body: renderLabel(ctx.store, ctx.project, label, false) };
    },
  },
];

/** Group labels the group may use: its own, then its ancestors' (nearest first). */
export function groupAvailableLabels(store: Store, group: GroupRecord): LabelRecord[] {
  return store.groupChain(group).flatMap((candidate) => candidate.labels ?? []);
}

function renderGroupLabel(
  store: Store,
  group: GroupRecord,
  label: LabelRecord,
  withCounts: boolean,
): unknown {
  const projects = [...store.projects.values()].filter((project) =>
    store.groupChain(store.projectGroup(project)).some((candidate) => candidate.id === group.id),
  );
  const json = {
    id: label.id,
    name: label.name,
    description: label.description,
    description_html: label.description
      ? `<p dir="auto">${label.description.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`
      : '',
    text_color: textColor(label.color),
    color: label.color,
    archived: false,
  };
  const tail = { subscribed: false, priority: null, is_project_label: false };
  if (!withCounts) return { ...json, ...tail };
  let open = 0;
  let closed = 0;
  for (const project of projects)
    for (const issue of project.issues.values()) {
      if (issue.deleted || !issue.labelIds.includes(label.id)) continue;
      if (issue.state === 'opened') open += 1;
      else closed += 1;
    }
  return {
    ...json,
    open_issues_count: open,
    closed_issues_count: closed,
    open_merge_requests_count: 0,
    ...tail,
  };
}

function requireGroupPlanner(ctx: GroupContext): void {
  const role =
    ctx.principal.kind === 'user' ? ctx.store.groupAccessLevel(ctx.group, ctx.principal.user.id) : undefined;
  if (role === undefined || role < PLANNER) throw messageError(403, '403 Forbidden');
}

export const groupLabelRoutes: GroupRoute[] = [
  {
    method: 'GET',
    template: '/groups/:id/labels',
    docs: GROUP_LABELS_DOCS,
    resource: 'group',
    rules: {
      specs: [
        { name: 'with_counts', type: 'boolean', default: false },
        { name: 'include_ancestor_groups', type: 'boolean', default: true },
        { name: 'include_descendant_groups', type: 'boolean', default: false },
        { name: 'only_group_labels', type: 'boolean', default: true },
        { name: 'search', type: 'string' },
        ...PAGINATION_SPECS,
      ],
    },
    handler: (ctx) => {
      const search = (ctx.params['search'] as string | undefined)?.toLowerCase();
      const own = ctx.params['include_ancestor_groups'] === false;
      const labels = (own ? (ctx.group.labels ?? []) : groupAvailableLabels(ctx.store, ctx.group))
        .filter((label) => search === undefined || label.name.toLowerCase().includes(search))
        .sort(byTitle);
      const withCounts = ctx.params['with_counts'] === true;
      return listResponse(ctx, labels, (label) => renderGroupLabel(ctx.store, ctx.group, label, withCounts));
    },
  },
  {
    method: 'POST',
    template: '/groups/:id/labels',
    docs: GROUP_LABELS_DOCS,
    resource: 'group',
    rules: {
      specs: [
        { name: 'name', type: 'string', required: true },
        { name: 'color', type: 'string', required: true },
        { name: 'description', type: 'string' },
      ],
    },
    handler: (ctx) => {
      requireGroupPlanner(ctx);
      const name = String(ctx.params['name']);
      if (groupAvailableLabels(ctx.store, ctx.group).some((label) => label.name === name))
        throw messageError(409, 'Label already exists');
      const errors = new ModelErrors();
      errors.blank('title', name);
      if (name.trim() !== '' && name.includes(',')) errors.add('title', 'is invalid');
      if (charLength(name) > LABEL_TITLE_MAX) errors.tooLong('title', name, LABEL_TITLE_MAX);
      const color = normalizeColor(String(ctx.params['color']));
      if (color === undefined) errors.add('color', 'must be a valid color code');
      errors.throwIfAny();
      const description = (ctx.params['description'] as string | null | undefined) ?? null;
      const label = ctx.store.createGroupLabel(
        ctx.group,
        name,
        color ?? '',
        description === '' ? null : description,
      );
      return { status: 201, body: renderGroupLabel(ctx.store, ctx.group, label, false) };
    },
  },
];
