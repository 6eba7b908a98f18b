export const id = 74;
export const ids = [74];
export const modules = {

/***/ 24074:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serveStdio: () => (/* binding */ serveStdio)
});

// UNUSED EXPORTS: SERVER_NAME, SERVER_VERSION, createOrchestratorMcpServer

// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/server/index.js + 31 modules
var esm_server = __webpack_require__(24619);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/server/stdio.js + 1 modules
var stdio = __webpack_require__(99424);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/types.js + 1 modules
var types = __webpack_require__(330);
// EXTERNAL MODULE: ./build/src/errors.js
var errors = __webpack_require__(27406);
;// CONCATENATED MODULE: ./build/src/mcp/call-queue.js
/** Runs tool calls that write the same state file one after another (calls on different files run side by side). */
class CallQueue {
    tails = new Map();
    run(key, task) {
        const previous = this.tails.get(key) ?? Promise.resolve();
        const result = previous.then(task);
        const tail = result.then(() => undefined, () => undefined);
        this.tails.set(key, tail);
        void tail.then(() => {
            if (this.tails.get(key) === tail)
                this.tails.delete(key);
        });
        return result;
    }
}

// EXTERNAL MODULE: ./build/src/board/plan.js + 1 modules
var plan = __webpack_require__(84202);
// EXTERNAL MODULE: ./build/src/engine/board-sync.js + 5 modules
var board_sync = __webpack_require__(37855);
;// CONCATENATED MODULE: ./build/src/mcp/results.js
/**
 * What a tool call answers: a short text for the model, the same facts as structured content for programs, and
 * failures as tool errors (`isError`) carrying the catalogue's code, message and fix. Every answer passes through the
 * Redactor, so no token the server knows can reach a client.
 */

/** The report of a call that failed with an error (a catalogue error, or anything else as UNEXPECTED). */
function failureReport(error, data = {}) {
    const failure = (0,errors/* isOrchestratorGitError */.$O)(error)
        ? { code: error.code, message: error.message, fix: error.fix }
        : {
            code: 'UNEXPECTED',
            message: error instanceof Error ? error.message : String(error),
            fix: "This is a defect of orchestrator-git: report it with the server's log (its stderr).",
        };
    return { summary: '', data, failed: true, error: failure };
}
function toToolResult(report, redactor) {
    const lines = [report.summary];
    if (report.error)
        lines.push(`${report.error.code}: ${report.error.message}`, `How to fix: ${report.error.fix}`);
    const structured = report.error ? { ...report.data, error: report.error } : report.data;
    return {
        content: [{ type: 'text', text: redactor.redact(lines.filter(Boolean).join('\n')) }],
        structuredContent: redactor.redactValue(structured),
        ...(report.failed || report.error ? { isError: true } : {}),
    };
}
/** Masks every secret it has been told of, wherever it appears in text or structured values. */
class Redactor {
    secrets = new Set();
    add(secret) {
        // Very short values would mask ordinary words; no real token is that short.
        if (secret && secret.trim().length >= 6)
            this.secrets.add(secret.trim());
    }
    redact(text) {
        let result = text;
        for (const secret of this.secrets)
            result = result.split(secret).join('***');
        return result;
    }
    /** A copy of a JSON value with every string (keys included) redacted. */
    redactValue(value) {
        return this.walk(value);
    }
    walk(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((item) => this.walk(item));
        if (value !== null && typeof value === 'object')
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.walk(item)]));
        return value;
    }
}
/** Adds notes (a parameter not used, a limit met) to a report: as `Note:` lines and as `notes` in the data. */
function withNotes(report, notes) {
    if (notes.length === 0)
        return report;
    const earlier = Array.isArray(report.data.notes) ? report.data.notes : [];
    return {
        ...report,
        summary: [report.summary, ...notes.map((note) => `Note: ${note}`)].filter(Boolean).join('\n'),
        data: { ...report.data, notes: [...earlier, ...notes] },
    };
}

;// CONCATENATED MODULE: ./build/src/mcp/board-call.js




/** Lines of cards the text shows; structuredContent.cards has them all. */
const MAX_CARD_LINES = 30;
/** Whether the board engine has an action of this name. */
function boardEngineHas(action) {
    return plan/* BOARD_ACTIONS */.xT.includes(action);
}
async function runBoardAction(request, context) {
    if (!boardEngineHas(request.action)) {
        throw new errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', `The board engine has no ${request.action} action in this version.`, 'Serve the action with an engine that has it (src/mcp/capabilities.ts).');
    }
    const notes = [];
    let itemKeys = request.itemKeys.length > 0 ? request.itemKeys : null;
    if (request.action === 'sync_milestones' && itemKeys) {
        notes.push(`task_id/feature_id were not used: sync_milestones keeps every release milestone of release_milestones in step, not cards.`);
        itemKeys = null;
    }
    if (request.action === 'create_board' && itemKeys) {
        notes.push(`task_id/feature_id were not used: create_board sets the board up and adds no card (add_to_board adds ${itemKeys.join(', ')}).`);
        itemKeys = null;
    }
    const inputs = {
        ...context.inputs,
        'board-action': request.action,
        ...(request.boardType ? { 'board-type': request.boardType } : {}),
        ...(request.statusMapping ? { 'status-mapping': JSON.stringify(request.statusMapping) } : {}),
        ...(request.boardTitle ? { 'board-title': request.boardTitle } : {}),
    };
    const log = deferredWarnings(context.log);
    let result;
    try {
        result = await (0,board_sync/* executeBoardAction */.KR)({
            inputs,
            configPath: context.configPath,
            env: context.env,
            cwd: context.cwd,
            log: log.logger,
            onSecret: context.onSecret,
            itemKeys,
        });
    }
    catch (error) {
        log.flush(new Set());
        throw error;
    }
    if (result.kind === 'disabled') {
        log.flush(new Set());
        return {
            summary: `orchestrator-git is disabled (${result.reason}): nothing was done.`,
            data: { action: request.action, disabled: true, reason: result.reason },
        };
    }
    if (result.kind === 'milestones') {
        log.flush(new Set());
        return withNotes(milestonesReport(result.config.platform, result.config.repository, result.outcome), notes);
    }
    const { outcome, config, settings } = result;
    const allCards = cardResults(outcome);
    // A card skipped is in the cards (with why); its warning goes to the server's log only, not into the answer again.
    log.flush(new Set(allCards.filter((card) => card.result === 'skipped').map((card) => card.itemKey)));
    // create_board touches no card: the cards it looked at are not news.
    const cards = request.action === 'create_board' ? [] : allCards;
    const data = {
        action: request.action,
        platform: config.platform,
        repository: outcome.repository,
        dryRun: outcome.dryRun,
        boardType: settings.template.type,
        board: outcome.board ?? { title: settings.title, number: null, url: null },
        created: outcome.created,
        columns: settings.columns,
        cards,
        counts: outcome.counts,
        requests: { reads: outcome.stats.reads, writes: outcome.stats.writes },
    };
    const report = {
        summary: summarise(request.action, config.platform, outcome, settings.title, cards, itemKeys !== null, settings.columns),
        data,
        failed: outcome.counts.failed > 0,
    };
    return withNotes(report, notes);
}
/** sync_milestones: the platform's milestones against release_milestones, milestone by milestone. */
function milestonesReport(platform, repository, outcome) {
    const milestones = [];
    const planned = [
        ...outcome.plan.create.map((milestone) => ({
            title: milestone.title,
            kind: 'create',
            reason: null,
        })),
        ...outcome.plan.update.map((update) => ({
            title: update.title,
            kind: 'update',
            reason: update.reason,
        })),
    ];
    for (const { title, kind, reason } of planned) {
        const done = outcome.results.find((result) => result.title === title && result.kind === kind);
        if (outcome.dryRun)
            milestones.push({ title, result: `would ${kind}`, detail: reason });
        else if (done?.status === 'done')
            milestones.push({ title, result: `${kind}d`, detail: reason });
        else
            milestones.push({
                title,
                result: done?.status ?? 'failed',
                detail: done?.error ?? 'not written: the run stopped before this milestone',
            });
    }
    for (const title of outcome.plan.unchanged)
        milestones.push({ title, result: 'unchanged', detail: null });
    const lines = [
        `sync_milestones on ${platform} ${repository}${outcome.dryRun ? ' (dry run: nothing was changed)' : ''}:`,
        ...milestones.map((milestone) => `- ${JSON.stringify(milestone.title)}: ${milestone.result}${milestone.detail ? ` (${milestone.detail})` : ''}`),
    ];
    const { counts } = outcome;
    lines.push(`Created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, reported ${counts.reported}.`);
    return {
        summary: lines.join('\n'),
        data: {
            action: 'sync_milestones',
            platform,
            repository,
            dryRun: outcome.dryRun,
            milestones,
            counts,
            requests: { reads: outcome.stats.reads, writes: outcome.stats.writes },
        },
        failed: counts.failed > 0,
    };
}
/** Every card the run touched or looked at, in the plan's order: written, unchanged, then skipped. */
function cardResults(outcome) {
    const cards = [];
    for (const operation of outcome.plan.cards) {
        const done = outcome.results.find((result) => result.itemKey === operation.itemKey && result.kind === operation.kind);
        const column = columnOf(operation);
        const values = Object.fromEntries(operation.writes.map((write) => [write.field, (0,plan/* describeWrite */.dd)(write.value)]));
        const kind = operation.kind === 'addCard' ? 'add' : column !== null ? 'move' : 'update';
        if (outcome.dryRun) {
            cards.push({ itemKey: operation.itemKey, result: `would ${kind}`, column, values, detail: null });
        }
        else if (!done || done.status === 'failed') {
            cards.push({
                itemKey: operation.itemKey,
                result: 'failed',
                column,
                values,
                detail: done?.error ?? 'not written: the run stopped before this card',
            });
        }
        else {
            const result = kind === 'add' ? 'added' : kind === 'move' ? 'moved' : 'updated';
            cards.push({ itemKey: operation.itemKey, result, column, values, detail: null });
        }
    }
    for (const itemKey of outcome.plan.unchanged)
        cards.push({ itemKey, result: 'unchanged', column: null, values: {}, detail: null });
    for (const note of outcome.plan.notes) {
        if (note.itemKey === null)
            continue;
        cards.push({ itemKey: note.itemKey, result: 'skipped', column: null, values: {}, detail: note.message });
    }
    return cards;
}
function columnOf(operation) {
    const status = operation.writes.find((write) => write.role === 'status');
    return status ? (0,plan/* describeWrite */.dd)(status.value) : null;
}
function summarise(action, platform, outcome, title, cards, named, columns) {
    const board = outcome.board
        ? `board ${JSON.stringify(outcome.board.title)} ${outcome.board.url}${outcome.created ? ' (created)' : ''}`
        : `board ${JSON.stringify(title)} (${outcome.dryRun ? 'to be created' : 'not created'})`;
    const lines = [
        `${action} on ${platform} ${outcome.repository}, ${board}${outcome.dryRun ? ' (dry run: nothing was changed)' : ''}:`,
    ];
    // A run over every card names each one it wrote; unchanged and skipped cards are counted.
    const shown = named
        ? cards
        : cards.filter((card) => card.result !== 'unchanged' && card.result !== 'skipped');
    for (const card of shown.slice(0, MAX_CARD_LINES)) {
        const values = Object.entries(card.values)
            .map(([field, value]) => `${field}=${value}`)
            .join(', ');
        lines.push(`- ${card.itemKey}: ${card.result}${card.column ? ` → ${card.column}` : ''}${values ? ` (${values})` : ''}${card.detail ? ` (${card.detail})` : ''}`);
    }
    if (shown.length > MAX_CARD_LINES)
        lines.push(`- … and ${shown.length - MAX_CARD_LINES} more (structuredContent.cards lists every card)`);
    if (action === 'create_board') {
        lines.push(`Columns: ${columns.join(', ')}; no card added (add_to_board adds them).`);
        return lines.join('\n');
    }
    const { counts } = outcome;
    lines.push(`Added ${counts.added}, moved ${counts.moved}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}, skipped ${counts.skipped}.`);
    return lines.join('\n');
}
/**
 * The board engine warns once per card it skips ("task:7: has no issue yet …"); those become the card's `skipped`
 * result, so they are held back and, after the run, logged as info; every other warning is passed on as a warning.
 */
function deferredWarnings(log) {
    const held = [];
    return {
        logger: { ...log, warning: (message) => held.push(message) },
        flush(skipped) {
            for (const message of held.splice(0)) {
                const itemKey = message.slice(0, Math.max(0, message.indexOf(': ')));
                if (skipped.has(itemKey))
                    log.info(message);
                else
                    log.warning(message);
            }
        },
    };
}

// EXTERNAL MODULE: ./build/src/cli/milestone.js
var cli_milestone = __webpack_require__(88178);
// EXTERNAL MODULE: ./build/src/config/values.js
var values = __webpack_require__(25620);
// EXTERNAL MODULE: ./build/src/cli/items.js
var cli_items = __webpack_require__(91920);
// EXTERNAL MODULE: ./build/src/engine/execute-issue-sync.js + 4 modules
var execute_issue_sync = __webpack_require__(33670);
;// CONCATENATED MODULE: ./build/src/mcp/issue-runs.js
/**
 * One issue-sync run for a tool call, through the same engine and with the same scopes as the CLI's item commands,
 * reported item by item (the CLI's `--json` items) with the run's counts.
 */



async function runIssueCall(context, call) {
    const result = await (0,execute_issue_sync/* executeIssueSync */.E)({
        inputs: context.inputs,
        configPath: context.configPath,
        env: context.env,
        cwd: context.cwd,
        log: context.log,
        runId: context.runId,
        onSecret: context.onSecret,
        scope: call.scope,
        ...(call.initialText !== undefined ? { initialText: call.initialText } : {}),
        ...(call.prepare ? { prepare: call.prepare } : {}),
    });
    if (result.kind === 'disabled') {
        return {
            report: {
                summary: `orchestrator-git is disabled (${result.reason}): nothing was done.`,
                data: { action: call.action, disabled: true, reason: result.reason },
            },
            outcome: null,
        };
    }
    const { config, outcome } = result;
    const items = (0,cli_items/* itemResults */.M)(outcome);
    const data = {
        action: call.action,
        platform: config.platform,
        repository: outcome.repository,
        dryRun: outcome.dryRun,
        items,
        counts: outcome.counts,
    };
    const summary = issue_runs_summarise(`${call.action} on ${config.platform} ${outcome.repository}${outcome.dryRun ? ' (dry run: nothing was changed)' : ''}:`, items, outcome, call.scope.itemKeys !== null);
    if (outcome.stoppedBy)
        return { report: { ...failureReport(outcome.stoppedBy, data), summary }, outcome };
    return { report: { summary, data, failed: outcome.counts.failed > 0 }, outcome };
}
function issue_runs_summarise(heading, items, outcome, named) {
    const lines = [heading];
    // A run over every item names each one it touched; the many without an issue are one line.
    const shown = named ? items : items.filter((item) => item.result !== 'skipped');
    for (const item of shown)
        lines.push(`- ${item.itemKey}: ${item.result}${item.issue ? ` #${item.issue.number} ${item.issue.url}` : ''}${item.detail ? ` (${item.detail})` : ''}`);
    const hidden = items.length - shown.length;
    if (hidden > 0)
        lines.push(`- ${hidden} item${hidden === 1 ? '' : 's'} without an issue: skipped`);
    const { counts } = outcome;
    lines.push(`Created ${counts.created}, updated ${counts.updated}, closed ${counts.closed}, reopened ${counts.reopened}, unchanged ${counts.unchanged}, failed ${counts.failed}.`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./build/src/mcp/milestone-call.js
/**
 * create_milestone for both tools that offer it: the CLI's create-milestone (a release_milestones row and the
 * platform milestone, then a sync that assigns its features' issues), reported with what happened to the milestone.
 * A dry run creates nothing on the platform either.
 */




async function runMilestoneCall(context, call) {
    const request = {
        ...(0,cli_milestone/* milestoneRequest */.y)(call.name, call.dueOn ? { dueOn: call.dueOn } : {}),
        features: call.features ?? undefined,
    };
    const given = context.inputs['dry-run'];
    const dryRun = given !== undefined && given !== '' && (0,values/* parseBoolean */.yG)(given, 'dry-run', 'input');
    // Set by the prepare step, inside the run.
    const seen = { created: false, row: null };
    const { report } = await runIssueCall(context, {
        action: call.action,
        scope: { itemKeys: null, createIssues: false },
        prepare: async (store, tracker, log) => {
            const watched = watchMilestoneCreation(tracker, dryRun, () => (seen.created = true));
            await (0,cli_milestone/* prepareMilestone */.Y)(store, watched, request, dryRun ? withoutInfo(log) : log);
            seen.row = store.state.milestones.find((milestone) => milestone.name === request.name) ?? null;
        },
    });
    const { row } = seen;
    if (!row)
        return report;
    const result = seen.created ? (dryRun ? 'would create' : 'created') : 'exists';
    const number = result === 'would create' || row.platformMilestoneId === null ? null : Number(row.platformMilestoneId);
    const milestone = {
        name: row.name,
        result,
        number,
        dueOn: row.targetDate,
        status: row.status,
        features: row.includedFeatures,
    };
    const line = `Milestone ${JSON.stringify(row.name)}: ${result}${number !== null ? ` (#${number})` : ''}${row.targetDate ? `, due ${row.targetDate}` : ''}, ${row.status}, features ${row.includedFeatures.join(', ') || 'none'}.`;
    return {
        ...report,
        summary: [report.summary.split('\n')[0], line, ...report.summary.split('\n').slice(1)].join('\n'),
        data: { ...report.data, milestone },
    };
}
/** orchestrator_release_coordinator's create_milestone. */
async function createReleaseMilestone(request, context) {
    if (!request.version) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', 'orchestrator_release_coordinator create_milestone needs release_version.', 'Give release_version, the milestone name (e.g. v1.2.0), and included_features, the Feature IDs it ships.');
    }
    return runMilestoneCall(context, {
        action: 'create_milestone',
        name: request.version,
        dueOn: request.dueOn,
        features: request.includedFeatures,
    });
}
/** The tracker, telling when a milestone is created; in a dry run the creation is only pretended. */
function watchMilestoneCreation(tracker, dryRun, onCreate) {
    return new Proxy(tracker, {
        get(target, key) {
            if (key === 'createMilestone') {
                return async (milestone) => {
                    onCreate();
                    return dryRun ? { number: 0, ...milestone } : target.createMilestone(milestone);
                };
            }
            const value = Reflect.get(target, key, target);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
}
/** A dry run's log keeps warnings but not prepareMilestone's "Created milestone" lines. */
function withoutInfo(log) {
    return { ...log, info: () => undefined };
}

// EXTERNAL MODULE: ./build/src/release/engine.js + 33 modules
var engine = __webpack_require__(2644);
;// CONCATENATED MODULE: ./build/src/mcp/release-call.js
/**
 * orchestrator_release_coordinator's plan_release, generate_changelog and tag_release on the release engine
 * (executeRelease), the way `orchestrator-git release plan|changelog|tag` runs them, reported with the version, tag,
 * bump, the whole release notes (structured; the text shows their beginning) and the release URL.
 */


/** The release engine's step for each tool action served here (create_milestone is milestone-call.ts's). */
const RELEASE_STEPS = {
    plan_release: 'plan',
    generate_changelog: 'changelog',
    tag_release: 'tag',
};
/** How much of the release notes the text shows: structuredContent.releaseNotes has them whole. */
const NOTES_TEXT_LINES = 40;
const NOTES_TEXT_CHARS = 2000;
async function runReleaseAction(request, context) {
    const step = RELEASE_STEPS[request.action];
    if (!step)
        throw new Error(`${request.action} is not a release engine step`);
    const notes = [];
    if (request.dueOn !== null && step !== 'tag')
        notes.push(`due_on was not used: it dates the release milestone (create_milestone, or tag_release when the release has no date yet), not ${request.action}.`);
    if (request.notesTemplate !== null && step === 'plan')
        notes.push('release_notes_template was not used: it shapes generate_changelog and tag_release, not the plan.');
    const inputs = {
        ...context.inputs,
        ...(request.version !== null ? { 'release-version': request.version } : {}),
        ...(request.includedFeatures !== null ? { features: request.includedFeatures.join(',') } : {}),
        ...(request.notesTemplate !== null ? { 'release-notes-template': request.notesTemplate } : {}),
        ...(request.dueOn !== null ? { 'due-on': request.dueOn } : {}),
    };
    const result = await (0,engine/* executeRelease */.B)({
        action: step,
        inputs,
        configPath: context.configPath,
        env: context.env,
        cwd: context.cwd,
        log: context.log,
        runId: context.runId,
        onSecret: context.onSecret,
    });
    if (result.kind === 'disabled') {
        return {
            summary: `orchestrator-git is disabled (${result.reason}): nothing was done.`,
            data: { action: request.action, disabled: true, reason: result.reason },
        };
    }
    return withNotes(releaseReport(request.action, result), notes);
}
function releaseReport(action, result) {
    const { plan, outputs, publish } = result;
    const data = {
        action,
        dryRun: result.dryRun,
        version: outputs.version,
        tag: outputs.tag,
        previousTag: outputs.previousTag,
        bump: outputs.bump,
        bumpReasons: plan.bumpReasons,
        requested: plan.requestedVersion !== null,
        alreadyTagged: plan.alreadyTagged,
        commit: plan.commit,
        features: plan.features.map((feature) => ({
            id: feature.id,
            title: feature.title,
            status: feature.status,
            tasks: feature.tasks.length,
        })),
        otherTasks: plan.tasks.map((task) => ({ id: task.id, title: task.title })),
        commits: plan.commits,
        // Named releaseNotes: `notes` is the tool's own list of remarks (withNotes).
        releaseNotes: outputs.notes,
        releaseUrl: outputs.releaseUrl,
        milestone: outputs.milestone,
        changelog: outputs.changelogFile
            ? { file: outputs.changelogFile, changed: outputs.changelogChanged }
            : null,
        publish: publish ? { tag: publish.tag, release: publish.release, milestone: publish.milestone } : null,
        stateChanged: outputs.stateChanged,
        warnings: plan.warnings,
        report: result.report,
        requests: result.requests,
    };
    const lines = [];
    const dry = result.dryRun ? ' (dry run: nothing was changed)' : '';
    if (plan.version === null) {
        lines.push(`${action}${dry}: nothing to release since ${plan.previousTag ?? 'the first commit'}.`);
    }
    else {
        lines.push(`${action}${dry}: ${plan.tag} (${plan.requestedVersion ? 'requested' : 'suggested'}${plan.suggestedBump ? `, bump ${plan.suggestedBump}` : ''}; previous ${plan.previousTag ?? 'none'}${plan.alreadyTagged ? '; already tagged at this commit' : ''}).`);
    }
    if (plan.bumpReasons.length > 0)
        lines.push(`Why: ${plan.bumpReasons.join('; ')}.`);
    const c = plan.commits;
    lines.push(`Features ${plan.features.length ? plan.features.map((feature) => feature.id).join(', ') : 'none'}; other tasks ${plan.tasks.length}; commits ${c.total} (${c.features} feat, ${c.fixes} fix, ${c.breaking} breaking, ${c.other} other).`);
    if (outputs.changelogFile)
        lines.push(`${outputs.changelogFile}: ${outputs.changelogChanged ? (result.dryRun ? 'would be updated' : 'updated') : 'already has this entry'}.`);
    if (publish)
        lines.push(`Tag ${publish.tag}, release ${publish.release}${publish.milestone !== 'none' ? `, milestone ${publish.milestone}` : ''}.`);
    if (outputs.releaseUrl)
        lines.push(`Release: ${outputs.releaseUrl}`);
    lines.push(...result.report);
    if (outputs.notes !== null)
        lines.push('Release notes:', truncateNotes(outputs.notes));
    return { summary: lines.join('\n'), data };
}
/** The beginning of the notes, cut at a line, saying how much is left out. */
function truncateNotes(notes, maxLines = NOTES_TEXT_LINES, maxChars = NOTES_TEXT_CHARS) {
    const text = notes.trimEnd();
    const kept = [];
    let length = 0;
    for (const line of text.split('\n')) {
        if (kept.length >= maxLines || length + line.length + 1 > maxChars)
            break;
        kept.push(line);
        length += line.length + 1;
    }
    const shown = kept.join('\n');
    const left = text.length - shown.length;
    if (left <= 0)
        return shown;
    return `${shown}\n… (${left} more characters: structuredContent.releaseNotes has the whole notes)`;
}

;// CONCATENATED MODULE: ./build/src/mcp/capabilities.js




/**
 * What this version serves: every board action on the board engine (src/engine/board-sync.ts), plan_release,
 * generate_changelog and tag_release on the release engine (src/release/engine.ts), and create_milestone on the same
 * run as orchestrator_git_integration's create_milestone (milestone-call.ts, which needs no git checkout and takes any
 * milestone name).
 */
function defaultCapabilities() {
    return {
        board: {
            create_board: runBoardAction,
            add_to_board: runBoardAction,
            move_card: runBoardAction,
            update_progress: runBoardAction,
            sync_milestones: runBoardAction,
        },
        release: {
            plan_release: runReleaseAction,
            create_milestone: createReleaseMilestone,
            generate_changelog: runReleaseAction,
            tag_release: runReleaseAction,
        },
    };
}
/** The defaults with some actions replaced (or added). */
function withCapabilities(overrides = {}) {
    const defaults = defaultCapabilities();
    return {
        board: { ...defaults.board, ...overrides.board },
        release: { ...defaults.release, ...overrides.release },
    };
}
function boardHandler(capabilities, action) {
    const handler = capabilities.board[action];
    if (handler)
        return handler;
    const available = Object.keys(capabilities.board).join(', ') || 'none';
    throw new errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', `orchestrator_project_board_manager cannot ${action.replace(/_/g, ' ')} in this server.`, `Board actions available now: ${available}.`);
}
function releaseHandler(capabilities, action) {
    const handler = capabilities.release[action];
    if (handler)
        return handler;
    const available = Object.keys(capabilities.release).join(', ') || 'none';
    throw new errors/* OrchestratorGitError */.Xw('NOT_SUPPORTED', `orchestrator_release_coordinator cannot ${action.replace(/_/g, ' ')} in this server.`, `Release actions available now: ${available}.`);
}

;// CONCATENATED MODULE: ./build/src/mcp/git-integration.js
/**
 * orchestrator_git_integration: each action is the CLI command of the same name (create-issue, update-issue,
 * sync-status, link-task, create-milestone) on the same engine; the parts of `issue_config` the orchestrator owns
 * are reported when they disagree with it, never silently dropped.
 */





async function runGitIntegration(args, context, capabilities) {
    const config = args.issue_config ?? {};
    const itemKeys = itemKeysOf(args);
    if (args.action === 'create_milestone')
        return createMilestone(args, context);
    if (config.milestone !== undefined) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `issue_config.milestone ${(0,errors/* quote */.hD)(config.milestone)} cannot be set on one issue: an issue's milestone is its feature's release, recorded in release_milestones.`, `Record the release and its features with action create_milestone (issue_config.milestone ${(0,errors/* quote */.hD)(config.milestone)}, feature_id), or orchestrator_release_coordinator create_milestone (release_version, included_features); the issues of those features then get the milestone.`);
    }
    if (args.issue_number !== undefined && args.action !== 'link_task') {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `issue_number ${args.issue_number} only goes with action link_task, not ${args.action}.`, 'Use action link_task to make that issue the item’s issue, or leave issue_number out.');
    }
    const notes = [];
    const forCreatedIssues = ['body', 'labels', 'assignees'].filter((key) => config[key] !== undefined);
    if (args.action !== 'create_issue' && forCreatedIssues.length > 0) {
        notes.push(`issue_config.${forCreatedIssues.join(', issue_config.')} ${forCreatedIssues.length === 1 ? 'was' : 'were'} not used: ${args.action} creates no issue, and ${forCreatedIssues.length === 1 ? 'it applies' : 'they apply'} only to the issue create_issue creates.`);
    }
    const call = issueCall(args, itemKeys);
    const { report, outcome } = await runIssueCall(context, call);
    if (outcome && config.title !== undefined) {
        for (const item of outcome.items) {
            if (itemKeys.includes(item.itemKey) && item.title !== config.title.trim()) {
                notes.push(`issue_config.title ${(0,errors/* quote */.hD)(config.title)} was not used: the orchestrator owns the title of ${item.itemKey} (${(0,errors/* quote */.hD)(item.title)}); rename it in the orchestrator to change the issue's title.`);
            }
        }
    }
    let result = withNotes(report, notes);
    if (config.project_board !== undefined && outcome && !report.error)
        result = await addToBoard(result, config.project_board, itemKeys, context, capabilities);
    return result;
}
function issueCall(args, itemKeys) {
    const config = args.issue_config ?? {};
    switch (args.action) {
        case 'create_issue':
            requireItems(args.action, itemKeys);
            return {
                action: args.action,
                scope: {
                    itemKeys,
                    createIssues: true,
                    extraLabels: config.labels ?? [],
                    extraAssignees: config.assignees ?? [],
                },
                ...(config.body !== undefined ? { initialText: config.body } : {}),
            };
        case 'update_issue':
            requireItems(args.action, itemKeys);
            return { action: args.action, scope: { itemKeys, createIssues: false } };
        case 'sync_status':
            return {
                action: args.action,
                scope: { itemKeys: itemKeys.length > 0 ? itemKeys : null, createIssues: false },
            };
        case 'link_task': {
            const [itemKey, ...more] = itemKeys;
            if (!itemKey || more.length > 0 || args.issue_number === undefined) {
                throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `link_task needs one item (task_id or feature_id${itemKeys.length > 1 ? ', not both' : ''}) and issue_number${args.issue_number === undefined ? ', which is missing' : ''}.`, 'Give task_id (or feature_id) and issue_number, the number of the existing issue, e.g. {"action": "link_task", "task_id": "42", "issue_number": 17}.');
            }
            return {
                action: args.action,
                scope: {
                    itemKeys: [itemKey],
                    createIssues: false,
                    adopt: { itemKey, number: args.issue_number },
                },
            };
        }
        case 'create_milestone':
            throw new Error('create_milestone is not an issue call');
    }
}
async function createMilestone(args, context) {
    const name = args.issue_config?.milestone;
    if (name === undefined || args.task_id !== undefined) {
        throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', name === undefined
            ? 'create_milestone needs issue_config.milestone, the name of the milestone.'
            : `create_milestone takes the feature a release includes (feature_id), not a task (task_id ${(0,errors/* quote */.hD)(args.task_id)}).`, 'Give issue_config.milestone (e.g. "v1.2.0"), and feature_id for a feature the release includes; due_on sets its date.');
    }
    return runMilestoneCall(context, {
        action: args.action,
        name,
        dueOn: args.due_on ?? null,
        features: args.feature_id !== undefined ? [args.feature_id] : null,
    });
}
/** issue_config.project_board: the issues join that board through the add_to_board handler (the board engine). */
async function addToBoard(report, board, itemKeys, context, capabilities) {
    let handler;
    try {
        handler = boardHandler(capabilities, 'add_to_board');
    }
    catch (error) {
        const reason = error instanceof errors/* OrchestratorGitError */.Xw ? error.message : String(error);
        return withNotes(report, [
            `issue_config.project_board ${(0,errors/* quote */.hD)(board)} was not used: ${reason.replace(/\.$/, '')}; the issue is not on a board.`,
        ]);
    }
    let added;
    try {
        added = await handler({ action: 'add_to_board', boardType: null, itemKeys, statusMapping: null, boardTitle: board }, context);
    }
    catch (error) {
        added = failureReport(error);
    }
    const failure = added.error
        ? `issue_config.project_board ${(0,errors/* quote */.hD)(board)}: ${added.error.code}: ${added.error.message}\nHow to fix: ${added.error.fix}`
        : '';
    return {
        ...report,
        summary: [report.summary, added.summary, failure].filter(Boolean).join('\n'),
        data: { ...report.data, board: added.error ? { ...added.data, error: added.error } : added.data },
        failed: Boolean(report.failed || added.failed || added.error),
    };
}
function requireItems(action, itemKeys) {
    if (itemKeys.length > 0)
        return;
    throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `${action} needs the item: task_id or feature_id.`, `Give task_id (the orchestrator task's id) or feature_id (its Feature ID), e.g. {"action": "${action}", "task_id": "42"}.`);
}
/** task_id and feature_id as item keys (`task:<id>`, `feature:<id>`); a key given whole is kept. */
function itemKeysOf(args) {
    const keys = [];
    if (args.task_id !== undefined)
        keys.push(keyOf('task', args.task_id));
    if (args.feature_id !== undefined)
        keys.push(keyOf('feature', args.feature_id));
    return keys;
}
function keyOf(kind, id) {
    const trimmed = id.trim();
    return trimmed.startsWith(`${kind}:`) ? trimmed : `${kind}:${trimmed}`;
}

;// CONCATENATED MODULE: ./build/src/mcp/registry-tools.js
/**
 * orchestrator_project_board_manager and orchestrator_release_coordinator: their arguments as requests to the
 * capability registry, which serves each action with its engine or answers NOT_SUPPORTED.
 */



async function runBoardManager(args, context, capabilities) {
    const handler = boardHandler(capabilities, args.action);
    return handler({
        action: args.action,
        boardType: args.board_type ?? null,
        itemKeys: itemKeysOf(args),
        statusMapping: args.status_mapping ?? null,
        boardTitle: null,
    }, context);
}
async function runReleaseCoordinator(args, context, capabilities) {
    const handler = releaseHandler(capabilities, args.action);
    const report = await handler({
        action: args.action,
        version: args.release_version ?? null,
        includedFeatures: args.included_features ?? null,
        notesTemplate: args.release_notes_template ?? null,
        dueOn: args.due_on ?? null,
    }, context);
    const unused = args.action === 'create_milestone' && args.release_notes_template !== undefined
        ? [
            'release_notes_template was not used: it shapes generate_changelog and tag_release, not the milestone.',
        ]
        : [];
    return withNotes(report, unused);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./build/src/config/file.js
var file = __webpack_require__(6924);
;// CONCATENATED MODULE: ./build/src/mcp/settings.js
/**
 * The settings of one tool call: the server's (its flags, as `sync` takes them), with the call's platform,
 * repository, state_file and dry_run applied, and the key of the state file the call writes.
 */


/** Settings that belong to the server's --platform: a call on another platform does not inherit them. */
const PLATFORM_BOUND = [
    'repository',
    'api-url',
    'token',
    'username',
    'gitlab-group',
    'multiple-assignees',
];
function callInputs(server, call) {
    const inputs = { ...server };
    if (call.platform !== undefined) {
        const serverPlatform = typeof server.platform === 'string' ? server.platform.trim() : '';
        // A GitHub token or URL given for the server's platform must never travel to another platform's API.
        if (serverPlatform && serverPlatform !== call.platform)
            for (const name of PLATFORM_BOUND)
                delete inputs[name];
        inputs.platform = call.platform;
    }
    if (call.repository !== undefined)
        inputs.repository = call.repository;
    if (call.state_file !== undefined)
        inputs['state-file'] = call.state_file;
    // A server started with --dry-run stays dry: a call can ask for a dry run, not out of one.
    if (call.dry_run === true)
        inputs['dry-run'] = 'true';
    return inputs;
}
/** The state file a call reads and writes, as an absolute path: calls with the same key are serialised. */
function stateKey(inputs, cwd) {
    const given = inputs['state-file'];
    if (typeof given === 'string' && given.trim())
        return external_node_path_.resolve(cwd, given.trim());
    try {
        return external_node_path_.resolve(cwd, (0,file/* locateStateFile */.o_)(null, cwd));
    }
    catch {
        // No state file yet: the call fails with STATE_NOT_FOUND; serialise it with the others of this folder.
        return external_node_path_.resolve(cwd);
    }
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 4 modules
var schemas = __webpack_require__(41514);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/json-schema-processors.js
var json_schema_processors = __webpack_require__(98439);
;// CONCATENATED MODULE: ./build/src/mcp/tools.js
/**
 * The seed's three MCP tools, as input schemas: validated here once (bad input becomes a CONFIG_INVALID catalogue
 * error naming the parameter and the fix), and described to clients as JSON Schema generated from the same zod
 * schemas, so what `tools/list` shows and what a call is checked against cannot drift apart.
 */



const PLATFORMS = ['github', 'gitlab', 'bitbucket'];
const GIT_ACTIONS = [
    'create_issue',
    'update_issue',
    'sync_status',
    'link_task',
    'create_milestone',
];
const BOARD_ACTIONS = [
    'create_board',
    'add_to_board',
    'move_card',
    'update_progress',
    'sync_milestones',
];
const BOARD_TYPES = ['feature_development', 'release_planning', 'sprint_board'];
const RELEASE_ACTIONS = [
    'plan_release',
    'create_milestone',
    'generate_changelog',
    'tag_release',
];
const NOTES_TEMPLATES = ['automated', 'manual', 'hybrid'];
const tools_text = schemas/* string */.YjP().trim().min(1);
const date = schemas/* string */.YjP()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('Target date of the milestone, YYYY-MM-DD.');
/** Where a call runs; each overrides the server's setting of the same name for this call only. */
const target = {
    platform: schemas/* enum */.k5n(PLATFORMS)
        .describe("Git platform (default: the server's --platform, the state's git_integration_config, or github)."),
    repository: tools_text.describe("GitHub owner/name, GitLab group/project, or Bitbucket workspace/repo-slug (default: the server's --repository or the CI variable)."),
    state_file: tools_text.describe("Orchestrator SQLite database or JSON export, relative to the server's working directory (default: the server's --state-file, else the orchestrator's usual places)."),
    dry_run: schemas/* boolean */.zMY()
        .describe('Plan only: report what would change and change nothing (a server started with --dry-run stays dry).'),
};
const gitIntegrationInput = schemas/* strictObject */.rej({
    action: schemas/* enum */.k5n(GIT_ACTIONS)
        .describe("create_issue: create the item's issue (or bring an existing one in step); update_issue: bring its issue in step, creating nothing; sync_status: bring every existing issue (or the named item's) in step and report each item; link_task: make an existing issue (issue_number) the item's issue; create_milestone: record the release milestone issue_config.milestone and create it on the platform."),
    ...target,
    task_id: tools_text.describe('The orchestrator task (its task id).'),
    feature_id: tools_text.describe('The feature (its Feature ID, e.g. GIT_INTEGRATION_V1); with create_milestone, the feature the release includes.'),
    issue_number: schemas/* number */.aig().int().positive().describe('link_task: the number of the existing issue.'),
    issue_config: schemas/* strictObject */.rej({
        title: tools_text.describe('The orchestrator owns the title (the task or feature title); a different title is reported, not used.'),
        body: schemas/* string */.YjP()
            .describe('Free text placed below the managed block of the issue created (kept by later syncs).'),
        labels: schemas/* array */.YOg(tools_text)
            .describe('Labels added to the issue created, besides the managed ones (kept by later syncs).'),
        assignees: schemas/* array */.YOg(tools_text)
            .describe('Assignees added to the issue created, besides the managed ones (kept by later syncs).'),
        milestone: tools_text.describe("create_milestone: the milestone's name, e.g. v1.2.0. Other actions: an issue's milestone comes from its feature's release in release_milestones."),
        project_board: tools_text.describe('Title of an existing board (feature_development type) to add the issue to, as add_to_board does.'),
    })
        .partial()
        .describe('What the seed lets a caller set on the issue; the managed fields come from the orchestrator.'),
    due_on: date,
})
    .partial()
    .required({ action: true });
const boardManagerInput = schemas/* strictObject */.rej({
    action: schemas/* enum */.k5n(BOARD_ACTIONS)
        .describe("create_board: create the board of board_type; add_to_board: add the item's issue as a card; move_card: put the card in the column of its status; update_progress: write its Progress, Target date, Release and Sprint fields; sync_milestones: create and update the platform's milestones from release_milestones (due dates, open/closed). Without task_id/feature_id, add_to_board, move_card and update_progress work on every card."),
    ...target,
    board_type: schemas/* enum */.k5n(BOARD_TYPES)
        .describe('Board template: its columns and fields (default feature_development); the board is the one titled "<repository name> · <board type>" unless the server\'s config names another.'),
    feature_id: tools_text.describe('The feature whose card is meant.'),
    task_id: tools_text.describe('The task whose card is meant.'),
    status_mapping: schemas/* record */.g1P(schemas/* string */.YjP(), tools_text)
        .describe('Orchestrator status → board column, e.g. {"in_progress": "In Progress", "completed": "Done"}.'),
})
    .partial()
    .required({ action: true });
const releaseCoordinatorInput = schemas/* strictObject */.rej({
    action: schemas/* enum */.k5n(RELEASE_ACTIONS)
        .describe("plan_release: the release plan (features, version); create_milestone: record release_version in release_milestones, create the platform milestone and assign its features' issues; generate_changelog: the release notes; tag_release: the tag and the platform release."),
    ...target,
    release_version: tools_text.describe('The release, e.g. v1.2.0 (the milestone name with create_milestone).'),
    included_features: schemas/* array */.YOg(tools_text).describe('Feature IDs the release includes.'),
    release_notes_template: schemas/* enum */.k5n(NOTES_TEMPLATES)
        .describe('automated: notes generated from the plan and commits; manual: a template you fill in; hybrid: generated with manual sections kept (default automated).'),
    due_on: date,
})
    .partial()
    .required({ action: true });
const TOOL_NAMES = [
    'orchestrator_git_integration',
    'orchestrator_project_board_manager',
    'orchestrator_release_coordinator',
];
const SCHEMAS = {
    orchestrator_git_integration: gitIntegrationInput,
    orchestrator_project_board_manager: boardManagerInput,
    orchestrator_release_coordinator: releaseCoordinatorInput,
};
const ACTIONS = {
    orchestrator_git_integration: GIT_ACTIONS,
    orchestrator_project_board_manager: BOARD_ACTIONS,
    orchestrator_release_coordinator: RELEASE_ACTIONS,
};
const DESCRIPTIONS = {
    orchestrator_git_integration: {
        title: 'Git platform issues',
        description: "Keeps the Git platform's issues in step with the MCP Task Orchestrator's plan: creates an item's issue, updates it, reports sync status, links an existing issue, or creates a release milestone. Each call is an orchestrator-git sync limited to the named items; the result lists each item with its issue.",
    },
    orchestrator_project_board_manager: {
        title: 'Project boards',
        description: "Keeps a project board in step with the orchestrator's plan: creates the board, adds cards, moves them to their status column, writes progress and release fields.",
    },
    orchestrator_release_coordinator: {
        title: 'Releases',
        description: "Coordinates a release with the Git platform: plans it from the orchestrator's features, creates its milestone, generates the changelog, tags and publishes it.",
    },
};
/** The tools as `tools/list` describes them (JSON Schema draft 7, as the SDK's McpServer generates it). */
function toolDefinitions() {
    return TOOL_NAMES.map((name) => ({
        name,
        ...DESCRIPTIONS[name],
        inputSchema: {
            ...json_schema_processors/* toJSONSchema */.bl(SCHEMAS[name], { target: 'draft-7', io: 'input' }),
            type: 'object',
        },
    }));
}
function isToolName(name) {
    return TOOL_NAMES.includes(name);
}
function parseGitIntegration(args) {
    return parseArguments('orchestrator_git_integration', gitIntegrationInput, args);
}
function parseBoardManager(args) {
    return parseArguments('orchestrator_project_board_manager', boardManagerInput, args);
}
function parseReleaseCoordinator(args) {
    return parseArguments('orchestrator_release_coordinator', releaseCoordinatorInput, args);
}
function parseArguments(tool, schema, args) {
    const result = schema.safeParse(args ?? {});
    if (result.success)
        return result.data;
    const problems = result.error.issues.map((issue) => describeIssue(tool, issue, args));
    throw new errors/* OrchestratorGitError */.Xw('CONFIG_INVALID', `${tool}: ${problems.map((problem) => problem.message).join('; ')}.`, problems.map((problem) => problem.fix).join(' '));
}
function describeIssue(tool, issue, args) {
    const name = issue.path.map(String).join('.') || 'arguments';
    const given = valueAt(args, issue.path);
    switch (issue.code) {
        case 'unrecognized_keys': {
            const known = Object.keys(shapeAt(tool, issue.path));
            const unknown = issue.keys.map((key) => {
                const suggestion = (0,values/* suggestKey */.Ax)(key, known);
                return `${(0,errors/* quote */.hD)(issue.path.length ? `${name}.${key}` : key)}${suggestion ? ` (did you mean ${(0,errors/* quote */.hD)(suggestion)}?)` : ''}`;
            });
            return {
                message: `unknown parameter ${unknown.join(', ')}`,
                fix: `The parameters${issue.path.length ? ` of ${name}` : ''} are ${known.join(', ')}.`,
            };
        }
        case 'invalid_value':
            return {
                message: `${name} ${(0,errors/* quote */.hD)(given)} is not one of ${issue.values.map(String).join(', ')}`,
                fix: `Set ${name} to one of ${issue.values.map(String).join(', ')}.`,
            };
        case 'invalid_type':
            return given === undefined
                ? {
                    message: `${name} is missing`,
                    fix: `Give ${name}${name === 'action' ? `: one of ${ACTIONS[tool].join(', ')}` : ''}.`,
                }
                : {
                    message: `${name} is ${describeValue(given)}, not ${article(issue.expected)}`,
                    fix: `Give ${name} as ${article(issue.expected)}.`,
                };
        case 'too_small':
            return typeof given === 'string'
                ? { message: `${name} is empty`, fix: `Give ${name} a value, or leave it out.` }
                : { message: `${name} ${(0,errors/* quote */.hD)(JSON.stringify(given))} is too small`, fix: `${issue.message}.` };
        case 'invalid_format':
            return {
                message: `${name} ${(0,errors/* quote */.hD)(given)} is not in the expected form`,
                fix: name.endsWith('due_on') ? 'Write the date as YYYY-MM-DD, e.g. 2026-12-31.' : `${issue.message}.`,
            };
        default:
            return { message: `${name}: ${issue.message}`, fix: 'Correct the parameter (docs/mcp.md lists them).' };
    }
}
function shapeAt(tool, path) {
    let schema = SCHEMAS[tool];
    for (const key of path) {
        const shape = schema instanceof schemas/* ZodObject */.bvH ? schema.shape : {};
        let next = shape[String(key)];
        while (next instanceof schemas/* ZodOptional */.IiU)
            next = next.unwrap();
        if (!next)
            return {};
        schema = next;
    }
    return schema instanceof schemas/* ZodObject */.bvH ? schema.shape : {};
}
function valueAt(args, path) {
    let value = args;
    for (const key of path) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[key];
    }
    return value;
}
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return `the text ${(0,errors/* quote */.hD)(value)}`;
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value} ${(0,errors/* quote */.hD)(String(value))}`;
}
function article(expected) {
    return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

;// CONCATENATED MODULE: ./build/src/mcp/server.js
/**
 * The orchestrator-git MCP server: the seed's three tools over the low-level SDK Server, so that every bad input
 * (including a schema violation) is answered as a tool error with the catalogue's code, message and fix, rather
 * than the SDK's generic validation text. Calls that write the same state file run one at a time; the log goes to
 * the given Logger (stderr in the CLI), never to stdout, which carries the protocol.
 */











const SERVER_NAME = 'orchestrator-git';
/** The package version (a unit test keeps it equal to package.json's). */
const SERVER_VERSION = '0.1.0';
/** Environment variables that hold secrets the server may use: masked in every answer and log line. */
const SECRET_VARIABLES = [
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'GITLAB_TOKEN',
    'BITBUCKET_TOKEN',
    'BITBUCKET_APP_PASSWORD',
    'BITBUCKET_API_TOKEN',
    'INPUT_TOKEN',
];
const MAX_WARNINGS = 20;
function createOrchestratorMcpServer(options) {
    const redactor = new Redactor();
    if (typeof options.settings.token === 'string')
        redactor.add(options.settings.token);
    for (const name of SECRET_VARIABLES)
        redactor.add(options.env[name]);
    const log = redactingLogger(options.log, redactor);
    const capabilities = withCapabilities(options.capabilities);
    const queue = new CallQueue();
    let calls = 0;
    const server = new esm_server/* Server */.g({ name: SERVER_NAME, version: SERVER_VERSION, title: 'orchestrator-git' }, {
        capabilities: { tools: {} },
        instructions: "Keeps GitHub, GitLab or Bitbucket issues, project boards and releases in step with the MCP Task Orchestrator's plan. Name items by task_id or feature_id; the orchestrator owns each issue's title, status labels, milestone and state, and each card's column, so change those in the orchestrator and call update_issue or move_card. Releases are planned from the git checkout the server runs in.",
    });
    server.setRequestHandler(types/* ListToolsRequestSchema */.gW, () => ({ tools: toolDefinitions() }));
    server.setRequestHandler(types/* CallToolRequestSchema */.FT, async (request) => {
        const { name } = request.params;
        if (!isToolName(name)) {
            throw new types/* McpError */.Nh(types/* ErrorCode */.O4.InvalidParams, `Unknown tool ${(0,errors/* quote */.hD)(name)}: this server has ${TOOL_NAMES.join(', ')}.`);
        }
        calls += 1;
        const runId = `mcp-${Date.now().toString(36)}-${calls}`;
        return toToolResult(await callTool(name, request.params.arguments, runId), redactor);
    });
    async function callTool(name, args, runId) {
        let parsed;
        try {
            parsed = parseCall(name, args);
        }
        catch (error) {
            const report = failureReport(error);
            log.warning(`${name}: ${report.error?.code}: ${report.error?.message}`);
            return report;
        }
        const inputs = callInputs(options.settings, parsed.args);
        return queue.run(stateKey(inputs, options.cwd), async () => {
            const warnings = [];
            const context = {
                inputs,
                configPath: options.configPath,
                env: options.env,
                cwd: options.cwd,
                log: collectingWarnings(log, warnings),
                runId,
                onSecret: (secret) => redactor.add(secret),
            };
            log.info(`── ${name} ${parsed.args.action} (${runId})`);
            let report;
            try {
                report = await parsed.run(context);
            }
            catch (error) {
                report = failureReport(error, { action: parsed.args.action });
            }
            if (report.error)
                log.error(`${name} ${parsed.args.action}: ${report.error.code}: ${report.error.message}`);
            return withWarnings(report, warnings);
        });
    }
    function parseCall(name, args) {
        switch (name) {
            case 'orchestrator_git_integration': {
                const parsed = parseGitIntegration(args);
                return { args: parsed, run: (context) => runGitIntegration(parsed, context, capabilities) };
            }
            case 'orchestrator_project_board_manager': {
                const parsed = parseBoardManager(args);
                return { args: parsed, run: (context) => runBoardManager(parsed, context, capabilities) };
            }
            case 'orchestrator_release_coordinator': {
                const parsed = parseReleaseCoordinator(args);
                return { args: parsed, run: (context) => runReleaseCoordinator(parsed, context, capabilities) };
            }
        }
    }
    return server;
}
/**
 * Serves on stdin/stdout until the client closes stdin, answering first every request already received. Anything a
 * dependency prints with console.log goes to stderr, so it cannot corrupt the protocol.
 */
async function serveStdio(options, streams = {
    stdin: process.stdin,
    stdout: process.stdout,
}) {
    console.log = console.error;
    console.info = console.error;
    const server = createOrchestratorMcpServer(options);
    const transport = new stdio/* StdioServerTransport */.S(streams.stdin, streams.stdout);
    const closed = new Promise((resolve) => {
        server.onclose = resolve;
    });
    let answered = () => Promise.resolve();
    streams.stdin.once('end', () => {
        void answered().then(() => server.close());
    });
    await server.connect(transport);
    answered = trackRequests(transport);
    options.log.info(`orchestrator-git MCP server on stdio: ${TOOL_NAMES.join(', ')}.`);
    await closed;
}
/** Counts the requests a transport received and not yet answered; the function resolves when none is left. */
function trackRequests(transport) {
    const pending = new Set();
    let settled = null;
    const receive = transport.onmessage;
    transport.onmessage = (message, extra) => {
        if ('method' in message && 'id' in message)
            pending.add(message.id);
        receive?.(message, extra);
    };
    const send = transport.send.bind(transport);
    transport.send = async (message, sendOptions) => {
        await send(message, sendOptions);
        if (!('method' in message) && 'id' in message && message.id !== undefined) {
            pending.delete(message.id);
            if (pending.size === 0)
                settled?.();
        }
    };
    return () => pending.size === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            settled = resolve;
        });
}
function redactingLogger(log, redactor) {
    return {
        info: (message) => log.info(redactor.redact(message)),
        warning: (message) => log.warning(redactor.redact(message)),
        error: (message) => log.error(redactor.redact(message)),
        debug: (message) => log.debug(redactor.redact(message)),
        group: (name, body) => log.group(redactor.redact(name), body),
    };
}
function collectingWarnings(log, warnings) {
    return {
        ...log,
        warning: (message) => {
            warnings.push(message);
            log.warning(message);
        },
    };
}
/** The run's warnings (a milestone left as it is, a state file oddity) go back to the caller too. */
function withWarnings(report, warnings) {
    if (warnings.length === 0)
        return report;
    const kept = warnings.slice(0, MAX_WARNINGS);
    if (warnings.length > MAX_WARNINGS)
        kept.push(`… and ${warnings.length - MAX_WARNINGS} more (see the server's log)`);
    return {
        ...report,
        // The state file's own oddities are said on every call: in the data and the log, not in the text.
        summary: [
            report.summary,
            ...kept
                .filter((warning) => !warning.startsWith('State: '))
                .slice(0, 5)
                .map((warning) => `Warning: ${warning}`),
        ].join('\n'),
        data: { ...report.data, warnings: kept },
    };
}


/***/ })

};
