/**
 * The release settings, read once at the edge: the release-coordinator's own (version, notes template, changelog,
 * tag prefix, features, milestone) and the platform settings it shares with issue-sync.
 */
import { ISSUE_SYNC_SETTINGS, type RawSettings, type SettingName } from '../config/issue-sync.js';
import { parseBoolean } from '../config/values.js';
import { OrchestratorGitError, quote } from '../errors.js';
import type { ReleaseMilestone } from '../state/types.js';
import { NOTES_TEMPLATES } from './notes.js';
import type { NotesTemplate } from './types.js';

export type ReleaseAction = 'plan' | 'milestone' | 'changelog' | 'tag';
export const RELEASE_ACTIONS: readonly ReleaseAction[] = ['plan', 'milestone', 'changelog', 'tag'];

/** The release-coordinator's own settings, by input / flag name. */
export const RELEASE_SETTINGS = {
  'release-version': {
    help: 'The version to release (1.4.0 or v1.4.0). Empty: the suggested one (from the conventional commits and the completed features since the last release tag).',
    default: 'the suggestion',
  },
  'release-notes-template': {
    help: 'automated (generated), manual (notes-template-file with placeholders) or hybrid (generated, hand-written sections between markers kept on re-generation).',
    default: 'automated',
  },
  'notes-template-file': {
    help: 'Markdown template of the notes for release-notes-template: manual (placeholders in docs/release.md).',
    default: 'none',
  },
  'changelog-file': { help: 'The changelog updated in place (new release on top).', default: 'CHANGELOG.md' },
  'tag-prefix': { help: 'Prefix of release tags (v for v1.4.0; empty for 1.4.0).', default: 'v' },
  features: {
    help: 'Feature ids the release includes, comma-separated.',
    default: "the release milestone's features, else every completed feature not yet released",
  },
  milestone: { help: 'Title of the release milestone.', default: 'the tag, e.g. v1.4.0' },
  'due-on': { help: 'Due date of the release milestone, YYYY-MM-DD.', default: 'none' },
  'milestone-status': {
    help: 'Status of the release_milestones row the milestone step writes: planning or active.',
    default: 'active',
  },
  'release-date': {
    help: 'Date in the changelog heading, YYYY-MM-DD.',
    default: "the date already in this release's CHANGELOG entry, else today (UTC)",
  },
  'working-directory': { help: 'The git checkout to release.', default: 'the current directory' },
  prerelease: {
    help: 'Mark the platform release as a pre-release.',
    default: 'true for versions with a pre-release part (2.0.0-rc.1)',
  },
} as const satisfies Record<string, { help: string; default: string }>;

export type ReleaseSettingName = keyof typeof RELEASE_SETTINGS;

/** The issue-sync settings a release uses (platform, credentials, state). */
export const SHARED_SETTINGS: readonly SettingName[] = [
  'enabled',
  'dry-run',
  'state-file',
  'features-dir',
  'platform',
  'repository',
  'api-url',
  'token',
  'username',
  'gitlab-group',
  'multiple-assignees',
  'write-delay-ms',
];

export interface ReleaseSettings {
  version: string | null;
  notesTemplate: NotesTemplate;
  notesTemplateFile: string | null;
  changelogFile: string;
  tagPrefix: string;
  featureIds: string[] | null;
  milestone: string | null;
  dueOn: string | null;
  milestoneStatus: ReleaseMilestone['status'];
  date: string | null;
  workingDirectory: string | null;
  prerelease: boolean | null;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The shared settings among the inputs, for issue-sync's resolver. */
export function sharedInputs(inputs: Record<string, unknown>): RawSettings {
  const shared: RawSettings = {};
  for (const name of SHARED_SETTINGS) {
    const value = inputs[name];
    if (value !== undefined && value !== null && value !== '') shared[name] = value;
  }
  return shared;
}

/** Every setting a release run accepts: its own and the shared ones. */
export function releaseSettingNames(): string[] {
  return [...Object.keys(RELEASE_SETTINGS), ...SHARED_SETTINGS];
}

export function releaseSettingHelp(name: string): string {
  return (
    (RELEASE_SETTINGS as Record<string, { help: string }>)[name]?.help ??
    (ISSUE_SYNC_SETTINGS as Record<string, { help: string }>)[name]?.help ??
    ''
  );
}

export function parseReleaseSettings(inputs: Record<string, unknown>): ReleaseSettings {
  const text = (name: ReleaseSettingName): string | null => {
    const value = inputs[name];
    if (value === undefined || value === null) return null;
    const trimmed = String(value).trim();
    return trimmed === '' ? null : trimmed;
  };
  const notesTemplate = (text('release-notes-template') ?? 'automated') as NotesTemplate;
  if (!NOTES_TEMPLATES.includes(notesTemplate)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `release-notes-template ${quote(notesTemplate)} is not a notes template.`,
      `Use one of ${NOTES_TEMPLATES.join(', ')}.`,
    );
  }
  const date = (name: 'due-on' | 'release-date'): string | null => {
    const value = text(name);
    if (value !== null && !isCalendarDate(value)) {
      throw new OrchestratorGitError(
        'CONFIG_INVALID',
        `${name} ${quote(value)} is not a date.`,
        'Write the date as YYYY-MM-DD, e.g. 2026-12-31.',
      );
    }
    return value;
  };
  const status = text('milestone-status') ?? 'active';
  if (status !== 'planning' && status !== 'active') {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `milestone-status ${quote(status)} is not a status a planned release can have.`,
      'Use planning or active; the tag step marks the release completed.',
    );
  }
  const prefix =
    inputs['tag-prefix'] === undefined || inputs['tag-prefix'] === null
      ? 'v'
      : String(inputs['tag-prefix']).trim();
  if (!/^[A-Za-z0-9._/-]{0,40}$/.test(prefix)) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `tag-prefix ${quote(prefix)} cannot start a tag name.`,
      'Use letters, digits, dots, dashes, underscores or slashes, e.g. v or release/.',
    );
  }
  const features = text('features');
  const prerelease = text('prerelease');
  return {
    version: text('release-version'),
    notesTemplate,
    notesTemplateFile: text('notes-template-file'),
    changelogFile: text('changelog-file') ?? 'CHANGELOG.md',
    tagPrefix: prefix,
    featureIds:
      features === null
        ? null
        : features
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
    milestone: text('milestone'),
    dueOn: date('due-on'),
    milestoneStatus: status,
    date: date('release-date'),
    workingDirectory: text('working-directory'),
    prerelease: prerelease === null ? null : parseBoolean(prerelease, 'prerelease', 'input'),
  };
}
