/**
 * hierarchy on GitLab (emulator, real HTTP): task_dependencies become `is_blocked_by` issue links, a removed
 * dependency removes its link, links people add survive, a converged run reads one page and writes nothing; on Free
 * (and the Community Edition) the refusal is reported once and the "Depends on" line stays the record.
 */
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';
import { buildDatabase, type Tables } from '../../test-support/fixtures/build-db.js';
import {
  execSql,
  itemKeyOf,
  outcomeOf,
  STATE_DB,
  syncInProcess,
  Workspace,
} from '../../test-support/e2e/harness.js';

const PROJECT = 'acme/widgets';
const TOKEN = 'glpat-e2eRelationsToken0000';

let emulator: GitLabEmulator;
let workspace: Workspace;

async function start(blockingLinks: 'premium' | 'free' | 'foss'): Promise<void> {
  emulator = await GitLabEmulator.start({ rateLimit: false, blockingLinks });
  emulator.addGroup('acme', { name: 'ACME' });
  emulator.addProject(PROJECT);
  emulator.addUser('sync-bot');
  emulator.addMember('acme', 'sync-bot', 20, { target: 'group' });
  emulator.addToken(TOKEN, { user: 'sync-bot', scopes: ['api'] });
}

beforeEach(async () => {
  workspace = await Workspace.create();
});
afterEach(async () => {
  await emulator.stop();
  await workspace.dispose();
});

const inputs = () => ({
  platform: 'gitlab',
  'state-file': STATE_DB,
  repository: PROJECT,
  'api-url': emulator.url,
  token: TOKEN,
  'write-delay-ms': '0',
  hierarchy: 'sub-issues',
});
const sync = async () => outcomeOf(await syncInProcess(workspace, inputs()));

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/api/v4/projects/${encodeURIComponent(PROJECT)}${path}`, {
    method,
    headers: { 'private-token': TOKEN, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function iidOf(itemKey: string): number {
  const issue = emulator
    .listIssues(PROJECT)
    .find((candidate) => itemKeyOf({ body: candidate.description }) === itemKey);
  if (!issue) throw new Error(`no issue for ${itemKey}`);
  return issue.iid;
}

/** Each link of an issue as `<link_type> <itemKey or #iid>`, sorted. */
async function linksOf(itemKey: string): Promise<string[]> {
  const links = (await api('GET', `/issues/${iidOf(itemKey)}/links`)) as {
    iid: number;
    description: string | null;
    link_type: string;
  }[];
  return links
    .map((link) => `${link.link_type} ${itemKeyOf({ body: link.description }) ?? `#${link.iid}`}`)
    .sort();
}

const writes = () => emulator.requests.filter((request) => request.method !== 'GET');

const PLAN: Tables = {
  generic_tasks: [
    { task_id: 'gt_a', title: 'Schema', status: 'in_progress' },
    { task_id: 'gt_b', title: 'API' },
    { task_id: 'gt_c', title: 'Screens' },
  ],
  task_dependencies: [
    { dependent_task_id: 'gt_b', prerequisite_task_id: 'gt_a' },
    { dependent_task_id: 'gt_c', prerequisite_task_id: 'gt_a' },
    { dependent_task_id: 'gt_c', prerequisite_task_id: 'gt_b' },
  ],
};

describe('hierarchy: dependencies as GitLab issue links (Premium)', () => {
  beforeEach(() => start('premium'));

  it('links each dependency as is_blocked_by, then a second sync reads one page and writes nothing', async () => {
    await workspace.write(STATE_DB, await buildDatabase('v2-generic', PLAN));
    const outcome = await sync();
    expect(outcome.counts).toMatchObject({ created: 3, failed: 0 });
    expect(outcome.relations?.results.map((result) => result.status)).toEqual(['done', 'done', 'done']);
    // New issues have no links yet: none was read before linking.
    expect(outcome.relations?.reads).toBe(0);
    expect(await linksOf('task:gt_c')).toEqual(['is_blocked_by task:gt_a', 'is_blocked_by task:gt_b']);
    expect(await linksOf('task:gt_a')).toEqual(['blocks task:gt_b', 'blocks task:gt_c']);
    const body = emulator.getIssue(PROJECT, iidOf('task:gt_c'))?.description ?? '';
    expect(body).toMatch(/\*\*Depends on:\*\* Schema · API\n/);
    expect(body).not.toMatch(/no issue dependencies of its own/);

    emulator.clearRequests();
    const again = await sync();
    expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /projects/${encodeURIComponent(PROJECT)}/issues`,
    ]);
  });

  it('removes the link of a removed dependency and keeps the links people added', async () => {
    await workspace.write(STATE_DB, await buildDatabase('v2-generic', PLAN));
    await sync();
    const human = emulator.createIssue(PROJECT, { title: 'Written by a person', author: 'sync-bot' });
    // A person's blocker of a managed issue, and a person's "relates to" between two managed issues.
    await api('POST', `/issues/${human.iid}/links`, {
      target_project_id: PROJECT,
      target_issue_iid: iidOf('task:gt_c'),
      link_type: 'blocks',
    });
    await api('POST', `/issues/${iidOf('task:gt_b')}/links`, {
      target_project_id: PROJECT,
      target_issue_iid: human.iid,
    });

    await execSql(
      workspace.path(STATE_DB),
      "DELETE FROM task_dependencies WHERE dependent_task_id = 'gt_c' AND prerequisite_task_id = 'gt_a'",
    );
    const outcome = await sync();
    expect(outcome.counts.failed).toBe(0);
    expect(outcome.relations?.results.map((result) => result.operation.kind)).toEqual(['removeBlockedBy']);
    expect(await linksOf('task:gt_c')).toEqual([`is_blocked_by #${human.iid}`, 'is_blocked_by task:gt_b']);
    expect(await linksOf('task:gt_b')).toEqual([
      'blocks task:gt_c',
      'is_blocked_by task:gt_a',
      `relates_to #${human.iid}`,
    ]);

    emulator.clearRequests();
    await sync();
    expect(writes()).toEqual([]);
  });

  it('links a dependency added later, reading only the rewritten issue’s links', async () => {
    await workspace.write(STATE_DB, await buildDatabase('v2-generic', PLAN));
    await sync();
    await execSql(workspace.path(STATE_DB), "DELETE FROM task_dependencies WHERE dependent_task_id = 'gt_b'");
    await sync();
    expect(await linksOf('task:gt_b')).toEqual(['blocks task:gt_c']);
    await execSql(
      workspace.path(STATE_DB),
      "INSERT INTO task_dependencies (dependent_task_id, prerequisite_task_id, dependency_type) VALUES ('gt_b', 'gt_a', 'completion')",
    );
    emulator.clearRequests();
    const outcome = await sync();
    expect(outcome.relations?.results.map((result) => result.status)).toEqual(['done']);
    // Only the rewritten issue's links are read (an incremental read may also fetch the blocker's issue).
    expect(
      emulator.requests.filter((request) => request.method === 'GET' && /\/links$/.test(request.path)),
    ).toHaveLength(1);
    expect(await linksOf('task:gt_b')).toEqual(['blocks task:gt_c', 'is_blocked_by task:gt_a']);
  });
});

describe.each([
  ['free', 403, 'Blocked issues not available for current license'],
  ['foss', 400, 'link_type does not have a valid value'],
] as const)('hierarchy on GitLab %s: no blocking links', (tier, status, words) => {
  beforeEach(() => start(tier));

  it('says so once, keeps the Depends on line, fails nothing, and a second sync writes nothing', async () => {
    await workspace.write(STATE_DB, await buildDatabase('v2-generic', PLAN));
    const outcome = await sync();
    expect(outcome.counts).toMatchObject({ created: 3, failed: 0 });
    expect(outcome.stoppedBy).toBeNull();
    expect(outcome.relations?.results.map((result) => result.status)).toEqual(['skipped']);
    expect(outcome.relations?.blockedByRefused).toContain(`${status} ${words}`);
    expect(outcome.relations?.notes).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Premium feature\. Dependencies stay/) }),
    ]);
    const refused = emulator.requests.filter((request) => /\/links$/.test(request.path));
    expect(refused.map((request) => `${request.method} ${request.status}`)).toEqual([`POST ${status}`]);
    expect(emulator.getIssue(PROJECT, iidOf('task:gt_c'))?.description).toMatch(
      /\*\*Depends on:\*\* Schema · API\n/,
    );

    emulator.clearRequests();
    await sync();
    expect(writes()).toEqual([]);
  });
});
