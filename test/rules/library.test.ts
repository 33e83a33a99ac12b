// The bundled library as a whole: size, coverage of the published vocabulary, and honest tool claims.
// Coverage is structural — a subject with only that format (or that feature) must draw a finding — so
// it holds whatever the identifiers and probes of the day detect.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {FORMATS} from '../../src/identify/formats.js'
import {caseSubject} from '../../src/rules/cases.js'
import {BUNDLED_RULES, loadRules} from '../../src/rules/load.js'
import {matchRule} from '../../src/rules/match.js'
import {PROJECT} from '../support/paths.js'

const rules = await loadRules([BUNDLED_RULES])
const hits = (artifact: Record<string, unknown>) => rules.filter((r) => matchRule(r, caseSubject({artifact}))).map((r) => r.id)

/** Formats that say nothing about friction by themselves: generic containers and "we could not tell". */
const NOT_A_FRICTION = new Set(['cfb', 'zip', 'unknown'])
/** The feature vocabulary of DESIGN.md contract 2 (corpus documents README). pdfa is a virtue, misnamed a fact about the name. */
const FEATURES = ['vba-macros', 'vba-no-code', 'vba-autoexec', 'xlm-macros', 'activex', 'form-controls', 'encrypted', 'default-password',
  'requires-password', 'certificate-encryption', 'irm', 'password-protected', 'ole-embedded', 'embedded-objects', 'external-links',
  'attached-template', 'linked-images', 'dde', 'data-connections', 'mail-merge', 'pivot-tables', 'smartart', 'altchunk',
  'embedded-fonts', 'digital-signature', 'strict-ooxml', 'protected-sheet', 'password-protected-sheet', 'workbook-protection',
  'document-protection', 'track-revisions-on', 'tracked-changes', 'odf-macros', 'xfa', 'pdf-javascript', 'acroform', 'attachments',
  'launch-action', 'ai-private-data', 'pre97-binary']
/** Where a feature lives, so the feature is tried on a format that can carry it. */
const CARRIERS = ['docx', 'xlsx', 'pptx', 'doc', 'xls', 'pdf', 'odt', 'pst']

describe('the bundled rule library', () => {
  it('has at least 100 rules, each with a bridge summary and references', () => {
    expect(rules.length).toBeGreaterThanOrEqual(100)
    for (const r of rules) {
      expect(r.bridge.summary.length, r.id).toBeGreaterThan(10)
      expect(r.references.length, r.id).toBeGreaterThan(0)
    }
  })

  it('gives every proprietary or closed format of the registry a rule', () => {
    const uncovered = FORMATS.filter((f) => f.openness !== 'open-standard' && !NOT_A_FRICTION.has(f.id))
      .filter((f) => hits({path: `share/file.${f.extensions[0] ?? f.id}`, format: f.id}).length === 0)
    expect(uncovered.map((f) => f.id)).toEqual([])
  })

  it('gives every friction feature of the vocabulary a rule that the feature itself triggers', () => {
    const uncovered = FEATURES.filter((feature) => !CARRIERS.some((format) => {
      const without = new Set(hits({path: `share/f.${format}`, format}))
      return hits({path: `share/f.${format}`, format, features: [feature]}).some((id) => !without.has(id))
    }))
    expect(uncovered).toEqual([])
  })

  it('gives a metric-compatible pair for the common proprietary fonts, and says Aptos has none', () => {
    const pairFor = (font: string) => rules.find((r) => matchRule(r, caseSubject({artifact: {path: 'a.docx', format: 'docx', metadata: {fonts: [{name: font}]}}})))
    for (const [font, pair] of [['Calibri', 'carlito'], ['Cambria', 'caladea'], ['Arial', 'liberation'], ['Times New Roman', 'liberation'], ['Courier New', 'liberation']]) {
      expect(JSON.stringify(pairFor(font!)?.bridge ?? {}).toLowerCase(), font).toContain(pair)
    }
    expect(pairFor('Aptos')?.bridge.summary).toMatch(/no pair/i)
  })

  it('uses only compliance requirements the bundled frameworks define', () => {
    const dir = path.join(PROJECT, 'frameworks')
    const known = new Set<string>()
    for (const f of ['fr-rgi-v2', 'uk-open-standards-2014', 'iso-26300-29500', 'eif-2017']) {
      const file = path.join(dir, `${f}.json`)
      if (!existsSync(file)) continue
      for (const r of JSON.parse(readFileSync(file, 'utf8')).Requirements as Array<{Id: string}>) known.add(`${f}/${r.Id}`)
    }
    const used = rules.flatMap((r) => r.compliance.map((c) => `${c.framework}/${c.requirement}`))
    expect(used.filter((u) => !known.has(u))).toEqual([])
  })

  const sillFile = path.resolve(PROJECT, '../../shared/data/sill/sill-2022-05.json')
  const sillAlt = path.resolve(PROJECT, '../shared/data/sill/sill-2022-05.json')
  const sill = [sillFile, sillAlt].find((f) => existsSync(f))
  it.skipIf(!sill)('marks sill: true only on tools the SILL lists (by name prefix)', () => {
    const names = (JSON.parse(readFileSync(sill!, 'utf8')) as Array<{i: string}>).map((e) => e.i.toLowerCase())
    const tools = rules.flatMap((r) => r.bridge.tools.filter((t) => t.sill).map((t) => ({rule: r.id, name: t.name.toLowerCase()})))
    const unknown = tools.filter((t) => !names.some((n) => t.name.startsWith(n) || n.startsWith(t.name)))
    expect(unknown).toEqual([])
  })
})
