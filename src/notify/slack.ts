/** A run's change digest as a Slack incoming-webhook message (Block Kit), within Slack's block and text limits. */
import { countLine, groupChanges, oneLine, safeUrl, type Change, type ChangeDigest } from './changes.js';

/** Slack's limits: blocks per message, characters per section text, characters of a header. */
export const SLACK_MAX_BLOCKS = 50;
export const SLACK_MAX_SECTION_TEXT = 3000;
export const SLACK_MAX_HEADER_TEXT = 150;

export type SlackTextObject = { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
export type SlackBlock =
  | { type: 'header'; text: SlackTextObject }
  | { type: 'section'; text: SlackTextObject }
  | { type: 'context'; elements: SlackTextObject[] }
  | { type: 'divider' };

export interface SlackMessage {
  /** The notification's fallback text (shown where blocks cannot be). */
  text: string;
  blocks: SlackBlock[];
}

/** Slack's mrkdwn control characters as entities: untrusted text can neither link nor mention (`<!channel>`). */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function changeLine(change: Change): string {
  const title = escapeMrkdwn(oneLine(change.title, 200));
  const reference = change.reference ? escapeMrkdwn(oneLine(change.reference, 40)) : null;
  const found = safeUrl(change.url);
  const url = found && found.length <= 1000 ? found.replace(/\|/g, '%7C') : null;
  const label = reference ? `${reference} ${title}` : title;
  const linked = url ? `<${url}|${label}>` : label;
  const detail = change.detail ? ` — _${escapeMrkdwn(oneLine(change.detail, 200))}_` : '';
  return `• ${linked}${detail}`;
}

export function buildSlackMessage(digest: ChangeDigest): SlackMessage {
  const heading = oneLine(`orchestrator-git ${digest.job}: ${digest.repository}`, SLACK_MAX_HEADER_TEXT);
  const summary = countLine(digest);
  const run = safeUrl(digest.runUrl);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: heading, emoji: false } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${escapeMrkdwn(summary)}${run ? ` · <${run.replace(/\|/g, '%7C')}|view the run>` : ''}`,
        },
      ],
    },
  ];
  // One block is kept back for the "and N more" line.
  const room = SLACK_MAX_BLOCKS - 1;
  let left = digest.changes.length;
  for (const group of groupChanges(digest.changes)) {
    if (blocks.length >= room) break;
    let text = `*${group.heading}* (${group.changes.length})`;
    let stop = false;
    for (const change of group.changes) {
      const line = changeLine(change);
      if (text.length + 1 + line.length > SLACK_MAX_SECTION_TEXT) {
        // A new section needs a block now and leaves one for the group's last section.
        if (blocks.length + 1 >= room) {
          stop = true;
          break;
        }
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
        text = line;
      } else {
        text = `${text}\n${line}`;
      }
      left -= 1;
    }
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
    if (stop) break;
  }
  if (left > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `… and ${left} more${run ? ' (see the run)' : ''}` }],
    });
  }
  return { text: `${heading} — ${summary}`, blocks };
}
