/**
 * Users and members: `GET /users`, `GET /projects/:id/members`, `GET /projects/:id/members/all`.
 *
 * Documented behaviour followed (docs.gitlab.com/api/users/#list-users, docs.gitlab.com/api/members/):
 * - `GET /users?username=x` answers an array with the one matching user (UserBasic for non-admins), or `[]` when
 *   there is none — never 404 ("Get a single user with a specific username"; lookup is case-insensitive).
 *   `search` matches username and name; `active=true` drops blocked users; ordered by `order_by` (id, name, username,
 *   created_at; default id) and `sort` (default desc); paged. Without a signed-in user the list is only answered for
 *   a `username` lookup (an assumption: GitLab restricts anonymous listing depending on instance settings).
 * - `GET /projects/:id/members/all` lists direct, inherited (ancestor groups) and invited members, one entry per user
 *   with the effective (highest) role: the UserBasic fields merged with `access_level`, `created_at`, `created_by`,
 *   `expires_at`, `membership_state` (Entities::Member, `expose :user, merge: true`). `GET /projects/:id/members`
 *   lists direct members only. `query` filters by username/name, `user_ids[]` by id; paged. Needs read access.
 * - Neither route accepts CI job tokens.
 */

import { DOCS, forbidden, PAGINATION_SPECS } from '../http.js';
import { renderMember, renderUser } from '../render.js';
import type { PlainRoute, ProjectContext, ProjectRoute } from '../router.js';
import type { MemberRecord, UserRecord } from '../store.js';
import { listResponse } from './common.js';

export const userRoutes: PlainRoute[] = [
  {
    method: 'GET',
    template: '/users',
    docs: DOCS.users,
    resource: 'none',
    rules: {
      specs: [
        { name: 'username', type: 'string' },
        { name: 'search', type: 'string' },
        { name: 'active', type: 'boolean' },
        { name: 'blocked', type: 'boolean' },
        { name: 'humans', type: 'boolean' },
        {
          name: 'order_by',
          type: 'string',
          values: ['id', 'name', 'username', 'created_at', 'updated_at'],
          default: 'id',
        },
        { name: 'sort', type: 'string', values: ['asc', 'desc'], default: 'desc' },
        ...PAGINATION_SPECS,
      ],
    },
    handler: (ctx) => {
      const { params, store } = ctx;
      const username = params['username'] as string | undefined;
      if (ctx.principal.kind === 'anonymous' && username === undefined) throw forbidden();
      const search = (params['search'] as string | undefined)?.toLowerCase();
      let users = [...store.users.values()];
      if (username !== undefined)
        users = users.filter((u) => u.username.toLowerCase() === username.toLowerCase());
      if (search) users = users.filter((u) => `${u.username}\n${u.name}`.toLowerCase().includes(search));
      if (params['active'] === true) users = users.filter((u) => u.state === 'active');
      if (params['blocked'] === true) users = users.filter((u) => u.state === 'blocked');
      if (params['humans'] === true) users = users.filter((u) => !u.bot);
      const orderBy = (params['order_by'] as string | undefined) ?? 'id';
      const sign = params['sort'] === 'asc' ? 1 : -1;
      const key = (u: UserRecord): string | number =>
        orderBy === 'name'
          ? u.name.toLowerCase()
          : orderBy === 'username'
            ? u.username.toLowerCase()
            : orderBy === 'id'
              ? u.id
              : u.createdAt;
      users.sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        return sign * ((ka < kb ? -1 : ka > kb ? 1 : 0) || a.id - b.id);
      });
      return listResponse(ctx, users, (u) => renderUser(u, ctx.urls));
    },
  },
];

const MEMBER_SPECS = [
  { name: 'query', type: 'string' },
  { name: 'user_ids', type: 'integer[]' },
  ...PAGINATION_SPECS,
] as const;

function listMembers(ctx: ProjectContext, members: MemberRecord[]) {
  const query = (ctx.params['query'] as string | undefined)?.toLowerCase();
  const ids = ctx.params['user_ids'] as number[] | undefined;
  const selected = members.filter((m) => {
    const user = ctx.store.users.get(m.userId);
    if (!user) return false;
    if (ids && ids.length > 0 && !ids.includes(user.id)) return false;
    return !query || `${user.username}\n${user.name}`.toLowerCase().includes(query);
  });
  return listResponse(ctx, selected, (m) => renderMember(ctx.store, m, ctx.urls));
}

export const memberRoutes: ProjectRoute[] = [
  {
    method: 'GET',
    template: '/projects/:id/members',
    docs: DOCS.members,
    resource: 'project',
    rules: { specs: MEMBER_SPECS },
    handler: (ctx) =>
      listMembers(
        ctx,
        [...ctx.project.members.values()].sort((a, b) => a.userId - b.userId),
      ),
  },
  {
    method: 'GET',
    template: '/projects/:id/members/all',
    docs: DOCS.members,
    resource: 'project',
    rules: { specs: [...MEMBER_SPECS, { name: 'state', type: 'string', values: ['awaiting', 'active'] }] },
    handler: (ctx) => listMembers(ctx, ctx.store.allMembers(ctx.project)),
  },
];
