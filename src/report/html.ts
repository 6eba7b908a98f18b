/**
 * The progress report as one self-contained HTML page: inline CSS and hand-drawn inline SVG charts (no chart library
 * fits "no JavaScript, no network request"), readable offline; a Content-Security-Policy forbids any fetch.
 */
import { TASK_STATUSES, type ProgressReport, type StatusCounts } from './progress.js';
import type { TaskStatus } from '../state/types.js';

export const STATUS_COLOURS: Record<TaskStatus, string> = {
  completed: '#2e9d5b',
  in_progress: '#2f6fdb',
  pending: '#a9b4c2',
  blocked: '#e0a100',
  failed: '#d64545',
  cancelled: '#6b5b95',
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function label(status: string): string {
  return status.replace(/_/g, ' ');
}

/** Coordinates with at most one decimal: stable output, small files. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function legend(counts: StatusCounts): string {
  return `<ul class="legend">${TASK_STATUSES.filter((status) => counts[status] > 0)
    .map(
      (status) =>
        `<li><span class="swatch" style="background:${STATUS_COLOURS[status]}"></span>${label(status)} <b>${counts[status]}</b></li>`,
    )
    .join('')}</ul>`;
}

/** Progress by status as a donut: one arc per status (stroke dashes on a circle), the share done in the middle. */
export function statusDonut(counts: StatusCounts): string {
  const total = TASK_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const radius = 70;
  const circumference = 2 * Math.PI * radius;
  let offset = 0;
  const arcs: string[] = [];
  for (const status of TASK_STATUSES) {
    if (counts[status] === 0) continue;
    const length = (counts[status] / total) * circumference;
    arcs.push(
      `<circle cx="100" cy="100" r="${radius}" fill="none" stroke="${STATUS_COLOURS[status]}" stroke-width="34" stroke-dasharray="${n(length)} ${n(circumference - length)}" stroke-dashoffset="${n(-offset)}" transform="rotate(-90 100 100)"><title>${label(status)}: ${counts[status]}</title></circle>`,
    );
    offset += length;
  }
  const active = total - counts.cancelled;
  const share = active === 0 ? 0 : Math.round((counts.completed / active) * 100);
  return `<svg class="chart" viewBox="0 0 200 200" width="220" height="220" role="img" aria-labelledby="donut-title"><title id="donut-title">Tasks by status: ${TASK_STATUSES.filter(
    (status) => counts[status] > 0,
  )
    .map((status) => `${label(status)} ${counts[status]}`)
    .join(
      ', ',
    )}</title>${total === 0 ? `<circle cx="100" cy="100" r="${radius}" fill="none" stroke="#e5e9f0" stroke-width="34"/>` : arcs.join('')}<text x="100" y="98" text-anchor="middle" class="big">${share}%</text><text x="100" y="120" text-anchor="middle" class="small">done</text></svg>`;
}

/** Burn-up: tasks in scope and tasks completed by day, as two lines over a shaded completed area. */
export function burnUpChart(report: ProgressReport): string {
  const points = report.burnUp;
  if (points.length < 2) return '<p class="muted">Not enough dated tasks for a burn-up chart.</p>';
  const width = 640;
  const height = 260;
  const left = 44;
  const right = 16;
  const top = 16;
  const bottom = 36;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...points.map((point) => point.scope));
  const x = (index: number) => left + (index / (points.length - 1)) * plotWidth;
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const line = (pick: (point: (typeof points)[number]) => number) =>
    points.map((point, index) => `${n(x(index))},${n(y(pick(point)))}`).join(' ');
  const ticks = [...new Set([0, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max])];
  const grid = ticks
    .map(
      (tick) =>
        `<line x1="${left}" x2="${width - right}" y1="${n(y(tick))}" y2="${n(y(tick))}" class="grid"/><text x="${left - 6}" y="${n(y(tick) + 4)}" text-anchor="end" class="axis">${tick}</text>`,
    )
    .join('');
  const labels = [0, Math.floor((points.length - 1) / 2), points.length - 1]
    .filter((index, at, all) => all.indexOf(index) === at)
    .map((index) => {
      const anchor = index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle';
      return `<text x="${n(x(index))}" y="${height - 12}" text-anchor="${anchor}" class="axis">${escapeHtml(points[index]?.date ?? '')}</text>`;
    })
    .join('');
  const area = `${n(x(0))},${n(y(0))} ${line((point) => point.completed)} ${n(x(points.length - 1))},${n(y(0))}`;
  const last = points[points.length - 1];
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="burnup-title"><title id="burnup-title">Burn-up from ${escapeHtml(points[0]?.date ?? '')} to ${escapeHtml(last?.date ?? '')}: ${last?.completed ?? 0} of ${last?.scope ?? 0} tasks completed</title>${grid}<polygon points="${area}" fill="${STATUS_COLOURS.completed}" fill-opacity="0.18"/><polyline points="${line((point) => point.scope)}" fill="none" stroke="${STATUS_COLOURS.in_progress}" stroke-width="2.5" stroke-linejoin="round"/><polyline points="${line((point) => point.completed)}" fill="none" stroke="${STATUS_COLOURS.completed}" stroke-width="2.5" stroke-linejoin="round"/><line x1="${left}" x2="${width - right}" y1="${n(y(0))}" y2="${n(y(0))}" class="axisline"/>${labels}</svg><ul class="legend"><li><span class="swatch" style="background:${STATUS_COLOURS.in_progress}"></span>tasks in scope</li><li><span class="swatch" style="background:${STATUS_COLOURS.completed}"></span>completed</li></ul>`;
}

/** Tasks per specialist as horizontal bars, each split by status. */
export function specialistBars(report: ProgressReport): string {
  const rows = report.specialists.slice(0, 30);
  if (rows.length === 0) return '<p class="muted">No tasks.</p>';
  const width = 640;
  const labelWidth = 150;
  const rowHeight = 26;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((row) => row.total));
  const scale = (width - labelWidth - 40) / max;
  const bars = rows
    .map((row, index) => {
      const top = 4 + index * rowHeight;
      let at = labelWidth;
      const segments = TASK_STATUSES.filter((status) => row.byStatus[status] > 0)
        .map((status) => {
          const w = row.byStatus[status] * scale;
          const rect = `<rect x="${n(at)}" y="${top + 3}" width="${n(w)}" height="${rowHeight - 8}" fill="${STATUS_COLOURS[status]}"><title>${escapeHtml(row.name)}: ${label(status)} ${row.byStatus[status]}</title></rect>`;
          at += w;
          return rect;
        })
        .join('');
      const name = row.name.length > 22 ? `${row.name.slice(0, 21)}…` : row.name;
      return `<text x="${labelWidth - 8}" y="${top + rowHeight / 2 + 4}" text-anchor="end" class="axis">${escapeHtml(name)}</text>${segments}<text x="${n(at + 6)}" y="${top + rowHeight / 2 + 4}" class="axis">${row.total}</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="specialist-title"><title id="specialist-title">Tasks per specialist</title>${bars}</svg>`;
}

function link(url: string | null, text: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : '';
}

function progressBar(done: number, total: number): string {
  const share = total === 0 ? 0 : Math.round((done / total) * 100);
  return `<span class="bar"><span style="width:${share}%"></span></span> ${done} of ${total}`;
}

const STYLE = `
:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;background:#f4f6fa;color:#1d2430}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:0 0 12px}
.muted{color:#5b6675}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:12px;margin:20px 0}
.card{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card b{display:block;font-size:24px}
section{background:#fff;border-radius:8px;padding:16px 18px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.row{display:flex;flex-wrap:wrap;align-items:center;gap:24px}
.legend{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:6px 16px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.chart text.big{font-size:30px;font-weight:700;fill:#1d2430}.chart text.small{font-size:13px;fill:#5b6675}
.chart .axis{font-size:11px;fill:#5b6675}.chart .grid{stroke:#e5e9f0}.chart .axisline{stroke:#9aa5b4}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e9f0;vertical-align:top}
th{font-size:13px;color:#5b6675;font-weight:600}td.num,th.num{text-align:right}
.status{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:12px;white-space:nowrap}
.bar{display:inline-block;width:90px;height:8px;background:#e5e9f0;border-radius:4px;vertical-align:middle;overflow:hidden}
.bar span{display:block;height:100%;background:${STATUS_COLOURS.completed}}
.key{color:#5b6675;font-size:12px}
a{color:#2f6fdb}
`;

function statusPill(status: TaskStatus): string {
  return `<span class="status" style="background:${STATUS_COLOURS[status]}">${label(status)}</span>`;
}

export function renderProgressHtml(report: ProgressReport): string {
  const { byStatus, totalTasks } = report;
  const active = totalTasks - byStatus.cancelled;
  const cards = [
    ['tasks', String(totalTasks)],
    ['completed', String(byStatus.completed)],
    ['in progress', String(byStatus.in_progress)],
    ['blocked or failed', String(byStatus.blocked + byStatus.failed)],
    ['done', active === 0 ? '0%' : `${Math.round((byStatus.completed / active) * 100)}%`],
    ['features', String(report.features.length)],
  ]
    .map(([name, value]) => `<div class="card"><b>${value}</b><span class="muted">${name}</span></div>`)
    .join('');
  const features = report.features
    .map(
      (feature) =>
        `<tr><td>${escapeHtml(feature.title)}<div class="key">${escapeHtml(feature.itemKey)}</div></td><td>${escapeHtml(feature.status)}</td><td>${progressBar(feature.completed, feature.tasks)}</td><td>${link(feature.url, 'issue')}</td></tr>`,
    )
    .join('');
  const tasks = report.tasks
    .slice(0, 2000)
    .map(
      (task) =>
        `<tr><td style="padding-left:${8 + Math.min(task.depth, 6) * 18}px">${escapeHtml(task.title)}<div class="key">${escapeHtml(task.itemKey)}</div></td><td>${statusPill(task.status)}</td><td>${escapeHtml(task.specialist ?? '')}</td><td>${link(task.url, 'issue')}</td></tr>`,
    )
    .join('');
  const more =
    report.tasks.length > 2000 ? `<p class="muted">… and ${report.tasks.length - 2000} more.</p>` : '';
  const notes = report.warnings.length
    ? `<section><h2>Notes</h2><ul>${report.warnings
        .slice(0, 200)
        .map((warning) => `<li>${escapeHtml(warning)}</li>`)
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(report.title)}</h1>
<p class="muted">State: ${escapeHtml(report.source)} · generated ${escapeHtml(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
<div class="cards">${cards}</div>
<section><h2>Progress by status</h2><div class="row">${statusDonut(byStatus)}${legend(byStatus)}</div></section>
<section><h2>Burn-up</h2>${burnUpChart(report)}${report.undatedCompleted > 0 ? `<p class="muted">${report.undatedCompleted} completed tasks have no completion time and are not on the chart.</p>` : ''}</section>
<section><h2>By specialist</h2>${specialistBars(report)}${legend(byStatus)}</section>
${features ? `<section><h2>Features</h2><table><thead><tr><th>feature</th><th>status</th><th>tasks completed</th><th>issue</th></tr></thead><tbody>${features}</tbody></table></section>` : ''}
${tasks ? `<section><h2>Tasks</h2><table><thead><tr><th>task</th><th>status</th><th>specialist</th><th>issue</th></tr></thead><tbody>${tasks}</tbody></table>${more}</section>` : ''}
${notes}
</main>
</body>
</html>
`;
}
