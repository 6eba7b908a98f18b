/**
 * Projects v2 records of the GitHub emulator and the direct state access tests use (a human working in the web UI).
 *
 * Behaviour followed (GitHub docs "Using the API to manage Projects", the GraphQL reference, and community reports):
 * - A new project has the built-in fields Title, Assignees, Status (Todo, In Progress, Done), Labels, Linked pull
 *   requests, Milestone, Repository and Reviewers; only custom fields and Status take values through the API.
 * - `updateProjectV2Field` with `singleSelectOptions` replaces the whole option list: every option gets a new id and
 *   every item's value in that field is cleared (github.com/orgs/community/discussions/198803). The web UI's
 *   "add option" keeps ids; `addStatusOptionInUi` does that.
 * - Adding an issue that is already in the project returns the existing item.
 * - Project numbers are per owner; node ids look like GitHub's (PVT_…, PVTI_…, PVTF_…, PVTSSF_…, PVTIF_…); option
 *   ids are 8 hex digits.
 * - Who may reach projects: a GitHub App installation token (a `[bot]` login: GITHUB_TOKEN, app tokens) only an
 *   organisation's projects, and only when granted Projects permission (GITHUB_TOKEN never is); never a user's
 *   projects. A classic PAT needs the `read:project` scope to read and `project` to write.
 */
import type { Store } from '../store.js';

export type ProjectDataType =
  | 'TITLE'
  | 'ASSIGNEES'
  | 'LABELS'
  | 'LINKED_PULL_REQUESTS'
  | 'MILESTONE'
  | 'REPOSITORY'
  | 'REVIEWERS'
  | 'SINGLE_SELECT'
  | 'NUMBER'
  | 'DATE'
  | 'TEXT'
  | 'ITERATION';

export interface OptionRecord {
  id: string;
  name: string;
  color: string;
  description: string;
}

export interface IterationRecord {
  id: string;
  title: string;
  startDate: string;
  duration: number;
}

export interface FieldRecord {
  id: string;
  databaseId: number;
  name: string;
  dataType: ProjectDataType;
  options: OptionRecord[];
  iterations: IterationRecord[];
  createdAt: number;
  updatedAt: number;
}

export type ValueRecord =
  { optionId: string } | { number: number } | { date: string } | { text: string } | { iterationId: string };

export interface ItemRecord {
  id: string;
  databaseId: number;
  /** The issue it holds (`owner/name`, number), or null for a draft issue. */
  issue: { repo: string; number: number } | null;
  draftTitle: string | null;
  /** Field id → value. */
  values: Map<string, ValueRecord>;
  createdAt: number;
  updatedAt: number;
}

export interface ProjectRecord {
  id: string;
  databaseId: number;
  number: number;
  title: string;
  /** Owner login. */
  owner: string;
  closed: boolean;
  fields: FieldRecord[];
  items: ItemRecord[];
  createdAt: number;
  updatedAt: number;
}

export type ProjectAccess = 'read' | 'write';

function nodeId(prefix: string, id: number): string {
  return `${prefix}_lADO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

export class ProjectsState {
  readonly projects: ProjectRecord[] = [];
  /** Token → what it may do with projects (classic PAT scope, or the app's Projects permission). */
  readonly grants = new Map<string, ProjectAccess>();
  private optionSeq = 0x5f3a1c00;

  constructor(private readonly store: Store) {}

  /** Turns an account into an organisation (accounts are users unless said otherwise). */
  addOrganization(login: string): void {
    this.store.user(login).type = 'Organization';
  }

  /** `read` = `read:project` scope / Projects: read; `write` = `project` scope / Projects: read and write. */
  grantProjects(token: string, access: ProjectAccess): void {
    this.grants.set(token, access);
  }

  newOptionId(): string {
    this.optionSeq += 0x9e37;
    return (this.optionSeq & 0xffffffff).toString(16).padStart(8, '0').slice(-8);
  }

  createProject(owner: string, title: string): ProjectRecord {
    const now = this.store.now();
    const databaseId = this.store.allocateId();
    const number =
      1 + this.projects.filter((project) => project.owner.toLowerCase() === owner.toLowerCase()).length;
    const project: ProjectRecord = {
      id: nodeId('PVT', databaseId),
      databaseId,
      number,
      title,
      owner: this.store.user(owner).login,
      closed: false,
      fields: [],
      items: [],
      createdAt: now,
      updatedAt: now,
    };
    const builtIn: [string, ProjectDataType][] = [
      ['Title', 'TITLE'],
      ['Assignees', 'ASSIGNEES'],
      ['Status', 'SINGLE_SELECT'],
      ['Labels', 'LABELS'],
      ['Linked pull requests', 'LINKED_PULL_REQUESTS'],
      ['Milestone', 'MILESTONE'],
      ['Repository', 'REPOSITORY'],
      ['Reviewers', 'REVIEWERS'],
    ];
    for (const [name, dataType] of builtIn) {
      this.addField(
        project,
        name,
        dataType,
        name === 'Status'
          ? [
              { name: 'Todo', color: 'GREEN', description: "This item hasn't been started" },
              { name: 'In Progress', color: 'YELLOW', description: 'This is actively being worked on' },
              { name: 'Done', color: 'PURPLE', description: 'This has been completed' },
            ]
          : [],
      );
    }
    this.projects.push(project);
    return project;
  }

  addField(
    project: ProjectRecord,
    name: string,
    dataType: ProjectDataType,
    options: Omit<OptionRecord, 'id'>[] = [],
    iterations: Omit<IterationRecord, 'id'>[] = [],
  ): FieldRecord {
    const now = this.store.now();
    const databaseId = this.store.allocateId();
    const prefix = dataType === 'SINGLE_SELECT' ? 'PVTSSF' : dataType === 'ITERATION' ? 'PVTIF' : 'PVTF';
    const field: FieldRecord = {
      id: nodeId(prefix, databaseId),
      databaseId,
      name,
      dataType,
      options: options.map((option) => ({ ...option, id: this.newOptionId() })),
      iterations: iterations.map((iteration) => ({ ...iteration, id: this.newOptionId() })),
      createdAt: now,
      updatedAt: now,
    };
    project.fields.push(field);
    project.updatedAt = now;
    return field;
  }

  addItem(
    project: ProjectRecord,
    issue: { repo: string; number: number } | null,
    draftTitle: string | null = null,
  ): ItemRecord {
    if (issue) {
      const existing = project.items.find(
        (item) =>
          item.issue?.repo.toLowerCase() === issue.repo.toLowerCase() && item.issue.number === issue.number,
      );
      if (existing) return existing;
    }
    const now = this.store.now();
    const databaseId = this.store.allocateId();
    const item: ItemRecord = {
      id: nodeId('PVTI', databaseId),
      databaseId,
      issue,
      draftTitle,
      values: new Map(),
      createdAt: now,
      updatedAt: now,
    };
    project.items.push(item);
    project.updatedAt = now;
    return item;
  }

  // ---- direct access for tests (what a person does in the web UI) --------------------------------------------

  project(owner: string, number: number): ProjectRecord {
    const project = this.projects.find(
      (candidate) => candidate.owner.toLowerCase() === owner.toLowerCase() && candidate.number === number,
    );
    if (!project) throw new Error(`No project ${owner}/${number}.`);
    return project;
  }

  projectByTitle(owner: string, title: string): ProjectRecord | undefined {
    return this.projects.find(
      (candidate) => candidate.owner.toLowerCase() === owner.toLowerCase() && candidate.title === title,
    );
  }

  field(project: ProjectRecord, name: string): FieldRecord {
    const field = project.fields.find((candidate) => candidate.name === name);
    if (!field) throw new Error(`No field ${JSON.stringify(name)} in project ${project.title}.`);
    return field;
  }

  itemOfIssue(project: ProjectRecord, repo: string, number: number): ItemRecord | undefined {
    return project.items.find(
      (item) => item.issue?.repo.toLowerCase() === repo.toLowerCase() && item.issue.number === number,
    );
  }

  /** The value of a field on an item, as a person reads it: option name, number, date, text or iteration title. */
  valueOf(project: ProjectRecord, item: ItemRecord, fieldName: string): string | number | null {
    const field = this.field(project, fieldName);
    const value = item.values.get(field.id);
    if (!value) return null;
    if ('optionId' in value)
      return field.options.find((option) => option.id === value.optionId)?.name ?? null;
    if ('number' in value) return value.number;
    if ('date' in value) return value.date;
    if ('text' in value) return value.text;
    return field.iterations.find((iteration) => iteration.id === value.iterationId)?.title ?? null;
  }

  /** Sets a value like a person in the UI: by option name for single select fields. */
  setValueInUi(project: ProjectRecord, item: ItemRecord, fieldName: string, value: string | number): void {
    const field = this.field(project, fieldName);
    if (field.dataType === 'SINGLE_SELECT') {
      const option = field.options.find((candidate) => candidate.name === value);
      if (!option) throw new Error(`No option ${JSON.stringify(value)} in ${fieldName}.`);
      item.values.set(field.id, { optionId: option.id });
    } else if (field.dataType === 'NUMBER') item.values.set(field.id, { number: Number(value) });
    else if (field.dataType === 'DATE') item.values.set(field.id, { date: String(value) });
    else item.values.set(field.id, { text: String(value) });
    item.updatedAt = this.store.now();
  }

  /** The web UI's "+ Add option": the existing options keep their ids (and items their values). */
  addStatusOptionInUi(project: ProjectRecord, fieldName: string, name: string): void {
    const field = this.field(project, fieldName);
    field.options.push({ id: this.newOptionId(), name, color: 'GRAY', description: '' });
  }
}
