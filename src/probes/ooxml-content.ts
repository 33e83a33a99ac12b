// The few OOXML parts whose content (not just presence) matters: Word settings and body (change
// tracking, protection, mail merge, DDE fields), workbook and sheet protection, external links.
import {elements, firstElement, isTrue, texts} from '../containers/xml.js'
import {addFeature} from './probe.js'
import {sheetParts, type PartReader} from './package.js'
import {xlsbProtection, xlsbRecords} from './xlsb.js'

const MAX_SHEET = 8 * 1024 * 1024
const MAX_SHEETS = 200
// A DDE or DDEAUTO field instruction, and INCLUDEPICTURE/INCLUDETEXT fields that fetch remote content.
const DDE = /^\s*DDE(AUTO)?\b/i
const REMOTE_INCLUDE = /^\s*INCLUDE(PICTURE|TEXT)\s+"?((?:https?|ftp):\/\/|\\\\)/i

const REVISIONS = ['ins', 'del', 'moveFrom', 'moveTo']
// The other revisions Word lists to accept or reject: property changes (runs, paragraphs, sections, tables,
// rows, cells, numbering), cell insertions/deletions/merges and content-control insertions/deletions. Found
// from three rare tokens, one pass each, instead of one pass per element name.
const OTHER_REVISIONS = new Set(['rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'tblPrExChange', 'tblGridChange', 'trPrChange', 'tcPrChange', 'numberingChange', 'cellIns', 'cellDel', 'cellMerge', 'customXmlInsRangeStart', 'customXmlDelRangeStart', 'customXmlMoveFromRangeStart', 'customXmlMoveToRangeStart'])
function otherRevision(bytes: Buffer): string | undefined {
  for (const token of ['Change', '<w:cell', 'RangeStart']) {
    for (let i = bytes.indexOf(token); i >= 0; i = bytes.indexOf(token, i + 1)) {
      const start = bytes.lastIndexOf('<w:', i + 2)
      if (start < 0 || i - start > 40) continue
      let end = start + 3
      while (end < bytes.length && /[A-Za-z]/.test(String.fromCharCode(bytes[end]!))) end++
      const name = bytes.toString('latin1', start + 3, end)
      if (OTHER_REVISIONS.has(name)) return name
    }
  }
  return undefined
}

// The first start tag `<w:name` in the bytes among the names (not `<w:insText`: the next byte must end
// the name), or undefined.
function firstTag(bytes: Buffer, names: string[]): string | undefined {
  let best: string | undefined
  let bestAt = Infinity
  for (const name of names) {
    const tag = `<w:${name}`
    for (let i = bytes.indexOf(tag); i >= 0 && i < bestAt; i = bytes.indexOf(tag, i + 1)) {
      const next = bytes[i + tag.length]
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
        best = name
        bestAt = i
        break
      }
    }
  }
  return best
}

// Offset of the last occurrence of a name that is not a closing tag's (`</x:name`), or -1.
function lastStartTag(bytes: Buffer, name: string): number {
  let at = bytes.lastIndexOf(name)
  while (at > 0) {
    let i = at - 1
    if (bytes[i] === 0x3a) while (i > 0 && bytes[i] !== 0x3c && bytes[i] !== 0x2f && bytes[i] !== 0x20) i-- // a prefix
    if (bytes[i] === 0x3c) return at
    at = bytes.lastIndexOf(name, at - 1)
  }
  return -1
}

/** Read the parts that need reading and add their features. `main`: the officeDocument part, which names
 * the folder of a workbook's sheets (xl/ by convention, but any folder is valid). */
export async function ooxmlContent(r: PartReader, main: string | undefined): Promise<void> {
  if (r.names.includes('word/document.xml') || r.names.some((n) => /^word\/document\d*\.xml$/.test(n))) await word(r)
  const book = main && /(^|\/)workbook\d*\.(xml|bin)$/.test(main) && r.names.includes(main) ? main : r.names.find((n) => /^xl\/workbook\d*\.(xml|bin)$/.test(n))
  if (book?.endsWith('.xml')) await excel(r, book)
  if (book?.endsWith('.bin')) await xlsbProtection(r, book)
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
  const parts = r.names.filter((n) => /^word\/(document\d*|header\d+|footer\d+|footnotes|endnotes|styles)\.xml$/.test(n))
  for (const part of parts) {
    // Bodies can be megabytes: look for the few tags that matter in the bytes, and decode text only
    // when a field is there.
    const bytes = await r.bytes(part, MAX_SHEET)
    if (!bytes) continue
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe
    const change = utf16 ? new RegExp(`<w:(${[...REVISIONS, ...OTHER_REVISIONS].join('|')})\\b[^>]*>`).exec(bytes.toString('utf16le'))?.[1] : (firstTag(bytes, REVISIONS) ?? otherRevision(bytes))
    if (change) addFeature(f, 'tracked-changes', `revision mark <w:${change}> in ${part}`)
    if (!utf16 && bytes.indexOf('instrText') < 0 && bytes.indexOf('fldSimple') < 0) continue
    const xml = utf16 ? bytes.toString('utf16le') : bytes.toString('utf8')
    // Field instructions can be split across runs: join the instrText of the part before matching.
    const instructions = [...texts(xml, 'instrText').join('').split(/(?=\b(?:DDE|DDEAUTO|INCLUDEPICTURE|INCLUDETEXT|LINK)\b)/), ...[...elements(xml, new Set(['fldSimple']))].map((e) => e.attributes.instr ?? '')]
    for (const ins of instructions) {
      if (DDE.test(ins)) addFeature(f, 'dde', `field ${ins.trim().slice(0, 100)} in ${part}`)
      if (REMOTE_INCLUDE.test(ins)) addFeature(f, 'external-links', `field ${ins.trim().slice(0, 100)} in ${part}`)
      // LINK: a linked OLE object (Paste Special > Paste link) kept up to date from another file.
      if (/^\s*LINK\s/.test(ins)) addFeature(f, 'external-links', `field ${ins.trim().slice(0, 100)} in ${part}`)
    }
  }
}

async function excel(r: PartReader, book: string) {
  const f = r.features
  const workbook = (await r.text(book, 4 * 1024 * 1024)) ?? ''
  const wp = firstElement(workbook, 'workbookProtection')
  if (wp && (isTrue(wp.attributes.lockStructure) || isTrue(wp.attributes.lockWindows))) addFeature(f, 'workbook-protection', `workbookProtection${isTrue(wp.attributes.lockStructure) ? ' lockStructure' : ''}${isTrue(wp.attributes.lockWindows) ? ' lockWindows' : ''}`)
  for (const sheet of sheetParts(r, book, 'worksheets|dialogsheets|chartsheets', 'xml').slice(0, MAX_SHEETS)) {
    const bytes = await r.bytes(sheet, MAX_SHEET)
    if (!bytes) continue
    // sheetProtection follows the cell data: find it in the bytes and decode only the element.
    const xml = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : undefined
    const at = xml ? xml.lastIndexOf('sheetProtection') : lastStartTag(bytes, 'sheetProtection')
    const sp = at >= 0 ? firstElement(xml ? xml.slice(Math.max(0, at - 64), at + 4096) : bytes.subarray(Math.max(0, at - 64), at + 4096).toString('utf8'), 'sheetProtection') : undefined
    if (!sp) continue
    // Any sheetProtection element carries protection settings that LibreOffice imports; say whether
    // Excel enforces it (sheet="1") and whether a password hash is set.
    const password = Boolean(sp.attributes.password || sp.attributes.hashValue)
    // A chart sheet has no sheet attribute: content="1" locks it.
    const enforced = isTrue(sp.attributes.sheet) || (sheet.includes('chartsheets/') && isTrue(sp.attributes.content)) ? 'enforced' : 'settings only (sheet not locked)'
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
