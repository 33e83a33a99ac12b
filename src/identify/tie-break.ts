// When the bytes name a family but not the member (an encrypted OOXML package, a binary PowerPoint
// show vs presentation), the extension may choose among the look-alikes, and the basis says so.
import type {Decision} from './ole2.js'

/** Pick the member the extension names if it is one of the candidates; otherwise the fallback. */
export function tieBreak(candidates: string[], extension: string, fallback: string, basis: string, warn = true): Decision {
  if (extension !== fallback && candidates.includes(extension)) {
    const why = `the bytes cannot tell ${fallback === 'ooxml-encrypted' ? 'the package type' : `.${extension} from .${fallback}`}; extension .${extension} breaks the tie`
    return {format: extension, basis: [basis, why], warnings: warn ? [`format ${extension} taken from the extension: ${why.split(';')[0]}`] : []}
  }
  const warnings = warn && !candidates.includes(fallback) ? [`${basis}: the type inside cannot be read and the extension does not name one`] : []
  return {format: fallback, basis: [basis], warnings}
}
