/**
 * Release notes, pure: the orchestrator features section, and the three release_notes_template modes — automated
 * (fully generated), manual (a user template with placeholders) and hybrid (generated, with hand-written sections
 * between markers carried over from the previous text of the same release).
 */
import { OrchestratorGitError, quote } from '../errors.js';
import type { NotesContext, NotesTemplate, ReleasePlan } from './types.js';

export const NOTES_TEMPLATES: readonly NotesTemplate[] = ['automated', 'manual', 'hybrid'];

/** Placeholders of a manual template, each `{{name}}`. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  version: 'the version, e.g. 1.4.0',
  tag: 'the tag, e.g. v1.4.0',
  previous_tag: 'the previous release tag (empty for a first release)',
  date: 'the release date, YYYY-MM-DD',
  changes: 'the conventional-commit sections (Features, Bug Fixes, BREAKING CHANGES, …)',
  features: 'the orchestrator features section',
  compare_url: 'the link comparing the previous tag with this one (empty for a first release)',
  repository: 'the repository, e.g. acme/widgets',
};

/** A link to an item's issue, when it has one. */
export type IssueRef = (item: {
  kind: 'feature' | 'task';
  id: string;
}) => { number: number; url: string } | null;

/** Untrusted text on one Markdown line: no line breaks, no HTML comments that could fake a marker. */
function inline(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/<!--/g, '&lt;!--')
    .trim();
}

function ref(issue: { number: number; url: string } | null): string {
  return issue ? ` ([#${issue.number}](${issue.url}))` : '';
}

/** The "Orchestrator features" section: features by category with their completed tasks, then other tasks. */
export function renderFeatureSection(
  plan: Pick<ReleasePlan, 'groups'>,
  issueRef: IssueRef = () => null,
): string {
  if (plan.groups.length === 0) return '';
  const lines = ['### Orchestrator features', ''];
  for (const group of plan.groups) {
    lines.push(`#### ${inline(group.category)}`, '');
    for (const feature of group.features) {
      lines.push(
        `* **${inline(feature.title)}** (\`${inline(feature.id)}\`)${ref(issueRef({ kind: 'feature', id: feature.id }))}`,
      );
      for (const task of feature.tasks)
        lines.push(`  * ${inline(task.title)}${ref(issueRef({ kind: 'task', id: task.id }))}`);
    }
    for (const task of group.tasks)
      lines.push(`* ${inline(task.title)}${ref(issueRef({ kind: 'task', id: task.id }))}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

// ---- hand-written sections ------------------------------------------------------------------------------------

const SECTION =
  /<!-- orchestrator-git:manual ([\w-]+) -->\n?([\s\S]*?)<!-- \/orchestrator-git:manual \1 -->/g;

export function manualSection(name: string, content = ''): string {
  const body = content.trim() === '' ? '' : `${content.trim()}\n`;
  return `<!-- orchestrator-git:manual ${name} -->\n${body}<!-- /orchestrator-git:manual ${name} -->`;
}

/** Hand-written sections of a text, by name (the first occurrence of a name wins). */
export function readManualSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const match of text.replace(/\r\n/g, '\n').matchAll(SECTION)) {
    const name = match[1] ?? '';
    if (!sections.has(name)) sections.set(name, (match[2] ?? '').trim());
  }
  return sections;
}

/**
 * Fills the generated text's sections with hand-written content from earlier texts (the first that has the section
 * non-empty wins); a section found earlier but missing from the generated text is appended, so nothing is lost.
 */
export function preserveManualSections(generated: string, earlier: readonly string[]): string {
  const found = new Map<string, string>();
  for (const text of earlier) {
    for (const [name, content] of readManualSections(text)) {
      if (!found.has(name) || (found.get(name) === '' && content !== '')) found.set(name, content);
    }
  }
  const present = new Set<string>();
  const filled = generated.replace(SECTION, (_match, name: string, content: string) => {
    present.add(name);
    return manualSection(name, found.get(name) || content);
  });
  const missing = [...found].filter(([name, content]) => !present.has(name) && content !== '');
  if (missing.length === 0) return filled;
  return `${filled.trimEnd()}\n\n${missing.map(([name, content]) => manualSection(name, content)).join('\n\n')}`;
}

// ---- composing an entry ---------------------------------------------------------------------------------------

/** Checks a manual template once: every `{{placeholder}}` must be a known one. */
export function checkManualTemplate(template: string, file: string): void {
  const unknown = [...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(name in PLACEHOLDERS));
  if (unknown.length > 0) {
    throw new OrchestratorGitError(
      'CONFIG_INVALID',
      `The release notes template ${quote(file)} uses unknown placeholder${unknown.length === 1 ? '' : 's'} ${[...new Set(unknown)].map((name) => quote(`{{${name}}}`)).join(', ')}.`,
      `Use only ${Object.keys(PLACEHOLDERS)
        .map((name) => `{{${name}}}`)
        .join(', ')} (see docs/release.md).`,
    );
  }
}

function fill(template: string, context: NotesContext): string {
  const values: Record<string, string> = {
    version: context.version,
    tag: context.tag,
    previous_tag: context.previousTag ?? '',
    date: context.date,
    changes: context.changes.trim(),
    features: context.features.trim(),
    compare_url: context.compareUrl ?? '',
    repository: context.repository,
  };
  return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_match, name: string) => values[name] ?? '');
}

/** Blank-line separated parts, without empty ones; at most one blank line in a row. */
function joinParts(parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
}

export interface ComposeInput {
  template: NotesTemplate;
  context: NotesContext;
  /** The manual template's text (manual only). */
  manualTemplate?: string | null;
  /** Earlier texts of this release (its CHANGELOG entry, its platform release notes), for hand-written sections. */
  earlier?: readonly string[];
}

/**
 * The notes of a release, without the version heading (the platform release shows the version as its title, and the
 * CHANGELOG entry puts the heading above): automated and hybrid put the conventional sections, then the features.
 */
export function composeNotes(input: ComposeInput): string {
  const { context } = input;
  switch (input.template) {
    case 'automated':
      return joinParts([context.changes, context.features]);
    case 'hybrid':
      return preserveManualSections(
        joinParts([manualSection('highlights'), context.changes, context.features]),
        input.earlier ?? [],
      );
    case 'manual': {
      if (input.manualTemplate === undefined || input.manualTemplate === null) {
        throw new OrchestratorGitError(
          'CONFIG_INVALID',
          'release-notes-template is manual, but no template file was given.',
          'Set `notes-template-file` to a Markdown file with placeholders such as {{changes}} and {{features}} (see docs/release.md), or use release-notes-template: automated.',
        );
      }
      return preserveManualSections(joinParts([fill(input.manualTemplate, context)]), input.earlier ?? []);
    }
  }
}

/** The CHANGELOG entry: the version heading, then the notes. */
export function changelogEntry(heading: string, notes: string): string {
  return `${joinParts([heading, notes])}\n`;
}
