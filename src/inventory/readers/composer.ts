// The PHP side of an open-source web stack: composer.json declares require / require-dev (with platform
// requirements php and ext-*); composer.lock pins packages[] and packages-dev[] (v5.4.2, 6.x-dev, dev-main).
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, readJson} from '../source.js'

type Composer = {name?: string; version?: string; require?: Record<string, string>; 'require-dev'?: Record<string, string>}
type Lock = {packages?: Array<{name?: string; version?: string; type?: string}>; 'packages-dev'?: Array<{name?: string; version?: string; type?: string}>}

const purl = (name: string, version?: string) => (name.includes('/') ? `pkg:composer/${name}${version ? `@${version}` : ''}` : undefined)

export const composerJson: Reader = {
  name: 'composer-json',
  description: 'Composer composer.json (require and require-dev ranges, php and ext-* platform requirements)',
  produce: 'the project\'s own composer.json',
  sniff(head, fileName) {
    const t = decodeHead(head)
    if (!/^\s*\{/.test(t) || /"content-hash"\s*:/.test(t) || !/"require(-dev)?"\s*:\s*\{/.test(t)) return 0
    return /composer\.json$/i.test(fileName) || /"(autoload|minimum-stability|type)"\s*:/.test(t) ? 0.9 : 0.7
  },
  async *read(file, _warn, options = {}) {
    const c = (await readJson(file)) as Composer
    const host = options.host ?? c.name ?? hostFromFile(file)
    for (const section of ['require', 'require-dev'] as const) {
      for (const [name, range] of Object.entries(c[section] ?? {})) {
        yield {host, name, version: typeof range === 'string' ? range : undefined, versionScheme: 'range', kind: 'package', purl: purl(name),
          source: {file, reader: 'composer-json', path: `${section}.${name}`}}
      }
    }
  },
}

export const composerLock: Reader = {
  name: 'composer-lock',
  description: 'Composer composer.lock (packages and packages-dev with installed versions)',
  produce: 'composer install or composer update (the project\'s composer.lock)',
  sniff(head) {
    const t = decodeHead(head)
    return /^\s*\{/.test(t) && /"content-hash"\s*:/.test(t) && /"packages(-dev)?"\s*:/.test(t) ? 0.95 : 0
  },
  async *read(file, warn, options = {}) {
    const lock = (await readJson(file)) as Lock
    const host = options.host ?? hostFromFile(file)
    for (const section of ['packages', 'packages-dev'] as const) {
      for (const [i, p] of (lock[section] ?? []).entries()) {
        if (!p?.name) {
          warn({file, message: `${section}[${i}] has no name; skipped`})
          continue
        }
        yield {host, name: p.name, version: p.version, versionScheme: 'semver', kind: 'package', purl: purl(p.name, p.version),
          source: {file, reader: 'composer-lock', path: `${section}[${i}]`}}
      }
    }
  },
}
