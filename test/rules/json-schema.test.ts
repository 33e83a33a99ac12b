// rules/schema.json and rules/test.schema.json are what editors validate rule files with: they must be
// exactly what the loader accepts (run npm run schema after a deliberate change).
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ruleFileSchemas} from '../../src/rules/json-schema.js'
import {PROJECT} from '../support/paths.js'

describe('rule file JSON Schemas', () => {
  for (const [name, schema] of Object.entries(ruleFileSchemas())) {
    it(`rules/${name} matches the zod schema`, () => {
      expect(schema).toEqual(JSON.parse(readFileSync(path.join(PROJECT, 'rules', name), 'utf8')))
    })
  }
})
