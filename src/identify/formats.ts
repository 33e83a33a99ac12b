// The format registry: one entry per format id (DESIGN.md contract 1). Data, not logic.
// PUIDs are PRONOM's; where PRONOM splits a format by version (PDF, Illustrator, InDesign, Word 6
// vs 97…) the entry carries the PUID of the version most often met on shares, or none.

export type Openness = 'open-standard' | 'documented-proprietary' | 'closed'
export type Family =
  | 'word-processing' | 'spreadsheet' | 'presentation' | 'drawing' | 'publishing' | 'database'
  | 'e-mail' | 'image' | 'archive' | 'page-description' | 'multimedia' | 'text' | 'project' | 'notes' | 'font' | 'other'

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

type Row = [id: string, name: string, family: Family, openness: Openness, vendor: string, mime: string, extensions: string, puid?: string]

const O = 'open-standard' as const
const D = 'documented-proprietary' as const
const C = 'closed' as const
const MS = 'Microsoft'
const OOXML = 'application/vnd.openxmlformats-officedocument.'
const ODF = 'application/vnd.oasis.opendocument.'

// id, name, family, openness, vendor, MIME, extensions (first = usual), PUID.
const ROWS: Row[] = [
  // Microsoft binary (OLE2 and older)
  // WPS Office (Kingsoft) writes the Office binary formats under its own extensions: .wps/.wpt (Writer),
  // .et/.ett (Spreadsheets), .dps/.dpt (Presentation). A .wps can also be a Microsoft Works document: the bytes tell.
  ['doc', 'Microsoft Word 97-2003 Document', 'word-processing', D, MS, 'application/msword', 'doc wps', 'fmt/40'],
  ['dot', 'Microsoft Word 97-2003 Template', 'word-processing', D, MS, 'application/msword', 'dot wpt', 'x-fmt/45'],
  ['xls', 'Microsoft Excel 97-2003 Workbook', 'spreadsheet', D, MS, 'application/vnd.ms-excel', 'xls xlw et', 'fmt/61'],
  ['xlt', 'Microsoft Excel 97-2003 Template', 'spreadsheet', D, MS, 'application/vnd.ms-excel', 'xlt ett', 'x-fmt/17'],
  ['xla', 'Microsoft Excel 97-2003 Add-in', 'spreadsheet', D, MS, 'application/vnd.ms-excel', 'xla'],
  ['ppt', 'Microsoft PowerPoint 97-2003 Presentation', 'presentation', D, MS, 'application/vnd.ms-powerpoint', 'ppt dps', 'fmt/126'],
  ['pps', 'Microsoft PowerPoint 97-2003 Show', 'presentation', D, MS, 'application/vnd.ms-powerpoint', 'pps'],
  ['pot', 'Microsoft PowerPoint 97-2003 Template', 'presentation', D, MS, 'application/vnd.ms-powerpoint', 'pot dpt'],
  ['vsd', 'Microsoft Visio 2003-2010 Drawing', 'drawing', C, MS, 'application/vnd.visio', 'vsd', 'fmt/443'],
  ['vss', 'Microsoft Visio 2003-2010 Stencil', 'drawing', C, MS, 'application/vnd.visio', 'vss'],
  ['vst', 'Microsoft Visio 2003-2010 Template', 'drawing', C, MS, 'application/vnd.visio', 'vst'],
  ['vdx', 'Microsoft Visio 2003-2010 XML Drawing', 'drawing', D, MS, 'application/vnd.visio', 'vdx vsx vtx'],
  ['pub', 'Microsoft Publisher Document', 'publishing', C, MS, 'application/x-mspublisher', 'pub', 'fmt/1513'],
  ['mpp', 'Microsoft Project Plan', 'project', C, MS, 'application/vnd.ms-project', 'mpp mpt', 'fmt/440'],
  ['msg', 'Microsoft Outlook Message', 'e-mail', D, MS, 'application/vnd.ms-outlook', 'msg', 'x-fmt/430'],
  ['pst', 'Microsoft Outlook Personal Folders', 'e-mail', D, MS, 'application/vnd.ms-outlook-pst', 'pst', 'x-fmt/249'],
  ['ost', 'Microsoft Outlook Offline Folders', 'e-mail', D, MS, 'application/vnd.ms-outlook-pst', 'ost'],
  ['eml', 'Internet e-mail message (RFC 5322 / MIME)', 'e-mail', O, 'IETF', 'message/rfc822', 'eml mht mhtml', 'fmt/278'],
  ['tnef', 'Transport Neutral Encapsulation Format (winmail.dat)', 'e-mail', D, MS, 'application/vnd.ms-tnef', 'tnef dat'],
  ['one', 'Microsoft OneNote Section', 'notes', D, MS, 'application/onenote', 'one onetoc2', 'fmt/637'],
  ['mdb', 'Microsoft Access Database (Jet)', 'database', D, MS, 'application/x-msaccess', 'mdb mde mdt', 'x-fmt/239'],
  ['dbf', 'dBASE / FoxPro table', 'database', D, 'Ashton-Tate / dBase LLC', 'application/dbase', 'dbf'],
  ['accdb', 'Microsoft Access 2007+ Database (ACE)', 'database', D, MS, 'application/x-msaccess', 'accdb accde accdt', 'fmt/275'],
  ['rtf', 'Rich Text Format', 'word-processing', D, MS, 'application/rtf', 'rtf', 'fmt/53'],
  ['wri', 'Microsoft Write Document', 'word-processing', C, MS, 'application/x-mswrite', 'wri'],
  ['wps', 'Microsoft Works Word Processor Document', 'word-processing', C, MS, 'application/vnd.ms-works', 'wps', 'fmt/258'],
  ['xlr', 'Microsoft Works Spreadsheet', 'spreadsheet', C, MS, 'application/vnd.ms-works', 'xlr wks', 'fmt/901'],
  ['wdb', 'Microsoft Works Database', 'database', C, MS, 'application/vnd.ms-works', 'wdb'],
  ['wordml', 'Microsoft Word 2003 XML (WordprocessingML)', 'word-processing', D, MS, 'application/vnd.ms-wordml', 'xml'],
  ['docx-flat', 'Microsoft Word 2007+ XML Document (Flat OPC: the whole OOXML package in one XML file)', 'word-processing', O, MS, 'application/xml', 'xml'],
  ['pptx-flat', 'Microsoft PowerPoint 2007+ XML Presentation (Flat OPC)', 'presentation', O, MS, 'application/xml', 'xml'],
  ['spreadsheetml', 'Microsoft Excel 2003 XML (SpreadsheetML)', 'spreadsheet', D, MS, 'application/vnd.ms-spreadsheetml', 'xml'],
  ['slk', 'Symbolic Link (SYLK) spreadsheet', 'spreadsheet', D, MS, 'application/x-sylk', 'slk sylk', 'x-fmt/106'],
  ['ooxml-encrypted', 'Password-encrypted Office Open XML package (type not readable)', 'other', D, MS, 'application/x-ooxml-encrypted', '', 'fmt/494'],
  ['cfb', 'OLE2 compound file (unrecognised application)', 'other', D, MS, 'application/x-ole-storage', ''],
  ['msi', 'Windows Installer Package', 'other', D, MS, 'application/x-msi', 'msi msp mst'],
  // Office Open XML (ECMA-376 / ISO/IEC 29500)
  ['docx', 'Word Document (OOXML)', 'word-processing', O, MS, `${OOXML}wordprocessingml.document`, 'docx', 'fmt/412'],
  ['docm', 'Word Macro-Enabled Document (OOXML)', 'word-processing', O, MS, 'application/vnd.ms-word.document.macroEnabled.12', 'docm', 'fmt/523'],
  ['dotx', 'Word Template (OOXML)', 'word-processing', O, MS, `${OOXML}wordprocessingml.template`, 'dotx', 'fmt/597'],
  ['dotm', 'Word Macro-Enabled Template (OOXML)', 'word-processing', O, MS, 'application/vnd.ms-word.template.macroEnabled.12', 'dotm', 'fmt/599'],
  ['xlsx', 'Excel Workbook (OOXML)', 'spreadsheet', O, MS, `${OOXML}spreadsheetml.sheet`, 'xlsx', 'fmt/214'],
  ['xlsm', 'Excel Macro-Enabled Workbook (OOXML)', 'spreadsheet', O, MS, 'application/vnd.ms-excel.sheet.macroEnabled.12', 'xlsm', 'fmt/445'],
  ['xlsb', 'Excel Binary Workbook', 'spreadsheet', D, MS, 'application/vnd.ms-excel.sheet.binary.macroEnabled.12', 'xlsb', 'fmt/595'],
  ['xltx', 'Excel Template (OOXML)', 'spreadsheet', O, MS, `${OOXML}spreadsheetml.template`, 'xltx', 'fmt/598'],
  ['xltm', 'Excel Macro-Enabled Template (OOXML)', 'spreadsheet', O, MS, 'application/vnd.ms-excel.template.macroEnabled.12', 'xltm', 'fmt/627'],
  ['xlam', 'Excel Add-in (OOXML)', 'spreadsheet', O, MS, 'application/vnd.ms-excel.addin.macroEnabled.12', 'xlam', 'fmt/628'],
  ['pptx', 'PowerPoint Presentation (OOXML)', 'presentation', O, MS, `${OOXML}presentationml.presentation`, 'pptx', 'fmt/215'],
  ['pptm', 'PowerPoint Macro-Enabled Presentation (OOXML)', 'presentation', O, MS, 'application/vnd.ms-powerpoint.presentation.macroEnabled.12', 'pptm', 'fmt/487'],
  ['ppsx', 'PowerPoint Show (OOXML)', 'presentation', O, MS, `${OOXML}presentationml.slideshow`, 'ppsx', 'fmt/629'],
  ['ppsm', 'PowerPoint Macro-Enabled Show (OOXML)', 'presentation', O, MS, 'application/vnd.ms-powerpoint.slideshow.macroEnabled.12', 'ppsm', 'fmt/630'],
  ['potx', 'PowerPoint Template (OOXML)', 'presentation', O, MS, `${OOXML}presentationml.template`, 'potx', 'fmt/631'],
  ['potm', 'PowerPoint Macro-Enabled Template (OOXML)', 'presentation', O, MS, 'application/vnd.ms-powerpoint.template.macroEnabled.12', 'potm', 'fmt/632'],
  ['ppam', 'PowerPoint Add-in (OOXML)', 'presentation', O, MS, 'application/vnd.ms-powerpoint.addin.macroEnabled.12', 'ppam'],
  ['thmx', 'Office Theme', 'presentation', O, MS, 'application/vnd.ms-officetheme', 'thmx', 'fmt/524'],
  ['vsdx', 'Visio Drawing (OPC)', 'drawing', D, MS, 'application/vnd.ms-visio.drawing', 'vsdx', 'fmt/924'],
  ['vsdm', 'Visio Macro-Enabled Drawing (OPC)', 'drawing', D, MS, 'application/vnd.ms-visio.drawing.macroEnabled', 'vsdm', 'fmt/927'],
  ['vssx', 'Visio Stencil (OPC)', 'drawing', D, MS, 'application/vnd.ms-visio.stencil', 'vssx'],
  ['vssm', 'Visio Macro-Enabled Stencil (OPC)', 'drawing', D, MS, 'application/vnd.ms-visio.stencil.macroEnabled', 'vssm'],
  ['vstx', 'Visio Template (OPC)', 'drawing', D, MS, 'application/vnd.ms-visio.template', 'vstx', 'fmt/926'],
  ['vstm', 'Visio Macro-Enabled Template (OPC)', 'drawing', D, MS, 'application/vnd.ms-visio.template.macroEnabled', 'vstm'],
  ['xps', 'XML Paper Specification', 'page-description', D, MS, 'application/vnd.ms-xpsdocument', 'xps', 'fmt/657'],
  ['oxps', 'Open XML Paper Specification (ECMA-388)', 'page-description', O, 'Ecma', 'application/oxps', 'oxps'],
  // OpenDocument (ISO/IEC 26300) and its OpenOffice.org / StarOffice ancestors
  ['odt', 'OpenDocument Text', 'word-processing', O, 'OASIS', `${ODF}text`, 'odt', 'fmt/1756'],
  ['ods', 'OpenDocument Spreadsheet', 'spreadsheet', O, 'OASIS', `${ODF}spreadsheet`, 'ods', 'fmt/1755'],
  ['odp', 'OpenDocument Presentation', 'presentation', O, 'OASIS', `${ODF}presentation`, 'odp', 'fmt/1754'],
  ['odg', 'OpenDocument Graphics', 'drawing', O, 'OASIS', `${ODF}graphics`, 'odg', 'fmt/1753'],
  ['odb', 'OpenDocument Database', 'database', O, 'OASIS', `${ODF}database`, 'odb', 'fmt/1752'],
  ['odf', 'OpenDocument Formula', 'other', O, 'OASIS', `${ODF}formula`, 'odf'],
  ['ott', 'OpenDocument Text Template', 'word-processing', O, 'OASIS', `${ODF}text-template`, 'ott'],
  ['ots', 'OpenDocument Spreadsheet Template', 'spreadsheet', O, 'OASIS', `${ODF}spreadsheet-template`, 'ots'],
  ['otp', 'OpenDocument Presentation Template', 'presentation', O, 'OASIS', `${ODF}presentation-template`, 'otp'],
  ['otg', 'OpenDocument Graphics Template', 'drawing', O, 'OASIS', `${ODF}graphics-template`, 'otg'],
  ['odm', 'OpenDocument Master Document', 'word-processing', O, 'OASIS', `${ODF}text-master`, 'odm'],
  ['otm', 'OpenDocument Master Document Template', 'word-processing', O, 'OASIS', `${ODF}text-master-template`, 'otm'],
  ['fodt', 'Flat OpenDocument Text (XML)', 'word-processing', O, 'OASIS', `${ODF}text`, 'fodt xml'],
  ['fods', 'Flat OpenDocument Spreadsheet (XML)', 'spreadsheet', O, 'OASIS', `${ODF}spreadsheet`, 'fods xml'],
  ['fodp', 'Flat OpenDocument Presentation (XML)', 'presentation', O, 'OASIS', `${ODF}presentation`, 'fodp xml'],
  ['fodg', 'Flat OpenDocument Graphics (XML)', 'drawing', O, 'OASIS', `${ODF}graphics`, 'fodg xml'],
  ['sxw', 'OpenOffice.org 1.x Writer', 'word-processing', D, 'Sun Microsystems', 'application/vnd.sun.xml.writer', 'sxw'],
  ['sxc', 'OpenOffice.org 1.x Calc', 'spreadsheet', D, 'Sun Microsystems', 'application/vnd.sun.xml.calc', 'sxc'],
  ['sxi', 'OpenOffice.org 1.x Impress', 'presentation', D, 'Sun Microsystems', 'application/vnd.sun.xml.impress', 'sxi'],
  ['sxd', 'OpenOffice.org 1.x Draw', 'drawing', D, 'Sun Microsystems', 'application/vnd.sun.xml.draw', 'sxd'],
  ['sxg', 'OpenOffice.org 1.x Writer Master Document', 'word-processing', D, 'Sun Microsystems', 'application/vnd.sun.xml.writer.global', 'sxg'],
  ['sxm', 'OpenOffice.org 1.x Math', 'other', D, 'Sun Microsystems', 'application/vnd.sun.xml.math', 'sxm'],
  ['stw', 'OpenOffice.org 1.x Writer Template', 'word-processing', D, 'Sun Microsystems', 'application/vnd.sun.xml.writer.template', 'stw'],
  ['stc', 'OpenOffice.org 1.x Calc Template', 'spreadsheet', D, 'Sun Microsystems', 'application/vnd.sun.xml.calc.template', 'stc'],
  ['sti', 'OpenOffice.org 1.x Impress Template', 'presentation', D, 'Sun Microsystems', 'application/vnd.sun.xml.impress.template', 'sti'],
  ['std', 'OpenOffice.org 1.x Draw Template', 'drawing', D, 'Sun Microsystems', 'application/vnd.sun.xml.draw.template', 'std'],
  ['sdw', 'StarOffice 5 Writer', 'word-processing', C, 'Sun Microsystems', 'application/vnd.stardivision.writer', 'sdw', 'x-fmt/400'],
  ['sdc', 'StarOffice 5 Calc', 'spreadsheet', C, 'Sun Microsystems', 'application/vnd.stardivision.calc', 'sdc'],
  ['sdd', 'StarOffice 5 Impress', 'presentation', C, 'Sun Microsystems', 'application/vnd.stardivision.impress', 'sdd'],
  ['sda', 'StarOffice 5 Draw', 'drawing', C, 'Sun Microsystems', 'application/vnd.stardivision.draw', 'sda'],
  // Adobe and publishing
  ['pdf', 'Portable Document Format', 'page-description', O, 'Adobe / ISO', 'application/pdf', 'pdf', 'fmt/276'],
  ['ai', 'Adobe Illustrator Artwork', 'drawing', D, 'Adobe', 'application/illustrator', 'ai', 'fmt/561'],
  ['eps', 'Encapsulated PostScript', 'page-description', D, 'Adobe', 'application/postscript', 'eps epsf epsi', 'fmt/124'],
  ['ps', 'PostScript', 'page-description', D, 'Adobe', 'application/postscript', 'ps', 'x-fmt/408'],
  ['psd', 'Adobe Photoshop Document', 'image', D, 'Adobe', 'image/vnd.adobe.photoshop', 'psd', 'x-fmt/92'],
  ['psb', 'Adobe Photoshop Large Document', 'image', D, 'Adobe', 'image/vnd.adobe.photoshop', 'psb'],
  ['indd', 'Adobe InDesign Document', 'publishing', C, 'Adobe', 'application/x-indesign', 'indd indt', 'fmt/552'],
  ['idml', 'Adobe InDesign Markup Language Package', 'publishing', D, 'Adobe', 'application/vnd.adobe.indesign-idml-package', 'idml', 'fmt/1184'],
  ['inx', 'Adobe InDesign Interchange (XML)', 'publishing', D, 'Adobe', 'application/x-indesign-interchange', 'inx'],
  ['xdp', 'Adobe XML Data Package (XFA)', 'other', D, 'Adobe', 'application/vnd.adobe.xdp+xml', 'xdp'],
  ['swf', 'Adobe Flash (Shockwave Flash)', 'multimedia', D, 'Adobe', 'application/x-shockwave-flash', 'swf'],
  ['fla', 'Adobe Flash / Animate Source', 'multimedia', C, 'Adobe', 'application/vnd.adobe.fla', 'fla'],
  ['mov', 'QuickTime movie', 'multimedia', D, 'Apple', 'video/quicktime', 'mov qt', 'x-fmt/384'],
  ['mp4', 'MPEG-4 media', 'multimedia', O, 'ISO/IEC 14496-14', 'video/mp4', 'mp4 m4v m4a f4v 3gp', 'fmt/199'],
  ['qxp', 'QuarkXPress Document', 'publishing', C, 'Quark', 'application/vnd.quark.quarkxpress', 'qxp qxd'],
  ['epub', 'EPUB Publication', 'publishing', O, 'W3C / IDPF', 'application/epub+zip', 'epub', 'fmt/483'],
  // Other office suites
  ['wpd', 'WordPerfect Document', 'word-processing', D, 'Corel', 'application/vnd.wordperfect', 'wpd wp wp5 wp6', 'x-fmt/44'],
  ['shw', 'Corel Presentations Slide Show', 'presentation', C, 'Corel', 'application/x-corelpresentations', 'shw'],
  ['wk1', 'Lotus 1-2-3 Worksheet (release 2)', 'spreadsheet', D, 'Lotus / IBM', 'application/vnd.lotus-1-2-3', 'wk1'],
  ['wks', 'Lotus 1-2-3 Worksheet (release 1)', 'spreadsheet', D, 'Lotus / IBM', 'application/vnd.lotus-1-2-3', 'wks'],
  ['wk3', 'Lotus 1-2-3 Worksheet (release 3)', 'spreadsheet', D, 'Lotus / IBM', 'application/vnd.lotus-1-2-3', 'wk3', 'x-fmt/115'],
  ['wk4', 'Lotus 1-2-3 Worksheet (release 4/5)', 'spreadsheet', D, 'Lotus / IBM', 'application/vnd.lotus-1-2-3', 'wk4'],
  ['123', 'Lotus 1-2-3 97/Millennium Workbook', 'spreadsheet', C, 'Lotus / IBM', 'application/vnd.lotus-1-2-3', '123'],
  ['wq1', 'Quattro Pro for DOS Spreadsheet', 'spreadsheet', C, 'Borland / Corel', 'application/x-quattro-pro', 'wq1'],
  ['wq2', 'Quattro Pro 5 for DOS Spreadsheet', 'spreadsheet', C, 'Borland / Corel', 'application/x-quattro-pro', 'wq2'],
  ['wb1', 'Quattro Pro for Windows 1 Notebook', 'spreadsheet', C, 'Borland', 'application/x-quattro-pro', 'wb1'],
  ['wb2', 'Quattro Pro for Windows 5/6 Notebook', 'spreadsheet', C, 'Borland / Novell', 'application/x-quattro-pro', 'wb2'],
  ['wb3', 'Quattro Pro 7/8 Notebook', 'spreadsheet', C, 'Corel', 'application/x-quattro-pro', 'wb3'],
  ['qpw', 'Quattro Pro 9+ Notebook', 'spreadsheet', C, 'Corel', 'application/x-quattro-pro', 'qpw', 'fmt/837'],
  ['sam', 'Lotus Ami Pro Document', 'word-processing', C, 'Lotus / IBM', 'application/vnd.lotus-wordpro', 'sam'],
  ['hwp', 'Hangul Word Processor Document', 'word-processing', D, 'Hancom', 'application/x-hwp', 'hwp', 'fmt/1084'],
  // OWPML (KS X 6101, a Korean national standard): a ZIP with mimetype application/hwp+zip, Hangul 2010 on.
  ['hwpx', 'Hangul Word Processor OWPML Document', 'word-processing', O, 'Hancom', 'application/hwp+zip', 'hwpx'],
  ['pages', 'Apple Pages Document', 'word-processing', C, 'Apple', 'application/vnd.apple.pages', 'pages', 'fmt/1441'],
  ['numbers', 'Apple Numbers Spreadsheet', 'spreadsheet', C, 'Apple', 'application/vnd.apple.numbers', 'numbers', 'fmt/1441'],
  ['key', 'Apple Keynote Presentation', 'presentation', C, 'Apple', 'application/vnd.apple.keynote', 'key', 'fmt/1441'],
  ['iwork', 'Apple iWork Document (application not readable)', 'other', C, 'Apple', 'application/x-iwork', '', 'fmt/1441'],
  // CAD and graphics
  ['dwg', 'AutoCAD Drawing', 'drawing', C, 'Autodesk', 'image/vnd.dwg', 'dwg'],
  ['dxf', 'AutoCAD Drawing Exchange Format', 'drawing', D, 'Autodesk', 'image/vnd.dxf', 'dxf'],
  ['cdr', 'CorelDRAW Drawing', 'drawing', C, 'Corel', 'application/vnd.corel-draw', 'cdr'],
  ['xcf', 'GIMP Image', 'image', O, 'GIMP', 'image/x-xcf', 'xcf'],
  ['emf', 'Enhanced Metafile', 'image', D, MS, 'image/emf', 'emf'],
  ['wmf', 'Windows Metafile', 'image', D, MS, 'image/wmf', 'wmf', 'x-fmt/119'],
  ['svg', 'Scalable Vector Graphics', 'image', O, 'W3C', 'image/svg+xml', 'svg svgz'],
  ['png', 'Portable Network Graphics', 'image', O, 'W3C / ISO', 'image/png', 'png', 'fmt/13'],
  ['jpeg', 'JPEG image', 'image', O, 'ISO / ITU', 'image/jpeg', 'jpg jpeg jpe jfif', 'fmt/43'],
  ['gif', 'Graphics Interchange Format', 'image', O, 'CompuServe', 'image/gif', 'gif', 'fmt/4'],
  ['tiff', 'Tagged Image File Format', 'image', D, 'Adobe', 'image/tiff', 'tif tiff', 'fmt/353'],
  ['webp', 'WebP image', 'image', O, 'Google', 'image/webp', 'webp'],
  ['bmp', 'Windows Bitmap', 'image', D, MS, 'image/bmp', 'bmp dib'],
  ['jp2', 'JPEG 2000 image', 'image', O, 'ISO/IEC 15444', 'image/jp2', 'jp2 jpf jpx j2k j2c jpm mj2', 'x-fmt/392'],
  // Fonts: a document's fonts travel as files too (the metric-compatible bridges replace them).
  ['ttf', 'TrueType / OpenType font (TrueType outlines)', 'font', O, 'ISO/IEC 14496-22 (Apple, Microsoft)', 'font/ttf', 'ttf'],
  ['otf', 'OpenType font (CFF outlines)', 'font', O, 'ISO/IEC 14496-22 (Adobe, Microsoft)', 'font/otf', 'otf'],
  ['ttc', 'TrueType / OpenType font collection', 'font', O, 'ISO/IEC 14496-22', 'font/collection', 'ttc otc'],
  ['woff', 'Web Open Font Format', 'font', O, 'W3C', 'font/woff', 'woff'],
  ['woff2', 'Web Open Font Format 2', 'font', O, 'W3C', 'font/woff2', 'woff2'],
  ['eot', 'Embedded OpenType font', 'font', D, MS, 'application/vnd.ms-fontobject', 'eot fntdata'], // PowerPoint embeds fonts as EOT .fntdata parts
  // Neutral text and archives
  ['html', 'HTML document', 'text', O, 'W3C / WHATWG', 'text/html', 'html htm xhtml', 'fmt/96'],
  ['xml', 'XML document', 'text', O, 'W3C', 'application/xml', 'xml', 'fmt/101'],
  ['csv', 'Comma-separated values', 'text', O, 'IETF', 'text/csv', 'csv tsv tab txt', 'x-fmt/18'], // .txt: Excel's "Text (Tab delimited)" and many exports
  ['txt', 'Plain text', 'text', O, '', 'text/plain', 'txt text log md ini cfg conf', 'x-fmt/111'],
  ['zip', 'ZIP archive', 'archive', D, 'PKWARE', 'application/zip', 'zip', 'x-fmt/263'],
  ['7z', '7-Zip archive', 'archive', O, 'Igor Pavlov', 'application/x-7z-compressed', '7z', 'fmt/484'],
  ['rar', 'RAR archive', 'archive', D, 'RARLAB', 'application/vnd.rar', 'rar', 'fmt/411'],
  ['ar', 'Unix ar archive', 'archive', O, 'Unix', 'application/x-archive', 'a ar deb lib'],
  ['gzip', 'GZIP compressed data', 'archive', O, 'IETF', 'application/gzip', 'gz tgz', 'x-fmt/266'],
  ['tar', 'Tape archive', 'archive', O, 'IEEE', 'application/x-tar', 'tar', 'x-fmt/265'],
  ['unknown', 'Unknown format', 'other', C, '', '', ''],
]

/** Every format Passerelle can name. */
export const FORMATS: FormatInfo[] = ROWS.map(([id, name, family, openness, vendor, mime, extensions, puid]) => ({
  id, name, family, openness,
  ...(vendor ? {vendor} : {}),
  ...(mime ? {mime} : {}),
  extensions: extensions ? extensions.split(' ') : [],
  ...(puid ? {puid} : {}),
}))

const byId = new Map(FORMATS.map((x) => [x.id, x]))

/** The registry entry of a format id. */
export function formatById(id: string): FormatInfo | undefined {
  return byId.get(id)
}

/** True when the extension is one the format is usually saved with. */
export function extensionFits(formatId: string, extension: string): boolean {
  return formatById(formatId)?.extensions.includes(extension) ?? false
}

/** The formats a file with this extension usually holds (for tie-breaks between look-alikes). */
export function formatsForExtension(extension: string): string[] {
  return FORMATS.filter((f) => f.extensions.includes(extension)).map((f) => f.id)
}
