export const id = 942;
export const ids = [942];
export const modules = {

/***/ 6942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runReleaseAction: () => (/* binding */ runReleaseAction)
});

// UNUSED EXPORTS: run

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./build/src/core/policy.js
const DEFAULT_POLICY = {
    featureStatuses: ['approved', 'in_progress', 'completed', 'archived'],
    tasks: 'top-level',
    defaultLabels: ['orchestrator'],
    labelPrefixes: {
        type: 'type: ',
        status: 'status: ',
        priority: 'priority: ',
        category: 'category: ',
        specialist: 'specialist: ',
    },
    assigneeMap: {},
    team: {},
    conflictPolicy: 'orchestrator-wins',
    orphans: 'leave',
    createCompleted: false,
    neutraliseMentions: true,
    issueTemplate: null,
};

// EXTERNAL MODULE: ./build/src/errors.js
var errors = __webpack_require__(7406);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/src/core/text.js
/** Turns untrusted orchestrator text into safe issue titles and Markdown that pings nobody and cannot break our markers. */
const TITLE_LIMIT = 256;
const BODY_LIMIT = 65_536;
const LABEL_LIMIT = 50;
const ZERO_WIDTH_SPACE = '\u200b';
/** Removes NUL and other control characters (keeping newlines and tabs where `keepNewlines`). */
function stripControl(text, keepNewlines) {
    const pattern = keepNewlines ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g;
    return text.replace(pattern, keepNewlines ? '' : ' ');
}
/** Truncates to `limit` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
function truncate(text, limit, ellipsis = '…') {
    if (text.length <= limit)
        return text;
    let cut = limit - ellipsis.length;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut -= 1;
    return text.slice(0, cut) + ellipsis;
}
/** One line, no control characters, at most 256 characters, never empty. */
function safeTitle(text, fallback) {
    const line = stripControl(text, false).replace(/\s+/g, ' ').trim();
    return truncate(line || fallback, TITLE_LIMIT);
}
/**
 * Neutralises @mentions and references so that a sync never notifies anyone or cross-links issues: a zero-width
 * space after the sigil keeps the text readable and breaks the platform's autolinking. Covered: GitHub's `#12`,
 * `owner/repo#12` and `GH-12`; GitLab's `!12` (merge requests) and `&12` (epics), whose mention would add a
 * "mentioned in" note to them; Bitbucket's `#12` and `@name` like GitHub's.
 */
function neutraliseReferences(markdown) {
    // Most text has no sigil at all: skip the regular expressions (a 100,000-task state derives much faster).
    if (!/[@#!&]|GH-/.test(markdown))
        return markdown;
    return (markdown
        .replace(/(^|[^\w@/`])@([A-Za-z0-9][A-Za-z0-9-]*)/g, `$1@${ZERO_WIDTH_SPACE}$2`)
        // `#12` after a non-word character, or `owner/repo#12`; never an entity like `&#35;`.
        // (The lookbehind is bounded by GitHub's owner and repository name lengths, so it stays linear.)
        .replace(/(?<=^|[^&\w#]|[\w.-]{1,39}\/[\w.-]{1,100})#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
        .replace(/\bGH-(\d+)/g, `GH-${ZERO_WIDTH_SPACE}$1`)
        // GitLab: `!12` and `&12` after a non-word character (never an entity like `&#35;` or `&amp;`).
        .replace(/(?<=^|[^\w!&])([!&])(?=\d)/g, `$1${ZERO_WIDTH_SPACE}`));
}
/** HTML comments in untrusted text could forge or end our markers; they are shown as text instead. */
function escapeComments(markdown) {
    if (!markdown.includes('<!--') && !markdown.includes('-->'))
        return markdown;
    return markdown.replace(/<!--/g, '&lt;!--').replace(/-->/g, '--&gt;');
}
/** Untrusted Markdown made safe to place inside the managed block. */
function safeMarkdown(text, neutralise) {
    const clean = escapeComments(stripControl(text, true).replace(/\r\n?/g, '\n'));
    return neutralise ? neutraliseReferences(clean) : clean;
}
/** Text for one table cell or list item: one line, Markdown table pipes escaped. */
function inlineText(text, neutralise) {
    return safeMarkdown(text, neutralise).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

;// CONCATENATED MODULE: ./build/src/core/labels.js

/** GitHub's limit on a label's description (GitLab's is larger). */
const LABEL_DESCRIPTION_LIMIT = 100;
/** The placeholder a rule's name or description uses for the orchestrator's value. */
const VALUE_PLACEHOLDER = '{value}';
const COLOURS = {
    'status:approved': '0e8a16',
    'status:pending': 'c5def5',
    'status:in progress': 'fbca04',
    'status:completed': '0e8a16',
    'status:archived': 'bfdadc',
    'status:failed': 'b60205',
    'status:blocked': 'd93f0b',
    'status:cancelled': 'cfd3d7',
    'priority:critical': 'b60205',
    'priority:high': 'd93f0b',
    'priority:medium': 'fbca04',
    'priority:low': 'c2e0c6',
    'type:feature': 'a2eeef',
    'type:task': '5319e7',
};
const DIMENSION_COLOURS = {
    type: '5319e7',
    status: 'ededed',
    priority: 'fbca04',
    category: '1d76db',
    specialist: 'bfd4f2',
};
/** A label name GitHub accepts: one line, no commas (they split label filters), at most 50 characters. */
function labelName(text) {
    const clean = stripControl(text, false).replace(/,/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
    return truncate(clean, LABEL_LIMIT);
}
/** A value as rules name it: lower case, `_` and `-` as spaces, spaces collapsed (`in_progress` → `in progress`). */
function labelValue(value) {
    return value.replace(/[_-]/g, ' ').replace(/\s+/g, ' ').toLowerCase().trim();
}
function dimensionLabel(policy, dimension, value) {
    if (!value)
        return null;
    const rules = policy.labelRules?.[dimension];
    if (rules) {
        const key = labelValue(value);
        if (!key)
            return null;
        const listed = rules.labels.get(key);
        if (listed !== undefined)
            return listed === null ? null : ruleLabel(listed, dimension, key);
        if (rules.other !== undefined)
            return rules.other === null ? null : ruleLabel(rules.other, dimension, key);
    }
    const prefix = policy.labelPrefixes[dimension];
    if (prefix === null)
        return null;
    const valueText = value.replace(/_/g, ' ').toLowerCase().trim();
    if (!valueText)
        return null;
    return {
        name: labelName(`${prefix}${valueText}`),
        color: builtInColour(dimension, valueText),
        description: builtInDescription(dimension),
    };
}
function builtInColour(dimension, valueText) {
    return COLOURS[`${dimension}:${valueText}`] ?? DIMENSION_COLOURS[dimension];
}
function builtInDescription(dimension) {
    return `Orchestrator ${dimension}, kept in step by orchestrator-git`;
}
function ruleLabel(spec, dimension, key) {
    const fill = (text) => text.split(VALUE_PLACEHOLDER).join(key);
    return {
        name: labelName(fill(spec.name)),
        color: spec.color ?? builtInColour(dimension, key),
        description: truncate(stripControl(fill(spec.description ?? builtInDescription(dimension)), false), LABEL_DESCRIPTION_LIMIT),
    };
}
function defaultLabels(policy) {
    return policy.defaultLabels.map((name) => ({
        name: labelName(name),
        color: '6f42c1',
        description: 'Managed by orchestrator-git',
    }));
}
/**
 * True for labels the tool decides the presence of: its default labels and every label its rules can produce (the
 * prefix scheme's `<prefix><anything>`, a rule's exact name, an `other` rule's name around any value). Every other
 * label is a person's and is never removed.
 */
function isOwnedLabel(policy, name) {
    const lower = name.toLowerCase();
    if (policy.defaultLabels.some((label) => labelName(label) === lower))
        return true;
    return Object.keys(policy.labelPrefixes).some((dimension) => {
        const rules = policy.labelRules?.[dimension];
        if (rules) {
            for (const [key, spec] of rules.labels) {
                if (spec && ruleLabel(spec, dimension, key).name === lower)
                    return true;
            }
            if (rules.other === null)
                return false;
            if (rules.other !== undefined)
                return matchesTemplate(rules.other.name, lower);
        }
        const prefix = policy.labelPrefixes[dimension];
        return prefix !== null && prefix.trim() !== '' && lower.startsWith(prefix.toLowerCase());
    });
}
/** Whether a (lower-case) label name is the template's name around some value. */
function matchesTemplate(template, lower) {
    const at = template.indexOf(VALUE_PLACEHOLDER);
    if (at < 0)
        return labelName(template) === lower;
    const before = template.slice(0, at).toLowerCase().replace(/\s+/g, ' ').trimStart();
    const after = template
        .slice(at + VALUE_PLACEHOLDER.length)
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trimEnd();
    return lower.length > before.length + after.length && lower.startsWith(before) && lower.endsWith(after);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./build/src/board/plan.js


const plan_BOARD_ACTIONS = [
    'sync',
    'create_board',
    'add_to_board',
    'move_card',
    'update_progress',
    'sync_milestones',
];
/**
 * The temporary text field an options rewrite stashes the Status values in (on the board, so they outlive a killed
 * job): see docs/board-sync.md.
 */
const STATUS_STASH_FIELD = 'Status before options change (orchestrator-git)';
const OPTION_COLORS = {
    backlog: 'GRAY',
    'to do': 'BLUE',
    todo: 'BLUE',
    'in progress': 'YELLOW',
    blocked: 'RED',
    done: 'GREEN',
};
function optionColor(name) {
    return OPTION_COLORS[name.toLowerCase()] ?? 'PURPLE';
}
/** Column names match regardless of case and spacing, so GitHub's default "Todo" serves as "To Do". */
const sameColumn = (a, b) => a.toLowerCase().replace(/\s+/g, '') === b.toLowerCase().replace(/\s+/g, '');
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
function planBoard(input) {
    const { actual, template, action } = input;
    const plan = { setup: [], cards: [], unchanged: [], notes: [] };
    if (!actual) {
        plan.setup.push({ kind: 'createBoard', title: input.title, reason: 'no board with this title yet' });
    }
    if (actual && input.milestone && actual.milestone !== undefined && actual.milestone !== input.milestone) {
        plan.setup.push({
            kind: 'scopeBoard',
            milestone: input.milestone,
            reason: actual.milestone === null
                ? 'the board is not scoped to a milestone'
                : `the board is scoped to ${JSON.stringify(actual.milestone)}`,
        });
    }
    const fields = actual?.fields ?? [];
    /** Role → the board's field the sync writes, once it exists (or will exist after setup). */
    const usable = new Map();
    for (const spec of template.fields) {
        const field = fields.find((candidate) => same(candidate.name, spec.name)) ?? null;
        if (field && field.kind !== spec.kind) {
            plan.notes.push({
                itemKey: null,
                message: `The board's field ${JSON.stringify(field.name)} is ${describeKind(field.kind)}, not ${describeKind(spec.kind)}; the sync leaves it alone. Rename it (or delete it) to let the sync create its own.`,
            });
            continue;
        }
        if (!field && (!spec.create || (spec.kind === 'iteration' && !input.sprint))) {
            plan.notes.push({
                itemKey: null,
                message: `The board has no ${describeKind(spec.kind).replace(/^an? /, '')} field named ${JSON.stringify(spec.name)}; ${spec.description}`,
            });
            continue;
        }
        if (!field) {
            plan.setup.push({
                kind: 'createField',
                field: spec,
                options: spec.role === 'status' ? input.columns : [],
                ...(spec.kind === 'iteration' && input.sprint
                    ? {
                        sprints: layOutSprints(input.sprint.settings, input.cards.flatMap(({ card }) => (card.targetDate ? [card.targetDate] : [])), input.sprint.today),
                    }
                    : {}),
                reason: `the board has no ${spec.name} field`,
            });
        }
        else if (spec.role === 'status') {
            const stash = fields.find((candidate) => candidate.name === STATUS_STASH_FIELD);
            // Status by card id once the stash of a run that died is written back: never over a Status that is set.
            const recovered = new Map();
            if (stash) {
                const restore = (actual?.cards ?? []).flatMap((card) => {
                    const kept = card.values[STATUS_STASH_FIELD];
                    const option = !card.values[field.name] && kept?.kind === 'text'
                        ? field.options.find((candidate) => candidate.name === kept.text)
                        : undefined;
                    return option ? [{ cardId: card.id, optionId: option.id, option: option.name }] : [];
                });
                for (const entry of restore)
                    recovered.set(entry.cardId, entry.option);
                plan.setup.push({
                    kind: 'restoreStatusStash',
                    stashFieldId: stash.id,
                    fieldId: field.id,
                    fieldName: field.name,
                    restore,
                    reason: `a run that died while rewriting the ${JSON.stringify(field.name)} options left its stash field`,
                });
            }
            const missing = input.columns.filter((column) => !field.options.some((option) => sameColumn(option.name, column)));
            if (missing.length > 0) {
                plan.setup.push({
                    kind: 'addStatusOptions',
                    fieldId: field.id,
                    fieldName: field.name,
                    options: [
                        ...field.options.map((option) => ({
                            id: option.id,
                            name: option.name,
                            color: option.color ?? 'GRAY',
                            description: option.description ?? '',
                        })),
                        ...missing.map((name) => ({ name, color: optionColor(name), description: '' })),
                    ],
                    added: missing,
                    restore: (actual?.cards ?? []).flatMap((card) => {
                        const value = card.values[field.name];
                        if (value?.kind === 'option')
                            return [{ cardId: card.id, option: value.name }];
                        const option = recovered.get(card.id);
                        return option ? [{ cardId: card.id, option }] : [];
                    }),
                    reason: `the Status field lacks ${missing.map((name) => JSON.stringify(name)).join(', ')}`,
                });
            }
        }
        usable.set(spec.role, { spec, field });
    }
    if (action === 'create_board')
        return plan;
    const cardsByIssue = new Map();
    for (const card of actual?.cards ?? []) {
        if (card.issue)
            cardsByIssue.set(issueKey(card.issue.repository, card.issue.number), card);
    }
    for (const { card, issue } of input.cards) {
        const existing = cardsByIssue.get(issueKey(issue.repository, issue.number));
        const writes = wantedWrites(card, usable, action);
        const outside = action === 'move_card' ? null : outsideSprints(card, usable.get('sprint')?.field ?? null);
        if (outside)
            plan.notes.push({ itemKey: card.itemKey, message: outside });
        if (!existing) {
            if (action === 'move_card' || action === 'update_progress') {
                plan.notes.push({
                    itemKey: card.itemKey,
                    message: `#${issue.number} is not on the board; add_to_board (or a sync) adds it.`,
                });
                continue;
            }
            plan.cards.push({
                kind: 'addCard',
                itemKey: card.itemKey,
                title: card.title,
                issue,
                writes,
                reason: `#${issue.number} is not on the board (${card.column})`,
            });
            continue;
        }
        if (action === 'add_to_board') {
            plan.unchanged.push(card.itemKey);
            continue;
        }
        const changed = writes.filter((write) => !holds(existing.values[write.field], write.value));
        if (changed.length === 0) {
            plan.unchanged.push(card.itemKey);
            continue;
        }
        plan.cards.push({
            kind: 'updateCard',
            itemKey: card.itemKey,
            title: card.title,
            cardId: existing.id,
            writes: changed,
            reason: changed
                .map((write) => `${write.field} ${describeValue(existing.values[write.field])} → ${describeWrite(write.value)}`)
                .join(', '),
        });
    }
    return plan;
}
function wantedWrites(card, usable, action) {
    const writes = [];
    const roles = action === 'move_card'
        ? ['status']
        : action === 'update_progress'
            ? ['progress', 'target_date', 'release', 'sprint', 'estimate', 'spent']
            : ['status', 'progress', 'target_date', 'release', 'sprint', 'estimate', 'spent'];
    for (const role of roles) {
        const entry = usable.get(role);
        if (!entry)
            continue;
        const name = entry.field?.name ?? entry.spec.name;
        switch (role) {
            case 'status': {
                const option = entry.field?.options.find((candidate) => sameColumn(candidate.name, card.column));
                writes.push({ field: name, role, value: { option: option?.name ?? card.column } });
                break;
            }
            case 'progress':
                writes.push({ field: name, role, value: { number: card.progress } });
                break;
            case 'target_date':
                if (card.targetDate)
                    writes.push({ field: name, role, value: { date: card.targetDate } });
                break;
            case 'release':
                if (card.release)
                    writes.push({ field: name, role, value: { text: card.release } });
                break;
            case 'estimate':
            case 'spent': {
                // Only when time tracking is on (the template has the fields) and the item has a value.
                const hours = role === 'estimate' ? card.estimateHours : card.spentHours;
                if (hours !== undefined && hours !== null)
                    writes.push({ field: name, role, value: { number: hours } });
                break;
            }
            case 'sprint': {
                const iteration = card.targetDate ? iterationFor(entry.field, card.targetDate) : null;
                if (iteration)
                    writes.push({ field: name, role, value: { iterationId: iteration.id, title: iteration.title } });
                break;
            }
        }
    }
    return writes;
}
/** Why a card with a target date gets no Sprint: no iteration of the field holds the date (people plan them). */
function outsideSprints(card, field) {
    if (!field || field.kind !== 'iteration' || !card.targetDate)
        return null;
    const place = placeInSprints(field.iterations, card.targetDate);
    const fix = `Add sprints to the ${field.name} field in the web UI (field settings → Add iteration keeps the planned ones and their cards); the next sync fills it in.`;
    switch (place.kind) {
        case 'in':
            return null;
        case 'none':
            return `target date ${card.targetDate}: the ${field.name} field has no iterations, so the sync sets no ${field.name}. ${fix}`;
        case 'before':
            return `target date ${card.targetDate} is before the first sprint (${place.first.title} starts ${place.first.startDate}), so the sync sets no ${field.name}.`;
        case 'after':
            return `target date ${card.targetDate} is after the last sprint (${place.last.title} ends ${place.ends}), so the sync sets no ${field.name}. ${fix}`;
        case 'gap':
            return `target date ${card.targetDate} falls in a break between sprints, so the sync sets no ${field.name}.`;
    }
}
/** The iteration whose days contain `date` (YYYY-MM-DD). */
function iterationFor(field, date) {
    const day = Date.parse(`${date}T00:00:00Z`);
    for (const iteration of field?.iterations ?? []) {
        const start = Date.parse(`${iteration.startDate}T00:00:00Z`);
        if (day >= start && day < start + iteration.duration * 86_400_000)
            return iteration;
    }
    return null;
}
function holds(actual, wanted) {
    if (!actual)
        return false;
    if ('option' in wanted)
        return actual.kind === 'option' && sameColumn(actual.name, wanted.option);
    if ('number' in wanted)
        return actual.kind === 'number' && actual.number === wanted.number;
    if ('date' in wanted)
        return actual.kind === 'date' && actual.date.slice(0, 10) === wanted.date;
    if ('text' in wanted)
        return actual.kind === 'text' && actual.text === wanted.text;
    return actual.kind === 'iteration' && actual.iterationId === wanted.iterationId;
}
function describeWrite(value) {
    if ('option' in value)
        return value.option;
    if ('number' in value)
        return String(value.number);
    if ('date' in value)
        return value.date;
    if ('text' in value)
        return JSON.stringify(value.text);
    return value.title;
}
function describeValue(value) {
    if (!value)
        return '(empty)';
    switch (value.kind) {
        case 'option':
            return value.name;
        case 'number':
            return String(value.number);
        case 'date':
            return value.date;
        case 'text':
            return JSON.stringify(value.text);
        case 'iteration':
            return value.title;
    }
}
function describeKind(kind) {
    return ({
        single_select: 'a single select',
        number: 'a number',
        date: 'a date',
        text: 'a text',
        iteration: 'an iteration',
    }[kind] ?? 'a built-in');
}
function planIsEmpty(plan) {
    return plan.setup.length === 0 && plan.cards.length === 0;
}

;// CONCATENATED MODULE: ./build/src/board/status-mapping.js
/** The status mapping: every orchestrator status a board's cards can have → the column (Status option) it shows in. */

const FEATURE_CARD_STATUSES = [
    'proposed',
    'approved',
    'in_progress',
    'completed',
    'archived',
];
const TASK_CARD_STATUSES = [
    'pending',
    'in_progress',
    'completed',
    'failed',
    'blocked',
    'cancelled',
];
const ALL_STATUSES = [...new Set([...FEATURE_CARD_STATUSES, ...TASK_CARD_STATUSES])];
/** The seed's default (proposed → Backlog, approved → To Do, in_progress → In Progress, completed → Done), completed. */
const DEFAULT_STATUS_MAPPING = {
    proposed: 'Backlog',
    approved: 'To Do',
    pending: 'To Do',
    in_progress: 'In Progress',
    blocked: 'Blocked',
    failed: 'Blocked',
    completed: 'Done',
    cancelled: 'Done',
    archived: 'Done',
};
/** Statuses the cards of a template can have. */
function statusesFor(kinds) {
    const statuses = new Set();
    if (kinds.includes('feature'))
        for (const status of FEATURE_CARD_STATUSES)
            statuses.add(status);
    if (kinds.includes('task'))
        for (const status of TASK_CARD_STATUSES)
            statuses.add(status);
    return ALL_STATUSES.filter((status) => statuses.has(status));
}
/**
 * The mapping for a template: the default when none is given; a given mapping replaces the default and must map every
 * status the template's cards can have (an unmapped status is an error listing each one).
 */
function status_mapping_resolveStatusMapping(given, template) {
    const needed = statusesFor(template.cards);
    if (given === null)
        return { ...DEFAULT_STATUS_MAPPING };
    const mapping = {};
    for (const [rawKey, rawValue] of Object.entries(given)) {
        const key = rawKey.trim().toLowerCase().replace(/[- ]/g, '_');
        if (!ALL_STATUSES.includes(key)) {
            throw new OrchestratorGitError('CONFIG_INVALID', `status-mapping names ${quote(rawKey)}, which is not an orchestrator status.`, `Map only orchestrator statuses: ${ALL_STATUSES.join(', ')}.`);
        }
        const column = rawValue.trim();
        if (column === '' || column.length > 100) {
            throw new OrchestratorGitError('CONFIG_INVALID', `status-mapping maps ${quote(rawKey)} to ${quote(rawValue)}; a column name needs 1 to 100 characters.`, 'Give each status the name of its column, e.g. in_progress=In Progress.');
        }
        mapping[key] = column;
    }
    const missing = needed.filter((status) => mapping[status] === undefined);
    if (missing.length > 0) {
        throw new OrchestratorGitError('CONFIG_INVALID', `status-mapping leaves ${missing.length === 1 ? 'a status' : `${missing.length} statuses`} of ${template.type} cards unmapped: ${missing.join(', ')}.`, `Map every status of the board's cards (${needed.join(', ')}), e.g. ${missing.map((status) => `${status}=${DEFAULT_STATUS_MAPPING[status]}`).join(', ')}; or leave status-mapping empty for the default.`);
    }
    return { ...DEFAULT_STATUS_MAPPING, ...mapping };
}
/** The Status options the board needs: the template's columns that are used, in board order, then the mapping's others. */
function status_mapping_boardColumns(template, mapping) {
    const used = statusesFor(template.cards).map((status) => mapping[status]);
    const key = (name) => name.toLowerCase();
    const usedKeys = new Set(used.map(key));
    const columns = template.columns.filter((column) => usedKeys.has(key(column)));
    for (const column of used)
        if (!columns.some((known) => key(known) === key(column)))
            columns.push(column);
    return columns;
}

;// CONCATENATED MODULE: ./build/src/board/sprints.js
const sprints_DEFAULT_SPRINT_LENGTH = 14;
/** Never fewer than GitHub's web UI lays out for a new iteration field. */
const MIN_SPRINTS = 3;
/** A bound on what one field gets at creation (two years of two-week sprints). */
const MAX_SPRINTS = 52;
const DAY = 86_400_000;
function dayOf(date) {
    return Date.parse(`${date}T00:00:00Z`);
}
function dateOf(day) {
    return new Date(day).toISOString().slice(0, 10);
}
/** The Monday on or before `date` (YYYY-MM-DD). */
function mondayOnOrBefore(date) {
    const day = dayOf(date);
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    return dateOf(day - weekday * DAY);
}
/**
 * Sprints from the first start through the latest target date (at least MIN_SPRINTS, at most MAX_SPRINTS), titled
 * "Sprint 1", "Sprint 2", … `today` (YYYY-MM-DD) stands in for the earliest date when no card has one.
 */
function sprints_layOutSprints(settings, targetDates, today) {
    const dates = [...targetDates].sort();
    const startDate = settings.start ?? mondayOnOrBefore(dates[0] ?? today);
    const last = dates[dates.length - 1] ?? startDate;
    const needed = Math.floor((dayOf(last) - dayOf(startDate)) / DAY / settings.length) + 1;
    const count = Math.min(MAX_SPRINTS, Math.max(MIN_SPRINTS, needed));
    const iterations = Array.from({ length: count }, (_, index) => ({
        title: `Sprint ${index + 1}`,
        startDate: dateOf(dayOf(startDate) + index * settings.length * DAY),
        duration: settings.length,
    }));
    return { startDate, duration: settings.length, iterations };
}
/** Where a date stands against a field's iterations: in one, before the first, after the last, or in a gap. */
function sprints_placeInSprints(iterations, date) {
    if (iterations.length === 0)
        return { kind: 'none' };
    const day = dayOf(date);
    const sorted = [...iterations].sort((a, b) => a.startDate.localeCompare(b.startDate));
    for (const iteration of sorted) {
        const start = dayOf(iteration.startDate);
        if (day >= start && day < start + iteration.duration * DAY)
            return { kind: 'in', iteration };
    }
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (first && day < dayOf(first.startDate))
        return { kind: 'before', first };
    if (last && day >= dayOf(last.startDate) + last.duration * DAY)
        return { kind: 'after', last, ends: dateOf(dayOf(last.startDate) + (last.duration - 1) * DAY) };
    return { kind: 'gap' };
}

;// CONCATENATED MODULE: ./build/src/board/templates.js
/** The board types a user picks (`board-type`): which items become cards, which columns and which fields they get. */

const BOARD_TYPES = ['feature_development', 'release_planning', 'sprint_board'];
const STATUS = {
    role: 'status',
    name: 'Status',
    kind: 'single_select',
    create: true,
    description: "The card's column: the orchestrator status through the status mapping.",
};
const PROGRESS = {
    role: 'progress',
    name: 'Progress',
    kind: 'number',
    create: true,
    description: 'Per cent of subtasks completed (tasks) or of linked tasks completed (features), cancelled ones not counted; 100 once the item itself is completed.',
};
const TARGET_DATE = {
    role: 'target_date',
    name: 'Target date',
    kind: 'date',
    create: true,
    description: "The task's due date, else the target date of its feature's release milestone (release_milestones.target_date).",
};
const BOARD_TEMPLATES = {
    feature_development: {
        type: 'feature_development',
        description: 'Features and their top-level tasks, one column per stage of work.',
        cards: ['feature', 'task'],
        columns: ['Backlog', 'To Do', 'In Progress', 'Blocked', 'Done'],
        fields: [STATUS, PROGRESS],
    },
    release_planning: {
        type: 'release_planning',
        description: 'Features only, with the release they ship in and its target date.',
        cards: ['feature'],
        columns: ['Backlog', 'To Do', 'In Progress', 'Done'],
        fields: [
            STATUS,
            PROGRESS,
            TARGET_DATE,
            {
                role: 'release',
                name: 'Release',
                kind: 'text',
                create: true,
                description: 'Name of the release milestone that includes the feature (release_milestones).',
            },
        ],
    },
    sprint_board: {
        type: 'sprint_board',
        description: 'Top-level tasks, with a target date and, when the board has one, the sprint (iteration) it falls in.',
        cards: ['task'],
        columns: ['To Do', 'In Progress', 'Blocked', 'Done'],
        fields: [
            STATUS,
            PROGRESS,
            TARGET_DATE,
            {
                role: 'sprint',
                name: 'Sprint',
                kind: 'iteration',
                create: true,
                description: 'The iteration whose dates contain the target date. Created when missing with sprint-length sprints from sprint-start through the latest target date; its iterations are never rewritten (add more in the web UI).',
            },
        ],
    },
};
function templates_boardTemplate(type) {
    const normalised = type.trim().toLowerCase().replace(/[- ]/g, '_');
    const template = BOARD_TEMPLATES[normalised];
    if (!template) {
        throw new OrchestratorGitError('CONFIG_INVALID', `Board type ${quote(type)} is not known.`, `Set board-type to one of ${BOARD_TYPES.join(', ')} (docs/board-sync.md describes each).`);
    }
    return template;
}

;// CONCATENATED MODULE: ./build/src/board/config.js
/** board-sync's own settings, resolved once at the edge into typed config (the shared ones are issue-sync's). */





const BOARD_SYNC_SETTINGS = {
    'board-action': {
        help: `What to do: ${plan_BOARD_ACTIONS.join(', ')}. sync creates the board when missing, adds every card and keeps its fields in step; sync_milestones keeps milestones in step with release_milestones.`,
        default: 'sync',
    },
    'board-type': {
        help: `Board template: ${BOARD_TYPES.join(', ')} (columns and fields in docs/board-sync.md).`,
        default: 'feature_development',
    },
    'board-title': {
        help: 'Title of the board, found by exact title and created when missing.',
        default: '"<repository name> · <board type>", e.g. "widgets · feature development"',
    },
    'board-owner': {
        help: 'GitHub: user or organisation that owns the project.',
        default: 'the repository owner',
    },
    'board-number': {
        help: 'GitHub: number of an existing project (…/projects/N) to use instead of finding it by title; it must exist.',
        default: 'none (found by title)',
    },
    'status-mapping': {
        help: 'Orchestrator status → column, as status=Column lines or a JSON object; replaces the default and must map every status of the board’s cards.',
        default: 'proposed=Backlog, approved=To Do, pending=To Do, in_progress=In Progress, blocked=Blocked, failed=Blocked, completed=Done, cancelled=Done, archived=Done',
    },
    'board-scope': {
        help: 'GitLab: `project` (a project issue board) or `group` (a board of the gitlab-group group, whose lists are group labels; cards are still the project’s issues).',
        default: 'project',
    },
    'board-milestone': {
        help: 'GitLab: title of a release milestone the board is scoped to (GitLab Premium); the board shows, and the sync keeps, only the cards of items in that release.',
        default: 'none (the board shows every card)',
    },
    'sprint-length': {
        help: 'sprint_board on GitHub: days per sprint of the Sprint iteration field the sync creates when the board has none (1–180). An existing Sprint field is used as it is.',
        default: String(sprints_DEFAULT_SPRINT_LENGTH),
    },
    'sprint-start': {
        help: 'sprint_board on GitHub: first day (YYYY-MM-DD) of the first sprint of a Sprint field the sync creates.',
        default: 'the Monday on or before the earliest target date among the cards (or today)',
    },
};
function resolveBoardSettings(raw, repository) {
    const text = (name) => {
        const value = raw[name];
        if (value === undefined || value === null || value === '')
            return null;
        if (typeof value !== 'string' && typeof value !== 'number') {
            throw new OrchestratorGitError('CONFIG_INVALID', `Setting ${quote(name)} must be text, not ${JSON.stringify(value)}.`, `Correct ${name}; docs/board-sync.md lists every board setting.`);
        }
        return String(value).trim();
    };
    const action = (text('board-action') ?? 'sync').toLowerCase().replace(/-/g, '_');
    if (!BOARD_ACTIONS.includes(action)) {
        throw new OrchestratorGitError('CONFIG_INVALID', `board-action ${quote(action)} is not a board action.`, `Use one of ${BOARD_ACTIONS.join(', ')}.`);
    }
    const template = boardTemplate(text('board-type') ?? 'feature_development');
    const mappingText = text('status-mapping');
    const mapping = resolveStatusMapping(mappingText === null ? null : parseMapping(mappingText), template);
    const numberText = text('board-number');
    if (numberText !== null && !/^[1-9]\d{0,8}$/.test(numberText)) {
        throw new OrchestratorGitError('CONFIG_INVALID', `board-number ${quote(numberText)} is not a project number.`, "Give the number at the end of the project's URL (…/projects/7 → 7), or leave it empty to find the board by title.");
    }
    const scope = (text('board-scope') ?? 'project').toLowerCase();
    if (scope !== 'project' && scope !== 'group') {
        throw new OrchestratorGitError('CONFIG_INVALID', `board-scope ${quote(scope)} is not a board scope.`, 'Use project (a project issue board, the default) or group (a board of the gitlab-group group).');
    }
    const milestone = text('board-milestone');
    const name = repository.split('/').pop() ?? repository;
    const title = text('board-title') ??
        `${name} · ${template.type.replace(/_/g, ' ')}${milestone === null ? '' : ` · ${milestone}`}`;
    if (title.length > 256) {
        throw new OrchestratorGitError('CONFIG_INVALID', `board-title is ${title.length} characters long.`, 'Use a title of at most 256 characters.');
    }
    return {
        action: action,
        template,
        mapping,
        columns: boardColumns(template, mapping),
        title,
        owner: text('board-owner'),
        number: numberText === null ? null : Number(numberText),
        sprint: resolveSprintSettings(text('sprint-length'), text('sprint-start')),
        scope,
        milestone,
    };
}
function resolveSprintSettings(length, start) {
    if (length !== null && !(/^\d{1,3}$/.test(length) && Number(length) >= 1 && Number(length) <= 180)) {
        throw new OrchestratorGitError('CONFIG_INVALID', `sprint-length ${quote(length)} is not a number of days from 1 to 180.`, 'Give the days per sprint as a whole number, e.g. 14 for two-week sprints.');
    }
    if (start !== null && !isCalendarDate(start)) {
        throw new OrchestratorGitError('CONFIG_INVALID', `sprint-start ${quote(start)} is not a date (YYYY-MM-DD).`, 'Give the first day of the first sprint as YYYY-MM-DD, e.g. 2026-03-02, or leave it empty.');
    }
    return { length: length === null ? DEFAULT_SPRINT_LENGTH : Number(length), start };
}
function isCalendarDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return false;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
/** `status=Column` lines (or commas), or a JSON object. */
function parseMapping(value) {
    const trimmed = value.trim();
    if (trimmed.startsWith('{')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch {
            parsed = null;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
            throw new OrchestratorGitError('CONFIG_INVALID', 'status-mapping is not a valid JSON object.', 'Write it as status=Column lines, or as a JSON object such as {"in_progress": "In Progress"}.');
        }
        return Object.fromEntries(Object.entries(parsed).map(([key, column]) => [key, String(column)]));
    }
    const mapping = {};
    for (const entry of trimmed.split(/[\n,]/)) {
        if (!entry.trim())
            continue;
        const at = entry.search(/[=:]/);
        if (at < 1) {
            throw new OrchestratorGitError('CONFIG_INVALID', `status-mapping entry ${quote(entry.trim())} is not status=Column.`, 'Write one status=Column per line (or separated by commas), e.g. in_progress=In Progress.');
        }
        mapping[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
    }
    return mapping;
}

;// CONCATENATED MODULE: ./build/src/config/file-keys.js
/**
 * Every setting a config file may hold: one file serves issue-sync, board-sync and release, each reading its own
 * keys (an input or flag still wins over the file).
 */



function fileSettingNames() {
    return [
        ...new Set([
            ...Object.keys(issue_sync_ISSUE_SYNC_SETTINGS),
            ...Object.keys(BOARD_SYNC_SETTINGS),
            ...Object.keys(RELEASE_SETTINGS),
        ]),
    ];
}
/** The file's values for the given settings, under the inputs (which win). */
function withFileDefaults(inputs, file, names) {
    const merged = {};
    for (const name of names)
        if (file[name] !== undefined)
            merged[name] = file[name];
    for (const [name, value] of Object.entries(inputs))
        if (value !== undefined && value !== null && value !== '')
            merged[name] = value;
    return merged;
}

;// CONCATENATED MODULE: ./build/src/config/file.js
/** Finds and reads the optional YAML config file, and the default locations of the state file and features folder. */






const DEFAULT_CONFIG_FILES = [
    '.github/orchestrator-git.yml',
    '.github/orchestrator-git.yaml',
    '.orchestrator-git.yml',
];
/** Where the orchestrator keeps its database, newest layout first (and the JSON export beside it). */
const DEFAULT_STATE_FILES = [
    '.task_orchestrator/task_orchestrator.db',
    '.task_orchestrator/orchestrator-state.json',
    'task_orchestrator.db',
    'data/task_orchestrator.db',
];
const DEFAULT_FEATURES_DIRS = [
    'docs/developers/planning/features',
    'docs/planning/features',
    'docs/features',
];
/** Reads the config file named by `configPath`, or the first default one that exists; none at all is fine. */
function loadConfigFile(configPath, cwd) {
    const candidates = configPath ? [configPath] : DEFAULT_CONFIG_FILES;
    for (const candidate of candidates) {
        const full = external_node_path_.resolve(cwd, candidate);
        if (!(0,external_node_fs_.existsSync)(full)) {
            if (configPath) {
                throw new errors/* OrchestratorGitError */.Xw('CONFIG_FILE_UNREADABLE', `Config file ${(0,errors/* quote */.hD)(configPath)} does not exist.`, 'Fix the `config` input, or remove it to use .github/orchestrator-git.yml when present.');
            }
            continue;
        }
        const raw = readYamlFile(full, `Config file ${(0,errors/* quote */.hD)(candidate)}`, 'YAML');
        return { file: candidate, settings: checkFileSettings(raw, candidate, fileSettingNames()) };
    }
    return { file: null, settings: {} };
}
function locateStateFile(given, cwd) {
    if (given)
        return given;
    const found = DEFAULT_STATE_FILES.find((candidate) => (0,external_node_fs_.existsSync)(external_node_path_.resolve(cwd, candidate)));
    if (found)
        return found;
    throw new errors/* OrchestratorGitError */.Xw('STATE_NOT_FOUND', `No state file was given, and none exists at the orchestrator's usual places (${DEFAULT_STATE_FILES.join(', ')}).`, 'Set the `state-file` input to the orchestrator database committed in the repository, or to its JSON export.');
}
function locateFeaturesDir(given, cwd) {
    if (given)
        return given;
    return (DEFAULT_FEATURES_DIRS.find((candidate) => {
        const full = external_node_path_.resolve(cwd, candidate);
        return (0,external_node_fs_.existsSync)(full) && (0,external_node_fs_.statSync)(full).isDirectory();
    }) ?? null);
}
/**
 * The parsed YAML (or JSON, which YAML reads too) of a file the user gave; a syntax error is CONFIG_FILE_UNREADABLE
 * naming `what` (e.g. `Config file "x.yml"`) and the first line of the parser's message.
 */
function readYamlFile(full, what, format) {
    try {
        return (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(full, 'utf8'));
    }
    catch (error) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_FILE_UNREADABLE', `${what} is not valid ${format}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`, 'Fix the syntax (a linter such as yamllint shows where).', { cause: error });
    }
}

;// CONCATENATED MODULE: ./build/src/config/values.js
/** Parsing of setting values as they arrive from inputs (strings), flags and YAML, with errors that name the setting. */

const FEATURE_STATUSES = ['proposed', 'approved', 'in_progress', 'completed', 'archived'];
function parseBoolean(value, name, source) {
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'number' && (value === 0 || value === 1))
        return value === 1;
    if (typeof value === 'string') {
        const lower = value.trim().toLowerCase();
        if (['true', 'yes', 'on', '1'].includes(lower))
            return true;
        if (['false', 'no', 'off', '0'].includes(lower))
            return false;
    }
    throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Setting ${(0,errors/* quote */.hD)(name)} (from the ${source}) is ${(0,errors/* quote */.hD)(String(value))}; expected true or false.`, `Set ${name} to true or false.`);
}
/** A list from a YAML sequence, or a string of items separated by commas or new lines. */
function parseList(value, name, source) {
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\n]/) : null;
    if (!items || items.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Setting ${(0,errors/* quote */.hD)(name)} (from the ${source}) must be a list of names.`, `Write ${name} as a YAML list, or as names separated by commas or new lines.`);
    }
    return items.map((item) => String(item).trim()).filter((item) => item !== '');
}
/** The known key closest to a mistyped one (edit distance at most 3), for "did you mean". */
function suggestKey(key, known) {
    let best = null;
    let bestDistance = 4;
    for (const candidate of known) {
        const distance = editDistance(key.toLowerCase(), candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i += 1) {
        let previous = row[0] ?? 0;
        row[0] = i;
        for (let j = 1; j <= b.length; j += 1) {
            const current = row[j] ?? 0;
            row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length] ?? 0;
}

;// CONCATENATED MODULE: ./build/src/config/label-rules.js
/**
 * Reads and validates the `label-rules` file (YAML, or JSON, which is YAML too) into the typed rules the core applies;
 * every mistake is a catalogue error naming the file, the rule and the fix.
 */







const DIMENSIONS = ['type', 'status', 'priority', 'category', 'specialist'];
/** Values a dimension can take; null: free text (categories, specialist types, including user-defined roles). */
const KNOWN_VALUES = {
    type: ['feature', 'task', 'bug'],
    status: [
        'proposed',
        'approved',
        'pending',
        'in progress',
        'completed',
        'archived',
        'failed',
        'blocked',
        'cancelled',
    ],
    priority: ['critical', 'high', 'medium', 'low'],
    category: null,
    specialist: null,
};
const DOCS = 'docs/labels-and-time.md shows the format';
/** Reads the rules file at `file` (relative to `cwd`). */
function loadLabelRules(file, cwd) {
    const full = external_node_path_.resolve(cwd, file);
    if (!(0,external_node_fs_.existsSync)(full)) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_FILE_UNREADABLE', `Label rules file ${(0,errors/* quote */.hD)(file)} (the label-rules setting) does not exist.`, 'Commit the file at that path (relative to the repository root), or fix or remove the label-rules setting to keep the built-in labels.');
    }
    const raw = readYamlFile(full, `Label rules file ${(0,errors/* quote */.hD)(file)}`, 'YAML or JSON');
    return parseLabelRules(raw, file);
}
/** Validates parsed rules: dimensions, `labels` and `other`, names, colours and descriptions. */
function parseLabelRules(raw, file) {
    const fail = (rule, problem, fix) => new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Label rules file ${(0,errors/* quote */.hD)(file)}: ${rule ? `rule ${rule} ` : ''}${problem}`, `${fix} (${DOCS}).`);
    if (raw === null || raw === undefined)
        return {};
    const top = mapping(raw, () => fail('', 'must be a mapping of dimensions (type, status, priority, category, specialist).', 'Start each dimension at the left margin, e.g. `priority:`'));
    const rules = {};
    for (const [dimension, body] of Object.entries(top)) {
        if (!DIMENSIONS.includes(dimension)) {
            const suggestion = suggestKey(dimension, DIMENSIONS);
            throw fail('', `has an unknown dimension ${(0,errors/* quote */.hD)(dimension)}.${suggestion ? ` Did you mean ${(0,errors/* quote */.hD)(suggestion)}?` : ''}`, `Use only ${DIMENSIONS.join(', ')}`);
        }
        rules[dimension] = parseDimension(dimension, body, fail);
    }
    return rules;
}
function parseDimension(dimension, body, fail) {
    const fields = mapping(body, () => fail(dimension, 'must be a mapping with `labels` and/or `other`.', `Write \`${dimension}:\` then \`labels:\` (value → label) and/or \`other:\``));
    const result = { labels: new Map() };
    for (const [field, value] of Object.entries(fields)) {
        if (field === 'labels') {
            const entries = mapping(value ?? {}, () => fail(`${dimension}.labels`, 'must be a mapping of values to labels.', `Write one \`value: label name\` per line under ${dimension}.labels`));
            for (const [rawKey, spec] of Object.entries(entries)) {
                const rule = `${dimension}.labels.${rawKey}`;
                const key = labelValue(rawKey);
                const known = KNOWN_VALUES[dimension];
                if (!key || (known && !known.includes(key))) {
                    throw fail(rule, `names ${(0,errors/* quote */.hD)(rawKey)}, which is not a ${dimension} the orchestrator has.`, known ? `Use one of ${known.join(', ')}` : 'Use a non-empty value');
                }
                if (result.labels.has(key)) {
                    throw fail(rule, `repeats the value ${(0,errors/* quote */.hD)(key)} (values match without regard to case, _ and -).`, 'Keep one rule per value');
                }
                result.labels.set(key, spec === null ? null : parseSpec(spec, rule, false, fail));
            }
        }
        else if (field === 'other') {
            result.other = value === null ? null : parseSpec(value, `${dimension}.other`, true, fail);
        }
        else {
            const suggestion = suggestKey(field, ['labels', 'other']);
            throw fail(dimension, `has an unknown field ${(0,errors/* quote */.hD)(field)}.${suggestion ? ` Did you mean ${(0,errors/* quote */.hD)(suggestion)}?` : ''}`, 'A dimension has only `labels` (value → label) and `other` (values not listed)');
        }
    }
    return result;
}
/** A label: its name as a string, or `{name, color, description}`. */
function parseSpec(value, rule, template, fail) {
    const fields = typeof value === 'string'
        ? { name: value }
        : mapping(value, () => fail(rule, `is ${(0,errors/* quote */.hD)(JSON.stringify(value))}; a label is a name, or a mapping with name, color and description.`, 'Write `name: …` (and optionally `color: "#b60205"`, `description: …`), or null for no label'));
    for (const field of Object.keys(fields)) {
        if (!['name', 'color', 'description'].includes(field)) {
            const suggestion = suggestKey(field, ['name', 'color', 'description']);
            throw fail(rule, `has an unknown field ${(0,errors/* quote */.hD)(field)}.${suggestion ? ` Did you mean ${(0,errors/* quote */.hD)(suggestion)}?` : ''}`, 'A label has only name, color and description');
        }
    }
    const name = fields['name'];
    if (typeof name !== 'string' || name.trim() === '') {
        throw fail(rule, 'has no name.', 'Give the label a name (text)');
    }
    if (/[\u0000-\u001f\u007f]/.test(name)) {
        throw fail(rule, `has a name with a line break or control character: ${(0,errors/* quote */.hD)(name)}.`, 'Write the name on one line');
    }
    if (name.includes(',')) {
        throw fail(rule, `has a name with a comma: ${(0,errors/* quote */.hD)(name)}; commas split label lists (GitLab) and label filters (GitHub).`, 'Remove the comma from the name');
    }
    const fixed = name.split(VALUE_PLACEHOLDER).join('');
    if (template) {
        if (!name.includes(VALUE_PLACEHOLDER) || fixed.trim() === '') {
            throw fail(rule, `has the name ${(0,errors/* quote */.hD)(name)}; an \`other\` rule names every value not listed, so its name needs ${VALUE_PLACEHOLDER} and text around it (the text tells the tool's labels from people's, which are never removed).`, `Write it like "area: ${VALUE_PLACEHOLDER}", or null for no label`);
        }
    }
    if (fixed.trim().length > LABEL_LIMIT) {
        throw fail(rule, `has a name of ${fixed.trim().length} characters: ${(0,errors/* quote */.hD)(name)}.`, `Use at most ${LABEL_LIMIT} characters (GitHub's limit)`);
    }
    let color = null;
    if (fields['color'] !== undefined) {
        if (fields['color'] === null) {
            throw fail(rule, 'has an empty color (in YAML an unquoted # starts a comment).', 'Quote the colour, e.g. color: "#b60205"');
        }
        const text = String(fields['color']).trim();
        if (!/^#?[0-9a-fA-F]{6}$/.test(text)) {
            throw fail(rule, `has the color ${(0,errors/* quote */.hD)(text)}.`, 'Write a colour as six hex digits, e.g. "#b60205" (quote it in YAML: # starts a comment)');
        }
        color = text.replace(/^#/, '').toLowerCase();
    }
    let description = null;
    if (fields['description'] !== undefined && fields['description'] !== null) {
        const text = fields['description'];
        if (typeof text !== 'string')
            throw fail(rule, 'has a description that is not text.', 'Write the description as text');
        if (text.length > LABEL_DESCRIPTION_LIMIT) {
            throw fail(rule, `has a description of ${text.length} characters.`, `Use at most ${LABEL_DESCRIPTION_LIMIT} characters (GitHub's limit)`);
        }
        description = text;
    }
    return { name: name.trim(), color, description };
}
function mapping(value, error) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw error();
    return value;
}

;// CONCATENATED MODULE: ./build/src/config/issue-sync.js
/** Resolves issue-sync's settings once, at the edge: inputs / flags > config row > config file > defaults. */




/** Every setting by its input / flag / file name. Secrets are never read from a file. */
const issue_sync_ISSUE_SYNC_SETTINGS = {
    enabled: {
        help: 'Run at all. false (or auto_sync_enabled = 0 in the state) exits before any network request.',
        default: 'true',
    },
    'dry-run': { help: 'Print the plan and change nothing.', default: 'false' },
    'state-file': {
        help: 'Path of the orchestrator SQLite database or its JSON export.',
        default: 'the first of .task_orchestrator/task_orchestrator.db, .task_orchestrator/orchestrator-state.json, task_orchestrator.db, data/task_orchestrator.db',
    },
    'features-dir': {
        help: 'Folder of feature specification files (Markdown).',
        default: 'docs/developers/planning/features (or docs/planning/features, docs/features) when present',
    },
    platform: {
        help: 'github, gitlab or bitbucket.',
        default: "the state's git_integration_config.platform, else the CI system's (GITLAB_CI → gitlab, BITBUCKET_BUILD_NUMBER → bitbucket), else github",
    },
    repository: {
        help: 'The repository that holds the issues: GitHub owner/name, GitLab group/project (subgroups allowed), Bitbucket workspace/repo-slug.',
        default: 'GITHUB_REPOSITORY, CI_PROJECT_PATH or BITBUCKET_REPO_FULL_NAME',
    },
    'api-url': {
        help: 'GitHub: REST API URL (Enterprise Server: https://HOST/api/v3). GitLab: the instance URL (self-managed: https://HOST). Bitbucket: the 2.0 API URL.',
        default: 'GITHUB_API_URL or https://api.github.com; CI_SERVER_URL or https://gitlab.com; BITBUCKET_API_URL or https://api.bitbucket.org/2.0',
    },
    token: {
        help: 'GitHub: issues: write. GitLab: an access token with the api scope and at least the Planner or Reporter role (CI_JOB_TOKEN cannot write issues). Bitbucket: an access token with issue:write, or an app password / API token with `username`. Input or environment only, never the config file.',
        default: 'GITHUB_TOKEN; GITLAB_TOKEN; BITBUCKET_TOKEN, or BITBUCKET_APP_PASSWORD / BITBUCKET_API_TOKEN with a username',
    },
    username: {
        help: 'Bitbucket only: the username of an app password, or the Atlassian account email of an API token (basic auth).',
        default: 'BITBUCKET_USERNAME (or BITBUCKET_EMAIL); empty: the token is an access token',
    },
    'gitlab-group': {
        help: "GitLab only: full path of a group whose milestones are used, and where missing milestones are created, instead of the project's.",
        default: "none (the project's milestones)",
    },
    'multiple-assignees': {
        help: 'GitLab only: the instance allows several assignees per issue (Premium and above).',
        default: 'false (one assignee)',
    },
    'feature-statuses': {
        help: 'Feature statuses that become issues.',
        default: 'approved, in_progress, completed, archived',
    },
    tasks: {
        help: 'top-level (subtasks as a checklist), all (every task an issue) or none.',
        default: 'top-level',
    },
    hierarchy: {
        help: 'checklist (subtasks as a checklist in their parent issue), sub-issues (every task its own issue, attached to its parent as a sub-issue; dependencies as blocked-by) or both. GitLab: the checklist, dependencies as is_blocked_by links (Premium; on Free the "Depends on" line only). Bitbucket: the checklist with a "Depends on" line. See docs/hierarchy.md.',
        default: 'checklist',
    },
    'issue-types': {
        help: "GitHub only: auto sets the repository's issue types (Feature, Task, Bug for debugger tasks) where its organisation has them, in place of the type label (one read per run; the token needs push access); off keeps the type label. See docs/hierarchy.md.",
        default: 'off',
    },
    labels: { help: 'Labels every managed issue carries.', default: 'orchestrator' },
    'label-prefixes': {
        help: 'Label prefix per dimension (type, status, priority, category, specialist); empty turns it off.',
        default: 'type: , status: , priority: , category: , specialist: ',
    },
    'label-rules': {
        help: 'Path of a YAML (or JSON) file of label rules: feature category, priority, specialist type, status and type → label name, colour and description (docs/labels-and-time.md). Dimensions it leaves out keep the prefix scheme; the tool removes only labels its rules can produce.',
        default: 'none (the prefix scheme of label-prefixes)',
    },
    'time-tracking': {
        help: "Estimates and spent time from the orchestrator (estimated_effort; actual_effort or started/completed times): GitLab issues' time tracking (issue-sync), GitHub Projects number fields Estimate and Spent in hours (board-sync); Bitbucket has none (a note). See docs/labels-and-time.md.",
        default: 'false',
    },
    'assignee-map': {
        help: 'Orchestrator assignee name → platform login.',
        default: 'none (names used as they are)',
    },
    team: {
        help: 'Specialist type → the people who take the new issues of its tasks that the orchestrator assigned to no one, the one with the fewest open issues first (ties by name): `implementer=alice,bob` lines, or a mapping of lists. They are assigned like a person would be, so a later reassignment on the platform is kept.',
        default: 'none (no automatic assignment)',
    },
    'conflict-policy': {
        help: 'orchestrator-wins (restore owned fields a human changed) or report (leave them, report).',
        default: 'orchestrator-wins',
    },
    orphans: {
        help: 'leave (report) or close issues whose item left the orchestrator plan.',
        default: 'leave',
    },
    'create-completed': {
        help: 'Create (closed) issues for items already finished when first seen.',
        default: 'false',
    },
    'neutralize-mentions': {
        help: 'Break @mentions and #references in synced text so a sync never notifies anyone.',
        default: 'true',
    },
    reconcile: {
        help: 'full reads every issue; incremental reads only issues updated since the last recorded run (falling back to full when that is unsafe); auto is full on scheduled and manual runs, incremental otherwise.',
        default: 'auto',
    },
    'write-delay-ms': {
        help: 'Minimum milliseconds between writes.',
        default: "GitHub's guidance: 1 s between writes, 3 s between writes that notify",
    },
    'slack-webhook-url': {
        help: 'Slack incoming webhook URL: after each run that changed something, one message listing what changed (created, closed, reopened, updated, with links). A secret: input (from a secret) or environment only, never the config file, never logged. A failed notification is a warning, never a failed sync.',
        default: 'SLACK_WEBHOOK_URL; empty: no Slack notification',
    },
    'teams-webhook-url': {
        help: 'Microsoft Teams workflow webhook URL ("Post to a channel when a webhook request is received"): the same digest as an Adaptive Card. A secret, like slack-webhook-url.',
        default: 'TEAMS_WEBHOOK_URL; empty: no Teams notification',
    },
};
const SETTING_NAMES = Object.keys(issue_sync_ISSUE_SYNC_SETTINGS);
/** Secrets: never read from a config file (which is committed), never printed. */
const SECRET_SETTINGS = ['token', 'slack-webhook-url', 'teams-webhook-url'];
const FILE_FORBIDDEN = SECRET_SETTINGS;
const PLATFORMS = ['github', 'gitlab', 'bitbucket'];
/** Checks a config file's keys: an unknown key is an error that names it and the closest known key. */
function checkFileSettings(raw, file, known = SETTING_NAMES) {
    if (raw === null || raw === undefined)
        return {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Config file ${(0,errors/* quote */.hD)(file)} must be a YAML mapping of settings, not ${Array.isArray(raw) ? 'a list' : typeof raw}.`, 'Write one `setting: value` per line; see docs/configuration.md for the settings.');
    }
    const settings = {};
    for (const [key, value] of Object.entries(raw)) {
        if (!known.includes(key)) {
            const suggestion = suggestKey(key, known);
            throw new errors/* OrchestratorGitError */.Xw('CONFIG_UNKNOWN_KEY', `Config file ${(0,errors/* quote */.hD)(file)} has an unknown key ${(0,errors/* quote */.hD)(key)}.${suggestion ? ` Did you mean ${(0,errors/* quote */.hD)(suggestion)}?` : ''}`, `Use only known settings: ${known.filter((name) => !FILE_FORBIDDEN.includes(name)).join(', ')}.`);
        }
        if (key !== 'token' && FILE_FORBIDDEN.includes(key)) {
            throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Config file ${(0,errors/* quote */.hD)(file)} sets ${(0,errors/* quote */.hD)(key)}: a webhook URL is a secret and must never be committed in a file.`, `Remove it from the file and pass it as the \`${key}\` input from a secret, or in the environment (${key === 'slack-webhook-url' ? 'SLACK_WEBHOOK_URL' : 'TEAMS_WEBHOOK_URL'}).`);
        }
        if (FILE_FORBIDDEN.includes(key)) {
            throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Config file ${(0,errors/* quote */.hD)(file)} sets ${(0,errors/* quote */.hD)(key)}: tokens must never be committed in a file.`, 'Remove it from the file and pass the token as the `token` input from a secret, or in the environment (GITHUB_TOKEN, GITLAB_TOKEN, BITBUCKET_TOKEN).');
        }
        settings[key] = value;
    }
    return settings;
}
/** The config row of the state, as settings (the row stores the name of the token's variable, never the token). */
function settingsFromConfigRow(row, env) {
    if (!row)
        return {};
    const settings = { enabled: row.autoSyncEnabled };
    if (row.platform)
        settings.platform = row.platform;
    if (row.defaultLabels.length)
        settings.labels = row.defaultLabels;
    const location = parseRepositoryUrl(row.repositoryUrl, row.platform);
    if (location) {
        settings.repository = location.repository;
        if (!row.platform && location.platform)
            settings.platform = location.platform;
        if (location.apiUrl)
            settings['api-url'] = location.apiUrl;
    }
    if (row.apiTokenName && env[row.apiTokenName])
        settings.token = env[row.apiTokenName];
    return settings;
}
/**
 * The repository path of a clone or web URL, the platform its host implies (github.com, gitlab.com, bitbucket.org),
 * and for another host the API URL of a self-hosted instance: GitHub Enterprise Server's /api/v3, or a self-managed
 * GitLab's own URL (GitLab paths may have subgroups).
 */
function parseRepositoryUrl(url, platform = null) {
    const trimmed = url.trim();
    if (!trimmed.includes(':')) {
        // A bare path: owner/name, or group/subgroup/project on GitLab.
        const segments = trimmed.split('/');
        const valid = segments.every((segment) => segment !== '' && !/\s/.test(segment));
        const depth = platform === 'gitlab' ? segments.length >= 2 : segments.length === 2;
        return valid && depth ? { repository: trimmed, platform, apiUrl: null } : null;
    }
    const ssh = /^git@([^:]+):(.+?)(?:\.git)?\/?$/.exec(trimmed);
    let host;
    let path;
    if (ssh) {
        host = ssh[1] ?? '';
        path = ssh[2] ?? '';
    }
    else {
        let parsed;
        try {
            parsed = new URL(trimmed);
        }
        catch {
            return null;
        }
        host = parsed.host;
        path = parsed.pathname
            .replace(/^\/+/, '')
            .replace(/\.git\/?$/, '')
            .replace(/\/+$/, '');
    }
    const known = {
        'github.com': 'github',
        'gitlab.com': 'gitlab',
        'bitbucket.org': 'bitbucket',
    };
    const hostPlatform = known[host.toLowerCase()] ?? null;
    const resolved = platform ?? hostPlatform ?? (/gitlab/i.test(host) ? 'gitlab' : null);
    const nested = resolved === 'gitlab' ? /^[^/]+(\/[^/]+)+$/ : /^[^/]+\/[^/]+$/;
    if (!nested.test(path))
        return null;
    let apiUrl = null;
    if (!hostPlatform) {
        if (resolved === 'gitlab')
            apiUrl = `https://${host}`;
        else if (resolved === null || resolved === 'github')
            apiUrl = `https://${host}/api/v3`;
    }
    return { repository: path, platform: resolved ?? hostPlatform, apiUrl };
}
function resolveIssueSyncConfig({ inputs, configRow, file, env, issueTemplate, cwd, }) {
    const layers = [
        ['input', inputs],
        ['state config row', configRow],
        ['config file', file],
    ];
    const pick = (name) => {
        for (const [source, layer] of layers) {
            const value = layer[name];
            if (value !== undefined && value !== null && value !== '')
                return [value, source];
        }
        return undefined;
    };
    const bool = (name, fallback) => {
        const found = pick(name);
        return found ? parseBoolean(found[0], name, found[1]) : fallback;
    };
    const text = (name) => {
        const found = pick(name);
        if (!found)
            return null;
        if (typeof found[0] !== 'string' && typeof found[0] !== 'number') {
            throw invalid(name, found[1], found[0], 'a string');
        }
        return String(found[0]).trim();
    };
    const oneOf = (name, allowed, fallback) => {
        const value = text(name);
        if (value === null)
            return fallback;
        if (!allowed.includes(value)) {
            throw invalid(name, pick(name)?.[1] ?? 'input', value, `one of ${allowed.join(', ')}`);
        }
        return value;
    };
    const stateFile = text('state-file');
    if (!stateFile) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', 'No state file was given.', 'Set the `state-file` input to the orchestrator database (e.g. .task_orchestrator/task_orchestrator.db) or its JSON export.');
    }
    const platform = oneOf('platform', PLATFORMS, detectPlatform(env));
    const defaults = PLATFORM_DEFAULTS[platform];
    const repository = text('repository') ?? defaults.repository(env) ?? '';
    if (!repository) {
        throw new errors/* OrchestratorGitError */.Xw('REPOSITORY_MALFORMED', `No repository was given and ${defaults.repositoryVariable} is not set.`, `Set \`repository\` (the --repository flag or the action input) to ${defaults.repositoryForm}.`);
    }
    const username = platform === 'bitbucket'
        ? (text('username') ?? env.BITBUCKET_USERNAME ?? env.BITBUCKET_EMAIL ?? null)
        : null;
    const token = text('token') ?? defaults.token(env, username !== null) ?? '';
    if (!token)
        throw defaults.missingToken(env, username !== null);
    const featureStatuses = pick('feature-statuses');
    const statuses = featureStatuses
        ? parseList(featureStatuses[0], 'feature-statuses', featureStatuses[1]).map((status) => {
            const normalised = status.toLowerCase().replace(/[- ]/g, '_');
            if (!FEATURE_STATUSES.includes(normalised)) {
                throw invalid('feature-statuses', featureStatuses[1], status, `statuses among ${FEATURE_STATUSES.join(', ')}`);
            }
            return normalised;
        })
        : DEFAULT_POLICY.featureStatuses;
    const labels = pick('labels');
    const writeDelay = text('write-delay-ms');
    if (writeDelay !== null && !/^\d+$/.test(writeDelay)) {
        throw invalid('write-delay-ms', pick('write-delay-ms')?.[1] ?? 'input', writeDelay, 'a whole number of milliseconds');
    }
    return {
        enabled: bool('enabled', true),
        dryRun: bool('dry-run', false),
        stateFile,
        featuresDir: text('features-dir'),
        platform,
        repository,
        apiUrl: (text('api-url') ?? defaults.apiUrl(env)).replace(/\/+$/, ''),
        token,
        username: username === '' ? null : username,
        gitlabGroup: platform === 'gitlab' ? text('gitlab-group') || null : null,
        multipleAssignees: platform === 'gitlab' && bool('multiple-assignees', false),
        writeDelayMs: writeDelay === null ? null : Number(writeDelay),
        reconcile: resolveReconcile(oneOf('reconcile', ['auto', 'full', 'incremental'], 'auto'), env),
        notifications: {
            slackWebhookUrl: webhookUrl('slack-webhook-url', text('slack-webhook-url') ?? env.SLACK_WEBHOOK_URL),
            teamsWebhookUrl: webhookUrl('teams-webhook-url', text('teams-webhook-url') ?? env.TEAMS_WEBHOOK_URL),
        },
        policy: {
            featureStatuses: statuses,
            tasks: oneOf('tasks', ['top-level', 'all', 'none'], DEFAULT_POLICY.tasks),
            ...hierarchySetting(oneOf('hierarchy', ['checklist', 'sub-issues', 'both'], 'checklist')),
            ...(oneOf('issue-types', ['off', 'auto'], 'off') === 'auto'
                ? { issueTypes: 'auto' }
                : {}),
            defaultLabels: labels ? parseList(labels[0], 'labels', labels[1]) : DEFAULT_POLICY.defaultLabels,
            labelPrefixes: labelPrefixes(pick('label-prefixes')),
            ...labelRulesSetting(text('label-rules'), cwd),
            ...(bool('time-tracking', false) ? { timeTracking: true } : {}),
            assigneeMap: stringMap(pick('assignee-map'), 'assignee-map'),
            team: teamMap(pick('team')),
            conflictPolicy: oneOf('conflict-policy', ['orchestrator-wins', 'report'], DEFAULT_POLICY.conflictPolicy),
            orphans: oneOf('orphans', ['leave', 'close'], DEFAULT_POLICY.orphans),
            createCompleted: bool('create-completed', DEFAULT_POLICY.createCompleted),
            neutraliseMentions: bool('neutralize-mentions', DEFAULT_POLICY.neutraliseMentions),
            issueTemplate: issueTemplate?.trim() ? issueTemplate.trim() : null,
        },
    };
}
/** The platform of the CI system the run is in; GitHub when none is recognised. */
function detectPlatform(env) {
    if (env.GITHUB_ACTIONS === 'true')
        return 'github';
    if (env.GITLAB_CI === 'true')
        return 'gitlab';
    if (env.BITBUCKET_BUILD_NUMBER)
        return 'bitbucket';
    return 'github';
}
const PLATFORM_DEFAULTS = {
    github: {
        repository: (env) => env.GITHUB_REPOSITORY,
        repositoryVariable: 'GITHUB_REPOSITORY',
        repositoryForm: "owner/name (in GitHub Actions it defaults to the workflow's repository)",
        apiUrl: (env) => env.GITHUB_API_URL ?? 'https://api.github.com',
        token: (env) => env.GITHUB_TOKEN ?? env.GH_TOKEN,
        missingToken: () => new errors/* OrchestratorGitError */.Xw('TOKEN_MISSING', 'No token was given.', 'Pass `token: ${{ secrets.GITHUB_TOKEN }}` (the default in the action) with `permissions: issues: write`, or set GITHUB_TOKEN in the environment.'),
    },
    gitlab: {
        repository: (env) => env.CI_PROJECT_PATH,
        repositoryVariable: 'CI_PROJECT_PATH',
        repositoryForm: "the project path, e.g. my-group/my-project (in GitLab CI it defaults to the pipeline's project)",
        apiUrl: (env) => env.CI_SERVER_URL ?? 'https://gitlab.com',
        token: (env) => env.GITLAB_TOKEN,
        missingToken: (env) => new errors/* OrchestratorGitError */.Xw('TOKEN_MISSING', env.CI_JOB_TOKEN
            ? "No GITLAB_TOKEN was given; the pipeline's CI_JOB_TOKEN is there, but GitLab does not let a job token create or edit issues."
            : 'No GitLab token was given.', 'Create a project access token (Settings → Access tokens) with the api scope and the Reporter role (Planner is enough on GitLab 17.7+), store it as a masked CI/CD variable named GITLAB_TOKEN, or pass --token.'),
    },
    bitbucket: {
        repository: (env) => env.BITBUCKET_REPO_FULL_NAME,
        repositoryVariable: 'BITBUCKET_REPO_FULL_NAME',
        repositoryForm: "workspace/repo-slug (in Bitbucket Pipelines it defaults to the pipeline's repository)",
        apiUrl: (env) => env.BITBUCKET_API_URL ?? 'https://api.bitbucket.org/2.0',
        token: (env, basic) => basic
            ? (env.BITBUCKET_APP_PASSWORD ?? env.BITBUCKET_API_TOKEN ?? env.BITBUCKET_TOKEN)
            : env.BITBUCKET_TOKEN,
        missingToken: (_env, basic) => new errors/* OrchestratorGitError */.Xw('TOKEN_MISSING', basic
            ? 'A Bitbucket username was given but no app password or API token.'
            : 'No Bitbucket token was given.', 'Create a repository access token with the Issues: Write scope (Repository settings → Access tokens) and store it as a secured repository variable named BITBUCKET_TOKEN; or use an app password with BITBUCKET_USERNAME and BITBUCKET_APP_PASSWORD.'),
    },
};
/**
 * A webhook URL, checked without ever quoting it (it is a secret): https, or http to this machine (a local relay or
 * a test receiver). Empty means not configured.
 */
function webhookUrl(name, value) {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '')
        return null;
    let parsed = null;
    try {
        parsed = new URL(trimmed);
    }
    catch {
        parsed = null;
    }
    const local = parsed !== null && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (!parsed || !(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local))) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Setting ${(0,errors/* quote */.hD)(name)} is not an https URL (its value is a secret and is not shown).`, `Set ${name} (or ${name === 'slack-webhook-url' ? 'SLACK_WEBHOOK_URL' : 'TEAMS_WEBHOOK_URL'}) to the webhook's full https URL, from a secret.`);
    }
    return trimmed;
}
/** Scheduled and manual runs are the periodic full reconcile; runs on push read incrementally. */
function resolveReconcile(mode, env) {
    if (mode !== 'auto')
        return mode;
    const event = env.GITHUB_EVENT_NAME ?? env.CI_PIPELINE_SOURCE ?? '';
    return ['schedule', 'workflow_dispatch', 'web'].includes(event) ? 'full' : 'incremental';
}
function invalid(name, source, value, expected) {
    return new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Setting ${(0,errors/* quote */.hD)(name)} (from the ${source}) is ${(0,errors/* quote */.hD)(typeof value === 'string' ? value : JSON.stringify(value))}; expected ${expected}.`, `Correct ${name} in the ${source}; docs/configuration.md lists every setting.`);
}
function labelPrefixes(found) {
    const prefixes = { ...DEFAULT_POLICY.labelPrefixes };
    if (!found)
        return prefixes;
    const map = stringMap(found, 'label-prefixes');
    for (const [dimension, prefix] of Object.entries(map)) {
        if (!(dimension in prefixes)) {
            throw invalid('label-prefixes', found[1], dimension, `dimensions among ${Object.keys(prefixes).join(', ')}`);
        }
        // Inputs arrive trimmed, so `area:` means `area: ` (GitHub's own scoped-label style has the space).
        prefixes[dimension] =
            prefix === '' ? null : prefix.endsWith(':') ? `${prefix} ` : prefix;
    }
    return prefixes;
}
/** A mapping from a YAML object, a JSON object string, or `key=value` lines (as action inputs allow). */
function stringMap(found, name) {
    if (!found)
        return {};
    const [value, source] = found;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === null ? '' : String(item)]));
    }
    if (typeof value === 'string') {
        const trimmed = value.trim();
        if (trimmed.startsWith('{')) {
            try {
                return stringMap([JSON.parse(trimmed), source], name);
            }
            catch {
                throw invalid(name, source, value, 'a JSON object or key=value lines');
            }
        }
        const map = {};
        for (const line of trimmed.split(/\n/)) {
            if (!line.trim())
                continue;
            const at = line.indexOf('=');
            if (at < 1)
                throw invalid(name, source, line, 'key=value lines');
            map[line.slice(0, at).trim()] = line.slice(at + 1).trimStart();
        }
        return map;
    }
    throw invalid(name, source, value, 'a mapping');
}
/** The rules of the label-rules file, when one is named and files can be read; absent leaves the policy as it was. */
function labelRulesSetting(file, cwd) {
    return file && cwd !== undefined ? { labelRules: loadLabelRules(file, cwd) } : {};
}
/** The default (`checklist`) leaves the policy as it always was, so configs that never name it compare equal. */
function hierarchySetting(hierarchy) {
    return hierarchy === 'checklist' ? {} : { hierarchy };
}
/** `specialist=alice,bob` lines or a mapping of lists (or comma-separated strings), keyed by lower-case specialist. */
function teamMap(found) {
    if (!found)
        return {};
    const [value, source] = found;
    const entries = typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value)
        : Object.entries(stringMap(found, 'team'));
    const team = {};
    for (const [specialist, members] of entries) {
        const list = parseList(Array.isArray(members) ? members : members === null ? [] : String(members), 'team', source);
        if (list.length > 0)
            team[specialist.trim().toLowerCase()] = list;
    }
    return team;
}

;// CONCATENATED MODULE: ./build/src/release/notes.js
/**
 * Release notes, pure: the orchestrator features section, and the three release_notes_template modes — automated
 * (fully generated), manual (a user template with placeholders) and hybrid (generated, with hand-written sections
 * between markers carried over from the previous text of the same release).
 */

const NOTES_TEMPLATES = ['automated', 'manual', 'hybrid'];
/** Placeholders of a manual template, each `{{name}}`. */
const PLACEHOLDERS = {
    version: 'the version, e.g. 1.4.0',
    tag: 'the tag, e.g. v1.4.0',
    previous_tag: 'the previous release tag (empty for a first release)',
    date: 'the release date, YYYY-MM-DD',
    changes: 'the conventional-commit sections (Features, Bug Fixes, BREAKING CHANGES, …)',
    features: 'the orchestrator features section',
    compare_url: 'the link comparing the previous tag with this one (empty for a first release)',
    repository: 'the repository, e.g. acme/widgets',
};
/** Untrusted text on one Markdown line: no line breaks, no HTML comments that could fake a marker. */
function inline(text) {
    return text
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/<!--/g, '&lt;!--')
        .trim();
}
function ref(issue) {
    return issue ? ` ([#${issue.number}](${issue.url}))` : '';
}
/** The "Orchestrator features" section: features by category with their completed tasks, then other tasks. */
function renderFeatureSection(plan, issueRef = () => null) {
    if (plan.groups.length === 0)
        return '';
    const lines = ['### Orchestrator features', ''];
    for (const group of plan.groups) {
        lines.push(`#### ${inline(group.category)}`, '');
        for (const feature of group.features) {
            lines.push(`* **${inline(feature.title)}** (\`${inline(feature.id)}\`)${ref(issueRef({ kind: 'feature', id: feature.id }))}`);
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
const SECTION = /<!-- orchestrator-git:manual ([\w-]+) -->\n?([\s\S]*?)<!-- \/orchestrator-git:manual \1 -->/g;
function manualSection(name, content = '') {
    const body = content.trim() === '' ? '' : `${content.trim()}\n`;
    return `<!-- orchestrator-git:manual ${name} -->\n${body}<!-- /orchestrator-git:manual ${name} -->`;
}
/** Hand-written sections of a text, by name (the first occurrence of a name wins). */
function readManualSections(text) {
    const sections = new Map();
    for (const match of text.replace(/\r\n/g, '\n').matchAll(SECTION)) {
        const name = match[1] ?? '';
        if (!sections.has(name))
            sections.set(name, (match[2] ?? '').trim());
    }
    return sections;
}
/**
 * Fills the generated text's sections with hand-written content from earlier texts (the first that has the section
 * non-empty wins); a section found earlier but missing from the generated text is appended, so nothing is lost.
 */
function preserveManualSections(generated, earlier) {
    const found = new Map();
    for (const text of earlier) {
        for (const [name, content] of readManualSections(text)) {
            if (!found.has(name) || (found.get(name) === '' && content !== ''))
                found.set(name, content);
        }
    }
    const present = new Set();
    const filled = generated.replace(SECTION, (_match, name, content) => {
        present.add(name);
        return manualSection(name, found.get(name) || content);
    });
    const missing = [...found].filter(([name, content]) => !present.has(name) && content !== '');
    if (missing.length === 0)
        return filled;
    return `${filled.trimEnd()}\n\n${missing.map(([name, content]) => manualSection(name, content)).join('\n\n')}`;
}
// ---- composing an entry ---------------------------------------------------------------------------------------
/** Checks a manual template once: every `{{placeholder}}` must be a known one. */
function checkManualTemplate(template, file) {
    const unknown = [...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)]
        .map((match) => match[1] ?? '')
        .filter((name) => !(name in PLACEHOLDERS));
    if (unknown.length > 0) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `The release notes template ${(0,errors/* quote */.hD)(file)} uses unknown placeholder${unknown.length === 1 ? '' : 's'} ${[...new Set(unknown)].map((name) => (0,errors/* quote */.hD)(`{{${name}}}`)).join(', ')}.`, `Use only ${Object.keys(PLACEHOLDERS)
            .map((name) => `{{${name}}}`)
            .join(', ')} (see docs/release.md).`);
    }
}
function fill(template, context) {
    const values = {
        version: context.version,
        tag: context.tag,
        previous_tag: context.previousTag ?? '',
        date: context.date,
        changes: context.changes.trim(),
        features: context.features.trim(),
        compare_url: context.compareUrl ?? '',
        repository: context.repository,
    };
    return template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_match, name) => values[name] ?? '');
}
/** Blank-line separated parts, without empty ones; at most one blank line in a row. */
function joinParts(parts) {
    return parts
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .join('\n\n')
        .replace(/\n{3,}/g, '\n\n');
}
/**
 * The notes of a release, without the version heading (the platform release shows the version as its title, and the
 * CHANGELOG entry puts the heading above): automated and hybrid put the conventional sections, then the features.
 */
function composeNotes(input) {
    const { context } = input;
    switch (input.template) {
        case 'automated':
            return joinParts([context.changes, context.features]);
        case 'hybrid':
            return preserveManualSections(joinParts([manualSection('highlights'), context.changes, context.features]), input.earlier ?? []);
        case 'manual': {
            if (input.manualTemplate === undefined || input.manualTemplate === null) {
                throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', 'release-notes-template is manual, but no template file was given.', 'Set `notes-template-file` to a Markdown file with placeholders such as {{changes}} and {{features}} (see docs/release.md), or use release-notes-template: automated.');
            }
            return preserveManualSections(joinParts([fill(input.manualTemplate, context)]), input.earlier ?? []);
        }
    }
}
/** The CHANGELOG entry: the version heading, then the notes. */
function changelogEntry(heading, notes) {
    return `${joinParts([heading, notes])}\n`;
}

;// CONCATENATED MODULE: ./build/src/release/config.js
/**
 * The release settings, read once at the edge: the release-coordinator's own (version, notes template, changelog,
 * tag prefix, features, milestone) and the platform settings it shares with issue-sync.
 */




const RELEASE_ACTIONS = ['plan', 'milestone', 'changelog', 'tag'];
/** The release-coordinator's own settings, by input / flag name. */
const RELEASE_SETTINGS = {
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
};
/** The issue-sync settings a release uses (platform, credentials, state). */
const SHARED_SETTINGS = [
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
function config_isCalendarDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
/** The shared settings among the inputs, for issue-sync's resolver. */
function sharedInputs(inputs) {
    const shared = {};
    for (const name of SHARED_SETTINGS) {
        const value = inputs[name];
        if (value !== undefined && value !== null && value !== '')
            shared[name] = value;
    }
    return shared;
}
/** Every setting a release run accepts: its own and the shared ones. */
function releaseSettingNames() {
    return [...Object.keys(RELEASE_SETTINGS), ...SHARED_SETTINGS];
}
function releaseSettingHelp(name) {
    return (RELEASE_SETTINGS[name]?.help ??
        ISSUE_SYNC_SETTINGS[name]?.help ??
        '');
}
function parseReleaseSettings(inputs) {
    const text = (name) => {
        const value = inputs[name];
        if (value === undefined || value === null)
            return null;
        const trimmed = String(value).trim();
        return trimmed === '' ? null : trimmed;
    };
    const notesTemplate = (text('release-notes-template') ?? 'automated');
    if (!NOTES_TEMPLATES.includes(notesTemplate)) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `release-notes-template ${(0,errors/* quote */.hD)(notesTemplate)} is not a notes template.`, `Use one of ${NOTES_TEMPLATES.join(', ')}.`);
    }
    const date = (name) => {
        const value = text(name);
        if (value !== null && !config_isCalendarDate(value)) {
            throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `${name} ${(0,errors/* quote */.hD)(value)} is not a date.`, 'Write the date as YYYY-MM-DD, e.g. 2026-12-31.');
        }
        return value;
    };
    const status = text('milestone-status') ?? 'active';
    if (status !== 'planning' && status !== 'active') {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `milestone-status ${(0,errors/* quote */.hD)(status)} is not a status a planned release can have.`, 'Use planning or active; the tag step marks the release completed.');
    }
    const prefix = inputs['tag-prefix'] === undefined || inputs['tag-prefix'] === null
        ? 'v'
        : String(inputs['tag-prefix']).trim();
    if (!/^[A-Za-z0-9._/-]{0,40}$/.test(prefix)) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `tag-prefix ${(0,errors/* quote */.hD)(prefix)} cannot start a tag name.`, 'Use letters, digits, dots, dashes, underscores or slashes, e.g. v or release/.');
    }
    const features = text('features');
    const prerelease = text('prerelease');
    return {
        version: text('release-version'),
        notesTemplate,
        notesTemplateFile: text('notes-template-file'),
        changelogFile: text('changelog-file') ?? 'CHANGELOG.md',
        tagPrefix: prefix,
        featureIds: features === null
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
;// CONCATENATED MODULE: ./build/src/cli/milestone.js
/**
 * The CLI's create-milestone: a release_milestones row in the state and the platform milestone, kept in step; the
 * sync that follows assigns the included features' issues to it.
 */

const STATUSES = ['planning', 'active', 'completed', 'cancelled'];
function milestoneRequest(name, options) {
    const title = name.trim();
    if (!title || title.length > 255) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Milestone name ${(0,errors/* quote */.hD)(name)} must have 1 to 255 characters.`, 'Give the release name, e.g. v1.2.0.');
    }
    const dueOn = typeof options.dueOn === 'string' ? options.dueOn.trim() : undefined;
    if (dueOn !== undefined && !milestone_isCalendarDate(dueOn)) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `--due-on ${(0,errors/* quote */.hD)(dueOn)} is not a date.`, 'Write the target date as YYYY-MM-DD, e.g. 2026-12-31.');
    }
    const status = String(options.milestoneStatus ?? 'active');
    if (!STATUSES.includes(status)) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `--milestone-status ${(0,errors/* quote */.hD)(status)} is not a release status.`, `Use one of ${STATUSES.join(', ')}.`);
    }
    const features = typeof options.features === 'string'
        ? options.features
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : undefined;
    return { name: title, dueOn, features, status };
}
function milestone_isCalendarDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
async function prepareMilestone(store, tracker, request, log, 
/** Nothing is created on the platform (the state is not saved in a dry run either). */
dryRun = false) {
    const unknown = (0,errors/* unknownFeaturesError */.Iv)(request.features ?? [], store.state.features.map((feature) => feature.id));
    if (unknown)
        throw unknown;
    const state = request.status === 'completed' || request.status === 'cancelled' ? 'closed' : 'open';
    const existing = (await tracker.listMilestones()).find((milestone) => milestone.title === request.name);
    let number = existing?.number;
    if (existing) {
        const due = request.dueOn ?? null;
        if ((due !== null && existing.dueOn !== due) || existing.state !== state)
            log.warning(`Milestone ${(0,errors/* quote */.hD)(request.name)} exists on the platform with ${existing.dueOn ? `due date ${existing.dueOn}` : 'no due date'} and state ${existing.state}; it is left as it is.`);
        else
            log.info(`Milestone ${(0,errors/* quote */.hD)(request.name)} exists on the platform.`);
    }
    else if (!tracker.capabilities.createMilestones) {
        throw new errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', `Milestone ${(0,errors/* quote */.hD)(request.name)} does not exist, and ${tracker.platform}'s API cannot create milestones.`, 'Create it by hand (Bitbucket: Repository settings → Issues → Milestones), then run this command again to record it and assign its issues.');
    }
    else if (dryRun) {
        log.info(`Would create milestone ${(0,errors/* quote */.hD)(request.name)} (dry run).`);
    }
    else {
        const created = await tracker.createMilestone({
            title: request.name,
            dueOn: request.dueOn ?? null,
            state,
        });
        number = created.number;
        log.info(`Created milestone ${(0,errors/* quote */.hD)(request.name)}.`);
    }
    store.upsertReleaseMilestone({
        name: request.name,
        status: request.status,
        ...(request.dueOn !== undefined ? { targetDate: request.dueOn } : {}),
        ...(request.features !== undefined ? { includedFeatures: request.features } : {}),
        ...(number !== undefined ? { platformMilestoneId: String(number) } : {}),
    });
}

;// CONCATENATED MODULE: ./build/src/notify/changes.js
/** The order (and headings) of the digest's sections. */
const CHANGE_KINDS = [
    { kind: 'created', heading: 'Created' },
    { kind: 'closed', heading: 'Closed' },
    { kind: 'reopened', heading: 'Reopened' },
    { kind: 'updated', heading: 'Updated' },
    { kind: 'moved', heading: 'Moved on the board' },
    { kind: 'released', heading: 'Released' },
];
/** The completed changes of an issue sync (planned-only changes of a dry run are not changes). */
function changesFromSyncOutcome(outcome) {
    if (outcome.dryRun)
        return [];
    const changes = [];
    for (const result of outcome.results) {
        if (result.status !== 'done')
            continue;
        const { operation } = result;
        if (operation.kind === 'createIssue') {
            changes.push({
                kind: 'created',
                title: operation.title,
                itemKey: operation.itemKey,
                reference: result.issue ? `#${result.issue.number}` : null,
                url: result.issue?.url ?? null,
                detail: null,
            });
        }
        else if (operation.kind === 'updateIssue') {
            changes.push({
                kind: operation.change,
                title: operation.title,
                itemKey: operation.itemKey,
                reference: `#${result.issue?.number ?? operation.number}`,
                url: result.issue?.url ?? operation.url,
                detail: operation.change === 'updated' ? operation.fields.join(', ') : null,
            });
        }
    }
    return changes;
}
/** The digest of a GitHub Actions run (its page from GITHUB_SERVER_URL / GITHUB_REPOSITORY / GITHUB_RUN_ID). */
function runUrlFromEnv(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
    if (server && repository && run)
        return `${server}/${repository}/actions/runs/${run}`;
    if (env.CI_PIPELINE_URL)
        return env.CI_PIPELINE_URL;
    return null;
}
/** Changes grouped by kind in digest order, each group's items in run order. */
function groupChanges(changes) {
    return CHANGE_KINDS.map(({ kind, heading }) => ({
        kind,
        heading,
        changes: changes.filter((change) => change.kind === kind),
    })).filter((group) => group.changes.length > 0);
}
/** `3 created, 1 closed` — the one-line count of a digest. */
function countLine(digest) {
    const parts = groupChanges(digest.changes).map((group) => `${group.changes.length} ${group.kind === 'moved' ? 'moved' : group.kind}`);
    if (digest.failed > 0)
        parts.push(`${digest.failed} failed`);
    return parts.join(', ');
}
/** Only http(s) URLs become links: anything else in the state is shown as text. */
function safeUrl(url) {
    if (!url)
        return null;
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    }
    catch {
        return null;
    }
}
/** Untrusted text on one line, bounded. */
function oneLine(text, max) {
    const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

;// CONCATENATED MODULE: ./build/src/engine/logger.js
/** The logging interface shared by the actions (@actions/core) and the CLI (console), and safe text for log lines. */
/**
 * Untrusted text for a log line: one line, no control characters, bounded. Runners interpret workflow
 * commands (`::add-mask::`, `::stop-commands::`) only at the start of a line, and every line we print
 * starts with our own words, so removing line breaks is what keeps a task title from becoming a command.
 */
function logText(value, max = 200) {
    const text = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
const silentLogger = {
    info: () => undefined,
    warning: () => undefined,
    error: () => undefined,
    debug: () => undefined,
    group: (_name, body) => body(),
};

;// CONCATENATED MODULE: ./build/src/notify/slack.js
/** A run's change digest as a Slack incoming-webhook message (Block Kit), within Slack's block and text limits. */

/** Slack's limits: blocks per message, characters per section text, characters of a header. */
const SLACK_MAX_BLOCKS = 50;
const SLACK_MAX_SECTION_TEXT = 3000;
const SLACK_MAX_HEADER_TEXT = 150;
/** Slack's mrkdwn control characters as entities: untrusted text can neither link nor mention (`<!channel>`). */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function changeLine(change) {
    const title = escapeMrkdwn(oneLine(change.title, 200));
    const reference = change.reference ? escapeMrkdwn(oneLine(change.reference, 40)) : null;
    const found = safeUrl(change.url);
    const url = found && found.length <= 1000 ? found.replace(/\|/g, '%7C') : null;
    const label = reference ? `${reference} ${title}` : title;
    const linked = url ? `<${url}|${label}>` : label;
    const detail = change.detail ? ` — _${escapeMrkdwn(oneLine(change.detail, 200))}_` : '';
    return `• ${linked}${detail}`;
}
function buildSlackMessage(digest) {
    const heading = oneLine(`orchestrator-git ${digest.job}: ${digest.repository}`, SLACK_MAX_HEADER_TEXT);
    const summary = countLine(digest);
    const run = safeUrl(digest.runUrl);
    const blocks = [
        { type: 'header', text: { type: 'plain_text', text: heading, emoji: false } },
        {
            type: 'context',
            elements: [
                {
                    type: 'mrkdwn',
                    text: `${escapeMrkdwn(summary)}${run ? ` · <${run.replace(/\|/g, '%7C')}|view the run>` : ''}`,
                },
            ],
        },
    ];
    // One block is kept back for the "and N more" line.
    const room = SLACK_MAX_BLOCKS - 1;
    let left = digest.changes.length;
    for (const group of groupChanges(digest.changes)) {
        if (blocks.length >= room)
            break;
        let text = `*${group.heading}* (${group.changes.length})`;
        let stop = false;
        for (const change of group.changes) {
            const line = changeLine(change);
            if (text.length + 1 + line.length > SLACK_MAX_SECTION_TEXT) {
                // A new section needs a block now and leaves one for the group's last section.
                if (blocks.length + 1 >= room) {
                    stop = true;
                    break;
                }
                blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
                text = line;
            }
            else {
                text = `${text}\n${line}`;
            }
            left -= 1;
        }
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
        if (stop)
            break;
    }
    if (left > 0) {
        blocks.push({
            type: 'context',
            elements: [{ type: 'mrkdwn', text: `… and ${left} more${run ? ' (see the run)' : ''}` }],
        });
    }
    return { text: `${heading} — ${summary}`, blocks };
}

;// CONCATENATED MODULE: ./build/src/notify/teams.js
/**
 * A run's change digest as a Microsoft Teams message: an Adaptive Card (1.4) in the envelope a Teams workflow
 * ("Post to a channel when a webhook request is received") expects, kept well under Teams' 28 KB message limit.
 */

const TEAMS_CARD_VERSION = '1.4';
/** Lines of changes per card; the rest is counted in an "and N more" line. */
const TEAMS_MAX_CHANGES = 60;
/** Bytes of card JSON before the changes stop (Teams refuses messages over about 28 KB). */
const TEAMS_MAX_BYTES = 24_000;
/** Markdown control characters escaped, so a title can neither link nor format. */
function escapeMarkdown(text) {
    return text.replace(/([\\`*_[\]()#~<>])/g, '\\$1');
}
function teams_changeLine(change) {
    const title = escapeMarkdown(oneLine(change.title, 200));
    const reference = change.reference ? escapeMarkdown(oneLine(change.reference, 40)) : null;
    const found = safeUrl(change.url);
    const url = found && found.length <= 1000 ? found.replace(/\(/g, '%28').replace(/\)/g, '%29') : null;
    const label = reference ? `${reference} ${title}` : title;
    const detail = change.detail ? ` — _${escapeMarkdown(oneLine(change.detail, 200))}_` : '';
    return `- ${url ? `[${label}](${url})` : label}${detail}`;
}
function buildTeamsMessage(digest) {
    const groups = groupChanges(digest.changes);
    const body = [
        {
            type: 'TextBlock',
            text: escapeMarkdown(oneLine(`orchestrator-git ${digest.job}: ${digest.repository}`, 200)),
            wrap: true,
            size: 'Medium',
            weight: 'Bolder',
        },
        {
            type: 'FactSet',
            facts: [
                ...groups.map((group) => ({ title: group.heading, value: String(group.changes.length) })),
                ...(digest.failed > 0 ? [{ title: 'Failed', value: String(digest.failed) }] : []),
            ],
        },
    ];
    let shown = 0;
    let bytes = JSON.stringify(body).length;
    outer: for (const group of groups) {
        const heading = {
            type: 'TextBlock',
            text: `**${group.heading}**`,
            wrap: true,
            spacing: 'Medium',
        };
        body.push(heading);
        bytes += JSON.stringify(heading).length;
        for (const change of group.changes) {
            const line = {
                type: 'TextBlock',
                text: teams_changeLine(change),
                wrap: true,
                spacing: 'None',
            };
            const size = JSON.stringify(line).length;
            if (shown >= TEAMS_MAX_CHANGES || bytes + size > TEAMS_MAX_BYTES)
                break outer;
            body.push(line);
            bytes += size;
            shown += 1;
        }
    }
    const left = digest.changes.length - shown;
    if (left > 0)
        body.push({ type: 'TextBlock', text: `… and ${left} more`, wrap: true, isSubtle: true });
    const run = safeUrl(digest.runUrl);
    const card = {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: TEAMS_CARD_VERSION,
        body,
        ...(run ? { actions: [{ type: 'Action.OpenUrl', title: 'View the run', url: run }] } : {}),
        msteams: { width: 'Full' },
    };
    return {
        type: 'message',
        attachments: [
            { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
        ],
    };
}

;// CONCATENATED MODULE: ./build/src/notify/deliver.js



const DEFAULT_NOTIFY_TIMEOUT_MS = 10_000;
function hasNotificationTargets(targets) {
    return Boolean(targets.slackWebhookUrl || targets.teamsWebhookUrl);
}
/**
 * Posts the digest to every configured webhook, concurrently; sends nothing when nothing changed. Each failure is
 * logged as a warning that names the service and the status.
 */
async function deliverDigest(digest, targets, log, options = {}) {
    if (digest.changes.length === 0)
        return [];
    const timeoutMs = options.timeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS;
    const sends = [];
    if (targets.slackWebhookUrl) {
        sends.push(post('Slack', targets.slackWebhookUrl, buildSlackMessage(digest), timeoutMs));
    }
    if (targets.teamsWebhookUrl) {
        sends.push(post('Microsoft Teams', targets.teamsWebhookUrl, buildTeamsMessage(digest), timeoutMs));
    }
    const results = await Promise.all(sends);
    for (const result of results) {
        if (result.delivered)
            log.info(`${result.service} notified (${digest.changes.length} changes).`);
        else
            log.warning(`${result.service} notification failed: ${result.problem ?? 'unknown problem'}. The sync itself is unaffected.`);
    }
    return results;
}
async function post(service, url, payload, timeoutMs) {
    try {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: JSON.stringify(payload),
            // A redirect could carry the message (and the URL's secret path) somewhere else.
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text().catch(() => '');
        if (response.status >= 200 && response.status < 300) {
            return { service, delivered: true, status: response.status, problem: null };
        }
        const said = scrub(text, url);
        return {
            service,
            delivered: false,
            status: response.status,
            problem: `HTTP ${response.status}${said ? ` ${logText(said, 120)}` : ''}`,
        };
    }
    catch (error) {
        return { service, delivered: false, status: null, problem: describeNetworkError(error, timeoutMs) };
    }
}
/** The answer's text without the URL or any part of its path (a service may echo the request). */
function scrub(text, url) {
    let scrubbed = text.split(url).join('[webhook]');
    try {
        const { pathname, search } = new URL(url);
        for (const part of [...pathname.split('/'), ...search.slice(1).split(/[&=]/)]) {
            if (part.length >= 6)
                scrubbed = scrubbed.split(part).join('[…]');
        }
    }
    catch {
        // An unparseable URL never reached the network.
    }
    return scrubbed.trim();
}
/**
 * A network failure in words: the error's own message may name the host and port, so only its code is kept. Read by
 * shape, not `instanceof`: fetch's errors may come from another realm (a test runner's VM context).
 */
function describeNetworkError(error, timeoutMs) {
    const fields = (value) => typeof value === 'object' && value !== null ? value : {};
    const { name, cause } = fields(error);
    if (name === 'TimeoutError' || name === 'AbortError')
        return `no answer within ${timeoutMs / 1000} s`;
    // Node's connect may fail with an AggregateError (one error per address tried).
    const inner = fields(cause);
    const first = Array.isArray(inner.errors) ? fields(inner.errors[0]) : {};
    const found = inner.code ?? first.code;
    const code = typeof found === 'string' ? found : null;
    switch (code) {
        case 'ECONNREFUSED':
            return 'connection refused';
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return 'the host could not be resolved';
        case 'ECONNRESET':
        case 'UND_ERR_SOCKET':
            return 'the connection was closed before an answer';
        case null:
            return 'the request could not be sent';
        default:
            return `the request could not be sent (${code.replace(/[^A-Z0-9_]/g, '')})`;
    }
}

;// CONCATENATED MODULE: ./build/src/notify/index.js






/**
 * Notifies the configured services of an issue sync's changes (none for a dry run or a run that changed nothing).
 * Never throws: a notifier's failure is logged as a warning and returned.
 */
async function notifyIssueSync(outcome, targets, env, log, options = {}) {
    if (!hasNotificationTargets(targets))
        return [];
    const digest = {
        job: 'issue sync',
        repository: outcome.repository,
        runUrl: runUrlFromEnv(env),
        changes: changesFromSyncOutcome(outcome),
        failed: outcome.counts.failed,
    };
    try {
        return await deliverDigest(digest, targets, log, options);
    }
    catch (error) {
        // Building or sending the digest must never fail the sync; the message names no URL.
        log.warning(`Notifications were not sent: ${error instanceof Error ? error.name : 'unexpected error'}. The sync itself is unaffected.`);
        return [];
    }
}

;// CONCATENATED MODULE: ./build/src/platforms/index.js
async function createIssueTracker(config, warn) {
    switch (config.platform) {
        case 'github': {
            const { GitHubIssueTracker } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(278)]).then(__webpack_require__.bind(__webpack_require__, 278));
            return new GitHubIssueTracker(config.repository, {
                token: config.token,
                baseUrl: config.apiUrl,
                writeDelayMs: config.writeDelayMs,
                log: warn,
            });
        }
        case 'gitlab': {
            const { GitLabIssueTracker } = await Promise.all(/* import() */[__webpack_require__.e(342), __webpack_require__.e(600)]).then(__webpack_require__.bind(__webpack_require__, 8334));
            return new GitLabIssueTracker(config.repository, {
                token: config.token,
                baseUrl: config.apiUrl,
                groupMilestones: config.gitlabGroup,
                multipleAssignees: config.multipleAssignees,
                writeDelayMs: config.writeDelayMs,
                log: warn,
            });
        }
        case 'bitbucket': {
            const { BitbucketIssueTracker } = await __webpack_require__.e(/* import() */ 306).then(__webpack_require__.bind(__webpack_require__, 4306));
            return new BitbucketIssueTracker(config.repository, {
                auth: config.username === null
                    ? { kind: 'bearer', token: config.token }
                    : { kind: 'basic', username: config.username, password: config.token },
                baseUrl: config.apiUrl,
                writeDelayMs: config.writeDelayMs,
                log: warn,
            });
        }
    }
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./build/src/state/sqlite.js
/** Loads sql.js once, from beside an ncc bundle when there is one, and opens SQLite bytes with catalogue errors. */






let sqlJs;
/*
 * The bundle ships sql.js as `sql-wasm.cjs` + `sql-wasm.wasm` beside `index.js` (see TOOLCHAIN.md: webpack breaks
 * emscripten's loader). The names are assembled at run time so ncc neither rewrites the path (asset relocator)
 * nor pulls sql.js into the bundle.
 */
const BUNDLED_LOADER = ['sql-wasm', 'cjs'].join('.');
const BUNDLED_WASM = ['sql-wasm', 'wasm'].join('.');
const PACKAGE_NAME = ['sql', 'js'].join('.');
/**
 * Keeps WebAssembly (sql.js's SQLite) on V8's baseline compiler, Liftoff. By default V8 also recompiles the hot
 * functions with TurboFan on background threads: on a short run that is CPU spent for nothing (a no-op run of the
 * action started ~100 ms slower with it), and reading a 100,000-task state was measured no faster with it. The flag is
 * process-wide, so entries (the actions) call this, before the first loadSqlJs; a library importing this module does
 * not get its flags changed.
 */
function preferBaselineWasm() {
    (0,external_node_v8_.setFlagsFromString)('--liftoff-only');
}
/** Resolves sql.js: the copy beside the bundle if present, else the `sql.js` package. Cached. */
function loadSqlJs() {
    sqlJs ??= initialise().catch((error) => {
        sqlJs = undefined;
        throw error;
    });
    return sqlJs;
}
async function initialise() {
    const require = (0,external_node_module_.createRequire)(import.meta.url);
    const here = external_node_path_.dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    const bundled = external_node_path_.join(here, BUNDLED_LOADER);
    if ((0,external_node_fs_.existsSync)(bundled)) {
        const init = require(bundled);
        // sql-wasm.cjs asks for `sql-wasm.wasm`, which the package script copies beside it.
        return init({ locateFile: (file) => external_node_path_.join(here, file) });
    }
    let init;
    try {
        init = require(PACKAGE_NAME);
    }
    catch (error) {
        // A bundle without its sql.js files: a packaging fault, so say which files are missing and where.
        throw new Error(`sql.js is missing: neither ${bundled} (with ${BUNDLED_WASM} beside it) nor the sql.js package was found.`, { cause: error });
    }
    return init();
}
/**
 * Opens SQLite bytes and touches the schema, so that a truncated or corrupt file fails here with
 * STATE_UNREADABLE (sql.js only notices on the first query).
 */
async function openDatabase(bytes, file) {
    const SQL = await loadSqlJs();
    let db;
    try {
        db = new SQL.Database(bytes);
        db.exec('SELECT count(*) FROM sqlite_master');
        return db;
    }
    catch (error) {
        db?.close();
        throw unreadable(file, error);
    }
}
/** The catalogue error for a database sql.js cannot read, carrying sql.js's own message. */
function unreadable(file, error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new errors/* OrchestratorGitError */.Xw('STATE_UNREADABLE', `The state file ${(0,errors/* quote */.hD)(file)} could not be read as SQLite: ${reason}.`, "The database looks truncated or corrupt. Restore it from git history (git checkout -- <file>) or from the orchestrator's backup, then run again.", { cause: error });
}
/** Names of the database's tables (not views, not sqlite internals), sorted. */
function listTables(db) {
    const result = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    return (result[0]?.values ?? []).map((row) => String(row[0]));
}
/** Column names of a table, lower-cased; empty when the table does not exist. */
function tableColumns(db, table) {
    const result = db.exec(`PRAGMA table_info(${quoteIdentifier(table)})`);
    const first = result[0];
    if (!first)
        return new Set();
    const nameIndex = first.columns.indexOf('name');
    return new Set(first.values.map((row) => String(row[nameIndex]).toLowerCase()));
}
function hasTable(db, table) {
    const stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    try {
        stmt.bind([table]);
        return stmt.step();
    }
    finally {
        stmt.free();
    }
}
function quoteIdentifier(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/**
 * A SELECT list naming each wanted column, or `NULL AS col` for a column this table lacks: the orchestrator's
 * schemas varied between releases, and a missing optional column should read as NULL rather than fail.
 */
function selectList(columns, wanted) {
    return wanted
        .map((c) => (columns.has(c) ? quoteIdentifier(c) : `NULL AS ${quoteIdentifier(c)}`))
        .join(', ');
}
/** Runs a query and calls `onRow` with each row's values in SELECT order (fast path: no per-row objects). */
function forEachRow(db, sql, params, onRow) {
    const stmt = db.prepare(sql);
    try {
        if (params)
            stmt.bind(params);
        while (stmt.step())
            onRow(stmt.get());
    }
    finally {
        stmt.free();
    }
}

;// CONCATENATED MODULE: ./build/src/state/detect.js
/** Recognises what a state file is: a SQLite database of one of the orchestrator's generations, or a JSON export. */



const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Reads a state file and tells SQLite from JSON by content, not by name. */
async function readStateFile(file) {
    let bytes;
    try {
        const info = await (0,promises_.stat)(file);
        if (info.isDirectory()) {
            throw new errors/* OrchestratorGitError */.Xw('STATE_UNREADABLE', `The state file ${(0,errors/* quote */.hD)(file)} is a directory.`, 'Point the state file setting at the database file itself, e.g. .task_orchestrator/task_orchestrator.db, or at a JSON export.');
        }
        bytes = await (0,promises_.readFile)(file);
    }
    catch (error) {
        if (error instanceof errors/* OrchestratorGitError */.Xw)
            throw error;
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new errors/* OrchestratorGitError */.Xw('STATE_NOT_FOUND', `The state file ${(0,errors/* quote */.hD)(file)} does not exist.`, 'Commit the orchestrator database (default .task_orchestrator/task_orchestrator.db; older installs: task_orchestrator.db or data/task_orchestrator.db) or a JSON export made with `orchestrator-git export`, and point the state file setting at it. In a workflow, check the repository out first.', { cause: error });
        }
        throw new errors/* OrchestratorGitError */.Xw('STATE_UNREADABLE', `The state file ${(0,errors/* quote */.hD)(file)} could not be read: ${error.message}.`, 'Check that the file is readable by the user running orchestrator-git.', { cause: error });
    }
    if (hasSqliteHeader(bytes))
        return { kind: 'sqlite', bytes };
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const start = text.replace(/^\uFEFF/, '').trimStart();
    if (start.startsWith('{'))
        return { kind: 'json', text };
    throw notSqlite(file, bytes, start);
}
function hasSqliteHeader(bytes) {
    if (bytes.length < SQLITE_HEADER.length)
        return false;
    for (let i = 0; i < SQLITE_HEADER.length; i++)
        if (bytes[i] !== SQLITE_HEADER.charCodeAt(i))
            return false;
    return true;
}
function notSqlite(file, bytes, text) {
    if (text.startsWith('version https://git-lfs.github.com/spec/')) {
        return new errors/* OrchestratorGitError */.Xw('STATE_NOT_SQLITE', `The state file ${(0,errors/* quote */.hD)(file)} is a Git LFS pointer, not the database.`, 'Fetch LFS content when checking out (actions/checkout with `lfs: true`, or `git lfs pull`).');
    }
    const shown = bytes.length === 0
        ? 'it is empty'
        : `it starts with ${(0,errors/* quote */.hD)(Buffer.from(bytes.subarray(0, 16)).toString('latin1'), 16)}`;
    return new errors/* OrchestratorGitError */.Xw('STATE_NOT_SQLITE', `The state file ${(0,errors/* quote */.hD)(file)} is neither a SQLite database nor a JSON export (${shown}; a SQLite file starts with "SQLite format 3").`, 'Point the state file setting at the orchestrator database (.task_orchestrator/task_orchestrator.db) or at a JSON export made with `orchestrator-git export`.');
}
/** Newest first: this order is the precedence when a database holds more than one generation's tables. */
const SIGNATURES = [
    { generation: 'v2-tasks', label: 'v2 clean architecture', tables: { tasks: ['id', 'status'] } },
    {
        generation: 'v2-generic',
        label: 'v2 generic task model',
        tables: { generic_tasks: ['task_id', 'status'] },
    },
    {
        generation: 'v1',
        label: 'v1 (1.x)',
        tables: {
            task_breakdowns: ['parent_task_id', 'description'],
            subtasks: ['task_id', 'parent_task_id', 'status'],
        },
    },
];
/**
 * Picks the generation by the tables present. When several generations' tables are present (a database that was
 * upgraded in place), the newest generation whose task table has rows wins, else the newest; a
 * STATE_SCHEMA_AMBIGUOUS warning names what was ignored.
 */
function detectGeneration(db, file) {
    const tables = listTables(db);
    const present = new Set(tables);
    const found = [];
    const incomplete = [];
    for (const signature of SIGNATURES) {
        const names = Object.keys(signature.tables);
        if (!names.some((t) => present.has(t)))
            continue;
        const problems = [];
        for (const name of names) {
            if (!present.has(name)) {
                problems.push(`table ${name} is missing`);
                continue;
            }
            const columns = tableColumns(db, name);
            const missing = (signature.tables[name] ?? []).filter((c) => !columns.has(c));
            if (missing.length > 0)
                problems.push(`${name} lacks column(s) ${missing.join(', ')}`);
        }
        if (problems.length > 0) {
            incomplete.push(`${signature.label}: ${problems.join('; ')}`);
            continue;
        }
        const counts = names.map((t) => countRows(db, t));
        found.push({ signature, rows: counts[0] ?? 0 });
    }
    const chosen = found.find((f) => f.rows > 0) ?? found[0];
    if (!chosen) {
        const expected = SIGNATURES.map((s) => `${Object.keys(s.tables).join(' + ')} (${s.label})`).join(', ');
        const detail = incomplete.length > 0 ? ` Partly matched: ${incomplete.join('; ')}.` : '';
        throw new errors/* OrchestratorGitError */.Xw('STATE_UNKNOWN_SCHEMA', `The database ${(0,errors/* quote */.hD)(file)} is not an MCP Task Orchestrator database: it has ${tables.length > 0 ? `tables ${tables.join(', ')}` : 'no tables'}, expected ${expected}.${detail}`, 'Point the state file setting at the orchestrator database (.task_orchestrator/task_orchestrator.db; older installs: task_orchestrator.db or data/task_orchestrator.db).');
    }
    const tableNames = Object.keys(chosen.signature.tables);
    const description = `${chosen.signature.label} (${tableNames[0] ?? ''}: ${chosen.rows} row${chosen.rows === 1 ? '' : 's'})`;
    const warnings = [];
    const others = found.filter((f) => f !== chosen);
    if (others.length > 0) {
        warnings.push({
            code: 'STATE_SCHEMA_AMBIGUOUS',
            message: `The database holds tables of several orchestrator generations; reading ${description} and ignoring ${others
                .map((o) => `${o.signature.label} (${Object.keys(o.signature.tables)[0] ?? ''}: ${o.rows} rows)`)
                .join(', ')}.`,
            subject: file,
        });
    }
    return { generation: chosen.signature.generation, description, tables, warnings };
}
function countRows(db, table) {
    const value = db.exec(`SELECT count(*) FROM "${table}"`)[0]?.values[0]?.[0];
    return typeof value === 'number' ? value : 0;
}

;// CONCATENATED MODULE: ./build/src/state/columns.js
function nameOf(label, subject) {
    return typeof label === 'function' ? label(subject) : label;
}
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;
/**
 * ISO 8601 UTC (`2025-06-02T09:14:03.512Z`) from the orchestrator's timestamp text: `T` or space, optional
 * seconds and fraction (microseconds are cut to milliseconds), zone-less meaning UTC, or an explicit offset.
 * Numbers are read as Unix time (seconds, or milliseconds when large). Returns undefined when unparseable.
 */
function toIsoTimestamp(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            return undefined;
        const ms = Math.abs(value) < 1e11 ? value * 1000 : value;
        const date = new Date(ms);
        return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
    }
    if (typeof value !== 'string')
        return undefined;
    if (value === lastTimestamp.raw)
        return lastTimestamp.iso;
    const iso = parseTimestampText(value);
    lastTimestamp = { raw: value, iso };
    return iso;
}
/** Rows written together share timestamps (CURRENT_TIMESTAMP defaults): remembering the last one saves work. */
let lastTimestamp = { raw: '', iso: null };
function twoDigits(text, at) {
    return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}
function isDigits(text, from, to) {
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57)
            return false;
    }
    return true;
}
/** `YYYY-MM-DD[T ]HH:MM:SS` with an optional fraction of 3 or 6 digits and no zone: the orchestrator's usual forms. */
function commonUtcForm(text) {
    const n = text.length;
    return ((n === 19 || n === 23 || n === 26) &&
        isDigits(text, 0, 4) &&
        text.charCodeAt(4) === 45 &&
        isDigits(text, 5, 7) &&
        text.charCodeAt(7) === 45 &&
        isDigits(text, 8, 10) &&
        (text.charCodeAt(10) === 32 || text.charCodeAt(10) === 84) &&
        isDigits(text, 11, 13) &&
        text.charCodeAt(13) === 58 &&
        isDigits(text, 14, 16) &&
        text.charCodeAt(16) === 58 &&
        isDigits(text, 17, 19) &&
        (n === 19 || (text.charCodeAt(19) === 46 && isDigits(text, 20, n))));
}
function parseTimestampText(value) {
    if (commonUtcForm(value)) {
        const month = twoDigits(value, 5);
        const day = twoDigits(value, 8);
        const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
            return undefined;
        if (twoDigits(value, 11) > 23 || twoDigits(value, 14) > 59 || twoDigits(value, 17) > 59)
            return undefined;
        const ms = value.length === 19 ? '000' : value.slice(20, 23);
        return `${value.slice(0, 10)}T${value.slice(11, 19)}.${ms}Z`;
    }
    const text = value.trim();
    if (text === '')
        return null;
    const m = TIMESTAMP.exec(text);
    if (!m)
        return undefined;
    const [, y = '', mo = '', d = '', h = '00', mi = '00', s = '00', frac = '', zone] = m;
    const month = Number(mo);
    const day = Number(d);
    // Checked by hand (Date would roll 2025-02-30 over to March) and built by hand: this runs for every
    // timestamp of every task, and 100,000-task databases must read in well under a second.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month))
        return undefined;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
        return undefined;
    const ms = frac.length === 3 ? frac : (frac + '000').slice(0, 3);
    const utc = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
    if (!zone || zone === 'Z' || zone === 'z' || zone === 'UTC')
        return utc;
    const digits = zone.replace(':', '');
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
function daysInMonth(year, month) {
    if (month === 2)
        return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/** Like toIsoTimestamp, recording a warning (and returning null) for text that is not a timestamp. */
function readTimestamp(value, subject, column, warnings, label = subject) {
    const iso = toIsoTimestamp(value);
    if (iso !== undefined)
        return iso;
    warnings.push({
        code: 'STATE_TIMESTAMP_INVALID',
        message: `${column} of ${nameOf(label, subject)} is not a timestamp (${JSON.stringify(String(value)).slice(0, 80)}); read as empty.`,
        subject,
    });
    return null;
}
/**
 * Parses a JSON text column. NULL, '' and whitespace read as `undefined` (empty) without a warning; invalid
 * JSON reads as empty with a warning naming the task and column.
 */
function readJsonColumn(value, subject, column, warnings, label = subject) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value !== 'string')
        return value;
    const text = value.trim();
    if (text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        warnings.push({
            code: 'STATE_JSON_COLUMN_INVALID',
            message: `${column} of ${nameOf(label, subject)} is not valid JSON (${JSON.stringify(text.slice(0, 40))}); read as empty.`,
            subject,
        });
        return undefined;
    }
}
/** A JSON column that should hold an object (`context`, `metadata`): `[]` and other shapes read as empty. */
function readJsonObject(value, subject, column, warnings, label = subject) {
    const parsed = readJsonColumn(value, subject, column, warnings, label);
    if (parsed === undefined || parsed === null)
        return {};
    if (typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed;
    if (Array.isArray(parsed) && parsed.length === 0)
        return {};
    warnings.push({
        code: 'STATE_JSON_COLUMN_INVALID',
        message: `${column} of ${nameOf(label, subject)} is JSON but not an object; read as empty.`,
        subject,
    });
    return {};
}
/** A JSON column that should hold an array of ids or names: numbers become text, other items are dropped. */
function readJsonStringArray(value, subject, column, warnings, label = subject) {
    const parsed = readJsonColumn(value, subject, column, warnings, label);
    if (parsed === undefined || parsed === null)
        return [];
    if (!Array.isArray(parsed)) {
        warnings.push({
            code: 'STATE_JSON_COLUMN_INVALID',
            message: `${column} of ${nameOf(label, subject)} is JSON but not an array; read as empty.`,
            subject,
        });
        return [];
    }
    const out = [];
    let dropped = 0;
    for (const item of parsed) {
        if (typeof item === 'string' && item.trim() !== '')
            out.push(item.trim());
        else if (typeof item === 'number' && Number.isFinite(item))
            out.push(String(item));
        else
            dropped++;
    }
    if (dropped > 0) {
        warnings.push({
            code: 'STATE_JSON_COLUMN_INVALID',
            message: `${column} of ${nameOf(label, subject)} has ${dropped} item(s) that are not ids; they were ignored.`,
            subject,
        });
    }
    return out;
}
const columns_STATUS = {
    pending: 'pending',
    todo: 'pending',
    created: 'pending',
    planning: 'pending',
    active: 'in_progress',
    in_progress: 'in_progress',
    'in-progress': 'in_progress',
    'in progress': 'in_progress',
    running: 'in_progress',
    completed: 'completed',
    complete: 'completed',
    done: 'completed',
    failed: 'failed',
    error: 'failed',
    blocked: 'blocked',
    cancelled: 'cancelled',
    canceled: 'cancelled',
    archived: 'cancelled',
};
/** Maps any generation's status text to a TaskStatus; unknown text is a warning and reads as pending. */
function mapTaskStatus(raw, subject, warnings, label = subject) {
    const key = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
    const status = columns_STATUS[key];
    if (status)
        return status;
    warnings.push({
        code: 'STATE_STATUS_UNKNOWN',
        message: `Status ${JSON.stringify(raw === null || raw === undefined ? null : String(raw))} of ${nameOf(label, subject)} is not one the orchestrator uses; read as pending.`,
        subject,
    });
    return 'pending';
}
const PRIORITY_WORDS = {
    critical: 'critical',
    urgent: 'critical',
    blocker: 'critical',
    highest: 'critical',
    p0: 'critical',
    high: 'high',
    p1: 'high',
    medium: 'medium',
    normal: 'medium',
    moderate: 'medium',
    p2: 'medium',
    low: 'low',
    lowest: 'low',
    minor: 'low',
    p3: 'low',
    p4: 'low',
};
/**
 * critical/high/medium/low from free text: the first priority word wins, so "Medium (High for team
 * environments)" is medium and "High ⭐" is high. Returns undefined for text with no priority word.
 */
function toPriority(raw) {
    if (raw === null || raw === undefined)
        return null;
    if (typeof raw === 'number')
        return { 0: 'critical', 1: 'high', 2: 'medium', 3: 'low' }[raw];
    if (typeof raw !== 'string')
        return undefined;
    const text = raw.trim().toLowerCase();
    if (text === '')
        return null;
    for (const word of text.split(/[^a-z0-9]+/)) {
        const priority = PRIORITY_WORDS[word];
        if (priority)
            return priority;
    }
    return undefined;
}
function readPriority(raw, subject, warnings, label = subject) {
    const priority = toPriority(raw);
    if (priority !== undefined)
        return priority;
    warnings.push({
        code: 'STATE_PRIORITY_UNKNOWN',
        message: `Priority ${JSON.stringify(String(raw)).slice(0, 60)} of ${nameOf(label, subject)} is not critical, high, medium or low; read as none.`,
        subject,
    });
    return null;
}
/** Text for an optional column: trimmed, '' → null; numbers become text. */
function optionalText(value) {
    if (typeof value === 'string') {
        const text = value.trim();
        return text === '' ? null : text;
    }
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return null;
}
/** A whole number from an INTEGER column (or numeric text); `fallback` otherwise. */
function integerOr(value, fallback) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isInteger(n) ? n : fallback;
}
/** The first line of a text, trimmed to `max` characters (counting emoji as one) with an ellipsis. */
function firstLineTitle(text, max = 120) {
    const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
    const chars = Array.from(line);
    return chars.length > max
        ? `${chars
            .slice(0, max - 1)
            .join('')
            .trimEnd()}…`
        : line;
}

;// CONCATENATED MODULE: ./build/src/state/seed-tables.js
/** Reads the seed's tables (issue links, Git integration config, release milestones); absent tables read as empty. */


const seed_tables_PLATFORMS = ['github', 'gitlab', 'bitbucket'];
const SYNC_STATUSES = ['synced', 'pending', 'failed', 'manual'];
const MILESTONE_STATUSES = ['planning', 'active', 'completed', 'cancelled'];
function toPlatform(value) {
    const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return seed_tables_PLATFORMS.includes(text) ? text : null;
}
const LINK_COLUMNS = [
    'id',
    'feature_id',
    'task_id',
    'platform',
    'repository',
    'issue_number',
    'issue_url',
    'sync_status',
    'last_synced',
];
/** Rows of feature_issue_links, by id. A row with `task_id` NULL links a feature; unusable rows are warnings. */
function readIssueLinks(db, warnings) {
    if (!hasTable(db, 'feature_issue_links'))
        return [];
    const links = [];
    const cols = tableColumns(db, 'feature_issue_links');
    forEachRow(db, `SELECT ${selectList(cols, LINK_COLUMNS)} FROM feature_issue_links ORDER BY id`, null, ([id, featureId, taskId, platform, repository, issueNumber, issueUrl, syncStatus, lastSynced]) => {
        const subject = `feature_issue_links row ${String(id)}`;
        const link = toIssueLink({ featureId, taskId, platform, repository, issueNumber, issueUrl, syncStatus, lastSynced }, subject, warnings);
        if (link)
            links.push(link);
    });
    return links;
}
function toIssueLink(row, subject, warnings) {
    const featureId = optionalText(row.featureId);
    const taskId = optionalText(row.taskId);
    const platform = toPlatform(row.platform);
    const repository = optionalText(row.repository);
    const issueNumber = integerOr(row.issueNumber, 0);
    const problem = featureId === null && taskId === null
        ? 'names neither a feature nor a task'
        : platform === null
            ? `has platform ${JSON.stringify(row.platform)}, not github, gitlab or bitbucket`
            : repository === null
                ? 'has no repository'
                : issueNumber <= 0
                    ? `has issue number ${JSON.stringify(row.issueNumber)}`
                    : null;
    if (problem !== null || platform === null || repository === null) {
        warnings.push({
            code: 'STATE_LINK_INVALID',
            message: `${subject} ${problem ?? 'is unusable'}; it is ignored.`,
            subject,
        });
        return null;
    }
    const rawStatus = optionalText(row.syncStatus)?.toLowerCase() ?? 'pending';
    const syncStatus = SYNC_STATUSES.includes(rawStatus)
        ? rawStatus
        : 'pending';
    return {
        featureId,
        taskId,
        platform,
        repository,
        issueNumber,
        issueUrl: optionalText(row.issueUrl) ?? '',
        syncStatus,
        lastSynced: readTimestamp(row.lastSynced, subject, 'last_synced', warnings),
    };
}
const CONFIG_COLUMNS = [
    'id',
    'platform',
    'repository_url',
    'api_token_name',
    'default_labels',
    'auto_sync_enabled',
    'issue_template',
];
/** The first git_integration_config row by id, or null when the table or row is absent. */
function readGitIntegrationConfig(db, warnings) {
    if (!hasTable(db, 'git_integration_config'))
        return null;
    let config = null;
    const cols = tableColumns(db, 'git_integration_config');
    forEachRow(db, `SELECT ${selectList(cols, CONFIG_COLUMNS)} FROM git_integration_config ORDER BY id LIMIT 1`, null, ([id, platform, repositoryUrl, apiTokenName, defaultLabels, autoSync, issueTemplate]) => {
        const subject = `git_integration_config row ${String(id)}`;
        const parsedPlatform = toPlatform(platform);
        if (platform !== null && parsedPlatform === null) {
            warnings.push({
                code: 'STATE_CONFIG_INVALID',
                message: `${subject} has platform ${JSON.stringify(platform)}, not github, gitlab or bitbucket; it is ignored.`,
                subject,
            });
        }
        config = {
            platform: parsedPlatform,
            repositoryUrl: optionalText(repositoryUrl) ?? '',
            apiTokenName: optionalText(apiTokenName),
            defaultLabels: readJsonStringArray(defaultLabels, subject, 'default_labels', warnings),
            autoSyncEnabled: readAutoSync(autoSync, subject, warnings),
            issueTemplate: typeof issueTemplate === 'string' && issueTemplate !== '' ? issueTemplate : null,
        };
    });
    return config;
}
/**
 * auto_sync_enabled as a boolean: 0/1, 'false'/'true' (also yes/no, on/off). NULL means the column default,
 * TRUE; anything else is a warning and reads as TRUE.
 */
function toAutoSyncEnabled(value) {
    if (value === null || value === undefined)
        return true;
    if (typeof value === 'number')
        return value !== 0;
    if (typeof value !== 'string')
        return undefined;
    const text = value.trim().toLowerCase();
    if (['1', 'true', 't', 'yes', 'y', 'on'].includes(text))
        return true;
    if (['0', 'false', 'f', 'no', 'n', 'off'].includes(text))
        return false;
    return undefined;
}
function readAutoSync(value, subject, warnings) {
    const enabled = toAutoSyncEnabled(value);
    if (enabled !== undefined)
        return enabled;
    warnings.push({
        code: 'STATE_CONFIG_INVALID',
        message: `${subject} has auto_sync_enabled ${JSON.stringify(String(value))}, not true or false; read as true.`,
        subject,
    });
    return true;
}
const MILESTONE_COLUMNS = [
    'id',
    'milestone_name',
    'target_date',
    'platform_milestone_id',
    'included_features',
    'status',
];
/** Rows of release_milestones, by id. */
function readReleaseMilestones(db, warnings) {
    if (!hasTable(db, 'release_milestones'))
        return [];
    const milestones = [];
    const cols = tableColumns(db, 'release_milestones');
    forEachRow(db, `SELECT ${selectList(cols, MILESTONE_COLUMNS)} FROM release_milestones ORDER BY id`, null, ([id, name, targetDate, platformMilestoneId, includedFeatures, status]) => {
        const subject = `release_milestones row ${String(id)}`;
        const milestoneName = optionalText(name);
        if (milestoneName === null) {
            warnings.push({
                code: 'STATE_MILESTONE_INVALID',
                message: `${subject} has no name; it is ignored.`,
                subject,
            });
            return;
        }
        const rawStatus = optionalText(status)?.toLowerCase() ?? 'planning';
        if (!MILESTONE_STATUSES.includes(rawStatus)) {
            warnings.push({
                code: 'STATE_MILESTONE_INVALID',
                message: `${subject} has status ${JSON.stringify(status)}; read as planning.`,
                subject,
            });
        }
        const target = readTimestamp(targetDate, subject, 'target_date', warnings);
        milestones.push({
            id: integerOr(id, milestones.length + 1),
            name: milestoneName,
            targetDate: target === null ? null : target.slice(0, 10),
            platformMilestoneId: optionalText(platformMilestoneId),
            includedFeatures: readJsonStringArray(includedFeatures, subject, 'included_features', warnings),
            status: MILESTONE_STATUSES.includes(rawStatus)
                ? rawStatus
                : 'planning',
        });
    });
    return milestones;
}

;// CONCATENATED MODULE: ./build/src/state/auto-sync.js
/** The disabled fast path: reads only git_integration_config.auto_sync_enabled, without reading any task. */



/**
 * auto_sync_enabled of the first git_integration_config row (by id), or null when the table or row is absent
 * (for a JSON export: its `config.autoSyncEnabled`, or null without config). A value that is not a boolean reads
 * as true, the column's default. Errors for missing or unreadable files are those of a full read.
 */
async function readAutoSyncEnabled(stateFile) {
    const content = await readStateFile(stateFile);
    if (content.kind === 'json') {
        let doc;
        try {
            doc = JSON.parse(content.text.replace(/^\uFEFF/, ''));
        }
        catch {
            return null; // the full read reports the broken file with its details
        }
        const config = doc?.config;
        if (config === null || config === undefined || typeof config !== 'object')
            return null;
        return typeof config.autoSyncEnabled === 'boolean' ? config.autoSyncEnabled : true;
    }
    const db = await openDatabase(content.bytes, stateFile);
    try {
        if (!hasTable(db, 'git_integration_config') ||
            !tableColumns(db, 'git_integration_config').has('auto_sync_enabled')) {
            return null;
        }
        const row = db.exec('SELECT auto_sync_enabled FROM git_integration_config ORDER BY id LIMIT 1')[0]
            ?.values[0];
        if (!row)
            return null;
        return toAutoSyncEnabled(row[0]) ?? true;
    }
    finally {
        db.close();
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./build/src/state/atomic-write.js
/** Replaces a file so that readers see the old content or the new, never half of it, and never unverified bytes. */




/**
 * Writes `content` to a temp file in the target's folder (same file system, so the rename is atomic), fsyncs it,
 * verifies it, then renames it over the target and fsyncs the folder. On any failure the temp file is removed,
 * the target is left as it was, and STATE_WRITE_FAILED is thrown.
 */
async function writeFileAtomically(target, content, options) {
    const dir = external_node_path_.dirname(target);
    const temp = external_node_path_.join(dir, `.${external_node_path_.basename(target)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    let created = false;
    try {
        const mode = await (0,promises_.stat)(target).then((s) => s.mode & 0o777, () => 0o644);
        const handle = await (0,promises_.open)(temp, 'wx', mode);
        created = true;
        try {
            await handle.writeFile(content);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await options.onTempFileWritten?.(temp);
        await options.verify(temp);
        await (0,promises_.rename)(temp, target);
        created = false;
        await syncFolder(dir);
    }
    catch (error) {
        if (created)
            await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
        const reason = error instanceof errors/* OrchestratorGitError */.Xw ? `${error.code}: ${error.message}` : error.message;
        throw new errors/* OrchestratorGitError */.Xw('STATE_WRITE_FAILED', `Could not save ${(0,errors/* quote */.hD)(target)}: ${reason} The file was left unchanged.`, 'Check that the folder is writable and has free space, and that nothing else rewrites the file during the run; then run again (completed issue changes are found again by reconciliation).', { cause: error });
    }
}
/** Makes the rename durable; some platforms cannot open a folder for fsync, which is not an error worth failing on. */
async function syncFolder(dir) {
    try {
        const handle = await (0,promises_.open)(dir, 'r');
        try {
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        // best effort
    }
}

;// CONCATENATED MODULE: ./build/src/state/hierarchy.js
/**
 * Checks the task graph in place and returns the tasks sorted by id:
 * - a repeated id keeps its first row (warning STATE_DUPLICATE_ID);
 * - a parent that does not exist makes the task top-level (STATE_PARENT_MISSING);
 * - a parent cycle is broken by making the cycle's smallest id top-level (STATE_PARENT_CYCLE);
 * - dependencies on the task itself or on tasks that do not exist are dropped (STATE_DEPENDENCY_MISSING),
 *   repeats are merged.
 * Linear in the number of tasks (index arrays, not per-task maps): it runs over 100,000-task databases.
 */
function checkTaskGraph(input, warnings) {
    const index = new Map();
    const tasks = [];
    for (const task of input) {
        if (index.has(task.id)) {
            warnings.push({
                code: 'STATE_DUPLICATE_ID',
                message: `Task id ${JSON.stringify(task.id)} appears more than once; the first row is used.`,
                subject: task.id,
            });
            continue;
        }
        index.set(task.id, tasks.length);
        tasks.push(task);
    }
    const parent = new Int32Array(tasks.length).fill(-1);
    tasks.forEach((task, i) => {
        if (task.parentId === null)
            return;
        const p = index.get(task.parentId);
        if (p !== undefined && p !== i) {
            parent[i] = p;
            return;
        }
        const self = p === i;
        warnings.push({
            code: self ? 'STATE_PARENT_CYCLE' : 'STATE_PARENT_MISSING',
            message: self
                ? `Task ${JSON.stringify(task.id)} is its own parent; it is treated as top-level.`
                : `Parent ${JSON.stringify(task.parentId)} of task ${JSON.stringify(task.id)} does not exist; the task is treated as top-level.`,
            subject: task.id,
        });
        task.parentId = null;
    });
    breakCycles(tasks, parent, warnings);
    for (const task of tasks) {
        if (task.dependencies.length === 0)
            continue;
        const kept = [];
        for (const dep of task.dependencies) {
            if (kept.includes(dep))
                continue;
            if (dep === task.id || !index.has(dep)) {
                warnings.push({
                    code: 'STATE_DEPENDENCY_MISSING',
                    message: dep === task.id
                        ? `Task ${JSON.stringify(task.id)} depends on itself; the dependency is ignored.`
                        : `Task ${JSON.stringify(task.id)} depends on ${JSON.stringify(dep)}, which does not exist; the dependency is ignored.`,
                    subject: task.id,
                });
                continue;
            }
            kept.push(dep);
        }
        task.dependencies = kept;
    }
    return tasks.sort((a, b) => compareIds(a.id, b.id));
}
/** Walks up each parent chain once (colouring), so the whole forest costs O(n). */
function breakCycles(tasks, parent, warnings) {
    const ON_PATH = 1;
    const DONE = 2;
    const mark = new Uint8Array(tasks.length);
    const path = [];
    for (let start = 0; start < tasks.length; start++) {
        if (mark[start] === DONE)
            continue;
        path.length = 0;
        let current = start;
        while (current !== -1 && mark[current] !== DONE) {
            if (mark[current] === ON_PATH) {
                const cycle = path.slice(path.indexOf(current));
                const cut = cycle.reduce((best, i) => compareIds(tasks[i].id, tasks[best].id) < 0 ? i : best);
                const task = tasks[cut];
                task.parentId = null;
                parent[cut] = -1;
                warnings.push({
                    code: 'STATE_PARENT_CYCLE',
                    message: `Tasks ${cycle.map((i) => JSON.stringify(tasks[i]?.id)).join(' → ')} are each other's parents; ${JSON.stringify(task.id)} is treated as top-level.`,
                    subject: task.id,
                });
                break;
            }
            mark[current] = ON_PATH;
            path.push(current);
            current = parent[current] ?? -1;
        }
        for (const i of path)
            mark[i] = DONE;
    }
}
/** Plain code-unit order: the same on every machine and locale. */
function compareIds(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./build/src/state/features.js
/** Reads the orchestrator's feature specification files (Markdown, bold-line headers or YAML front matter). */






/**
 * Reads every `*.md` below `dir` (any depth, in path order). README.md files and dot-folders are skipped. A file
 * without a feature id is a warning and skipped; when two files share an id the first by path wins.
 */
async function readFeatures(dir) {
    const isDir = await (0,promises_.stat)(dir).then((s) => s.isDirectory(), () => false);
    if (!isDir) {
        throw new errors/* OrchestratorGitError */.Xw('FEATURES_DIR_NOT_FOUND', `The features folder ${(0,errors/* quote */.hD)(dir)} does not exist or is not a folder.`, 'Point the features folder setting at the folder holding the feature specification files (e.g. docs/developers/planning/features), or leave it empty to sync tasks only.');
    }
    const files = (await listMarkdown(dir, '')).sort(compareIds);
    const warnings = [];
    const features = [];
    const seen = new Map();
    for (const file of files) {
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_.join(dir, ...file.split('/')), 'utf8');
        }
        catch (error) {
            warnings.push({
                code: 'FEATURE_UNREADABLE',
                message: `Feature file ${(0,errors/* quote */.hD)(file)} could not be read (${error.message}); it is skipped.`,
                subject: file,
            });
            continue;
        }
        const fileWarnings = [];
        const feature = parseFeatureFile(text, file, fileWarnings);
        if (!feature) {
            warnings.push(...fileWarnings);
            continue;
        }
        const first = seen.get(feature.id);
        if (first !== undefined) {
            warnings.push({
                code: 'FEATURE_DUPLICATE_ID',
                message: `Feature id ${(0,errors/* quote */.hD)(feature.id)} is used by both ${(0,errors/* quote */.hD)(first)} and ${(0,errors/* quote */.hD)(file)}; ${(0,errors/* quote */.hD)(first)} is used.`,
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
async function listMarkdown(root, relative) {
    const entries = await (0,promises_.readdir)(external_node_path_.join(root, ...relative.split('/').filter(Boolean)), {
        withFileTypes: true,
    });
    const out = [];
    for (const entry of entries) {
        if (entry.name.startsWith('.'))
            continue;
        const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory())
            out.push(...(await listMarkdown(root, rel)));
        else if (entry.isFile() && /\.md$/i.test(entry.name) && !/^readme\.md$/i.test(entry.name))
            out.push(rel);
    }
    return out;
}
/** A header key normalised: "Feature ID" / "feature-id" / "feature_id" → "feature_id". */
function headerKey(key) {
    return key
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '');
}
const BOLD_LINE = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*(.*)$/;
/** `**Key**: value` or `**Key:** value` → [key, value]; backticks around the value removed. */
function boldHeader(line) {
    const m = BOLD_LINE.exec(line);
    if (!m)
        return null;
    let key = (m[1] ?? '').trim();
    let value = m[2] ?? '';
    if (key.endsWith(':'))
        key = key.slice(0, -1);
    else if (value.startsWith(':'))
        value = value.slice(1);
    else
        return null;
    return [headerKey(key), stripTicks(value.trim())];
}
function stripTicks(value) {
    const m = /^`([^`]*)`$/.exec(value);
    return (m ? (m[1] ?? '') : value).trim();
}
const STATUS_WORDS = [
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
function toFeatureStatus(text) {
    const lower = text.toLowerCase();
    let best;
    for (const [pattern, status] of STATUS_WORDS) {
        const m = new RegExp(`(?:^|[^a-z])(?:${pattern.source})(?![a-z])`).exec(lower);
        if (m && (best === undefined || m.index < best.index))
            best = { index: m.index, status };
    }
    return best?.status;
}
const FOLDER_STATUS = {
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
const SPEC_BOILERPLATE = /^((?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f]+\s*)?)feature\s+specification\s*[:\-–—]\s*/iu;
/** The title from a heading: closing #s dropped, "Feature Specification:" boilerplate removed, emoji kept. */
function featureTitle(heading) {
    const text = heading.replace(/\s+#+\s*$/, '').trim();
    const m = SPEC_BOILERPLATE.exec(text);
    if (!m)
        return text;
    const rest = text.slice(m[0].length).trim();
    if (rest === '')
        return text;
    const emoji = (m[1] ?? '').trim();
    return emoji === '' ? rest : `${emoji} ${rest}`;
}
/**
 * Parses one feature file. `file` is its path relative to the features folder (forward slashes), used for the
 * prefix/folder status and in warnings. Returns null (with a warning) when the file has no feature id.
 */
function parseFeatureFile(text, file, warnings) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    let start = 0;
    let front = {};
    if (lines[0]?.trim() === '---') {
        const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
        if (end > 0) {
            start = end + 1;
            try {
                const parsed = (0,dist/* parse */.qg)(lines.slice(1, end).join('\n'));
                if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
                    for (const [k, v] of Object.entries(parsed))
                        front[headerKey(k)] = v;
                }
            }
            catch (error) {
                warnings.push({
                    code: 'FEATURE_FRONT_MATTER_INVALID',
                    message: `The front matter of ${(0,errors/* quote */.hD)(file)} is not valid YAML (${error.message.split('\n')[0] ?? ''}); it is ignored.`,
                    subject: file,
                });
                front = {};
            }
        }
    }
    // The header zone: blank lines, the title heading, `**Key**: value` lines and rules, up to the first other line.
    const bold = {};
    let heading;
    let bodyStart = lines.length;
    for (let i = start; i < lines.length; i++) {
        const line = lines[i] ?? '';
        const h1 = /^#\s+(\S.*)$/.exec(line);
        // Blank lines, rules and empty `#` placeholders belong to the header zone.
        if (/^\s*(?:#+|-{3,}|\*{3,}|_{3,})?\s*$/.test(line))
            continue;
        if (h1 && heading === undefined) {
            heading = h1[1];
            continue;
        }
        const kv = boldHeader(line);
        if (kv) {
            if (!(kv[0] in bold))
                bold[kv[0]] = kv[1];
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
    const field = (...keys) => {
        for (const key of keys) {
            const value = front[key];
            if (typeof value === 'string' && value.trim() !== '')
                return stripTicks(value.trim());
            if (typeof value === 'number' || typeof value === 'boolean')
                return String(value);
            if (value instanceof Date)
                return value.toISOString();
        }
        for (const key of keys) {
            const value = bold[key];
            if (value !== undefined && value !== '')
                return value;
        }
        return null;
    };
    const id = field('feature_id', 'id');
    if (id === null) {
        warnings.push({
            code: 'FEATURE_ID_MISSING',
            message: `${(0,errors/* quote */.hD)(file)} has no feature id (a **Feature ID**: line or feature_id in front matter); it is skipped.`,
            subject: file,
        });
        return null;
    }
    const label = `feature ${(0,errors/* quote */.hD)(id)} (${file})`;
    let title = heading === undefined ? '' : featureTitle(heading);
    if (title === '') {
        title = field('title') ?? id;
        if (field('title') === null) {
            warnings.push({
                code: 'FEATURE_TITLE_MISSING',
                message: `${label} has no # title; it is called ${(0,errors/* quote */.hD)(id)}.`,
                subject: id,
            });
        }
    }
    const rawPriority = field('priority');
    const priority = toPriority(rawPriority);
    if (priority === undefined) {
        warnings.push({
            code: 'FEATURE_PRIORITY_UNKNOWN',
            message: `${label} has priority ${(0,errors/* quote */.hD)(rawPriority)}, not critical, high, medium or low; read as none.`,
            subject: id,
        });
    }
    const rawCreated = field('created', 'created_at', 'date_created');
    const createdAt = toIsoTimestamp(rawCreated);
    if (createdAt === undefined) {
        warnings.push({
            code: 'FEATURE_DATE_INVALID',
            message: `${label} has created date ${(0,errors/* quote */.hD)(rawCreated)}, not a date; read as none.`,
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
function resolveStatus(header, file, id, label, warnings) {
    const parts = file.split('/');
    const name = parts[parts.length - 1] ?? '';
    const prefixText = /^\[([^\]]+)\]/.exec(name)?.[1];
    const folder = parts
        .slice(0, -1)
        .reverse()
        .find((p) => FOLDER_STATUS[p.toLowerCase()] !== undefined);
    const sources = [];
    if (header !== null)
        sources.push({ source: 'header', text: header, status: toFeatureStatus(header) });
    if (prefixText !== undefined) {
        sources.push({ source: 'file prefix', text: `[${prefixText}]`, status: toFeatureStatus(prefixText) });
    }
    if (folder !== undefined)
        sources.push({ source: 'folder', text: folder, status: FOLDER_STATUS[folder.toLowerCase()] });
    if (header !== null && sources[0]?.status === undefined) {
        warnings.push({
            code: 'FEATURE_STATUS_UNKNOWN',
            message: `${label} has status ${(0,errors/* quote */.hD)(header)}, which is not proposed, approved, in progress, completed or archived.`,
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
            .map((s) => `${s.source} says ${s.status ?? ''} (${(0,errors/* quote */.hD)(s.text, 60)})`)
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
function summaryOf(lines) {
    let i = 0;
    while (i < lines.length && /^\s*#*\s*$/.test(lines[i] ?? ''))
        i++;
    return lines.slice(i).join('\n').trim();
}
function dependenciesOf(value) {
    const items = Array.isArray(value)
        ? value
        : typeof value === 'string'
            ? value.split(/[,;]/)
            : [];
    const out = [];
    for (const item of items) {
        if (typeof item !== 'string' && typeof item !== 'number')
            continue;
        const text = stripTicks(String(item).trim());
        if (text === '' || /^(none|n\/a|-|—)$/i.test(text) || out.includes(text))
            continue;
        out.push(text);
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./build/src/state/readers/types.js
/** How a task is named in warning messages. */
function taskLabel(id) {
    return `task ${JSON.stringify(id)}`;
}

;// CONCATENATED MODULE: ./build/src/state/types.js
/** The orchestrator's state as plain, validated records: what every reader returns and the core consumes. */
/** The item a link is about, as `task:<id>` (a task's issue) or `feature:<id>` (a feature's, when task_id is null). */
function linkItemKey(link) {
    return link.taskId !== null ? `task:${link.taskId}` : `feature:${link.featureId ?? ''}`;
}

;// CONCATENATED MODULE: ./build/src/state/json-export.js
/** The JSON export: a committed, diff-friendly alternative to the SQLite file (format in docs/state-format.md). */






const STATE_FORMAT = 'orchestrator-git-state';
const STATE_FORMAT_VERSION = 1;
const json_export_text = schemas/* string */.YjP();
const json_export_optionalText = schemas/* string */.YjP().nullable().default(null);
const platform = schemas/* enum */.k5n(['github', 'gitlab', 'bitbucket']);
const priority = schemas/* enum */.k5n(['critical', 'high', 'medium', 'low']).nullable().default(null);
const ids = schemas/* array */.YOg(schemas/* string */.YjP()).default([]);
const taskSchema = schemas/* object */.Ikc({
    id: json_export_text.min(1),
    parentId: json_export_optionalText,
    title: json_export_text,
    description: json_export_text.default(''),
    status: schemas/* enum */.k5n(['pending', 'in_progress', 'completed', 'failed', 'blocked', 'cancelled']),
    rawStatus: json_export_text.default(''),
    specialist: json_export_optionalText,
    priority,
    complexity: json_export_optionalText,
    estimatedEffort: json_export_optionalText,
    assignee: json_export_optionalText,
    featureId: json_export_optionalText,
    position: schemas/* number */.aig().int().default(0),
    createdAt: json_export_optionalText,
    updatedAt: json_export_optionalText,
    completedAt: json_export_optionalText,
    // Absent in exports made before time tracking, and for tasks that never recorded them.
    startedAt: schemas/* string */.YjP().nullable().optional(),
    actualEffort: schemas/* string */.YjP().nullable().optional(),
    dueDate: json_export_optionalText,
    dependencies: ids,
});
const featureSchema = schemas/* object */.Ikc({
    id: json_export_text.min(1),
    title: json_export_text,
    status: schemas/* enum */.k5n(['proposed', 'approved', 'in_progress', 'completed', 'archived']),
    rawStatus: json_export_text.default(''),
    priority,
    rawPriority: json_export_optionalText,
    category: json_export_optionalText,
    estimatedEffort: json_export_optionalText,
    createdAt: json_export_optionalText,
    summary: json_export_text.default(''),
    file: json_export_text.default(''),
    dependencies: ids,
});
const milestoneSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig().int(),
    name: json_export_text.min(1),
    targetDate: json_export_optionalText,
    platformMilestoneId: json_export_optionalText,
    includedFeatures: ids,
    status: schemas/* enum */.k5n(['planning', 'active', 'completed', 'cancelled']).default('planning'),
});
const linkSchema = schemas/* object */.Ikc({
    featureId: json_export_optionalText,
    taskId: json_export_optionalText,
    platform,
    repository: json_export_text.min(1),
    issueNumber: schemas/* number */.aig().int().positive(),
    issueUrl: json_export_text.default(''),
    syncStatus: schemas/* enum */.k5n(['synced', 'pending', 'failed', 'manual']).default('synced'),
    lastSynced: json_export_optionalText,
})
    .refine((l) => l.featureId !== null || l.taskId !== null, {
    message: 'a link needs a featureId or a taskId',
});
const configSchema = schemas/* object */.Ikc({
    platform: platform.nullable().default(null),
    repositoryUrl: json_export_text,
    apiTokenName: json_export_optionalText,
    defaultLabels: ids,
    autoSyncEnabled: schemas/* boolean */.zMY().default(true),
    issueTemplate: json_export_optionalText,
});
const itemSchema = schemas/* object */.Ikc({
    itemKey: json_export_text.min(1),
    platform,
    repository: json_export_text.min(1),
    issueNumber: schemas/* number */.aig().int().positive(),
    issueId: json_export_optionalText,
    contentHash: json_export_text,
    ownedAssignees: ids,
    syncedAt: json_export_text,
});
const journalSchema = schemas/* object */.Ikc({
    runId: json_export_text.min(1),
    seq: schemas/* number */.aig().int(),
    itemKey: json_export_text,
    operation: json_export_text,
    status: schemas/* enum */.k5n(['planned', 'done', 'failed', 'skipped']),
    issueNumber: schemas/* number */.aig().int().nullable().default(null),
    detail: json_export_optionalText,
    at: json_export_text,
});
const runSchema = schemas/* object */.Ikc({
    runId: json_export_text.min(1),
    platform: json_export_text,
    repository: json_export_text,
    startedAt: json_export_text,
    finishedAt: json_export_optionalText,
    fullReconcile: schemas/* boolean */.zMY().default(true),
    outcome: json_export_optionalText,
    counts: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig()).nullable().default(null),
    seenUntil: json_export_optionalText,
});
const releaseSchema = schemas/* object */.Ikc({
    platform,
    repository: json_export_text,
    tag: json_export_text.min(1),
    version: json_export_text,
    commit: json_export_text,
    previousTag: json_export_optionalText,
    milestone: json_export_optionalText,
    releaseUrl: json_export_optionalText,
    releasedAt: json_export_text,
    items: ids,
});
const stateDocumentSchema = schemas/* object */.Ikc({
    format: schemas/* literal */.euz(STATE_FORMAT),
    version: schemas/* literal */.euz(STATE_FORMAT_VERSION),
    exportedAt: json_export_text,
    source: schemas/* object */.Ikc({
        generation: schemas/* enum */.k5n(['v1', 'v2-generic', 'v2-tasks', 'json-export']),
        file: schemas/* string */.YjP().optional(),
    }),
    tasks: schemas/* array */.YOg(taskSchema),
    features: schemas/* array */.YOg(featureSchema).default([]),
    milestones: schemas/* array */.YOg(milestoneSchema).default([]),
    links: schemas/* array */.YOg(linkSchema).default([]),
    config: configSchema.nullable().default(null),
    sync: schemas/* object */.Ikc({
        items: schemas/* array */.YOg(itemSchema).default([]),
        journal: schemas/* array */.YOg(journalSchema).default([]),
        runs: schemas/* array */.YOg(runSchema).default([]),
        // Release records (added in 0.x with migration 2): optional, so earlier exports read unchanged.
        releases: schemas/* array */.YOg(releaseSchema).optional(),
    })
        .default({ items: [], journal: [], runs: [] }),
});
/** `$.tasks[3].status` from a zod path. */
function jsonPath(path) {
    return ('$' +
        path
            .map((p) => typeof p === 'number'
            ? `[${p}]`
            : /^[A-Za-z_$][\w$]*$/.test(String(p))
                ? `.${String(p)}`
                : `[${JSON.stringify(String(p))}]`)
            .join(''));
}
function json_export_invalid(file, problems) {
    const shown = problems.slice(0, 5).join('; ');
    const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
    return new errors/* OrchestratorGitError */.Xw('STATE_JSON_INVALID', `The JSON export ${(0,errors/* quote */.hD)(file)} is not a valid orchestrator-git state file: ${shown}${more}.`, 'Regenerate it with `orchestrator-git export` from the orchestrator database, or fix the values at the paths named (format described in docs/state-format.md).');
}
/** Parses and validates a JSON export; STATE_JSON_INVALID names the first problems with their JSON paths. */
function parseStateDocument(content, file) {
    let raw;
    try {
        raw = JSON.parse(content.replace(/^\uFEFF/, ''));
    }
    catch (error) {
        throw json_export_invalid(file, [`not valid JSON (${error.message})`]);
    }
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        const { format, version } = raw;
        if (format === STATE_FORMAT && typeof version === 'number' && version > STATE_FORMAT_VERSION) {
            throw new errors/* OrchestratorGitError */.Xw('STATE_JSON_INVALID', `The JSON export ${(0,errors/* quote */.hD)(file)} has format version ${version}; this orchestrator-git reads version ${STATE_FORMAT_VERSION}.`, 'Upgrade orchestrator-git, or regenerate the export with this version (`orchestrator-git export`).');
        }
    }
    const result = stateDocumentSchema.safeParse(raw);
    if (!result.success) {
        throw json_export_invalid(file, result.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`));
    }
    return result.data;
}
/** The state a JSON export describes; its tasks are checked like a database's (parents, cycles, dependencies). */
function stateFromDocument(doc, file) {
    const warnings = [];
    const tasks = checkTaskGraph(doc.tasks.map((t) => {
        return {
            ...t,
            dependencies: [...t.dependencies],
            createdAt: readTimestamp(t.createdAt, t.id, 'createdAt', warnings, taskLabel),
            updatedAt: readTimestamp(t.updatedAt, t.id, 'updatedAt', warnings, taskLabel),
            completedAt: readTimestamp(t.completedAt, t.id, 'completedAt', warnings, taskLabel),
            ...(t.startedAt !== undefined
                ? { startedAt: readTimestamp(t.startedAt, t.id, 'startedAt', warnings, taskLabel) }
                : {}),
            dueDate: readTimestamp(t.dueDate, t.id, 'dueDate', warnings, taskLabel),
        };
    }), warnings);
    const exportedFrom = {
        generation: doc.source.generation,
        ...(doc.source.file === undefined ? {} : { file: doc.source.file }),
        exportedAt: doc.exportedAt,
    };
    return {
        generation: 'json-export',
        source: {
            description: `JSON export ${(0,errors/* quote */.hD)(file)} (from ${doc.source.generation}${doc.source.file === undefined ? '' : ` ${(0,errors/* quote */.hD)(doc.source.file)}`}, exported ${doc.exportedAt}; ${tasks.length} tasks)`,
            exportedFrom,
        },
        tasks,
        features: doc.features.map((f) => ({ ...f, dependencies: [...f.dependencies] })),
        milestones: doc.milestones.map((m) => ({ ...m, includedFeatures: [...m.includedFeatures] })),
        links: doc.links.map((l) => ({ ...l })),
        config: doc.config === null ? null : { ...doc.config, defaultLabels: [...doc.config.defaultLabels] },
        warnings,
    };
}
/**
 * The JSON export of a state and its sync records: fixed key order, tasks/features/links/items sorted, journal
 * and runs in time order, 2-space indent, trailing newline — so a commit's diff shows only what changed.
 */
function exportState(state, syncRecords = {}, options = {}) {
    const generation = state.generation === 'json-export'
        ? (state.source?.exportedFrom?.generation ?? 'json-export')
        : state.generation;
    const file = options.sourceFile === undefined ? state.source?.exportedFrom?.file : (options.sourceFile ?? undefined);
    return serializeStateDocument({
        format: STATE_FORMAT,
        version: STATE_FORMAT_VERSION,
        exportedAt: options.exportedAt ?? new Date().toISOString(),
        source: file === undefined ? { generation } : { generation, file },
        tasks: state.tasks,
        features: state.features,
        milestones: state.milestones,
        links: state.links,
        config: state.config,
        sync: {
            items: syncRecords.items ?? [],
            journal: syncRecords.journal ?? [],
            runs: syncRecords.runs ?? [],
            ...(syncRecords.releases && syncRecords.releases.length > 0 ? { releases: syncRecords.releases } : {}),
        },
    });
}
/** Serialises a document canonically (see exportState). */
function serializeStateDocument(doc) {
    const ordered = {
        format: doc.format,
        version: doc.version,
        exportedAt: doc.exportedAt,
        source: doc.source.file === undefined
            ? { generation: doc.source.generation }
            : { generation: doc.source.generation, file: doc.source.file },
        tasks: [...doc.tasks].sort((a, b) => compareIds(a.id, b.id)).map(taskJson),
        features: [...doc.features].sort((a, b) => compareIds(a.id, b.id)).map(featureJson),
        milestones: [...doc.milestones].sort((a, b) => a.id - b.id).map(milestoneJson),
        links: [...doc.links].sort(compareLinks).map(linkJson),
        config: doc.config === null ? null : configJson(doc.config),
        sync: {
            items: [...doc.sync.items]
                .sort((a, b) => compareIds(a.itemKey, b.itemKey) ||
                compareIds(a.platform, b.platform) ||
                compareIds(a.repository, b.repository))
                .map((i) => ({
                itemKey: i.itemKey,
                platform: i.platform,
                repository: i.repository,
                issueNumber: i.issueNumber,
                issueId: i.issueId,
                contentHash: i.contentHash,
                ownedAssignees: [...i.ownedAssignees],
                syncedAt: i.syncedAt,
            })),
            journal: doc.sync.journal.map((e) => ({
                runId: e.runId,
                seq: e.seq,
                itemKey: e.itemKey,
                operation: e.operation,
                status: e.status,
                issueNumber: e.issueNumber,
                detail: e.detail,
                at: e.at,
            })),
            runs: doc.sync.runs.map((r) => ({
                runId: r.runId,
                platform: r.platform,
                repository: r.repository,
                startedAt: r.startedAt,
                finishedAt: r.finishedAt,
                fullReconcile: r.fullReconcile,
                outcome: r.outcome,
                counts: r.counts === null
                    ? null
                    : Object.fromEntries(Object.entries(r.counts).sort(([a], [b]) => compareIds(a, b))),
                seenUntil: r.seenUntil,
            })),
            // Only when there are any: an export without releases stays byte-identical to earlier versions.
            ...(doc.sync.releases && doc.sync.releases.length > 0
                ? {
                    releases: [...doc.sync.releases]
                        .sort((a, b) => compareIds(a.platform, b.platform) ||
                        compareIds(a.repository, b.repository) ||
                        compareIds(a.releasedAt, b.releasedAt) ||
                        compareIds(a.tag, b.tag))
                        .map((r) => ({
                        platform: r.platform,
                        repository: r.repository,
                        tag: r.tag,
                        version: r.version,
                        commit: r.commit,
                        previousTag: r.previousTag,
                        milestone: r.milestone,
                        releaseUrl: r.releaseUrl,
                        releasedAt: r.releasedAt,
                        items: [...r.items].sort(),
                    })),
                }
                : {}),
        },
    };
    return `${JSON.stringify(ordered, null, 2)}\n`;
}
/** The key a link is replaced by: its task, or its feature when it has no task, per platform + repository. */
function linkKey(link) {
    return `${linkItemKey(link)}\u0000${link.platform}\u0000${link.repository}`;
}
function compareLinks(a, b) {
    return compareIds(linkKey(a), linkKey(b));
}
function taskJson(t) {
    return {
        id: t.id,
        parentId: t.parentId,
        title: t.title,
        description: t.description,
        status: t.status,
        rawStatus: t.rawStatus,
        specialist: t.specialist,
        priority: t.priority,
        complexity: t.complexity,
        estimatedEffort: t.estimatedEffort,
        assignee: t.assignee,
        featureId: t.featureId,
        position: t.position,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        completedAt: t.completedAt,
        ...(t.startedAt ? { startedAt: t.startedAt } : {}),
        ...(t.actualEffort ? { actualEffort: t.actualEffort } : {}),
        dueDate: t.dueDate,
        dependencies: [...t.dependencies],
    };
}
function featureJson(f) {
    return {
        id: f.id,
        title: f.title,
        status: f.status,
        rawStatus: f.rawStatus,
        priority: f.priority,
        rawPriority: f.rawPriority,
        category: f.category,
        estimatedEffort: f.estimatedEffort,
        createdAt: f.createdAt,
        summary: f.summary,
        file: f.file,
        dependencies: [...f.dependencies],
    };
}
function milestoneJson(m) {
    return {
        id: m.id,
        name: m.name,
        targetDate: m.targetDate,
        platformMilestoneId: m.platformMilestoneId,
        includedFeatures: [...m.includedFeatures],
        status: m.status,
    };
}
function linkJson(l) {
    return {
        featureId: l.featureId,
        taskId: l.taskId,
        platform: l.platform,
        repository: l.repository,
        issueNumber: l.issueNumber,
        issueUrl: l.issueUrl,
        syncStatus: l.syncStatus,
        lastSynced: l.lastSynced,
    };
}
function configJson(c) {
    return {
        platform: c.platform,
        repositoryUrl: c.repositoryUrl,
        apiTokenName: c.apiTokenName,
        defaultLabels: [...c.defaultLabels],
        autoSyncEnabled: c.autoSyncEnabled,
        issueTemplate: c.issueTemplate,
    };
}

;// CONCATENATED MODULE: ./build/src/state/migrations.js
/** The seed's schema extension, verbatim from the orchestrator's Git integration spec (created only if absent). */
const SEED_TABLES_SQL = {
    git_integration_config: `CREATE TABLE IF NOT EXISTS git_integration_config (
    id INTEGER PRIMARY KEY,
    platform TEXT CHECK (platform IN ('github', 'gitlab', 'bitbucket')),
    repository_url TEXT NOT NULL,
    api_token_name TEXT,            -- name of the secret / env var holding the token, never the token
    default_labels TEXT,            -- JSON array
    auto_sync_enabled BOOLEAN DEFAULT TRUE,
    issue_template TEXT,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)`,
    feature_issue_links: `CREATE TABLE IF NOT EXISTS feature_issue_links (
    id INTEGER PRIMARY KEY,
    feature_id TEXT,                -- feature file's Feature ID
    task_id TEXT REFERENCES tasks(task_id),
    platform TEXT,
    repository TEXT,
    issue_number INTEGER,
    issue_url TEXT,
    sync_status TEXT CHECK (sync_status IN ('synced', 'pending', 'failed', 'manual')),
    last_synced DATETIME,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)`,
    release_milestones: `CREATE TABLE IF NOT EXISTS release_milestones (
    id INTEGER PRIMARY KEY,
    milestone_name TEXT NOT NULL,
    target_date DATE,
    platform_milestone_id TEXT,
    included_features TEXT,         -- JSON array of feature ids
    status TEXT CHECK (status IN ('planning', 'active', 'completed', 'cancelled')),
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
)`,
};
/** The product's own tables, in order. Append new migrations; never edit an applied one. */
const MIGRATIONS = [
    {
        version: 1,
        name: 'sync items, journal and runs',
        sql: `
CREATE TABLE orchestrator_git_items (
  item_key TEXT NOT NULL,          -- 'feature:<id>' or 'task:<id>'
  platform TEXT NOT NULL, repository TEXT NOT NULL,
  issue_number INTEGER NOT NULL, issue_id TEXT,
  content_hash TEXT NOT NULL,       -- hash of the managed fields last written
  owned_assignees TEXT NOT NULL DEFAULT '[]',  -- JSON array of logins the tool assigned
  synced_at TEXT NOT NULL,
  PRIMARY KEY (item_key, platform, repository));
CREATE TABLE orchestrator_git_journal (
  run_id TEXT NOT NULL, seq INTEGER NOT NULL, item_key TEXT NOT NULL, operation TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned','done','failed','skipped')),
  issue_number INTEGER, detail TEXT, at TEXT NOT NULL, PRIMARY KEY (run_id, seq));
CREATE TABLE orchestrator_git_runs (
  run_id TEXT PRIMARY KEY, platform TEXT NOT NULL, repository TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT, full_reconcile INTEGER NOT NULL DEFAULT 1, outcome TEXT, counts TEXT, seen_until TEXT);`,
    },
    {
        version: 2,
        name: 'release records',
        sql: `
CREATE TABLE orchestrator_git_releases (
  platform TEXT NOT NULL, repository TEXT NOT NULL, tag TEXT NOT NULL, version TEXT NOT NULL,
  commit_sha TEXT NOT NULL, previous_tag TEXT, milestone TEXT, release_url TEXT,
  released_at TEXT NOT NULL,        -- when the tag step first recorded it (ISO 8601)
  PRIMARY KEY (platform, repository, tag));
CREATE TABLE orchestrator_git_released_items (
  platform TEXT NOT NULL, repository TEXT NOT NULL, tag TEXT NOT NULL,
  item_key TEXT NOT NULL,           -- 'feature:<id>' or 'task:<id>'
  PRIMARY KEY (platform, repository, tag, item_key));`,
    },
];
const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS orchestrator_git_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;
/** Tables a database written by this version must have (checked when verifying a saved file). */
const PRODUCT_TABLES = [
    'orchestrator_git_migrations',
    'orchestrator_git_items',
    'orchestrator_git_journal',
    'orchestrator_git_runs',
    'orchestrator_git_releases',
    'orchestrator_git_released_items',
    ...Object.keys(SEED_TABLES_SQL),
];
/**
 * Creates the seed tables if absent and applies the migrations not yet recorded, in one transaction.
 * Returns the versions applied (empty when the database was up to date).
 */
function applyMigrations(db, now = () => new Date()) {
    // The seed's feature_issue_links references tasks(task_id), which no generation has; SQLite would reject
    // writes with foreign keys on, so keep them off for this connection (the default in sql.js).
    db.run('PRAGMA foreign_keys = OFF');
    const applied = [];
    db.run('BEGIN');
    try {
        for (const sql of Object.values(SEED_TABLES_SQL))
            db.run(sql);
        db.run(MIGRATIONS_TABLE_SQL);
        const done = new Set((db.exec('SELECT version FROM orchestrator_git_migrations')[0]?.values ?? []).map((r) => Number(r[0])));
        for (const migration of MIGRATIONS) {
            if (done.has(migration.version))
                continue;
            db.exec(migration.sql);
            db.run('INSERT INTO orchestrator_git_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
                migration.version,
                migration.name,
                now().toISOString(),
            ]);
            applied.push(migration.version);
        }
        db.run('COMMIT');
    }
    catch (error) {
        db.run('ROLLBACK');
        throw error;
    }
    return applied;
}
/** Highest migration this code knows: a database recording a higher one was written by a newer version. */
const LATEST_MIGRATION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

;// CONCATENATED MODULE: ./build/src/state/readers/v1.js
/** Reads the 1.x schema: each task_breakdowns row is a top-level task, its subtasks are the children. */




const BREAKDOWN_COLUMNS = ['parent_task_id', 'description', 'complexity', 'context', 'created_at'];
const SUBTASK_COLUMNS = [
    'task_id',
    'parent_task_id',
    'title',
    'description',
    'specialist_type',
    'dependencies',
    'estimated_effort',
    'status',
    'created_at',
    'completed_at',
];
function readV1Tasks(db) {
    const warnings = [];
    const tasks = [];
    const breakdowns = new Map();
    const breakdownCols = tableColumns(db, 'task_breakdowns');
    let position = 0;
    forEachRow(db, `SELECT ${selectList(breakdownCols, BREAKDOWN_COLUMNS)} FROM task_breakdowns ORDER BY created_at, rowid`, null, ([id, description, complexity, context, createdAt]) => {
        const taskId = String(id);
        const text = typeof description === 'string' ? description : '';
        const ctx = readJsonObject(context, taskId, 'context', warnings, taskLabel);
        const task = {
            id: taskId,
            parentId: null,
            title: firstLineTitle(text) || taskId,
            description: text,
            status: 'pending',
            rawStatus: '',
            specialist: null,
            priority: readPriority(ctx.priority ?? null, taskId, warnings, taskLabel),
            complexity: optionalText(complexity),
            estimatedEffort: null,
            assignee: null,
            featureId: optionalText(ctx.feature_id),
            position: position++,
            createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
            updatedAt: null,
            completedAt: null,
            dueDate: null,
            dependencies: [],
        };
        breakdowns.set(taskId, task);
        tasks.push(task);
    });
    const subtaskCols = tableColumns(db, 'subtasks');
    const children = new Map();
    forEachRow(db, `SELECT ${selectList(subtaskCols, SUBTASK_COLUMNS)} FROM subtasks ORDER BY parent_task_id, created_at, rowid`, null, ([id, parentId, title, description, specialist, dependencies, effort, status, createdAt, completedAt,]) => {
        const taskId = String(id);
        const parent = parentId === null ? null : String(parentId);
        const siblings = parent === null ? undefined : children.get(parent);
        const list = siblings ?? [];
        if (!siblings && parent !== null)
            children.set(parent, list);
        const task = {
            id: taskId,
            parentId: parent,
            title: optionalText(title) ??
                (firstLineTitle(typeof description === 'string' ? description : '') || taskId),
            description: typeof description === 'string' ? description : '',
            status: mapTaskStatus(status, taskId, warnings, taskLabel),
            rawStatus: status === null ? '' : String(status),
            specialist: optionalText(specialist),
            priority: null,
            complexity: null,
            estimatedEffort: optionalText(effort),
            assignee: null,
            featureId: null,
            position: list.length,
            createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
            updatedAt: null,
            completedAt: readTimestamp(completedAt, taskId, 'completed_at', warnings, taskLabel),
            dueDate: null,
            dependencies: readJsonStringArray(dependencies, taskId, 'dependencies', warnings, taskLabel),
        };
        list.push(task);
        tasks.push(task);
    });
    for (const [id, breakdown] of breakdowns) {
        const own = children.get(id) ?? [];
        breakdown.status = deriveStatus(own.map((t) => t.status));
        if (breakdown.status === 'completed') {
            breakdown.completedAt = own.reduce((latest, t) => t.completedAt !== null && (latest === null || t.completedAt > latest) ? t.completedAt : latest, null);
        }
    }
    return { tasks: checkTaskGraph(tasks, warnings), warnings };
}
/**
 * v1 breakdowns store no status; it follows from the subtasks: all completed (or cancelled) → completed; any in
 * progress → in_progress; else any failed → failed; else any blocked → blocked; some completed → in_progress;
 * else (including no subtasks) pending.
 */
function deriveStatus(children) {
    if (children.length === 0)
        return 'pending';
    if (children.every((s) => s === 'completed' || s === 'cancelled')) {
        return children.some((s) => s === 'completed') ? 'completed' : 'cancelled';
    }
    if (children.includes('in_progress'))
        return 'in_progress';
    if (children.includes('failed'))
        return 'failed';
    if (children.includes('blocked'))
        return 'blocked';
    if (children.includes('completed'))
        return 'in_progress';
    return 'pending';
}

;// CONCATENATED MODULE: ./build/src/state/readers/dependencies.js
/** The v2 generations' task_dependencies tables, read as dependent → prerequisites (their column names differ). */

/** dependent → prerequisites, in the order they were recorded; empty when the table lacks either column. */
function readDependencies(db, dependentColumn, prerequisiteColumn) {
    const deps = new Map();
    const columns = tableColumns(db, 'task_dependencies');
    if (!columns.has(dependentColumn) || !columns.has(prerequisiteColumn))
        return deps;
    forEachRow(db, `SELECT ${dependentColumn}, ${prerequisiteColumn} FROM task_dependencies`, null, ([dependent, prerequisite]) => {
        if (dependent === null || prerequisite === null)
            return;
        const key = String(dependent);
        const list = deps.get(key);
        if (list)
            list.push(String(prerequisite));
        else
            deps.set(key, [String(prerequisite)]);
    });
    return deps;
}

;// CONCATENATED MODULE: ./build/src/state/readers/v2-generic.js
/** Reads the 2.0 generic task model (`generic_tasks` + `task_dependencies`). */





const COLUMNS = [
    'task_id',
    'parent_task_id',
    'title',
    'description',
    'status',
    'specialist_type',
    'assigned_to',
    'complexity',
    'estimated_effort',
    'position_in_parent',
    'context',
    'created_at',
    'updated_at',
    'completed_at',
    'due_date',
    'deleted_at',
    'is_template',
    'started_at',
    'actual_effort',
];
/**
 * Soft-deleted rows (`deleted_at` set) are returned with status `cancelled` and a STATE_SOFT_DELETED warning, so
 * an issue made for them earlier is closed rather than left open. Template rows (`is_template` true) are
 * blueprints, not work, and are skipped.
 */
function readV2GenericTasks(db) {
    const warnings = [];
    const dependencies = readDependencies(db, 'dependent_task_id', 'prerequisite_task_id');
    const tasks = [];
    let templates = 0;
    let index = 0;
    forEachRow(db, `SELECT ${selectList(tableColumns(db, 'generic_tasks'), COLUMNS)} FROM generic_tasks ORDER BY rowid`, null, ([id, parentId, title, description, status, specialist, assignedTo, complexity, effort, position, context, createdAt, updatedAt, completedAt, dueDate, deletedAt, isTemplate, startedAt, actualEffort,]) => {
        index++;
        if (isTemplate === 1 || isTemplate === '1' || isTemplate === 'true' || isTemplate === 'TRUE') {
            templates++;
            return;
        }
        const taskId = String(id);
        const ctx = readJsonObject(context, taskId, 'context', warnings, taskLabel);
        const text = typeof description === 'string' ? description : '';
        const task = {
            id: taskId,
            parentId: optionalText(parentId),
            title: optionalText(title) ?? (firstLineTitle(text) || taskId),
            description: text,
            status: mapTaskStatus(status, taskId, warnings, taskLabel),
            rawStatus: status === null ? '' : String(status),
            specialist: optionalText(specialist),
            priority: readPriority(ctx.priority ?? null, taskId, warnings, taskLabel),
            complexity: optionalText(complexity),
            estimatedEffort: optionalText(effort),
            assignee: optionalText(assignedTo),
            featureId: optionalText(ctx.feature_id),
            position: integerOr(position, index),
            createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
            updatedAt: readTimestamp(updatedAt, taskId, 'updated_at', warnings, taskLabel),
            completedAt: readTimestamp(completedAt, taskId, 'completed_at', warnings, taskLabel),
            dueDate: readTimestamp(dueDate, taskId, 'due_date', warnings, taskLabel),
            dependencies: dependencies.get(taskId) ?? [],
        };
        // Only when recorded, so states without them read as they always did.
        const started = readTimestamp(startedAt, taskId, 'started_at', warnings, taskLabel);
        if (started !== null)
            task.startedAt = started;
        const actual = optionalText(actualEffort);
        if (actual !== null)
            task.actualEffort = actual;
        if (deletedAt !== null && deletedAt !== '') {
            task.status = 'cancelled';
            warnings.push({
                code: 'STATE_SOFT_DELETED',
                message: `${taskLabel(taskId)} was deleted (deleted_at ${JSON.stringify(String(deletedAt))}); it is read as cancelled.`,
                subject: taskId,
            });
        }
        tasks.push(task);
    });
    if (templates > 0) {
        warnings.push({
            code: 'STATE_TEMPLATE_SKIPPED',
            message: `${templates} template task(s) (is_template) were skipped: templates are not work to track.`,
        });
    }
    return { tasks: checkTaskGraph(tasks, warnings), warnings };
}

;// CONCATENATED MODULE: ./build/src/state/readers/v2-tasks.js
/** Reads the 2.x clean-architecture repository (`tasks` + `task_dependencies(task_id, dependency_id)`). */





const v2_tasks_COLUMNS = [
    'id',
    'parent_task_id',
    'type',
    'status',
    'title',
    'description',
    'metadata',
    'created_at',
    'updated_at',
    'completed_at',
];
/**
 * Priority, complexity, specialist, estimate, feature and assignee come from `metadata`. A task without a title
 * gets "<Type> <first 8 characters of id>" (e.g. "Review a1b2c3d4") and a STATE_TITLE_MISSING warning.
 */
function readV2Tasks(db) {
    const warnings = [];
    const dependencies = readDependencies(db, 'task_id', 'dependency_id');
    const tasks = [];
    const untitled = [];
    const siblings = new Map();
    forEachRow(db, `SELECT ${selectList(tableColumns(db, 'tasks'), v2_tasks_COLUMNS)} FROM tasks ORDER BY created_at, rowid`, null, ([id, parentId, type, status, title, description, metadata, createdAt, updatedAt, completedAt]) => {
        const taskId = String(id);
        const meta = readJsonObject(metadata, taskId, 'metadata', warnings, taskLabel);
        const text = typeof description === 'string' ? description : '';
        const parent = optionalText(parentId);
        const position = siblings.get(parent) ?? 0;
        siblings.set(parent, position + 1);
        const taskTitle = optionalText(title) ?? firstLineTitle(text);
        const task = {
            id: taskId,
            parentId: parent,
            title: taskTitle,
            description: text,
            status: mapTaskStatus(status, taskId, warnings, taskLabel),
            rawStatus: status === null ? '' : String(status),
            specialist: optionalText(meta.specialist ?? meta.specialist_type),
            priority: readPriority(meta.priority ?? null, taskId, warnings, taskLabel),
            complexity: optionalText(meta.complexity),
            estimatedEffort: optionalText(meta.estimated_effort ?? meta.estimatedEffort),
            assignee: optionalText(meta.assignee ?? meta.assigned_to),
            featureId: optionalText(meta.feature_id ?? meta.featureId),
            position,
            createdAt: readTimestamp(createdAt, taskId, 'created_at', warnings, taskLabel),
            updatedAt: readTimestamp(updatedAt, taskId, 'updated_at', warnings, taskLabel),
            completedAt: readTimestamp(completedAt, taskId, 'completed_at', warnings, taskLabel),
            dueDate: readTimestamp(meta.due_date ?? null, taskId, 'metadata.due_date', warnings, taskLabel),
            dependencies: dependencies.get(taskId) ?? [],
        };
        const actualEffort = optionalText(meta.actual_effort ?? meta.actualEffort);
        if (actualEffort !== null)
            task.actualEffort = actualEffort;
        if (taskTitle === '')
            untitled.push({ task, type });
        tasks.push(task);
    });
    if (untitled.length > 0) {
        const prefixes = new Map();
        for (const t of tasks)
            prefixes.set(shortId(t.id), (prefixes.get(shortId(t.id)) ?? 0) + 1);
        for (const { task, type } of untitled) {
            task.title = fallbackTitle(type, task.id, (prefixes.get(shortId(task.id)) ?? 0) > 1);
            warnings.push({
                code: 'STATE_TITLE_MISSING',
                message: `${taskLabel(task.id)} has no title; it is called ${JSON.stringify(task.title)}.`,
                subject: task.id,
            });
        }
    }
    return { tasks: checkTaskGraph(tasks, warnings), warnings };
}
function shortId(id) {
    return id.replace(/-/g, '').slice(0, 8);
}
/**
 * "Review 7d0f3c1e" from type `review` and a uuid; when other tasks share those 8 characters, the last 8 are
 * added ("Review a1b2c3d4…00000003") so titles stay distinguishable.
 */
function fallbackTitle(type, id, ambiguous = false) {
    const kind = (optionalText(type) ?? 'task').replace(/[_-]+/g, ' ');
    const compact = id.replace(/-/g, '');
    const short = ambiguous && compact.length > 16 ? `${compact.slice(0, 8)}…${compact.slice(-8)}` : compact.slice(0, 8);
    return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${short}`;
}

;// CONCATENATED MODULE: ./build/src/state/read-database.js
/** Reads a whole orchestrator database (tasks of its generation, plus the seed's tables) into an OrchestratorState. */







/** Features are not in the database: they come from the feature files (see features.ts) and start empty here. */
function readDatabaseState(db, file) {
    try {
        const detection = detectGeneration(db, file);
        const read = detection.generation === 'v1'
            ? readV1Tasks(db)
            : detection.generation === 'v2-generic'
                ? readV2GenericTasks(db)
                : readV2Tasks(db);
        const warnings = [...detection.warnings, ...read.warnings];
        const links = readIssueLinks(db, warnings);
        const config = readGitIntegrationConfig(db, warnings);
        const milestones = readReleaseMilestones(db, warnings);
        return {
            generation: detection.generation,
            source: { description: `${detection.description}, ${read.tasks.length} tasks read` },
            tasks: read.tasks,
            features: [],
            milestones,
            links,
            config,
            warnings,
        };
    }
    catch (error) {
        // A corrupt page can surface on any query, not only at open.
        if ((0,errors/* isOrchestratorGitError */.$O)(error))
            throw error;
        throw unreadable(file, error);
    }
}

;// CONCATENATED MODULE: ./build/src/state/sync-records.js
/** The product's own sync bookkeeping (synced items, journal, runs) and how it is kept in SQLite. */

/** Same release, same items (the date is when it was first recorded, and does not count). */
function sameRelease(a, b) {
    return JSON.stringify({ ...a, releasedAt: '' }) === JSON.stringify({ ...b, releasedAt: '' });
}
/** Release records of the database, oldest first; none before migration 2 ran. */
function selectReleases(db, platform, repository) {
    if (!hasTable(db, 'orchestrator_git_releases'))
        return [];
    const items = new Map();
    forEachRow(db, 'SELECT platform, repository, tag, item_key FROM orchestrator_git_released_items ORDER BY item_key', [], (row) => {
        const key = `${String(row[0])}\u0000${String(row[1])}\u0000${String(row[2])}`;
        const list = items.get(key) ?? [];
        list.push(String(row[3]));
        items.set(key, list);
    });
    const releases = [];
    forEachRow(db, `SELECT platform, repository, tag, version, commit_sha, previous_tag, milestone, release_url, released_at
       FROM orchestrator_git_releases ORDER BY released_at, tag`, [], (row) => {
        if (platform !== undefined && row[0] !== platform)
            return;
        if (repository !== undefined && row[1] !== repository)
            return;
        const text = (value) => value === null || value === undefined ? null : String(value);
        releases.push({
            platform: String(row[0]),
            repository: String(row[1]),
            tag: String(row[2]),
            version: String(row[3]),
            commit: String(row[4]),
            previousTag: text(row[5]),
            milestone: text(row[6]),
            releaseUrl: text(row[7]),
            releasedAt: String(row[8]),
            items: items.get(`${String(row[0])}\u0000${String(row[1])}\u0000${String(row[2])}`) ?? [],
        });
    });
    return releases;
}
/** Records (or replaces) a release and its items, in one transaction. */
function writeRelease(db, release) {
    const key = [release.platform, release.repository, release.tag];
    db.run('BEGIN');
    try {
        db.run(`INSERT OR REPLACE INTO orchestrator_git_releases
         (platform, repository, tag, version, commit_sha, previous_tag, milestone, release_url, released_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
            ...key,
            release.version,
            release.commit,
            release.previousTag,
            release.milestone,
            release.releaseUrl,
            release.releasedAt,
        ]);
        db.run('DELETE FROM orchestrator_git_released_items WHERE platform = ? AND repository = ? AND tag = ?', key);
        for (const item of release.items)
            db.run('INSERT INTO orchestrator_git_released_items (platform, repository, tag, item_key) VALUES (?, ?, ?, ?)', [...key, item]);
        db.run('COMMIT');
    }
    catch (error) {
        db.run('ROLLBACK');
        throw error;
    }
}
/** Journal entries are kept for this many runs (the newest by their latest entry). */
const JOURNAL_RUNS_KEPT = 20;
/** Run records are kept for this many runs per platform + repository. */
const RUNS_KEPT_PER_REPOSITORY = 20;
function sameItem(a, b) {
    return (a.itemKey === b.itemKey &&
        a.platform === b.platform &&
        a.repository === b.repository &&
        a.issueNumber === b.issueNumber &&
        a.issueId === b.issueId &&
        a.contentHash === b.contentHash &&
        a.syncedAt === b.syncedAt &&
        JSON.stringify(a.ownedAssignees) === JSON.stringify(b.ownedAssignees));
}
function sameRun(a, b) {
    return (a.runId === b.runId &&
        a.platform === b.platform &&
        a.repository === b.repository &&
        a.startedAt === b.startedAt &&
        a.finishedAt === b.finishedAt &&
        a.fullReconcile === b.fullReconcile &&
        a.outcome === b.outcome &&
        a.seenUntil === b.seenUntil &&
        JSON.stringify(a.counts) === JSON.stringify(b.counts));
}
const ITEM_SELECT = 'SELECT item_key, platform, repository, issue_number, issue_id, content_hash, owned_assignees, synced_at FROM orchestrator_git_items';
function toItem(row) {
    const [itemKey, platform, repository, issueNumber, issueId, contentHash, owned, syncedAt] = row;
    return {
        itemKey: String(itemKey),
        platform: String(platform),
        repository: String(repository),
        issueNumber: Number(issueNumber),
        issueId: issueId === null ? null : String(issueId),
        contentHash: String(contentHash),
        ownedAssignees: parseStringArray(owned),
        syncedAt: String(syncedAt),
    };
}
function parseStringArray(value) {
    if (typeof value !== 'string' || value.trim() === '')
        return [];
    try {
        const parsed = JSON.parse(value);
        return Array.isArray(parsed) ? parsed.filter((x) => typeof x === 'string') : [];
    }
    catch {
        return [];
    }
}
function selectItems(db, platform, repository) {
    if (!hasTable(db, 'orchestrator_git_items'))
        return [];
    const items = [];
    if (platform === undefined || repository === undefined) {
        forEachRow(db, `${ITEM_SELECT} ORDER BY item_key, platform, repository`, null, (r) => items.push(toItem(r)));
    }
    else {
        forEachRow(db, `${ITEM_SELECT} WHERE platform = ? AND repository = ? ORDER BY item_key`, [platform, repository], (r) => items.push(toItem(r)));
    }
    return items;
}
function writeItem(db, item) {
    db.run(`INSERT OR REPLACE INTO orchestrator_git_items
       (item_key, platform, repository, issue_number, issue_id, content_hash, owned_assignees, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
        item.itemKey,
        item.platform,
        item.repository,
        item.issueNumber,
        item.issueId,
        item.contentHash,
        JSON.stringify(item.ownedAssignees),
        item.syncedAt,
    ]);
}
function deleteItem(db, itemKey, platform, repository) {
    if (!hasTable(db, 'orchestrator_git_items'))
        return false;
    db.run('DELETE FROM orchestrator_git_items WHERE item_key = ? AND platform = ? AND repository = ?', [
        itemKey,
        platform,
        repository,
    ]);
    return db.getRowsModified() > 0;
}
function selectJournal(db) {
    if (!hasTable(db, 'orchestrator_git_journal'))
        return [];
    const entries = [];
    forEachRow(db, 'SELECT run_id, seq, item_key, operation, status, issue_number, detail, at FROM orchestrator_git_journal ORDER BY rowid', null, ([runId, seq, itemKey, operation, status, issueNumber, detail, at]) => entries.push({
        runId: String(runId),
        seq: Number(seq),
        itemKey: String(itemKey),
        operation: String(operation),
        status: String(status),
        issueNumber: issueNumber === null ? null : Number(issueNumber),
        detail: detail === null ? null : String(detail),
        at: String(at),
    }));
    return entries;
}
/** Appends entries (replacing same run + seq) and drops the journal of all but the newest JOURNAL_RUNS_KEPT runs. */
function writeJournal(db, entries) {
    const stmt = db.prepare(`INSERT OR REPLACE INTO orchestrator_git_journal
       (run_id, seq, item_key, operation, status, issue_number, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    try {
        for (const e of entries) {
            stmt.run([e.runId, e.seq, e.itemKey, e.operation, e.status, e.issueNumber, e.detail, e.at]);
        }
    }
    finally {
        stmt.free();
    }
    db.run(`DELETE FROM orchestrator_git_journal WHERE run_id NOT IN (
       SELECT run_id FROM orchestrator_git_journal GROUP BY run_id ORDER BY MAX(at) DESC, MAX(rowid) DESC LIMIT ?)`, [JOURNAL_RUNS_KEPT]);
}
const RUN_SELECT = 'SELECT run_id, platform, repository, started_at, finished_at, full_reconcile, outcome, counts, seen_until FROM orchestrator_git_runs';
function toRun(row) {
    const [runId, platform, repository, startedAt, finishedAt, fullReconcile, outcome, counts, seenUntil] = row;
    return {
        runId: String(runId),
        platform: String(platform),
        repository: String(repository),
        startedAt: String(startedAt),
        finishedAt: finishedAt === null ? null : String(finishedAt),
        fullReconcile: fullReconcile !== 0 && fullReconcile !== '0',
        outcome: outcome === null ? null : String(outcome),
        counts: parseCounts(counts),
        seenUntil: seenUntil === null || seenUntil === undefined ? null : String(seenUntil),
    };
}
function parseCounts(value) {
    if (typeof value !== 'string' || value.trim() === '')
        return null;
    try {
        const parsed = JSON.parse(value);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            return null;
        const out = {};
        for (const [k, v] of Object.entries(parsed))
            if (typeof v === 'number')
                out[k] = v;
        return out;
    }
    catch {
        return null;
    }
}
function selectRuns(db) {
    if (!hasTable(db, 'orchestrator_git_runs'))
        return [];
    const runs = [];
    forEachRow(db, `${RUN_SELECT} ORDER BY started_at, rowid`, null, (r) => runs.push(toRun(r)));
    return runs;
}
function selectLastRun(db, platform, repository) {
    if (!hasTable(db, 'orchestrator_git_runs'))
        return null;
    let run = null;
    forEachRow(db, `${RUN_SELECT} WHERE platform = ? AND repository = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`, [platform, repository], (r) => {
        run = toRun(r);
    });
    return run;
}
function selectRun(db, runId) {
    if (!hasTable(db, 'orchestrator_git_runs'))
        return null;
    let run = null;
    forEachRow(db, `${RUN_SELECT} WHERE run_id = ?`, [runId], (r) => {
        run = toRun(r);
    });
    return run;
}
/** Records (or replaces) a run and keeps the newest RUNS_KEPT_PER_REPOSITORY runs of its platform + repository. */
function writeRun(db, run) {
    db.run(`INSERT OR REPLACE INTO orchestrator_git_runs
       (run_id, platform, repository, started_at, finished_at, full_reconcile, outcome, counts, seen_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        run.runId,
        run.platform,
        run.repository,
        run.startedAt,
        run.finishedAt,
        run.fullReconcile ? 1 : 0,
        run.outcome,
        run.counts === null ? null : JSON.stringify(run.counts),
        run.seenUntil,
    ]);
    db.run(`DELETE FROM orchestrator_git_runs WHERE platform = ? AND repository = ? AND run_id NOT IN (
       SELECT run_id FROM orchestrator_git_runs WHERE platform = ? AND repository = ?
       ORDER BY started_at DESC, rowid DESC LIMIT ?)`, [run.platform, run.repository, run.platform, run.repository, RUNS_KEPT_PER_REPOSITORY]);
}
/** The same pruning rules for the JSON document's arrays (array order stands in for rowid). */
function pruneJournal(journal) {
    const latest = new Map();
    journal.forEach((e, index) => {
        const seen = latest.get(e.runId);
        if (!seen || e.at > seen.at || (e.at === seen.at && index > seen.index))
            latest.set(e.runId, { at: e.at, index });
    });
    const keep = new Set([...latest.entries()]
        .sort(([, a], [, b]) => (a.at === b.at ? b.index - a.index : a.at < b.at ? 1 : -1))
        .slice(0, JOURNAL_RUNS_KEPT)
        .map(([runId]) => runId));
    return journal.filter((e) => keep.has(e.runId));
}
function pruneRuns(runs, platform, repository) {
    const mine = runs
        .map((run, index) => ({ run, index }))
        .filter(({ run }) => run.platform === platform && run.repository === repository)
        .sort((a, b) => a.run.startedAt === b.run.startedAt ? b.index - a.index : a.run.startedAt < b.run.startedAt ? 1 : -1);
    const drop = new Set(mine.slice(RUNS_KEPT_PER_REPOSITORY).map(({ run }) => run.runId));
    return runs.filter((r) => !drop.has(r.runId));
}

;// CONCATENATED MODULE: ./build/src/state/store.js
/** The state store: the orchestrator's state plus this product's links and sync records, saved back atomically. */










function sameConfig(a, b) {
    return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
/** The row a milestone upsert leaves: the existing one with the given fields changed, or a new one. */
function mergedMilestone(milestones, input) {
    const existing = milestones.find((milestone) => milestone.name === input.name);
    const base = existing ?? {
        id: Math.max(0, ...milestones.map((milestone) => milestone.id)) + 1,
        name: input.name,
        targetDate: null,
        platformMilestoneId: null,
        includedFeatures: [],
        status: 'planning',
    };
    const merged = {
        ...base,
        ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
        includedFeatures: [...(input.includedFeatures ?? base.includedFeatures)],
    };
    return { merged, existing };
}
function sameMilestone(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** Opens a SQLite database or a JSON export for reading and writing back. */
async function openStateStore(options) {
    const content = await readStateFile(options.stateFile);
    const features = options.featuresDir ? await readFeatures(options.featuresDir) : null;
    if (content.kind === 'json') {
        const doc = parseStateDocument(content.text, options.stateFile);
        const state = stateFromDocument(doc, options.stateFile);
        if (features) {
            state.features = features.features;
            state.warnings.push(...features.warnings);
        }
        return new JsonStateStore(options, doc, content.text, state);
    }
    const db = await openDatabase(content.bytes, options.stateFile);
    try {
        const state = readDatabaseState(db, options.stateFile);
        if (features) {
            state.features = features.features;
            state.warnings.push(...features.warnings);
        }
        return new SqliteStateStore(options, db, state);
    }
    catch (error) {
        db.close();
        throw error;
    }
}
/** Reads the state without keeping anything open. */
async function readState(options) {
    const store = await openStateStore(options);
    store.close();
    return store.state;
}
function sameLink(a, b) {
    return (linkKey(a) === linkKey(b) &&
        a.featureId === b.featureId &&
        a.issueNumber === b.issueNumber &&
        a.issueUrl === b.issueUrl &&
        a.syncStatus === b.syncStatus &&
        a.lastSynced === b.lastSynced);
}
/**
 * Replaces (or adds) a link in a list by its key; returns false when an identical link was already there. With
 * `positions` (key → index in `links`, kept up to date here), a run that records thousands of links stays linear.
 */
function replaceLink(links, link, positions) {
    const key = linkKey(link);
    const index = positions ? (positions.get(key) ?? -1) : links.findIndex((l) => linkKey(l) === key);
    if (index >= 0 && sameLink(links[index], link))
        return false;
    const copy = { ...link };
    if (index >= 0)
        links.splice(index, 1, copy);
    else {
        links.push(copy);
        positions?.set(key, links.length - 1);
    }
    return true;
}
/** Key → position of each link in a list (the first, when a key repeats, as findIndex would find it). */
function positionsOf(links) {
    const positions = new Map();
    links.forEach((link, index) => {
        const key = linkKey(link);
        if (!positions.has(key))
            positions.set(key, index);
    });
    return positions;
}
/** The feature_issue_links rows one link replaces: by task (or feature, for a feature's own link), platform, repository. */
function linkRowKey(taskId, featureId, platform, repository) {
    return `${taskId ? `T\u0000${taskId}` : `F\u0000${featureId ?? ''}`}\u0000${platform.toLowerCase()}\u0000${repository}`;
}
class SqliteStateStore {
    options;
    db;
    kind = 'sqlite';
    path;
    state;
    dirty = false;
    migrated;
    itemCache = new Map();
    linkRowCache = null;
    linkPositions = null;
    closed = false;
    constructor(options, db, state) {
        this.options = options;
        this.db = db;
        this.path = options.stateFile;
        this.state = state;
        // feature_issue_links references tasks(task_id), which no generation has: foreign keys must stay off.
        this.db.run('PRAGMA foreign_keys = OFF');
        this.migrated = this.appliedMigration() === LATEST_MIGRATION;
    }
    appliedMigration() {
        if (!hasTable(this.db, 'orchestrator_git_migrations'))
            return 0;
        const value = this.db.exec('SELECT MAX(version) FROM orchestrator_git_migrations')[0]?.values[0]?.[0];
        return typeof value === 'number' ? value : 0;
    }
    /** Migrations run at the first real change, so a run that changes nothing leaves the file byte-identical. */
    beginWrite() {
        if (this.closed)
            throw new Error('The state store is closed.');
        if (this.migrated) {
            this.dirty = true;
            return;
        }
        const applied = this.appliedMigration();
        if (applied > LATEST_MIGRATION) {
            throw new errors/* OrchestratorGitError */.Xw('STATE_WRITE_FAILED', `The database ${(0,errors/* quote */.hD)(this.path)} was written by a newer orchestrator-git (schema migration ${applied}; this version knows ${LATEST_MIGRATION}).`, 'Upgrade orchestrator-git (the action version or the CLI) to the version that last wrote this database.');
        }
        applyMigrations(this.db);
        this.migrated = true;
        this.dirty = true;
    }
    syncedItems(platform, repository) {
        return new Map(this.itemsOf(platform, repository));
    }
    /**
     * The item records of a repository, read once and kept in step by the writes below: recording one item must not
     * re-read all of them (which made a 10,000-item run quadratic).
     */
    itemsOf(platform, repository) {
        const key = `${platform}\u0000${repository}`;
        let items = this.itemCache.get(key);
        if (!items) {
            items = new Map(selectItems(this.db, platform, repository).map((i) => [i.itemKey, i]));
            this.itemCache.set(key, items);
        }
        return items;
    }
    lastRun(platform, repository) {
        return selectLastRun(this.db, platform, repository);
    }
    syncRecords() {
        const releases = selectReleases(this.db);
        return {
            items: selectItems(this.db),
            journal: selectJournal(this.db),
            runs: selectRuns(this.db),
            ...(releases.length > 0 ? { releases } : {}),
        };
    }
    upsertLink(link) {
        const rows = this.matchingLinkRows(link);
        const current = rows[0];
        if (rows.length === 1 && current && sameLink(current.link, link))
            return;
        this.beginWrite();
        const values = [
            link.featureId,
            link.taskId,
            link.platform,
            link.repository,
            link.issueNumber,
            link.issueUrl,
            link.syncStatus,
            link.lastSynced,
        ];
        let id;
        if (current) {
            this.db.run(`UPDATE feature_issue_links SET feature_id = ?, task_id = ?, platform = ?, repository = ?, issue_number = ?,
           issue_url = ?, sync_status = ?, last_synced = ? WHERE id = ?`, [...values, current.id]);
            for (const extra of rows.slice(1))
                this.db.run('DELETE FROM feature_issue_links WHERE id = ?', [extra.id]);
            id = current.id;
        }
        else {
            this.db.run(`INSERT INTO feature_issue_links
           (feature_id, task_id, platform, repository, issue_number, issue_url, sync_status, last_synced)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, values);
            id = Number(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
        }
        this.linkRows().set(linkRowKey(link.taskId, link.featureId, link.platform, link.repository), [
            { id, link: { ...link } },
        ]);
        this.linkPositions ??= positionsOf(this.state.links);
        replaceLink(this.state.links, link, this.linkPositions);
    }
    /** Every feature_issue_links row by what a link replaces, read once and kept in step by upsertLink. */
    linkRows() {
        if (this.linkRowCache)
            return this.linkRowCache;
        const cache = new Map();
        if (hasTable(this.db, 'feature_issue_links')) {
            forEachRow(this.db, `SELECT id, feature_id, task_id, platform, repository, issue_number, issue_url, sync_status, last_synced
         FROM feature_issue_links ORDER BY id`, null, ([id, featureId, taskId, platform, repository, issueNumber, issueUrl, syncStatus, lastSynced]) => {
                const task = taskId === null || taskId === '' ? null : String(taskId);
                const feature = featureId === null ? null : String(featureId);
                const key = linkRowKey(task, feature, String(platform ?? ''), String(repository ?? ''));
                const list = cache.get(key) ?? [];
                list.push({
                    id: Number(id),
                    link: {
                        featureId: feature,
                        taskId: task,
                        platform: String(platform ?? '').toLowerCase(),
                        repository: String(repository ?? ''),
                        issueNumber: Number(issueNumber),
                        issueUrl: issueUrl === null ? '' : String(issueUrl),
                        syncStatus: String(syncStatus),
                        lastSynced: lastSynced === null ? null : String(lastSynced),
                    },
                });
                cache.set(key, list);
            });
        }
        this.linkRowCache = cache;
        return cache;
    }
    /** Rows for the link's task (or feature) + platform + repository, oldest first. */
    matchingLinkRows(link) {
        return [
            ...(this.linkRows().get(linkRowKey(link.taskId, link.featureId, link.platform, link.repository)) ?? []),
        ];
    }
    upsertSyncedItem(record) {
        const items = this.itemsOf(record.platform, record.repository);
        const current = items.get(record.itemKey);
        if (current && sameItem(current, record))
            return;
        this.beginWrite();
        writeItem(this.db, record);
        items.set(record.itemKey, { ...record, ownedAssignees: [...record.ownedAssignees] });
    }
    removeSyncedItem(itemKey, platform, repository) {
        const items = this.itemsOf(platform, repository);
        if (!items.has(itemKey))
            return;
        this.beginWrite();
        deleteItem(this.db, itemKey, platform, repository);
        items.delete(itemKey);
    }
    setIntegrationConfig(row) {
        if (sameConfig(this.state.config, row))
            return false;
        this.beginWrite();
        const values = [
            row.platform,
            row.repositoryUrl,
            row.apiTokenName,
            JSON.stringify(row.defaultLabels),
            row.autoSyncEnabled ? 1 : 0,
            row.issueTemplate,
        ];
        const first = this.db.exec('SELECT min(id) FROM git_integration_config')[0]?.values[0]?.[0];
        if (first !== null && first !== undefined) {
            this.db.run(`UPDATE git_integration_config SET platform = ?, repository_url = ?, api_token_name = ?, default_labels = ?,
           auto_sync_enabled = ?, issue_template = ? WHERE id = ?`, [...values, first]);
        }
        else {
            this.db.run(`INSERT INTO git_integration_config
           (platform, repository_url, api_token_name, default_labels, auto_sync_enabled, issue_template)
         VALUES (?, ?, ?, ?, ?, ?)`, values);
        }
        this.state.config = { ...row, defaultLabels: [...row.defaultLabels] };
        return true;
    }
    upsertReleaseMilestone(input) {
        const { merged, existing } = mergedMilestone(this.state.milestones, input);
        if (existing && sameMilestone(existing, merged))
            return existing;
        this.beginWrite();
        const values = [
            merged.name,
            merged.targetDate,
            merged.platformMilestoneId,
            JSON.stringify(merged.includedFeatures),
            merged.status,
        ];
        if (existing) {
            this.db.run(`UPDATE release_milestones SET milestone_name = ?, target_date = ?, platform_milestone_id = ?,
           included_features = ?, status = ? WHERE id = ?`, [...values, existing.id]);
            this.state.milestones.splice(this.state.milestones.indexOf(existing), 1, merged);
        }
        else {
            this.db.run(`INSERT INTO release_milestones (milestone_name, target_date, platform_milestone_id, included_features, status)
         VALUES (?, ?, ?, ?, ?)`, values);
            const id = Number(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? merged.id);
            merged.id = id;
            this.state.milestones.push(merged);
        }
        return merged;
    }
    appendJournal(entries) {
        if (entries.length === 0)
            return;
        this.beginWrite();
        this.db.run('BEGIN');
        try {
            writeJournal(this.db, entries);
            this.db.run('COMMIT');
        }
        catch (error) {
            this.db.run('ROLLBACK');
            throw error;
        }
    }
    recordRun(run) {
        const current = selectRun(this.db, run.runId);
        if (current && sameRun(current, run))
            return;
        this.beginWrite();
        writeRun(this.db, run);
    }
    releases(platform, repository) {
        return selectReleases(this.db, platform, repository);
    }
    recordRelease(release) {
        const current = selectReleases(this.db, release.platform, release.repository).find((r) => r.tag === release.tag);
        if (current && sameRelease(current, release))
            return;
        this.beginWrite();
        writeRelease(this.db, { ...release, releasedAt: current?.releasedAt ?? release.releasedAt });
    }
    async save() {
        if (!this.dirty)
            return false;
        const bytes = this.db.export();
        const generation = this.state.generation;
        await writeFileAtomically(this.path, bytes, {
            ...(this.options.onTempFileWritten ? { onTempFileWritten: this.options.onTempFileWritten } : {}),
            verify: async (temp) => {
                const copy = await openDatabase(await (0,promises_.readFile)(temp), temp);
                try {
                    const check = copy.exec('PRAGMA quick_check')[0]?.values[0]?.[0];
                    if (check !== 'ok')
                        throw new Error(`the written copy fails SQLite's quick_check (${String(check)})`);
                    const tables = new Set(listTables(copy));
                    const missing = PRODUCT_TABLES.filter((t) => !tables.has(t));
                    if (missing.length > 0)
                        throw new Error(`the written copy lacks table(s) ${missing.join(', ')}`);
                    const found = detectGeneration(copy, temp).generation;
                    if (found !== generation)
                        throw new Error(`the written copy reads as ${found}, not ${generation}`);
                }
                finally {
                    copy.close();
                }
            },
        });
        this.dirty = false;
        return true;
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        this.db.close();
    }
}
class JsonStateStore {
    options;
    doc;
    original;
    kind = 'json';
    path;
    state;
    dirty = false;
    constructor(options, doc, original, state) {
        this.options = options;
        this.doc = doc;
        this.original = original;
        this.path = options.stateFile;
        this.state = state;
    }
    syncedItems(platform, repository) {
        return new Map(this.doc.sync.items
            .filter((i) => i.platform === platform && i.repository === repository)
            .map((i) => [i.itemKey, { ...i, ownedAssignees: [...i.ownedAssignees] }]));
    }
    lastRun(platform, repository) {
        let last = null;
        for (const run of this.doc.sync.runs) {
            if (run.platform !== platform || run.repository !== repository)
                continue;
            if (!last || run.startedAt >= last.startedAt)
                last = run;
        }
        return last ? { ...last, counts: last.counts ? { ...last.counts } : null } : null;
    }
    syncRecords() {
        return structuredClone(this.doc.sync);
    }
    upsertLink(link) {
        if (!replaceLink(this.doc.links, link))
            return;
        replaceLink(this.state.links, link);
        this.dirty = true;
    }
    upsertSyncedItem(record) {
        const items = this.doc.sync.items;
        const index = items.findIndex((i) => i.itemKey === record.itemKey && i.platform === record.platform && i.repository === record.repository);
        const current = items[index];
        if (current && sameItem(current, record))
            return;
        const copy = { ...record, ownedAssignees: [...record.ownedAssignees] };
        if (index >= 0)
            items.splice(index, 1, copy);
        else
            items.push(copy);
        this.dirty = true;
    }
    removeSyncedItem(itemKey, platform, repository) {
        const before = this.doc.sync.items.length;
        this.doc.sync.items = this.doc.sync.items.filter((i) => !(i.itemKey === itemKey && i.platform === platform && i.repository === repository));
        if (this.doc.sync.items.length !== before)
            this.dirty = true;
    }
    setIntegrationConfig(row) {
        if (sameConfig(this.state.config, row))
            return false;
        this.doc.config = { ...row, defaultLabels: [...row.defaultLabels] };
        this.state.config = { ...row, defaultLabels: [...row.defaultLabels] };
        this.dirty = true;
        return true;
    }
    upsertReleaseMilestone(input) {
        const { merged, existing } = mergedMilestone(this.state.milestones, input);
        if (existing && sameMilestone(existing, merged))
            return existing;
        const index = this.doc.milestones.findIndex((milestone) => milestone.name === merged.name);
        if (index >= 0)
            this.doc.milestones.splice(index, 1, { ...merged });
        else
            this.doc.milestones.push({ ...merged });
        if (existing)
            this.state.milestones.splice(this.state.milestones.indexOf(existing), 1, merged);
        else
            this.state.milestones.push(merged);
        this.dirty = true;
        return merged;
    }
    appendJournal(entries) {
        if (entries.length === 0)
            return;
        const replaced = new Set(entries.map((e) => `${e.runId}\u0000${e.seq}`));
        const kept = this.doc.sync.journal.filter((e) => !replaced.has(`${e.runId}\u0000${e.seq}`));
        this.doc.sync.journal = pruneJournal([...kept, ...entries.map((e) => ({ ...e }))]);
        this.dirty = true;
    }
    recordRun(run) {
        const runs = this.doc.sync.runs;
        const index = runs.findIndex((r) => r.runId === run.runId);
        const current = runs[index];
        if (current && sameRun(current, run))
            return;
        const copy = { ...run, counts: run.counts ? { ...run.counts } : null };
        if (index >= 0)
            runs.splice(index, 1, copy);
        else
            runs.push(copy);
        this.doc.sync.runs = pruneRuns(runs, run.platform, run.repository);
        this.dirty = true;
    }
    releases(platform, repository) {
        return (this.doc.sync.releases ?? [])
            .filter((r) => r.platform === platform && r.repository === repository)
            .map((r) => ({ ...r, items: [...r.items] }));
    }
    recordRelease(release) {
        const releases = (this.doc.sync.releases ??= []);
        const index = releases.findIndex((r) => r.platform === release.platform && r.repository === release.repository && r.tag === release.tag);
        const current = releases[index];
        if (current && sameRelease(current, release))
            return;
        const copy = {
            ...release,
            items: [...release.items],
            releasedAt: current?.releasedAt ?? release.releasedAt,
        };
        if (index >= 0)
            releases.splice(index, 1, copy);
        else
            releases.push(copy);
        this.dirty = true;
    }
    async save() {
        if (!this.dirty)
            return false;
        // exportedAt stays: it dates the task snapshot, which a sync does not change.
        const text = serializeStateDocument(this.doc);
        if (text === this.original) {
            this.dirty = false;
            return false;
        }
        await writeFileAtomically(this.path, text, {
            ...(this.options.onTempFileWritten ? { onTempFileWritten: this.options.onTempFileWritten } : {}),
            verify: async (temp) => {
                parseStateDocument(await (0,promises_.readFile)(temp, 'utf8'), temp);
            },
        });
        this.original = text;
        this.dirty = false;
        return true;
    }
    close() {
        // Nothing is held open.
    }
}

;// CONCATENATED MODULE: ./build/src/engine/open-run.js
/**
 * The start every job shares (issue-sync, board-sync, release): decide whether the run is enabled, find the config
 * file, the state file and the features folder, open the state, resolve the shared settings, and mask the secrets.
 */






/**
 * Opens a run, or says why it is disabled: the `enabled` input, else the state's `auto_sync_enabled` (read on its
 * own, without reading any task), else the config file's `enabled`, and last the resolved setting. Disabled costs no
 * API call. The caller closes `store`.
 */
async function openRun(options) {
    const { shared, env, cwd, log } = options;
    const given = (name) => {
        const value = shared[name];
        return value === undefined || value === null || value === '' ? null : value;
    };
    const inputEnabled = given('enabled');
    if (inputEnabled !== null && !parseBoolean(inputEnabled, 'enabled', 'input')) {
        return { kind: 'disabled', reason: 'the enabled input is false' };
    }
    const { file: configFile, settings: fileSettings } = loadConfigFile(options.configPath, cwd);
    if (configFile)
        log.info(`Config file: ${configFile}`);
    const stateFile = locateStateFile(given('state-file') ?? fileSettings['state-file'] ?? null, cwd);
    const statePath = external_node_path_.resolve(cwd, stateFile);
    if (inputEnabled === null) {
        const rowEnabled = await readAutoSyncEnabled(statePath);
        if (rowEnabled === false)
            return { kind: 'disabled', reason: "auto_sync_enabled is 0 in the state's git_integration_config" };
        if (rowEnabled === null &&
            fileSettings.enabled !== undefined &&
            !parseBoolean(fileSettings.enabled, 'enabled', 'config file')) {
            return { kind: 'disabled', reason: `enabled is false in ${configFile ?? 'the config file'}` };
        }
    }
    const featuresDir = locateFeaturesDir(given('features-dir') ?? fileSettings['features-dir'] ?? null, cwd);
    const store = await openStateStore({
        stateFile: statePath,
        featuresDir: featuresDir ? external_node_path_.resolve(cwd, featuresDir) : null,
    });
    try {
        const config = resolveIssueSyncConfig({
            inputs: { ...shared, 'state-file': stateFile },
            configRow: settingsFromConfigRow(store.state.config, env),
            file: fileSettings,
            env,
            ...(options.job === 'issue-sync'
                ? { issueTemplate: store.state.config?.issueTemplate ?? null, cwd }
                : { issueTemplate: null }),
        });
        options.onSecret?.(config.token);
        for (const url of [config.notifications.slackWebhookUrl, config.notifications.teamsWebhookUrl])
            if (url)
                options.onSecret?.(url);
        if (!config.enabled) {
            store.close();
            return { kind: 'disabled', reason: 'enabled resolves to false' };
        }
        return { kind: 'open', store, config, fileSettings, stateFile, statePath, featuresDir };
    }
    catch (error) {
        store.close();
        throw error;
    }
}

;// CONCATENATED MODULE: ./build/src/core/hierarchy.js
/** GitHub: "You can add up to 100 sub-issues per parent issue and create up to eight levels of nested sub-issues." */
const MAX_SUB_ISSUES = 100;
const MAX_SUB_ISSUE_LEVELS = 8;
/**
 * The hierarchy a run uses: `checklist` unless set, and only the checklist where the platform has no native sub-issues.
 * `dependencyNote`: the platform cannot link dependencies at all (Bitbucket), which the "Depends on" line says.
 */
function effectiveHierarchy(hierarchy, nativeRelations, nativeDependencies = nativeRelations) {
    const wanted = hierarchy ?? 'checklist';
    if (wanted === 'checklist')
        return { hierarchy: 'checklist', dependencyLine: false, dependencyNote: false };
    return {
        hierarchy: nativeRelations ? wanted : 'checklist',
        dependencyLine: true,
        dependencyNote: !nativeDependencies,
    };
}
/**
 * The relations between managed items: a feature's issue is the parent of its top-level tasks' issues, a task's issue
 * the parent of its subtasks'; task_dependencies become blocked-by. Items that are not issues take no part.
 */
function deriveRelations(state, desired) {
    const present = new Set(desired.issues.map((issue) => issue.itemKey));
    const taskIds = new Set(state.tasks.map((task) => task.id));
    const candidates = new Map();
    const add = (parent, key, position, order) => {
        if (!present.has(parent) || !present.has(key))
            return;
        const list = candidates.get(parent) ?? [];
        list.push({ key, position, order });
        candidates.set(parent, list);
    };
    state.tasks.forEach((task, order) => {
        const key = `task:${task.id}`;
        if (task.parentId !== null && taskIds.has(task.parentId)) {
            add(`task:${task.parentId}`, key, task.position, order);
        }
        else if (task.featureId) {
            // The feature's own block lists its tasks in the state's order: the sub-issues follow it.
            add(`feature:${task.featureId}`, key, order, order);
        }
    });
    const relations = {
        children: new Map(),
        parentOf: new Map(),
        blockedBy: new Map(),
        notes: [],
    };
    const ordered = new Map();
    for (const [parent, list] of candidates) {
        list.sort((a, b) => a.position - b.position || compare(a.key, b.key) || a.order - b.order);
        ordered.set(parent, list.map((entry) => entry.key));
    }
    const hasParent = new Set([...ordered.values()].flat());
    const roots = [...ordered.keys()].filter((key) => !hasParent.has(key)).sort(compare);
    const placed = new Set();
    // Walk from the roots, so each item's level is known; an item too deep starts a tree of its own.
    const walk = (parent, level) => {
        placed.add(parent);
        const children = ordered.get(parent) ?? [];
        const attached = [];
        for (const child of children) {
            if (placed.has(child))
                continue;
            if (attached.length >= MAX_SUB_ISSUES) {
                placed.add(child);
                walk(child, 1);
                continue;
            }
            if (level + 1 > MAX_SUB_ISSUE_LEVELS) {
                relations.notes.push({
                    itemKey: child,
                    message: `is ${level + 1} levels deep, more than the ${MAX_SUB_ISSUE_LEVELS} levels of sub-issues GitHub allows: not attached to its parent's issue (${parent}), which lists it instead; flatten the orchestrator's tree, or use hierarchy: checklist`,
                });
                walk(child, 1);
                continue;
            }
            attached.push(child);
            relations.parentOf.set(child, parent);
            walk(child, level + 1);
        }
        if (children.length > MAX_SUB_ISSUES) {
            relations.notes.push({
                itemKey: parent,
                message: `has ${children.length} subtasks, more than the ${MAX_SUB_ISSUES} sub-issues GitHub allows per issue: the first ${MAX_SUB_ISSUES} are attached, the rest are only listed in its block; split the task in the orchestrator`,
            });
        }
        if (attached.length > 0)
            relations.children.set(parent, attached);
    };
    for (const root of roots)
        walk(root, 1);
    // Cycles in parent links (a corrupt state) have no root: their items stay unattached.
    for (const task of state.tasks) {
        const key = `task:${task.id}`;
        if (!present.has(key))
            continue;
        const blockers = [];
        for (const id of task.dependencies) {
            const blocker = `task:${id}`;
            if (blocker !== key && present.has(blocker) && !blockers.includes(blocker))
                blockers.push(blocker);
        }
        if (blockers.length > 0)
            relations.blockedBy.set(key, blockers);
    }
    return relations;
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The writes that give `parent` the desired sub-issues in the desired order. Owned relations are those between two
 * managed issues: unmanaged children stay; a managed child attached by hand to an unmanaged parent stays there (and
 * is reported). `current` is the parent's sub-issue list as read (in its order); `wantedElsewhere` says whether a
 * managed child belongs under another parent (whose own pass moves it there).
 */
function planSubIssues(parent, desired, current, wantedElsewhere, isManagedNumber) {
    const operations = [];
    const notes = [];
    const desiredIds = new Set(desired.map((child) => child.id));
    const currentIds = new Set(current.map((child) => child.id));
    const order = current.filter((child) => desiredIds.has(child.id)).map((child) => child.id);
    for (const child of desired) {
        if (currentIds.has(child.id))
            continue;
        const elsewhere = child.parentNumber ?? null;
        if (elsewhere !== null && elsewhere !== parent.number && !isManagedNumber(elsewhere)) {
            notes.push(`#${child.number} (${child.itemKey ?? 'unmanaged'}) was attached by hand to #${elsewhere}, which the tool does not manage; left there instead of moving it under #${parent.number}`);
            continue;
        }
        operations.push({
            kind: 'addSubIssue',
            parent,
            child,
            replaceParent: elsewhere !== null && elsewhere !== parent.number,
            reason: elsewhere !== null && elsewhere !== parent.number
                ? `moved from #${elsewhere} in the orchestrator`
                : 'subtask in the orchestrator',
        });
        order.push(child.id);
    }
    for (const child of current) {
        if (desiredIds.has(child.id) || child.itemKey === null)
            continue;
        if (wantedElsewhere(child.itemKey))
            continue;
        operations.push({
            kind: 'removeSubIssue',
            parent,
            child,
            reason: 'no longer a subtask of this item in the orchestrator',
        });
    }
    const byId = new Map(desired.map((child) => [child.id, child]));
    const attachable = desired.filter((child) => order.includes(child.id)).map((child) => child.id);
    for (const move of reorderMoves(order, attachable)) {
        const child = byId.get(move.id);
        if (!child)
            continue;
        operations.push({
            kind: 'reorderSubIssue',
            parent,
            child,
            afterId: move.afterId,
            beforeId: move.beforeId,
            reason: "follows the orchestrator's order",
        });
    }
    return { operations, notes };
}
/**
 * The fewest moves (each "put X after Y", or before Y for the first) that turn `current` into `desired` (both the
 * same ids): everything on a longest run already in order stays put, the rest moves next to its predecessor.
 */
function reorderMoves(current, desired) {
    const rank = new Map(desired.map((id, index) => [id, index]));
    const sequence = current.filter((id) => rank.has(id)).map((id) => rank.get(id) ?? 0);
    const kept = new Set(longestIncreasing(sequence).map((index) => desired[index] ?? -1));
    const firstKept = desired.find((id) => kept.has(id)) ?? null;
    const moves = [];
    desired.forEach((id, index) => {
        if (kept.has(id))
            return;
        const previous = index > 0 ? (desired[index - 1] ?? null) : null;
        moves.push(previous !== null
            ? { id, afterId: previous, beforeId: null }
            : { id, afterId: null, beforeId: firstKept });
    });
    return moves;
}
/** The values of a longest strictly increasing subsequence. */
function longestIncreasing(values) {
    const tails = [];
    const tailIndex = [];
    const previous = new Array(values.length).fill(-1);
    values.forEach((value, index) => {
        let low = 0;
        let high = tails.length;
        while (low < high) {
            const mid = (low + high) >> 1;
            if ((tails[mid] ?? 0) < value)
                low = mid + 1;
            else
                high = mid;
        }
        tails[low] = value;
        tailIndex[low] = index;
        previous[index] = low > 0 ? (tailIndex[low - 1] ?? -1) : -1;
    });
    const out = [];
    let cursor = tailIndex[tails.length - 1] ?? -1;
    while (cursor >= 0) {
        out.unshift(values[cursor] ?? 0);
        cursor = previous[cursor] ?? -1;
    }
    return out;
}
/** The writes that make `issue` blocked by exactly the desired managed issues; blockers the tool does not manage stay. */
function planBlockedBy(issue, desired, current) {
    const operations = [];
    const currentIds = new Set(current.map((blocker) => blocker.id));
    const desiredIds = new Set(desired.map((blocker) => blocker.id));
    for (const blocker of desired) {
        if (currentIds.has(blocker.id))
            continue;
        operations.push({ kind: 'addBlockedBy', issue, blocker, reason: 'dependency in the orchestrator' });
    }
    for (const blocker of current) {
        if (desiredIds.has(blocker.id) || blocker.itemKey === null)
            continue;
        operations.push({
            kind: 'removeBlockedBy',
            issue,
            blocker,
            reason: 'no longer a dependency in the orchestrator',
        });
    }
    return operations;
}
function describeRelation(operation) {
    switch (operation.kind) {
        case 'addSubIssue':
            return `Attach #${operation.child.number} under #${operation.parent.number}`;
        case 'removeSubIssue':
            return `Detach #${operation.child.number} from #${operation.parent.number}`;
        case 'reorderSubIssue':
            return `Move #${operation.child.number} within #${operation.parent.number}`;
        case 'addBlockedBy':
            return `Mark #${operation.issue.number} blocked by #${operation.blocker.number}`;
        case 'removeBlockedBy':
            return `Unmark #${operation.issue.number} blocked by #${operation.blocker.number}`;
    }
}

;// CONCATENATED MODULE: ./build/src/core/status.js
function issueStateFor(status) {
    switch (status) {
        case 'completed':
        case 'archived':
            return { state: 'closed', stateReason: 'completed' };
        case 'cancelled':
            return { state: 'closed', stateReason: 'not_planned' };
        default:
            return { state: 'open', stateReason: null };
    }
}
function isTerminal(status) {
    return issueStateFor(status).state === 'closed';
}
const DISPLAY = {
    proposed: 'Proposed',
    approved: 'Approved',
    pending: 'Pending',
    in_progress: 'In progress',
    completed: 'Completed',
    archived: 'Archived',
    failed: 'Failed',
    blocked: 'Blocked',
    cancelled: 'Cancelled',
};
function displayStatus(status) {
    return DISPLAY[status];
}

// EXTERNAL MODULE: ./build/src/core/time-tracking.js
var time_tracking = __webpack_require__(2000);
;// CONCATENATED MODULE: ./build/src/core/desired.js





/**
 * A task is a bug when the orchestrator gave it to its `debugger` specialist (v1 and v2 `specialist_type`, v2 tasks'
 * metadata specialist): the only kind of work the schema marks as a fix. v2 `task_type` (standard, breakdown,
 * review, …) names no bug.
 */
function taskIssueType(task) {
    return task.specialist?.trim().toLowerCase() === 'debugger' ? 'Bug' : 'Task';
}
function itemKey(kind, id) {
    return `${kind}:${id}`;
}
const DESCRIPTION_LIMIT = 30_000;
const CHECKLIST_LIMIT = 500;
/**
 * `nativeRelations`: the platform links sub-issues itself (GitHub); elsewhere a hierarchy other than `checklist` keeps
 * the checklist and adds the "Depends on" line. `nativeDependencies` (default: as `nativeRelations`): it links
 * blocked-by dependencies (GitHub, GitLab); without, the line says the platform has none.
 */
function deriveDesiredState(state, policy, options = {}) {
    const layout = {
        ...effectiveHierarchy(policy.hierarchy, options.nativeRelations ?? false, options.nativeDependencies ?? options.nativeRelations ?? false),
        titles: new Map(),
    };
    // Only the "Depends on" line names other tasks: a checklist-only run skips a map of every title.
    if (layout.dependencyLine)
        for (const task of state.tasks)
            layout.titles.set(task.id, task.title);
    const children = groupChildren(state.tasks);
    const ids = new Set();
    for (const task of state.tasks)
        ids.add(task.id);
    const topLevel = state.tasks.filter((task) => task.parentId === null || !ids.has(task.parentId));
    const tasksByFeature = new Map();
    for (const task of topLevel) {
        if (!task.featureId)
            continue;
        const list = tasksByFeature.get(task.featureId) ?? [];
        list.push(task);
        tasksByFeature.set(task.featureId, list);
    }
    const issues = [];
    const excluded = [];
    for (const feature of state.features) {
        const key = itemKey('feature', feature.id);
        if (!policy.featureStatuses.includes(feature.status)) {
            excluded.push({ itemKey: key, reason: `feature status ${feature.status} is not synced` });
            continue;
        }
        issues.push(deriveFeatureIssue(feature, tasksByFeature.get(feature.id) ?? [], state.milestones, policy));
    }
    if (policy.tasks !== 'none') {
        const everyTask = policy.tasks === 'all' || layout.hierarchy !== 'checklist';
        const synced = everyTask ? state.tasks : topLevel;
        for (const task of synced) {
            issues.push(deriveTaskIssue(task, children, state.milestones, policy, layout));
        }
    }
    else {
        for (const task of topLevel)
            excluded.push({ itemKey: itemKey('task', task.id), reason: 'tasks are not synced' });
    }
    issues.sort((a, b) => compareKeys(a.itemKey, b.itemKey));
    return { issues, excluded };
}
function compareKeys(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function groupChildren(tasks) {
    const children = new Map();
    for (const task of tasks) {
        if (task.parentId === null)
            continue;
        const list = children.get(task.parentId) ?? [];
        list.push(task);
        children.set(task.parentId, list);
    }
    for (const list of children.values()) {
        list.sort((a, b) => a.position - b.position || compareKeys(a.id, b.id));
    }
    return children;
}
function deriveFeatureIssue(feature, tasks, milestones, policy) {
    const neutralise = policy.neutraliseMentions;
    const counted = tasks.filter((task) => task.status !== 'cancelled');
    const progress = counted.length
        ? { done: counted.filter((task) => task.status === 'completed').length, total: counted.length }
        : null;
    const facts = [
        ['Status', displayStatus(feature.status)],
        ['Priority', feature.rawPriority ?? feature.priority],
        ['Category', feature.category],
        ['Estimate', feature.estimatedEffort],
    ];
    const taskList = tasks.length
        ? [
            '#### Tasks',
            ...tasks
                .slice(0, CHECKLIST_LIMIT)
                .map((task) => `- [${task.status === 'completed' ? 'x' : ' '}] ${truncate(inlineText(task.title, neutralise), 200)} · ${displayStatus(task.status).toLowerCase()}`),
            ...(tasks.length > CHECKLIST_LIMIT ? [`- … and ${tasks.length - CHECKLIST_LIMIT} more tasks`] : []),
            '',
        ]
        : [];
    const featureType = dimensionLabel(policy, 'type', 'feature');
    return {
        itemKey: itemKey('feature', feature.id),
        kind: 'feature',
        sourceId: feature.id,
        featureId: feature.id,
        status: feature.status,
        title: safeTitle(feature.title, feature.id),
        block: {
            head: blockHead(factsTable(facts, neutralise), progressLine(progress, 'linked tasks'), '#### Summary'),
            description: safeMarkdown(feature.summary, neutralise).trim() || '_No summary in the specification._',
            tail: [
                '',
                ...taskList,
                `<sub>Feature \`${codeText(feature.id)}\` · specification \`${codeText(feature.file)}\`</sub>`,
            ].join('\n'),
        },
        labels: compactLabels([
            ...defaultLabels(policy),
            featureType,
            dimensionLabel(policy, 'status', feature.status),
            dimensionLabel(policy, 'priority', feature.priority),
            dimensionLabel(policy, 'category', feature.category),
        ]),
        assignees: [],
        milestone: milestoneFor(feature.id, milestones),
        ...issueStateFor(feature.status),
        progress,
        createdAt: feature.createdAt,
        priority: feature.priority,
        attributes: {},
        ...(policy.timeTracking ? { time: (0,time_tracking/* deriveFeatureTime */.bd)(feature) } : {}),
        issueType: { name: 'Feature', label: featureType?.name ?? null },
    };
}
function deriveTaskIssue(task, children, milestones, policy, layout) {
    const neutralise = policy.neutraliseMentions;
    // With sub-issues every task is an issue, yet the block still counts (and `both` lists) the whole subtree.
    const nested = policy.tasks === 'top-level' || layout.hierarchy !== 'checklist';
    const lines = [];
    const descendants = [];
    collectChecklist(task, children, nested, 0, new Set([task.id]), lines, descendants, neutralise);
    const counted = descendants.filter((child) => child.status !== 'cancelled');
    const progress = counted.length
        ? { done: counted.filter((child) => child.status === 'completed').length, total: counted.length }
        : null;
    const shown = lines.slice(0, CHECKLIST_LIMIT);
    if (lines.length > shown.length)
        shown.push(`- … and ${lines.length - shown.length} more subtasks`);
    const facts = [
        ['Status', displayStatus(task.status)],
        ['Priority', task.priority],
        ['Complexity', task.complexity],
        ['Specialist', task.specialist],
        ['Estimate', task.estimatedEffort],
    ];
    const assignee = task.assignee ? (policy.assigneeMap[task.assignee] ?? task.assignee) : null;
    const type = taskIssueType(task);
    const typeLabel = dimensionLabel(policy, 'type', type.toLowerCase());
    return {
        itemKey: itemKey('task', task.id),
        kind: 'task',
        sourceId: task.id,
        featureId: task.featureId,
        status: task.status,
        title: safeTitle(task.title, `Task ${task.id}`),
        block: {
            head: blockHead(factsTable(facts, neutralise), progressLine(progress, 'subtasks'), '#### Description'),
            description: markdownText(task.description, neutralise).trim() || '_No description._',
            tail: [
                '',
                ...(shown.length && layout.hierarchy !== 'sub-issues' ? ['#### Subtasks', ...shown, ''] : []),
                ...subIssueList(children.get(task.id) ?? [], layout, neutralise),
                ...dependencyLine(task, layout, neutralise),
                `<sub>Orchestrator task \`${codeText(task.id)}\`${task.featureId ? ` · feature \`${codeText(task.featureId)}\`` : ''}</sub>`,
            ].join('\n'),
        },
        labels: compactLabels([
            ...defaultLabels(policy),
            typeLabel,
            dimensionLabel(policy, 'status', task.status),
            dimensionLabel(policy, 'priority', task.priority),
            dimensionLabel(policy, 'specialist', task.specialist),
        ]),
        assignees: assignee && /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(assignee) ? [assignee] : [],
        milestone: milestoneFor(task.featureId, milestones),
        ...issueStateFor(task.status),
        progress,
        createdAt: task.createdAt,
        priority: task.priority,
        attributes: {},
        ...(policy.timeTracking ? { time: (0,time_tracking/* deriveTaskTime */.Ov)(task) } : {}),
        issueType: { name: type, label: typeLabel?.name ?? null },
    };
}
/**
 * The direct subtasks, in the orchestrator's order, that GitHub shows as sub-issues: the list makes a change of
 * children or order change the parent's block, which is what tells the next run to look at its sub-issues.
 */
function subIssueList(children, layout, neutralise) {
    if (layout.hierarchy === 'checklist' || children.length === 0)
        return [];
    const lines = children
        .slice(0, CHECKLIST_LIMIT)
        .map((child, index) => `${index + 1}. ${truncate(inlineText(child.title, neutralise) || inlineText(child.id, neutralise), 200)} · ${displayStatus(child.status).toLowerCase()}`);
    if (children.length > CHECKLIST_LIMIT)
        lines.push(`- … and ${children.length - CHECKLIST_LIMIT} more`);
    return ['#### Sub-issues', ...lines, ''];
}
/** The task's prerequisites by title (GitHub and GitLab also link them as blocked-by). */
function dependencyLine(task, layout, neutralise) {
    if (!layout.dependencyLine || task.dependencies.length === 0)
        return [];
    const names = [...new Set(task.dependencies)]
        .filter((id) => id !== task.id)
        .map((id) => truncate(inlineText(layout.titles.get(id) ?? id, neutralise) || inlineText(id, neutralise), 120));
    if (names.length === 0)
        return [];
    const note = layout.dependencyNote
        ? ' _(this platform has no issue dependencies of its own: the list is kept here only)_'
        : '';
    return [`**Depends on:** ${names.join(' · ')}${note}`, ''];
}
function collectChecklist(task, children, nested, depth, seen, lines, descendants, neutralise) {
    for (const child of children.get(task.id) ?? []) {
        if (seen.has(child.id))
            continue;
        seen.add(child.id);
        descendants.push(child);
        const completed = child.status === 'completed';
        // " · specialist · status", each part only when there is one (a subtask's line, built without arrays).
        let suffix = child.specialist ? ` · ${cellText(child.specialist, neutralise)}` : '';
        if (!completed)
            suffix += ` · ${cellText(lowerStatus(child.status), neutralise)}`;
        const title = truncate(cellText(child.title, neutralise) || cellText(child.id, neutralise), 200);
        lines.push(`${'  '.repeat(Math.min(depth, 10))}- [${completed ? 'x' : ' '}] ${title}${suffix}`);
        if (nested)
            collectChecklist(child, children, nested, depth + 1, seen, lines, descendants, neutralise);
    }
}
/**
 * inlineText, skipping its passes for text they would leave as it is: no control or table characters, no sigils a
 * mention or reference starts with, no comment brackets, no whitespace but single inner spaces. Most titles are so.
 */
const CELL_UNSAFE = /[\u0000-\u001f\u007f|@#!&<>]|GH-|[^\S ]| {2}|^ | $/;
function cellText(text, neutralise) {
    return CELL_UNSAFE.test(text) ? inlineText(text, neutralise) : text;
}
/** safeMarkdown, skipping its passes for text they would leave as it is (no control character but tab and newline, no CR, no sigil, no comment bracket). */
const MARKDOWN_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\r@#!&]|<!--|-->|GH-/;
function markdownText(text, neutralise) {
    return MARKDOWN_UNSAFE.test(text) ? safeMarkdown(text, neutralise) : text;
}
const lowerStatuses = new Map();
/** A status as a checklist line shows it ("in progress"); the same few values on every line. */
function lowerStatus(status) {
    let text = lowerStatuses.get(status);
    if (text === undefined) {
        text = displayStatus(status).toLowerCase();
        lowerStatuses.set(status, text);
    }
    return text;
}
function blockHead(...sections) {
    const notice = '> [!NOTE]\n> Kept in step with the orchestrator by orchestrator-git: this block is rewritten on every sync. Write below it.';
    return `${[notice, ...sections.filter((section) => section !== '')].join('\n\n')}\n\n`;
}
function factsTable(facts, neutralise) {
    const shown = facts.filter((fact) => Boolean(fact[1]));
    return [
        `| ${shown.map(([name]) => name).join(' | ')} |`,
        `|${shown.map(() => '---').join('|')}|`,
        `| ${shown.map(([, value]) => truncate(cellText(value.replace(/_/g, ' '), neutralise), 200)).join(' | ')} |`,
    ].join('\n');
}
function progressLine(progress, noun) {
    if (!progress)
        return '';
    const percent = Math.round((progress.done / progress.total) * 100);
    return `**Progress:** ${progress.done} of ${progress.total} ${noun} completed (${percent}%)`;
}
/** Text inside an inline code span: backticks and newlines would end it, and a comment could end the block. */
function codeText(text) {
    return escapeComments(truncate(text.replace(/[`\r\n]/g, ' '), 300));
}
function compactLabels(labels) {
    const seen = new Set();
    const out = [];
    for (const label of labels) {
        if (!label || seen.has(label.name))
            continue;
        seen.add(label.name);
        out.push(label);
    }
    return out;
}
function milestoneFor(featureId, milestones) {
    if (!featureId)
        return null;
    const candidates = milestones
        .filter((milestone) => milestone.status !== 'cancelled' && milestone.includedFeatures.includes(featureId))
        .sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.id - b.id);
    const chosen = candidates[0];
    if (!chosen)
        return null;
    return {
        title: safeTitle(chosen.name, `Milestone ${chosen.id}`),
        dueOn: chosen.targetDate ? chosen.targetDate.slice(0, 10) : null,
        state: chosen.status === 'completed' ? 'closed' : 'open',
    };
}
/** The managed block, with the description shortened (and a note) so the block fits `budget` characters. */
function assembleBlock(parts, budget) {
    const full = `${parts.head}${parts.description}\n${parts.tail}`;
    if (full.length <= budget && parts.description.length <= DESCRIPTION_LIMIT)
        return full;
    const note = '\n\n_… shortened to fit the platform limit; the full text is in the orchestrator._';
    // Checklists are long only in extreme plans: they give way first down to what leaves the description room.
    const tailRoom = budget - parts.head.length - note.length - 1 - 2_000;
    const tail = parts.tail.length > tailRoom ? shortenLines(parts.tail, Math.max(0, tailRoom)) : parts.tail;
    const room = Math.min(DESCRIPTION_LIMIT, budget - parts.head.length - tail.length - note.length - 1);
    const description = room > 0 ? `${cutAtBoundary(parts.description, room)}${note}` : note.trim();
    return `${parts.head}${description}\n${tail}`;
}
/** Whole lines from the start of `text` that fit `limit` with a closing note. */
function shortenLines(text, limit) {
    const note = '_… list shortened to fit the platform limit._';
    const kept = [];
    let length = note.length;
    for (const line of text.split('\n')) {
        if (length + line.length + 1 > limit)
            break;
        kept.push(line);
        length += line.length + 1;
    }
    return [...kept, note].join('\n');
}
function cutAtBoundary(text, limit) {
    let cut = Math.min(limit, text.length);
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut -= 1;
    return text.slice(0, cut);
}

;// CONCATENATED MODULE: ./build/src/core/platform-fit.js

/**
 * Bitbucket Cloud's issue fields (swagger `issue`): kind bug | enhancement | proposal | task; priority trivial | minor
 * | major | critical | blocker; state new | open | on hold | resolved | wontfix | … . A null value leaves the field
 * to people (and the platform's default).
 */
const ATTRIBUTES = {
    kind: (item) => (item.kind === 'feature' ? 'enhancement' : 'task'),
    priority: (item) => (item.priority === null ? null : PRIORITY[item.priority]),
    state: (item) => WORKFLOW_STATE[item.status],
    // Seconds, as GitLab's time_stats hold them; an item without a value leaves the field to people.
    'time-estimate': (item) => secondsText(item.time?.estimateSeconds ?? null),
    'time-spent': (item) => secondsText(item.time?.spentSeconds ?? null),
};
function secondsText(seconds) {
    return seconds !== null && seconds > 0 ? String(seconds) : null;
}
const PRIORITY = {
    critical: 'critical',
    high: 'major',
    medium: 'minor',
    low: 'trivial',
};
const WORKFLOW_STATE = {
    proposed: 'new',
    approved: 'new',
    pending: 'new',
    in_progress: 'open',
    failed: 'open',
    blocked: 'on hold',
    completed: 'resolved',
    archived: 'resolved',
    cancelled: 'wontfix',
};
/**
 * `issueTypes`: the issue types the repository offers (GitHub), or null/absent for none: an item whose type is among
 * them (compared without case) carries it as its `type` attribute, spelt as the repository spells it, in place of its
 * type label; the others keep the label.
 */
function fitToPlatform(desired, capabilities, options = {}) {
    const offered = new Map((options.issueTypes ?? []).map((name) => [name.toLowerCase(), name]));
    const notes = [];
    if (desired.issues.some((item) => item.time) && capabilities.timeTracking === undefined) {
        notes.push({
            itemKey: null,
            message: 'time-tracking is not supported on this platform (Bitbucket Cloud issues have no estimate or spent-time fields); estimates and spent time are left out',
        });
    }
    const issues = desired.issues.map((item) => {
        if (capabilities.timeTracking === 'issue')
            for (const message of item.time?.notes ?? [])
                notes.push({ itemKey: item.itemKey, message });
        if (item.assignees.length > capabilities.maxAssignees) {
            notes.push({
                itemKey: item.itemKey,
                message: `the platform keeps ${capabilities.maxAssignees === 1 ? 'one assignee' : `${capabilities.maxAssignees} assignees`} per issue; ${item.assignees.slice(capabilities.maxAssignees).join(', ')} left off`,
            });
        }
        const attributes = {};
        for (const name of capabilities.attributes) {
            const value = ATTRIBUTES[name](item);
            if (value !== null)
                attributes[name] = value;
        }
        const issueType = item.issueType ? offered.get(item.issueType.name.toLowerCase()) : undefined;
        if (issueType !== undefined)
            attributes['type'] = issueType;
        const labels = issueType === undefined
            ? item.labels
            : item.labels.filter((label) => label.name !== item.issueType?.label);
        return {
            ...item,
            title: truncate(item.title, capabilities.titleLimit),
            labels: capabilities.labels ? labels : [],
            assignees: item.assignees.slice(0, capabilities.maxAssignees),
            stateReason: capabilities.stateReason ? item.stateReason : null,
            attributes,
        };
    });
    return { desired: { ...desired, issues }, notes };
}

;// CONCATENATED MODULE: ./build/src/core/markers.js
/** The hidden markers that identify a managed issue and delimit the managed block of its body. */
const MARKER_VERSION = 'v1';
const BLOCK_END = '<!-- /orchestrator-git -->';
const MARKER_PATTERN = /<!-- orchestrator-git:v1 id=(\S+) hash=([0-9a-f]{16}) -->/;
/** Anything that claims to be our marker, well-formed or not. */
const MARKER_LIKE = /<!--\s*orchestrator-git:(?!\s*\/)/;
/** Ids are percent-encoded outside a small safe set, so no id can end the comment or split the marker. */
function escapeId(itemKey) {
    let out = '';
    for (const char of itemKey) {
        if (/^[A-Za-z0-9_.:~]$/.test(char))
            out += char;
        else
            for (const byte of Buffer.from(char, 'utf8'))
                out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}
function unescapeId(escaped) {
    try {
        return decodeURIComponent(escaped);
    }
    catch {
        return null;
    }
}
function formatMarker(itemKey, hash) {
    return `<!-- orchestrator-git:${MARKER_VERSION} id=${escapeId(itemKey)} hash=${hash} -->`;
}
/** Finds our marker in an issue body; a marker-like comment that does not parse is reported as malformed. */
function readMarker(body) {
    if (!body)
        return { kind: 'none' };
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

;// CONCATENATED MODULE: ./build/src/core/body.js
/** Splits an issue body into the managed block and the free text around it, and puts them back together. */

/** Web edits come back with CRLF line endings; comparisons use LF. */
function normaliseNewlines(text) {
    return text.replace(/\r\n?/g, '\n');
}
function splitBody(body) {
    const text = normaliseNewlines(body ?? '');
    const marker = readMarker(text);
    if (marker.kind !== 'marker')
        return { before: text, managed: null, after: '', unterminated: false };
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
    if (text[afterStart] === '\n')
        afterStart += 1;
    return { before: text.slice(0, marker.start), managed, after: text.slice(afterStart), unterminated: false };
}
/** The body with the managed block replaced (or added first) and every character of free text kept. */
function composeBody(itemKey, hash, managed, existing, initialFreeText = '') {
    const block = `${formatMarker(itemKey, hash)}\n${managed}\n${BLOCK_END}\n`;
    if (!existing)
        return initialFreeText ? `${block}\n${initialFreeText}` : block;
    return `${existing.before}${block}${existing.after}`;
}

;// CONCATENATED MODULE: ./build/src/core/plan.js
/** Diffs the desired issues against what the platform holds and returns a typed plan: the fewest writes that make them match. */






/** Characters the marker, the end marker and their line breaks take in an item's body (ids can be long). */
function markerOverhead(itemKey) {
    return formatMarker(itemKey, '0'.repeat(16)).length + BLOCK_END.length + 3;
}
function canonicalLabels(labels) {
    return labels.map((label) => label.toLowerCase()).sort();
}
function canonicalAttributes(attributes) {
    return Object.entries(attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
}
function fingerprint(fields) {
    const parts = [
        fields.title,
        fields.block,
        canonicalLabels(fields.labels),
        fields.milestone,
        fields.state,
    ];
    const attributes = canonicalAttributes(fields.attributes);
    // Platforms without attributes keep the fingerprint they always had.
    if (attributes.length > 0)
        parts.push(attributes);
    const canonical = JSON.stringify(parts);
    return (0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex').slice(0, 16);
}
/** Whether two sets of fields have the same fingerprint, by comparing what it hashes (no hashing). */
function sameFingerprintFields(a, b) {
    if (a.title !== b.title || a.block !== b.block || a.milestone !== b.milestone || a.state !== b.state)
        return false;
    if (a.labels.length !== b.labels.length)
        return false;
    const labelsA = canonicalLabels(a.labels);
    const labelsB = canonicalLabels(b.labels);
    if (labelsA.some((label, index) => label !== labelsB[index]))
        return false;
    const attributesA = canonicalAttributes(a.attributes);
    const attributesB = canonicalAttributes(b.attributes);
    return (attributesA.length === attributesB.length &&
        attributesA.every(([name, value], index) => name === attributesB[index]?.[0] && value === attributesB[index]?.[1]));
}
/** The fingerprint an item's issue carries after the tool writes it with no free text around the block. */
function nominalFingerprint(item) {
    return fingerprint({
        title: item.title,
        block: assembleBlock(item.block, BODY_LIMIT - markerOverhead(item.itemKey)),
        labels: item.labels.map((label) => label.name),
        milestone: item.milestone?.title ?? null,
        state: item.state,
        attributes: item.attributes,
    });
}
function planSync(desired, actual, context) {
    const plan = {
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
    for (const issue of actual.issues)
        for (const label of issue.labels)
            knownLabels.add(label.toLowerCase());
    const knownMilestones = collectMilestones(actual);
    const labelsToCreate = new Map();
    const milestonesToCreate = new Map();
    const issueOperations = [];
    const desiredKeys = new Set(desired.issues.map((issue) => issue.itemKey));
    const missingMilestones = new Set();
    /** The item's milestone as it can be set: one the platform cannot create is left off until it exists. */
    const usableMilestone = (item) => {
        const wanted = item.milestone;
        if (!wanted || context.createMilestones || knownMilestones.has(wanted.title))
            return wanted;
        // Not seen on any issue: the milestone list is read, and the plan made again, before deciding.
        if (actual.milestones === null) {
            plan.lookups.milestones = true;
            return wanted;
        }
        missingMilestones.add(wanted.title);
        return null;
    };
    for (const item of desired.issues) {
        const match = chooseIssue(item, candidatesByKey.get(item.itemKey) ?? [], toolAuthor, context, byNumber, plan);
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
            const block = assembleBlock(item.block, BODY_LIMIT - markerOverhead(item.itemKey) - (context.policy.issueTemplate?.length ?? 0));
            const hash = fingerprint({
                title: item.title,
                block,
                labels: item.labels.map((label) => label.name),
                milestone: milestoneTitle,
                state: item.state,
                attributes: item.attributes,
            });
            noteNeededLabels(item.labels, knownLabels, labelsToCreate);
            if (context.createMilestones)
                noteNeededMilestone(milestone, knownMilestones, milestonesToCreate);
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
        const ownedAttributes = Object.fromEntries(Object.keys(item.attributes).map((name) => [name, issue.attributes?.[name] ?? '']));
        const wanted = {
            title: item.title,
            block,
            labels: desiredLabelNames,
            milestone: milestoneTitle,
            state: item.state,
            attributes: item.attributes,
        };
        const found = {
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
        const patch = {};
        const fields = [];
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
            noteNeededLabels(item.labels.filter((label) => !issue.labels.some((name) => name.toLowerCase() === label.name)), knownLabels, labelsToCreate);
        }
        if (!sameSet(assignees.target, issue.assignees)) {
            patch.assignees = assignees.target;
            fields.push('assignees');
        }
        if (milestoneChanges) {
            patch.milestone = milestoneTitle;
            fields.push('milestone');
            if (context.createMilestones)
                noteNeededMilestone(milestone, knownMilestones, milestonesToCreate);
        }
        const attributeChanges = Object.entries(item.attributes).filter(([name, value]) => ownedAttributes[name] !== value);
        if (attributeChanges.length > 0) {
            patch.attributes = Object.fromEntries(attributeChanges);
            for (const [name] of attributeChanges)
                fields.push(name === 'state' ? 'workflow state' : name);
        }
        let change = 'updated';
        if (issue.state !== item.state) {
            patch.state = item.state;
            patch.stateReason = item.state === 'closed' ? (item.stateReason ?? 'completed') : 'reopened';
            change = item.state === 'closed' ? 'closed' : 'reopened';
            fields.push('state');
        }
        else if (item.state === 'closed' && item.stateReason && issue.stateReason !== item.stateReason) {
            patch.stateReason = item.stateReason;
            patch.state = 'closed';
            fields.push('state reason');
        }
        const link = {
            itemKey: item.itemKey,
            number: issue.number,
            url: issue.url,
            issueId: issue.id,
            hash: newHash,
            ownedAssignees: assignees.owned,
        };
        const meaningful = fields.filter((field) => field !== 'body' || parts.managed !== block || parts.unterminated);
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
        if (desiredKeys.has(itemKey))
            continue;
        const issue = candidates[0]?.issue;
        if (!issue)
            continue;
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
        }
        else {
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
    if (labelsToCreate.size && actual.labels === null)
        plan.lookups.labels = true;
    if (milestonesToCreate.size && actual.milestones === null)
        plan.lookups.milestones = true;
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
function indexMarkers(issues, plan) {
    const candidatesByKey = new Map();
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
        if (marker.kind !== 'marker')
            continue;
        const list = candidatesByKey.get(marker.itemKey) ?? [];
        list.push({ issue, hash: marker.hash });
        candidatesByKey.set(marker.itemKey, list);
    }
    const authors = new Map();
    for (const list of candidatesByKey.values()) {
        list.sort((a, b) => a.issue.number - b.issue.number);
        for (const { issue } of list)
            if (issue.author)
                authors.set(issue.author, (authors.get(issue.author) ?? 0) + 1);
    }
    const toolAuthor = [...authors].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return { candidatesByKey, toolAuthor };
}
/**
 * The linked issue wins; without a usable link, the oldest issue carrying the marker. Others carrying the same
 * marker (copies pasted by hand, or a spoofed marker) are reported and never written to.
 */
function chooseIssue(item, candidates, toolAuthor, context, byNumber, plan) {
    const linked = context.links.get(item.itemKey);
    let chosen = candidates.find((candidate) => candidate.issue.number === linked) ??
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
        if (other === chosen)
            continue;
        plan.warnings.push({
            itemKey: item.itemKey,
            issueNumber: other.issue.number,
            message: `also carries the marker of ${item.itemKey} (synced issue is #${chosen?.issue.number}); left alone`,
        });
    }
    return chosen;
}
function resolveAssignees(item, issue, actual, context, plan) {
    const current = issue?.assignees ?? [];
    const has = (list, login) => list.some((name) => name.toLowerCase() === login.toLowerCase());
    const previouslyOwned = context.ownedAssignees.get(item.itemKey) ?? [];
    const wanted = [];
    for (const login of item.assignees) {
        if (has(current, login)) {
            wanted.push(login);
            continue;
        }
        const assignable = actual.assignable.get(login.toLowerCase());
        if (assignable === undefined) {
            if (!plan.lookups.assignees.includes(login.toLowerCase()))
                plan.lookups.assignees.push(login.toLowerCase());
        }
        else if (assignable) {
            wanted.push(login);
        }
        else {
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
function reconcileLabels(current, ownedCurrent, desired) {
    const desiredLower = new Set(desired.map((name) => name.toLowerCase()));
    const stale = new Set(ownedCurrent.filter((name) => !desiredLower.has(name.toLowerCase())).map((name) => name.toLowerCase()));
    const kept = current.filter((name) => !stale.has(name.toLowerCase()));
    const keptLower = new Set(kept.map((name) => name.toLowerCase()));
    return [...kept, ...desired.filter((name) => !keptLower.has(name.toLowerCase()))];
}
function sameSet(a, b) {
    if (a.length !== b.length)
        return false;
    const lower = new Set(b.map((value) => value.toLowerCase()));
    return a.every((value) => lower.has(value.toLowerCase()));
}
function collectMilestones(actual) {
    const known = new Map();
    for (const issue of actual.issues)
        if (issue.milestone)
            known.set(issue.milestone.title, issue.milestone);
    for (const milestone of actual.milestones ?? [])
        known.set(milestone.title, milestone);
    return known;
}
function noteNeededLabels(labels, known, toCreate) {
    for (const label of labels)
        if (!known.has(label.name))
            toCreate.set(label.name, label);
}
function noteNeededMilestone(milestone, known, toCreate) {
    if (milestone && !known.has(milestone.title))
        toCreate.set(milestone.title, milestone);
}
function describeUpdate(item, fields, humanChanged) {
    const what = `${item.status.replace(/_/g, ' ')}: ${fields.join(', ')} changed`;
    return humanChanged
        ? `${what}; restores fields a human changed (conflict-policy: orchestrator-wins)`
        : what;
}

;// CONCATENATED MODULE: ./build/src/engine/links.js

/**
 * Writes a row only when something a reader would see changed (a new or moved issue, a write): a no-op run
 * leaves the state file byte-identical, so nothing needs committing.
 */
class LinkRecorder {
    store;
    tracker;
    now;
    recorded = [];
    links;
    items;
    featureOf;
    constructor(store, tracker, desired, now) {
        this.store = store;
        this.tracker = tracker;
        this.now = now;
        this.links = new Map(store.state.links
            .filter((link) => link.platform === tracker.platform && link.repository === tracker.repository)
            .map((link) => [linkItemKey(link), link]));
        this.items = store.syncedItems(tracker.platform, tracker.repository);
        this.featureOf = new Map(desired.map((issue) => [issue.itemKey, issue.featureId]));
    }
    /** `wrote`: the run just wrote this issue, so its sync time moves on. */
    record(issue, wrote) {
        const { itemKey, number, url } = issue;
        this.recorded.push({ itemKey, number, url });
        const timestamp = this.now().toISOString();
        const link = this.links.get(itemKey);
        if (wrote ||
            !link ||
            link.issueNumber !== number ||
            link.issueUrl !== url ||
            link.syncStatus !== 'synced') {
            const [kind, ...rest] = itemKey.split(':');
            const id = rest.join(':');
            this.store.upsertLink({
                featureId: kind === 'feature' ? id : (this.featureOf.get(itemKey) ?? null),
                taskId: kind === 'task' ? id : null,
                platform: this.tracker.platform,
                repository: this.tracker.repository,
                issueNumber: number,
                issueUrl: url,
                syncStatus: 'synced',
                lastSynced: timestamp,
            });
        }
        const item = this.items.get(itemKey);
        if (wrote || !item || item.issueNumber !== number || item.contentHash !== issue.hash) {
            this.store.upsertSyncedItem({
                itemKey,
                platform: this.tracker.platform,
                repository: this.tracker.repository,
                issueNumber: number,
                issueId: issue.issueId,
                contentHash: issue.hash,
                ownedAssignees: issue.ownedAssignees,
                syncedAt: wrote || !item ? timestamp : item.syncedAt,
            });
        }
    }
    /** An update that failed leaves the issue behind the orchestrator: the link says so until a run succeeds. */
    markFailed(itemKey) {
        const link = this.links.get(itemKey);
        if (link && link.syncStatus !== 'failed')
            this.store.upsertLink({ ...link, syncStatus: 'failed' });
    }
}

;// CONCATENATED MODULE: ./build/src/core/actual.js
/** What the platform holds, as the core sees it: plain records that every platform adapter returns. */
function emptyActualState(issues) {
    return { issues, labels: null, milestones: null, assignable: new Map() };
}

;// CONCATENATED MODULE: ./build/src/engine/read-actual.js
/**
 * Reads what the platform holds, as cheaply as correctness allows: a full read lists every issue; an incremental
 * read lists only issues updated since the last recorded run and trusts the stored fingerprints for the rest.
 */




/**
 * Runs are recorded with the platform's clock (the Date header of their first read), so the margin only covers
 * edits made while that read was paging, and the header's one-second resolution.
 */
const MARGIN_MS = 60 * 1000;
async function readActual(tracker, store, desired, requested, createCompleted) {
    const full = async (reason) => ({
        mode: 'full',
        reason,
        actual: emptyActualState(await tracker.listIssues()),
        candidates: desired,
        unchanged: [],
    });
    if (requested === 'full')
        return full('full reconcile requested');
    const lastRun = store
        .syncRecords()
        .runs.filter((run) => run.platform === tracker.platform && run.repository === tracker.repository && run.finishedAt !== null)
        .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0];
    if (!lastRun)
        return full('no earlier run is recorded in the state');
    const records = store.syncedItems(tracker.platform, tracker.repository);
    const urls = new Map(store.state.links
        .filter((link) => link.platform === tracker.platform && link.repository === tracker.repository)
        .map((link) => [linkItemKey(link), link.issueUrl]));
    // An item without a record must be new since that run, or one that is never created (finished before its
    // first sync); otherwise its issue could exist unseen (records lost) and only a full read can find it.
    const unknown = desired.issues.find((item) => !records.has(item.itemKey) &&
        !(item.state === 'closed' && !createCompleted) &&
        !(item.createdAt !== null && Date.parse(item.createdAt) > Date.parse(lastRun.startedAt)));
    if (unknown)
        return full(`${unknown.itemKey} has no record of its issue`);
    // After a verified run, everything up to its last write was seen (less one tick of the platform's timestamps:
    // GitHub's have one-second resolution); otherwise start where its read started, less the margin.
    const since = new Date(lastRun.seenUntil
        ? Date.parse(lastRun.seenUntil) - tracker.capabilities.timestampPrecisionMs
        : Date.parse(lastRun.startedAt) - MARGIN_MS).toISOString();
    const fetched = await tracker.listIssues({ updatedSince: since });
    const fetchedNumbers = new Set(fetched.map((issue) => issue.number));
    const markedKeys = new Set();
    for (const issue of fetched) {
        const marker = readMarker(issue.body);
        if (marker.kind === 'marker')
            markedKeys.add(marker.itemKey);
    }
    const candidates = [];
    const unchanged = [];
    const extra = [];
    for (const item of desired.issues) {
        const record = records.get(item.itemKey);
        const url = urls.get(item.itemKey);
        if (!record || fetchedNumbers.has(record.issueNumber) || markedKeys.has(item.itemKey)) {
            candidates.push(item);
        }
        else if (record.contentHash === nominalFingerprint(item) && url) {
            unchanged.push({
                itemKey: item.itemKey,
                number: record.issueNumber,
                url,
                issueId: record.issueId ?? '',
                hash: record.contentHash,
                ownedAssignees: record.ownedAssignees,
            });
        }
        else {
            // The item changed but its issue did not: read just that issue.
            const issue = await tracker.getIssue(record.issueNumber);
            if (issue)
                extra.push(issue);
            candidates.push(item);
        }
    }
    return {
        mode: 'incremental',
        reason: `issues updated since ${since}`,
        actual: emptyActualState([...fetched, ...extra]),
        candidates: { issues: candidates, excluded: desired.excluded },
        unchanged,
    };
}

;// CONCATENATED MODULE: ./build/src/engine/concurrent-runs.js



/** A re-check costs one request; runs that create for longer than this look again. */
const RECHECK_MS = 10_000;
class CreateGuard {
    tracker;
    highest;
    since;
    lastCheck = 0;
    seen = new Map();
    constructor(tracker, readAt, 
    /** The highest issue number the run's read saw. */
    highest) {
        this.tracker = tracker;
        this.highest = highest;
        this.since = readAt;
    }
    /** An issue carrying the item's marker that appeared since the run read the platform, or null. */
    async existing(itemKey) {
        if (this.lastCheck === 0 || Date.now() - this.lastCheck >= RECHECK_MS) {
            const started = this.tracker.serverTime();
            const changed = await this.tracker.listIssues({ updatedSince: this.since });
            for (const issue of changed) {
                const marker = readMarker(issue.body);
                if (marker.kind !== 'marker')
                    continue;
                const known = this.seen.get(marker.itemKey);
                if (!known || issue.number < known.number)
                    this.seen.set(marker.itemKey, issue);
            }
            this.lastCheck = Date.now();
            // The next look starts where this one did (by the platform's clock, less a tick of its timestamps).
            if (started) {
                this.since = new Date(Date.parse(started) - this.tracker.capabilities.timestampPrecisionMs).toISOString();
            }
        }
        return this.seen.get(itemKey) ?? null;
    }
    /** Issues this run created are its own, never "found" as another run's; a gap in the numbers forces a re-check. */
    created(itemKey, number) {
        this.seen.delete(itemKey);
        if (number > this.highest + 1)
            this.lastCheck = 0;
        this.highest = Math.max(this.highest, number);
    }
}
/** The link of an item to an issue another run made: the fingerprint is the one its marker carries. */
function linkTo(issue, itemKey, ownedAssignees) {
    const marker = readMarker(issue.body);
    return {
        itemKey,
        number: issue.number,
        url: issue.url,
        issueId: issue.id,
        hash: marker.kind === 'marker' ? marker.hash : '',
        ownedAssignees,
    };
}
/**
 * Closes the issues this run created that another run also created, earlier (a lower number), for the same item;
 * the item is linked to the kept issue. Returns what was resolved.
 */
async function resolveDuplicates(tracker, changed, created, links, log) {
    const carriers = new Map();
    for (const issue of changed) {
        const marker = readMarker(issue.body);
        if (marker.kind !== 'marker')
            continue;
        const list = carriers.get(marker.itemKey) ?? [];
        list.push(issue);
        carriers.set(marker.itemKey, list);
    }
    const resolved = [];
    for (const [number, { itemKey, ownedAssignees }] of created) {
        const list = carriers.get(itemKey) ?? [];
        const ours = list.find((issue) => issue.number === number);
        const older = list
            .filter((issue) => issue.number < number && !created.has(issue.number))
            .sort((a, b) => a.number - b.number)[0];
        if (!ours || !older)
            continue;
        const parts = splitBody(ours.body);
        const note = `Duplicate of #${older.number}: two orchestrator-git runs created an issue for this item at the same time; this copy was closed.`;
        try {
            await tracker.updateIssue(number, {
                body: `${parts.before}${note}\n${parts.after ? `\n${parts.after}` : ''}`,
                state: 'closed',
                stateReason: 'not_planned',
            });
        }
        catch (error) {
            log.warning(`#${number} duplicates #${older.number} (${itemKey}) but could not be closed (${error instanceof Error ? error.message : String(error)}); the next run reports it.`);
            continue;
        }
        links.record(linkTo(older, itemKey, ownedAssignees), false);
        log.warning(`${logText(itemKey)}: another run created #${older.number} at the same time as this run's #${number}; #${number} was closed as a duplicate.`);
        resolved.push({ itemKey, kept: older.number, closed: number });
    }
    return resolved;
}

;// CONCATENATED MODULE: ./build/src/engine/scope.js
/**
 * Scoped runs: the CLI's item commands (create-issue, update-issue, sync-status, link-task) sync a few items and
 * read only their issues, leaving every other issue, and the record the next incremental read starts from, alone.
 */



/** The scope's items, in the order given; an item the state lacks, or the policy does not sync, is an error. */
function scopeDesired(desired, scope) {
    if (scope.itemKeys === null)
        return desired;
    const byKey = new Map(desired.issues.map((item) => [item.itemKey, item]));
    const excluded = new Map(desired.excluded.map((item) => [item.itemKey, item.reason]));
    const issues = scope.itemKeys.map((given) => {
        // A bare id names the task or the feature with that id, whichever is synced.
        const key = /^(task|feature):/.test(given)
            ? given
            : ([`task:${given}`, `feature:${given}`].find((candidate) => byKey.has(candidate)) ?? `task:${given}`);
        const item = byKey.get(key);
        if (item)
            return item;
        const reason = excluded.get(key);
        if (reason) {
            throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `${(0,errors/* quote */.hD)(key)} is not synced: ${reason}.`, 'Change feature-statuses or tasks so that the item is synced, or name another item.');
        }
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `There is no synced item ${(0,errors/* quote */.hD)(key)} in the orchestrator state.`, 'Name an item as task:<task id> or feature:<feature id>; `orchestrator-git plan --json` lists every synced item (subtasks are a checklist in their parent unless tasks is all).');
    });
    return { issues, excluded: [] };
}
/**
 * Reads the scope's linked issues one by one; a full list only when an item may need creating (its marker could be
 * on an issue the links do not know) or an issue is adopted (its marker must be nowhere else).
 */
async function readScoped(tracker, desired, links, scope) {
    const keys = new Set(desired.issues.map((item) => item.itemKey));
    const numbers = new Set();
    for (const item of desired.issues) {
        const number = links.get(item.itemKey);
        if (number !== undefined)
            numbers.add(number);
    }
    const unlinked = desired.issues.some((item) => !links.has(item.itemKey));
    let issues = null;
    // Ten or more single reads cost more than listing every issue a hundred at a time, for most repositories.
    if (scope.adopt || (scope.createIssues && unlinked) || numbers.size >= 10) {
        issues = await tracker.listIssues();
    }
    else {
        const found = [];
        for (const number of numbers) {
            const issue = await tracker.getIssue(number);
            if (issue)
                found.push(issue);
        }
        // A linked issue is gone: before creating another, look for the item's marker on every issue.
        issues = scope.createIssues && found.length < numbers.size ? await tracker.listIssues() : found;
    }
    const relevant = issues.filter((issue) => {
        if (scope.itemKeys === null || numbers.has(issue.number))
            return true;
        const marker = readMarker(issue.body);
        return marker.kind === 'marker' && keys.has(marker.itemKey);
    });
    if (scope.adopt)
        checkAdoption(scope.adopt, relevant, tracker.repository);
    return {
        mode: 'scoped',
        reason: `${desired.issues.length} item${desired.issues.length === 1 ? '' : 's'} named`,
        actual: emptyActualState(relevant),
        candidates: desired,
        unchanged: [],
    };
}
function checkAdoption(adopt, issues, repository) {
    const target = issues.find((issue) => issue.number === adopt.number);
    if (!target) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Issue #${adopt.number} does not exist in ${repository}.`, 'Name an existing issue of the repository (pull requests are not issues).');
    }
    const marker = readMarker(target.body);
    if (marker.kind === 'marker' && marker.itemKey !== adopt.itemKey) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `Issue #${adopt.number} is already the issue of ${(0,errors/* quote */.hD)(marker.itemKey)}.`, 'Link another issue, or remove the orchestrator-git block from that issue first.');
    }
    const elsewhere = issues.find((issue) => {
        if (issue.number === adopt.number)
            return false;
        const other = readMarker(issue.body);
        return other.kind === 'marker' && other.itemKey === adopt.itemKey;
    });
    if (elsewhere) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `${(0,errors/* quote */.hD)(adopt.itemKey)} already has issue #${elsewhere.number}.`, `Remove the orchestrator-git block from #${elsewhere.number} (or close it as a duplicate and remove the block) before linking #${adopt.number}.`);
    }
}
/** Keeps the plan inside the scope: no other item's issue is touched, and creation only when asked for. */
function limitToScope(plan, scope, desired) {
    const keys = new Set(desired.issues.map((item) => item.itemKey));
    if (scope.itemKeys !== null)
        plan.orphans = [];
    plan.operations = plan.operations.filter((operation) => {
        if (operation.kind === 'createLabel' || operation.kind === 'createMilestone')
            return true;
        if (scope.itemKeys !== null && !keys.has(operation.itemKey))
            return false;
        if (operation.kind === 'createIssue' && !scope.createIssues) {
            plan.skipped.push({
                itemKey: operation.itemKey,
                issueNumber: null,
                message: 'has no issue yet; `orchestrator-git create-issue` or `sync` creates it',
            });
            return false;
        }
        return true;
    });
    const labels = new Set();
    const milestones = new Set();
    for (const operation of plan.operations) {
        if (operation.kind === 'createIssue') {
            const { write } = operation;
            const lower = new Set(write.labels.map((name) => name.toLowerCase()));
            for (const name of scope.extraLabels ?? [])
                if (!lower.has(name.toLowerCase()))
                    write.labels.push(name);
            for (const login of scope.extraAssignees ?? [])
                if (!write.assignees.some((name) => name.toLowerCase() === login.toLowerCase()))
                    write.assignees.push(login);
            for (const name of write.labels)
                labels.add(name.toLowerCase());
            if (write.milestone)
                milestones.add(write.milestone);
        }
        else if (operation.kind === 'updateIssue') {
            for (const name of operation.patch.labels ?? [])
                labels.add(name.toLowerCase());
            if (operation.patch.milestone)
                milestones.add(operation.patch.milestone);
        }
    }
    // Labels and milestones only the dropped operations needed are not created.
    plan.operations = plan.operations.filter((operation) => (operation.kind !== 'createLabel' || labels.has(operation.label.name.toLowerCase())) &&
        (operation.kind !== 'createMilestone' || milestones.has(operation.milestone.title)));
}

;// CONCATENATED MODULE: ./build/src/engine/team.js

/** The member of `members` with the fewest open issues (`load`), ties broken by name; null when none is left. */
function leastLoaded(members, load) {
    let chosen = null;
    for (const member of members) {
        const count = load.get(member.toLowerCase()) ?? 0;
        const best = chosen === null ? Infinity : (load.get(chosen.toLowerCase()) ?? 0);
        if (count < best || (count === best && chosen !== null && member.toLowerCase() < chosen.toLowerCase()))
            chosen = member;
    }
    return chosen;
}
/**
 * Adds a team member to each planned create of a task that has a specialist with a team and no assignee. Load is
 * counted from the open issues the run read (all of them after a full read; those updated since the last run after
 * an incremental one) plus the assignments made here.
 */
async function assignTeams(plan, tasks, team, actual, tracker, log) {
    if (Object.keys(team).length === 0)
        return;
    const specialistOf = new Map(tasks.map((task) => [`task:${task.id}`, task.specialist]));
    const load = new Map();
    for (const issue of actual.issues) {
        if (issue.state !== 'open')
            continue;
        for (const login of issue.assignees)
            load.set(login.toLowerCase(), (load.get(login.toLowerCase()) ?? 0) + 1);
    }
    const refused = new Set();
    for (const operation of plan.operations) {
        if (operation.kind !== 'createIssue' || operation.write.assignees.length > 0)
            continue;
        if (operation.thenClose)
            continue;
        const specialist = specialistOf.get(operation.itemKey);
        const members = specialist ? team[specialist.toLowerCase()] : undefined;
        if (!members || members.length === 0)
            continue;
        let candidates = members.filter((member) => !refused.has(member.toLowerCase()));
        while (candidates.length > 0) {
            const member = leastLoaded(candidates, load);
            if (member === null)
                break;
            const key = member.toLowerCase();
            let assignable = actual.assignable.get(key);
            if (assignable === undefined) {
                assignable = await tracker.isAssignable(member);
                actual.assignable.set(key, assignable);
            }
            if (!assignable) {
                refused.add(key);
                log.warning(`Team member ${logText(member)} (${logText(specialist ?? '')}) cannot be assigned in this repository; the next member is used.`);
                candidates = candidates.filter((candidate) => candidate.toLowerCase() !== key);
                continue;
            }
            operation.write.assignees.push(member);
            load.set(key, (load.get(key) ?? 0) + 1);
            break;
        }
    }
}

;// CONCATENATED MODULE: ./build/src/engine/relations.js




async function syncRelations(input) {
    const adapter = input.tracker.relations;
    const outcome = {
        results: [],
        reads: 0,
        notes: [],
        failed: 0,
        stoppedBy: null,
        blockedByRefused: null,
    };
    if (!adapter)
        return outcome;
    const relations = deriveRelations(input.state, input.desired);
    for (const note of relations.notes)
        outcome.notes.push(note);
    const byNumber = new Map();
    for (const issue of input.known)
        byNumber.set(issue.number, issue);
    const itemOf = new Map();
    for (const [itemKey, number] of input.links)
        itemOf.set(number, itemKey);
    const managed = (number) => itemOf.has(number);
    const issueOf = async (itemKey) => {
        const number = input.links.get(itemKey);
        if (number === undefined)
            return null;
        const known = byNumber.get(number);
        if (known)
            return known;
        outcome.reads += 1;
        const fetched = await input.tracker.getIssue(number);
        if (fetched)
            byNumber.set(number, fetched);
        return fetched;
    };
    const related = (issue) => {
        const id = adapter.relationId(issue);
        return id === undefined
            ? null
            : {
                number: issue.number,
                id,
                itemKey: itemOf.get(issue.number) ?? markerKey(issue),
                parentNumber: issue.relations?.parentNumber ?? null,
            };
    };
    const listedChildren = new Map();
    for (const issue of byNumber.values()) {
        const parent = issue.relations?.parentNumber;
        if (parent === null || parent === undefined)
            continue;
        listedChildren.set(parent, [...(listedChildren.get(parent) ?? []), issue.number]);
    }
    // Without native sub-issues (GitLab) the tree stays the checklist in each block: no parent is looked at.
    const subIssues = adapter.subIssues;
    const parents = new Set(subIssues ? relations.children.keys() : []);
    for (const issue of subIssues ? byNumber.values() : []) {
        const itemKey = itemOf.get(issue.number);
        if (itemKey && (issue.relations?.subIssues ?? 0) > 0)
            parents.add(itemKey);
    }
    for (const parentKey of [...parents].sort()) {
        if (outcome.stoppedBy)
            break;
        await guarded(outcome, parentKey, async () => {
            const dirty = input.written.has(parentKey);
            const number = input.links.get(parentKey);
            if (number === undefined)
                return;
            const parentIssue = dirty ? await issueOf(parentKey) : (byNumber.get(number) ?? null);
            if (!parentIssue)
                return;
            const parent = related(parentIssue);
            if (!parent)
                return;
            const wanted = relations.children.get(parentKey) ?? [];
            const summary = parentIssue.relations;
            const mismatch = summary === undefined ||
                wanted.some((child) => {
                    const childNumber = input.links.get(child);
                    const childIssue = childNumber === undefined ? undefined : byNumber.get(childNumber);
                    return childIssue !== undefined && childIssue.relations?.parentNumber !== number;
                }) ||
                (listedChildren.get(number) ?? []).some((childNumber) => {
                    const child = itemOf.get(childNumber);
                    return child !== undefined && relations.parentOf.get(child) !== parentKey;
                }) ||
                (input.full && (listedChildren.get(number) ?? []).length !== summary.subIssues);
            if (!dirty && !mismatch)
                return;
            const desiredChildren = [];
            for (const child of wanted) {
                const childIssue = await issueOf(child);
                const entry = childIssue ? related(childIssue) : null;
                if (entry)
                    desiredChildren.push(entry);
            }
            let current = [];
            if (summary === undefined || summary.subIssues > 0) {
                outcome.reads += 1;
                current = (await (subIssues?.listSubIssues(number) ?? Promise.resolve([])))
                    .map((issue) => related(issue))
                    .filter((entry) => entry !== null);
            }
            const planned = planSubIssues(parent, desiredChildren, current, (itemKey) => relations.parentOf.has(itemKey) && relations.parentOf.get(itemKey) !== parentKey, managed);
            for (const message of planned.notes)
                outcome.notes.push({ itemKey: parentKey, message });
            for (const operation of planned.operations) {
                if (outcome.stoppedBy)
                    break;
                await apply(adapter, operation, outcome, input.log);
                if (operation.kind === 'addSubIssue' || operation.kind === 'removeSubIssue') {
                    const child = byNumber.get(operation.child.number);
                    if (child?.relations) {
                        child.relations = {
                            ...child.relations,
                            parentNumber: operation.kind === 'addSubIssue' ? number : null,
                        };
                    }
                }
            }
        });
    }
    const dependents = new Set(relations.blockedBy.keys());
    for (const issue of byNumber.values()) {
        const itemKey = itemOf.get(issue.number);
        if (itemKey && (issue.relations?.blockedBy ?? 0) > 0)
            dependents.add(itemKey);
    }
    // Where the listing does not count blockers (GitLab), an issue the run rewrote may have lost a dependency: its block
    // names its prerequisites, so a removed one rewrites it.
    for (const itemKey of input.written) {
        const number = input.links.get(itemKey);
        const issue = number === undefined ? undefined : byNumber.get(number);
        if (issue && issue.relations === undefined)
            dependents.add(itemKey);
    }
    for (const itemKey of [...dependents].sort()) {
        if (outcome.stoppedBy || outcome.blockedByRefused)
            break;
        await guarded(outcome, itemKey, async () => {
            const dirty = input.written.has(itemKey);
            const number = input.links.get(itemKey);
            if (number === undefined)
                return;
            const dependentIssue = dirty ? await issueOf(itemKey) : (byNumber.get(number) ?? null);
            if (!dependentIssue)
                return;
            const dependent = related(dependentIssue);
            if (!dependent)
                return;
            const wanted = relations.blockedBy.get(itemKey) ?? [];
            const count = dependentIssue.relations?.blockedBy ?? (input.created?.has(itemKey) ? 0 : undefined);
            // No count (GitLab): an issue the run did not rewrite has the prerequisites its block names, already linked.
            if (!dirty && (count === undefined || count === wanted.length))
                return;
            const blockers = [];
            for (const blocker of wanted) {
                const blockerIssue = await issueOf(blocker);
                const entry = blockerIssue ? related(blockerIssue) : null;
                if (entry)
                    blockers.push(entry);
            }
            let current = [];
            if (count === undefined || count > 0) {
                outcome.reads += 1;
                current = (await adapter.listBlockedBy(number))
                    .map((issue) => related(issue))
                    .filter((entry) => entry !== null);
            }
            for (const operation of planBlockedBy(dependent, blockers, current)) {
                if (outcome.stoppedBy || outcome.blockedByRefused)
                    break;
                await apply(adapter, operation, outcome, input.log);
            }
        });
    }
    for (const note of outcome.notes) {
        input.log.warning(`${note.itemKey ? `${note.itemKey}: ` : ''}${logText(note.message, 400)}`);
    }
    return outcome;
}
function markerKey(issue) {
    const marker = readMarker(issue.body);
    return marker.kind === 'marker' ? marker.itemKey : null;
}
/** A failed read of one issue's relations fails that issue's relations, not the run (unless nothing can succeed). */
async function guarded(outcome, itemKey, work) {
    try {
        await work();
    }
    catch (caught) {
        const error = asCatalogueError(caught);
        outcome.failed += 1;
        outcome.notes.push({ itemKey, message: `relations not synced: ${error.message}` });
        if ((0,errors/* isFatal */.BG)(error))
            outcome.stoppedBy = error;
    }
}
function asCatalogueError(caught) {
    return caught instanceof errors/* OrchestratorGitError */.Xw
        ? caught
        : new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', caught instanceof Error ? caught.message : String(caught), 'This is unexpected; the next run retries. If it persists, report it with the run log.', { cause: caught });
}
async function apply(adapter, operation, outcome, log) {
    try {
        const subIssues = adapter.subIssues;
        if (!subIssues && (operation.kind === 'addSubIssue' || operation.kind === 'removeSubIssue'))
            return;
        switch (operation.kind) {
            case 'addSubIssue':
                await subIssues?.addSubIssue(operation.parent.number, operation.child.id, operation.replaceParent);
                break;
            case 'removeSubIssue':
                await subIssues?.removeSubIssue(operation.parent.number, operation.child.id);
                break;
            case 'reorderSubIssue':
                await subIssues?.reorderSubIssue(operation.parent.number, operation.child.id, operation.afterId !== null ? { afterId: operation.afterId } : { beforeId: operation.beforeId ?? 0 });
                break;
            case 'addBlockedBy':
                await adapter.addBlockedBy(operation.issue.number, operation.blocker.id);
                break;
            case 'removeBlockedBy':
                await adapter.removeBlockedBy(operation.issue.number, operation.blocker.id);
                break;
        }
        outcome.results.push({ operation, status: 'done', error: null });
        log.info(`${describeRelation(operation)} (${operation.reason})`);
    }
    catch (caught) {
        const error = asCatalogueError(caught);
        if (error.code === 'NOT_SUPPORTED' && operation.kind === 'addBlockedBy') {
            // Not a failure of this run: the dependency stays on the "Depends on" line of the block, said once.
            outcome.results.push({ operation, status: 'skipped', error: error.message });
            outcome.blockedByRefused = error.message;
            outcome.notes.push({ itemKey: null, message: `${error.message} ${error.fix}` });
            return;
        }
        outcome.results.push({ operation, status: 'failed', error: error.message });
        outcome.failed += 1;
        log.error(`${describeRelation(operation)} failed: ${error.message}`);
        if ((0,errors/* isFatal */.BG)(error))
            outcome.stoppedBy = error;
    }
}

;// CONCATENATED MODULE: ./build/src/engine/sync.js













async function runIssueSync(options) {
    const { store, tracker, policy, log } = options;
    const now = options.now ?? (() => new Date());
    const startedAt = now().toISOString();
    const repository = tracker.repository;
    const previous = store.lastRun(tracker.platform, repository);
    if (previous && !previous.finishedAt) {
        log.info(`The previous run (${previous.runId}) did not finish; this run completes its work.`);
    }
    const derived = deriveDesiredState(store.state, policy, {
        nativeRelations: (tracker.relations?.subIssues ?? null) !== null,
        nativeDependencies: tracker.relations !== undefined,
    });
    // One read of the repository's issue types, only when types are wanted and there is an issue to type.
    const issueTypes = policy.issueTypes === 'auto' && tracker.issueTypes && derived.issues.length > 0
        ? await tracker.issueTypes()
        : null;
    const fitted = fitToPlatform(derived, tracker.capabilities, { issueTypes });
    const { scope } = options;
    const desired = scope ? scopeDesired(fitted.desired, scope) : fitted.desired;
    const context = planContext(store, tracker, policy);
    if (scope?.adopt)
        context.links.set(scope.adopt.itemKey, scope.adopt.number);
    const readStarted = Date.now();
    const read = scope
        ? await readScoped(tracker, desired, context.links, scope)
        : await readActual(tracker, store, desired, options.reconcile ?? 'full', policy.createCompleted);
    log.info(`Read: ${read.mode} (${read.reason}); ${read.actual.issues.length} issues read.`);
    const { actual } = read;
    // The run is recorded by the platform's clock at the start of the read (the latest Date header, less the time
    // the read took), which is what the next incremental read's `since` is compared against.
    const serverTime = tracker.serverTime();
    const readAt = serverTime
        ? new Date(Date.parse(serverTime) - (Date.now() - readStarted)).toISOString()
        : startedAt;
    const plan = await planWithLookups(read.candidates, actual, context, tracker);
    if (scope)
        limitToScope(plan, scope, desired);
    await assignTeams(plan, store.state.tasks, policy.team, actual, tracker, log);
    plan.unchanged.push(...read.unchanged);
    for (const note of fitted.notes)
        plan.warnings.push({ ...note, issueNumber: null });
    for (const note of [...plan.warnings, ...plan.conflicts]) {
        const where = [note.itemKey, note.issueNumber !== null ? `#${note.issueNumber}` : null]
            .filter(Boolean)
            .join(' ');
        log.warning(`${where ? `${where}: ` : ''}${logText(note.message, 400)}`);
    }
    const outcome = {
        runId: options.runId,
        dryRun: options.dryRun,
        repository,
        plan,
        results: [],
        counts: emptyCounts(plan),
        links: [],
        stats: tracker.stats(),
        stoppedBy: null,
        stateSaved: false,
        items: desired.issues.map(({ itemKey, title, status }) => ({
            itemKey,
            title,
            status: status.replace(/_/g, ' '),
        })),
    };
    if (options.dryRun) {
        outcome.links = plan.unchanged.map(({ itemKey, number, url }) => ({ itemKey, number, url }));
        return outcome;
    }
    const links = new LinkRecorder(store, tracker, desired.issues, now);
    for (const link of plan.unchanged)
        links.record(link, false);
    const milestoneNumbers = new Map();
    for (const issue of actual.issues)
        if (issue.milestone)
            milestoneNumbers.set(issue.milestone.title, issue.milestone.number);
    for (const milestone of actual.milestones ?? [])
        milestoneNumbers.set(milestone.title, milestone.number);
    const journal = [];
    /** Issue number → its updated_at after this run's last write to it. */
    const written = new Map();
    let seq = 0;
    let lastCheckpoint = Date.now();
    const guard = new CreateGuard(tracker, readAt, actual.issues.reduce((highest, issue) => Math.max(highest, issue.number), 0));
    /** Issue number → the item (and assignees) of each issue this run created. */
    const created = new Map();
    const checkpointMs = options.checkpointMs ?? 15_000;
    /** The issues as this run's writes returned them (for the relations step). */
    const returned = [];
    for (const operation of plan.operations) {
        if (outcome.stoppedBy) {
            outcome.results.push({
                operation,
                status: 'skipped',
                issue: null,
                error: 'run stopped before this operation',
            });
            continue;
        }
        const itemKey = 'itemKey' in operation ? operation.itemKey : `${operation.kind}:${sync_nameOf(operation)}`;
        const entry = {
            runId: options.runId,
            seq: (seq += 1),
            itemKey,
            operation: operation.kind === 'updateIssue' ? operation.change : operation.kind,
            status: 'planned',
            issueNumber: operation.kind === 'updateIssue' ? operation.number : null,
            detail: operation.reason,
            at: now().toISOString(),
        };
        journal.push(entry);
        try {
            // Another run may have created this item's issue since this run read the platform.
            const adopted = operation.kind === 'createIssue' ? await guard.existing(operation.itemKey) : null;
            if (operation.kind === 'createIssue' && adopted) {
                links.record(linkTo(adopted, operation.itemKey, operation.ownedAssignees), false);
                entry.status = 'skipped';
                entry.issueNumber = adopted.number;
                const why = `created meanwhile by another run as #${adopted.number}; linked, not created again`;
                outcome.results.push({
                    operation,
                    status: 'skipped',
                    issue: { number: adopted.number, url: adopted.url },
                    error: why,
                });
                log.warning(`${operation.itemKey}: ${why}.`);
                options.onProgress?.(outcome.results.length, plan.operations.length);
                continue;
            }
            const issue = await applyOperation(operation, tracker, milestoneNumbers, now, log);
            if (issue)
                returned.push(issue);
            if (issue && operation.kind === 'createIssue') {
                guard.created(operation.itemKey, issue.number);
                created.set(issue.number, { itemKey: operation.itemKey, ownedAssignees: operation.ownedAssignees });
            }
            entry.status = 'done';
            entry.issueNumber = issue?.number ?? entry.issueNumber;
            outcome.results.push({
                operation,
                status: 'done',
                issue: issue ? { number: issue.number, url: issue.url } : null,
                error: null,
            });
            if (issue && isIssueOperation(operation)) {
                links.record({ ...operation, number: issue.number, url: issue.url, issueId: issue.id }, true);
                written.set(issue.number, issue.updatedAt);
            }
            log.info(describeResult(operation, issue));
        }
        catch (caught) {
            const error = caught instanceof errors/* OrchestratorGitError */.Xw ? caught : wrapUnexpected(caught);
            entry.status = 'failed';
            entry.detail = `${error.code}: ${error.message}`;
            outcome.results.push({ operation, status: 'failed', issue: null, error: error.message });
            log.error(`${describeOperation(operation)} failed: ${error.message}`);
            if (operation.kind === 'updateIssue')
                links.markFailed(operation.itemKey);
            if ((0,errors/* isFatal */.BG)(error))
                outcome.stoppedBy = error;
        }
        options.onProgress?.(outcome.results.length, plan.operations.length);
        if (!scope && Date.now() - lastCheckpoint >= checkpointMs) {
            store.appendJournal(journal.splice(0));
            store.recordRun({
                runId: options.runId,
                platform: tracker.platform,
                repository,
                startedAt: readAt,
                finishedAt: null,
                fullReconcile: read.mode === 'full',
                outcome: 'running',
                counts: null,
                seenUntil: null,
            });
            await store.save();
            lastCheckpoint = Date.now();
        }
    }
    tally(outcome);
    // A scoped run saw only its items: it must not tell the next incremental read that everything was seen.
    const verified = scope
        ? { seenUntil: null, changed: null }
        : await verifyOwnWrites(tracker, readAt, written, outcome, log);
    let { seenUntil } = verified;
    if (verified.changed && created.size > 0) {
        const resolved = await resolveDuplicates(tracker, verified.changed, created, links, log);
        for (const { itemKey, kept, closed } of resolved) {
            plan.warnings.push({
                itemKey,
                issueNumber: closed,
                message: `another run created #${kept} for this item at the same time; #${closed} was closed as a duplicate`,
            });
        }
        // Those writes came after the verification: the next run reads from this run's start.
        if (resolved.length > 0)
            seenUntil = null;
    }
    outcome.links = latestLinks(links.recorded);
    if ((policy.hierarchy ?? 'checklist') !== 'checklist' &&
        tracker.relations &&
        !scope &&
        !outcome.stoppedBy) {
        outcome.relations = await syncRelations({
            tracker,
            state: store.state,
            desired,
            known: [...actual.issues, ...returned],
            links: new Map(outcome.links.map((link) => [link.itemKey, link.number])),
            written: new Set(outcome.results
                .filter((result) => result.status === 'done' && isIssueOperation(result.operation))
                .map((result) => result.operation.itemKey)),
            created: new Set([...created.values()].map((entry) => entry.itemKey)),
            full: read.mode === 'full',
            log,
        });
        outcome.counts.failed += outcome.relations.failed;
        if (outcome.relations.stoppedBy)
            outcome.stoppedBy = outcome.relations.stoppedBy;
    }
    outcome.stats = tracker.stats();
    if (scope)
        store.appendJournal(journal);
    else if (plan.operations.length > 0 || journal.length > 0) {
        store.appendJournal(journal);
        store.recordRun({
            runId: options.runId,
            platform: tracker.platform,
            repository,
            startedAt: readAt,
            finishedAt: now().toISOString(),
            fullReconcile: read.mode === 'full',
            outcome: outcome.stoppedBy
                ? `stopped: ${outcome.stoppedBy.code}`
                : outcome.counts.failed
                    ? 'partial'
                    : 'ok',
            counts: { ...outcome.counts },
            seenUntil,
        });
    }
    outcome.stateSaved = await store.save();
    return outcome;
}
function planContext(store, tracker, policy) {
    const links = new Map();
    for (const link of store.state.links) {
        if (link.platform !== tracker.platform || link.repository !== tracker.repository)
            continue;
        links.set(linkItemKey(link), link.issueNumber);
    }
    const ownedAssignees = new Map();
    for (const [key, record] of store.syncedItems(tracker.platform, tracker.repository)) {
        if (!links.has(key))
            links.set(key, record.issueNumber);
        ownedAssignees.set(key, record.ownedAssignees);
    }
    return { policy, links, ownedAssignees, createMilestones: tracker.capabilities.createMilestones };
}
async function planWithLookups(desired, actual, context, tracker) {
    let plan = planSync(desired, actual, context);
    const { lookups } = plan;
    if (!lookups.labels && !lookups.milestones && lookups.assignees.length === 0)
        return plan;
    if (lookups.labels)
        actual.labels = await tracker.listLabels();
    if (lookups.milestones)
        actual.milestones = await tracker.listMilestones();
    for (const login of lookups.assignees)
        actual.assignable.set(login, await tracker.isAssignable(login));
    plan = planSync(desired, actual, context);
    return plan;
}
/**
 * After a run that wrote issues, one read of what changed since it started tells whether anything but its own writes
 * happened meanwhile. If not, the next incremental read can start after those writes instead of re-reading them;
 * otherwise (or if the read fails) it starts where this run's read did. Returns the platform time to start from.
 */
async function verifyOwnWrites(tracker, readAt, written, outcome, log) {
    if (written.size === 0 || outcome.stoppedBy)
        return { seenUntil: null, changed: null };
    try {
        const changed = await tracker.listIssues({ updatedSince: readAt });
        const others = changed.filter((issue) => written.get(issue.number) !== issue.updatedAt);
        if (others.length > 0) {
            log.info(`${others.length} issues changed during the run besides its own writes; the next run reads them.`);
            return { seenUntil: null, changed };
        }
        const latest = Math.max(Date.parse(readAt), ...changed.map((issue) => Date.parse(issue.updatedAt)));
        return { seenUntil: new Date(latest).toISOString(), changed };
    }
    catch (error) {
        log.warning(`Could not check for changes made during the run (${error instanceof Error ? error.message : String(error)}); the next run reads them.`);
        return { seenUntil: null, changed: null };
    }
}
/** The last recorded link of each item (an item linked twice in a run, e.g. to the kept copy of a duplicate). */
function latestLinks(recorded) {
    const byKey = new Map();
    for (const link of recorded) {
        byKey.delete(link.itemKey);
        byKey.set(link.itemKey, link);
    }
    return [...byKey.values()];
}
function isIssueOperation(operation) {
    return operation.kind === 'createIssue' || operation.kind === 'updateIssue';
}
async function applyOperation(operation, tracker, milestoneNumbers, now, log) {
    const milestone = (title) => {
        if (title === undefined)
            return undefined;
        if (title === null)
            return null;
        const number = milestoneNumbers.get(title);
        if (number === undefined) {
            throw new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', `Milestone ${logText(title)} could not be found or created.`, 'Create the milestone by hand, or check the token may write issues and milestones.');
        }
        return number;
    };
    switch (operation.kind) {
        case 'createLabel':
            await tracker.createLabel(operation.label);
            return null;
        case 'createMilestone': {
            const created = await tracker.createMilestone(operation.milestone);
            milestoneNumbers.set(created.title, created.number);
            return null;
        }
        case 'createIssue': {
            // Ten minutes of margin for clock skew between the runner and the platform.
            const since = new Date(now().getTime() - 600_000).toISOString();
            let issue;
            try {
                issue = await tracker.createIssue({
                    ...operation.write,
                    milestone: milestone(operation.write.milestone) ?? null,
                });
            }
            catch (error) {
                // After an ambiguous failure the issue may exist: look for its marker before anyone creates it again.
                if (!isAmbiguous(error))
                    throw error;
                const found = (await tracker.listIssues({ updatedSince: since })).find((candidate) => {
                    const marker = readMarker(candidate.body);
                    return marker.kind === 'marker' && marker.itemKey === operation.itemKey;
                });
                if (!found)
                    throw error;
                log.info(`The create of ${operation.itemKey} failed ambiguously but the issue exists (#${found.number}); adopted.`);
                issue = found;
            }
            // Platforms that take a workflow state on create (Bitbucket) already made it closed.
            if (operation.thenClose && issue.state !== 'closed') {
                issue = await tracker.updateIssue(issue.number, {
                    state: 'closed',
                    stateReason: operation.thenClose,
                });
            }
            return issue;
        }
        case 'updateIssue': {
            const patch = {
                ...operation.patch,
                milestone: milestone(operation.patch.milestone),
            };
            if (patch.milestone === undefined)
                delete patch.milestone;
            return tracker.updateIssue(operation.number, patch);
        }
    }
}
function isAmbiguous(error) {
    if (!(error instanceof errors/* OrchestratorGitError */.Xw))
        return true;
    if (error.code !== 'PLATFORM_ERROR')
        return false;
    const cause = error.cause;
    return typeof cause?.status !== 'number' || cause.status >= 500;
}
function wrapUnexpected(error) {
    return new errors/* OrchestratorGitError */.Xw('PLATFORM_ERROR', error instanceof Error ? error.message : String(error), 'This is unexpected; the next run retries. If it persists, report it with the run log.', { cause: error });
}
function sync_nameOf(operation) {
    return operation.kind === 'createLabel' ? operation.label.name : operation.milestone.title;
}
function describeOperation(operation) {
    switch (operation.kind) {
        case 'createLabel':
            return `Create label ${logText(operation.label.name)}`;
        case 'createMilestone':
            return `Create milestone ${logText(operation.milestone.title)}`;
        case 'createIssue':
            return `Create issue for ${operation.itemKey} ${logText(operation.title)}`;
        case 'updateIssue':
            return `${operation.change === 'updated' ? 'Update' : operation.change === 'closed' ? 'Close' : 'Reopen'} #${operation.number} (${operation.itemKey}): ${operation.fields.join(', ')}`;
    }
}
function describeResult(operation, issue) {
    const base = describeOperation(operation);
    return issue && operation.kind === 'createIssue' ? `${base} → #${issue.number}` : base;
}
function emptyCounts(plan) {
    return {
        created: 0,
        updated: 0,
        closed: 0,
        reopened: 0,
        unchanged: plan.unchanged.length,
        failed: 0,
        skipped: plan.skipped.length,
        conflicts: plan.conflicts.length,
        orphans: plan.orphans.length,
    };
}
function tally(outcome) {
    for (const result of outcome.results) {
        const { operation } = result;
        if (result.status === 'failed')
            outcome.counts.failed += 1;
        if (result.status === 'skipped')
            outcome.counts.skipped += 1;
        if (result.status !== 'done')
            continue;
        if (operation.kind === 'createIssue')
            outcome.counts.created += 1;
        if (operation.kind === 'updateIssue')
            outcome.counts[operation.change] += 1;
    }
}

;// CONCATENATED MODULE: ./build/src/engine/execute-issue-sync.js




async function executeIssueSync(options) {
    const { inputs, env, cwd, log } = options;
    const opened = await openRun({
        shared: inputs,
        configPath: options.configPath,
        env,
        cwd,
        log,
        ...(options.onSecret ? { onSecret: options.onSecret } : {}),
        job: 'issue-sync',
    });
    if (opened.kind === 'disabled')
        return opened;
    const { store, config, stateFile, featuresDir } = opened;
    try {
        log.info(`State: ${stateFile} (${store.state.generation}: ${store.state.tasks.length} tasks, ${store.state.features.length} features${featuresDir ? ` from ${featuresDir}` : ''})`);
        for (const warning of store.state.warnings.slice(0, 50))
            log.warning(`State: ${warning.message}`);
        if (store.state.warnings.length > 50)
            log.warning(`State: ${store.state.warnings.length - 50} more warnings`);
        const tracker = await createIssueTracker(config, (message) => log.warning(message));
        await options.prepare?.(store, tracker, log, { dryRun: config.dryRun });
        const outcome = await runIssueSync({
            store,
            tracker,
            policy: options.initialText === undefined
                ? config.policy
                : { ...config.policy, issueTemplate: options.initialText },
            ...(options.scope ? { scope: options.scope } : {}),
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
            dryRun: config.dryRun,
            runId: options.runId,
            log,
            reconcile: config.reconcile,
        });
        // After the sync, and never its failure: a notifier's problem is a warning (see src/notify/deliver.ts).
        const notifications = await notifyIssueSync(outcome, config.notifications, env, log, {
            ...(options.notifyTimeoutMs !== undefined ? { timeoutMs: options.notifyTimeoutMs } : {}),
        });
        return { kind: 'synced', config, outcome, notifications };
    }
    finally {
        store.close();
    }
}

;// CONCATENATED MODULE: ./build/src/platforms/releases.js
async function createReleasePublisher(config, warn) {
    switch (config.platform) {
        case 'github': {
            const { GitHubReleasePublisher } = await Promise.all(/* import() */[__webpack_require__.e(239), __webpack_require__.e(644)]).then(__webpack_require__.bind(__webpack_require__, 2644));
            return new GitHubReleasePublisher(config.repository, {
                token: config.token,
                baseUrl: config.apiUrl,
                writeDelayMs: config.writeDelayMs,
                log: warn,
            });
        }
        case 'gitlab': {
            const { GitLabReleasePublisher } = await Promise.all(/* import() */[__webpack_require__.e(342), __webpack_require__.e(600), __webpack_require__.e(556)]).then(__webpack_require__.bind(__webpack_require__, 556));
            return new GitLabReleasePublisher(config.repository, {
                token: config.token,
                baseUrl: config.apiUrl,
                groupMilestones: config.gitlabGroup,
                log: warn,
            });
        }
        case 'bitbucket': {
            const { BitbucketReleasePublisher } = await __webpack_require__.e(/* import() */ 132).then(__webpack_require__.bind(__webpack_require__, 6132));
            return new BitbucketReleasePublisher(config.repository, {
                auth: config.username === null
                    ? { kind: 'bearer', token: config.token }
                    : { kind: 'basic', username: config.username, password: config.token },
                baseUrl: config.apiUrl,
            });
        }
    }
}

;// CONCATENATED MODULE: ./build/src/release/changelog-file.js
/**
 * CHANGELOG.md, pure: finds a release's entry by its version heading, and puts a new entry in place — replacing that
 * release's own entry on a re-run, else prepended above the earlier ones, which are left byte for byte.
 */
const DEFAULT_PREAMBLE = '# Changelog\n\nAll notable changes to this project are documented in this file. Each release lists its conventional commits and the orchestrator features it ships.\n';
/** A release heading as conventional-changelog writes it: `## [1.2.0](url) (date)`, `## 1.2.0 (date)`, `# [2.0.0]…`. */
const HEADING = /^#{1,3} (?:\[v?([0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*)\]|v?([0-9]+\.[0-9]+\.[0-9]+[0-9A-Za-z.+-]*))(?:\(|\s|$)/;
/** Every release entry of a changelog, in file order. */
function findEntries(text) {
    const entries = [];
    let offset = 0;
    let inFence = false;
    for (const line of text.split('\n')) {
        if (/^(```|~~~)/.test(line))
            inFence = !inFence;
        const match = inFence ? null : HEADING.exec(line);
        if (match) {
            const last = entries[entries.length - 1];
            if (last)
                last.end = offset;
            entries.push({ version: match[1] ?? match[2] ?? '', start: offset, end: text.length });
        }
        offset += line.length + 1;
    }
    return entries;
}
/** The entry of one version, or null. */
function readEntry(text, version) {
    const found = findEntries(text).find((entry) => entry.version === version);
    return found ? text.slice(found.start, found.end) : null;
}
/** The date `(YYYY-MM-DD)` in an entry's heading, if any. */
function entryDate(entry) {
    const heading = entry.split('\n', 1)[0] ?? '';
    return /\((\d{4}-\d{2}-\d{2})\)\s*$/.exec(heading)?.[1] ?? null;
}
/**
 * The changelog with `entry` for `version`: the version's own entry replaced, else the entry inserted above the first
 * release entry (after any preamble); an empty or missing file gets a short preamble.
 */
function upsertEntry(existing, version, entry) {
    const block = `${entry.trimEnd()}\n\n`;
    if (existing === null || existing.trim() === '')
        return `${DEFAULT_PREAMBLE}\n${block}`.replace(/\n+$/, '\n');
    const entries = findEntries(existing);
    const own = entries.find((item) => item.version === version);
    if (own) {
        const next = existing.slice(own.end);
        const replaced = `${existing.slice(0, own.start)}${next === '' ? `${entry.trimEnd()}\n` : block}${next}`;
        return replaced;
    }
    const first = entries[0];
    if (!first)
        return `${existing.trimEnd()}\n\n${block}`.replace(/\n+$/, '\n');
    return `${existing.slice(0, first.start)}${block}${existing.slice(first.start)}`;
}

// EXTERNAL MODULE: ./node_modules/conventional-changelog-core/index.js + 17 modules
var conventional_changelog_core = __webpack_require__(5075);
// EXTERNAL MODULE: ./node_modules/conventional-changelog-conventionalcommits/src/index.js + 6 modules
var src = __webpack_require__(8731);
;// CONCATENATED MODULE: ./build/src/release/conventional.js
/**
 * The conventional-commit changelog of one release, by conventional-changelog-core with the conventionalcommits
 * preset, and the parsed commits it read (for the bump). The edge where git history becomes text.
 */



/** The preset's link formats for each platform (GitHub's are the preset's defaults). */
function presetConfig(platform) {
    switch (platform) {
        case 'github':
            return {};
        case 'gitlab':
            return {
                commitUrlFormat: '{{host}}/{{owner}}/{{repository}}/-/commit/{{hash}}',
                compareUrlFormat: '{{host}}/{{owner}}/{{repository}}/-/compare/{{previousTag}}...{{currentTag}}',
                issueUrlFormat: '{{host}}/{{owner}}/{{repository}}/-/issues/{{id}}',
            };
        case 'bitbucket':
            return {
                commitUrlFormat: '{{host}}/{{owner}}/{{repository}}/commits/{{hash}}',
                compareUrlFormat: '{{host}}/{{owner}}/{{repository}}/branches/compare/{{currentTag}}%0D{{previousTag}}',
                issueUrlFormat: '{{host}}/{{owner}}/{{repository}}/issues/{{id}}',
            };
    }
}
function toReleaseCommit(commit) {
    const header = (commit.header ?? '').trim();
    return {
        hash: commit.hash ?? '',
        type: commit.type ? String(commit.type) : null,
        scope: commit.scope ? String(commit.scope) : null,
        header,
        breaking: commit.notes.some((note) => /^BREAKING[ -]CHANGES?$/i.test(note.title)),
        revert: Boolean(commit.revert) || /^revert\b/i.test(header),
    };
}
async function generateConventionalEntry(request) {
    const commits = [];
    const web = request.web;
    const context = {
        version: request.version,
        currentTag: request.tag,
        date: request.date,
        ...(request.previousTag ? { previousTag: request.previousTag } : { linkCompare: false }),
        ...(web
            ? {
                host: web.host,
                owner: web.owner,
                repository: web.repository,
                repoUrl: `${web.host}/${web.owner}/${web.repository}`,
            }
            : { host: '', linkReferences: false, linkCompare: false }),
    };
    const stream = (0,conventional_changelog_core/* default */.A)({
        cwd: request.dir,
        config: (0,src/* default */.A)(presetConfig(request.platform)),
        tagPrefix: request.tagPrefix,
        // The repository's package.json must not decide anything (version, links): the context above does.
        pkg: { transform: () => ({}) },
        warn: request.warn ?? (() => undefined),
        transform: (commit, callback) => {
            commits.push(toReleaseCommit(commit));
            // One release block: tags inside the range must not split it (a re-run releases a commit already tagged).
            delete commit.gitTags;
            delete commit.version;
            if (typeof commit.committerDate === 'string')
                commit.committerDate = commit.committerDate.slice(0, 10);
            callback(null, commit);
        },
    }, context, 
    // `from` undefined (not absent) overrides the library's default of the newest tag.
    { from: request.previousTag ?? undefined }, undefined, 
    // Write the block even when the version's tag already exists (a re-run), instead of nothing.
    { doFlush: true });
    let text = '';
    try {
        for await (const chunk of stream)
            text += String(chunk);
    }
    catch (error) {
        throw new errors/* OrchestratorGitError */.Xw('GIT_CHECKOUT_INVALID', `The commits since ${request.previousTag ?? 'the first commit'} could not be read: ${error instanceof Error ? error.message : String(error)}.`, 'Run the release in a full clone of the repository (fetch-depth: 0) whose tags are fetched.', { cause: error });
    }
    const normalized = text.replace(/\r\n/g, '\n').trim();
    const newline = normalized.indexOf('\n');
    const heading = newline === -1 ? normalized : normalized.slice(0, newline);
    const changes = newline === -1 ? '' : normalized.slice(newline + 1).trim();
    const compareUrl = /^#+ \[[^\]]*\]\(([^)\s]+)\)/.exec(heading)?.[1] ?? null;
    return { heading, changes, compareUrl, commits };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./build/src/release/version.js
/** Pure semantic-version rules of a release: which tags are releases, the previous release, the bump, validation. */


/** The version a tag names (`v1.2.0` → `1.2.0` with prefix `v`), or null when it is not a release tag. */
function tagVersion(name, prefix) {
    if (!name.startsWith(prefix))
        return null;
    const rest = name.slice(prefix.length);
    return semver.valid(rest) === rest ? rest : null;
}
function tagName(version, prefix) {
    return `${prefix}${version}`;
}
/** `1.2.0` or `v1.2.0` (with the configured prefix) → `1.2.0`; throws a catalogue error naming the bad value. */
function parseRequestedVersion(requested, prefix) {
    const text = requested.trim();
    const bare = prefix !== '' && text.startsWith(prefix) ? text.slice(prefix.length) : text;
    const withoutV = bare.startsWith('v') ? bare.slice(1) : bare;
    for (const candidate of [bare, withoutV]) {
        if (semver.valid(candidate) === candidate)
            return candidate;
    }
    throw new errors/* OrchestratorGitError */.Xw('RELEASE_VERSION_INVALID', `release-version ${(0,errors/* quote */.hD)(requested)} is not a semantic version.`, 'Give MAJOR.MINOR.PATCH, optionally with a pre-release, e.g. 1.4.0 or 2.0.0-rc.1 (a leading tag prefix such as v is accepted).');
}
/** The highest release reachable from the release commit, leaving out the tag of the version being released. */
function previousRelease(tags, releasing) {
    let best = null;
    for (const tag of tags) {
        if (!tag.reachable)
            continue;
        if (releasing !== null && semver.eq(tag.version, releasing))
            continue;
        if (!best || semver.gt(tag.version, best.version))
            best = tag;
    }
    return best;
}
/**
 * A requested version must be new (no tag names it at another commit) and greater than the previous release
 * reachable from the release commit.
 */
function checkRequestedVersion(version, tags, head) {
    const same = tags.find((tag) => semver.eq(tag.version, version));
    if (same && same.commit !== head) {
        throw new errors/* OrchestratorGitError */.Xw('RELEASE_VERSION_INVALID', `Version ${version} is already released: tag ${(0,errors/* quote */.hD)(same.name)} points at commit ${same.commit.slice(0, 12)}, not at the commit being released (${head.slice(0, 12)}).`, `Choose a version greater than the last release, or check out the commit of ${same.name} to complete that release. A tag is never moved.`);
    }
    const previous = previousRelease(tags, version);
    if (previous && !semver.gt(version, previous.version)) {
        throw new errors/* OrchestratorGitError */.Xw('RELEASE_VERSION_INVALID', `Version ${version} is not greater than the last release, ${previous.version} (tag ${(0,errors/* quote */.hD)(previous.name)}).`, `Choose a version greater than ${previous.version}, e.g. ${semver.inc(previous.version, 'patch') ?? ''} or ${semver.inc(previous.version, 'minor') ?? ''}.`);
    }
    return { alreadyTagged: same !== undefined };
}
const FIX_TYPES = new Set(['fix', 'perf']);
function countCommits(commits) {
    const counts = {
        total: commits.length,
        conventional: 0,
        breaking: 0,
        features: 0,
        fixes: 0,
        reverts: 0,
        other: 0,
    };
    for (const commit of commits) {
        if (commit.type !== null)
            counts.conventional += 1;
        if (commit.breaking)
            counts.breaking += 1;
        if (commit.revert)
            counts.reverts += 1;
        if (commit.type === 'feat' || commit.type === 'feature')
            counts.features += 1;
        else if (commit.type !== null && FIX_TYPES.has(commit.type))
            counts.fixes += 1;
        else if (!commit.breaking && !commit.revert)
            counts.other += 1;
    }
    return counts;
}
/**
 * The bump the changes call for: a breaking change → major (minor before 1.0.0, where anything may change), a
 * feature commit or a completed orchestrator feature → minor, any other commit or a completed task → patch.
 */
function suggestBump(counts, features, tasks, previousVersion) {
    const reasons = [];
    let bump = null;
    const raise = (to) => {
        const order = ['patch', 'minor', 'major'];
        if (bump === null || order.indexOf(to) > order.indexOf(bump))
            bump = to;
    };
    if (counts.breaking > 0) {
        const preMajor = previousVersion !== null && semver.major(previousVersion) === 0;
        raise(preMajor ? 'minor' : 'major');
        reasons.push(`${counts.breaking} breaking change${counts.breaking === 1 ? '' : 's'}${preMajor ? ' (before 1.0.0: minor)' : ''}`);
    }
    if (counts.features > 0) {
        raise('minor');
        reasons.push(`${counts.features} feature commit${counts.features === 1 ? '' : 's'}`);
    }
    if (features > 0) {
        raise('minor');
        reasons.push(`${features} completed orchestrator feature${features === 1 ? '' : 's'}`);
    }
    const patchCommits = counts.total - counts.features - counts.breaking;
    if (patchCommits > 0) {
        raise('patch');
        reasons.push(`${patchCommits} other commit${patchCommits === 1 ? '' : 's'}`);
    }
    if (tasks > 0) {
        raise('patch');
        reasons.push(`${tasks} completed task${tasks === 1 ? '' : 's'}`);
    }
    return { bump, reasons };
}
/** The version after `previous` for a bump; the first release is 1.0.0. */
function nextVersion(previous, bump) {
    if (previous === null)
        return '1.0.0';
    // A pre-release of the next version (1.3.0-rc.1) is followed by that version itself for a minor/patch bump.
    return semver.inc(previous, bump) ?? previous;
}
/** Words for the summary when a requested version bumps less than the changes call for. */
function bumpShortfall(previous, version, suggested) {
    if (previous === null || suggested === null)
        return null;
    const actual = semver.diff(previous, version);
    const order = ['patch', 'minor', 'major'];
    const rank = (bump) => bump === null
        ? -1
        : order.indexOf(bump.replace(/^pre/, '')) === -1
            ? 0
            : order.indexOf(bump.replace(/^pre/, ''));
    if (rank(actual) >= order.indexOf(suggested))
        return null;
    return `Version ${version} is a ${actual ?? 'no'} change from ${previous}, but the changes since call for a ${suggested} release.`;
}

;// CONCATENATED MODULE: ./build/src/release/git.js
/** The release's one edge to git: the checkout's commit, cleanliness, depth and release tags, through the git CLI. */




const HISTORY_FIX = 'Fetch the whole history and the tags: on GitHub Actions set `fetch-depth: 0` on actions/checkout; in GitLab CI set the variable `GIT_DEPTH: 0`; in Bitbucket Pipelines set `clone: { depth: full }`; locally run `git fetch --unshallow --tags`.';
class GitRepository {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    /** The repository whose work tree holds `dir`; a catalogue error when git is missing or `dir` is not in one. */
    static async open(dir) {
        const repository = new GitRepository(dir);
        try {
            await repository.git(['rev-parse', '--is-inside-work-tree']);
        }
        catch (error) {
            const missing = error.code === 'ENOENT';
            throw new errors/* OrchestratorGitError */.Xw('GIT_CHECKOUT_INVALID', missing
                ? 'git was not found: releases read the commits and tags with the git command.'
                : `${(0,errors/* quote */.hD)(dir)} is not inside a git work tree: releases read the commits and tags of the checkout.`, missing
                ? 'Install git on the runner (it is on GitHub-hosted runners and in the usual CI images).'
                : 'Run the release step in the checked-out repository (after actions/checkout), or set `working-directory` to it.', { cause: error });
        }
        return repository;
    }
    git(args) {
        return new Promise((resolve, reject) => {
            (0,external_node_child_process_.execFile)('git', args, {
                cwd: this.dir,
                maxBuffer: 64 * 1024 * 1024,
                env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
            }, (error, stdout, stderr) => {
                if (error) {
                    reject(Object.assign(error, { stderr: String(stderr) }));
                    return;
                }
                resolve(String(stdout));
            });
        });
    }
    async isShallow() {
        return (await this.git(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    /** The checked-out commit; a catalogue error for a repository without commits. */
    async head() {
        try {
            return (await this.git(['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
        }
        catch (error) {
            throw new errors/* OrchestratorGitError */.Xw('GIT_CHECKOUT_INVALID', `The repository at ${(0,errors/* quote */.hD)(this.dir)} has no commit checked out.`, 'Commit something first; a release tags a commit.', { cause: error });
        }
    }
    /** Tracked files with changes not committed (untracked files do not count). */
    async dirtyFiles() {
        const out = await this.git(['status', '--porcelain=v1', '-z', '--untracked-files=no']);
        return out
            .split('\0')
            .filter((entry) => entry.length > 3)
            .map((entry) => entry.slice(3));
    }
    /** Every tag named prefix + semantic version that points (through an annotated tag) at a commit. */
    async releaseTags(prefix) {
        const format = [
            '%(refname:strip=2)',
            '%(objecttype)',
            '%(objectname)',
            '%(*objecttype)',
            '%(*objectname)',
            // When the tag was made: the tagger's date for an annotated tag, the commit's for a lightweight one.
            '%(creatordate:iso-strict)',
        ].join('%00');
        const out = await this.git(['for-each-ref', `--format=${format}`, 'refs/tags']);
        const merged = new Set((await this.git(['tag', '--merged', 'HEAD']))
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean));
        const tags = [];
        for (const line of out.split('\n')) {
            if (line === '')
                continue;
            const [name = '', type, object = '', peeledType, peeled = '', date = ''] = line.split('\0');
            const version = tagVersion(name, prefix);
            if (version === null)
                continue;
            const isCommit = type === 'commit' || (type === 'tag' && peeledType === 'commit');
            if (!isCommit)
                continue;
            tags.push({
                name,
                version,
                commit: type === 'tag' ? peeled : object,
                reachable: merged.has(name),
                date: date || null,
            });
        }
        return tags;
    }
    /**
     * Checks that the clone can be released from: not shallow (the commits since the last release and its tag would be
     * missing), and — when `clean` — no uncommitted changes to tracked files (they would not be in the tagged commit),
     * except the `ignore`d ones: the orchestrator's state file changes with every run and is not release content.
     */
    async verifyReleasable(options) {
        if (await this.isShallow()) {
            throw new errors/* OrchestratorGitError */.Xw('GIT_CHECKOUT_INVALID', `The clone at ${(0,errors/* quote */.hD)(this.dir)} is shallow: the commits since the last release and the release tags are not all there (actions/checkout fetches a single commit by default), so the changelog and the version would be wrong.`, HISTORY_FIX);
        }
        if (!options.clean)
            return;
        const top = (await this.git(['rev-parse', '--show-toplevel'])).trim();
        const ignored = new Set((options.ignore ?? []).map((file) => external_node_path_.resolve(file)));
        const dirty = (await this.dirtyFiles()).filter((file) => !ignored.has(external_node_path_.resolve(top, file)));
        if (dirty.length > 0) {
            throw new errors/* OrchestratorGitError */.Xw('GIT_CHECKOUT_INVALID', `The work tree has uncommitted changes to ${dirty
                .slice(0, 5)
                .map((file) => (0,errors/* quote */.hD)(file))
                .join(', ')}${dirty.length > 5 ? ` and ${dirty.length - 5} more` : ''}: the tag would point at a commit without them.`, 'Commit (and push) the changes first — typically the CHANGELOG.md written by the changelog step — then tag; or discard them with `git checkout -- <file>`.');
        }
    }
}

;// CONCATENATED MODULE: ./build/src/release/plan.js
/**
 * plan_release, pure: the completed features and tasks not yet released, grouped by category, the bump they and the
 * commits since the previous release call for, and the version (requested and checked, or suggested).
 */


const UNCATEGORISED = 'Uncategorised';
const OTHER_TASKS = 'Other';
/** Features of every completed release milestone except `except` (a re-run's own). */
function releasedFeatureIds(milestones, except) {
    const released = new Set();
    for (const milestone of milestones) {
        if (milestone.status !== 'completed' || milestone.name === except)
            continue;
        for (const id of milestone.includedFeatures)
            released.add(id);
    }
    return released;
}
function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function plannedTask(task) {
    return { id: task.id, title: task.title, featureId: task.featureId, completedAt: task.completedAt };
}
function completedTopLevel(tasks) {
    return tasks.filter((task) => task.parentId === null && task.status === 'completed');
}
function planRelease(input) {
    const { state, previous } = input;
    const warnings = [];
    const check = input.requestedVersion !== null
        ? checkRequestedVersion(input.requestedVersion, input.tags, input.head)
        : { alreadyTagged: false };
    const counts = countCommits(input.commits);
    const featuresById = new Map(state.features.map((feature) => [feature.id, feature]));
    const tentativeVersion = input.requestedVersion;
    const milestoneOf = (version) => version === null ? null : (input.milestoneName ?? ((tag) => tag))(tagName(version, input.tagPrefix));
    // Which features: named, else this release's milestone row, else every completed one not yet released.
    const ownMilestoneName = milestoneOf(tentativeVersion);
    const ownTag = tentativeVersion === null ? null : tagName(tentativeVersion, input.tagPrefix);
    const records = input.releases ?? [];
    const ownRecord = records.find((record) => record.tag === ownTag) ?? null;
    const recordedItems = new Set(records.filter((record) => record.tag !== ownTag).flatMap((record) => record.items));
    const released = releasedFeatureIds(state.milestones, ownMilestoneName);
    for (const item of recordedItems)
        if (item.startsWith('feature:'))
            released.add(item.slice(8));
    let selected;
    if (input.featureIds !== null) {
        const unknown = (0,errors/* unknownFeaturesError */.Iv)(input.featureIds, state.features.map((feature) => feature.id));
        if (unknown)
            throw unknown;
        selected = [...new Set(input.featureIds)].map((id) => featuresById.get(id));
    }
    else {
        const row = state.milestones.find((milestone) => milestone.name === ownMilestoneName);
        const recordedFeatures = ownRecord?.items.filter((item) => item.startsWith('feature:')) ?? [];
        selected =
            recordedFeatures.length > 0
                ? recordedFeatures.flatMap((key) => {
                    const feature = featuresById.get(key.slice(8));
                    return feature ? [feature] : [];
                })
                : row && row.includedFeatures.length > 0
                    ? row.includedFeatures.flatMap((id) => {
                        const feature = featuresById.get(id);
                        if (!feature)
                            warnings.push(`Milestone ${(0,errors/* quote */.hD)(row.name)} includes feature ${(0,errors/* quote */.hD)(id)}, which the state no longer has.`);
                        return feature ? [feature] : [];
                    })
                    : state.features.filter((feature) => feature.status === 'completed' && !released.has(feature.id));
    }
    for (const feature of selected) {
        if (feature.status !== 'completed' && feature.status !== 'archived')
            warnings.push(`Feature ${(0,errors/* quote */.hD)(feature.id)} is in the release but its status is ${feature.status}.`);
        if (released.has(feature.id))
            warnings.push(`Feature ${(0,errors/* quote */.hD)(feature.id)} was already released in an earlier milestone.`);
    }
    const selectedIds = new Set(selected.map((feature) => feature.id));
    const topLevel = completedTopLevel(state.tasks);
    const features = selected
        .map((feature) => ({
        id: feature.id,
        title: feature.title,
        category: feature.category?.trim() || UNCATEGORISED,
        status: feature.status,
        tasks: topLevel
            .filter((task) => task.featureId === feature.id)
            .map(plannedTask)
            .sort((a, b) => byText(a.title, b.title) || byText(a.id, b.id)),
    }))
        .sort((a, b) => byText(a.category, b.category) || byText(a.title, b.title) || byText(a.id, b.id));
    // Tasks outside the included features, not part of a released feature: exactly those no recorded release shipped
    // (this release's own record, on a re-run); for a previous release made before the records existed, those
    // completed after its tag was made (an approximation, said so in the plan).
    const basis = [];
    const previousRecorded = previous === null || records.some((record) => record.tag === previous.name);
    const since = previousRecorded ? null : (previous?.date ?? null);
    if (ownRecord) {
        basis.push(`${ownRecord.tag} was recorded when it was tagged: the plan lists exactly what it shipped.`);
    }
    else if (previous !== null && !previousRecorded) {
        basis.push(`${previous.name} was released before orchestrator-git recorded releases: tasks completed after its tag was made (${previous.date ?? 'date unknown'}) count as unreleased; later releases are recorded exactly.`);
    }
    else if (records.length > 0) {
        basis.push(`Released items come from the release records (${records.length} release(s)).`);
    }
    const ownTasks = ownRecord
        ? new Set(ownRecord.items.filter((item) => item.startsWith('task:')).map((item) => item.slice(5)))
        : null;
    const tasks = topLevel
        .filter((task) => task.featureId === null || (!selectedIds.has(task.featureId) && !released.has(task.featureId)))
        .filter((task) => (ownTasks ? ownTasks.has(task.id) : !recordedItems.has(`task:${task.id}`)))
        .filter((task) => ownTasks !== null ||
        since === null ||
        (task.completedAt !== null && Date.parse(task.completedAt) > Date.parse(since)))
        .map(plannedTask)
        .sort((a, b) => byText(a.title, b.title) || byText(a.id, b.id));
    const groups = new Map();
    const group = (category) => {
        let found = groups.get(category);
        if (!found) {
            found = { category, features: [], tasks: [] };
            groups.set(category, found);
        }
        return found;
    };
    for (const feature of features)
        group(feature.category).features.push(feature);
    for (const task of tasks) {
        const feature = task.featureId === null ? undefined : featuresById.get(task.featureId);
        group(feature ? feature.category?.trim() || UNCATEGORISED : OTHER_TASKS).tasks.push(task);
    }
    const suggestion = suggestBump(counts, features.length, tasks.length, previous?.version ?? null);
    const suggestedVersion = suggestion.bump === null ? null : nextVersion(previous?.version ?? null, suggestion.bump);
    const version = input.requestedVersion ?? suggestedVersion;
    if (input.requestedVersion !== null) {
        const shortfall = bumpShortfall(previous?.version ?? null, input.requestedVersion, suggestion.bump);
        if (shortfall)
            warnings.push(shortfall);
    }
    return {
        version,
        tag: version === null ? null : tagName(version, input.tagPrefix),
        previousTag: previous?.name ?? null,
        previousVersion: previous?.version ?? null,
        suggestedBump: suggestion.bump,
        suggestedVersion,
        bumpReasons: suggestion.reasons,
        requestedVersion: input.requestedVersion,
        alreadyTagged: check.alreadyTagged,
        commit: input.head,
        features,
        tasks,
        groups: [...groups.values()].sort((a, b) => a.category === OTHER_TASKS ? 1 : b.category === OTHER_TASKS ? -1 : byText(a.category, b.category)),
        commits: counts,
        basis,
        warnings,
    };
}

;// CONCATENATED MODULE: ./build/src/release/publish.js
/**
 * tag_release's platform steps, idempotent and resumable: the annotated tag (none at the commit → created; there →
 * nothing; at another commit → an error that explains), the release (missing → created; there → its notes updated when
 * they differ, never a second one), the milestone closed. A run killed between two steps is completed by the next.
 */

/** Release bodies compare equal when they differ only in line endings and trailing space. */
function sameText(a, b) {
    const norm = (text) => text.replace(/\r\n/g, '\n').trim();
    return norm(a) === norm(b);
}
async function publishRelease(publisher, input, log) {
    const notes = [];
    const outcome = {
        tag: 'exists',
        release: 'unchanged',
        releaseUrl: null,
        milestone: 'none',
        notes,
    };
    const existing = await publisher.getTag(input.tag);
    if (existing && existing.commit !== input.commit) {
        throw new errors/* OrchestratorGitError */.Xw('RELEASE_TAG_CONFLICT', `Tag ${(0,errors/* quote */.hD)(input.tag)} already exists on ${publisher.platform} at commit ${existing.commit.slice(0, 12)}, not at the commit being released (${input.commit.slice(0, 12)}).`, `A release tag is never moved. If ${input.tag} is released, release the next version instead; if the tag is wrong, delete it on ${publisher.platform} by hand and run again; if the checkout is wrong, run the release on ${existing.commit.slice(0, 12)}.`);
    }
    if (existing) {
        log.info(`Tag ${input.tag} exists at ${input.commit.slice(0, 12)}${existing.annotated ? '' : ' (a lightweight tag)'}.`);
    }
    else if (input.dryRun) {
        outcome.tag = 'would-create';
        log.info(`Would create the annotated tag ${input.tag} at ${input.commit.slice(0, 12)}.`);
    }
    else {
        const created = await publisher.createTag({
            name: input.tag,
            commit: input.commit,
            message: input.message,
        });
        if (created.commit !== input.commit) {
            throw new errors/* OrchestratorGitError */.Xw('RELEASE_TAG_CONFLICT', `Tag ${(0,errors/* quote */.hD)(input.tag)} was created meanwhile by someone else at commit ${created.commit.slice(0, 12)}, not at ${input.commit.slice(0, 12)}.`, 'Check who else releases this version (two workflows at once?); a tag is never moved.');
        }
        outcome.tag = 'created';
        log.info(`Created the annotated tag ${input.tag} at ${input.commit.slice(0, 12)}.`);
    }
    // The milestone is looked up first: GitLab associates it with the release.
    const milestone = input.milestone === null ? null : await publisher.findMilestone(input.milestone);
    const releaseMilestones = milestone && publisher.capabilities.releaseMilestones ? [milestone.title] : undefined;
    if (!publisher.capabilities.releases) {
        outcome.release = 'not-supported';
        notes.push(`${publisher.platform} has no releases: the notes are in the CHANGELOG file, and the tag marks the release.`);
    }
    else {
        const release = await publisher.getRelease(input.tag);
        if (release) {
            outcome.releaseUrl = release.url;
            const milestonesMissing = releaseMilestones !== undefined &&
                releaseMilestones.some((title) => !release.milestones.includes(title));
            if (sameText(release.body, input.notes) && release.name === input.name && !milestonesMissing) {
                outcome.release = 'unchanged';
                log.info(`Release ${input.tag} is up to date: ${release.url}`);
            }
            else if (input.dryRun) {
                outcome.release = 'would-update';
            }
            else {
                const updated = await publisher.updateRelease(release, {
                    name: input.name,
                    body: input.notes,
                    ...(milestonesMissing && releaseMilestones
                        ? { milestones: [...new Set([...release.milestones, ...releaseMilestones])] }
                        : {}),
                });
                outcome.release = 'updated';
                outcome.releaseUrl = updated.url;
                log.info(`Updated the notes of release ${input.tag}: ${updated.url}`);
            }
        }
        else if (input.dryRun) {
            outcome.release = 'would-create';
        }
        else {
            const created = await publisher.createRelease({
                tag: input.tag,
                name: input.name,
                body: input.notes,
                prerelease: input.prerelease,
                ...(releaseMilestones ? { milestones: releaseMilestones } : {}),
            });
            outcome.release = 'created';
            outcome.releaseUrl = created.url;
            log.info(`Created release ${input.tag}: ${created.url}`);
        }
    }
    if (input.milestone !== null) {
        if (!milestone) {
            outcome.milestone = 'missing';
        }
        else if (milestone.state === 'closed') {
            outcome.milestone = 'already-closed';
        }
        else if (!publisher.capabilities.milestones) {
            outcome.milestone = 'not-supported';
            notes.push(`${publisher.platform}'s API cannot close milestone ${(0,errors/* quote */.hD)(input.milestone)}: close it by hand.`);
        }
        else if (input.dryRun) {
            outcome.milestone = 'would-close';
        }
        else {
            await publisher.updateMilestone(milestone, { state: 'closed' });
            outcome.milestone = 'closed';
            log.info(`Closed milestone ${(0,errors/* quote */.hD)(input.milestone)}.`);
        }
    }
    return outcome;
}

;// CONCATENATED MODULE: ./build/src/release/engine.js
/**
 * One release-coordinator run, shared by the action and the CLI, as a lifecycle: verify (settings, clone, version) →
 * analyse (tags, commits, state) → plan → the action's step (milestone, changelog, or tag + release + milestone closed +
 * state written back). The pure parts are in plan.ts, notes.ts and changelog-file.ts; git and HTTP stay at the edges.
 */

















function today(now) {
    return now().toISOString().slice(0, 10);
}
async function readOptional(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `${(0,errors/* quote */.hD)(file)} could not be read: ${error.message}.`, 'Check the path and its permissions.', { cause: error });
    }
}
async function executeRelease(options) {
    const { inputs, env, cwd, log, action } = options;
    const now = options.now ?? (() => new Date());
    const opened = await openRun({
        shared: sharedInputs(inputs),
        configPath: options.configPath,
        env,
        cwd,
        log,
        ...(options.onSecret ? { onSecret: options.onSecret } : {}),
        job: 'release',
    });
    if (opened.kind === 'disabled')
        return opened;
    const { store, config, fileSettings, stateFile, statePath } = opened;
    const settings = parseReleaseSettings(withFileDefaults(inputs, fileSettings, Object.keys(RELEASE_SETTINGS)));
    let storeOpen = true;
    const closeStore = () => {
        if (storeOpen)
            store.close();
        storeOpen = false;
    };
    try {
        const dryRun = config.dryRun;
        // verify: the clone, then the version against its tags.
        const gitDir = external_node_path_.resolve(cwd, settings.workingDirectory ?? '.');
        const git = await GitRepository.open(gitDir);
        await git.verifyReleasable({ clean: action === 'tag' && !dryRun, ignore: [statePath] });
        const head = await git.head();
        const tags = await git.releaseTags(settings.tagPrefix);
        const requested = settings.version === null ? null : parseRequestedVersion(settings.version, settings.tagPrefix);
        const previous = previousRelease(tags, requested);
        const manualTemplate = await loadManualTemplate(settings, cwd);
        // analyse + plan: the commits since the previous release (one pass of conventional-changelog).
        const publisher = await createReleasePublisher(config, (message) => log.warning(message));
        const changelogPath = external_node_path_.resolve(gitDir, settings.changelogFile);
        const changelogText = await readOptional(changelogPath);
        const entryFor = async (version, tag, date) => generateConventionalEntry({
            dir: gitDir,
            platform: config.platform,
            web: publisher.webRepository(),
            version,
            tag,
            previousTag: previous?.name ?? null,
            date,
            tagPrefix: settings.tagPrefix,
            warn: (message) => log.debug(message),
        });
        const dateFor = (version) => settings.date ?? entryDate(readEntry(changelogText ?? '', version) ?? '') ?? today(now);
        const firstVersion = requested ?? '0.0.0';
        let entry = await entryFor(firstVersion, `${settings.tagPrefix}${firstVersion}`, dateFor(firstVersion));
        const plan = planRelease({
            state: store.state,
            tags,
            head,
            tagPrefix: settings.tagPrefix,
            requestedVersion: requested,
            previous,
            commits: entry.commits,
            featureIds: settings.featureIds,
            milestoneName: (tag) => settings.milestone ?? tag,
            releases: store.releases(config.platform, config.repository),
        });
        for (const note of plan.basis)
            log.info(note);
        for (const warning of plan.warnings)
            log.warning(warning);
        log.info(plan.version === null
            ? `Nothing to release since ${plan.previousTag ?? 'the first commit'}.`
            : `Release ${plan.tag} (${plan.requestedVersion ? 'requested' : 'suggested'}; previous ${plan.previousTag ?? 'none'}; bump ${plan.suggestedBump ?? 'none'}): ${plan.features.length} features, ${plan.tasks.length} other tasks, ${plan.commits.total} commits.`);
        const outputs = {
            version: plan.version,
            tag: plan.tag,
            previousTag: plan.previousTag,
            bump: plan.suggestedBump,
            notes: null,
            releaseUrl: null,
            milestone: plan.tag === null ? null : (settings.milestone ?? plan.tag),
            changelogFile: null,
            changelogChanged: false,
            stateChanged: false,
            features: plan.features.map((feature) => feature.id),
        };
        const report = [];
        const done = (extra = {}) => {
            const stats = publisher.stats();
            return {
                kind: 'done',
                action,
                dryRun,
                plan,
                outputs,
                publish: extra.publish ?? null,
                sync: extra.sync ?? null,
                report,
                requests: { reads: stats.reads, writes: stats.writes },
            };
        };
        if (action === 'plan')
            return done();
        if (plan.version === null || plan.tag === null) {
            throw new errors/* OrchestratorGitError */.Xw('RELEASE_NOTHING_TO_RELEASE', `There is nothing to release since ${plan.previousTag ?? 'the first commit'}: no commits, completed features or tasks, and no release-version was given.`, 'Give `release-version` to release anyway, or complete work first.');
        }
        const version = plan.version;
        const tag = plan.tag;
        const milestoneName = settings.milestone ?? tag;
        if (action === 'milestone') {
            const completed = store.state.milestones.find((milestone) => milestone.name === milestoneName)?.status === 'completed';
            closeStore();
            const sync = await runMilestone({
                options,
                config,
                publisher,
                settings,
                plan,
                milestoneName,
                dryRun,
                report,
                completed,
            });
            outputs.stateChanged = sync?.stateSaved ?? false;
            return done(sync ? { sync } : {});
        }
        // changelog and tag: the notes.
        const date = dateFor(version);
        if (version !== firstVersion || date !== dateFor(firstVersion))
            entry = await entryFor(version, tag, date);
        const links = new Map(store.state.links
            .filter((link) => link.platform === config.platform && link.repository === config.repository)
            .map((link) => [
            link.taskId !== null ? `task:${link.taskId}` : `feature:${link.featureId ?? ''}`,
            link,
        ]));
        const issueRef = ({ kind, id }) => {
            const link = links.get(`${kind}:${id}`);
            return link && link.issueUrl ? { number: link.issueNumber, url: link.issueUrl } : null;
        };
        const existingEntry = readEntry(changelogText ?? '', version);
        const existingRelease = action === 'tag' && settings.notesTemplate !== 'automated' && publisher.capabilities.releases
            ? await publisher.getRelease(tag)
            : null;
        const notes = composeNotes({
            template: settings.notesTemplate,
            manualTemplate,
            earlier: [existingRelease?.body ?? '', existingEntry ?? ''].filter((text) => text !== ''),
            context: {
                version,
                tag,
                previousTag: plan.previousTag,
                date,
                heading: entry.heading,
                changes: entry.changes,
                features: renderFeatureSection(plan, issueRef),
                compareUrl: entry.compareUrl,
                repository: config.repository,
            },
        });
        outputs.notes = notes;
        if (action === 'changelog') {
            const updated = upsertEntry(changelogText, version, changelogEntry(entry.heading, notes));
            outputs.changelogFile = external_node_path_.relative(cwd, changelogPath) || settings.changelogFile;
            outputs.changelogChanged = updated !== changelogText;
            if (!outputs.changelogChanged)
                log.info(`${settings.changelogFile} already has this entry for ${version}.`);
            else if (dryRun)
                log.info(`Would write the ${version} entry to ${settings.changelogFile} (dry run).`);
            else {
                await (0,promises_.writeFile)(changelogPath, updated);
                log.info(`Wrote the ${version} entry to ${settings.changelogFile}.`);
            }
            return done();
        }
        // tag: the annotated tag, the release, the milestone closed, the features marked released in the state.
        const publish = await publishRelease(publisher, {
            tag,
            commit: head,
            message: `Release ${tag}`,
            name: tag,
            notes,
            prerelease: settings.prerelease ?? semver.prerelease(version) !== null,
            milestone: milestoneName,
            dryRun,
        }, log);
        outputs.releaseUrl = publish.releaseUrl;
        report.push(...publish.notes);
        for (const note of publish.notes)
            log.info(note);
        if (!dryRun) {
            const row = store.state.milestones.find((milestone) => milestone.name === milestoneName);
            store.upsertReleaseMilestone({
                name: milestoneName,
                status: 'completed',
                includedFeatures: plan.features.map((feature) => feature.id),
                ...(row?.targetDate || !settings.dueOn ? {} : { targetDate: settings.dueOn }),
            });
            // Exactly what this release shipped, so the next plan leaves out these items and nothing else.
            store.recordRelease({
                platform: config.platform,
                repository: config.repository,
                tag,
                version,
                commit: head,
                previousTag: plan.previousTag,
                milestone: milestoneName,
                releaseUrl: publish.releaseUrl,
                releasedAt: now().toISOString(),
                items: [
                    ...plan.features.map((feature) => `feature:${feature.id}`),
                    ...plan.tasks.map((task) => `task:${task.id}`),
                ].sort(),
            });
            outputs.stateChanged = await store.save();
            if (outputs.stateChanged)
                log.info(`Marked ${plan.features.length} feature(s) released in ${stateFile} (milestone ${(0,errors/* quote */.hD)(milestoneName)}).`);
        }
        return done({ publish });
    }
    finally {
        closeStore();
    }
}
async function loadManualTemplate(settings, cwd) {
    if (settings.notesTemplate !== 'manual')
        return null;
    if (settings.notesTemplateFile === null) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', 'release-notes-template is manual, but notes-template-file is not set.', 'Set `notes-template-file` to a Markdown file with placeholders such as {{changes}} and {{features}} (see docs/release.md), or use release-notes-template: automated or hybrid.');
    }
    const file = external_node_path_.resolve(cwd, settings.notesTemplateFile);
    const text = await readOptional(file);
    if (text === null) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `The release notes template ${(0,errors/* quote */.hD)(settings.notesTemplateFile)} does not exist.`, 'Set `notes-template-file` to a file of the repository (relative to the working directory).');
    }
    checkManualTemplate(text, settings.notesTemplateFile);
    return text;
}
/**
 * create_milestone: the release_milestones row and the platform milestone kept in step (due date, state), then a sync
 * that assigns the included features' issues (and their tasks') to it — the CLI's create-milestone, reused.
 */
async function runMilestone(step) {
    const { options, publisher, settings, plan, milestoneName, dryRun, report } = step;
    const features = plan.features.map((feature) => feature.id);
    if (step.completed) {
        report.push(`Release ${plan.tag ?? ''} is already completed (milestone ${(0,errors/* quote */.hD)(milestoneName)}): the milestone step changes nothing.`);
        options.log.info(report[report.length - 1] ?? '');
        return null;
    }
    const request = milestoneRequest(milestoneName, {
        ...(settings.dueOn ? { dueOn: settings.dueOn } : {}),
        milestoneStatus: settings.milestoneStatus,
    });
    request.features = features;
    if (dryRun) {
        const existing = await publisher.findMilestone(milestoneName);
        report.push(`Would ${existing ? 'keep' : 'create'} milestone ${(0,errors/* quote */.hD)(milestoneName)}${settings.dueOn ? ` due ${settings.dueOn}` : ''} with ${features.length} feature(s), and assign their issues (dry run).`);
        options.log.info(report[report.length - 1] ?? '');
        return null;
    }
    const result = await executeIssueSync({
        inputs: { ...sharedInputs(options.inputs) },
        configPath: options.configPath,
        env: options.env,
        cwd: options.cwd,
        log: options.log,
        runId: options.runId,
        ...(options.onSecret ? { onSecret: options.onSecret } : {}),
        scope: { itemKeys: null, createIssues: false },
        prepare: async (store, tracker, log) => {
            const existing = await publisher.findMilestone(milestoneName);
            if (existing && publisher.capabilities.milestones) {
                const dueChanged = settings.dueOn !== null && existing.dueOn !== settings.dueOn;
                if (dueChanged || existing.state !== 'open') {
                    await publisher.updateMilestone(existing, {
                        ...(dueChanged ? { dueOn: settings.dueOn } : {}),
                        ...(existing.state !== 'open' ? { state: 'open' } : {}),
                    });
                    log.info(`Milestone ${(0,errors/* quote */.hD)(milestoneName)} brought in step (${dueChanged ? `due ${settings.dueOn}` : 'reopened'}).`);
                }
            }
            await prepareMilestone(store, tracker, request, log);
        },
    });
    if (result.kind === 'disabled')
        return null;
    return result.outcome;
}

;// CONCATENATED MODULE: ./build/src/release/summary.js
function cell(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}
function renderPlanSummary(plan, extra = []) {
    const lines = [];
    lines.push(plan.version === null
        ? `## Release plan: nothing to release${plan.previousTag ? ` since ${plan.previousTag}` : ''}`
        : `## Release plan: ${plan.tag ?? plan.version}${plan.alreadyTagged ? ' (already tagged at this commit)' : ''}`, '');
    lines.push('| | |', '|---|---|');
    lines.push(`| previous release | ${plan.previousTag ?? 'none (first release)'} |`);
    lines.push(`| suggested bump | ${plan.suggestedBump ?? 'none'}${plan.suggestedVersion ? ` → ${plan.suggestedVersion}` : ''} |`);
    if (plan.requestedVersion)
        lines.push(`| requested version | ${plan.requestedVersion} |`);
    lines.push(`| commit | \`${plan.commit.slice(0, 12)}\` |`);
    const c = plan.commits;
    lines.push(`| commits since | ${c.total} (${c.features} features, ${c.fixes} fixes, ${c.breaking} breaking, ${c.reverts} reverts, ${c.total - c.conventional} not conventional) |`);
    lines.push(`| features | ${plan.features.length} |`, `| other tasks | ${plan.tasks.length} |`, '');
    if (plan.bumpReasons.length > 0)
        lines.push(`Why: ${plan.bumpReasons.join(', ')}.`, '');
    if (plan.groups.length > 0) {
        lines.push('| category | feature or task | id |', '|---|---|---|');
        for (const group of plan.groups) {
            for (const feature of group.features)
                lines.push(`| ${cell(group.category)} | **${cell(feature.title)}** (${feature.tasks.length} tasks) | \`${cell(feature.id)}\` |`);
            for (const task of group.tasks)
                lines.push(`| ${cell(group.category)} | ${cell(task.title)} | \`${cell(task.id)}\` |`);
        }
        lines.push('');
    }
    for (const note of plan.basis)
        lines.push(`> [!NOTE]\n> ${cell(note)}`, '');
    for (const warning of plan.warnings)
        lines.push(`> [!WARNING]\n> ${cell(warning)}`, '');
    for (const line of extra)
        lines.push(line, '');
    return `${lines.join('\n').trimEnd()}\n`;
}
/** The plan for machines: what a deployment job or a later step reads. */
function planJson(plan) {
    return JSON.stringify({
        version: plan.version,
        tag: plan.tag,
        previousTag: plan.previousTag,
        suggestedBump: plan.suggestedBump,
        suggestedVersion: plan.suggestedVersion,
        bumpReasons: plan.bumpReasons,
        alreadyTagged: plan.alreadyTagged,
        commit: plan.commit,
        commits: plan.commits,
        groups: plan.groups.map((group) => ({
            category: group.category,
            features: group.features.map((feature) => ({
                id: feature.id,
                title: feature.title,
                tasks: feature.tasks.map((task) => ({ id: task.id, title: task.title })),
            })),
            tasks: group.tasks.map((task) => ({ id: task.id, title: task.title })),
        })),
        basis: plan.basis,
        warnings: plan.warnings,
    });
}

;// CONCATENATED MODULE: ./build/src/actions/logger.js
/** The Logger interface over @actions/core, for the actions. */

function actionsLogger() {
    return {
        info: (message) => core/* info */.pq(message),
        warning: (message) => core/* warning */.$e(message),
        error: (message) => core/* error */.z3(message),
        debug: (message) => core/* debug */.Yz(message),
        group: (name, body) => core/* group */.Os(name, body),
    };
}

;// CONCATENATED MODULE: ./build/src/actions/entry.js
/** What the three actions' entries share: the start of a run, its id, and how a run that threw fails the step. */




/**
 * Runs an action's body: V8's baseline WebAssembly for sql.js first (docs/benchmarks.md), then the body with the
 * Actions logger; a catalogue error fails the step with its message and fix, anything else with its stack.
 */
async function runAction(body) {
    preferBaselineWasm();
    try {
        await body(actionsLogger());
    }
    catch (error) {
        core/* setFailed */.C1((0,errors/* isOrchestratorGitError */.$O)(error)
            ? error.describe()
            : `Unexpected error: ${error instanceof Error ? error.stack : String(error)}`);
    }
}
/** The workflow run and attempt (`1234-1`), or a local id outside Actions: names the run in the state's journal. */
function actionRunId() {
    const id = process.env.GITHUB_RUN_ID;
    return id ? `${id}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}` : `local-${Date.now().toString(36)}`;
}

;// CONCATENATED MODULE: ./build/src/actions/release-impl.js
/**
 * The release action: reads the inputs once, runs the release-coordinator's step (`action: plan | milestone |
 * changelog | tag`), and reports through outputs (version, tag, release URL, notes — for deployment jobs) and the job
 * summary.
 */





async function runReleaseAction() {
    await runAction(async (log) => {
        const action = (core/* getInput */.V4('action') || 'plan').trim();
        if (!RELEASE_ACTIONS.includes(action)) {
            core/* setFailed */.C1(`CONFIG_INVALID: action "${action.slice(0, 40)}" is not a release step.\nHow to fix: Use one of ${RELEASE_ACTIONS.join(', ')}.`);
            return;
        }
        const inputs = {};
        for (const name of releaseSettingNames()) {
            const value = core/* getInput */.V4(name);
            // The tag prefix may be set to empty on purpose (tags like 1.4.0).
            if (value !== '' || name === 'tag-prefix')
                inputs[name] = value;
        }
        const result = await executeRelease({
            action,
            inputs,
            configPath: core/* getInput */.V4('config') || null,
            env: process.env,
            cwd: process.cwd(),
            log,
            runId: actionRunId(),
            onSecret: (secret) => core/* setSecret */.Pq(secret),
        });
        if (result.kind === 'disabled') {
            core/* info */.pq(`orchestrator-git release is disabled (${result.reason}): nothing to do.`);
            return;
        }
        const { outputs } = result;
        core/* setOutput */.uH('version', outputs.version ?? '');
        core/* setOutput */.uH('tag', outputs.tag ?? '');
        core/* setOutput */.uH('previous-tag', outputs.previousTag ?? '');
        core/* setOutput */.uH('bump', outputs.bump ?? '');
        core/* setOutput */.uH('notes', outputs.notes ?? '');
        core/* setOutput */.uH('release-url', outputs.releaseUrl ?? '');
        core/* setOutput */.uH('milestone', outputs.milestone ?? '');
        core/* setOutput */.uH('changelog-file', outputs.changelogFile ?? '');
        core/* setOutput */.uH('changelog-changed', String(outputs.changelogChanged));
        core/* setOutput */.uH('state-changed', String(outputs.stateChanged));
        core/* setOutput */.uH('features', JSON.stringify(outputs.features));
        core/* setOutput */.uH('plan', planJson(result.plan));
        if (process.env.GITHUB_STEP_SUMMARY)
            await core/* summary */.z.addRaw(renderPlanSummary(result.plan, result.report)).write();
        if (result.sync?.stoppedBy)
            core/* setFailed */.C1(result.sync.stoppedBy.describe());
        else if (result.sync && result.sync.counts.failed > 0)
            core/* setFailed */.C1(`${result.sync.counts.failed} issue(s) could not be assigned to the milestone; see the log.`);
    });
}
/** The `run()` that @github/local-action expects. */
const run = (/* unused pure expression or super */ null && (runReleaseAction));


/***/ }),

/***/ 2000:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ov: () => (/* binding */ deriveTaskTime),
/* harmony export */   bd: () => (/* binding */ deriveFeatureTime),
/* harmony export */   yN: () => (/* binding */ gitlabDuration)
/* harmony export */ });
/* unused harmony exports MINUTE, HOUR, DAY, WEEK, MONTH, parseEffort, workingTimeBetween, hoursOf */
/**
 * Time tracking derived from the orchestrator: the estimate from its free-text `estimated_effort`, the time spent from
 * the task's own `actual_effort` or its started and completed times. Pure; units follow GitLab's (1mo = 4w, 1w = 5d,
 * 1d = 8h), so "1 week" is 40 hours of work on every platform.
 */
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;
const MONTH = 4 * WEEK;
const UNITS = [
    [/^(?:mo|mos|mon|month|months)$/, MONTH],
    [/^(?:w|wk|wks|week|weeks)$/, WEEK],
    [/^(?:d|day|days)$/, DAY],
    [/^(?:h|hr|hrs|hour|hours)$/, HOUR],
    [/^(?:m|min|mins|minute|minutes)$/, MINUTE],
];
const NUMBER = String.raw `\d+(?:\.\d+)?|an?|one|half(?:\s+an?)?`;
const UNIT = String.raw `[a-z]+`;
/** `3-4 days`, `3 to 4 days`, `2 days - 1 week`: a range, whose upper bound is the estimate. */
const RANGE = new RegExp(String.raw `^(${NUMBER})\s*(${UNIT})?\s*(?:-|–|—|to)\s*(${NUMBER})\s*(${UNIT})$`);
/** `2h`, `1 day 4 hours`, `1h30m`, `1 week and 2 days`: terms that add up. */
const TERM = new RegExp(String.raw `(${NUMBER})\s*(${UNIT})\s*(?:,|and|\+)?\s*`, 'y');
function amountOf(text) {
    if (/^half/.test(text))
        return 0.5;
    if (text === 'a' || text === 'an' || text === 'one')
        return 1;
    return Number(text);
}
function unitOf(text) {
    if (text === undefined)
        return null;
    for (const [pattern, seconds] of UNITS)
        if (pattern.test(text))
            return seconds;
    return null;
}
/**
 * Seconds of work an effort text stands for, or null when it does not parse ("TBD", "large", "a while"). A range
 * counts as its upper bound ("3-4 days" → 4 days): an estimate is a budget, and the upper bound is what the planner
 * allowed for. Qualifiers ("~", "about", "approx.", "+", a note in parentheses) are ignored.
 */
function parseEffort(text) {
    if (text === null)
        return null;
    const clean = text
        .toLowerCase()
        .replace(/\([^)]*\)/g, ' ')
        .replace(/^\s*(?:~|≈|about|around|approx(?:\.|imately)?|roughly|est(?:\.|imated)?:?|up to)\s*/, '')
        .replace(/(\d)\s*\+/g, '$1')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[.;]$/, '');
    if (clean === '')
        return null;
    const range = RANGE.exec(clean);
    if (range) {
        const upperUnit = unitOf(range[4]);
        const lowerUnit = range[2] === undefined ? upperUnit : unitOf(range[2]);
        const lower = amountOf(range[1] ?? '');
        const upper = amountOf(range[3] ?? '');
        if (upperUnit === null || lowerUnit === null || !(upper > 0))
            return null;
        // "2 days - 1 week" and "1-2 weeks" alike: the larger end is the budget.
        return roundToMinute(Math.max(lower * lowerUnit, upper * upperUnit));
    }
    TERM.lastIndex = 0;
    let total = 0;
    let consumed = 0;
    let match;
    while ((match = TERM.exec(clean)) !== null) {
        const unit = unitOf(match[2]);
        if (unit === null)
            return null;
        total += amountOf(match[1] ?? '') * unit;
        consumed = TERM.lastIndex;
    }
    if (consumed !== clean.length || total <= 0)
        return null;
    return roundToMinute(total);
}
/**
 * Working time between a start and a completion (ISO 8601): each full 24 hours counts as a working day (8 hours), and
 * the rest counts up to 8 hours. Null when either is missing or the order is wrong.
 */
function workingTimeBetween(startedAt, completedAt) {
    if (!startedAt || !completedAt)
        return null;
    const start = Date.parse(startedAt);
    const end = Date.parse(completedAt);
    if (Number.isNaN(start) || Number.isNaN(end) || end < start)
        return null;
    const elapsed = Math.floor((end - start) / 1000);
    const days = Math.floor(elapsed / (24 * HOUR));
    return roundToMinute(days * DAY + Math.min(elapsed - days * 24 * HOUR, DAY));
}
/**
 * A task's spent time: its own `actual_effort` when it parses; else the working time from `started_at` to
 * `completed_at` (the v2 generic model records both; v1 and v2 tasks databases record no start, so only
 * actual_effort gives their spent time). Unfinished work has no spent time yet, so a run never writes a growing
 * value.
 */
function deriveTaskTime(task) {
    const estimate = parseEffort(task.estimatedEffort);
    const actual = parseEffort(task.actualEffort ?? null);
    const spent = actual ?? workingTimeBetween(task.startedAt ?? null, task.completedAt);
    return {
        estimateSeconds: estimate,
        spentSeconds: spent !== null && spent > 0 ? spent : null,
        notes: [
            ...effortNote('estimated effort', task.estimatedEffort, estimate),
            ...effortNote('actual effort', task.actualEffort ?? null, actual),
        ],
    };
}
/** A feature's estimate, from its specification's `Estimated Effort`; features record no spent time. */
function deriveFeatureTime(feature) {
    const estimate = parseEffort(feature.estimatedEffort);
    return {
        estimateSeconds: estimate,
        spentSeconds: null,
        notes: effortNote('estimated effort', feature.estimatedEffort, estimate),
    };
}
function effortNote(what, text, parsed) {
    if (text === null || text.trim() === '' || parsed !== null)
        return [];
    return [
        `${what} ${JSON.stringify(text.slice(0, 60))} is not a duration (such as "2 hours", "3-4 days", "1 week"); no time is set from it`,
    ];
}
/** Seconds as hours for a board's number field, to two decimals. */
function hoursOf(seconds) {
    return Math.round((seconds / HOUR) * 100) / 100;
}
/** Seconds as GitLab's duration text in hours and minutes only (`3h30m`), which no instance setting reinterprets. */
function gitlabDuration(seconds) {
    const sign = seconds < 0 ? '-' : '';
    const minutes = Math.round(Math.abs(seconds) / MINUTE);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return `${sign}${hours > 0 ? `${hours}h` : ''}${rest > 0 || hours === 0 ? `${rest}m` : ''}`;
}
function roundToMinute(seconds) {
    return Math.round(seconds / MINUTE) * MINUTE;
}


/***/ }),

/***/ 7406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ isOrchestratorGitError),
/* harmony export */   BG: () => (/* binding */ isFatal),
/* harmony export */   Iv: () => (/* binding */ unknownFeaturesError),
/* harmony export */   Xw: () => (/* binding */ OrchestratorGitError),
/* harmony export */   hD: () => (/* binding */ quote)
/* harmony export */ });
/* unused harmony export ERROR_CODES */
/** The error catalogue: every failure a user can act on has a code, a message naming the bad value, and a fix. */
/** Every code a failure can carry; docs/troubleshooting.md explains each. */
const ERROR_CODES = (/* unused pure expression or super */ null && ([
    'STATE_NOT_FOUND',
    'STATE_UNREADABLE',
    'STATE_NOT_SQLITE',
    'STATE_UNKNOWN_SCHEMA',
    'STATE_JSON_INVALID',
    'STATE_WRITE_FAILED',
    'FEATURES_DIR_NOT_FOUND',
    'FEATURE_UNKNOWN',
    'GIT_CHECKOUT_INVALID',
    'CONFIG_INVALID',
    'CONFIG_UNKNOWN_KEY',
    'CONFIG_FILE_UNREADABLE',
    'TOKEN_MISSING',
    'TOKEN_INVALID',
    'REPOSITORY_MALFORMED',
    'REPOSITORY_NOT_FOUND',
    'PERMISSION_DENIED',
    'ISSUES_DISABLED',
    'VALIDATION_FAILED',
    'RATE_LIMITED',
    'PLATFORM_ERROR',
    'NOT_SUPPORTED',
    'RELEASE_VERSION_INVALID',
    'RELEASE_NOTHING_TO_RELEASE',
    'RELEASE_TAG_CONFLICT',
]));
class OrchestratorGitError extends Error {
    code;
    /** One or two sentences on how to fix it. */
    fix;
    constructor(code, message, fix, options) {
        super(message, options);
        this.name = 'OrchestratorGitError';
        this.code = code;
        this.fix = fix;
    }
    /** The message and the fix, as printed by the action and the CLI. */
    describe() {
        return `${this.code}: ${this.message}\nHow to fix: ${this.fix}`;
    }
}
function isOrchestratorGitError(error) {
    return error instanceof OrchestratorGitError;
}
/** Quotes an untrusted value for an error message: one line, bounded, visibly delimited. */
function quote(value, max = 120) {
    const text = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ');
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
/** Errors after which no later request of the run can succeed (credentials, access, limits): the run stops. */
function isFatal(error) {
    return [
        'TOKEN_INVALID',
        'REPOSITORY_NOT_FOUND',
        'ISSUES_DISABLED',
        'PERMISSION_DENIED',
        'RATE_LIMITED',
    ].includes(error.code);
}
/** Features named (by a release or a milestone) that the state does not have, or null when all are known. */
function unknownFeaturesError(requested, known) {
    const knownIds = new Set(known);
    const unknown = [...new Set(requested.filter((id) => !knownIds.has(id)))];
    if (unknown.length === 0)
        return null;
    return new OrchestratorGitError('FEATURE_UNKNOWN', `Unknown feature ${unknown.map((id) => quote(id)).join(', ')}: the state has no such feature.`, `Name features by their Feature ID; the state has ${known.slice(0, 10).join(', ') || 'none'}${known.length > 10 ? ', …' : ''}.`);
}


/***/ })

};
