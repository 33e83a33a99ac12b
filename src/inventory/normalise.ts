// Normalisation of inventory rows: one vendor for its many spellings, a product id for the products
// rules care about (across languages, editions, Click-to-Run components and package ids), a version
// scheme and the parsed version. The tables are data (data/vendors.yaml, data/products.yaml).
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'
import {detectScheme, parseVersion, type Scheme} from '../lib/versions.js'
import type {Software} from '../model.js'

type ProductEntry = {id: string; names?: string[]; components?: string[]; ids?: string[]}
type Product = {id: string; names: RegExp[]; components: RegExp[]}

/** Where the data files are, from src/inventory or dist/inventory alike. */
export const DATA_DIR = new URL('../../data/', import.meta.url)

type Tables = {vendors: Array<{id: string; name: string; match: RegExp[]}>; products: Product[]; byId: Map<string, string>; component: RegExp[]; update: RegExp[]; ids: string[]}
let tables: Tables | undefined

/** Load and compile the data files once, on first use (a run that reads no inventory never pays for them). */
function data(): Tables {
  if (tables) return tables
  const vendorData = parse(readFileSync(new URL('vendors.yaml', DATA_DIR), 'utf8')) as {vendors: Array<{id: string; name: string; match: string[]}>}
  const productData = parse(readFileSync(new URL('products.yaml', DATA_DIR), 'utf8')) as {componentWords: string[]; updateWords: string[]; products: ProductEntry[]}
  const byId = new Map<string, string>()
  for (const p of productData.products) for (const id of p.ids ?? []) byId.set(id.toLowerCase(), p.id)
  tables = {
    vendors: vendorData.vendors.map((v) => ({...v, match: v.match.map((m) => new RegExp(m))})),
    products: productData.products.map((p) => ({id: p.id, names: (p.names ?? []).map((n) => new RegExp(n)), components: (p.components ?? []).map((n) => new RegExp(n))})),
    byId, component: productData.componentWords.map((w) => new RegExp(w)), update: productData.updateWords.map((w) => new RegExp(w)),
    ids: productData.products.map((p) => p.id),
  }
  return tables
}

/** Every product id the data defines (the list rules match on). */
export function productIds(): string[] {
  return data().ids
}

/** A publisher reduced for matching: lower case, no punctuation or legal suffix. */
function cleanVendor(raw: string): string {
  return raw.toLowerCase().replace(/[®™©]/g, '').replace(/<[^>]*>/g, (m) => ` ${m.slice(1, -1)} `)
    .replace(/[.,"()]/g, ' ').replace(/\b(incorporated|inc|corp|corporation|co|ltd|limited|llc|gmbh|s ?a|ag|plc)\b/g, ' ')
    .replace(/\s+/g, ' ').trim()
}

/** The vendor id and display name for a publisher string, when the alias table knows it. */
export function normaliseVendor(raw: string): {id: string; name: string} | undefined {
  const clean = cleanVendor(raw)
  const v = data().vendors.find((x) => x.match.some((m) => m.test(clean) || m.test(raw.toLowerCase())))
  return v ? {id: v.id, name: v.name} : undefined
}

const LANGUAGES = 'english|french|français|francais|german|deutsch|spanish|español|italian|italiano|japanese|korean|chinese|portuguese|dutch|russian|polish|swedish|arabic|hebrew'

/** A product name reduced for matching: language suffix, architecture, update wrapping and marks removed. */
export function cleanName(name: string): string {
  return name.toLowerCase().replace(/\(r\)|\(tm\)|[®™©]/g, '')
    .replace(/\s+-\s+[a-z]{2,3}(-[a-z0-9]{2,4}){1,2}\s*$/, '')
    .replace(/\((x64|x86|64-bit|32-bit|64 bit|32 bit|amd64|arm64|x86_64)\)/g, ' ')
    .replace(/\b(64|32)-bit edition\b|\bx64 edition\b/g, ' ')
    .replace(/\(kb\d+\)/g, ' ')
    .replace(new RegExp(`\\((${LANGUAGES})[^)]*\\)`, 'g'), ' ')
    .replace(/^(security |critical |definition |service )?update (for|to) /, '').replace(/^hotfix (for|to) /, '')
    .replace(/\s+/g, ' ').trim()
}

/** The product id for a name or package id, and whether the row is a part (component, update) of it. */
export function productOf(name: string, ids: string[] = []): {product?: string; part: boolean} {
  // Fleet exports repeat the same names on every host: remember recent answers (bounded, so memory stays flat).
  const key = ids.length === 0 ? name : `${name}\u0000${ids.join('\u0000')}`
  const known = recent.get(key)
  if (known) return known
  const found = lookUp(name, ids)
  if (recent.size >= 20_000) recent.clear()
  recent.set(key, found)
  return found
}

const recent = new Map<string, {product?: string; part: boolean}>()

function lookUp(name: string, ids: string[]): {product?: string; part: boolean} {
  const lower = name.toLowerCase().trim()
  const raw = lower.replace(/\s+/g, ' ')
  const t = data()
  const part = t.component.some((w) => w.test(raw)) || t.update.some((w) => w.test(raw))
  for (const id of [lower, ...ids.map((i) => i.toLowerCase())]) {
    const hit = t.byId.get(id)
    if (hit) return {product: hit, part}
  }
  const clean = cleanName(name)
  for (const p of t.products) {
    if (p.components.some((r) => r.test(clean))) return {product: p.id, part: true}
    if (p.names.some((r) => r.test(clean))) return {product: p.id, part}
  }
  return {part}
}

/** The marketing release a name carries (2010, 2016, DC, XI), kept apart from the build version. */
export function releaseOf(name: string): string | undefined {
  return name.match(/\b(19[89]\d|20[0-4]\d)\b/)?.[1] ?? name.match(/\b(DC|XI|CS\d|CC)\b/)?.[1]
}

/** Fill vendor, product, kind, scheme and parsed version of a row a reader produced. */
export function normalise(row: Software, options: {ids?: string[]; scheme?: Scheme} = {}): Software {
  const out: Software = {...row}
  if (row.vendor) {
    const v = normaliseVendor(row.vendor)
    if (v && v.name !== row.vendor) {
      out.vendor = v.name
      out.vendorRaw = row.vendor
    }
  }
  if (!out.product) {
    const {product, part} = productOf(row.name, options.ids)
    if (product) out.product = product
    if (part && row.kind === 'application') out.kind = 'component'
  }
  if (!out.vendor && out.product) out.vendor = normaliseVendor(out.product.split(':')[0]!)?.name
  if (row.version) {
    // Semver only when the ecosystem says so (lockfiles, purls): a Windows "10.0.50903" is a dotted build.
    const guessed = detectScheme(row.version)
    const scheme = options.scheme ?? (row.versionScheme as Scheme | undefined) ?? (guessed === 'year' || guessed === 'range' ? guessed : 'dotted')
    out.versionScheme = scheme
    const p = parseVersion(row.version, scheme)
    out.versionParsed = {epoch: p.epoch, parts: p.parts, ...(p.tail ? {tail: p.tail} : {})}
  }
  const release = releaseOf(row.name)
  if (release && !out.release) out.release = release
  return out
}
