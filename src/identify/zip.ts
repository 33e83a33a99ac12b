// ZIP packages: OOXML by the main part's content type, ODF by its mimetype entry, else a plain zip.
import type {Zip} from '../containers/zip.js'
import type {Decision} from './ole2.js'

/** Main-part content types of OOXML packages, without the "application/vnd." prefix. */
const OOXML_MAIN: Record<string, string> = {
  'openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'ms-word.document.macroenabled.main+xml': 'docm',
  'openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'ms-excel.sheet.macroenabled.main+xml': 'xlsm',
  'openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
  'ms-powerpoint.presentation.macroenabled.main+xml': 'pptm',
}

const ODF_MIME: Record<string, string> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.graphics': 'odg',
}

/** Decide what a ZIP package is from its central directory and at most two small parts. */
export async function identifyZip(zip: Zip): Promise<Decision> {
  const mimetype = zip.find('mimetype')
  if (mimetype && mimetype.size < 256) {
    const value = (await zip.read(mimetype, 256)).toString('latin1').trim()
    const format = ODF_MIME[value]
    if (format) return {format, basis: [`ZIP entry mimetype = ${value}`], warnings: []}
  }
  const types = zip.find('[Content_Types].xml')
  if (types) {
    const xml = (await zip.read(types, 1024 * 1024)).toString('utf8')
    for (const m of xml.matchAll(/ContentType\s*=\s*"application\/vnd\.([^"]+)"/gi)) {
      const format = OOXML_MAIN[m[1]!.toLowerCase()]
      if (format) return {format, basis: ['ZIP entry [Content_Types].xml', `main part content type ${m[1]}`], warnings: []}
    }
    return {format: 'zip', basis: ['ZIP with [Content_Types].xml but no known main part'], warnings: ['OPC package of a kind Passerelle does not recognise yet']}
  }
  return {format: 'zip', basis: ['ZIP central directory, no package markers'], warnings: []}
}
