// Renderers for `history` and `diff`: a table for people, CSV/JSON for tools, and an offline HTML page
// with the trend drawn as inline SVG for auditors.
import type {RunDiff, StoredRun, TrendPoint} from '../model.js'

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The history as a table: one line per run with its estate metrics. */
export function historyTable(runs: StoredRun[], trend: TrendPoint[]): string {
  if (runs.length === 0) return 'no recorded runs\n'
  const byRun = new Map(trend.map((t) => [t.run, t]))
  const lines = ['run  started              host             status    files  findings  ODF share  macro files']
  for (const r of runs) {
    const t = byRun.get(r.id)
    lines.push([String(r.id).padEnd(4), r.startedAt.slice(0, 19).padEnd(20), r.host.slice(0, 16).padEnd(16), r.status.padEnd(9),
      String(r.artifacts).padStart(5), String(r.findings).padStart(9), (t ? pct(t.odfShare) : '-').padStart(10), String(t?.macroFiles ?? '-').padStart(12)].join(' '))
  }
  const first = trend[0]
  const last = trend.at(-1)
  if (first && last && first !== last) {
    lines.push('', `ODF share of office documents: ${pct(first.odfShare)} → ${pct(last.odfShare)}; macro-enabled files: ${first.macroFiles} → ${last.macroFiles}`)
  }
  return `${lines.join('\n')}\n`
}

/** The trend as CSV (UTF-8 with BOM so Excel reads accents), one row per run. */
export function historyCsv(trend: TrendPoint[]): string {
  const frameworks = [...new Set(trend.flatMap((t) => Object.keys(t.scores)))].sort()
  const head = ['run', 'started_at', 'host', 'label', 'files', 'findings', 'office_documents', 'odf_share', 'macro_files', ...frameworks.map((f) => `score_${f}`)]
  const cell = (v: unknown) => {
    const s = v === undefined ? '' : String(v)
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const rows = trend.map((t) => [t.run, t.startedAt, t.host, t.label, t.artifacts, t.findings, t.officeDocuments, t.odfShare.toFixed(4), t.macroFiles, ...frameworks.map((f) => t.scores[f]?.toFixed(4))].map(cell).join(','))
  return `\ufeff${[head.join(','), ...rows].join('\r\n')}\r\n`
}

function chart(trend: TrendPoint[], value: (t: TrendPoint) => number, max: number, label: string): string {
  const w = 640
  const h = 200
  const pad = 40
  const x = (i: number) => pad + (trend.length === 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (trend.length - 1))
  const y = (v: number) => h - pad - (max === 0 ? 0 : (v / max) * (h - 2 * pad))
  const points = trend.map((t, i) => `${x(i).toFixed(1)},${y(value(t)).toFixed(1)}`).join(' ')
  const dots = trend.map((t, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(value(t)).toFixed(1)}" r="3"><title>run ${t.run}: ${esc(value(t))}</title></circle>`).join('')
  const ticks = trend.map((t, i) => `<text x="${x(i).toFixed(1)}" y="${h - pad + 16}" text-anchor="middle" font-size="10">#${t.run}</text>`).join('')
  return `<figure><figcaption>${esc(label)}</figcaption><svg role="img" aria-label="${esc(label)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#888"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#888"/>` +
    `<text x="${pad - 4}" y="${pad + 4}" text-anchor="end" font-size="10">${esc(max)}</text><polyline fill="none" stroke="#2a6ebb" stroke-width="2" points="${points}"/>${dots}${ticks}</svg></figure>`
}

/** A self-contained HTML page: trend charts (ODF share, macro files, findings) and the run table. */
export function historyHtml(runs: StoredRun[], trend: TrendPoint[]): string {
  const maxFindings = Math.max(1, ...trend.map((t) => t.findings))
  const maxMacro = Math.max(1, ...trend.map((t) => t.macroFiles))
  const rows = trend.map((t) => `<tr><td>${t.run}</td><td>${esc(t.startedAt)}</td><td>${esc(t.host)}</td><td>${esc(t.label ?? '')}</td><td>${t.artifacts}</td><td>${t.findings}</td><td>${pct(t.odfShare)}</td><td>${t.macroFiles}</td></tr>`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Passerelle history</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}figure{margin:1em 0}figcaption{font-weight:bold}</style></head>
<body><h1>Passerelle scan history</h1><p>${runs.length} recorded runs, ${trend.length} complete.</p>
${trend.length ? chart(trend, (t) => Math.round(t.odfShare * 1000) / 10, 100, 'ODF share of office documents (%)') + chart(trend, (t) => t.macroFiles, maxMacro, 'Files with VBA macros') + chart(trend, (t) => t.findings, maxFindings, 'Findings') : '<p>No complete run yet.</p>'}
<table><thead><tr><th>run</th><th>started</th><th>host</th><th>label</th><th>files</th><th>findings</th><th>ODF share</th><th>macro files</th></tr></thead><tbody>${rows}</tbody></table></body></html>\n`
}

/** A diff as text: counts, then the new and fixed findings. */
export function diffTable(d: RunDiff): string {
  const label = (f: RunDiff['new'][number]) => (f.subject.kind === 'artifact' ? f.subject.relativePath : `${f.subject.host}: ${f.subject.name} ${f.subject.version ?? ''}`.trim())
  const lines = [`run ${d.from} → run ${d.to}: ${d.new.length} new, ${d.fixed.length} fixed, ${d.stillOpen.length} still open${d.outOfScope.length ? `, ${d.outOfScope.length} not looked at by run ${d.to}` : ''}`]
  for (const [title, list] of [['new', d.new], ['fixed', d.fixed]] as const) {
    if (list.length === 0) continue
    lines.push('', `${title}:`)
    for (const f of list.slice(0, 50)) lines.push(`  ${f.severity.padEnd(8)} ${f.ruleId}  ${label(f)}`)
    if (list.length > 50) lines.push(`  … and ${list.length - 50} more (use -f json)`)
  }
  return `${lines.join('\n')}\n`
}
