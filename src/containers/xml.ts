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

/** True when the text declares a DOCTYPE (reported as a warning by callers; it is never processed). */
export const hasDoctype = (xml: string) => /<!DOCTYPE/i.test(xml.slice(0, 4096))

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g

/** Every start/empty element whose local name is in `names` (all elements when names is omitted). */
export function* elements(xml: string, names?: ReadonlySet<string>): Generator<XmlElement> {
  const tag = /<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)(\s[^<>]*?)?(\/?)>/g
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const name = m[1]!
    const colon = name.indexOf(':')
    const local = colon >= 0 ? name.slice(colon + 1) : name
    if (names && !names.has(local)) continue
    const attributes: Record<string, string> = {}
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      const key = a[1]!
      const value = decodeEntities(a[3] ?? a[4] ?? '')
      attributes[key] = value
      const c = key.indexOf(':')
      if (c >= 0 && !(key.slice(c + 1) in attributes)) attributes[key.slice(c + 1)] = value
    }
    yield {name, local, attributes, selfClosing: m[3] === '/' || /\/\s*$/.test(m[2] ?? ''), index: m.index}
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
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^<>]*)?>([^<]*)</(?:[\\w.-]+:)?${local}>`, 'g')
  for (const m of xml.matchAll(re)) out.push(decodeEntities(m[1]!))
  return out
}

/** A truthy OOXML/ODF boolean attribute value ("1", "true", "on"). */
export const isTrue = (v: string | undefined) => v !== undefined && /^(1|true|on)$/i.test(v.trim())
