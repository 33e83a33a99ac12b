// Validate SARIF with the OASIS 2.1.0 schema (draft-04, hence ajv-draft-04), as the reference recommends.
import Ajv04Module from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {PROJECT} from './paths.js'

// Both packages are CommonJS with a `default` export; under NodeNext the class sits on `.default`.
const Ajv04 = (Ajv04Module as unknown as {default: typeof Ajv04Module.default}).default
const addFormats = (addFormatsModule as unknown as {default: typeof addFormatsModule.default}).default
const ajv = new Ajv04({strict: false, allErrors: true})
addFormats(ajv)
const validate = ajv.compile(JSON.parse(readFileSync(path.join(PROJECT, 'test/support/schemas/sarif-schema-2.1.0.json'), 'utf8')))

/** The schema errors of a SARIF document ([] when valid). */
export function sarifErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e: {instancePath: string; message?: string}) => `${e.instancePath} ${e.message}`)
}
