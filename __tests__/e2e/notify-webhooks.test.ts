/**
 * End to end, in-process, over real HTTP: issue sync against the GitHub emulator with Slack and Teams webhooks served
 * by a local receiver that checks each message's shape. One digest per run that changed something, none otherwise;
 * a failing webhook is a warning that names the service and the status, never the URL, and never fails the sync.
 */
import type { GitHubEmulator } from '../../test-support/emulators/github/index.js';
import {
  STATE_DB,
  Workspace,
  outcomeOf,
  recordingLogger,
  rejection,
  setTaskStatus,
  startEmulator,
  syncInProcess,
  syncInputs,
  type LoggedLine,
} from '../../test-support/e2e/harness.js';
import { WebhookReceiver } from '../../test-support/webhooks/receiver.js';
import { executeIssueSync } from '../../src/engine/execute-issue-sync.js';

let emulator: GitHubEmulator;
let workspace: Workspace;
let receiver: WebhookReceiver;

beforeEach(async () => {
  emulator = await startEmulator();
  receiver = await WebhookReceiver.start();
  workspace = await Workspace.create();
  await workspace.copySample('v2-generic');
  await workspace.copyFeatures();
});
afterEach(async () => {
  await emulator.stop();
  await receiver.close();
  await workspace.dispose();
});

const SLACK_SECRET = 'T0SECRET/B0SECRET/slackSecretPart0123456789';
const TEAMS_SECRET = 'teamsSigSecret0123456789';

function webhookInputs() {
  return syncInputs(emulator, {
    'slack-webhook-url': receiver.slackUrl(SLACK_SECRET),
    'teams-webhook-url': receiver.teamsUrl(TEAMS_SECRET),
  });
}

/** Every logged line, and the assertion that none names a webhook or any part of its secret path. */
function expectNoSecret(lines: LoggedLine[], ...extra: string[]): void {
  const text = [...lines.map((line) => line.message), ...extra].join('\n');
  for (const secret of ['slackSecretPart0123456789', 'T0SECRET', TEAMS_SECRET, receiver.url]) {
    expect(text).not.toContain(secret);
  }
}

describe('one digest per run that changed something', () => {
  it('sends the created issues, with their links, to Slack and Teams; a run that changes nothing sends nothing', async () => {
    const { log, lines } = recordingLogger();
    const secrets: string[] = [];
    const result = await executeIssueSync({
      inputs: webhookInputs(),
      configPath: null,
      env: {},
      cwd: workspace.dir,
      log,
      runId: 'notify-1',
      onSecret: (secret) => secrets.push(secret),
    });
    if (result.kind !== 'synced') throw new Error('expected a sync');
    expect(result.outcome.counts.created).toBeGreaterThan(0);
    // The action masks what onSecret is given: the token and both webhook URLs.
    expect(secrets).toEqual(
      expect.arrayContaining([receiver.slackUrl(SLACK_SECRET), receiver.teamsUrl(TEAMS_SECRET)]),
    );
    expect(
      result.notifications?.map((delivery) => [delivery.service, delivery.delivered, delivery.status]),
    ).toEqual([
      ['Slack', true, 200],
      ['Microsoft Teams', true, 202],
    ]);

    const [slack] = receiver.messages('slack');
    const [teams] = receiver.messages('teams');
    expect(receiver.received).toHaveLength(2);
    expect(slack?.problems).toEqual([]);
    expect(teams?.problems).toEqual([]);
    const created = result.outcome.results.filter((entry) => entry.operation.kind === 'createIssue');
    const slackText = JSON.stringify(slack?.body);
    const teamsText = JSON.stringify(teams?.body);
    for (const entry of created) {
      expect(slackText).toContain(`<${entry.issue?.url}|#${entry.issue?.number} `);
      expect(teamsText).toContain(`](${entry.issue?.url})`);
    }
    expect(slackText).toContain(`*Created* (${created.length})`);
    expectNoSecret(lines);

    const again = outcomeOf(await syncInProcess(workspace, webhookInputs()));
    expect(again.plan.operations).toHaveLength(0);
    expect(receiver.received).toHaveLength(2);
  });

  it('reports a closed issue in the next run’s digest', async () => {
    outcomeOf(await syncInProcess(workspace, webhookInputs()));
    await setTaskStatus(workspace.path(STATE_DB), 'v2-generic', 'gt_root_0001', 'completed');
    const result = await syncInProcess(workspace, webhookInputs());
    const outcome = outcomeOf(result);
    expect(outcome.counts.closed).toBe(1);
    const last = receiver.messages('slack').at(-1);
    const text = JSON.stringify(last?.body);
    expect(text).toContain('*Closed* (1)');
    expect(text).not.toContain('*Created*');
    expect(last?.problems).toEqual([]);
  });

  it('a dry run sends nothing', async () => {
    const outcome = outcomeOf(await syncInProcess(workspace, { ...webhookInputs(), 'dry-run': 'true' }));
    expect(outcome.plan.operations.length).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(0);
  });

  it('takes the webhook URLs from SLACK_WEBHOOK_URL and TEAMS_WEBHOOK_URL', async () => {
    const result = await syncInProcess(workspace, syncInputs(emulator), {
      env: { SLACK_WEBHOOK_URL: receiver.slackUrl(), TEAMS_WEBHOOK_URL: receiver.teamsUrl() },
    });
    outcomeOf(result);
    expect(receiver.messages('slack')).toHaveLength(1);
    expect(receiver.messages('teams')).toHaveLength(1);
  });

  it('nothing configured: no notification and no request', async () => {
    const result = await syncInProcess(workspace, syncInputs(emulator));
    expect(result.kind === 'synced' && result.notifications).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('a failed notification is a warning, never a failed sync', () => {
  it.each([
    {
      name: 'Slack answers 500',
      arm: () => receiver.fail('slack', { kind: 'status', status: 500, body: `no_service ${SLACK_SECRET}` }),
      warning:
        /^Slack notification failed: HTTP 500 "no_service \[…]\/\[…]\/\[…]"\. The sync itself is unaffected\.$/,
      timeoutMs: undefined,
    },
    {
      name: 'Teams answers 403',
      arm: () => receiver.fail('teams', { kind: 'status', status: 403, body: 'Forbidden' }),
      warning: /^Microsoft Teams notification failed: HTTP 403 "Forbidden"/,
      timeoutMs: undefined,
    },
    {
      name: 'Slack does not answer in time',
      arm: () => receiver.fail('slack', { kind: 'delay', ms: 5_000 }),
      warning: /^Slack notification failed: no answer within 0\.3 s\./,
      timeoutMs: 300,
    },
  ])('$name', async ({ arm, warning, timeoutMs }) => {
    arm();
    const { log, lines } = recordingLogger();
    const result = await executeIssueSync({
      inputs: webhookInputs(),
      configPath: null,
      env: {},
      cwd: workspace.dir,
      log,
      runId: 'notify-fail',
      ...(timeoutMs !== undefined ? { notifyTimeoutMs: timeoutMs } : {}),
    });
    const outcome = outcomeOf(result);
    expect(outcome.counts.failed).toBe(0);
    expect(outcome.counts.created).toBeGreaterThan(0);
    expect(outcome.stateSaved).toBe(true);
    const warnings = lines.filter((line) => line.level === 'warning').map((line) => line.message);
    expect(warnings.filter((line) => warning.test(line))).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    // The other service still got its digest.
    const delivered = result.kind === 'synced' ? (result.notifications ?? []).filter((d) => d.delivered) : [];
    expect(delivered).toHaveLength(1);
    expectNoSecret(lines);
  });

  it('connection refused', async () => {
    const closed = await WebhookReceiver.start();
    const url = closed.slackUrl(SLACK_SECRET);
    await closed.close();
    const { log, lines } = recordingLogger();
    const outcome = outcomeOf(
      await syncInProcess(workspace, syncInputs(emulator, { 'slack-webhook-url': url }), { log }),
    );
    expect(outcome.counts.failed).toBe(0);
    expect(lines.map((line) => line.message)).toContain(
      'Slack notification failed: connection refused. The sync itself is unaffected.',
    );
    expect(lines.map((line) => line.message).join('\n')).not.toContain(url.split('/slack')[0]);
    expectNoSecret(lines);
  });
});

describe('webhook URLs are secrets', () => {
  it('a config file may not hold one, and the error does not repeat it', async () => {
    const url = receiver.slackUrl(SLACK_SECRET);
    await workspace.write('og.yml', `slack-webhook-url: ${url}\n`);
    const error = await rejection(syncInProcess(workspace, syncInputs(emulator), { configPath: 'og.yml' }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/slack-webhook-url.*secret/);
    expectNoSecret([], error.message, error.fix);
    expect(receiver.received).toHaveLength(0);
  });

  it('a URL that is not https is refused before any request, without being shown', async () => {
    const url = `ftp://hooks.example.test/services/${SLACK_SECRET}`;
    const error = await rejection(
      syncInProcess(workspace, syncInputs(emulator, { 'teams-webhook-url': url })),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(`${error.message} ${error.fix}`).not.toContain('slackSecretPart');
    expect(emulator.requests).toHaveLength(0);
  });
});
