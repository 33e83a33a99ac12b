// The distributions' own version orders: dpkg (Debian Policy §5.6.12) and rpmvercmp. Semver gets both
// wrong: an epoch becomes the major, a Debian revision becomes a pre-release, `~` must sort first.

/** Split `[epoch:]upstream[-revision]` (the revision is after the last hyphen). */
export function splitDebian(raw: string): {epoch: number; upstream: string; revision: string} {
  let s = raw.trim()
  let epoch = 0
  const e = s.match(/^(\d+):/)
  if (e) {
    epoch = Number(e[1])
    s = s.slice(e[0].length)
  }
  const dash = s.lastIndexOf('-')
  return dash > 0 ? {epoch, upstream: s.slice(0, dash), revision: s.slice(dash + 1)} : {epoch, upstream: s, revision: ''}
}

// dpkg's character order: ~ before everything (even the end), then the end, letters, then other symbols.
function order(c: string | undefined): number {
  if (c === undefined) return 0
  if (c === '~') return -1
  if (/[0-9]/.test(c)) return 0
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0)
  return c.charCodeAt(0) + 256
}

/** dpkg's verrevcmp on one part (upstream or revision). */
export function verrevcmp(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    let first = 0
    while ((i < a.length && !/[0-9]/.test(a[i]!)) || (j < b.length && !/[0-9]/.test(b[j]!))) {
      const ac = order(i < a.length && !/[0-9]/.test(a[i]!) ? a[i] : undefined)
      const bc = order(j < b.length && !/[0-9]/.test(b[j]!) ? b[j] : undefined)
      if (ac !== bc) return ac - bc
      i++
      j++
    }
    while (a[i] === '0') i++
    while (b[j] === '0') j++
    while (i < a.length && /[0-9]/.test(a[i]!) && j < b.length && /[0-9]/.test(b[j]!)) {
      if (!first) first = a.charCodeAt(i) - b.charCodeAt(j)
      i++
      j++
    }
    if (i < a.length && /[0-9]/.test(a[i]!)) return 1
    if (j < b.length && /[0-9]/.test(b[j]!)) return -1
    if (first) return first
  }
  return 0
}

/** Compare two Debian versions as dpkg --compare-versions does. */
export function compareDebian(a: string, b: string): number {
  const x = splitDebian(a)
  const y = splitDebian(b)
  if (x.epoch !== y.epoch) return x.epoch - y.epoch
  return verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision)
}

/** Split an RPM `[epoch:]version[-release]`; `(none)` as epoch is 0. */
export function splitRpm(raw: string): {epoch: number; version: string; release: string} {
  let s = raw.trim().replace(/^\(none\):/, '')
  let epoch = 0
  const e = s.match(/^(\d+):/)
  if (e) {
    epoch = Number(e[1])
    s = s.slice(e[0].length)
  }
  const dash = s.lastIndexOf('-')
  return dash > 0 ? {epoch, version: s.slice(0, dash), release: s.slice(dash + 1)} : {epoch, version: s, release: ''}
}

/** rpmvercmp: alternating alpha/numeric segments; numbers beat letters; `~` sorts before, `^` after the end. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0
  let i = 0
  let j = 0
  for (;;) {
    while (i < a.length && !/[A-Za-z0-9~^]/.test(a[i]!)) i++
    while (j < b.length && !/[A-Za-z0-9~^]/.test(b[j]!)) j++
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1
      if (b[j] !== '~') return -1
      i++
      j++
      continue
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1
      if (j >= b.length) return 1
      if (a[i] !== '^') return 1
      if (b[j] !== '^') return -1
      i++
      j++
      continue
    }
    if (i >= a.length || j >= b.length) break
    const numeric = /[0-9]/.test(a[i]!)
    const re = numeric ? /^[0-9]+/ : /^[A-Za-z]+/
    const sa = a.slice(i).match(re)?.[0] ?? ''
    const sb = b.slice(j).match(re)?.[0] ?? ''
    if (!sb) return numeric ? 1 : -1
    i += sa.length
    j += sb.length
    if (numeric) {
      const na = sa.replace(/^0+/, '')
      const nb = sb.replace(/^0+/, '')
      if (na.length !== nb.length) return na.length - nb.length
      if (na !== nb) return na < nb ? -1 : 1
    } else if (sa !== sb) {
      return sa < sb ? -1 : 1
    }
  }
  if (i >= a.length && j >= b.length) return 0
  return i >= a.length ? -1 : 1
}

/** Compare two RPM EVRs; a release only counts when both sides have one (as rpm does for ranges). */
export function compareRpm(a: string, b: string): number {
  const x = splitRpm(a)
  const y = splitRpm(b)
  if (x.epoch !== y.epoch) return x.epoch - y.epoch
  return rpmvercmp(x.version, y.version) || (x.release && y.release ? rpmvercmp(x.release, y.release) : 0)
}
