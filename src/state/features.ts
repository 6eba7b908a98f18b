/** Reads the orchestrator's feature specification files (Markdown, bold-line headers or YAML front matter). */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OrchestratorGitError, quote } from '../errors.js';
import { toIsoTimestamp, toPriority } from './columns.js';
import { compareIds } from './hierarchy.js';
import type { FeatureRecord, FeatureStatus, StateWarning } from './types.js';

export interface FeatureReadResult {
  /** In path order; one per feature id. */
  features: FeatureRecord[];
  warnings: StateWarning[];
}

/**
 * Reads every `*.md` below `dir` (any depth, in path order). README.md files and dot-folders are skipped. A file
 * without a feature id is a warning and skipped; when two files share an id the first by path wins.
 */
export async function readFeatures(dir: string): Promise<FeatureReadResult> {
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    throw new OrchestratorGitError(
      'FEATURES_DIR_NOT_FOUND',
      `The features folder ${quote(dir)} does not exist or is not a folder.`,
      'Point the features folder setting at the folder holding the feature specification files (e.g. docs/developers/planning/features), or leave it empty to sync tasks only.',
    );
  }
  const files = (await listMarkdown(dir, '')).sort(compareIds);
  const warnings: StateWarning[] = [];
  const features: FeatureRecord[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(path.join(dir, ...file.split('/')), 'utf8');
    } catch (error) {
      warnings.push({
        code: 'FEATURE_UNREADABLE',
        message: `Feature file ${quote(file)} could not be read (${(error as Error).message}); it is skipped.`,
        subject: file,
      });
      continue;
    }
    const fileWarnings: StateWarning[] = [];
    const feature = parseFeatureFile(text, file, fileWarnings);
    if (!feature) {
      warnings.push(...fileWarnings);
      continue;
    }
    const first = seen.get(feature.id);
    if (first !== undefined) {
      warnings.push({
        code: 'FEATURE_DUPLICATE_ID',
        message: `Feature id ${quote(feature.id)} is used by both ${quote(first)} and ${quote(file)}; ${quote(first)} is used.`,
        subject: file,
      });
      continue;
    }
    seen.set(feature.id, file);
    warnings.push(...fileWarnings);
    features.push(feature);
  }
  return { features, warnings };
}

async function listMarkdown(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, ...relative.split('/').filter(Boolean)), {
    withFileTypes: true,
  });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listMarkdown(root, rel)));
    else if (entry.isFile() && /\.md$/i.test(entry.name) && !/^readme\.md$/i.test(entry.name)) out.push(rel);
  }
  return out;
}

/** A header key normalised: "Feature ID" / "feature-id" / "feature_id" → "feature_id". */
function headerKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const BOLD_LINE = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*(.*)$/;

/** `**Key**: value` or `**Key:** value` → [key, value]; backticks around the value removed. */
function boldHeader(line: string): [string, string] | null {
  const m = BOLD_LINE.exec(line);
  if (!m) return null;
  let key = (m[1] ?? '').trim();
  let value = m[2] ?? '';
  if (key.endsWith(':')) key = key.slice(0, -1);
  else if (value.startsWith(':')) value = value.slice(1);
  else return null;
  return [headerKey(key), stripTicks(value.trim())];
}

function stripTicks(value: string): string {
  const m = /^`([^`]*)`$/.exec(value);
  return (m ? (m[1] ?? '') : value).trim();
}

const STATUS_WORDS: readonly [RegExp, FeatureStatus][] = [
  [/in[-_ ]?progress|implementing|in[-_ ]development|active/, 'in_progress'],
  [/research|proposed|proposal|draft|idea|planned|planning/, 'proposed'],
  [/approved|accepted|ready/, 'approved'],
  [/completed?|done|implemented|shipped|finished|released/, 'completed'],
  [/archived?|deprecated|rejected|superseded|cancell?ed|obsolete|withdrawn/, 'archived'],
];

/**
 * Status text → FeatureStatus by the earliest status word: "[COMPLETED] - shipped in 1.4.0" is completed,
 * "[RESEARCH]" proposed, "In Progress" / "In-Progress" / "[IN-PROGRESS]" in_progress. Undefined when none.
 */
export function toFeatureStatus(text: string): FeatureStatus | undefined {
  const lower = text.toLowerCase();
  let best: { index: number; status: FeatureStatus } | undefined;
  for (const [pattern, status] of STATUS_WORDS) {
    const m = new RegExp(`(?:^|[^a-z])(?:${pattern.source})(?![a-z])`).exec(lower);
    if (m && (best === undefined || m.index < best.index)) best = { index: m.index, status };
  }
  return best?.status;
}

const FOLDER_STATUS: Record<string, FeatureStatus> = {
  proposed: 'proposed',
  research: 'proposed',
  approved: 'approved',
  'in-progress': 'in_progress',
  in_progress: 'in_progress',
  inprogress: 'in_progress',
  completed: 'completed',
  complete: 'completed',
  done: 'completed',
  archived: 'archived',
  archive: 'archived',
};

const SPEC_BOILERPLATE =
  /^((?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f]+\s*)?)feature\s+specification\s*[:\-–—]\s*/iu;

/** The title from a heading: closing #s dropped, "Feature Specification:" boilerplate removed, emoji kept. */
export function featureTitle(heading: string): string {
  const text = heading.replace(/\s+#+\s*$/, '').trim();
  const m = SPEC_BOILERPLATE.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).trim();
  if (rest === '') return text;
  const emoji = (m[1] ?? '').trim();
  return emoji === '' ? rest : `${emoji} ${rest}`;
}

/**
 * Parses one feature file. `file` is its path relative to the features folder (forward slashes), used for the
 * prefix/folder status and in warnings. Returns null (with a warning) when the file has no feature id.
 */
export function parseFeatureFile(text: string, file: string, warnings: StateWarning[]): FeatureRecord | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let start = 0;
  let front: Record<string, unknown> = {};
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (end > 0) {
      start = end + 1;
      try {
        const parsed: unknown = parseYaml(lines.slice(1, end).join('\n'));
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
          for (const [k, v] of Object.entries(parsed)) front[headerKey(k)] = v;
        }
      } catch (error) {
        warnings.push({
          code: 'FEATURE_FRONT_MATTER_INVALID',
          message: `The front matter of ${quote(file)} is not valid YAML (${(error as Error).message.split('\n')[0] ?? ''}); it is ignored.`,
          subject: file,
        });
        front = {};
      }
    }
  }

  // The header zone: blank lines, the title heading, `**Key**: value` lines and rules, up to the first other line.
  const bold: Record<string, string> = {};
  let heading: string | undefined;
  let bodyStart = lines.length;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const h1 = /^#\s+(\S.*)$/.exec(line);
    // Blank lines, rules and empty `#` placeholders belong to the header zone.
    if (/^\s*(?:#+|-{3,}|\*{3,}|_{3,})?\s*$/.test(line)) continue;
    if (h1 && heading === undefined) {
      heading = h1[1];
      continue;
    }
    const kv = boldHeader(line);
    if (kv) {
      if (!(kv[0] in bold)) bold[kv[0]] = kv[1];
      continue;
    }
    bodyStart = i;
    break;
  }
  if (heading === undefined) {
    heading = lines
      .slice(bodyStart)
      .map((l) => /^#\s+(\S.*)$/.exec(l)?.[1])
      .find((h) => h !== undefined);
  }

  const field = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = front[key];
      if (typeof value === 'string' && value.trim() !== '') return stripTicks(value.trim());
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (value instanceof Date) return value.toISOString();
    }
    for (const key of keys) {
      const value = bold[key];
      if (value !== undefined && value !== '') return value;
    }
    return null;
  };

  const id = field('feature_id', 'id');
  if (id === null) {
    warnings.push({
      code: 'FEATURE_ID_MISSING',
      message: `${quote(file)} has no feature id (a **Feature ID**: line or feature_id in front matter); it is skipped.`,
      subject: file,
    });
    return null;
  }
  const label = `feature ${quote(id)} (${file})`;

  let title = heading === undefined ? '' : featureTitle(heading);
  if (title === '') {
    title = field('title') ?? id;
    if (field('title') === null) {
      warnings.push({
        code: 'FEATURE_TITLE_MISSING',
        message: `${label} has no # title; it is called ${quote(id)}.`,
        subject: id,
      });
    }
  }

  const rawPriority = field('priority');
  const priority = toPriority(rawPriority);
  if (priority === undefined) {
    warnings.push({
      code: 'FEATURE_PRIORITY_UNKNOWN',
      message: `${label} has priority ${quote(rawPriority)}, not critical, high, medium or low; read as none.`,
      subject: id,
    });
  }

  const rawCreated = field('created', 'created_at', 'date_created');
  const createdAt = toIsoTimestamp(rawCreated);
  if (createdAt === undefined) {
    warnings.push({
      code: 'FEATURE_DATE_INVALID',
      message: `${label} has created date ${quote(rawCreated)}, not a date; read as none.`,
      subject: id,
    });
  }

  const { status, rawStatus } = resolveStatus(field('status'), file, id, label, warnings);

  return {
    id,
    title,
    status,
    rawStatus,
    priority: priority ?? null,
    rawPriority,
    category: field('category'),
    estimatedEffort: field('estimated_effort', 'effort', 'estimate'),
    createdAt: createdAt ?? null,
    summary: summaryOf(lines.slice(bodyStart)),
    file,
    dependencies: dependenciesOf(front.dependencies ?? bold.dependencies),
  };
}

/** Header (or front matter) status wins over the file prefix, which wins over the folder; disagreement is a warning. */
function resolveStatus(
  header: string | null,
  file: string,
  id: string,
  label: string,
  warnings: StateWarning[],
): { status: FeatureStatus; rawStatus: string } {
  const parts = file.split('/');
  const name = parts[parts.length - 1] ?? '';
  const prefixText = /^\[([^\]]+)\]/.exec(name)?.[1];
  const folder = parts
    .slice(0, -1)
    .reverse()
    .find((p) => FOLDER_STATUS[p.toLowerCase()] !== undefined);

  const sources: { source: string; text: string; status: FeatureStatus | undefined }[] = [];
  if (header !== null) sources.push({ source: 'header', text: header, status: toFeatureStatus(header) });
  if (prefixText !== undefined) {
    sources.push({ source: 'file prefix', text: `[${prefixText}]`, status: toFeatureStatus(prefixText) });
  }
  if (folder !== undefined)
    sources.push({ source: 'folder', text: folder, status: FOLDER_STATUS[folder.toLowerCase()] });

  if (header !== null && sources[0]?.status === undefined) {
    warnings.push({
      code: 'FEATURE_STATUS_UNKNOWN',
      message: `${label} has status ${quote(header)}, which is not proposed, approved, in progress, completed or archived.`,
      subject: id,
    });
  }
  const chosen = sources.find((s) => s.status !== undefined);
  if (!chosen || chosen.status === undefined) {
    warnings.push({
      code: 'FEATURE_STATUS_UNKNOWN',
      message: `${label} states no status (header, file prefix or folder); read as proposed.`,
      subject: id,
    });
    return { status: 'proposed', rawStatus: header ?? '' };
  }
  const disagree = sources.filter((s) => s.status !== undefined && s.status !== chosen.status);
  if (disagree.length > 0) {
    const said = sources
      .filter((s) => s.status !== undefined)
      .map((s) => `${s.source} says ${s.status ?? ''} (${quote(s.text, 60)})`)
      .join(', ');
    warnings.push({
      code: 'FEATURE_STATUS_DISAGREES',
      message: `${label}: ${said}; using the ${chosen.source}'s ${chosen.status}. Move or rename the file to match.`,
      subject: id,
    });
  }
  return { status: chosen.status, rawStatus: chosen.text };
}

/** The body after the header, trimmed; empty `#` placeholder lines before it are dropped. */
function summaryOf(lines: string[]): string {
  let i = 0;
  while (i < lines.length && /^\s*#*\s*$/.test(lines[i] ?? '')) i++;
  return lines.slice(i).join('\n').trim();
}

function dependenciesOf(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[,;]/)
      : [];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const text = stripTicks(String(item).trim());
    if (text === '' || /^(none|n\/a|-|—)$/i.test(text) || out.includes(text)) continue;
    out.push(text);
  }
  return out;
}
