// The format registry: one entry per format id (DESIGN.md contract 1). Data, not logic.

export type Openness = 'open-standard' | 'documented-proprietary' | 'closed'
export type Family =
  | 'word-processing' | 'spreadsheet' | 'presentation' | 'drawing' | 'publishing' | 'database'
  | 'e-mail' | 'image' | 'archive' | 'page-description' | 'multimedia' | 'text' | 'other'

/** One registry entry: what a format is, who owns it, and how records managers name it. */
export type FormatInfo = {
  id: string
  name: string
  family: Family
  openness: Openness
  vendor?: string
  mime?: string
  extensions: string[]
  puid?: string
}

const f = (id: string, name: string, family: Family, openness: Openness, extra: Partial<FormatInfo> = {}): FormatInfo =>
  ({id, name, family, openness, extensions: [id], ...extra})

/** Every format Passerelle can name. */
export const FORMATS: FormatInfo[] = [
  f('doc', 'Microsoft Word 97-2003 Document', 'word-processing', 'documented-proprietary', {vendor: 'Microsoft', mime: 'application/msword', puid: 'fmt/40'}),
  f('dot', 'Microsoft Word 97-2003 Template', 'word-processing', 'documented-proprietary', {vendor: 'Microsoft', mime: 'application/msword'}),
  f('xls', 'Microsoft Excel 97-2003 Workbook', 'spreadsheet', 'documented-proprietary', {vendor: 'Microsoft', mime: 'application/vnd.ms-excel', puid: 'fmt/61'}),
  f('xlt', 'Microsoft Excel 97-2003 Template', 'spreadsheet', 'documented-proprietary', {vendor: 'Microsoft', mime: 'application/vnd.ms-excel', puid: 'x-fmt/17'}),
  f('ppt', 'Microsoft PowerPoint 97-2003 Presentation', 'presentation', 'documented-proprietary', {vendor: 'Microsoft', mime: 'application/vnd.ms-powerpoint', puid: 'fmt/126'}),
  f('docx', 'Office Open XML Word Document', 'word-processing', 'open-standard', {vendor: 'Microsoft', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', puid: 'fmt/412'}),
  f('docm', 'Office Open XML Macro-Enabled Word Document', 'word-processing', 'open-standard', {vendor: 'Microsoft', mime: 'application/vnd.ms-word.document.macroEnabled.12', puid: 'fmt/523'}),
  f('xlsx', 'Office Open XML Workbook', 'spreadsheet', 'open-standard', {vendor: 'Microsoft', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', puid: 'fmt/214'}),
  f('xlsm', 'Office Open XML Macro-Enabled Workbook', 'spreadsheet', 'open-standard', {vendor: 'Microsoft', mime: 'application/vnd.ms-excel.sheet.macroEnabled.12', puid: 'fmt/445'}),
  f('pptx', 'Office Open XML Presentation', 'presentation', 'open-standard', {vendor: 'Microsoft', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', puid: 'fmt/215'}),
  f('pptm', 'Office Open XML Macro-Enabled Presentation', 'presentation', 'open-standard', {vendor: 'Microsoft', mime: 'application/vnd.ms-powerpoint.presentation.macroEnabled.12', puid: 'fmt/487'}),
  f('odt', 'OpenDocument Text', 'word-processing', 'open-standard', {vendor: 'OASIS', mime: 'application/vnd.oasis.opendocument.text', puid: 'fmt/1756'}),
  f('ods', 'OpenDocument Spreadsheet', 'spreadsheet', 'open-standard', {vendor: 'OASIS', mime: 'application/vnd.oasis.opendocument.spreadsheet', puid: 'fmt/1755'}),
  f('odp', 'OpenDocument Presentation', 'presentation', 'open-standard', {vendor: 'OASIS', mime: 'application/vnd.oasis.opendocument.presentation', puid: 'fmt/1754'}),
  f('odg', 'OpenDocument Graphics', 'drawing', 'open-standard', {vendor: 'OASIS', mime: 'application/vnd.oasis.opendocument.graphics', puid: 'fmt/1753'}),
  f('pdf', 'Portable Document Format', 'page-description', 'open-standard', {vendor: 'Adobe / ISO', mime: 'application/pdf'}),
  f('psd', 'Adobe Photoshop Document', 'image', 'documented-proprietary', {vendor: 'Adobe', mime: 'image/vnd.adobe.photoshop', puid: 'x-fmt/92'}),
  f('psb', 'Adobe Photoshop Large Document', 'image', 'documented-proprietary', {vendor: 'Adobe', mime: 'image/vnd.adobe.photoshop'}),
  f('rtf', 'Rich Text Format', 'word-processing', 'documented-proprietary', {vendor: 'Microsoft', mime: 'application/rtf'}),
  f('png', 'Portable Network Graphics', 'image', 'open-standard', {mime: 'image/png', puid: 'fmt/13'}),
  f('jpeg', 'JPEG image', 'image', 'open-standard', {mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe']}),
  f('gif', 'Graphics Interchange Format', 'image', 'open-standard', {mime: 'image/gif'}),
  f('zip', 'ZIP archive', 'archive', 'documented-proprietary', {vendor: 'PKWARE', mime: 'application/zip', puid: 'x-fmt/263'}),
  f('txt', 'Plain text', 'text', 'open-standard', {mime: 'text/plain', puid: 'x-fmt/111', extensions: ['txt', 'text', 'log', 'md']}),
  f('cfb', 'OLE2 compound file (unrecognised application)', 'other', 'documented-proprietary', {vendor: 'Microsoft', mime: 'application/x-ole-storage', extensions: []}),
  f('unknown', 'Unknown format', 'other', 'closed', {extensions: []}),
]

const byId = new Map(FORMATS.map((x) => [x.id, x]))

/** The registry entry of a format id. */
export function formatById(id: string): FormatInfo | undefined {
  return byId.get(id)
}

/** True when the extension is one the format is usually saved with. */
export function extensionFits(formatId: string, extension: string): boolean {
  return formatById(formatId)?.extensions.includes(extension) ?? false
}
