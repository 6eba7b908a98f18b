/** A board as the core sees it, whatever the platform: its fields, its cards and their values, by field name. */
import type { BoardFieldKind } from './templates.js';

export interface BoardFieldOption {
  id: string;
  name: string;
  /** Platform colour name (GitHub: GRAY, BLUE, …), kept when options are rewritten. */
  color?: string;
  description?: string;
}

export interface BoardIteration {
  id: string;
  title: string;
  /** YYYY-MM-DD. */
  startDate: string;
  /** Days. */
  duration: number;
}

export interface ActualBoardField {
  id: string;
  name: string;
  /** `other` for the platform's built-in fields (title, assignees, labels, …), which the sync never writes. */
  kind: BoardFieldKind | 'other';
  options: BoardFieldOption[];
  iterations: BoardIteration[];
}

export type CardValue =
  | { kind: 'option'; optionId: string; name: string }
  | { kind: 'number'; number: number }
  | { kind: 'date'; date: string }
  | { kind: 'text'; text: string }
  | { kind: 'iteration'; iterationId: string; title: string };

/** The issue a card holds: the identity of a card is its issue. */
export interface IssueRef {
  /** `owner/name` (GitHub) or the project path (GitLab). */
  repository: string;
  number: number;
  /** The platform's id of the issue (GitHub node id), when known: adding a card needs it. */
  contentId: string | null;
}

export interface ActualCard {
  id: string;
  /** null for a draft note or a pull request: never ours. */
  issue: { repository: string; number: number } | null;
  /** Field name → value; fields without a value are absent. */
  values: Record<string, CardValue>;
}

export interface ActualBoard {
  id: string;
  number: number;
  title: string;
  url: string;
  fields: ActualBoardField[];
  cards: ActualCard[];
  /** Title of the milestone the board is scoped to, null when none; absent where boards have no scope (GitHub). */
  milestone?: string | null;
}

export function issueKey(repository: string, number: number): string {
  return `${repository.toLowerCase()}#${number}`;
}
