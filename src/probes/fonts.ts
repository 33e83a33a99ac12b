// Fonts a package uses and whether it embeds them: the input of font rules (Calibri -> Carlito...).
// OOXML: Word's fontTable, Excel's styles, the theme's major/minor fonts and PowerPoint's embedded
// font list. ODF: the font-face declarations of content.xml and styles.xml.
import {elements} from '../containers/xml.js'
import type {FontUse} from '../model.js'
import {addFeature} from './probe.js'
import type {PartReader} from './package.js'

const MAX_FONTS = 200

/** Merge font uses by name; embedded wins when any source says so. */
export function collectFonts(into: FontUse[], name: string | undefined, embedded?: boolean): void {
  const n = name?.trim()
  if (!n || n.startsWith('+') || into.length >= MAX_FONTS) return
  const found = into.find((x) => x.name.toLowerCase() === n.toLowerCase())
  if (found) {
    if (embedded) found.embedded = true
  } else into.push(embedded === undefined ? {name: n} : {name: n, embedded})
}

/** Fonts of an OOXML package, into r.metadata.fonts (and embedded-fonts when one is embedded). */
export async function ooxmlFonts(r: PartReader): Promise<void> {
  const fonts: FontUse[] = []
  const table = await r.text('word/fontTable.xml', 2 * 1024 * 1024)
  if (table) {
    for (const block of table.split(/<w:font\b/).slice(1)) {
      const name = /^[^>]*w:name="([^"]*)"/.exec(block)?.[1]
      const embedded = /<w:embed(Regular|Bold|Italic|BoldItalic)\b/.test(block.split('</w:font>')[0] ?? '')
      collectFonts(fonts, name, embedded)
    }
  }
  const styles = await r.text('xl/styles.xml', 4 * 1024 * 1024)
  if (styles) for (const m of styles.matchAll(/<(?:\w+:)?font\b[^>]*>[\s\S]*?<(?:\w+:)?name\s+val="([^"]*)"/g)) collectFonts(fonts, m[1], false)
  const presentation = await r.text('ppt/presentation.xml', 4 * 1024 * 1024)
  if (presentation) {
    for (const m of presentation.matchAll(/<p:embeddedFont>\s*<p:font\s[^>]*typeface="([^"]*)"/g)) collectFonts(fonts, m[1], true)
  }
  const theme = r.names.find((n) => /^(word|xl|ppt)\/theme\/theme1\.xml$/.test(n))
  const themeXml = theme ? await r.text(theme, 4 * 1024 * 1024) : undefined
  if (themeXml) {
    for (const group of ['majorFont', 'minorFont']) {
      const m = new RegExp(`<a:${group}>\\s*<a:latin\\s[^>]*typeface="([^"]*)"`).exec(themeXml)
      collectFonts(fonts, m?.[1])
    }
  }
  const embedded = fonts.filter((x) => x.embedded)
  if (embedded.length > 0) addFeature(r.features, 'embedded-fonts', `embedded: ${embedded.map((x) => x.name).join(', ')}`)
  if (fonts.length > 0) r.metadata.fonts = fonts
}

/** The first family of a CSS font-family list (svg:font-family="'Courier New', monospace"), unquoted. */
export function firstFamily(list: string): string {
  const m = /^\s*(?:'([^']*)'|"([^"]*)"|([^,]*))/.exec(list)
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim()
}

/** Fonts declared by an ODF part (style:font-face), embedded when a font-face-uri points into the package. */
export function odfFonts(xml: string, into: FontUse[]): void {
  for (const e of elements(xml, new Set(['font-face']))) collectFonts(into, firstFamily(e.attributes['svg:font-family'] ?? e.attributes['style:name'] ?? ''))
}
