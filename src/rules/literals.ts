// Literal text a regular expression cannot match without. The rule index files a regex rule under
// one trigram of such a literal, so a subject whose text lacks that trigram never evaluates the rule.
// Conservative by design: whatever this scanner does not understand yields no literal, never a wrong one.

const BREAKS = new Set(['(', ')', '[', ']', '.', '^', '$', '|'])
const QUANTIFIERS = new Set(['*', '+', '?', '{'])
/** Escapes that stand for one literal character (\. \- \/ …); letter escapes (\d \s \b \w) are classes. */
const LITERAL_ESCAPE = /^[^A-Za-z0-9]$/

/** Split a pattern on its top-level `|` (outside groups and classes). */
export function topLevelBranches(source: string): string[] {
  const out: string[] = []
  let depth = 0
  let inClass = false
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (ch === '\\') i++
    else if (inClass) inClass = ch !== ']'
    else if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(start, i))
      start = i + 1
    }
  }
  out.push(source.slice(start))
  return out
}

/** Literal runs every match of one branch must contain (lower-cased); groups and classes are skipped whole. */
export function requiredRuns(branch: string): string[] {
  const runs: string[] = []
  let run = ''
  const flush = () => {
    if (run) runs.push(run.toLowerCase())
    run = ''
  }
  for (let i = 0; i < branch.length; i++) {
    const ch = branch[i]!
    let literal: string | undefined
    let width = 1
    if (ch === '\\') {
      const next = branch[i + 1] ?? ''
      if (LITERAL_ESCAPE.test(next)) literal = next
      width = 2 + escapePayload(branch, i + 2, next)
    } else if (ch === '(' || ch === '[') {
      flush()
      i = skipGroup(branch, i)
      if (QUANTIFIERS.has(branch[i + 1] ?? '')) i = skipQuantifier(branch, i + 1)
      continue
    } else if (!BREAKS.has(ch) && !QUANTIFIERS.has(ch)) {
      literal = ch
    }
    const after = branch[i + width] ?? ''
    if (literal === undefined) flush()
    else if (after === '?' || after === '*' || (after === '{' && /^\{0\b/.test(branch.slice(i + width)))) flush()
    else if (QUANTIFIERS.has(after)) {
      run += literal
      flush()
    } else run += literal
    i += width - 1
    if (literal !== undefined && QUANTIFIERS.has(after)) i = skipQuantifier(branch, i + 1)
  }
  flush()
  return runs
}

/** Characters after \\u \\x \\c \\p \\k that belong to the escape (so they are not read as literal text). */
function escapePayload(s: string, at: number, letter: string): number {
  const braced = (open: string, close: string) => (s[at] === open ? s.indexOf(close, at) + 1 - at || s.length - at : 0)
  switch (letter) {
    case 'u': return braced('{', '}') || 4
    case 'x': return 2
    case 'c': return 1
    case 'p': case 'P': return braced('{', '}')
    case 'k': return braced('<', '>')
    default: return 0
  }
}

function skipGroup(s: string, open: number): number {
  if (s[open] === '[') {
    for (let i = open + 1; i < s.length; i++) {
      if (s[i] === '\\') i++
      else if (s[i] === ']') return i
    }
    return s.length
  }
  let depth = 0
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++
    else if (s[i] === '[') i = skipGroup(s, i)
    else if (s[i] === '(') depth++
    else if (s[i] === ')' && --depth === 0) return i
  }
  return s.length
}

function skipQuantifier(s: string, at: number): number {
  if (s[at] === '{') {
    const close = s.indexOf('}', at)
    return close < 0 ? s.length : close + (s[close + 1] === '?' ? 1 : 0)
  }
  return at + (s[at + 1] === '?' ? 1 : 0)
}

/**
 * For each top-level branch of a pattern, the longest literal it requires (≥ 3 characters), or
 * undefined when some branch requires none (then the regex cannot be indexed).
 */
export function requiredLiterals(source: string): string[] | undefined {
  const out: string[] = []
  for (const branch of topLevelBranches(source)) {
    // non-ASCII letters fold case in ways lower-casing does not mirror: keep ASCII pieces only
    const pieces = requiredRuns(branch).flatMap((r) => r.split(/[^\x20-\x7e]+/))
    const best = pieces.sort((a, b) => b.length - a.length)[0]
    if (!best || best.length < 3) return undefined
    out.push(best)
  }
  return out
}
