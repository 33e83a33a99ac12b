// OOXML packages (ECMA-376 Part 2): relationships and part names give most features without reading
// the parts themselves; a few small parts (settings, workbook, sheets, external links) are then read.
import {elements, xmlText} from '../containers/xml.js'
import {addFeature, mergeFeatures} from './probe.js'
import {ooxmlContent} from './ooxml-content.js'
import {ooxmlFonts} from './fonts.js'
import type {PartReader} from './package.js'
import {vbaFeaturesOfBytes} from './vba.js'

const MAX_RELS = 5000
type Rel = {source: string; id: string; type: string; uri: string; target: string; external: boolean}

const isRemote = (t: string) => /^(https?|ftp|file):|^\\\\|^\/\//i.test(t)

// Only external targets and these types make features (or name the main part); most .rels files (a
// slide's layout, images, notes) hold none of them and are not parsed.
const WORTH_PARSING = /TargetMode\s*=\s*["']External|\/(officeDocument|oleObject|package|aFChunk|attachedTemplate|signature|vbaProjectSignature(Agile|V3)?)["']/i

/** The relationships of the package that can matter, with the part that owns them. */
async function relationships(r: PartReader): Promise<Rel[]> {
  const out: Rel[] = []
  for (const name of r.names.filter((n) => n.endsWith('.rels')).slice(0, MAX_RELS)) {
    const xml = await r.text(name, 4 * 1024 * 1024)
    if (!xml || !WORTH_PARSING.test(xml)) continue
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1')
    for (const e of elements(xml, new Set(['Relationship']))) {
      const uri = e.attributes.Type ?? ''
      const type = uri.split('/').pop() ?? ''
      out.push({source, id: e.attributes.Id ?? '', type, uri, target: e.attributes.Target ?? '', external: /^external$/i.test(e.attributes.TargetMode ?? '')})
    }
  }
  return out
}

/** Features and metadata of an OOXML package, added to the reader. */
export async function ooxmlFeatures(r: PartReader): Promise<void> {
  const f = r.features
  const rels = await relationships(r)
  const has = (re: RegExp) => r.names.find((n) => re.test(n))
  const office = rels.find((x) => x.type === 'officeDocument' && x.source === '')
  const types = (await r.text('[Content_Types].xml', 4 * 1024 * 1024)) ?? ''
  const strict = /purl\.oclc\.org\/ooxml/.test(types) || rels.some((x) => x.source === '' && /^http:\/\/purl\.oclc\.org\//.test(x.uri)) // Strict relationship types, even when the main part is too big to read
  r.metadata.ooxmlConformance = 'transitional'
  // The root element's namespaces are in the first bytes: inflate only those (the main part may be megabytes).
  const mainEntry = office ? r.zip.find(office.target.replace(/^\//, '')) : undefined
  const mainHead = mainEntry ? await r.zip.readHead(mainEntry, 4096).catch(() => undefined) : undefined
  const mainXml = mainHead && xmlText(mainHead)
  if (strict || (mainXml && /xmlns(:\w+)?="http:\/\/purl\.oclc\.org\/ooxml\//.test(mainXml))) {
    r.metadata.ooxmlConformance = 'strict'
    addFeature(f, 'strict-ooxml', 'ISO/IEC 29500 Strict namespaces (purl.oclc.org/ooxml)')
  }
  for (const rel of rels) {
    const at = `${rel.source || '/'} -> ${rel.target}`.slice(0, 200)
    const fromChart = /\/charts?\//i.test(rel.source) || /chart/i.test(rel.source)
    if (rel.external) {
      if (rel.type === 'attachedTemplate') addFeature(f, 'attached-template', `attachedTemplate ${isRemote(rel.target) ? 'remote' : 'local'} ${rel.target.slice(0, 160)}`)
      else if (rel.type === 'image') addFeature(f, 'linked-images', `linked picture ${at}`)
      else if (/^(oleObject|externalLinkPath|subDocument|frame|xlExternalLinkPath|externalReference)$/i.test(rel.type) || /^xlPathMissing$/.test(rel.type)) addFeature(f, 'external-links', `${rel.type} ${at}`)
    } else if (rel.type === 'attachedTemplate') addFeature(f, 'attached-template', `attachedTemplate local ${rel.target.slice(0, 160)}`)
    else if ((rel.type === 'oleObject' || rel.type === 'package') && !fromChart) addFeature(f, 'ole-embedded', `${rel.type} relationship ${at}`)
    else if (rel.type === 'aFChunk') addFeature(f, 'altchunk', `altChunk ${at}`)
    // ECMA-376-2 §13: signature parts hang off the signature origin by this relationship, whatever their name.
    else if (rel.type === 'signature') addFeature(f, 'digital-signature', `package signature ${at}`)
    // [MS-OFFCRYPTO] 2.3.2: a signed VBA project keeps its signatures (legacy, agile, V3) beside vbaProject.bin,
    // as the \u0005DigitalSignature streams of a binary file do.
    else if (/^vbaProjectSignature(Agile|V3)?$/.test(rel.type)) addFeature(f, 'digital-signature', `VBA project signature ${at}`)
  }
  const checks: Array<[string, RegExp, string]> = [
    ['activex', /(^|\/)activeX\/activeX\d*\.(xml|bin)$/i, 'ActiveX part'],
    ['form-controls', /(^|\/)ctrlProps\/ctrlProp\d*\.xml$/i, 'form control part'],
    ['xlm-macros', /^xl\/macrosheets\//i, 'Excel 4.0 macro sheet part'],
    ['data-connections', /^xl\/(connections\.(xml|bin)|queryTables\/)/i, 'data connection part'],
    ['pivot-tables', /(^|\/)pivotTables\/pivotTable\d*\.(xml|bin)$/i, 'pivot table part'],
    ['smartart', /(^|\/)diagrams\/data\d*\.xml$/i, 'SmartArt diagram data part'],
    ['embedded-fonts', /^(word|ppt|xl)\/fonts\/[^/]+\.(odttf|fntdata|ttf|otf)$/i, 'embedded font part'],
    ['digital-signature', /^_xmlsignatures\/sig\d*\.xml$/i, 'package signature part'],
    ['tracked-changes', /^xl\/revisions\/revision/i, 'shared-workbook revision log'],
  ]
  for (const [id, re, what] of checks) {
    const part = has(re)
    if (part) addFeature(f, id, `${what} ${part}`)
  }
  if (/macrosheet\+xml|ms-excel\.macrosheet|intlmacrosheet/i.test(types)) addFeature(f, 'xlm-macros', 'macro sheet content type')
  for (const bin of r.names.filter((n) => /(^|\/)vbaProject\.bin$/i.test(n))) {
    const bytes = await r.bytes(bin)
    if (!bytes) {
      addFeature(f, 'vba-macros', `package part ${bin} (not inflated)`)
      continue
    }
    try {
      const vba = await vbaFeaturesOfBytes(bytes, `${bin}: `)
      mergeFeatures(f, vba.features)
      r.warnings.push(...vba.warnings)
    } catch (e) {
      addFeature(f, 'vba-macros', `package part ${bin} (unreadable: ${(e as Error).message})`)
    }
  }
  await programActions(r, rels)
  await ooxmlContent(r, mainEntry?.name)
  await applicationOf(r)
  await ooxmlFonts(r)
}

// PowerPoint action settings that start a program on a click or hover: "Run program" (ppaction://program),
// and "Hyperlink to: Other file" (ppaction://hlinkfile) when that file is an executable. The external
// hyperlink relationship names the program; only slides that have one are read.
const ACTION = /<(?:\w+:)?hlink(?:Click|Hover)\b[^>]*\baction="ppaction:\/\/(program|hlinkfile)"[^>]*>/g
const EXECUTABLE = /\.(exe|com|bat|cmd|vbs|vbe|js|jse|wsf|wsh|ps1|msi|scr|pif|lnk|hta|cpl|jar)(["?#]|$)/i
async function programActions(r: PartReader, rels: Rel[]) {
  const links = rels.filter((x) => x.external && x.type === 'hyperlink' && /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(x.source))
  for (const source of [...new Set(links.map((x) => x.source))].slice(0, 100)) {
    const xml = await r.text(source, 8 * 1024 * 1024)
    if (!xml || !xml.includes('ppaction://')) continue
    for (const m of xml.matchAll(ACTION)) {
      const id = /\br:id="([^"]*)"/.exec(m[0])?.[1]
      const target = links.find((x) => x.source === source && x.id === id)?.target ?? ''
      if (m[1] === 'program' || EXECUTABLE.test(target)) addFeature(r.features, 'launch-action', `PowerPoint action ppaction://${m[1]} on ${source}: ${target.slice(0, 160) || '?'}`)
    }
  }
}

async function applicationOf(r: PartReader) {
  const app = await r.text('docProps/app.xml', 1024 * 1024)
  if (!app) return
  const name = /<(?:\w+:)?Application>([^<]*)</.exec(app)?.[1]?.trim()
  const version = /<(?:\w+:)?AppVersion>([^<]*)</.exec(app)?.[1]?.trim()
  if (name) r.metadata.application = name
  if (version) r.metadata.applicationVersion = version
}
