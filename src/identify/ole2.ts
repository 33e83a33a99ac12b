// OLE2 compound files: the application is told by the stream and storage names of the root storage
// ([MS-CFB] gives the layout; each application's spec names its streams), then by the root CLSID,
// then by the CompObj user type. Templates and add-ins are told by flags inside the main stream.
import type {Cfb, CfbEntry} from '../containers/cfb.js'
import {summaryInformation} from '../containers/property-set.js'
import {tieBreak} from './tie-break.js'

export type Decision = {format: string; basis: string[]; warnings: string[]}

const decided = (format: string, ...basis: string[]): Decision => ({format, basis, warnings: []})

/** The formats an encrypted OOXML package can be; only the extension can choose between them. */
// The OOXML types of each application, its plain document first (an encrypted package's fallback).
const ENCRYPTED_FAMILIES: Array<[RegExp, string[]]> = [
  [/Excel/i, ['xlsx', 'xlsm', 'xlsb', 'xltx', 'xltm', 'xlam']],
  [/Word/i, ['docx', 'docm', 'dotx', 'dotm']],
  [/PowerPoint/i, ['pptx', 'pptm', 'ppsx', 'ppsm', 'potx', 'potm', 'ppam']],
  [/Visio/i, ['vsdx', 'vsdm', 'vssx', 'vstx']],
]
export const OOXML_IDS = ['docx', 'docm', 'dotx', 'dotm', 'xlsx', 'xlsm', 'xlsb', 'xltx', 'xltm', 'xlam', 'pptx', 'pptm', 'ppsx', 'ppsm', 'potx', 'potm', 'ppam', 'vsdx', 'vsdm', 'vssx', 'vstx', 'thmx']

// Root CLSIDs as stored on disk (mixed-endian GUID bytes, lower-case hex).
const CLSIDS: Record<string, string> = {
  '0609020000000000c000000000000046': 'doc', // Word.Document.8
  '0009020000000000c000000000000046': 'doc', // Word.Document.6
  '2008020000000000c000000000000046': 'xls', // Excel.Sheet.8
  '1008020000000000c000000000000046': 'xls', // Excel.Sheet.5
  '108d81649b4fcf1186ea00aa00b929e8': 'ppt', // PowerPoint.Show.8
  '131a020000000000c000000000000046': 'vsd', // Visio.Drawing.11
  '141a020000000000c000000000000046': 'vsd', // {00021A14-...}: Visio drawings written by Visio 2002-2010
  '011202000000000000c0000000000046': 'pub', // Publisher.Document
  '0b0d020000000000c000000000000046': 'msg', // Outlook message
  '3a8fb774c8c8d111be1100c04fb6faf1': 'mpp', // MSProject.Project.9
  '84100c0000000000c000000000000046': 'msi', // {000C1084-…}: Windows Installer package
  '86100c0000000000c000000000000046': 'msi', // {000C1086-…}: Windows Installer patch
  '82100c0000000000c000000000000046': 'msi', // {000C1082-…}: Windows Installer transform
  'b25aa40e0a9ed111a40700c04fb932ba': 'wps', // Works word processor
}

// CompObj user types / ProgIDs, tested as substrings, in order.
const COMPOBJ: Array<[RegExp, string]> = [
  [/Microsoft (Office )?Word/i, 'doc'], [/Microsoft (Office )?Excel/i, 'xls'], [/PowerPoint/i, 'ppt'],
  [/Visio/i, 'vsd'], [/Publisher/i, 'pub'], [/MSProject|Microsoft (Office )?Project/i, 'mpp'],
  [/Works (Word|Text)|MSWorks(Wp|WP)/i, 'wps'], [/Works Spreadsheet|MSWorksSS/i, 'xlr'], [/Works Database|MSWorksDB/i, 'wdb'],
  [/Quattro/i, 'qpw'], [/Presentations/i, 'shw'], [/StarWriter/i, 'sdw'], [/StarCalc/i, 'sdc'],
  [/StarImpress/i, 'sdd'], [/StarDraw/i, 'sda'], [/Hwp|Hangul/i, 'hwp'],
]

// StarImpress classes 5.0 {565C7221-85BC-11D1-89D0-008029E4B0B1}, 4.0 {012D3CC0-4216-11D0-89CB-008029E4B0B1}
// and 3.0 {AF10AAE0-B36D-101B-9961-04021C007002}, as stored (little-endian fields).
const STAR_IMPRESS_CLSIDS = new Set(['21725c56bc85d11189d0008029e4b0b1', 'c03c2d011642d01189cb008029e4b0b1', 'e0aa10af6db31b10996104021c007002'])
const compObjText = async (cfb: Cfb) => {
  const entry = cfb.find('\u0001CompObj')
  return entry ? (await cfb.readStream(entry, 512)).toString('latin1') : ''
}

/** Decide which application wrote a compound file. */
export async function identifyCfb(cfb: Cfb, extension = ''): Promise<Decision> {
  // [MS-CFB] 2.6.4: directory names compare case-insensitively (third-party writers save "WORKBOOK").
  const byName = new Map(cfb.entries.filter((e) => e.path !== '' && !e.path.includes('/')).map((e) => [e.name.toUpperCase(), e]))
  const top = {get: (name: string) => byName.get(name.toUpperCase()), names: () => [...byName.values()].map((e) => e.name), values: () => byName.values()}
  const has = (name: string) => byName.has(name.toUpperCase())
  // [MS-OFFCRYPTO] 2.3.4: an encrypted OOXML package; some writers leave a stub WordDocument beside it.
  if (has('EncryptedPackage') && has('EncryptionInfo')) {
    const drm = cfb.entries.some((e) => /DRMEncrypted|\tDRMContent/i.test(e.path))
    const basis = 'OLE2 streams EncryptionInfo + EncryptedPackage (encrypted OOXML package)'
    // The package is ciphertext, but the wrapper's SummaryInformation often names the application.
    const app = (await summaryInformation(cfb).catch(() => ({application: undefined}))).application ?? ''
    const family = ENCRYPTED_FAMILIES.find(([re]) => re.test(app))?.[1]
    const d: Decision = !family
      ? tieBreak(OOXML_IDS, extension, 'ooxml-encrypted', basis)
      : family.includes(extension)
        ? {format: extension, basis: [basis, `SummaryInformation names ${app}; extension .${extension} picks the type`], warnings: [`format ${extension} taken from the application name and the extension: the package is encrypted`]}
        : {format: family[0]!, basis: [basis, `SummaryInformation names ${app}`], warnings: [`format ${family[0]} taken from the application name in SummaryInformation: the package is encrypted`]}
    if (drm) d.warnings.push('protected by Information Rights Management (DRM transform in \\x06DataSpaces)')
    return d
  }
  if (has('WordDocument')) return word(cfb, top.get('WordDocument')!)
  // Works 7 spreadsheets keep a BIFF8 Workbook beside their own WksSSWorkBook stream.
  if (has('WksSSWorkBook')) return decided('xlr', `OLE2 stream WksSSWorkBook (Works spreadsheet)${has('Workbook') ? ', beside a BIFF8 Workbook stream' : ''}`)
  if (has('Workbook') || has('Book')) return excel(cfb, top.get('Workbook') ?? top.get('Book')!)
  if (has('PowerPoint Document')) return tieBreak(['pps', 'pot'], extension, 'ppt', 'OLE2 stream PowerPoint Document', false)
  if (has('PP40') || has('PP97_DUALSTORAGE')) return decided('ppt', `OLE2 stream ${has('PP40') ? 'PP40 (PowerPoint 4.0)' : 'PP97_DUALSTORAGE'}`)
  if (has('VisioDocument')) return tieBreak(['vss', 'vst'], extension, 'vsd', 'OLE2 stream VisioDocument', false)
  if (has('Quill')) return decided('pub', 'OLE2 storage Quill (Publisher)')
  if (has('__properties_version1.0') || top.names().some((n) => n.startsWith('__substg1.0_'))) return decided('msg', 'OLE2 MAPI property streams __substg1.0_* / __properties_version1.0')
  const project = [...top.values()].find((e) => e.type === 'storage' && /^ {3}\d+$/.test(e.name))
  if (project && cfb.entries.some((e) => e.path.startsWith(`${project.name}/Props`))) return decided('mpp', `OLE2 storage "${project.name}" with Props streams (Project)`)
  // The Works word processor and database both keep a MatOST storage: the CompObj type tells them apart.
  if (has('MatOST') && /Works Database|MSWorksDB/i.test(await compObjText(cfb))) return decided('wdb', 'OLE2 storage MatOST with the CompObj type of a Works database')
  if (has('MatOST') || (has('CONTENTS') && has('SPELLING'))) return decided('wps', `OLE2 stream ${has('MatOST') ? 'MatOST' : 'CONTENTS + SPELLING'} (Works word processor)`)
  if (has('FileHeader')) {
    const head = await cfb.readStream(top.get('FileHeader')!, 32)
    if (head.toString('latin1').startsWith('HWP Document File')) return decided('hwp', 'OLE2 stream FileHeader = "HWP Document File"')
  }
  for (const [stream, format] of [['StarWriterDocument', 'sdw'], ['StarCalcDocument', 'sdc'], ['StarImpressDocument', 'sdd'], ['StarDrawDocument3', 'sda'], ['StarDrawDocument', 'sda']] as const) {
    if (!has(stream)) continue
    // StarImpress 5 keeps its presentation in StarDrawDocument3 too: its CLSID or CompObj type tells.
    if (format === 'sda' && (STAR_IMPRESS_CLSIDS.has(cfb.root.clsid) || /StarImpress/i.test(await compObjText(cfb)))) return decided('sdd', `OLE2 stream ${stream} with the StarImpress class (StarOffice)`)
    return decided(format, `OLE2 stream ${stream} (StarOffice)`)
  }
  if (has('PerfectOffice_MAIN') && has('SlideShow')) return decided('shw', 'OLE2 stream PerfectOffice_MAIN + storage SlideShow (Corel Presentations)')
  if (has('PerfectOffice_MAIN')) {
    // Quattro Pro 7/8 keeps its notebook there, opening with the Quattro BOF record (type 0, length 2);
    // WordPerfect 7+ may wrap its document there too (\xFFWPC, file type 0x0A).
    const bof = await cfb.readStream(top.get('PerfectOffice_MAIN')!, 16)
    if (bof.length >= 10 && bof.toString('latin1', 0, 4) === '\xffWPC' && bof[9] === 0x0a) return decided('wpd', 'OLE2 stream PerfectOffice_MAIN holding a WordPerfect document (\\xFFWPC, file type 0x0A)')
    if (bof.length >= 6 && bof.readUInt32LE(0) === 0x00020000 && (bof.readUInt16LE(4) & 0xff00) === 0x1000) return decided('wb3', `OLE2 stream PerfectOffice_MAIN opening with a Quattro Pro BOF record (version 0x${bof.readUInt16LE(4).toString(16)})`)
  }
  if (has('NativeContent_MAIN')) return tieBreak(['wb3'], extension, 'qpw', 'OLE2 stream NativeContent_MAIN (Quattro Pro)', false)
  const byClsid = CLSIDS[cfb.root.clsid]
  if (byClsid) return {format: byClsid, basis: [`OLE2 root CLSID ${cfb.root.clsid}`], warnings: ['decided by the root CLSID only: the expected application streams are missing']}
  const text = await compObjText(cfb)
  if (text) {
    const hit = COMPOBJ.find(([re]) => re.test(text))
    if (hit) return {format: hit[1], basis: [`OLE2 CompObj user type matches ${hit[0].source}`], warnings: ['decided by the CompObj user type only']}
  }
  return {format: 'cfb', basis: ['OLE2 signature, no known application stream'], warnings: ['OLE2 file of an application Passerelle does not recognise']}
}

// [MS-DOC] 2.5.2 FibBase: wIdent 0xA5EC, then flags at 0x0A whose bit 0 is fDot (a template).
async function word(cfb: Cfb, stream: CfbEntry): Promise<Decision> {
  const fib = await cfb.readStream(stream, 16)
  const ident = fib.length >= 12 ? fib.readUInt16LE(0) : 0
  if ((ident === 0xa5ec || ident === 0xa5dc) && (fib.readUInt16LE(0x0a) & 1) === 1) return decided('dot', 'OLE2 stream WordDocument', 'FIB fDot flag set (template)')
  if (ident === 0xa5dc) return decided('doc', 'OLE2 stream WordDocument', 'FIB wIdent A5DC (Word 6/95)')
  return decided('doc', 'OLE2 stream WordDocument')
}

// [MS-XLS] 2.4: the workbook globals substream opens with BOF; a TEMPLATE record (0x0060) marks a
// template and an ADDIN record (0x0087) an add-in. Record headers stay clear even under FILEPASS.
async function excel(cfb: Cfb, stream: CfbEntry): Promise<Decision> {
  const basis = `OLE2 stream ${stream.name}`
  const b = await cfb.readStream(stream, 4096)
  for (let o = 0, n = 0; o + 4 <= b.length && n < 64; n++) {
    const type = b.readUInt16LE(o)
    if (type === 0x0060) return decided('xlt', basis, 'BIFF TEMPLATE record (template)')
    if (type === 0x0087) return decided('xla', basis, 'BIFF ADDIN record (add-in)')
    if (type === 0x000a || (n > 0 && type === 0x0809)) break
    o += 4 + b.readUInt16LE(o + 2)
  }
  return decided('xls', basis)
}
