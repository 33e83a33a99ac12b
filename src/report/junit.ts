// JUnit XML for CI dashboards (GitLab, Jenkins): one test suite per rule, one failing test case per
// finding and one passing case for a rule that checked subjects and found nothing.
import type {ScanResult} from '../model.js'
import {checkResults, subjectLabel} from './checks.js'

/** Escape text for an XML attribute or element; drops characters XML 1.0 cannot hold. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** Render a result as JUnit XML. */
export function renderJunit(result: ScanResult): string {
  return [...junitChunks(result)].join('')
}

/** JUnit XML in chunks: one per rule, so a rule with a million findings is the largest piece. */
export function* junitChunks(result: ScanResult): Generator<string> {
  const checks = checkResults(result)
  const failures = checks.reduce((n, c) => n + c.open, 0)
  const skipped = checks.reduce((n, c) => n + c.suppressed + (c.status === 'NOT ASSESSED' ? 1 : 0), 0)
  let out = ['<?xml version="1.0" encoding="UTF-8"?>']
  const total = checks.reduce((n, c) => n + Math.max(1, c.findings.length), 0)
  out.push(`<testsuites name="passerelle" tests="${total}" failures="${failures}" skipped="${skipped}" timestamp="${xmlEscape(result.scope.startedAt)}">`)
  for (const c of checks) {
    const n = Math.max(1, c.findings.length)
    out.push(`  <testsuite name="${xmlEscape(c.rule.id)}" tests="${n}" failures="${c.open}" skipped="${c.suppressed + (c.status === 'NOT ASSESSED' ? 1 : 0)}">`)
    if (c.findings.length === 0) {
      const body = c.status === 'NOT ASSESSED' ? `<skipped message="not assessed: no ${c.rule.target === 'artifact' ? 'files' : 'inventory'} scanned"/>` : ''
      out.push(`    <testcase classname="${xmlEscape(c.rule.id)}" name="${xmlEscape(c.rule.title)}">${body}</testcase>`)
    }
    for (const f of c.findings) {
      const body = f.suppression
        ? `<skipped message="${xmlEscape(`suppressed: ${f.suppression.reason}`)}"/>`
        : `<failure type="${f.severity}" message="${xmlEscape(f.message)}">${xmlEscape(`${f.message}\nbridge: ${f.bridge.summary}\n${f.bridge.commands.join('\n')}\nfingerprint: ${f.fingerprint}`)}</failure>`
      out.push(`    <testcase classname="${xmlEscape(c.rule.id)}" name="${xmlEscape(subjectLabel(f))}">${body}</testcase>`)
    }
    out.push('  </testsuite>')
    yield `${out.join('\n')}\n`
    out = []
  }
  out.push('</testsuites>')
  yield `${out.join('\n')}\n`
}
