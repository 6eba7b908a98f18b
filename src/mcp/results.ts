/**
 * What a tool call answers: a short text for the model, the same facts as structured content for programs, and
 * failures as tool errors (`isError`) carrying the catalogue's code, message and fix. Every answer passes through the
 * Redactor, so no token the server knows can reach a client.
 */
import { isOrchestratorGitError } from '../errors.js';

/** A failure as a client sees it: a catalogue code (or UNEXPECTED), what went wrong, how to fix it. */
export interface ToolFailure {
  code: string;
  message: string;
  fix: string;
}

/** One tool call's answer before it is redacted and framed. */
export interface ToolReport {
  /** A few lines for the model: what happened, item by item. */
  summary: string;
  /** The structured content: the same facts, typed. */
  data: Record<string, unknown>;
  /** Set when the call failed (the whole action, or some of its items). */
  failed?: boolean;
  error?: ToolFailure;
}

export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent: Record<string, unknown>;
  isError?: boolean;
}

/** The report of a call that failed with an error (a catalogue error, or anything else as UNEXPECTED). */
export function failureReport(error: unknown, data: Record<string, unknown> = {}): ToolReport {
  const failure: ToolFailure = isOrchestratorGitError(error)
    ? { code: error.code, message: error.message, fix: error.fix }
    : {
        code: 'UNEXPECTED',
        message: error instanceof Error ? error.message : String(error),
        fix: "This is a defect of orchestrator-git: report it with the server's log (its stderr).",
      };
  return { summary: '', data, failed: true, error: failure };
}

export function toToolResult(report: ToolReport, redactor: Redactor): ToolResult {
  const lines = [report.summary];
  if (report.error)
    lines.push(`${report.error.code}: ${report.error.message}`, `How to fix: ${report.error.fix}`);
  const structured = report.error ? { ...report.data, error: report.error } : report.data;
  return {
    content: [{ type: 'text', text: redactor.redact(lines.filter(Boolean).join('\n')) }],
    structuredContent: redactor.redactValue(structured),
    ...(report.failed || report.error ? { isError: true } : {}),
  };
}

/** Masks every secret it has been told of, wherever it appears in text or structured values. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | null | undefined): void {
    // Very short values would mask ordinary words; no real token is that short.
    if (secret && secret.trim().length >= 6) this.secrets.add(secret.trim());
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('***');
    return result;
  }

  /** A copy of a JSON value with every string (keys included) redacted. */
  redactValue<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.redact(key), this.walk(item)]),
      );
    return value;
  }
}

/** Adds notes (a parameter not used, a limit met) to a report: as `Note:` lines and as `notes` in the data. */
export function withNotes(report: ToolReport, notes: readonly string[]): ToolReport {
  if (notes.length === 0) return report;
  const earlier = Array.isArray(report.data.notes) ? (report.data.notes as string[]) : [];
  return {
    ...report,
    summary: [report.summary, ...notes.map((note) => `Note: ${note}`)].filter(Boolean).join('\n'),
    data: { ...report.data, notes: [...earlier, ...notes] },
  };
}
