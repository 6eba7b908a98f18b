/**
 * The Projects v2 GraphQL subset: every document the adapter can send is valid against GitHub's official schema
 * (@octokit/graphql-schema), and the emulator answers the way GitHub does (errors, pagination, permissions, limits).
 */
import {
  addItemsMutation,
  BOARD_BY_NUMBER,
  BOARD_BY_TITLE,
  BOARD_ITEMS,
  CREATE_FIELD,
  CREATE_ITERATION_FIELD,
  CREATE_PROJECT,
  DELETE_FIELD,
  FIELD_BY_NAME,
  issueIdsQuery,
  REPLACE_OPTIONS,
  setValuesMutation,
} from '../../src/platforms/github/projects/queries.js';
import { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { validateAgainstGitHub } from '../../test-support/emulators/github/graphql/schema.js';

describe("the adapter's documents", () => {
  it.each([
    ['BOARD_BY_TITLE', BOARD_BY_TITLE],
    ['BOARD_BY_NUMBER', BOARD_BY_NUMBER],
    ['BOARD_ITEMS', BOARD_ITEMS],
    ['CREATE_PROJECT', CREATE_PROJECT],
    ['CREATE_FIELD', CREATE_FIELD],
    ['CREATE_ITERATION_FIELD', CREATE_ITERATION_FIELD],
    ['REPLACE_OPTIONS', REPLACE_OPTIONS],
    ['DELETE_FIELD', DELETE_FIELD],
    ['FIELD_BY_NAME', FIELD_BY_NAME],
    ['issueIdsQuery', issueIdsQuery('acme', 'widgets', [1, 2, 3]).query],
    ['addItemsMutation', addItemsMutation('P', ['I1', 'I2']).query],
    [
      'setValuesMutation',
      setValuesMutation('P', [
        { itemId: 'a', fieldId: 'f', value: { number: 1 } },
        { itemId: 'b', fieldId: 'g', value: { singleSelectOptionId: 'x' } },
      ]).query,
    ],
  ])('%s is valid against GitHub’s schema', (_name, document) => {
    expect(validateAgainstGitHub(document).map((error) => error.message)).toEqual([]);
  });

  it('the validator does catch a field GitHub does not have', () => {
    expect(validateAgainstGitHub('query { viewer { projectsV3 { id } } }').length).toBeGreaterThan(0);
  });
});

describe('the emulator’s POST /graphql', () => {
  let emulator: GitHubEmulator;
  const PAT = 'ghp_contract0000000000000000000000000000';
  const BOT = 'ghs_contractBot000000000000000000000000';

  beforeEach(async () => {
    emulator = await GitHubEmulator.start({ secondaryLimits: false });
    emulator.addRepository('acme/widgets');
    emulator.addToken(PAT, { login: 'acme', permissions: { issues: 'write' } });
    emulator.addToken(BOT, { permissions: { issues: 'write' } });
    emulator.projects.grantProjects(PAT, 'write');
  });
  afterEach(() => emulator.stop());

  async function post(body: unknown, token: string | null = PAT) {
    const response = await fetch(`${emulator.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'contract-test',
        ...(token ? { authorization: `bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as Record<string, any>,
    };
  }

  it('asks for authentication, and carries GraphQL rate-limit headers', async () => {
    const anonymous = await post({ query: '{ viewer { login } }' }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.message).toBe('This endpoint requires you to be authenticated.');
    const ok = await post({ query: 'query { repositoryOwner(login: "acme") { login } }' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(Number(ok.headers.get('x-ratelimit-remaining'))).toBeLessThan(5000);
    expect(ok.json).toEqual({ data: { repositoryOwner: { login: 'acme' } } });
  });

  it('answers a document GitHub would reject with errors and no data', async () => {
    const { status, json } = await post({ query: 'query { repositoryOwner(login: "acme") { nope } }' });
    expect(status).toBe(200);
    expect(json.data).toBeUndefined();
    expect(json.errors[0].message).toContain('nope');
  });

  it('pages 100 at a time with pageInfo and endCursor, and refuses first > 100', async () => {
    const project = emulator.projects.createProject('acme', 'Paged');
    for (let index = 0; index < 150; index += 1) emulator.projects.addItem(project, null, `Draft ${index}`);
    const query = `query($id: ID!, $after: String, $first: Int) { node(id: $id) { ... on ProjectV2 { items(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } } } }`;
    const first = await post({ query, variables: { id: project.id, first: 100 } });
    expect(first.json.data.node.items.nodes).toHaveLength(100);
    expect(first.json.data.node.items.pageInfo.hasNextPage).toBe(true);
    const second = await post({
      query,
      variables: { id: project.id, first: 100, after: first.json.data.node.items.pageInfo.endCursor },
    });
    expect(second.json.data.node.items.nodes).toHaveLength(50);
    expect(second.json.data.node.items.pageInfo.hasNextPage).toBe(false);
    const tooMany = await post({ query, variables: { id: project.id, first: 101 } });
    expect(tooMany.json.errors[0]).toMatchObject({
      type: 'EXCESSIVE_PAGINATION',
      message: 'Requesting 101 records on the `items` connection exceeds the `first` limit of 100 records.',
    });
  });

  it('refuses an installation token a user’s projects, with GitHub’s message and path', async () => {
    emulator.projects.createProject('acme', 'Mine');
    const { json } = await post(
      {
        query:
          'query { repositoryOwner(login: "acme") { ... on ProjectV2Owner { projectsV2(first: 5) { nodes { id } } } } }',
      },
      BOT,
    );
    expect(json.data).toEqual({ repositoryOwner: null });
    expect(json.errors[0]).toMatchObject({
      type: 'FORBIDDEN',
      path: ['repositoryOwner', 'projectsV2'],
      message: 'Resource not accessible by integration',
    });
  });

  it('replacing a single select field’s options gives new ids and clears every value (GitHub’s behaviour)', async () => {
    const project = emulator.projects.createProject('acme', 'Hazard');
    const item = emulator.projects.addItem(project, null, 'Draft');
    emulator.projects.setValueInUi(project, item, 'Status', 'Done');
    const status = emulator.projects.field(project, 'Status');
    const oldIds = status.options.map((option) => option.id);
    const { json } = await post({
      query: REPLACE_OPTIONS,
      variables: {
        field: status.id,
        options: [
          ...status.options.map(({ name, color, description }) => ({ name, color, description })),
          { name: 'Blocked', color: 'RED', description: '' },
        ],
      },
    });
    const options = json.data.updateProjectV2Field.projectV2Field.options as { id: string; name: string }[];
    expect(options.map((option) => option.name)).toEqual(['Todo', 'In Progress', 'Done', 'Blocked']);
    expect(options.some((option) => oldIds.includes(option.id))).toBe(false);
    expect(emulator.projects.valueOf(project, item, 'Status')).toBeNull();
  });

  it('deletes a custom field with its values, and refuses to delete a built-in one', async () => {
    const project = emulator.projects.createProject('acme', 'Stash');
    const item = emulator.projects.addItem(project, null, 'Draft');
    const stash = emulator.projects.addField(project, 'Scratch', 'TEXT', [], []);
    item.values.set(stash.id, { text: 'Done' });
    const { json } = await post({ query: DELETE_FIELD, variables: { field: stash.id } });
    expect(json.errors).toBeUndefined();
    expect(json.data.deleteProjectV2Field.projectV2Field).toEqual({ id: stash.id, name: 'Scratch' });
    expect(project.fields.some((field) => field.id === stash.id)).toBe(false);
    expect(item.values.has(stash.id)).toBe(false);

    const status = emulator.projects.field(project, 'Status');
    const refused = await post({ query: DELETE_FIELD, variables: { field: status.id } });
    expect(refused.json.errors?.[0]?.type).toBe('UNPROCESSABLE');
    expect(project.fields.some((field) => field.id === status.id)).toBe(true);
  });

  it('refuses an option id of another field, and a value for a built-in field', async () => {
    const project = emulator.projects.createProject('acme', 'Values');
    const item = emulator.projects.addItem(project, null, 'Draft');
    const status = emulator.projects.field(project, 'Status');
    const title = emulator.projects.field(project, 'Title');
    const { json } = await post({
      query: setValuesMutation(project.id, [
        { itemId: item.id, fieldId: status.id, value: { singleSelectOptionId: 'deadbeef' } },
        { itemId: item.id, fieldId: title.id, value: { text: 'x' } },
        { itemId: item.id, fieldId: status.id, value: { singleSelectOptionId: status.options[0]?.id } },
      ]).query,
      variables: {
        project: project.id,
        i0: item.id,
        f0: status.id,
        v0: { singleSelectOptionId: 'deadbeef' },
        i1: item.id,
        f1: title.id,
        v1: { text: 'x' },
        i2: item.id,
        f2: status.id,
        v2: { singleSelectOptionId: status.options[0]?.id },
      },
    });
    expect(json.errors.map((error: { path: string[] }) => error.path[0])).toEqual(['v0', 'v1']);
    expect(json.errors[0].message).toBe('The single select option Id does not belong to the field');
    expect(json.data.v2.projectV2Item.id).toBe(item.id);
    expect(emulator.projects.valueOf(project, item, 'Status')).toBe('Todo');
  });
});
