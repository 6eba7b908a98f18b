/**
 * Sends a run's change digest to the configured Slack and Teams webhooks. A webhook URL is a secret (whoever has it
 * can post to the channel), so no message here ever contains one; and a failed delivery is a warning, never an error
 * of the run that produced the changes.
 */
import type { Logger } from '../engine/logger.js';
import { logText } from '../engine/logger.js';
import type { ChangeDigest } from './changes.js';
import { buildSlackMessage } from './slack.js';
import { buildTeamsMessage } from './teams.js';

export type NotificationService = 'Slack' | 'Microsoft Teams';

export interface NotificationTargets {
  slackWebhookUrl: string | null;
  teamsWebhookUrl: string | null;
}

export interface DeliveryResult {
  service: NotificationService;
  delivered: boolean;
  /** The HTTP status of the answer, null when none came (timeout, connection refused). */
  status: number | null;
  /** Why it was not delivered, in words that never include the URL. */
  problem: string | null;
}

export const DEFAULT_NOTIFY_TIMEOUT_MS = 10_000;

export function hasNotificationTargets(targets: NotificationTargets): boolean {
  return Boolean(targets.slackWebhookUrl || targets.teamsWebhookUrl);
}

/**
 * Posts the digest to every configured webhook, concurrently; sends nothing when nothing changed. Each failure is
 * logged as a warning that names the service and the status.
 */
export async function deliverDigest(
  digest: ChangeDigest,
  targets: NotificationTargets,
  log: Logger,
  options: { timeoutMs?: number } = {},
): Promise<DeliveryResult[]> {
  if (digest.changes.length === 0) return [];
  const timeoutMs = options.timeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS;
  const sends: Promise<DeliveryResult>[] = [];
  if (targets.slackWebhookUrl) {
    sends.push(post('Slack', targets.slackWebhookUrl, buildSlackMessage(digest), timeoutMs));
  }
  if (targets.teamsWebhookUrl) {
    sends.push(post('Microsoft Teams', targets.teamsWebhookUrl, buildTeamsMessage(digest), timeoutMs));
  }
  const results = await Promise.all(sends);
  for (const result of results) {
    if (result.delivered) log.info(`${result.service} notified (${digest.changes.length} changes).`);
    else
      log.warning(
        `${result.service} notification failed: ${result.problem ?? 'unknown problem'}. The sync itself is unaffected.`,
      );
  }
  return results;
}

async function post(
  service: NotificationService,
  url: string,
  payload: unknown,
  timeoutMs: number,
): Promise<DeliveryResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      // A redirect could carry the message (and the URL's secret path) somewhere else.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => '');
    if (response.status >= 200 && response.status < 300) {
      return { service, delivered: true, status: response.status, problem: null };
    }
    const said = scrub(text, url);
    return {
      service,
      delivered: false,
      status: response.status,
      problem: `HTTP ${response.status}${said ? ` ${logText(said, 120)}` : ''}`,
    };
  } catch (error) {
    return { service, delivered: false, status: null, problem: describeNetworkError(error, timeoutMs) };
  }
}

/** The answer's text without the URL or any part of its path (a service may echo the request). */
function scrub(text: string, url: string): string {
  let scrubbed = text.split(url).join('[webhook]');
  try {
    const { pathname, search } = new URL(url);
    for (const part of [...pathname.split('/'), ...search.slice(1).split(/[&=]/)]) {
      if (part.length >= 6) scrubbed = scrubbed.split(part).join('[…]');
    }
  } catch {
    // An unparseable URL never reached the network.
  }
  return scrubbed.trim();
}

/**
 * A network failure in words: the error's own message may name the host and port, so only its code is kept. Read by
 * shape, not `instanceof`: fetch's errors may come from another realm (a test runner's VM context).
 */
function describeNetworkError(error: unknown, timeoutMs: number): string {
  const fields = (value: unknown): { name?: unknown; code?: unknown; cause?: unknown; errors?: unknown } =>
    typeof value === 'object' && value !== null ? value : {};
  const { name, cause } = fields(error);
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  // Node's connect may fail with an AggregateError (one error per address tried).
  const inner = fields(cause);
  const first = Array.isArray(inner.errors) ? fields(inner.errors[0]) : {};
  const found = inner.code ?? first.code;
  const code = typeof found === 'string' ? found : null;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host could not be resolved';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed before an answer';
    case null:
      return 'the request could not be sent';
    default:
      return `the request could not be sent (${code.replace(/[^A-Z0-9_]/g, '')})`;
  }
}
