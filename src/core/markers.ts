/** The hidden markers that identify a managed issue and delimit the managed block of its body. */

export const MARKER_VERSION = 'v1';
export const BLOCK_END = '<!-- /orchestrator-git -->';

const MARKER_PATTERN = /<!-- orchestrator-git:v1 id=(\S+) hash=([0-9a-f]{16}) -->/;
/** Anything that claims to be our marker, well-formed or not. */
const MARKER_LIKE = /<!--\s*orchestrator-git:(?!\s*\/)/;

/** Ids are percent-encoded outside a small safe set, so no id can end the comment or split the marker. */
export function escapeId(itemKey: string): string {
  let out = '';
  for (const char of itemKey) {
    if (/^[A-Za-z0-9_.:~]$/.test(char)) out += char;
    else
      for (const byte of Buffer.from(char, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function unescapeId(escaped: string): string | null {
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}

export function formatMarker(itemKey: string, hash: string): string {
  return `<!-- orchestrator-git:${MARKER_VERSION} id=${escapeId(itemKey)} hash=${hash} -->`;
}

export type MarkerReading =
  | { kind: 'none' }
  | { kind: 'marker'; itemKey: string; hash: string; start: number; end: number }
  | { kind: 'malformed'; reason: string };

/** Finds our marker in an issue body; a marker-like comment that does not parse is reported as malformed. */
export function readMarker(body: string | null | undefined): MarkerReading {
  if (!body) return { kind: 'none' };
  const match = MARKER_PATTERN.exec(body);
  if (!match) {
    return MARKER_LIKE.test(body)
      ? { kind: 'malformed', reason: 'an orchestrator-git marker that does not parse' }
      : { kind: 'none' };
  }
  const itemKey = unescapeId(match[1] ?? '');
  if (itemKey === null || !/^(feature|task):./.test(itemKey)) {
    return {
      kind: 'malformed',
      reason: `an orchestrator-git marker with an invalid id ${JSON.stringify(match[1])}`,
    };
  }
  return {
    kind: 'marker',
    itemKey,
    hash: match[2] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  };
}
