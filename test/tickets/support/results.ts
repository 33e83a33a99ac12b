// Small ScanResults written by code for the ticket tests: findings on files and on a host.
import {writeFileSync} from 'node:fs'
import type {Finding, ScanResult, Severity} from '../../../src/model.js'

const RULES: Record<string, [string, Severity]> = {
  'office.legacy-word-binary': ['Word 97-2003 binary document', 'medium'],
  'office.legacy-excel-binary': ['Excel 97-2003 binary workbook', 'medium'],
  'office.vba-macros': ['Document with a VBA project', 'high'],
  'eos.flash-player': ['Adobe Flash Player (end of life 2020-12-31)', 'critical'],
}

/** A finding of a known rule on a file (relative path) or, with `host:NAME`, on a host. */
export function finding(ruleId: string, subject: string, extra: Record<string, unknown> = {}): Finding {
  const [title, severity] = RULES[ruleId]!
  const s: Finding['subject'] = subject.startsWith('host:')
    ? {kind: 'software', host: subject.slice(5), name: 'Adobe Flash Player 32 NPAPI', version: '32.0.0.465', source: {file: 'inv.csv', reader: 'powershell-uninstall-csv', line: 2}}
    : {kind: 'artifact', path: `/srv/share/${subject}`, relativePath: subject, format: subject.split('.').pop()!}
  return {
    ruleId, title, severity, subject: s, message: `${subject}: ${title}`, evidence: [],
    bridge: {summary: 'Convert with LibreOffice', steps: [], commands: [`soffice --headless --convert-to odt '${subject}'`], tools: []},
    compliance: [], fingerprint: `${ruleId}-${subject}`, ...extra,
  } as Finding
}

/** Write a ScanResult holding these findings; returns the file path. */
export function writeResult(file: string, findings: Finding[]): string {
  const result: ScanResult = {
    schemaVersion: '1', tool: {name: 'passerelle', version: '0.1.0'}, rules: {count: 4, digest: 'x'},
    scope: {roots: ['/srv/share'], inventories: [], startedAt: '2026-11-28T00:00:00.000Z', finishedAt: '2026-11-28T00:01:00.000Z'},
    summary: {artifacts: findings.length, software: 0, findings: findings.length, bySeverity: {}, byFormat: {}, byFeature: {}, errors: 0},
    findings, errors: [],
  }
  writeFileSync(file, JSON.stringify(result))
  return file
}
