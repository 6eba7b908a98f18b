/**
 * A run's change digest as a Microsoft Teams message: an Adaptive Card (1.4) in the envelope a Teams workflow
 * ("Post to a channel when a webhook request is received") expects, kept well under Teams' 28 KB message limit.
 */
import { groupChanges, oneLine, safeUrl, type Change, type ChangeDigest } from './changes.js';

export const TEAMS_CARD_VERSION = '1.4';
/** Lines of changes per card; the rest is counted in an "and N more" line. */
export const TEAMS_MAX_CHANGES = 60;
/** Bytes of card JSON before the changes stop (Teams refuses messages over about 28 KB). */
export const TEAMS_MAX_BYTES = 24_000;

export type AdaptiveElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      size?: 'Medium' | 'Large';
      weight?: 'Bolder';
      spacing?: 'None' | 'Medium';
      isSubtle?: boolean;
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

export interface AdaptiveCard {
  $schema: string;
  type: 'AdaptiveCard';
  version: string;
  body: AdaptiveElement[];
  actions?: { type: 'Action.OpenUrl'; title: string; url: string }[];
  msteams: { width: 'Full' };
}

export interface TeamsMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: AdaptiveCard;
  }[];
}

/** Markdown control characters escaped, so a title can neither link nor format. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]()#~<>])/g, '\\$1');
}

function changeLine(change: Change): string {
  const title = escapeMarkdown(oneLine(change.title, 200));
  const reference = change.reference ? escapeMarkdown(oneLine(change.reference, 40)) : null;
  const found = safeUrl(change.url);
  const url = found && found.length <= 1000 ? found.replace(/\(/g, '%28').replace(/\)/g, '%29') : null;
  const label = reference ? `${reference} ${title}` : title;
  const detail = change.detail ? ` — _${escapeMarkdown(oneLine(change.detail, 200))}_` : '';
  return `- ${url ? `[${label}](${url})` : label}${detail}`;
}

export function buildTeamsMessage(digest: ChangeDigest): TeamsMessage {
  const groups = groupChanges(digest.changes);
  const body: AdaptiveElement[] = [
    {
      type: 'TextBlock',
      text: escapeMarkdown(oneLine(`orchestrator-git ${digest.job}: ${digest.repository}`, 200)),
      wrap: true,
      size: 'Medium',
      weight: 'Bolder',
    },
    {
      type: 'FactSet',
      facts: [
        ...groups.map((group) => ({ title: group.heading, value: String(group.changes.length) })),
        ...(digest.failed > 0 ? [{ title: 'Failed', value: String(digest.failed) }] : []),
      ],
    },
  ];
  let shown = 0;
  let bytes = JSON.stringify(body).length;
  outer: for (const group of groups) {
    const heading: AdaptiveElement = {
      type: 'TextBlock',
      text: `**${group.heading}**`,
      wrap: true,
      spacing: 'Medium',
    };
    body.push(heading);
    bytes += JSON.stringify(heading).length;
    for (const change of group.changes) {
      const line: AdaptiveElement = {
        type: 'TextBlock',
        text: changeLine(change),
        wrap: true,
        spacing: 'None',
      };
      const size = JSON.stringify(line).length;
      if (shown >= TEAMS_MAX_CHANGES || bytes + size > TEAMS_MAX_BYTES) break outer;
      body.push(line);
      bytes += size;
      shown += 1;
    }
  }
  const left = digest.changes.length - shown;
  if (left > 0) body.push({ type: 'TextBlock', text: `… and ${left} more`, wrap: true, isSubtle: true });
  const run = safeUrl(digest.runUrl);
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: TEAMS_CARD_VERSION,
    body,
    ...(run ? { actions: [{ type: 'Action.OpenUrl' as const, title: 'View the run', url: run }] } : {}),
    msteams: { width: 'Full' },
  };
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };
}
