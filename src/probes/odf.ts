// ODF packages (OASIS ODF 1.2/1.3 Part 3): the manifest lists encryption, macros (Basic/, Scripts/)
// and embedded objects; meta.xml names the generator; font-face declarations list the fonts; the body
// and styles hold tracked changes, DDE links, links to other files and Impress interactions.
import {elements, firstElement} from '../containers/xml.js'
import type {Feature, FontUse} from '../model.js'
import {odfFonts} from './fonts.js'
import {addFeature} from './probe.js'
import type {PartReader} from './package.js'

// A link leaves the package when it has a scheme (http:, file:) or climbs out of it (../, /); package
// members are written "Pictures/x.png", "./Object 1" or "Object 1".
const outside = (href: string) => /^[a-z][a-z0-9+.-]*:|^\.\.\/|^\/|^\\\\/i.test(href)
const LINKING = /changed-region|dde-|table-source|section-source|"execute"|xlink:href="(?:[a-z][a-z0-9+.-]*:|\.\.\/|\/)/i

// Features in the body or styles: tracked changes, DDE links, links to other files, Impress interactions.
function links(xml: string, part: string, f: Feature[]) {
  if (!LINKING.test(xml)) return
  for (const e of elements(xml, new Set(['changed-region', 'dde-connection-decl', 'dde-source', 'dde-link', 'table-source', 'section-source', 'object', 'object-ole', 'image', 'event-listener']))) {
    const href = e.attributes['xlink:href'] ?? ''
    if (e.local === 'changed-region') addFeature(f, 'tracked-changes', `text:changed-region (a tracked change) in ${part}`)
    else if (e.local === 'dde-connection-decl' || e.local === 'dde-source') addFeature(f, 'dde', `${e.name} ${[e.attributes['office:dde-application'], e.attributes['office:dde-topic'], e.attributes['office:dde-item']].filter(Boolean).join(' | ').slice(0, 120)} in ${part}`)
    else if (e.local === 'dde-link') addFeature(f, 'dde', `table:dde-link in ${part}`)
    else if ((e.local === 'table-source' || e.local === 'section-source') && href) addFeature(f, 'external-links', `${e.name} ${href.slice(0, 160)} in ${part}`)
    else if ((e.local === 'object' || e.local === 'object-ole') && outside(href)) addFeature(f, 'external-links', `linked object ${href.slice(0, 160)} in ${part}`)
    else if (e.local === 'image' && outside(href)) addFeature(f, 'linked-images', `linked image ${href.slice(0, 160)} in ${part}`)
    // Impress's "Run program" interaction: an event listener whose action is execute, the program in xlink:href.
    else if (e.local === 'event-listener' && e.attributes['presentation:action'] === 'execute') addFeature(f, 'launch-action', `presentation:action execute in ${part}: ${(href || '?').slice(0, 160)}`)
  }
}

/** Features and metadata of an ODF package, added to the reader. */
export async function odfFeatures(r: PartReader): Promise<void> {
  const f = r.features
  const manifest = (await r.text('META-INF/manifest.xml', 4 * 1024 * 1024)) ?? ''
  const root = firstElement(manifest, 'manifest')
  const encrypted = /<(?:\w+:)?encryption-data\b/.test(manifest)
  if (encrypted) addFeature(f, 'encrypted', 'ODF manifest:encryption-data (package entries are encrypted)')
  const version = root?.attributes['manifest:version']
  if (version) r.metadata.odfVersion = version
  const entries = [...elements(manifest, new Set(['file-entry']))].map((e) => ({path: e.attributes['manifest:full-path'] ?? '', type: e.attributes['manifest:media-type'] ?? ''}))
  const names = new Set([...r.names, ...entries.map((e) => e.path)])
  const modules = [...names].filter((n) => /^Basic\/[^/]+\/[^/]+\.xml$/.test(n) && !/\/script-l[bc]\.xml$/.test(n))
  const scripts = [...names].filter((n) => /^Scripts\/(python|javascript|beanshell|java)\/.+[^/]$/i.test(n))
  if (modules.length + scripts.length > 0) addFeature(f, 'odf-macros', `${modules.length} Basic module(s)${scripts.length ? `, ${scripts.length} script file(s)` : ''}: ${[...modules, ...scripts].slice(0, 5).join(', ')}`)
  // "Object N" is a sub-document when it is a folder with its own content.xml, a binary OLE object otherwise.
  const objects = new Set([...names].map((n) => /^(Object \d+)/.exec(n)?.[1]).filter((x): x is string => x !== undefined))
  const binary = [...objects].filter((o) => !names.has(`${o}/content.xml`) && !names.has(`${o}/`))
  const native = [...objects].filter((o) => names.has(`${o}/content.xml`))
  const oleTyped = entries.filter((e) => /oleobject/i.test(e.type)).map((e) => e.path)
  if (binary.length + oleTyped.length > 0) addFeature(f, 'ole-embedded', `binary OLE object(s) ${[...new Set([...binary, ...oleTyped])].slice(0, 5).join(', ')}`)
  if (native.length > 0) addFeature(f, 'embedded-objects', `embedded ODF sub-document(s) ${native.slice(0, 5).join(', ')}`)
  if ([...names].some((n) => /^META-INF\/(document|macro)signatures\.xml$/.test(n))) addFeature(f, 'digital-signature', 'META-INF signatures part')
  const fontFiles = [...names].filter((n) => /^Fonts\/[^/]+\.(ttf|otf|fntdata)$/i.test(n))
  if (fontFiles.length > 0) addFeature(f, 'embedded-fonts', `embedded font file(s) ${fontFiles.slice(0, 5).join(', ')}`)
  const meta = await r.text('meta.xml', 1024 * 1024)
  const generator = meta ? /<meta:generator>([^<]*)</.exec(meta)?.[1]?.trim() : undefined
  if (generator) {
    const m = /^([^/]+?)\/(\S+)/.exec(generator)
    r.metadata.application = m ? m[1]! : generator
    if (m) r.metadata.applicationVersion = m[2]!.replace(/\$.*$/, '')
    r.metadata.producer = generator
  }
  if (encrypted) return // content.xml, styles.xml and settings.xml are ciphertext
  const settings = (await r.text('settings.xml', 1024 * 1024)) ?? ''
  if (/config:name="RecordChanges"[^>]*>\s*true\s*</.test(settings)) addFeature(f, 'track-revisions-on', 'RecordChanges true in settings.xml')
  const fonts: FontUse[] = []
  for (const part of ['content.xml', 'styles.xml']) {
    const xml = await r.text(part, 8 * 1024 * 1024)
    if (!xml) continue
    if (!r.metadata.odfVersion) r.metadata.odfVersion = /office:version="([^"]+)"/.exec(xml.slice(0, 4096))?.[1]
    odfFonts(xml, fonts)
    links(xml, part, f)
  }
  for (const font of fonts) font.embedded = fontFiles.some((n) => n.toLowerCase().includes(font.name.toLowerCase().replace(/\s+/g, '')))
  if (fonts.length > 0) r.metadata.fonts = fonts
  if (!r.metadata.odfVersion) delete r.metadata.odfVersion
}
