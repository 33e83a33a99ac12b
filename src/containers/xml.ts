// A deliberately small XML reader for the parts probes look at. It never reads a DTD: a DOCTYPE is
// skipped unparsed, so internal entities (billion laughs) are never defined or expanded and external
// ones are never fetched. Only the five predefined entities and character references are decoded.

/** One start or empty element: its qualified name and raw attributes. */
export type XmlElement = {name: string; local: string; attributes: Record<string, string>; selfClosing: boolean; index: number}

const PREDEFINED: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"}

/** Decode the predefined entities and numeric references; any other entity is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref.toLowerCase()] ?? whole
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

/** The text of an XML part: UTF-16 (either order) when it starts with a byte-order mark, else UTF-8. */
export function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2, 2 + ((bytes.length - 2) & ~1))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1))).swap16().toString('utf16le')
  return bytes.toString('utf8')
}

/** True when the text declares a DOCTYPE (reported as a warning by callers; it is never processed). */
export const hasDoctype = (xml: string) => /<!DOCTYPE/i.test(xml.slice(0, 4096))

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g

const TAG = /<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)(\s[^<>]*?)?(\/?)>/y
const NAME_CHAR = /[\w.\-]/

function element(m: RegExpExecArray, local: string): XmlElement {
  const attributes: Record<string, string> = {}
  for (const a of (m[2] ?? '').matchAll(ATTR)) {
    const key = a[1]!
    const value = decodeEntities(a[3] ?? a[4] ?? '')
    attributes[key] = value
    const c = key.indexOf(':')
    if (c >= 0 && !(key.slice(c + 1) in attributes)) attributes[key.slice(c + 1)] = value
  }
  return {name: m[1]!, local, attributes, selfClosing: m[3] === '/' || /\/\s*$/.test(m[2] ?? ''), index: m.index}
}

// Where the tag around a name found at `at` starts: `<name` or `<prefix:name`, else -1.
function tagStart(xml: string, at: number): number {
  if (xml[at - 1] === '<') return at - 1
  if (xml[at - 1] !== ':') return -1
  let i = at - 2
  while (i >= 0 && NAME_CHAR.test(xml[i]!)) i--
  return xml[i] === '<' && i < at - 2 ? i : -1
}

/** Every start/empty element whose local name is in `names` (all elements when names is omitted).
 * Named lookups jump from one occurrence of a name to the next with indexOf, which is many times faster
 * on a large part than matching every tag with the regular expression. */
export function* elements(xml: string, names?: ReadonlySet<string>): Generator<XmlElement> {
  const tag = new RegExp(TAG.source, 'y')
  if (!names) {
    for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
      tag.lastIndex = i
      const m = tag.exec(xml)
      if (!m) continue
      const colon = m[1]!.indexOf(':')
      yield element(m, colon >= 0 ? m[1]!.slice(colon + 1) : m[1]!)
    }
    return
  }
  // The next occurrence of each name; the smallest comes first, so elements stay in document order.
  const next = new Map([...names].map((n) => [n, xml.indexOf(n)]))
  while (true) {
    let name: string | undefined
    let at = -1
    for (const [n, i] of next) if (i >= 0 && (at < 0 || i < at)) [name, at] = [n, i]
    if (!name) return
    next.set(name, xml.indexOf(name, at + 1))
    const start = tagStart(xml, at)
    if (start < 0) continue
    tag.lastIndex = start
    const m = tag.exec(xml)
    if (m && m[1]!.slice(m[1]!.indexOf(':') + 1) === name) yield element(m, name)
  }
}

/** The first element with that local name, or undefined. */
export function firstElement(xml: string, local: string): XmlElement | undefined {
  for (const e of elements(xml, new Set([local]))) return e
  return undefined
}

/** The decoded text of every element with that local name (`<w:instrText>` contents, for example). */
export function texts(xml: string, local: string): string[] {
  const out: string[] = []
  if (!xml.includes(local)) return out // most parts have none: skip the scan
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^<>]*)?>([^<]*)</(?:[\\w.-]+:)?${local}>`, 'g')
  for (const m of xml.matchAll(re)) out.push(decodeEntities(m[1]!))
  return out
}

/** A truthy OOXML/ODF boolean attribute value ("1", "true", "on"). */
export const isTrue = (v: string | undefined) => v !== undefined && /^(1|true|on)$/i.test(v.trim())
