// Turn a zod issue into "field a.b.c: message", looking inside unions for the branch that got furthest,
// so a rule author reads "match.op: Invalid option" rather than "match: Invalid input".
import type {z} from 'zod'

type Issue = z.core.$ZodIssue

/** The most specific issue behind a (possibly union) issue, with its full path. */
export function deepestIssue(issue: Issue, prefix: PropertyKey[] = []): {path: PropertyKey[]; message: string} {
  const here = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const candidates = issue.errors.flat().map((i) => deepestIssue(i, here))
    candidates.sort((a, b) => b.path.length - a.path.length)
    if (candidates[0] && candidates[0].path.length > here.length) return candidates[0]
  }
  return {path: here, message: issue.message}
}
