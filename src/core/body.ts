/** Splits an issue body into the managed block and the free text around it, and puts them back together. */
import { BLOCK_END, formatMarker, readMarker } from './markers.js';

export interface BodyParts {
  /** Free text before the marker (usually empty). */
  before: string;
  /** The managed content between the marker line and the end marker, line endings normalised. */
  managed: string | null;
  /** Free text after the end marker: where humans write. */
  after: string;
  /** True when the marker was found but its end marker was not (the rest of the body is treated as managed). */
  unterminated: boolean;
}

/** Web edits come back with CRLF line endings; comparisons use LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function splitBody(body: string | null | undefined): BodyParts {
  const text = normaliseNewlines(body ?? '');
  const marker = readMarker(text);
  if (marker.kind !== 'marker') return { before: text, managed: null, after: '', unterminated: false };
  const contentStart = text[marker.end] === '\n' ? marker.end + 1 : marker.end;
  const endAt = text.indexOf(BLOCK_END, contentStart);
  if (endAt < 0) {
    return {
      before: text.slice(0, marker.start),
      managed: text.slice(contentStart),
      after: '',
      unterminated: true,
    };
  }
  const managed = text.slice(contentStart, endAt).replace(/\n$/, '');
  let afterStart = endAt + BLOCK_END.length;
  if (text[afterStart] === '\n') afterStart += 1;
  return { before: text.slice(0, marker.start), managed, after: text.slice(afterStart), unterminated: false };
}

/** The body with the managed block replaced (or added first) and every character of free text kept. */
export function composeBody(
  itemKey: string,
  hash: string,
  managed: string,
  existing: BodyParts | null,
  initialFreeText = '',
): string {
  const block = `${formatMarker(itemKey, hash)}\n${managed}\n${BLOCK_END}\n`;
  if (!existing) return initialFreeText ? `${block}\n${initialFreeText}` : block;
  return `${existing.before}${block}${existing.after}`;
}
