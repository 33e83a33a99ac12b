// The few OOXML parts whose content (not just presence) matters: Word settings and body (change
// tracking, protection, mail merge, DDE fields), workbook and sheet protection, external links.
import {elements, firstElement, isTrue, texts} from '../containers/xml.js'
import {addFeature} from './probe.js'
import type {PartReader} from './package.js'
import {xlsbProtection, xlsbRecords} from './xlsb.js'

const MAX_SHEET = 8 * 1024 * 1024
const MAX_SHEETS = 200
// A DDE or DDEAUTO field instruction, and INCLUDEPICTURE/INCLUDETEXT fields that fetch remote content.
const DDE = /^\s*DDE(AUTO)?\b/i
const REMOTE_INCLUDE = /^\s*INCLUDE(PICTURE|TEXT)\s+"?((?:https?|ftp):\/\/|\\\\)/i

/** Read the parts that need reading and add their features. */
export async function ooxmlContent(r: PartReader, _targets: string[]): Promise<void> {
  if (r.names.includes('word/document.xml') || r.names.some((n) => /^word\/document\d*\.xml$/.test(n))) await word(r)
  if (r.names.some((n) => /^xl\/workbook\d*\.xml$/.test(n))) await excel(r)
  if (r.names.includes('xl/workbook.bin')) await xlsbProtection(r)
  await externalLinks(r)
}

async function word(r: PartReader) {
  const f = r.features
  const settings = (await r.text('word/settings.xml', 4 * 1024 * 1024)) ?? ''
  const track = firstElement(settings, 'trackRevisions')
  if (track && (track.attributes.val === undefined || isTrue(track.attributes.val))) addFeature(f, 'track-revisions-on', 'w:trackRevisions in word/settings.xml')
  const protection = firstElement(settings, 'documentProtection')
  if (protection && isTrue(protection.attributes.enforcement)) addFeature(f, 'document-protection', `w:documentProtection edit=${protection.attributes.edit ?? '?'} enforced`)
  if (firstElement(settings, 'mailMerge')) addFeature(f, 'mail-merge', 'w:mailMerge in word/settings.xml')
  const parts = r.names.filter((n) => /^word\/(document\d*|header\d+|footer\d+|footnotes|endnotes)\.xml$/.test(n))
  for (const part of parts) {
    const xml = await r.text(part, MAX_SHEET)
    if (!xml) continue
    const change = /<w:(ins|del|moveFrom|moveTo)\b[^>]*>/.exec(xml)
    if (change) addFeature(f, 'tracked-changes', `revision mark <w:${change[1]}> in ${part}`)
    // Field instructions can be split across runs: join the instrText of the part before matching.
    const instructions = [...texts(xml, 'instrText').join('').split(/(?=\b(?:DDE|DDEAUTO|INCLUDEPICTURE|INCLUDETEXT)\b)/), ...[...elements(xml, new Set(['fldSimple']))].map((e) => e.attributes.instr ?? '')]
    for (const ins of instructions) {
      if (DDE.test(ins)) addFeature(f, 'dde', `field ${ins.trim().slice(0, 100)} in ${part}`)
      if (REMOTE_INCLUDE.test(ins)) addFeature(f, 'external-links', `field ${ins.trim().slice(0, 100)} in ${part}`)
    }
  }
}

async function excel(r: PartReader) {
  const f = r.features
  const workbook = (await r.text('xl/workbook.xml', 4 * 1024 * 1024)) ?? ''
  const wp = firstElement(workbook, 'workbookProtection')
  if (wp && (isTrue(wp.attributes.lockStructure) || isTrue(wp.attributes.lockWindows))) addFeature(f, 'workbook-protection', `workbookProtection${isTrue(wp.attributes.lockStructure) ? ' lockStructure' : ''}${isTrue(wp.attributes.lockWindows) ? ' lockWindows' : ''}`)
  for (const sheet of r.names.filter((n) => /^xl\/(worksheets|dialogsheets)\/[^/]+\.xml$/.test(n)).slice(0, MAX_SHEETS)) {
    const xml = await r.text(sheet, MAX_SHEET)
    if (!xml) continue
    const at = xml.lastIndexOf('<sheetProtection')
    const sp = at >= 0 ? firstElement(xml.slice(at, at + 4096), 'sheetProtection') : undefined
    if (!sp) continue
    // Any sheetProtection element carries protection settings that LibreOffice imports; say whether
    // Excel enforces it (sheet="1") and whether a password hash is set.
    const password = Boolean(sp.attributes.password || sp.attributes.hashValue)
    const enforced = isTrue(sp.attributes.sheet) ? 'enforced' : 'settings only (sheet not locked)'
    addFeature(f, password ? 'password-protected-sheet' : 'protected-sheet', `sheetProtection in ${sheet}, ${enforced}${password ? ', with a password hash' : ''}`)
  }
}

async function externalLinks(r: PartReader) {
  const f = r.features
  for (const part of r.names.filter((n) => /^xl\/externalLinks\/externalLink\d*\.(xml|bin)$/i.test(n)).slice(0, 500)) {
    const bytes = await r.bytes(part, 4 * 1024 * 1024)
    if (!bytes) continue
    if (part.endsWith('.bin')) {
      const sbt = supBookType(bytes)
      if (sbt === 1) addFeature(f, 'dde', `DDE link (BrtBeginSupBook) in ${part}`)
      else if (sbt === 0 || sbt === 2) addFeature(f, 'external-links', `${sbt === 0 ? 'external workbook' : 'OLE link'} in ${part}`)
      continue
    }
    const xml = bytes.toString('utf8')
    const dde = firstElement(xml, 'ddeLink')
    if (dde) addFeature(f, 'dde', `ddeLink ${dde.attributes.ddeService ?? ''}|${dde.attributes.ddeTopic ?? ''} in ${part}`)
    else if (firstElement(xml, 'externalBook') || firstElement(xml, 'oleLink')) addFeature(f, 'external-links', `external reference in ${part}`)
  }
}

// [MS-XLSB] BrtBeginSupBook (360) opens an external reference: its first field is the link type.
function supBookType(b: Buffer): number | undefined {
  for (const rec of xlsbRecords(b)) if (rec.type === 360 && rec.data.length >= 2) return rec.data.readUInt16LE(0)
  return undefined
}
