// Compliance frameworks are data files (frameworks/<id>.json, Prowler's shape), so a new framework or a
// corrected requirement is a reviewed JSON change, not code.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Framework} from '../model.js'

/** The framework files shipped with Passerelle. */
export const BUNDLED_FRAMEWORKS = fileURLToPath(new URL('../../frameworks', import.meta.url))

/** Read and validate one framework file; the error names the file and the field. */
export function readFramework(file: string): Framework {
  const parsed = Framework.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(`${file}: field ${issue.path.join('.') || '(framework)'}: ${issue.message}`)
  }
  return parsed.data
}

/** Every bundled framework, sorted by id. */
export function bundledFrameworks(): Framework[] {
  return readdirSync(BUNDLED_FRAMEWORKS).filter((f) => f.endsWith('.json')).sort().map((f) => readFramework(path.join(BUNDLED_FRAMEWORKS, f)))
}

/** The frameworks named by id (a bundled id or a path to a framework file); all bundled ones when none. */
export function selectFrameworks(ids: string[]): Framework[] {
  const bundled = bundledFrameworks()
  if (ids.length === 0) return bundled
  return ids.map((id) => {
    if (id.endsWith('.json')) return readFramework(id)
    const found = bundled.find((f) => f.Framework === id)
    if (!found) throw new Error(`unknown framework "${id}"; known: ${bundled.map((f) => f.Framework).join(', ')}`)
    return found
  })
}
