/**
 * The GitLab emulator's issue time tracking, through gitbeaker as the adapter calls it: GitLab's status codes, its
 * refusals (a subtraction larger than the total, a duration that does not parse, a role below Planner), and every 2xx
 * body valid against GitLab's official IssuableTimeStats definition.
 */
import { Gitlab, GitbeakerRequestError } from '@gitbeaker/rest';
import { GitLabEmulator, validateAgainstOfficialSchema } from '../../test-support/emulators/gitlab/index.js';

const PROJECT = 'acme/widgets';
const WRITER = 'glpat-timeWriter000000000000';
const GUEST = 'glpat-timeGuest0000000000000';

let emulator: GitLabEmulator;
let api: InstanceType<typeof Gitlab>;
let iid: number;

beforeEach(async () => {
  emulator = await GitLabEmulator.start({ rateLimit: false });
  emulator.addGroup('acme', { name: 'ACME' });
  emulator.addProject(PROJECT);
  emulator.addUser('writer');
  emulator.addUser('guest');
  emulator.addMember('acme', 'writer', 20, { target: 'group' });
  emulator.addMember('acme', 'guest', 10, { target: 'group' });
  emulator.addToken(WRITER, { user: 'writer', scopes: ['api'] });
  emulator.addToken(GUEST, { user: 'guest', scopes: ['api'] });
  api = new Gitlab({ host: emulator.url, token: WRITER });
  iid = (await api.Issues.create(PROJECT, 'Timed')).iid;
});
afterEach(async () => {
  await emulator.stop();
});

async function refusal(
  promise: Promise<unknown>,
): Promise<{ status: number | undefined; description: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitbeakerRequestError) {
      return { status: error.cause?.response.status, description: String(error.cause?.description) };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

it('sets, adds, subtracts and resets, answering the time stats with GitLab’s codes', async () => {
  expect(await api.Issues.addTimeEstimate(PROJECT, iid, '32h')).toMatchObject({
    time_estimate: 32 * 3600,
    human_time_estimate: '4d',
  });
  expect(await api.Issues.addSpentTime(PROJECT, iid, '2h30m', { summary: 'work' })).toMatchObject({
    total_time_spent: 9000,
  });
  expect(await api.Issues.addSpentTime(PROJECT, iid, '-1h')).toMatchObject({ total_time_spent: 5400 });
  expect(await api.Issues.showTimeStats(PROJECT, iid)).toMatchObject({
    time_estimate: 32 * 3600,
    total_time_spent: 5400,
  });
  // List answers carry the same stats, so a reader needs no extra request.
  const [listed] = await api.Issues.all({ projectId: PROJECT });
  expect(listed?.time_stats).toMatchObject({ time_estimate: 32 * 3600, total_time_spent: 5400 });
  expect(await api.Issues.resetSpentTime(PROJECT, iid)).toMatchObject({ total_time_spent: 0 });
  expect(await api.Issues.resetTimeEstimate(PROJECT, iid)).toMatchObject({ time_estimate: 0 });

  const statuses = emulator.requests
    .filter((request) => /\/issues\/\d+\/\w+$/.test(request.path))
    .map(
      (request) => `${request.method} ${request.path.replace(/^.*\/issues\/\d+\//, '')} ${request.status}`,
    );
  expect(statuses).toEqual([
    'POST time_estimate 200',
    'POST add_spent_time 201',
    'POST add_spent_time 201',
    'GET time_stats 200',
    'POST reset_spent_time 200',
    'POST reset_time_estimate 200',
  ]);
  const checked = emulator.requests.filter((request) => /\/issues\/\d+\/\w+$/.test(request.path));
  // Every time-tracking answer has an official definition, and conforms to it.
  expect(checked.map((request) => validateAgainstOfficialSchema(request))).toEqual(checked.map(() => []));
});

it('refuses a subtraction larger than the total, a bad duration and a role below Planner, changing nothing', async () => {
  await api.Issues.addSpentTime(PROJECT, iid, '1h');
  expect(await refusal(api.Issues.addSpentTime(PROJECT, iid, '-2h'))).toEqual({
    status: 400,
    description: expect.stringContaining('Time to subtract exceeds the total time spent'),
  });
  expect((await refusal(api.Issues.addSpentTime(PROJECT, iid, 'lots'))).status).toBe(400);
  expect((await refusal(api.Issues.addTimeEstimate(PROJECT, iid, '-1h'))).status).toBe(400);
  const guest = new Gitlab({ host: emulator.url, token: GUEST });
  expect((await refusal(guest.Issues.addSpentTime(PROJECT, iid, '1h'))).status).toBe(403);
  expect(await guest.Issues.showTimeStats(PROJECT, iid)).toMatchObject({
    total_time_spent: 3600,
    time_estimate: 0,
  });
});
