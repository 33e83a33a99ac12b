// The layer rules of DESIGN.md, held by reading every import in src/.
import fg from 'fast-glob'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {PROJECT} from './support/paths.js'

const SRC = path.join(PROJECT, 'src')
const files = fg.sync('**/*.ts', {cwd: SRC})

/** Which project layers each layer may import (its own layer is always allowed). */
const ALLOWED: Record<string, string[]> = {
  'model.ts': [],
  lib: ['model.ts'],
  containers: ['model.ts', 'lib'],
  identify: ['model.ts', 'lib', 'containers'],
  probes: ['model.ts', 'lib', 'containers'],
  inventory: ['model.ts', 'lib'],
  rules: ['model.ts', 'lib'],
  report: ['model.ts', 'lib'],
  tickets: ['model.ts', 'lib'],
  store: ['model.ts', 'lib'],
  services: ['model.ts', 'lib', 'containers', 'identify', 'probes', 'inventory', 'rules', 'report', 'tickets', 'store'],
  commands: ['model.ts', 'lib', 'services', 'report'],
}

const layerOf = (rel: string) => rel.split('/')[0]!
const importsOf = (file: string) =>
  [...readFileSync(path.join(SRC, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!)

describe('architecture', () => {
  it('every source file belongs to a known layer', () => {
    expect(files.map(layerOf).filter((l) => !(l in ALLOWED))).toEqual([])
  })

  it('model.ts imports only zod', () => {
    expect(importsOf('model.ts')).toEqual(['zod'])
  })

  for (const file of files) {
    it(`${file} imports only the layers it may`, () => {
      const layer = layerOf(file)
      const bad = importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), spec)).replace(/\.js$/, '.ts'))
        .map(layerOf)
        .filter((target) => target !== layer && !ALLOWED[layer]!.includes(target))
      expect(bad, `${file} reaches into ${bad.join(', ')}`).toEqual([])
    })
  }

  it('commands stay thin (under 80 lines)', () => {
    for (const file of files.filter((f) => f.startsWith('commands/'))) {
      const lines = readFileSync(path.join(SRC, file), 'utf8').split('\n').length
      expect(lines, file).toBeLessThan(80)
    }
  })
})
