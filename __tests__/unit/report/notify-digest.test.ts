/** The digest builders: Slack Block Kit and Teams Adaptive Card shapes, limits, and inert untrusted text. */
import type { Change, ChangeDigest, ChangeKind } from '../../../src/notify/changes.js';
import { buildSlackMessage, SLACK_MAX_BLOCKS, SLACK_MAX_SECTION_TEXT } from '../../../src/notify/slack.js';
import { buildTeamsMessage, TEAMS_MAX_CHANGES } from '../../../src/notify/teams.js';
import { checkSlack, checkTeams } from '../../../test-support/webhooks/receiver.js';

function change(kind: ChangeKind, n: number, overrides: Partial<Change> = {}): Change {
  return {
    kind,
    title: `Task ${n}`,
    itemKey: `task:${n}`,
    reference: `#${n}`,
    url: `https://github.com/acme/widgets/issues/${n}`,
    detail: kind === 'updated' ? 'labels, body' : null,
    ...overrides,
  };
}

function digest(changes: Change[], failed = 0): ChangeDigest {
  return {
    job: 'issue sync',
    repository: 'acme/widgets',
    runUrl: 'https://github.com/acme/widgets/actions/runs/42',
    changes,
    failed,
  };
}

const SAMPLE = digest(
  [
    change('created', 1),
    change('created', 2),
    change('closed', 3),
    change('reopened', 4),
    change('updated', 5),
    change('moved', 6, { detail: 'In progress → Done' }),
    change('released', 7, { title: 'v1.2.0', reference: null, itemKey: 'v1.2.0' }),
  ],
  1,
);

/** Every change line a Slack message shows. */
function slackLines(message: ReturnType<typeof buildSlackMessage>): string[] {
  return message.blocks.flatMap((block) =>
    block.type === 'section' ? block.text.text.split('\n').filter((line) => line.startsWith('• ')) : [],
  );
}

describe('Slack', () => {
  it('builds one section per kind of change, with links, that Slack accepts', () => {
    const message = buildSlackMessage(SAMPLE);
    expect(checkSlack(message)).toEqual([]);
    expect(message).toMatchSnapshot();
    expect(message.text).toBe(
      'orchestrator-git issue sync: acme/widgets — 2 created, 1 closed, 1 reopened, 1 updated, 1 moved, 1 released, 1 failed',
    );
  });

  it.each([100, 400, 3000])(
    'cuts %i long changes to 50 blocks of at most 3000 characters, "and N more"',
    (count) => {
      const changes = Array.from({ length: count }, (_, n) =>
        change((['created', 'closed', 'updated'] as const)[n % 3] ?? 'created', n, {
          title: `${'Long title '.repeat(15)}${n}`,
        }),
      );
      const message = buildSlackMessage(digest(changes));
      expect(checkSlack(message)).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
      for (const block of message.blocks)
        if (block.type === 'section')
          expect(block.text.text.length).toBeLessThanOrEqual(SLACK_MAX_SECTION_TEXT);
      const shown = slackLines(message).length;
      const last = message.blocks.at(-1);
      if (shown < count) {
        expect(last).toEqual({
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `… and ${count - shown} more (see the run)` }],
        });
      } else {
        expect(JSON.stringify(last)).not.toContain('more');
      }
      // Every change is either shown or counted, and a long digest fills the message rather than stopping early.
      expect(shown).toBeGreaterThan(count === 100 ? 99 : 300);
    },
  );

  it('keeps titles inert: no mention, no link, no markup from the state', () => {
    const message = buildSlackMessage(
      digest([
        change('created', 1, { title: '<!channel> see <https://evil.test|here> & <@U123>' }),
        change('created', 2, { url: 'javascript:alert(1)' }),
      ]),
    );
    const text = JSON.stringify(message.blocks);
    expect(text).not.toMatch(/<!channel>|<@U123>|<https:\/\/evil/);
    expect(text).toContain('&lt;!channel&gt; see &lt;https://evil.test|here&gt; &amp; &lt;@U123&gt;');
    expect(text).not.toContain('javascript:');
    expect(slackLines(message)[1]).toBe('• #2 Task 2');
  });
});

describe('Microsoft Teams', () => {
  it('wraps an Adaptive Card 1.4 in the workflow envelope, with a fact per kind of change', () => {
    const message = buildTeamsMessage(SAMPLE);
    expect(checkTeams(message)).toEqual([]);
    expect(message).toMatchSnapshot();
    const card = message.attachments[0]?.content;
    expect(card?.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'View the run',
        url: 'https://github.com/acme/widgets/actions/runs/42',
      },
    ]);
  });

  it('stays under the message size limit and counts what it leaves out', () => {
    const count = 500;
    const changes = Array.from({ length: count }, (_, n) => change('updated', n, { title: 'x'.repeat(180) }));
    const message = buildTeamsMessage(digest(changes));
    expect(checkTeams(message)).toEqual([]);
    const body = message.attachments[0]?.content.body ?? [];
    const lines = body.filter((element) => element.type === 'TextBlock' && element.text.startsWith('- '));
    expect(lines.length).toBeLessThanOrEqual(TEAMS_MAX_CHANGES);
    expect(body.at(-1)).toMatchObject({ type: 'TextBlock', text: `… and ${count - lines.length} more` });
  });

  it('escapes Markdown in titles so they cannot link or format', () => {
    const message = buildTeamsMessage(
      digest([change('created', 1, { title: '[click](https://evil.test) **bold**' })]),
    );
    const text = JSON.stringify(message);
    expect(text).not.toContain('[click](https://evil.test)');
    expect(text).toContain('\\\\[click\\\\]\\\\(https://evil.test\\\\) \\\\*\\\\*bold\\\\*\\\\*');
  });
});

describe('the receiver rejects what the services reject (so a passing test means something)', () => {
  it('Slack: too many blocks, an over-long section, an unknown block type', () => {
    const section = { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } };
    expect(
      checkSlack({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }),
    ).toContain('51 blocks (max 50)');
    expect(checkSlack({ text: 'x', blocks: [section] })).toEqual([
      'blocks[0].text.text has 3001 characters (max 3000)',
    ]);
    expect(checkSlack({ text: 'x', blocks: [{ type: 'table' }] })).toEqual(['blocks[0] has an unknown type']);
  });

  it('Teams: a bare card, an old version, an empty body', () => {
    expect(checkTeams({ type: 'AdaptiveCard', version: '1.4', body: [] })).toEqual([
      'type is not "message"',
      'no attachments',
    ]);
    const envelope = (content: unknown) => ({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
    });
    expect(
      checkTeams(
        envelope({ type: 'AdaptiveCard', version: '1.2', body: [{ type: 'TextBlock', text: 'x' }] }),
      ),
    ).toEqual(['attachments[0].content.version is 1.2 (1.4 or later)']);
    expect(checkTeams(envelope({ type: 'AdaptiveCard', version: '1.5', body: [] }))).toEqual([
      'attachments[0].content.body is empty',
    ]);
  });
});
