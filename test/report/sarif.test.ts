// SARIF: valid against the OASIS schema, within GitHub's limits, and with fingerprints that do not
// depend on where the share is mounted (DESIGN.md contract 6).
import {cpSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import os from 'node:os'
import {gzipSync} from 'node:zlib'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {GITHUB_LIMITS, renderSarif} from '../../src/report/sarif.js'
import {applySuppressions} from '../../src/report/suppress.js'
import {scan} from '../../src/services/scan.js'
import {CORPUS, HAS_CORPUS} from '../support/paths.js'
import {sampleResult} from '../support/sample.js'
import {sarifErrors} from '../support/sarif.js'

type Log = {runs: {tool: {driver: {rules: Record<string, any>[]}}; results: Record<string, any>[]; originalUriBaseIds: Record<string, {uri: string}>}[]}

/** GitHub code scanning's requirements and limits, as the reference lists them. */
function githubProblems(log: Log): string[] {
  const problems: string[] = []
  const run = log.runs[0]!
  if (run.results.length > GITHUB_LIMITS.results) problems.push(`${run.results.length} results`)
  for (const r of run.tool.driver.rules) {
    if (!r.shortDescription?.text || r.shortDescription.text.length > 1024) problems.push(`${r.id}: shortDescription`)
    if (!r.fullDescription?.text || r.fullDescription.text.length > 1024) problems.push(`${r.id}: fullDescription`)
    if (!r.help?.text) problems.push(`${r.id}: help`)
    if ((r.properties?.tags ?? []).length > GITHUB_LIMITS.tags) problems.push(`${r.id}: tags`)
  }
  for (const r of run.results) {
    const loc = r.locations?.[0]?.physicalLocation
    if (!loc?.artifactLocation?.uri && loc?.artifactLocation?.uri !== '') problems.push(`${r.ruleId}: no uri`)
    if (!loc?.region?.startLine) problems.push(`${r.ruleId}: no region`)
    if (r.kind === 'fail' && !/^[0-9a-f]{64}:1$/.test(r.partialFingerprints?.primaryLocationLineHash ?? '')) problems.push(`${r.ruleId}: no primaryLocationLineHash`)
  }
  return problems
}

describe('renderSarif', () => {
  it('gives a schema-valid log for the sample estate, within GitHub limits', async () => {
    const log = JSON.parse(renderSarif(await sampleResult())) as Log
    expect(sarifErrors(log)).toEqual([])
    expect(githubProblems(log)).toEqual([])
    const run = log.runs[0]!
    const word = run.results.find((r) => r.ruleId === 'office.legacy-word-binary' && r.locations[0].physicalLocation.artifactLocation.uri === 'letters/letter-to-mayor.doc')!
    expect(word.locations[0].physicalLocation).toMatchObject({artifactLocation: {uriBaseId: 'ROOT0'}, region: {startLine: 1}})
    expect(run.originalUriBaseIds.ROOT0!.uri).toMatch(/^file:\/\/\/.*\/share\/$/)
  })

  it('locates a software finding on its export line, with host and package as a logical location', async () => {
    const result = await sampleResult()
    const flash = result.findings.find((f) => f.ruleId === 'eos.flash-player')!
    const log = JSON.parse(renderSarif(result)) as Log
    const r = log.runs[0]!.results.find((x) => x.ruleId === 'eos.flash-player')!
    expect(flash.subject.kind === 'software' && flash.subject.source.line).toBeGreaterThan(1)
    expect(r.locations[0].physicalLocation).toMatchObject({artifactLocation: {uri: 'installed_programs.csv', uriBaseId: 'INVENTORY0'}, region: {startLine: flash.subject.kind === 'software' ? flash.subject.source.line : 0}})
    expect(r.locations[0].logicalLocations[0]).toMatchObject({kind: 'module', fullyQualifiedName: expect.stringMatching(/^host:PC-FIN-01\/.*Flash Player.*@32\.0\.0\.465$/)})
    expect(r.partialFingerprints).toEqual({'passerelle/v1': flash.fingerprint, primaryLocationLineHash: `${flash.fingerprint}:1`})
  })

  it('emits pass results for rules that checked subjects and found nothing, and suppressions for waived findings', async () => {
    const result = await sampleResult()
    const entries = [{source: 'ignore.yaml:2', rule: 'eos.flash-player', reason: 'kiosk PC, offline', status: 'active' as const, matched: 0}]
    const {findings, register} = applySuppressions(result.findings, entries)
    const log = JSON.parse(renderSarif({...result, findings, suppressions: register, catalogue: [...result.catalogue!, {...result.catalogue![0]!, id: 'test.never-matches', checked: 16}]})) as Log
    expect(sarifErrors(log)).toEqual([])
    const results = log.runs[0]!.results
    expect(results.find((r) => r.ruleId === 'test.never-matches')).toMatchObject({kind: 'pass', level: 'none'})
    expect(results.find((r) => r.ruleId === 'eos.flash-player')!.suppressions).toEqual([expect.objectContaining({kind: 'external', status: 'accepted', justification: 'kiosk PC, offline'})])
    expect(results.find((r) => r.ruleId === 'eos.office-2010')!.suppressions).toEqual([])
  })
})

describe.skipIf(!HAS_CORPUS)('SARIF of the document corpus with one inventory', () => {
  const documents = path.join(CORPUS, 'documents')
  const inventoryDir = path.join(CORPUS, 'inventories/powershell-csv')
  const inventory = HAS_CORPUS ? path.join(inventoryDir, readdirSync(inventoryDir).find((f) => f.endsWith('.csv'))!) : ''

  it('validates against the schema, stays within GitHub limits, and keeps its fingerprints when the files move', async () => {
    const here = await scan({roots: [documents], inventories: [inventory], rulePaths: []})
    const text = renderSarif(here)
    const log = JSON.parse(text) as Log
    expect(sarifErrors(log)).toEqual([])
    expect(gzipSync(text).length).toBeLessThan(10 * 1024 * 1024)
    expect(githubProblems(log)).toEqual([])
    expect(log.runs[0]!.results.filter((r) => r.kind === 'fail').length).toBe(here.findings.length)
    expect(here.findings.length).toBeGreaterThan(50)

    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'passerelle-moved-'))
    try {
      cpSync(documents, path.join(elsewhere, 'share'), {recursive: true})
      // same file name: an export without a host column names its host after the file
      const movedInventory = path.join(elsewhere, path.basename(inventory))
      cpSync(inventory, movedInventory)
      const there = await scan({roots: [path.join(elsewhere, 'share')], inventories: [movedInventory], rulePaths: []})
      const moved = JSON.parse(renderSarif(there)) as Log
      const prints = (l: Log) => l.runs[0]!.results.filter((r) => r.kind === 'fail').map((r) => r.partialFingerprints.primaryLocationLineHash as string).sort()
      expect(prints(moved)).toEqual(prints(log))
      expect(new Set(prints(log)).size).toBe(prints(log).length)
      expect(moved.runs[0]!.originalUriBaseIds.ROOT0!.uri).not.toBe(log.runs[0]!.originalUriBaseIds.ROOT0!.uri)
    } finally {
      rmSync(elsewhere, {recursive: true, force: true})
    }
  })
})
