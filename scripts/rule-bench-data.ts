// Generated rules and subjects for the rule-matching benchmark (npm run bench:rules) and its test.
// Deterministic (seeded), so runs compare like with like.
import {caseSubject} from '../src/rules/cases.js'
import type {LoadedRule} from '../src/rules/load.js'
import type {MatchSubject} from '../src/rules/match.js'
import {Rule} from '../src/model.js'

const FORMATS = 'doc dot xls xlt xla xlsb ppt pps pot docx docm dotx dotm xlsx xlsm xltx xltm xlam pptx pptm potx ppsx vsd vsdx pub mpp msg pst one mdb accdb rtf odt ods odp odg pdf psd psb ai indd idml swf xps wpd wk1 wps hwp dwg cdr qxp png jpeg txt csv html zip'.split(' ')
const FEATURES = 'vba-macros vba-autoexec xlm-macros activex form-controls encrypted default-password irm ole-embedded external-links attached-template dde data-connections pivot-tables smartart xfa pdf-javascript acroform attachments launch-action pdfa digital-signature strict-ooxml tracked-changes'.split(' ')
const FONTS = 'Calibri Cambria Arial Times New Roman Courier New Aptos Segoe UI Georgia Tahoma Verdana'.split(' ')
const WORDS = 'contoso fabrikam northwind tailspin adatum litware proseware wingtip woodgrove fourth coffee alpine humongous lucerne margie trey wide world'.split(' ')

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

/** n rules: formats, features, fonts, product ids, name regexes, and a few that cannot be indexed. */
export function generateRules(n: number, seed = 1): LoadedRule[] {
  const r = random(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!
  const out: LoadedRule[] = []
  for (let i = 0; i < n; i++) {
    const kind = i % 50 === 49 ? 'loose' : pick(['format', 'feature', 'font', 'product', 'name', 'name'])
    const word = `${pick(WORDS)}${i}`
    const match =
      kind === 'format' ? {all: [{field: 'format', op: 'in', value: [pick(FORMATS), pick(FORMATS)]}, {field: 'size', op: 'gt', value: Math.floor(r() * 1000)}]}
      : kind === 'feature' ? {all: [{field: 'features', op: 'contains', value: pick(FEATURES)}, {field: 'format', op: 'not-in', value: [pick(FORMATS)]}]}
      : kind === 'font' ? {field: 'fonts', op: 'contains', value: pick(FONTS)}
      : kind === 'product' ? {all: [{field: 'product', op: 'equals', value: `vendor:${word}`}, {field: 'version', op: 'version', value: '<10'}]}
      : kind === 'name' ? {any: [{field: 'product', op: 'equals', value: `vendor:${word}`}, {field: 'name', op: 'regex', value: `^${word} (suite|server) .*20[01][0-9]`}]}
      : {field: 'size', op: 'gt', value: 1e6 + i}
    const target = ['product', 'name'].includes(kind) ? 'software' : 'artifact'
    out.push({...Rule.parse({id: `bench.r${i}`, title: 't', severity: 'low', target, match, message: 'm', bridge: {summary: 's'}, references: ['generated']}), file: 'generated'})
  }
  return out
}

/** n artifacts and n software rows, some of which hit generated rules. */
export function generateSubjects(n: number, seed = 2): MatchSubject[] {
  const r = random(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!
  const out: MatchSubject[] = []
  for (let i = 0; i < n; i++) {
    const format = pick(FORMATS)
    const features = r() < 0.3 ? [pick(FEATURES)] : []
    const fonts = r() < 0.2 ? [{name: pick(FONTS)}] : []
    out.push(caseSubject({artifact: {path: `share/d${i}/f${i}.${format}`, format, size: Math.floor(r() * 2e6), features, metadata: {fonts}}}))
    const word = `${pick(WORDS)}${Math.floor(r() * 1000)}`
    const name = r() < 0.5 ? `${word} Suite Professional ${2000 + Math.floor(r() * 20)}` : `${pick(WORDS)} helper ${i}`
    out.push(caseSubject({software: {name, version: `${Math.floor(r() * 20)}.0`, product: r() < 0.3 ? `vendor:${word}` : undefined}}))
  }
  return out
}
