/**
 * The GitLab emulator's group labels, group boards and board scopes, over HTTP, each as GitLab documents or codes it
 * (test-support/emulators/gitlab/handlers/boards.ts and labels.ts cite the sources): what Premium allows, what an
 * unlicensed Enterprise Edition (GitLab.com Free) and the Community Edition answer instead.
 */
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';

const TOKEN = 'glpat-scopesContract000000000';
const GUEST = 'glpat-scopesGuest00000000000';

async function setUp(tier: 'premium' | 'free' | 'foss'): Promise<GitLabEmulator> {
  const emulator = await GitLabEmulator.start({ rateLimit: false, issueBoards: tier });
  emulator.addGroup('acme');
  emulator.addProject('acme/widgets');
  emulator.addProject('other/tools');
  emulator.addUser('planner');
  emulator.addMember('acme', 'planner', 20, { target: 'group' });
  emulator.addToken(TOKEN, { user: 'planner', scopes: ['api'] });
  emulator.addUser('visitor');
  emulator.addMember('acme', 'visitor', 10, { target: 'group' });
  emulator.addToken(GUEST, { user: 'visitor', scopes: ['api'] });
  return emulator;
}

async function call(
  emulator: GitLabEmulator,
  method: string,
  path: string,
  body?: Record<string, unknown>,
  token = TOKEN,
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${emulator.url}/api/v4${path}`, {
    method,
    headers: { 'private-token': token, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

describe('group labels', () => {
  let emulator: GitLabEmulator;
  beforeEach(async () => {
    emulator = await setUp('premium');
  });
  afterEach(() => emulator.stop());

  it('are created by Planners and up, and are usable (and listed) by the projects below the group', async () => {
    expect(
      (await call(emulator, 'POST', '/groups/acme/labels', { name: 'x', color: '#fff' }, GUEST)).status,
    ).toBe(403);
    const created = await call(emulator, 'POST', '/groups/acme/labels', {
      name: 'status::done',
      color: 'green',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'status::done', color: '#008000', is_project_label: false });
    const listed = await call(emulator, 'GET', '/projects/acme%2Fwidgets/labels');
    expect(listed.json.map((label: { name: string }) => label.name)).toEqual(['status::done']);
    const own = await call(emulator, 'GET', '/projects/acme%2Fwidgets/labels?include_ancestor_groups=false');
    expect(own.json).toEqual([]);
    // A project label of a title the project can already use is a conflict, as is a second group label.
    const clash = await call(emulator, 'POST', '/projects/acme%2Fwidgets/labels', {
      name: 'status::done',
      color: '#000000',
    });
    expect(clash).toEqual({ status: 409, json: { message: 'Label already exists' } });
    expect(
      (await call(emulator, 'POST', '/groups/acme/labels', { name: 'status::done', color: 'red' })).status,
    ).toBe(409);
    // An issue takes the group label by title: no project label appears.
    const issue = await call(emulator, 'POST', '/projects/acme%2Fwidgets/issues', {
      title: 'A',
      labels: 'status::done',
    });
    expect(issue.json.labels).toEqual(['status::done']);
    expect(emulator.listLabels('acme/widgets')).toEqual([]);
  });

  it('validate like project labels, and a group the caller cannot see is 404 Group Not Found', async () => {
    const bad = await call(emulator, 'POST', '/groups/acme/labels', { name: 'a,b', color: 'nope' });
    expect(bad).toEqual({
      status: 400,
      json: { message: { title: ['is invalid'], color: ['must be a valid color code'] } },
    });
    expect(await call(emulator, 'GET', '/groups/nowhere/labels')).toEqual({
      status: 404,
      json: { message: '404 Group Not Found' },
    });
  });
});

describe('group boards', () => {
  it.each([
    ['premium', 201, undefined],
    ['free', 403, { message: '403 Forbidden' }],
    ['foss', 404, { error: '404 Not Found' }],
  ] as const)('%s: POST /groups/:id/boards answers %i', async (tier, status, body) => {
    const emulator = await setUp(tier);
    try {
      expect((await call(emulator, 'POST', '/groups/acme/boards', { name: 'B' }, GUEST)).status).toBe(
        tier === 'foss' ? 404 : 403,
      );
      const created = await call(emulator, 'POST', '/groups/acme/boards', { name: 'Team' });
      expect(created.status).toBe(status);
      if (body) expect(created.json).toEqual(body);
      else
        expect(created.json).toMatchObject({
          name: 'Team',
          project: null,
          group: { id: expect.any(Number) },
        });
    } finally {
      await emulator.stop();
    }
  });

  it('lists take group labels only, once each', async () => {
    const emulator = await setUp('free');
    try {
      const { id } = emulator.addGroupBoard('acme', 'Development');
      const group = emulator.addGroupLabel('acme', 'status::to do');
      const project = emulator.addLabel('acme/widgets', 'project-only');
      const path = `/groups/acme/boards/${id}/lists`;
      expect(await call(emulator, 'POST', path, { label_id: project.id })).toEqual({
        status: 400,
        json: { error: 'Label not found' },
      });
      const list = await call(emulator, 'POST', path, { label_id: group.id });
      expect(list.status).toBe(201);
      expect(list.json.label.name).toBe('status::to do');
      expect((await call(emulator, 'POST', path, { label_id: group.id })).json).toEqual({
        error: 'List already exists',
      });
      expect((await call(emulator, 'GET', `/groups/acme/boards/${id + 99}`)).json).toEqual({
        message: '404 Board Not Found',
      });
    } finally {
      await emulator.stop();
    }
  });
});

describe('a board scoped to a milestone', () => {
  it('premium: takes a milestone of the project or its group, and drops any other silently', async () => {
    const emulator = await setUp('premium');
    try {
      const own = emulator.addMilestone('acme/widgets', 'v1.0');
      const foreign = emulator.addMilestone('other/tools', 'v9');
      const board = await call(emulator, 'POST', '/projects/acme%2Fwidgets/boards', { name: 'Release' });
      expect(board.json.milestone).toBeNull();
      const path = `/projects/acme%2Fwidgets/boards/${board.json.id}`;
      const scoped = await call(emulator, 'PUT', path, { milestone_id: own.id });
      expect(scoped.status).toBe(200);
      expect(scoped.json.milestone).toMatchObject({ id: own.id, title: 'v1.0' });
      const dropped = await call(emulator, 'PUT', path, { milestone_id: foreign.id });
      expect(dropped.json.milestone).toBeNull();
      expect((await call(emulator, 'PUT', path, { milestone_id: own.id }, GUEST)).status).toBe(403);
    } finally {
      await emulator.stop();
    }
  });

  it('free: the scope is dropped without an error and the board has no milestone key', async () => {
    const emulator = await setUp('free');
    try {
      const own = emulator.addMilestone('acme/widgets', 'v1.0');
      const board = await call(emulator, 'POST', '/projects/acme%2Fwidgets/boards', { name: 'Release' });
      const scoped = await call(emulator, 'PUT', `/projects/acme%2Fwidgets/boards/${board.json.id}`, {
        milestone_id: own.id,
        name: 'Renamed',
      });
      expect(scoped.status).toBe(200);
      expect(scoped.json.name).toBe('Renamed');
      expect(scoped.json).not.toHaveProperty('milestone');
    } finally {
      await emulator.stop();
    }
  });
});
