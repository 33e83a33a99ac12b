// Files without a container: legacy binary generations recognised by their first bytes (WordPerfect,
// Lotus/Quattro, Write, Word 1/2, AmiPro, BIFF2-5 outside OLE2), and text formats that carry DDE, XLM or OLE:
// CSV formulas, SYLK, SpreadsheetML/WordML and RTF.
import type {Feature} from '../model.js'
import {bufferBytes} from '../containers/cfb.js'
import {texts, elements} from '../containers/xml.js'
import {walkBiff} from './biff.js'
import {addFeature, mergeFeatures, type Probe} from './probe.js'

const MAX_TEXT = 4 * 1024 * 1024
const MAX_BIFF = 16 * 1024 * 1024
// BOF versions with a 2-byte body (Lotus 1A/2, Symphony, Quattro Pro for DOS and for Windows 1-6) and with
// the 26-byte body of Lotus 1-2-3 release 3 onwards (wk3, wk4, 1-2-3 97/Millennium).
const SHORT_BOF_VERSIONS = new Set([0x0404, 0x0405, 0x0406, 0x1001, 0x1002, 0x5120, 0x5121])
const LOTUS3_VERSIONS = new Set([0x1000, 0x1002, 0x1003, 0x1005])
// A DDE formula: =app|'topic'!item (also +, - and @ prefixes, as CSV injection uses them).
const DDE_FORMULA = /[=+\-@]\s*[A-Za-z][\w.]*\s*\|\s*'[^'\r\n]{0,200}'\s*!\s*[\w$]+/
const DDE_FIELD = /^\s*DDE(AUTO)?\b/i

/** The legacy generation the first bytes name, if any. */
export function legacyGeneration(head: Buffer): string | undefined {
  if (head.length < 8) return undefined
  if (head.subarray(0, 4).toString('latin1') === '\xffWPC' && head[9] === 0x0a) return 'WordPerfect document'
  if (head.readUInt32LE(0) === 0x00020000 && SHORT_BOF_VERSIONS.has(head.readUInt16LE(4))) return `Lotus 1-2-3 / Quattro worksheet (version 0x${head.readUInt16LE(4).toString(16)})`
  if (head.readUInt32LE(0) === 0x000200ff && head.readUInt16LE(4) === 0x0404) return 'Works 3/4 spreadsheet (BOF type 0xFF)'
  if (head.readUInt32LE(0) === 0x001a0000 && LOTUS3_VERSIONS.has(head.readUInt16LE(4))) return `Lotus 1-2-3 release 3+ worksheet (version 0x${head.readUInt16LE(4).toString(16)})`
  if ((head[0] === 0x31 || head[0] === 0x32) && head[1] === 0xbe && head[2] === 0 && head[3] === 0) return 'Microsoft Write document'
  if ((head[0] === 0xdb || head[0] === 0x9b) && head[1] === 0xa5) return 'Word for Windows 1.x/2.x document'
  if (head[0] === 0xfe && head[1] === 0x37 && head[2] === 0) return 'Word for Macintosh document'
  if (head.subarray(0, 5).toString('latin1') === '[ver]') return 'Ami Pro document'
  if (isOldBiff(head)) return head[1] === 0x08 ? `Excel stand-alone BIFF stream (BOF 0x0809, version 0x${head.readUInt16LE(4).toString(16).padStart(4, '0')})` : `Excel BIFF${head[1] === 0 ? 2 : head[1] === 2 ? 3 : 4} workbook`
  return undefined
}

// BIFF2-4 BOFs, and the BIFF5 BOF (0x0809) outside a compound file: Excel 5 and later always wrote workbooks
// into OLE2, so a bare 0x0809 stream is an older or third-party generation, unless it says BIFF8 (0x0600).
const isOldBiff = (h: Buffer) =>
  h[0] === 0x09 && h.readUInt16LE(2) >= 4 && h.readUInt16LE(2) <= 16 && (h[1] === 0x00 || h[1] === 0x02 || h[1] === 0x04 || (h[1] === 0x08 && h.readUInt16LE(4) !== 0x0600))

/** Features of a container-less file. */
export async function plainFeatures(head: Buffer, read: (max: number) => Promise<Buffer>): Promise<Feature[]> {
  const features: Feature[] = []
  const legacy = legacyGeneration(head)
  if (legacy) {
    addFeature(features, 'pre97-binary', legacy)
    if (isOldBiff(head)) mergeFeatures(features, (await walkBiff(bufferBytes(await read(MAX_BIFF)))).features)
    return features
  }
  if (head.includes(0)) return features // binary: nothing more to read
  const text = (await read(MAX_TEXT)).toString('latin1')
  if (/^ID;/.test(text)) {
    if (/^O;(?:[^;\r\n]*;)*E(?:;|\r|\n|$)/m.test(text)) addFeature(features, 'xlm-macros', 'SYLK options record marks a macro sheet (O;E)')
  }
  if (/^\s*\{\\rtf/.test(text)) return rtf(text, features)
  if (/^\s*(<\?xml[^>]*>\s*)?(<\?mso-application[^>]*Word\.Document|<w:wordDocument)/.test(text.slice(0, 2048))) {
    for (const ins of [...texts(text, 'instrText'), ...[...elements(text, new Set(['fldSimple']))].map((e) => e.attributes.instr ?? '')]) {
      if (DDE_FIELD.test(ins)) addFeature(features, 'dde', `WordML field ${ins.trim().slice(0, 100)}`)
    }
  }
  const dde = DDE_FORMULA.exec(text)
  if (dde) addFeature(features, 'dde', `DDE formula ${dde[0].slice(0, 100)}`)
  return features
}

// An RTF control word: a backslash not itself escaped (an even run of backslashes before it), so a
// document that writes about "\\object" in its text (the RTF specification does) is not an object.
const control = (word: string) => String.raw`(?<!\\)(?:\\\\)*\\${word}\b`
const OBJECT_WITH_DATA = new RegExp(`${control('objemb')}|${control('object')}[\\s\\S]{0,400}?${control('objdata')}`)
const OBJECT_LINK = new RegExp(`${control('objlink')}|${control('objautlink')}`) // linked, or linked and updated automatically
const DDE_FIELD_RTF = new RegExp(String.raw`${control('fldinst')}\s*\{?[^}]*?\b(DDE(?:AUTO)?)\b([^}]{0,100})`, 'i')

function rtf(text: string, features: Feature[]): Feature[] {
  if (OBJECT_WITH_DATA.test(text)) addFeature(features, 'ole-embedded', 'RTF \\object with embedded data')
  if (OBJECT_LINK.test(text)) addFeature(features, 'external-links', 'RTF \\objlink or \\objautlink (linked OLE object)')
  const field = DDE_FIELD_RTF.exec(text)
  if (field) addFeature(features, 'dde', `RTF field ${field[1]}${field[2]}`.slice(0, 120))
  return features
}

/** The probe for files without a container. */
export const plainProbe: Probe = {
  name: 'plain',
  applies: (i) => i.container.kind === 'plain' && !/^Standard (Jet|ACE) DB/.test(i.source.head.toString('latin1', 4, 19)),
  async run(i) {
    const s = i.source
    return {features: await plainFeatures(s.head, (max) => (s.size <= s.head.length ? Promise.resolve(s.head) : s.read(0, Math.min(max, s.size))))}
  },
}
