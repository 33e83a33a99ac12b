// Done-when of the rule library, on the real corpus: every document whose format is proprietary or that
// carries a friction feature gets a finding with a bridge, and so does every legacy proprietary product
// in the inventory exports. It runs the whole chain (identify, probes, readers, rules), so it is also
// the check to re-run when identification, probes or readers change.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readInventory} from '../../src/inventory/read.js'
import type {Software} from '../../src/model.js'
import {RuleIndex} from '../../src/rules/rule-index.js'
import {loadAllRules} from '../../src/services/rules.js'
import {scan} from '../../src/services/scan.js'
import {CORPUS, CORPUS_SKIP_REASON, HAS_CORPUS} from '../support/paths.js'

/** Open formats that need no finding unless a feature says otherwise. */
const OPEN = new Set(['odt', 'ods', 'odp', 'odg', 'pdf', 'csv', 'txt', 'xcf', 'png', 'jpeg', 'gif', 'svg', 'html', 'xml'])
/** Features that are not frictions (a PDF/A claim; a wrong extension is reported by identify, not by rules). */
const NOT_FRICTION = new Set(['pdfa', 'misnamed'])
/** Installed products that are legacy and proprietary: each row naming one must draw a finding. */
const LEGACY = /\b(microsoft office (?!.*\b(mui|proof|proofing|shared|setup|language|service pack|update)\b).*\b(2007|2010|2013|2016|2019)\b|sql server (2000|2005|2008|2012|2014)\b|^(?:microsoft )?windows xp|flash player|shockwave player|silverlight|internet explorer|\.net framework (1\.1|2\.0|3\.0|4( client profile| extended)?$)|exchange server (2010|2013|2016|2019))/i

function manifest(dir: string): string[][] {
  return readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
}

describe.skipIf(!HAS_CORPUS)('the rule library on the document corpus', () => {
  it('gives every proprietary or friction-bearing document a finding with a bridge', async () => {
    const root = path.join(CORPUS, 'documents')
    const result = await scan({roots: [root], inventories: [], rulePaths: [], noConfig: true})
    const bridged = new Set(result.findings.filter((f) => f.subject.kind === 'artifact' && f.bridge.summary).map((f) => (f.subject as {relativePath: string}).relativePath))
    const due = manifest(root).filter(([, format, features]) => {
      const frictions = (features ?? '').split(',').map((f) => f.replace(/\?$/, '')).filter((f) => f && !NOT_FRICTION.has(f))
      return !OPEN.has(format!) || frictions.length > 0
    })
    expect(due.length).toBeGreaterThan(300)
    expect(due.filter(([p]) => !bridged.has(p!)).map(([p, format, features]) => `${p} (${format}; ${features})`)).toEqual([])
  }, 120_000)
})

describe.skipIf(!HAS_CORPUS)('the rule library on the inventory corpus', async () => {
  const index = new RuleIndex(await loadAllRules())
  const dir = path.join(CORPUS, 'inventories')
  for (const [file] of HAS_CORPUS ? manifest(dir) : []) {
    it(`finds the legacy proprietary products in ${file}`, async (ctx) => {
      const rows: Software[] = []
      try {
        for await (const s of readInventory(path.join(dir, file!), () => {})) rows.push(s)
      } catch (e) {
        // a format no reader handles yet is the readers' gap, reported by their tests; say so here
        if ((e as {code?: string}).code === 'unknown-inventory') return ctx.skip(`no reader for ${file} yet`)
        throw e
      }
      const legacy = rows.filter((s) => LEGACY.test(s.name) && s.kind !== 'component')
      const missed = legacy.filter((s) => index.match({kind: 'software', software: s}).every((m) => !m.rule.bridge.summary))
      expect(missed.map((s) => `${s.host}: ${s.name} ${s.version ?? ''}`)).toEqual([])
    })
  }
})

if (!HAS_CORPUS) console.warn(CORPUS_SKIP_REASON)
