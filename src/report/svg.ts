// Inline SVG bar charts for the HTML report: no script, no network, readable when printed.
import {htmlEscape} from './escape.js'

/** One bar: a label, a value and a fill colour. */
export type Bar = {label: string; value: number; colour: string}

/** A horizontal bar chart as an SVG element (title for screen readers, values printed beside bars). */
export function barChart(title: string, bars: Bar[], width = 460): string {
  const row = 26
  const labelWidth = 150
  const max = Math.max(1, ...bars.map((b) => b.value))
  const height = Math.max(1, bars.length) * row + 10
  const body = bars.map((b, i) => {
    const y = 5 + i * row
    const w = Math.round(((width - labelWidth - 70) * b.value) / max)
    return `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${htmlEscape(b.label)}</text>`
      + `<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(w, b.value > 0 ? 2 : 0)}" height="${row - 8}" fill="${htmlEscape(b.colour)}" rx="3"/>`
      + `<text x="${labelWidth + w + 6}" y="${y + 17}">${b.value.toLocaleString('en')}</text>`
  }).join('')
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${htmlEscape(title)}"><title>${htmlEscape(title)}</title>${body}</svg>`
}

/** A score gauge: a bar filled to the ratio, with the percentage. */
export function scoreBar(ratio: number | null, width = 220): string {
  const filled = ratio === null ? 0 : Math.round(width * ratio)
  const colour = ratio === null ? '#999' : ratio >= 0.8 ? '#2e7d32' : ratio >= 0.5 ? '#ef8f00' : '#c62828'
  const label = ratio === null ? 'not assessed' : `${Math.round(ratio * 100)} %`
  return `<svg class="score" xmlns="http://www.w3.org/2000/svg" width="${width + 90}" height="22" viewBox="0 0 ${width + 90} 22" role="img" aria-label="score ${label}"><rect x="0" y="3" width="${width}" height="16" fill="#e5e5e5" rx="3"/><rect x="0" y="3" width="${filled}" height="16" fill="${colour}" rx="3"/><text x="${width + 8}" y="16">${label}</text></svg>`
}
