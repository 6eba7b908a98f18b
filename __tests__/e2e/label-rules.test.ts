/**
 * The label rules file (`label-rules`) end to end against the GitHub and GitLab emulators: labels named, coloured and
 * described by the rules are created and set; a change of the orchestrator's values swaps only the tool's own labels;
 * labels people added are never removed; a bad file stops the run with an error naming the file, the rule and the fix.
 */
import { buildDatabase, type Row } from '../../test-support/fixtures/build-db.js';
import {
  STATE_DB,
  Workspace,
  execSql,
  outcomeOf,
  rejection,
  syncInProcess,
} from '../../test-support/e2e/harness.js';
import { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import { GitLabEmulator } from '../../test-support/emulators/gitlab/index.js';
import type { RawSettings } from '../../src/config/issue-sync.js';

const REPOSITORY = 'acme/widgets';
const RULES = '.github/orchestrator-labels.yml';
const RULES_TEXT = `# Label rules: what each orchestrator value becomes on the platform.
priority:
  labels:
    critical: { name: "P0", color: "#b60205", description: "Drop everything" }
    high: P1
  other: null
specialist:
  other: { name: "role/{value}", color: "1d76db", description: "Specialist: {value}" }
status:
  labels:
    in_progress: { name: doing, color: "FBCA04", description: Being worked on }
`;

const task = (id: string, extra: Partial<Row> = {}): Row => ({
  task_id: id,
  title: `Task ${id}`,
  description: `Task ${id}.`,
  hierarchy_path: `/${id}`,
  status: 'in_progress',
  specialist_type: 'implementer',
  context: JSON.stringify({ priority: 'critical' }),
  ...extra,
});

/** The platform as the test sees it: issues' labels, the repository's labels, a person adding a label. */
interface Platform {
  inputs(overrides?: RawSettings): RawSettings;
  issueLabels(): string[];
  labels(): Map<string, { color: string; description: string | null }>;
  addLabelByHand(label: string): void;
  stop(): Promise<void>;
}

async function github(): Promise<Platform> {
  const emulator = await GitHubEmulator.start({ secondaryLimits: false });
  emulator.addRepository(REPOSITORY);
  const token = 'ghs_labelRules000000000000000000000';
  emulator.addToken(token, {
    repositories: [REPOSITORY],
    permissions: { issues: 'write', metadata: 'read' },
  });
  const only = () => {
    const [issue] = emulator.listIssues(REPOSITORY);
    if (!issue) throw new Error('no issue');
    return issue;
  };
  return {
    inputs: (overrides = {}) => ({
      platform: 'github',
      'state-file': STATE_DB,
      repository: REPOSITORY,
      'api-url': emulator.url,
      token,
      'write-delay-ms': '0',
      ...overrides,
    }),
    issueLabels: () =>
      only()
        .labels.map((label) => label.name)
        .sort(),
    labels: () =>
      new Map(
        emulator
          .listLabels(REPOSITORY)
          .map((label) => [label.name, { color: label.color, description: label.description ?? null }]),
      ),
    addLabelByHand: (label) => {
      const issue = only();
      emulator.editIssue(REPOSITORY, issue.number, {
        labels: [...issue.labels.map((item) => item.name), label],
      });
    },
    stop: () => emulator.stop(),
  };
}

async function gitlab(): Promise<Platform> {
  const emulator = await GitLabEmulator.start({ rateLimit: false });
  emulator.addGroup('acme', { name: 'ACME' });
  emulator.addProject(REPOSITORY);
  emulator.addUser('sync-bot');
  emulator.addMember('acme', 'sync-bot', 20, { target: 'group' });
  const token = 'glpat-e2eLabelRules00000000';
  emulator.addToken(token, { user: 'sync-bot', scopes: ['api'] });
  const only = () => {
    const [issue] = emulator.listIssues(REPOSITORY);
    if (!issue) throw new Error('no issue');
    return issue;
  };
  return {
    inputs: (overrides = {}) => ({
      platform: 'gitlab',
      'state-file': STATE_DB,
      repository: REPOSITORY,
      'api-url': emulator.url,
      token,
      'write-delay-ms': '0',
      ...overrides,
    }),
    issueLabels: () => [...only().labels].sort(),
    labels: () =>
      new Map(
        emulator
          .listLabels(REPOSITORY)
          .map((label) => [
            label.name,
            { color: label.color.replace(/^#/, ''), description: label.description },
          ]),
      ),
    addLabelByHand: (label) => {
      const issue = only();
      emulator.addLabel(REPOSITORY, label);
      emulator.editIssue(REPOSITORY, issue.iid, { labels: [...issue.labels, label] });
    },
    stop: () => emulator.stop(),
  };
}

describe.each([
  ['GitHub', github],
  ['GitLab', gitlab],
] as const)('label rules on %s', (_name, start) => {
  let platform: Platform;
  let workspace: Workspace;

  beforeEach(async () => {
    platform = await start();
    workspace = await Workspace.create();
    await workspace.write(STATE_DB, await buildDatabase('v2-generic', { generic_tasks: [task('a')] }));
    await workspace.write(RULES, RULES_TEXT);
  });
  afterEach(async () => {
    await platform.stop();
    await workspace.dispose();
  });

  it('creates the labels the rules name, with their colours and descriptions', async () => {
    const outcome = outcomeOf(await syncInProcess(workspace, platform.inputs({ 'label-rules': RULES })));
    expect(outcome.counts).toMatchObject({ created: 1, failed: 0 });
    expect(platform.issueLabels()).toEqual(['doing', 'orchestrator', 'p0', 'role/implementer', 'type: task']);
    const labels = platform.labels();
    expect(labels.get('p0')).toEqual({ color: 'b60205', description: 'Drop everything' });
    expect(labels.get('doing')).toEqual({ color: 'fbca04', description: 'Being worked on' });
    expect(labels.get('role/implementer')).toEqual({
      color: '1d76db',
      description: 'Specialist: implementer',
    });
    // Dimensions the file leaves out keep the built-in scheme, colour and description.
    expect(labels.get('type: task')).toEqual({
      color: '5319e7',
      description: 'Orchestrator type, kept in step by orchestrator-git',
    });
  });

  it('swaps only its own labels when the orchestrator changes, and never removes a person’s', async () => {
    outcomeOf(await syncInProcess(workspace, platform.inputs({ 'label-rules': RULES })));
    // A person's labels: one unrelated, one that only looks like the scheme of a dimension with `other: null`.
    platform.addLabelByHand('needs-design');
    platform.addLabelByHand('priority: someday');
    await execSql(
      workspace.path(STATE_DB),
      `UPDATE generic_tasks SET specialist_type = 'tester', status = 'pending', context = ? WHERE task_id = 'a'`,
      [JSON.stringify({ priority: 'low' })],
    );
    const outcome = outcomeOf(await syncInProcess(workspace, platform.inputs({ 'label-rules': RULES })));
    expect(outcome.counts).toMatchObject({ updated: 1, failed: 0 });
    // Low priority has no label (other: null); pending keeps the built-in status scheme.
    expect(platform.issueLabels()).toEqual([
      'needs-design',
      'orchestrator',
      'priority: someday',
      'role/tester',
      'status: pending',
      'type: task',
    ]);
  });

  it('stops the run with an error naming the file, the rule and the fix', async () => {
    await workspace.write(RULES, 'priority:\n  labels:\n    critical: { name: "P0", colour: red }\n');
    const error = await rejection(syncInProcess(workspace, platform.inputs({ 'label-rules': RULES })));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(RULES);
    expect(error.message).toContain('priority.labels.critical');
    expect(error.message).toContain('unknown field "colour". Did you mean "color"?');
    expect(error.fix).toContain('A label has only name, color and description');
  });
});
