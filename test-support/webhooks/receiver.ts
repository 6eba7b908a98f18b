/**
 * A local stand-in for Slack incoming webhooks and Microsoft Teams workflow webhooks, over real HTTP: it records each
 * message, checks its shape against what the services accept (Block Kit limits; the Adaptive Card envelope and
 * basics), and answers as the service would — Slack `200 ok` or `400 invalid_blocks`, Teams `202` or `400`. Faults
 * (a status, a delay past the client's timeout) can be armed per service.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WebhookService = 'slack' | 'teams';

export interface ReceivedMessage {
  service: WebhookService;
  path: string;
  contentType: string;
  body: unknown;
  /** Shape problems found; empty for a message the service would accept. */
  problems: string[];
}

export type WebhookFault = { kind: 'status'; status: number; body?: string } | { kind: 'delay'; ms: number };

const SLACK_BLOCK_TYPES = new Set([
  'header',
  'section',
  'context',
  'divider',
  'actions',
  'image',
  'rich_text',
]);
const ADAPTIVE_ELEMENT_TYPES = new Set([
  'TextBlock',
  'FactSet',
  'Container',
  'ColumnSet',
  'Image',
  'ImageSet',
  'ActionSet',
  'RichTextBlock',
  'Table',
]);

export class WebhookReceiver {
  readonly received: ReceivedMessage[] = [];
  private readonly faults = new Map<WebhookService, WebhookFault>();
  private readonly pending = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = createServer((request, response) => {
      void receiver?.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  /** A URL shaped like the service's (a secret path), served by this receiver. */
  slackUrl(secret = 'T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'): string {
    return `${this.url}/slack/services/${secret}`;
  }

  teamsUrl(secret = 'sig0123456789abcdefSECRET'): string {
    return `${this.url}/teams/workflows/abc123/triggers/manual/paths/invoke?api-version=1&sig=${secret}`;
  }

  fail(service: WebhookService, fault: WebhookFault): void {
    this.faults.set(service, fault);
  }

  messages(service: WebhookService): ReceivedMessage[] {
    return this.received.filter((message) => message.service === service);
  }

  async close(): Promise<void> {
    for (const response of this.pending) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '/';
    const service: WebhookService | null = path.startsWith('/slack/')
      ? 'slack'
      : path.startsWith('/teams/')
        ? 'teams'
        : null;
    if (!service || request.method !== 'POST') {
      response.writeHead(404).end('not found');
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    let body: unknown = null;
    const problems: string[] = [];
    if (!contentType.startsWith('application/json')) problems.push(`content-type is ${contentType}`);
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    } catch {
      problems.push('the body is not JSON');
    }
    if (body !== null) problems.push(...(service === 'slack' ? checkSlack(body) : checkTeams(body)));
    this.received.push({ service, path, contentType, body, problems });

    const fault = this.faults.get(service);
    if (fault?.kind === 'delay') {
      this.pending.add(response);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, fault.ms);
        response.once('close', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
      this.pending.delete(response);
      if (response.destroyed || response.writableEnded) return;
    } else if (fault?.kind === 'status') {
      response.writeHead(fault.status, { 'content-type': 'text/plain' }).end(fault.body ?? 'error');
      return;
    }
    if (problems.length > 0) {
      response
        .writeHead(400, { 'content-type': 'text/plain' })
        .end(service === 'slack' ? 'invalid_blocks' : 'Bad request');
      return;
    }
    if (service === 'slack') response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    else response.writeHead(202).end();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTextObject(value: unknown, where: string, max: number, plainOnly = false): string[] {
  if (!isObject(value)) return [`${where} is not a text object`];
  const problems: string[] = [];
  if (value.type !== 'plain_text' && (plainOnly || value.type !== 'mrkdwn'))
    problems.push(`${where}.type is ${String(value.type)}`);
  if (typeof value.text !== 'string' || value.text.length === 0) problems.push(`${where}.text is empty`);
  else if (value.text.length > max)
    problems.push(`${where}.text has ${value.text.length} characters (max ${max})`);
  return problems;
}

/** Block Kit as an incoming webhook accepts it: the limits that make Slack answer `invalid_blocks`. */
export function checkSlack(body: unknown): string[] {
  if (!isObject(body)) return ['the message is not an object'];
  const problems: string[] = [];
  if (typeof body.text !== 'string' || body.text === '') problems.push('no fallback text');
  const { blocks } = body;
  if (!Array.isArray(blocks) || blocks.length === 0) return [...problems, 'no blocks'];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  blocks.forEach((block: unknown, index) => {
    const where = `blocks[${index}]`;
    if (!isObject(block) || typeof block.type !== 'string' || !SLACK_BLOCK_TYPES.has(block.type)) {
      problems.push(`${where} has an unknown type`);
      return;
    }
    if (block.type === 'header') problems.push(...checkTextObject(block.text, `${where}.text`, 150, true));
    if (block.type === 'section') problems.push(...checkTextObject(block.text, `${where}.text`, 3000));
    if (block.type === 'context') {
      const { elements } = block;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
        problems.push(`${where}.elements must hold 1 to 10 elements`);
      else
        elements.forEach((element: unknown, at) =>
          problems.push(...checkTextObject(element, `${where}.elements[${at}]`, 3000)),
        );
    }
  });
  return problems;
}

/** A Teams workflow message: the attachment envelope and an Adaptive Card's basics. */
export function checkTeams(body: unknown): string[] {
  if (!isObject(body)) return ['the message is not an object'];
  const problems: string[] = [];
  if (body.type !== 'message') problems.push('type is not "message"');
  const { attachments } = body;
  if (!Array.isArray(attachments) || attachments.length === 0) return [...problems, 'no attachments'];
  attachments.forEach((attachment: unknown, index) => {
    const where = `attachments[${index}]`;
    if (!isObject(attachment)) {
      problems.push(`${where} is not an object`);
      return;
    }
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive')
      problems.push(`${where}.contentType is ${String(attachment.contentType)}`);
    const card = attachment.content;
    if (!isObject(card)) {
      problems.push(`${where}.content is not a card`);
      return;
    }
    if (card.type !== 'AdaptiveCard') problems.push(`${where}.content.type is ${String(card.type)}`);
    if (typeof card.version !== 'string' || !/^1\.([4-9]|\d{2,})$/.test(card.version))
      problems.push(`${where}.content.version is ${String(card.version)} (1.4 or later)`);
    const { body: elements } = card;
    if (!Array.isArray(elements) || elements.length === 0) {
      problems.push(`${where}.content.body is empty`);
      return;
    }
    elements.forEach((element: unknown, at) => {
      const place = `${where}.content.body[${at}]`;
      if (
        !isObject(element) ||
        typeof element.type !== 'string' ||
        !ADAPTIVE_ELEMENT_TYPES.has(element.type)
      ) {
        problems.push(`${place} has an unknown type`);
        return;
      }
      if (element.type === 'TextBlock' && (typeof element.text !== 'string' || element.text === ''))
        problems.push(`${place}.text is empty`);
      if (element.type === 'FactSet') {
        const { facts } = element;
        if (
          !Array.isArray(facts) ||
          !facts.every(
            (fact: unknown) =>
              isObject(fact) && typeof fact.title === 'string' && typeof fact.value === 'string',
          )
        )
          problems.push(`${place}.facts must be { title, value } strings`);
      }
    });
    if (card.actions !== undefined) {
      if (!Array.isArray(card.actions)) problems.push(`${where}.content.actions is not a list`);
      else
        card.actions.forEach((action: unknown, at) => {
          if (!isObject(action) || action.type !== 'Action.OpenUrl' || typeof action.url !== 'string')
            problems.push(`${where}.content.actions[${at}] is not an Action.OpenUrl with a url`);
        });
    }
  });
  if (JSON.stringify(body).length > 28_000) problems.push('the message is over 28 KB');
  return problems;
}
