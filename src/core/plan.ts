/** Diffs the desired issues against what the platform holds and returns a typed plan: the fewest writes that make them match. */
import { createHash } from 'node:crypto';
import type { ActualIssue, ActualMilestone, ActualState } from './actual.js';
import { composeBody, splitBody } from './body.js';
import { assembleBlock, type DesiredIssue, type DesiredMilestone, type DesiredState } from './desired.js';
import { isOwnedLabel, type DesiredLabel } from './labels.js';
import { BLOCK_END, formatMarker, readMarker } from './markers.js';
import type { SyncPolicy } from './policy.js';
import { BODY_LIMIT } from './text.js';

export interface IssueWrite {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  /** Milestone title; the engine resolves it to the platform's number. */
  milestone: string | null;
  /** The platform's own fields (see core/platform-fit.ts); absent when the platform has none. */
  attributes?: Record<string, string>;
}

export interface IssuePatch {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  milestone?: string | null;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened' | null;
  attributes?: Record<string, string>;
}

interface ItemOperationBase {
  itemKey: string;
  title: string;
  reason: string;
  /** Fingerprint of the owned fields after the write, carried by the marker. */
  hash: string;
  /** Assignees the tool will have set (so it can later remove only its own). */
  ownedAssignees: string[];
}

export type Operation =
  | { kind: 'createLabel'; label: DesiredLabel; reason: string }
  | { kind: 'createMilestone'; milestone: DesiredMilestone; reason: string }
  | (ItemOperationBase & {
      kind: 'createIssue';
      write: IssueWrite;
      /** Set when the item is already finished: the platform creates issues open, so a second write closes it. */
      thenClose: 'completed' | 'not_planned' | null;
    })
  | (ItemOperationBase & {
      kind: 'updateIssue';
      number: number;
      url: string;
      patch: IssuePatch;
      /** Field names that change, for the report. */
      fields: string[];
      change: 'updated' | 'closed' | 'reopened';
    });

export type IssueOperation = Extract<Operation, { kind: 'createIssue' | 'updateIssue' }>;

/** An item's issue as the plan (or a write) leaves it: what the engine records in the state. */
export interface PlannedLink {
  itemKey: string;
  number: number;
  url: string;
  issueId: string;
  /** Fingerprint of the owned fields on the issue. */
  hash: string;
  ownedAssignees: string[];
}

export interface PlanNote {
  itemKey: string | null;
  issueNumber: number | null;
  message: string;
}

export interface Plan {
  operations: Operation[];
  /** Items whose issue already matches (no write). */
  unchanged: PlannedLink[];
  /** Items not created (with why). */
  skipped: PlanNote[];
  /** Owned fields a human changed, left as they are under the `report` policy. */
  conflicts: PlanNote[];
  /** Managed issues whose item is no longer in the plan. */
  orphans: PlanNote[];
  /** Problems worth a warning: duplicate or malformed markers, unassignable logins, oversize bodies. */
  warnings: PlanNote[];
  /** Reads the plan needs before it is final; the engine performs them and plans again. */
  lookups: { labels: boolean; milestones: boolean; assignees: string[] };
}

export interface PlanContext {
  policy: SyncPolicy;
  /** Whether milestones the plan needs may be created (false: only existing ones are used, the rest reported). */
  createMilestones: boolean;
  /** itemKey → issue number, from the state's links (a cache: markers are the truth). */
  links: Map<string, number>;
  /** itemKey → assignees the tool set at its last write. */
  ownedAssignees: Map<string, string[]>;
}

/** Characters the marker, the end marker and their line breaks take in an item's body (ids can be long). */
function markerOverhead(itemKey: string): number {
  return formatMarker(itemKey, '0'.repeat(16)).length + BLOCK_END.length + 3;
}

/** The owned fields an issue's fingerprint covers. */
export interface FingerprintFields {
  title: string;
  block: string;
  labels: string[];
  milestone: string | null;
  state: 'open' | 'closed';
  attributes?: Record<string, string>;
}

function canonicalLabels(labels: string[]): string[] {
  return labels.map((label) => label.toLowerCase()).sort();
}

function canonicalAttributes(attributes: Record<string, string> | undefined): [string, string][] {
  return Object.entries(attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
}

export function fingerprint(fields: FingerprintFields): string {
  const parts: unknown[] = [
    fields.title,
    fields.block,
    canonicalLabels(fields.labels),
    fields.milestone,
    fields.state,
  ];
  const attributes = canonicalAttributes(fields.attributes);
  // Platforms without attributes keep the fingerprint they always had.
  if (attributes.length > 0) parts.push(attributes);
  const canonical = JSON.stringify(parts);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Whether two sets of fields have the same fingerprint, by comparing what it hashes (no hashing). */
export function sameFingerprintFields(a: FingerprintFields, b: FingerprintFields): boolean {
  if (a.title !== b.title || a.block !== b.block || a.milestone !== b.milestone || a.state !== b.state)
    return false;
  if (a.labels.length !== b.labels.length) return false;
  const labelsA = canonicalLabels(a.labels);
  const labelsB = canonicalLabels(b.labels);
  if (labelsA.some((label, index) => label !== labelsB[index])) return false;
  const attributesA = canonicalAttributes(a.attributes);
  const attributesB = canonicalAttributes(b.attributes);
  return (
    attributesA.length === attributesB.length &&
    attributesA.every(
      ([name, value], index) => name === attributesB[index]?.[0] && value === attributesB[index]?.[1],
    )
  );
}

/** The fingerprint an item's issue carries after the tool writes it with no free text around the block. */
export function nominalFingerprint(item: DesiredIssue): string {
  return fingerprint({
    title: item.title,
    block: assembleBlock(item.block, BODY_LIMIT - markerOverhead(item.itemKey)),
    labels: item.labels.map((label) => label.name),
    milestone: item.milestone?.title ?? null,
    state: item.state,
    attributes: item.attributes,
  });
}

interface Candidate {
  issue: ActualIssue;
  hash: string;
}

export function planSync(desired: DesiredState, actual: ActualState, context: PlanContext): Plan {
  const plan: Plan = {
    operations: [],
    unchanged: [],
    skipped: [],
    conflicts: [],
    orphans: [],
    warnings: [],
    lookups: { labels: false, milestones: false, assignees: [] },
  };
  const { candidatesByKey, toolAuthor } = indexMarkers(actual.issues, plan);
  const byNumber = new Map(actual.issues.map((issue) => [issue.number, issue]));
  const knownLabels = new Set(actual.labels ?? []);
  for (const issue of actual.issues) for (const label of issue.labels) knownLabels.add(label.toLowerCase());
  const knownMilestones = collectMilestones(actual);
  const labelsToCreate = new Map<string, DesiredLabel>();
  const milestonesToCreate = new Map<string, DesiredMilestone>();
  const issueOperations: Operation[] = [];
  const desiredKeys = new Set(desired.issues.map((issue) => issue.itemKey));
  const missingMilestones = new Set<string>();
  /** The item's milestone as it can be set: one the platform cannot create is left off until it exists. */
  const usableMilestone = (item: DesiredIssue): DesiredMilestone | null => {
    const wanted = item.milestone;
    if (!wanted || context.createMilestones || knownMilestones.has(wanted.title)) return wanted;
    // Not seen on any issue: the milestone list is read, and the plan made again, before deciding.
    if (actual.milestones === null) {
      plan.lookups.milestones = true;
      return wanted;
    }
    missingMilestones.add(wanted.title);
    return null;
  };

  for (const item of desired.issues) {
    const match = chooseIssue(
      item,
      candidatesByKey.get(item.itemKey) ?? [],
      toolAuthor,
      context,
      byNumber,
      plan,
    );
    const assignees = resolveAssignees(item, match?.issue ?? null, actual, context, plan);
    const milestone = usableMilestone(item);
    const milestoneTitle = milestone?.title ?? null;

    if (!match) {
      if (item.state === 'closed' && !context.policy.createCompleted) {
        plan.skipped.push({
          itemKey: item.itemKey,
          issueNumber: null,
          message: `${item.status} before its first sync; set create-completed to create closed issues for such items`,
        });
        continue;
      }
      const block = assembleBlock(
        item.block,
        BODY_LIMIT - markerOverhead(item.itemKey) - (context.policy.issueTemplate?.length ?? 0),
      );
      const hash = fingerprint({
        title: item.title,
        block,
        labels: item.labels.map((label) => label.name),
        milestone: milestoneTitle,
        state: item.state,
        attributes: item.attributes,
      });
      noteNeededLabels(item.labels, knownLabels, labelsToCreate);
      if (context.createMilestones) noteNeededMilestone(milestone, knownMilestones, milestonesToCreate);
      issueOperations.push({
        kind: 'createIssue',
        itemKey: item.itemKey,
        title: item.title,
        reason: context.links.has(item.itemKey)
          ? `linked issue #${context.links.get(item.itemKey)} is no longer in the repository`
          : `new ${item.kind} (${item.status})`,
        hash,
        ownedAssignees: assignees.owned,
        write: {
          title: item.title,
          body: composeBody(item.itemKey, hash, block, null, context.policy.issueTemplate ?? ''),
          labels: item.labels.map((label) => label.name),
          assignees: assignees.target,
          milestone: milestoneTitle,
          ...(Object.keys(item.attributes).length > 0 ? { attributes: item.attributes } : {}),
        },
        thenClose: item.state === 'closed' ? (item.stateReason ?? 'completed') : null,
      });
      continue;
    }

    const { issue } = match;
    const parts = splitBody(issue.body);
    const budget = BODY_LIMIT - markerOverhead(item.itemKey) - parts.before.length - parts.after.length;
    const block = assembleBlock(item.block, budget);
    const ownedActual = issue.labels.filter((label) => isOwnedLabel(context.policy, label));
    const desiredLabelNames = item.labels.map((label) => label.name);
    const targetLabels = reconcileLabels(issue.labels, ownedActual, desiredLabelNames);
    const milestoneChanges = milestoneTitle !== null && issue.milestone?.title !== milestoneTitle;
    const ownedAttributes = Object.fromEntries(
      Object.keys(item.attributes).map((name) => [name, issue.attributes?.[name] ?? '']),
    );
    const wanted: FingerprintFields = {
      title: item.title,
      block,
      labels: desiredLabelNames,
      milestone: milestoneTitle,
      state: item.state,
      attributes: item.attributes,
    };
    const found: FingerprintFields = {
      title: issue.title,
      block: parts.managed ?? '',
      labels: ownedActual,
      milestone: milestoneTitle === null ? null : (issue.milestone?.title ?? null),
      state: issue.state,
      // A field the platform leaves empty is not a human's change: it may be one the item owns only from now on.
      attributes: Object.fromEntries(Object.entries(ownedAttributes).filter(([, value]) => value !== '')),
    };
    const newHash = fingerprint(wanted);
    // An issue in step (most of them, on most runs) hashes the same fields: one hash instead of two.
    const actualHash = sameFingerprintFields(wanted, found) ? newHash : fingerprint(found);

    const patch: IssuePatch = {};
    const fields: string[] = [];
    if (issue.title !== item.title) {
      patch.title = item.title;
      fields.push('title');
    }
    if (parts.managed !== block || parts.unterminated || match.hash !== newHash) {
      // A linked issue that lost its block keeps all its text below the restored block.
      const around = parts.managed === null ? { ...parts, before: '', after: parts.before } : parts;
      patch.body = composeBody(item.itemKey, newHash, block, around);
      fields.push('body');
    }
    if (!sameSet(targetLabels, issue.labels)) {
      patch.labels = targetLabels;
      fields.push('labels');
      noteNeededLabels(
        item.labels.filter((label) => !issue.labels.some((name) => name.toLowerCase() === label.name)),
        knownLabels,
        labelsToCreate,
      );
    }
    if (!sameSet(assignees.target, issue.assignees)) {
      patch.assignees = assignees.target;
      fields.push('assignees');
    }
    if (milestoneChanges) {
      patch.milestone = milestoneTitle;
      fields.push('milestone');
      if (context.createMilestones) noteNeededMilestone(milestone, knownMilestones, milestonesToCreate);
    }
    const attributeChanges = Object.entries(item.attributes).filter(
      ([name, value]) => ownedAttributes[name] !== value,
    );
    if (attributeChanges.length > 0) {
      patch.attributes = Object.fromEntries(attributeChanges);
      for (const [name] of attributeChanges) fields.push(name === 'state' ? 'workflow state' : name);
    }
    let change: 'updated' | 'closed' | 'reopened' = 'updated';
    if (issue.state !== item.state) {
      patch.state = item.state;
      patch.stateReason = item.state === 'closed' ? (item.stateReason ?? 'completed') : 'reopened';
      change = item.state === 'closed' ? 'closed' : 'reopened';
      fields.push('state');
    } else if (item.state === 'closed' && item.stateReason && issue.stateReason !== item.stateReason) {
      patch.stateReason = item.stateReason;
      patch.state = 'closed';
      fields.push('state reason');
    }

    const link: PlannedLink = {
      itemKey: item.itemKey,
      number: issue.number,
      url: issue.url,
      issueId: issue.id,
      hash: newHash,
      ownedAssignees: assignees.owned,
    };
    const meaningful = fields.filter(
      (field) => field !== 'body' || parts.managed !== block || parts.unterminated,
    );
    if (meaningful.length === 0) {
      // Only the marker's hash is stale (a human reverted an edit, or an older hash): no write is owed.
      plan.unchanged.push({ ...link, hash: match.hash });
      continue;
    }
    const humanChanged = match.hash !== actualHash && parts.managed !== null;
    if (humanChanged && context.policy.conflictPolicy === 'report') {
      plan.conflicts.push({
        itemKey: item.itemKey,
        issueNumber: issue.number,
        message: `fields the tool owns were changed on the platform since the last sync; not overwritten (conflict-policy: report): ${meaningful.join(', ')}`,
      });
      continue;
    }
    issueOperations.push({
      kind: 'updateIssue',
      itemKey: item.itemKey,
      title: item.title,
      number: issue.number,
      url: issue.url,
      patch,
      fields: meaningful,
      change,
      hash: newHash,
      ownedAssignees: assignees.owned,
      reason: describeUpdate(item, meaningful, humanChanged),
    });
  }

  for (const [itemKey, candidates] of candidatesByKey) {
    if (desiredKeys.has(itemKey)) continue;
    const issue = candidates[0]?.issue;
    if (!issue) continue;
    if (context.policy.orphans === 'close' && issue.state === 'open') {
      issueOperations.push({
        kind: 'updateIssue',
        itemKey,
        title: issue.title,
        number: issue.number,
        url: issue.url,
        patch: { state: 'closed', stateReason: 'not_planned' },
        fields: ['state'],
        change: 'closed',
        hash: candidates[0]?.hash ?? '',
        ownedAssignees: context.ownedAssignees.get(itemKey) ?? [],
        reason: 'its item is no longer in the orchestrator plan (orphans: close)',
      });
    } else {
      plan.orphans.push({
        itemKey,
        issueNumber: issue.number,
        message: 'its item is no longer in the orchestrator plan; left as it is (orphans: leave)',
      });
    }
  }

  for (const title of missingMilestones) {
    plan.warnings.push({
      itemKey: null,
      issueNumber: null,
      message: `milestone ${JSON.stringify(title)} does not exist and this platform's API cannot create it; create it by hand (Bitbucket: Repository settings → Issues → Milestones) and the next run assigns it`,
    });
  }
  if (labelsToCreate.size && actual.labels === null) plan.lookups.labels = true;
  if (milestonesToCreate.size && actual.milestones === null) plan.lookups.milestones = true;
  for (const label of labelsToCreate.values()) {
    plan.operations.push({
      kind: 'createLabel',
      label,
      reason: 'label used by managed issues does not exist yet',
    });
  }
  for (const milestone of milestonesToCreate.values()) {
    plan.operations.push({
      kind: 'createMilestone',
      milestone,
      reason: 'release milestone does not exist yet',
    });
  }
  plan.operations.push(...issueOperations);
  return plan;
}

/**
 * Issues carrying a marker, by item; and the account that wrote most of them (the tool's own, which GitHub does
 * not otherwise tell an installation token): with links lost, its copy wins over a marker pasted by a person.
 */
function indexMarkers(
  issues: ActualIssue[],
  plan: Plan,
): { candidatesByKey: Map<string, Candidate[]>; toolAuthor: string | null } {
  const candidatesByKey = new Map<string, Candidate[]>();
  for (const issue of issues) {
    const marker = readMarker(issue.body);
    if (marker.kind === 'malformed') {
      plan.warnings.push({
        itemKey: null,
        issueNumber: issue.number,
        message: `issue carries ${marker.reason}; ignored`,
      });
      continue;
    }
    if (marker.kind !== 'marker') continue;
    const list = candidatesByKey.get(marker.itemKey) ?? [];
    list.push({ issue, hash: marker.hash });
    candidatesByKey.set(marker.itemKey, list);
  }
  const authors = new Map<string, number>();
  for (const list of candidatesByKey.values()) {
    list.sort((a, b) => a.issue.number - b.issue.number);
    for (const { issue } of list)
      if (issue.author) authors.set(issue.author, (authors.get(issue.author) ?? 0) + 1);
  }
  const toolAuthor = [...authors].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { candidatesByKey, toolAuthor };
}

/**
 * The linked issue wins; without a usable link, the oldest issue carrying the marker. Others carrying the same
 * marker (copies pasted by hand, or a spoofed marker) are reported and never written to.
 */
function chooseIssue(
  item: DesiredIssue,
  candidates: Candidate[],
  toolAuthor: string | null,
  context: PlanContext,
  byNumber: Map<number, ActualIssue>,
  plan: Plan,
): Candidate | null {
  const linked = context.links.get(item.itemKey);
  let chosen =
    candidates.find((candidate) => candidate.issue.number === linked) ??
    candidates.find((candidate) => toolAuthor !== null && candidate.issue.author === toolAuthor) ??
    candidates[0] ??
    null;
  if (!chosen && linked !== undefined) {
    const issue = byNumber.get(linked);
    if (issue) {
      // The linked issue lost its block (edited away by hand): adopt it again rather than create a duplicate.
      plan.warnings.push({
        itemKey: item.itemKey,
        issueNumber: linked,
        message: 'the linked issue no longer carries its orchestrator-git block; the block is restored',
      });
      chosen = { issue, hash: '' };
    }
  }
  for (const other of candidates) {
    if (other === chosen) continue;
    plan.warnings.push({
      itemKey: item.itemKey,
      issueNumber: other.issue.number,
      message: `also carries the marker of ${item.itemKey} (synced issue is #${chosen?.issue.number}); left alone`,
    });
  }
  return chosen;
}

function resolveAssignees(
  item: DesiredIssue,
  issue: ActualIssue | null,
  actual: ActualState,
  context: PlanContext,
  plan: Plan,
): { target: string[]; owned: string[] } {
  const current = issue?.assignees ?? [];
  const has = (list: string[], login: string) =>
    list.some((name) => name.toLowerCase() === login.toLowerCase());
  const previouslyOwned = context.ownedAssignees.get(item.itemKey) ?? [];
  const wanted: string[] = [];
  for (const login of item.assignees) {
    if (has(current, login)) {
      wanted.push(login);
      continue;
    }
    const assignable = actual.assignable.get(login.toLowerCase());
    if (assignable === undefined) {
      if (!plan.lookups.assignees.includes(login.toLowerCase()))
        plan.lookups.assignees.push(login.toLowerCase());
    } else if (assignable) {
      wanted.push(login);
    } else {
      plan.warnings.push({
        itemKey: item.itemKey,
        issueNumber: issue?.number ?? null,
        message: `${login} cannot be assigned in this repository (not a collaborator, or no such user); the rest of the issue is synced`,
      });
    }
  }
  // Keep every assignee a human added; remove only those the tool itself assigned and no longer wants.
  const kept = current.filter((login) => has(wanted, login) || !has(previouslyOwned, login));
  const target = [...kept, ...wanted.filter((login) => !has(kept, login))];
  return { target, owned: wanted };
}

function reconcileLabels(current: string[], ownedCurrent: string[], desired: string[]): string[] {
  const desiredLower = new Set(desired.map((name) => name.toLowerCase()));
  const stale = new Set(
    ownedCurrent.filter((name) => !desiredLower.has(name.toLowerCase())).map((name) => name.toLowerCase()),
  );
  const kept = current.filter((name) => !stale.has(name.toLowerCase()));
  const keptLower = new Set(kept.map((name) => name.toLowerCase()));
  return [...kept, ...desired.filter((name) => !keptLower.has(name.toLowerCase()))];
}

function sameSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const lower = new Set(b.map((value) => value.toLowerCase()));
  return a.every((value) => lower.has(value.toLowerCase()));
}

function collectMilestones(
  actual: ActualState,
): Map<string, ActualMilestone | { number: number; title: string }> {
  const known = new Map<string, ActualMilestone | { number: number; title: string }>();
  for (const issue of actual.issues) if (issue.milestone) known.set(issue.milestone.title, issue.milestone);
  for (const milestone of actual.milestones ?? []) known.set(milestone.title, milestone);
  return known;
}

function noteNeededLabels(
  labels: DesiredLabel[],
  known: Set<string>,
  toCreate: Map<string, DesiredLabel>,
): void {
  for (const label of labels) if (!known.has(label.name)) toCreate.set(label.name, label);
}

function noteNeededMilestone(
  milestone: DesiredMilestone | null,
  known: Map<string, unknown>,
  toCreate: Map<string, DesiredMilestone>,
): void {
  if (milestone && !known.has(milestone.title)) toCreate.set(milestone.title, milestone);
}

function describeUpdate(item: DesiredIssue, fields: string[], humanChanged: boolean): string {
  const what = `${item.status.replace(/_/g, ' ')}: ${fields.join(', ')} changed`;
  return humanChanged
    ? `${what}; restores fields a human changed (conflict-policy: orchestrator-wins)`
    : what;
}
