// Version schemes for rules: real inventory versions are rarely semver (4-part Windows builds, leading
// zeros, Debian epochs, RPM releases, marketing years, "DC 23.001.20093"), and semver.coerce drops the
// 4th part and fails on leading zeros, so each scheme has its own parser and comparison here.
// Constraints read like Grype's: ">=15.0, <15.1 || >16" (comma or space = and, || = or).
import {compareDebian, compareRpm, splitDebian, splitRpm} from './version-distro.js'

const SEMVER = /^\s*[v=]?\s*(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+)|([A-Za-z][0-9A-Za-z.-]*))?(?:\+[0-9A-Za-z.-]+)?\s*$/

/** Parse a (loose) semver string: v prefix, leading zeros and 1.2.3beta tolerated; a 4th numeric part is not semver. */
function semverParts(raw: string): {parts: number[]; prerelease: string[]} | undefined {
  const m = raw.match(SEMVER)
  if (!m) return undefined
  const pre = m[4] ?? m[5]
  return {parts: [Number(m[1]), Number(m[2]), Number(m[3])], prerelease: pre ? pre.split('.') : []}
}

/** Semver precedence of pre-release identifiers: none beats any; numbers before words; then field by field. */
function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1
    const nx = /^\d+$/.test(x)
    const ny = /^\d+$/.test(y)
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y)
    if (nx !== ny) return nx ? -1 : 1
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** The comparison schemes a Software row or a rule can name. */
export const SCHEMES = ['semver', 'dotted', 'debian', 'rpm', 'year', 'range'] as const
export type Scheme = (typeof SCHEMES)[number]

const ALIASES: Record<string, Scheme> = {
  semver: 'semver', npm: 'semver', composer: 'semver', go: 'semver',
  dotted: 'dotted', numeric: 'dotted', windows: 'dotted', msi: 'dotted', generic: 'dotted',
  debian: 'debian', deb: 'debian', dpkg: 'debian', rpm: 'rpm', evr: 'rpm', year: 'year', marketing: 'year', range: 'range',
}

/** The scheme a name stands for (aliases such as dpkg, msi, npm); undefined for auto/unknown. */
export function schemeOf(name?: string): Scheme | undefined {
  return name ? ALIASES[name.trim().toLowerCase()] : undefined
}

/** A version read into comparable pieces. `tail` holds a qualifier after the numbers (p2, beta1, build 26). */
export type ParsedVersion = {raw: string; scheme: Scheme; epoch: number; parts: number[]; tail: string; prerelease?: string}

const PRE = /^[-_.+~]?(alpha|beta|pre|preview|rc|dev|snapshot|a|b|c)(?![a-z])/i

/** Read the numbers of a free-form version: the first dotted run wins; a lone number is taken if no run. */
function dotted(raw: string): {epoch: number; parts: number[]; tail: string} {
  // Composer branch aliases (dev-main, dev-laravel_11_compatibility) name a branch, not a version.
  if (/^dev-/i.test(raw.trim())) return {epoch: 0, parts: [], tail: raw.trim().toLowerCase()}
  let s = raw.trim().replace(/\s*\.\s*/g, '.').replace(/\([^)]*\)/g, ' ')
  let epoch = 0
  const e = s.match(/^(\d+):(?=\d)/)
  if (e) {
    epoch = Number(e[1])
    s = s.slice(e[0].length)
  }
  s = s.replace(/_/g, ' ')
  const run = s.match(/(?<![\d.])\d+(?:\.\d+)+/) ?? s.match(/(?<![\w.])v?(\d+)(?![\d])/i) ?? s.match(/\d+/)
  if (!run) return {epoch, parts: [], tail: s.toLowerCase()}
  const text = run[0].replace(/^v/i, '')
  const parts = text.split('.').map((p) => Number.parseInt(p, 10))
  const after = s.slice((run.index ?? 0) + run[0].length)
  return {epoch, parts, tail: after.trim().toLowerCase()}
}

/** Parse a version under a scheme (dotted when none is given). */
export function parseVersion(raw: string, scheme?: Scheme | string): ParsedVersion {
  const sc = (typeof scheme === 'string' ? schemeOf(scheme) : scheme) ?? 'dotted'
  if (sc === 'semver') {
    const v = semverParts(raw)
    if (v) return {raw, scheme: sc, epoch: 0, parts: v.parts, tail: '', prerelease: v.prerelease.join('.') || undefined}
  }
  if (sc === 'debian') {
    const d = splitDebian(raw)
    return {raw, scheme: sc, ...dotted(d.upstream), epoch: d.epoch}
  }
  if (sc === 'rpm') {
    const r = splitRpm(raw)
    return {raw, scheme: sc, ...dotted(r.version), epoch: r.epoch}
  }
  if (sc === 'range') {
    // A manifest range (^6.7.2, ~1.2, >=3 <4): its lowest admissible version stands for it.
    const lowest = raw.match(/\d+(?:\.\d+)*/)
    return {raw, scheme: sc, ...dotted(lowest ? lowest[0] : raw)}
  }
  return {raw, scheme: sc, ...dotted(raw)}
}

/** Guess the scheme of a version string when the export does not say. */
export function detectScheme(raw: string): Scheme {
  const s = raw.trim()
  if (/^(19|20)\d\d$/.test(s)) return 'year'
  if (/^[\^~]|^[<>=]/.test(s)) return 'range'
  if (/^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(s) && !/(^|\.)0\d/.test(s.split(/[-+]/)[0]!)) return 'semver'
  return 'dotted'
}

/** Order qualifiers: pre-releases (beta, rc) before the release, post-releases (p1, build 7, SP1) after. */
function tailRank(tail: string): number {
  if (!tail) return 0
  return PRE.test(tail) ? -1 : 1
}

function compareTail(a: string, b: string): number {
  const ra = tailRank(a)
  const rb = tailRank(b)
  if (ra !== rb) return ra - rb
  return a.localeCompare(b, 'en', {numeric: true})
}

function compareParsed(a: ParsedVersion, b: ParsedVersion): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
    const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0)
    if (d !== 0) return d
  }
  if (a.prerelease !== undefined || b.prerelease !== undefined) {
    return comparePrerelease(a.prerelease?.split('.') ?? [], b.prerelease?.split('.') ?? [])
  }
  return compareTail(a.tail, b.tail)
}

/** Compare two versions under a scheme (dotted when none): negative when a < b, 0 when equal, positive when a > b. */
export function compare(a: string, b: string, scheme?: Scheme | string): number {
  const sc = (typeof scheme === 'string' ? schemeOf(scheme) : scheme) ?? 'dotted'
  if (sc === 'debian') return Math.sign(compareDebian(a, b))
  if (sc === 'rpm') return Math.sign(compareRpm(a, b))
  const sa = sc === 'semver' ? semverParts(a) : undefined
  const sb = sc === 'semver' ? semverParts(b) : undefined
  if (sa && sb) {
    for (let i = 0; i < 3; i++) if (sa.parts[i] !== sb.parts[i]) return Math.sign(sa.parts[i]! - sb.parts[i]!)
    return Math.sign(comparePrerelease(sa.prerelease, sb.prerelease))
  }
  return Math.sign(compareParsed(parseVersion(a, sc), parseVersion(b, sc)))
}

/** True when the version has the numbers a comparison needs (not "Latest", "", a branch alias). */
export function isComparable(version: string, scheme?: Scheme | string): boolean {
  const sc = (typeof scheme === 'string' ? schemeOf(scheme) : scheme) ?? 'dotted'
  if (sc === 'debian') return /^\s*(\d+:)?\d/.test(version)
  if (sc === 'rpm') return /\d/.test(version)
  return parseVersion(version, sc).parts.length > 0
}

const TERM = /(>=|<=|!=|==|>|<|=|\^|~)?\s*([^\s,<>=!^|][^\s,|]*(?:\s+build\s+\d+)?)/g

function caretUpper(v: ParsedVersion, tilde: boolean): string {
  const p = v.parts
  if (tilde) return p.length >= 2 ? `${p[0]}.${(p[1] ?? 0) + 1}` : `${(p[0] ?? 0) + 1}`
  const i = p.findIndex((x) => x !== 0)
  const at = i === -1 ? p.length - 1 : i
  return [...p.slice(0, at), (p[at] ?? 0) + 1].join('.')
}

function holds(raw: string, op: string | undefined, bound: string, scheme: Scheme | string | undefined): boolean {
  // A bound written without an epoch ("<24.8") speaks of the upstream version: the row's epoch
  // (Debian 4:7.4.7-1, RPM 1:10.3) is packaging history and must not make 7.4 newer than 24.8.
  const version = /^\s*\d+:/.test(bound) ? raw : raw.replace(/^\s*(\d+|\(none\)):(?=\d)/, '')
  if (op === '^' || op === '~') {
    const lo = parseVersion(bound, scheme ?? 'dotted')
    const hi = caretUpper(lo, op === '~')
    return compare(version, bound, scheme) >= 0 && compare(version, hi, scheme === 'debian' || scheme === 'rpm' ? scheme : 'dotted') < 0
  }
  const wildcard = bound.match(/^(\d+(?:\.\d+)*)\.[x*]$/i)
  if (wildcard && (!op || op === '=' || op === '==')) return holds(version, '~', wildcard[1]!, scheme)
  const c = compare(version, bound, scheme)
  switch (op) {
    case '>=': return c >= 0
    case '<=': return c <= 0
    case '>': return c > 0
    case '<': return c < 0
    case '!=': return c !== 0
    default: return c === 0
  }
}

/** True when the version satisfies the constraint: `,` or space = and, `||` = or; ^ and ~ as in npm; 15.x. */
export function satisfies(version: string, constraint: string, scheme?: Scheme | string): boolean {
  if (scheme && scheme !== 'auto' && !schemeOf(scheme)) throw new Error(`unknown version scheme "${scheme}"; schemes: ${SCHEMES.join(', ')}`)
  if (!isComparable(version, scheme)) return false
  return constraint.split('||').some((alternative) => {
    const terms = [...alternative.matchAll(TERM)]
    if (terms.length === 0) throw new Error(`bad version constraint "${alternative.trim()}"`)
    return terms.every((m) => holds(version, m[1], m[2]!, scheme))
  })
}
