// The published JSON Schemas are snapshots of the zod model: a change to the output contract shows in review.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {jsonSchemas} from '../../src/lib/schemas.js'
import {PROJECT} from '../support/paths.js'

describe('published schemas', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    it(`schema/${name} matches the model (run npm run schema after a deliberate change)`, () => {
      const published = JSON.parse(readFileSync(path.join(PROJECT, 'schema', name), 'utf8'))
      expect(schema).toEqual(published)
    })
  }
})
