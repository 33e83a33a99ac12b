// ZIP packages, decided from the central directory and at most two small parts:
// ODF/EPUB/IDML by the `mimetype` entry (or the ODF manifest), OPC (OOXML, Visio, XPS) by the main
// part that `_rels/.rels` points to and its content type, iWork and the rest by their entry names.
import {xmlText} from '../containers/xml.js'
import type {Zip} from '../containers/zip.js'
import type {Decision} from './ole2.js'
import {firstMessageType} from '../containers/iwa.js'
import {tieBreak} from './tie-break.js'

/** Main-part content types, lower-cased, without the "application/vnd." prefix. */
const OPC_MAIN: Record<string, string> = {
  'openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'ms-word.document.macroenabled.main+xml': 'docm',
  'openxmlformats-officedocument.wordprocessingml.template.main+xml': 'dotx',
  'ms-word.template.macroenabledtemplate.main+xml': 'dotm',
  'openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'ms-excel.sheet.macroenabled.main+xml': 'xlsm',
  'ms-excel.sheet.binary.macroenabled.main': 'xlsb',
  'openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xltx',
  'ms-excel.template.macroenabled.main+xml': 'xltm',
  'ms-excel.addin.macroenabled.main+xml': 'xlam',
  'openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
  'ms-powerpoint.presentation.macroenabled.main+xml': 'pptm',
  'openxmlformats-officedocument.presentationml.slideshow.main+xml': 'ppsx',
  'ms-powerpoint.slideshow.macroenabled.main+xml': 'ppsm',
  'openxmlformats-officedocument.presentationml.template.main+xml': 'potx',
  'ms-powerpoint.template.macroenabled.main+xml': 'potm',
  'ms-powerpoint.addin.macroenabled.main+xml': 'ppam',
  'openxmlformats-officedocument.theme+xml': 'thmx',
  'openxmlformats-officedocument.thememanager+xml': 'thmx',
  'ms-office.thememanager+xml': 'thmx', // Office 2007 beta
  'ms-word.main+xml': 'docx', // Office 2007 beta
  'ms-excel.template.main+xml': 'xltx', // Office 2007 beta
  'ms-visio.drawing.main+xml': 'vsdx',
  'ms-visio.drawing.macroenabled.main+xml': 'vsdm',
  'ms-visio.stencil.main+xml': 'vssx',
  'ms-visio.stencil.macroenabled.main+xml': 'vssm',
  'ms-visio.template.main+xml': 'vstx',
  'ms-visio.template.macroenabled.main+xml': 'vstm',
  'ms-package.xps-fixeddocumentsequence+xml': 'xps',
}

/** `mimetype` values (ODF 1.x part 3 §3.3, EPUB OCF, IDML, OpenOffice.org 1.x). */
const MIMETYPES: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.graphics': 'odg',
  'application/vnd.oasis.opendocument.base': 'odb',
  'application/vnd.oasis.opendocument.database': 'odb',
  'application/vnd.oasis.opendocument.formula': 'odf',
  'application/vnd.oasis.opendocument.text-master': 'odm',
  'application/vnd.oasis.opendocument.text-template': 'ott',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ots',
  'application/vnd.oasis.opendocument.presentation-template': 'otp',
  'application/vnd.oasis.opendocument.graphics-template': 'otg',
  'application/vnd.sun.xml.writer': 'sxw',
  'application/vnd.sun.xml.calc': 'sxc',
  'application/vnd.sun.xml.impress': 'sxi',
  'application/vnd.sun.xml.draw': 'sxd',
  'application/vnd.sun.xml.writer.global': 'sxg',
  'application/vnd.sun.xml.math': 'sxm',
  'application/vnd.sun.xml.writer.template': 'stw',
  'application/vnd.sun.xml.calc.template': 'stc',
  'application/vnd.sun.xml.impress.template': 'sti',
  'application/vnd.sun.xml.draw.template': 'std',
  'application/vnd.oasis.opendocument.text-master-template': 'otm',
  'application/epub+zip': 'epub',
  'application/vnd.adobe.indesign-idml-package': 'idml',
  'application/hwp+zip': 'hwpx',
  'application/oxps': 'oxps',
}

// The main part's relationship: officeDocument (Transitional, Strict, and the schemas.microsoft.com
// namespace of Office 2007's beta packages), or Visio 2013+'s own document relationship.
const OFFICE_DOCUMENT = /\/(officeDocument\/2006\/relationships|officeDocument\/relationships|schemas\.microsoft\.com\/office\/2006\/relationships)\/officeDocument$|^http:\/\/schemas\.microsoft\.com\/visio\/2010\/relationships\/document$/
const STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'
const XPS = /\/xps\/2005\/06\/fixedrepresentation$/
const OXPS = /schemas\.openxps\.org\/oxps\/v1\.0\/fixedrepresentation$/

const ATTRS = new Map<string, RegExp>()
// One compiled pattern per attribute name: this runs for every part of every package.
const attr = (tag: string, name: string) => {
  let re = ATTRS.get(name)
  if (!re) ATTRS.set(name, (re = new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i')))
  return re.exec(tag)?.[1]
}

// Relationship targets are URIs; a malformed escape must not throw the whole decision away.
const safeDecode = (uri: string) => {
  try {
    return decodeURI(uri)
  } catch {
    return uri
  }
}

/** Decide what a ZIP package is. */
export async function identifyZip(zip: Zip, extension = ''): Promise<Decision> {
  const mimetype = zip.find('mimetype')
  if (mimetype && mimetype.size < 256 && !mimetype.encrypted) {
    const value = (await zip.read(mimetype, 256)).toString('latin1').trim()
    const format = MIMETYPES[value.toLowerCase()]
    if (format) return {format, basis: [`ZIP entry mimetype = ${value}`], warnings: []}
  }
  if (zip.find('[Content_Types].xml')) return opc(zip)
  const manifest = zip.find('META-INF/manifest.xml')
  if (manifest && !manifest.encrypted) {
    // ODF 1.2 part 3 §4.2: the manifest entry for "/" carries the package's media type.
    const xml = (await zip.readHead(manifest, 64 * 1024)).toString('utf8')
    for (const m of xml.matchAll(/<manifest:file-entry\b[^>]*>/g)) {
      if (attr(m[0], 'manifest:full-path') !== '/') continue
      const type = attr(m[0], 'manifest:media-type') ?? ''
      const format = MIMETYPES[type.toLowerCase()]
      if (format) return {format, basis: ['ZIP entry META-INF/manifest.xml', `root media type ${type}`], warnings: ['the mimetype entry is missing or unreadable']}
    }
  }
  // EPUB OCF: META-INF/container.xml names the package document by its media type, mimetype or not.
  const container = zip.find('META-INF/container.xml')
  if (container && !container.encrypted) {
    const xml = xmlText(await zip.readHead(container, 16 * 1024))
    if (/<(?:\w+:)?rootfile\b[^>]*media-type=["']application\/oebps-package\+xml["']/.test(xml)) {
      return {format: 'epub', basis: ['ZIP entry META-INF/container.xml', 'rootfile of type application/oebps-package+xml'], warnings: ['the mimetype entry is missing or unreadable']}
    }
  }
  return byEntryNames(zip, extension)
}

async function opc(zip: Zip): Promise<Decision> {
  const types = xmlText(await zip.read(zip.find('[Content_Types].xml')!, 1024 * 1024))
  const overrides = new Map<string, string>()
  const defaults = new Map<string, string>()
  for (const m of types.matchAll(/<(?:\w+:)?(Override|Default)\b[^>]*>/g)) {
    const type = attr(m[0], 'ContentType') ?? ''
    if (m[1] === 'Override') overrides.set((attr(m[0], 'PartName') ?? '').replace(/^\//, '').toLowerCase(), type)
    else defaults.set((attr(m[0], 'Extension') ?? '').toLowerCase(), type)
  }
  const rels = zip.find('_rels/.rels')
  let strict = false
  if (rels && !rels.encrypted) {
    const xml = xmlText(await zip.read(rels, 1024 * 1024))
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const type = attr(m[0], 'Type') ?? ''
      const target = safeDecode(attr(m[0], 'Target') ?? '').replace(/^\.?\//, '').toLowerCase()
      if (XPS.test(type) || OXPS.test(type)) {
        const format = OXPS.test(type) ? 'oxps' : 'xps'
        return {format, basis: ['ZIP entry _rels/.rels', `relationship ${type}`], warnings: []}
      }
      if (!OFFICE_DOCUMENT.test(type)) continue
      strict ||= type === STRICT
      const contentType = overrides.get(target) ?? defaults.get(target.split('.').pop() ?? '') ?? ''
      const format = OPC_MAIN[contentType.toLowerCase().replace(/^application\/vnd\./, '')]
      if (format) return {format, basis: ['ZIP entry _rels/.rels', `main part /${target} has content type ${contentType}`, ...(strict ? ['Strict OOXML relationships (ISO/IEC 29500 Strict)'] : [])], warnings: []}
    }
  }
  // No usable relationship: fall back to the first known main content type declared.
  for (const [part, type] of overrides) {
    const format = OPC_MAIN[type.toLowerCase().replace(/^application\/vnd\./, '')]
    if (format) return {format, basis: ['ZIP entry [Content_Types].xml', `part /${part} has content type ${type}`], warnings: ['_rels/.rels does not name the main part; decided by [Content_Types].xml']}
  }
  return {format: 'zip', basis: ['ZIP with [Content_Types].xml but no known main part'], warnings: ['OPC package of a kind Passerelle does not recognise']}
}

// Apple iWork: Keynote by its slide archives; iWork '09 by the root element of index.xml; 2013+ by the
// type of the root object in Index/Document.iwa (10000: Pages; 1: Numbers, Keynote having slides).
async function iwork(zip: Zip, extension: string, some: (re: RegExp) => boolean): Promise<Decision> {
  if (some(/^Index\/(Slide|MasterSlide)[^/]*\.iwa$/)) return {format: 'key', basis: ['ZIP entries Index/Slide*.iwa (Keynote)'], warnings: []}
  const index = zip.find('index.xml')
  if (index) {
    // iWork '09: the root element of index.xml is sl:document (Pages) or ls:document (Numbers).
    const head = await zip.readHead(index, 4096).catch(() => undefined)
    const root = head && /<(sl|ls):document\b/.exec(head.toString('utf8'))?.[1]
    if (root) return {format: root === 'sl' ? 'pages' : 'numbers', basis: [`ZIP entry index.xml with root ${root}:document (iWork '09)`], warnings: []}
    if (!head) {
      const d = tieBreak(['pages', 'numbers', 'key'], extension, 'iwork', "ZIP entries of an iWork '09 document whose index.xml cannot be read (password-protected?)")
      d.warnings.push('index.xml cannot be read: iWork protects a document with a password this way')
      return d
    }
  }
  const document = zip.find('Index/Document.iwa')
  const type = document ? firstMessageType(await zip.readHead(document, 4096).catch(() => Buffer.alloc(0))) : undefined
  if (type === 10000) return {format: 'pages', basis: ['ZIP entry Index/Document.iwa whose root object is of type 10000 (Pages document)'], warnings: []}
  if (type === 1) return {format: 'numbers', basis: ['ZIP entry Index/Document.iwa whose root object is of type 1, without slides (Numbers document)'], warnings: []}
  return tieBreak(['pages', 'numbers', 'key'], extension, 'iwork', 'ZIP entries of an Apple iWork bundle (index.xml / Index/*.iwa)')
}

// Packages without a manifest of their own type: told by the names of their entries.
async function byEntryNames(zip: Zip, extension: string): Promise<Decision> {
  const names = zip.entries.map((e) => e.name)
  const some = (re: RegExp) => names.some((n) => re.test(n))
  if (some(/^designmap\.xml$/) && some(/^Stories\//)) return {format: 'idml', basis: ['ZIP entries designmap.xml + Stories/ (IDML)'], warnings: ['the mimetype entry is missing']}
  if (some(/^index\.apxl$/)) return {format: 'key', basis: ['ZIP entry index.apxl (Keynote 09)'], warnings: []}
  if (some(/^Contents\/content\.hpf$/) && some(/^Contents\/section\d+\.xml$/)) return {format: 'hwpx', basis: ['ZIP entries Contents/content.hpf + Contents/section*.xml (OWPML)'], warnings: ['the mimetype entry is missing']}
  // A bundle folder zipped whole (as file shares and mail keep Keynote 2018+ documents): the folder's
  // name is the application's package, Name.key/Index.zip and Name.key/Metadata/.
  const bundle = names.map((n) => /^([^/]+)\.(key|pages|numbers)\/(?:Index\.zip$|Index\/|Metadata\/)/i.exec(n)).find(Boolean)
  if (bundle && names.every((n) => n.startsWith(`${bundle[1]}.${bundle[2]}/`))) {
    return {format: bundle[2]!.toLowerCase(), basis: [`ZIP of the iWork bundle folder ${bundle[1]}.${bundle[2]}/ (Index and Metadata inside)`], warnings: []}
  }
  if (some(/^Index\/.*\.iwa$/) || some(/^Index\.zip$/) || (some(/^index\.xml$/) && some(/^buildVersionHistory\.plist$/))) return iwork(zip, extension, some)
  if (some(/^DOMDocument\.xml$/)) return {format: 'fla', basis: ['ZIP entry DOMDocument.xml (Flash/Animate source)'], warnings: []}
  if (some(/^content\/riffData\.cdr$/) || some(/^content\/root\.dat$/)) return {format: 'cdr', basis: ['ZIP entry content/riffData.cdr or content/root.dat (CorelDRAW X4+)'], warnings: []}
  return {format: 'zip', basis: ['ZIP central directory, no package markers'], warnings: []}
}

// The families of OOXML main parts, by the conventional name the officeDocument relationship points to.
const MAIN_BY_NAME: Array<[RegExp, string[]]> = [
  [/^word\/document\d*\.xml$/, ['docx', 'docm', 'dotx', 'dotm']],
  [/^xl\/workbook\d*\.xml$/, ['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam']],
  [/^xl\/workbook\d*\.bin$/, ['xlsb']],
  [/^ppt\/presentation\d*\.xml$/, ['pptx', 'pptm', 'ppsx', 'ppsm', 'potx', 'potm']],
  [/^visio\/document\d*\.xml$/, ['vsdx', 'vsdm', 'vssx', 'vssm', 'vstx', 'vstm']],
]

/** For a package cut short before its [Content_Types].xml (writers often put it last): the family from the
 * name of the main part _rels/.rels points to, the extension choosing within the family. */
export async function packageFamilyByMainPart(zip: Zip, extension: string): Promise<Decision | undefined> {
  const rels = zip.find('_rels/.rels')
  if (!rels || rels.encrypted || zip.find('[Content_Types].xml')) return undefined
  const xml = xmlText(await zip.read(rels, 1024 * 1024))
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (!OFFICE_DOCUMENT.test(attr(m[0], 'Type') ?? '')) continue
    const target = safeDecode(attr(m[0], 'Target') ?? '').replace(/^\.?\//, '').toLowerCase()
    const family = MAIN_BY_NAME.find(([re]) => re.test(target))?.[1]
    if (family) return tieBreak(family, extension, family[0]!, `main part /${target} named by _rels/.rels; its content type lies past the cut`)
  }
  return undefined
}
