// What CycloneDX and SPDX readers share: the component shape, kinds, and the version scheme a purl implies.
import type {Scheme} from '../../lib/versions.js'
import type {Software} from '../../model.js'

/** A CycloneDX component, JSON or XML alike. */
export type SbomComponent = {
  type?: string; name?: string; group?: string; version?: string; publisher?: string; author?: string
  supplier?: {name?: string}; purl?: string; components?: SbomComponent[]
}

/** Libraries are packages; applications, operating systems and containers are applications. */
export function componentKind(type?: string): Software['kind'] {
  return type === 'application' || type === 'operating-system' || type === 'container' || type === 'device' ? 'application' : 'package'
}

/** The version scheme of a package URL's ecosystem: deb → debian, rpm → rpm, npm/composer/golang/cargo → semver. */
export function purlScheme(purl?: string): Scheme | undefined {
  const type = purl?.match(/^pkg:([a-z0-9.+-]+)\//i)?.[1]?.toLowerCase()
  if (!type) return undefined
  if (type === 'deb') return 'debian'
  if (type === 'rpm') return 'rpm'
  if (['npm', 'composer', 'golang', 'cargo', 'gem', 'nuget', 'hex', 'pub', 'swift'].includes(type)) return 'semver'
  return 'dotted'
}
