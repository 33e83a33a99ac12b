// JSON Schemas for editors (yaml-language-server, VS Code): generated from the zod schemas, so the
// completion an author sees is exactly what the loader accepts.
import {z} from 'zod'
import {Rule} from '../model.js'
import {Case} from './cases.js'

/** The published schemas of rule files and their test files, by file name under rules/. */
export function ruleFileSchemas(): Record<string, unknown> {
  const base = 'https://passerelle.invalid/rules'
  return {
    'schema.json': {$id: `${base}/schema.json`, title: 'Passerelle rule file', ...z.toJSONSchema(z.strictObject({rules: z.array(Rule)}), {io: 'input'})},
    'test.schema.json': {$id: `${base}/test.schema.json`, title: 'Passerelle rule test file', ...z.toJSONSchema(z.strictObject({cases: z.array(Case)}), {io: 'input'})},
  }
}
