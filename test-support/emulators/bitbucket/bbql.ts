/**
 * BBQL, Bitbucket's filter language (`q=`) and sort parameter (`sort=`), over a table of fields per resource.
 *
 * Documented behaviour followed ("Filtering and sorting", developer.atlassian.com/cloud/bitbucket/rest/intro/#filtering,
 * as quoted in gildas/bitbucket-cli#32 and used by public clients):
 * - `q` is a "simple language which resembles SQL": comparisons `field op value` joined with `AND` / `OR` and grouped
 *   with parentheses; operators `=`, `!=`, `~` (contains, case-insensitive), `!~`, `>`, `>=`, `<`, `<=`, `IN (…)`,
 *   `NOT IN (…)`.
 * - Values: double-quoted strings (with `\"` escapes), numbers, `null`, `true`/`false`, and bare ISO 8601 datetimes or
 *   dates (`updated_on > 2015-11-30T23:59:59.000-07:00`, `created_on >= 2017-03-15T10:49:10+00:00`; a bare date means
 *   midnight UTC). Nested fields use dots (`assignee.account_id`, `milestone.name`).
 * - `sort=field` ascending, `sort=-field` descending (e.g. `sort=-updated_on`).
 * - `priority` compares by rank (trivial < minor < major < critical < blocker), as the issue tracker sorts it.
 * - Errors: 400 in the error envelope. The exact messages Bitbucket uses for a malformed query or an unknown field were
 *   not found; the ones here ("Invalid query", "Invalid field name: …", "Invalid sort field: …") are this emulator's.
 */

import { apiError } from './http.js';

export type FieldValue = string | number | boolean | null;

export interface FieldSpec<T> {
  type: 'string' | 'number' | 'datetime' | 'boolean';
  get: (item: T) => FieldValue;
  /** Rank order for enums compared with `<`/`>` and sorted by rank. */
  order?: readonly string[];
}

export type FieldTable<T> = Record<string, FieldSpec<T>>;

type Token =
  | { kind: 'lparen' | 'rparen' | 'comma' }
  | { kind: 'op'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string };

type Literal = { kind: 'string'; value: string } | { kind: 'word'; value: string };

type Node =
  | { kind: 'and'; left: Node; right: Node }
  | { kind: 'or'; left: Node; right: Node }
  | { kind: 'cmp'; field: string; op: string; values: Literal[] };

function invalid(detail: string): never {
  throw apiError(400, 'Invalid query', { detail });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(') {
      tokens.push({ kind: 'lparen' });
      i += 1;
    } else if (ch === ')') {
      tokens.push({ kind: 'rparen' });
      i += 1;
    } else if (ch === ',') {
      tokens.push({ kind: 'comma' });
      i += 1;
    } else if (ch === '"') {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= source.length) invalid('Unterminated string literal.');
        const c = source[i] ?? '';
        if (c === '\\') {
          value += source[i + 1] ?? '';
          i += 2;
        } else if (c === '"') {
          i += 1;
          break;
        } else {
          value += c;
          i += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else {
      const op = /^(!=|!~|>=|<=|=|~|>|<)/.exec(source.slice(i));
      if (op?.[1]) {
        tokens.push({ kind: 'op', value: op[1] });
        i += op[1].length;
        continue;
      }
      const word = /^[A-Za-z0-9_.:+\-]+/.exec(source.slice(i));
      if (!word) invalid(`Unexpected character ${JSON.stringify(ch)} at position ${i}.`);
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.or();
    if (this.index < this.tokens.length) invalid('Unexpected input after the end of the expression.');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private keyword(word: string): boolean {
    const token = this.peek();
    if (token?.kind === 'word' && token.value.toUpperCase() === word) {
      this.index += 1;
      return true;
    }
    return false;
  }

  private or(): Node {
    let node = this.and();
    while (this.keyword('OR')) node = { kind: 'or', left: node, right: this.and() };
    return node;
  }

  private and(): Node {
    let node = this.primary();
    while (this.keyword('AND')) node = { kind: 'and', left: node, right: this.primary() };
    return node;
  }

  private primary(): Node {
    const token = this.peek();
    if (token?.kind === 'lparen') {
      this.index += 1;
      const node = this.or();
      if (this.peek()?.kind !== 'rparen') invalid('Missing closing parenthesis.');
      this.index += 1;
      return node;
    }
    if (token?.kind !== 'word') invalid('Expected a field name.');
    this.index += 1;
    const field = token.value;
    if (this.keyword('NOT')) {
      if (!this.keyword('IN')) invalid('Expected IN after NOT.');
      return { kind: 'cmp', field, op: 'NOT IN', values: this.list() };
    }
    if (this.keyword('IN')) return { kind: 'cmp', field, op: 'IN', values: this.list() };
    const op = this.peek();
    if (op?.kind !== 'op') invalid(`Expected an operator after ${field}.`);
    this.index += 1;
    return { kind: 'cmp', field, op: op.value, values: [this.literal()] };
  }

  private list(): Literal[] {
    if (this.peek()?.kind !== 'lparen') invalid('Expected ( after IN.');
    this.index += 1;
    const values = [this.literal()];
    while (this.peek()?.kind === 'comma') {
      this.index += 1;
      values.push(this.literal());
    }
    if (this.peek()?.kind !== 'rparen') invalid('Missing closing parenthesis.');
    this.index += 1;
    return values;
  }

  private literal(): Literal {
    const token = this.peek();
    if (token?.kind !== 'string' && token?.kind !== 'word') invalid('Expected a value.');
    this.index += 1;
    return token;
  }
}

function parseDate(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) invalid(`Invalid datetime: ${text}`);
  return ms;
}

/** Turns a literal into the comparable value for the field's type; `null` stays null. */
function coerce<T>(spec: FieldSpec<T>, literal: Literal): FieldValue {
  if (literal.kind === 'word' && literal.value === 'null') return null;
  switch (spec.type) {
    case 'number': {
      const n = Number(literal.value);
      if (literal.value.trim() === '' || Number.isNaN(n)) invalid(`Invalid number: ${literal.value}`);
      return n;
    }
    case 'datetime':
      return parseDate(literal.value);
    case 'boolean':
      if (literal.value !== 'true' && literal.value !== 'false') invalid(`Invalid boolean: ${literal.value}`);
      return literal.value === 'true';
    default:
      return literal.value;
  }
}

function rank<T>(spec: FieldSpec<T>, value: FieldValue): FieldValue {
  if (spec.order && typeof value === 'string') {
    const index = spec.order.indexOf(value);
    return index < 0 ? value : index;
  }
  return value;
}

function compare(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function test<T>(spec: FieldSpec<T>, actual: FieldValue, op: string, wanted: FieldValue[]): boolean {
  const first = wanted[0] ?? null;
  switch (op) {
    case '=':
      return actual === first;
    case '!=':
      return actual !== first;
    case '~':
    case '!~': {
      const contains =
        actual !== null &&
        first !== null &&
        String(actual).toLowerCase().includes(String(first).toLowerCase());
      return op === '~' ? contains : !contains;
    }
    case 'IN':
      return wanted.includes(actual);
    case 'NOT IN':
      return !wanted.includes(actual);
    default: {
      if (actual === null || first === null) return false;
      const diff = compare(rank(spec, actual), rank(spec, first));
      if (op === '>') return diff > 0;
      if (op === '>=') return diff >= 0;
      if (op === '<') return diff < 0;
      return diff <= 0;
    }
  }
}

function spec<T>(fields: FieldTable<T>, name: string): FieldSpec<T> {
  const found = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
  if (!found) throw apiError(400, `Invalid field name: ${name}`);
  return found;
}

/** Compiles `q` into a predicate, throwing a 400 for anything it cannot read. */
export function compileQuery<T>(q: string, fields: FieldTable<T>): (item: T) => boolean {
  const tree = new Parser(tokenize(q)).parse();
  const build = (node: Node): ((item: T) => boolean) => {
    if (node.kind === 'and' || node.kind === 'or') {
      const left = build(node.left);
      const right = build(node.right);
      return node.kind === 'and' ? (item) => left(item) && right(item) : (item) => left(item) || right(item);
    }
    const field = spec(fields, node.field);
    if (node.op === '~' || node.op === '!~') {
      if (field.type !== 'string') invalid(`Operator ${node.op} only applies to text fields.`);
    }
    const wanted = node.values.map((literal) => coerce(field, literal));
    return (item) => test(field, field.get(item), node.op, wanted);
  };
  return build(tree);
}

/** Compiles `sort` (`field` or `-field`) into a comparator; nulls sort first ascending. */
export function compileSort<T>(sort: string, fields: FieldTable<T>): (a: T, b: T) => number {
  const descending = sort.startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  const found = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
  if (!found) throw apiError(400, `Invalid sort field: ${name}`);
  const sign = descending ? -1 : 1;
  return (a, b) => {
    const x = rank(found, found.get(a));
    const y = rank(found, found.get(b));
    if (x === y) return 0;
    if (x === null) return -sign;
    if (y === null) return sign;
    return sign * compare(x, y);
  };
}
