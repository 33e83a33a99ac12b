// Version comparison for rules: dotted numeric versions of any length (the 4th part of a Windows
// build matters), compared part by part. Constraints read like Grype's: ">=15.0, <15.1 || >16".

/** Split a version into comparable parts: numbers compare as numbers, the rest as text. */
export function parts(version: string): Array<number | string> {
  const match = version.trim().match(/\d+(?:\.\d+)*/)
  if (!match) return [version.trim().toLowerCase()]
  return match[0].split('.').map((p) => Number.parseInt(p, 10))
}

/** Compare two versions: negative when a < b, 0 when equal, positive when a > b. Missing parts count as 0. */
export function compare(a: string, b: string): number {
  const pa = parts(a)
  const pb = parts(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0
    const y = pb[i] ?? 0
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y
    } else if (String(x) !== String(y)) {
      return String(x) < String(y) ? -1 : 1
    }
  }
  return 0
}

/** True when the version satisfies the constraint: comma = and, || = or. The scheme picks the comparison (dotted today). */
export function satisfies(version: string, constraint: string, _scheme?: string): boolean {
  return constraint.split('||').some((alternative) =>
    alternative.split(',').every((term) => {
      const m = term.trim().match(/^(>=|<=|>|<|=|==|!=)?\s*(.+)$/)
      if (!m) throw new Error(`bad version constraint term "${term.trim()}"`)
      const c = compare(version, m[2]!)
      switch (m[1]) {
        case '>=': return c >= 0
        case '<=': return c <= 0
        case '>': return c > 0
        case '<': return c < 0
        case '!=': return c !== 0
        default: return c === 0
      }
    }),
  )
}
