// Text-based formats, told by what their first kilobytes say: the XML root element and its namespace
// (Word/Excel 2003 XML, flat ODF, InDesign Interchange, XDP, SVG), PostScript's DSC comments (EPS,
// PostScript-based Illustrator), DXF's group codes, and finally CSV or plain text.
import type {MagicHit} from './magic.js'

type Hit = Extract<MagicHit, {format: string}>
const is = (format: string, basis: string, warnings: string[] = []): Hit => ({format, basis, warnings})

/** Decode the head of a text file (UTF-8, or UTF-16 with a byte-order mark); undefined when it is not text. */
export function decodeText(head: Buffer): string | undefined {
  if (head.length === 0) return undefined
  // A byte-order mark opens text only when the text after it is text: binary formats can start with FF FE
  // too (a SketchUp model's UTF-16 name, then binary).
  if (head[0] === 0xff && head[1] === 0xfe) return textual(head.subarray(2, head.length & ~1).toString('utf16le'))
  if (head[0] === 0xfe && head[1] === 0xff) return textual(Buffer.from(head.subarray(2, head.length & ~1)).swap16().toString('utf16le'))
  // UTF-16 without a byte-order mark: ASCII text leaves every other byte zero, on one side or the other.
  const bomless = utf16WithoutMark(head)
  if (bomless === 'le') return head.subarray(0, head.length & ~1).toString('utf16le')
  if (bomless === 'be') return Buffer.from(head.subarray(0, head.length & ~1)).swap16().toString('utf16le')
  const body = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head
  return body.includes(0) ? undefined : textual(body.toString('utf8'))
}

// Decoded text with hardly any control characters (NUL included: under 1%), else undefined.
function textual(text: string): string | undefined {
  let control = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++
  }
  return control / Math.max(1, text.length) < 0.01 ? text : undefined
}

function utf16WithoutMark(head: Buffer): 'le' | 'be' | undefined {
  const n = Math.min(head.length & ~1, 512)
  if (n < 16) return undefined
  let evenZero = 0
  let oddZero = 0
  let printable = 0
  for (let i = 0; i < n; i += 2) {
    const [a, b] = [head[i]!, head[i + 1]!]
    if (a === 0) evenZero++
    if (b === 0) oddZero++
    const c = a === 0 ? b : a
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++
  }
  const pairs = n / 2
  if (printable < pairs * 0.95) return undefined
  if (oddZero === pairs && evenZero === 0) return 'le'
  if (evenZero === pairs && oddZero === 0) return 'be'
  return undefined
}

const FLAT_ODF: Record<string, string> = {text: 'fodt', spreadsheet: 'fods', presentation: 'fodp', graphics: 'fodg'}

/** Name the format of a text file, or undefined when the head is not text. */
export function sniffText(head: Buffer, extension: string): Hit | undefined {
  const text = decodeText(head)
  if (text === undefined) return mailWithBinaryBody(head) ?? textWithControlBytes(head, extension)
  const start = text.trimStart()
  if (start.startsWith('<')) return xml(start, extension)
  if (start.startsWith('%!')) return postscript(start, extension)
  if (/^(999\r?\n[^\n]*\r?\n\s*)?0\r?\n\s*SECTION\r?\n/.test(start)) return is('dxf', 'DXF group code 0 / SECTION at the start')
  if (isMail(start)) return is('eml', 'RFC 5322 / MIME header fields at the start (e-mail message or web archive)')
  if (['csv', 'tsv', 'tab'].includes(extension)) return is('csv', `text; extension .${extension} (delimited text cannot be told from plain text by its bytes alone)`)
  const delimiter = delimited(text)
  if (delimiter) return is('csv', `text whose first lines all hold the same number of "${delimiter === '\t' ? '\\t' : delimiter}" delimiters`)
  return is('txt', 'no signature; bytes look like text')
}

// An OOXML package saved as one XML file (Flat OPC): its parts are pkg:part elements, each with its content type.
const FLAT_OPC = /schemas\.microsoft\.com\/office\/2006\/xmlPackage/
const FLAT_MAIN: Array<[RegExp, string, string]> = [
  [/(wordprocessingml\.document|ms-word\.document\.macroEnabled)\.main\+xml/, 'docx-flat', 'Word'],
  [/(presentationml\.(presentation|slideshow)|ms-powerpoint\.(presentation|slideshow)\.macroEnabled)\.main\+xml/, 'pptx-flat', 'PowerPoint'],
]
// Elements that make a text an HTML page or fragment when it has no XML declaration (an exported snippet
// starting with <h1> or <table> is not XML, even when it happens to be well formed).
const HTML_ROOTS = new Set(['html', 'head', 'body', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'span', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'nav', 'main', 'pre', 'form', 'script', 'style', 'meta', 'link', 'title', 'blockquote', 'dl', 'figure', 'a', 'img', 'br', 'hr', 'iframe'])

function xml(text: string, extension: string): Hit {
  const progid = /<\?mso-application\s+progid\s*=\s*["']([^"']+)["']/i.exec(text)?.[1]
  if (FLAT_OPC.test(text)) {
    for (const [type, id, app] of FLAT_MAIN) if (type.test(text)) return is(id, `Flat OPC package (pkg:package) whose main part is a ${app} document`)
    if (progid === 'Word.Document') return is('docx-flat', 'Flat OPC package (pkg:package), <?mso-application progid="Word.Document"?>')
    if (progid === 'PowerPoint.Show') return is('pptx-flat', 'Flat OPC package (pkg:package), <?mso-application progid="PowerPoint.Show"?>')
  }
  if (progid === 'Word.Document') return is('wordml', '<?mso-application progid="Word.Document"?> (Word 2003 XML)')
  if (progid === 'Excel.Sheet') return is('spreadsheetml', '<?mso-application progid="Excel.Sheet"?> (Excel 2003 XML)')
  const aid = /<\?aid\s[^?]*\btype\s*=\s*["'](\w+)["']/.exec(text)?.[1]
  if (aid === 'document') return is('inx', '<?aid type="document"?> processing instruction (InDesign Interchange)')
  // The root element: skip the XML declaration, processing instructions, comments and the DOCTYPE.
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '').trimStart()
  if (/^<!DOCTYPE\s+html/i.test(body)) return is('html', '<!DOCTYPE html>')
  const rootTag = /<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(body.replace(/^<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '').trimStart())
  const root = rootTag?.[1] ?? ''
  const attrs = rootTag?.[2] ?? ''
  if (root === 'w:wordDocument' || /schemas\.microsoft\.com\/office\/word\/2003\/wordml/.test(attrs)) return is('wordml', `root element ${root} (WordprocessingML 2003 namespace)`)
  if (/(^|:)Workbook$/.test(root) && /urn:schemas-microsoft-com:office:spreadsheet/.test(attrs)) return is('spreadsheetml', `root element ${root} in urn:schemas-microsoft-com:office:spreadsheet`)
  if (/(^|:)document$/.test(root) && /urn:oasis:names:tc:opendocument:xmlns:office/.test(attrs)) {
    const kind = /mimetype\s*=\s*["']application\/vnd\.oasis\.opendocument\.(\w+)["']/.exec(attrs)?.[1] ?? ''
    if (FLAT_ODF[kind]) return is(FLAT_ODF[kind], `root element ${root} with office:mimetype ${kind} (flat ODF)`)
  }
  if (/(^|:)VisioDocument$/.test(root) && /schemas\.microsoft\.com\/visio\/2003\/core/.test(attrs)) return is('vdx', `root element ${root} in the Visio 2003 XML namespace (DatadiagramML)`)
  if (/(^|:)xdp$/.test(root) && /ns\.adobe\.com\/xdp/.test(attrs)) return is('xdp', `root element ${root} in the XDP namespace`)
  if (/(^|:)svg$/.test(root)) return is('svg', `root element ${root}`)
  if (/^html$/i.test(root)) return is('html', `root element ${root}`)
  if (HTML_ROOTS.has(root.toLowerCase()) && !text.startsWith('<?xml') && extension !== 'xml') return is('html', `first element <${root}> is an HTML element, no XML declaration (an HTML fragment)`)
  if (text.startsWith('<?xml') || root) return is('xml', root ? `XML, root element ${root}` : 'XML declaration')
  return is('txt', 'text starting with "<" but no element')
}

// Adobe DSC: "%!PS-Adobe-3.0 EPSF-3.0" marks EPS; Illustrator writes "%%Creator: Adobe Illustrator"
// and %AI…_ comments into its native PostScript-based files and into the EPS it exports.
function postscript(text: string, extension: string): Hit {
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? ''
  const eps = /EPSF-\d/.test(firstLine)
  const illustrator = /%%Creator:\s*Adobe Illustrator|%%?AI\d+_/i.test(text)
  if (illustrator && (!eps || extension === 'ai')) return is('ai', `PostScript with Illustrator comments${eps ? '; extension .ai chooses ai over eps' : ''}`)
  if (eps) return is('eps', `DSC header ${firstLine.slice(0, 40)}`)
  return is('ps', `PostScript header ${firstLine.slice(0, 40)}`)
}

// An e-mail message starts with header fields: the first line is a field (any name), and the first dozen
// fields (folded continuation lines skipped) hold at least three known ones, one of them naming the origin.
const MAIL_HEADERS = /^(Return-Path|Received|From|To|Cc|Subject|Date|Message-ID|MIME-Version|Delivered-To|Content-Type|Resent-[\w-]+|Reply-To|Sender|X-[\w-]+):/i
const FIELD = /^[!-9;-~]+:/ // RFC 5322 field name: printable ASCII but the colon
function isMail(text: string): boolean {
  // A message saved from an mbox keeps its envelope line ("From sender date", no colon) first.
  const all = text.split(/\r?\n/, 200)
  const fields = all.filter((l, i) => !/^[ \t]/.test(l) && !(i === 0 && /^From \S/.test(l))).slice(0, 12) // folded continuation lines
  const known = fields.filter((l) => MAIL_HEADERS.test(l)).length
  if (!FIELD.test(fields[0] ?? '')) return false
  if (known >= 3 && fields.some((l) => /^(From|Received|Message-ID|Date|Resent-From):/i.test(l))) return true
  // A MIME document without mail headers: a web archive (.mht) that Word or a browser saved.
  return fields.some((l) => /^MIME-Version:/i.test(l)) && fields.some((l) => /^Content-Type:\s*multipart\//i.test(l))
}

// A message whose body is binary (Content-Transfer-Encoding: binary, a TNEF or image part): its header
// block, ended by an empty line, is text before the first zero byte.
function mailWithBinaryBody(head: Buffer): Hit | undefined {
  const zero = head.indexOf(0)
  if (zero < 128) return undefined
  const text = decodeText(head.subarray(0, zero))
  if (text === undefined || !/\r?\n\r?\n/.test(text) || !isMail(text.trimStart())) return undefined
  return is('eml', 'RFC 5322 header fields at the start, then a binary body (e-mail message)')
}

// Text with control bytes where text tools leave them (Excel writes NULs into a SpreadsheetML NaN,
// exported cells keep raw 0x01-0x1F): told only by what holds despite them, an XML declaration at the
// start (a few control bytes), or a delimited-text name on lines of text holding its delimiter (the
// extension breaks the tie the bytes leave, with a warning).
function textWithControlBytes(head: Buffer, extension: string): Hit | undefined {
  let control = 0
  for (const b of head) if (b < 9 || (b > 13 && b < 32) || b === 127) control++
  if (head.length < 16) return undefined
  const text = head.toString('utf8').replace(/\0/g, ' ')
  const warning = [`${control} control byte(s) in the first ${head.length} bytes of the text`]
  const start = text.trimStart()
  if (start.startsWith('<?xml') && control <= head.length * 0.05) return {...xml(start, extension), warnings: warning}
  const delimiter = {csv: ',;', tsv: '\t', tab: '\t'}[extension]
  if (delimiter && control <= head.length * 0.3 && /[\r\n]/.test(text) && [...delimiter].some((d) => text.includes(d))) {
    return is('csv', `lines of text holding delimiters, with control bytes; extension .${extension}`, warning)
  }
  return undefined
}

// A CSV's first lines hold the same number of delimiters; prose does not.
function delimited(text: string): string | undefined {
  const lines = text.split(/\r?\n/).slice(0, 11)
  if (lines.length > 1 && text.length >= 4096) lines.pop() // the last line may be cut by the head
  const full = lines.filter((l) => l.length > 0)
  if (full.length < 3) return undefined
  for (const d of [',', ';', '\t']) {
    const counts = full.map((l) => l.split(d).length - 1)
    if (counts[0]! > 0 && counts.every((c) => c === counts[0])) return d
  }
  return undefined
}
