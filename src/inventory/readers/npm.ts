// The Node side of an open-source web stack: package.json declares ranges (dependencies, devDependencies,
// optionalDependencies, peerDependencies); package-lock.json v2/v3 pins every installed package in
// packages{"node_modules/x"} (v1 nests dependencies{}). The "host" is the project itself.
import type {Software} from '../../model.js'
import {InventoryError, type Reader} from '../reader.js'
import {decodeHead, hostFromFile, readJson} from '../source.js'

type Manifest = {name?: string; version?: string} & Record<string, unknown>
type LockV1 = Record<string, {version?: string; dev?: boolean; dependencies?: LockV1}>
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']

const projectName = (m: Manifest, file: string) => (typeof m.name === 'string' && m.name ? `${m.name}${m.version ? `@${m.version}` : ''}` : hostFromFile(file))

export const npmPackageJson: Reader = {
  name: 'npm-package-json',
  description: 'npm package.json (declared dependency ranges)',
  produce: 'the project\'s own package.json',
  sniff(head, fileName) {
    const t = decodeHead(head)
    if (!/^\s*\{/.test(t) || /"lockfileVersion"\s*:/.test(t) || /"require(-dev)?"\s*:/.test(t)) return 0
    const deps = /"(dependencies|devDependencies|peerDependencies|optionalDependencies)"\s*:\s*\{/.test(t)
    if (!deps) return 0
    return fileName.toLowerCase() === 'package.json' || /\.package\.json$/i.test(fileName) || /"(scripts|main|engines)"\s*:/.test(t) ? 0.85 : 0.6
  },
  async *read(file, _warn, options = {}) {
    const m = (await readJson(file)) as Manifest
    const host = options.host ?? projectName(m, file)
    for (const section of SECTIONS) {
      const deps = m[section]
      if (!deps || typeof deps !== 'object') continue
      for (const [name, range] of Object.entries(deps as Record<string, unknown>)) {
        yield {host, name, version: typeof range === 'string' ? range : undefined, versionScheme: 'range', kind: 'package',
          purl: `pkg:npm/${name.replace(/^@/, '%40')}`, source: {file, reader: 'npm-package-json', path: `${section}.${name}`}}
      }
    }
  },
}

function* lockV1(deps: LockV1, host: string, file: string, path: string): Generator<Software> {
  for (const [name, d] of Object.entries(deps)) {
    yield {host, name, version: d?.version, versionScheme: 'semver', kind: 'package', purl: `pkg:npm/${name.replace(/^@/, '%40')}${d?.version ? `@${d.version}` : ''}`,
      source: {file, reader: 'npm-package-lock', path: `${path}.${name}`}}
    if (d?.dependencies) yield* lockV1(d.dependencies, host, file, `${path}.${name}.dependencies`)
  }
}

export const npmPackageLock: Reader = {
  name: 'npm-package-lock',
  description: 'npm package-lock.json / npm-shrinkwrap.json, lockfile v1, v2 and v3 (installed versions)',
  produce: 'npm install --package-lock-only (the project\'s package-lock.json)',
  sniff(head) {
    const t = decodeHead(head)
    return /^\s*\{/.test(t) && /"lockfileVersion"\s*:\s*\d/.test(t) ? 0.95 : 0
  },
  async *read(file, _warn, options = {}) {
    const lock = (await readJson(file)) as Manifest & {packages?: Record<string, {name?: string; version?: string}>; dependencies?: LockV1}
    if (!lock || typeof lock !== 'object') throw new InventoryError(`${file}: not a package-lock object`)
    const host = options.host ?? projectName(lock, file)
    if (lock.packages && typeof lock.packages === 'object') {
      for (const [key, p] of Object.entries(lock.packages)) {
        if (key === '') continue
        const name = p?.name ?? key.slice(key.lastIndexOf('node_modules/') + (key.includes('node_modules/') ? 13 : 0))
        yield {host, name, version: p?.version, versionScheme: 'semver', kind: 'package',
          purl: `pkg:npm/${name.replace(/^@/, '%40')}${p?.version ? `@${p.version}` : ''}`, source: {file, reader: 'npm-package-lock', path: `packages.${key}`}}
      }
    } else if (lock.dependencies) yield* lockV1(lock.dependencies, host, file, 'dependencies')
  },
}
