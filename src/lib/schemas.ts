// JSON Schemas generated from the zod model: published in schema/ so other tools can validate output.
import {z} from 'zod'
import {Artifact, ScanResult} from '../model.js'

/** The published schemas, by file name under schema/. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'scan-result.schema.json': {$id: 'https://passerelle.invalid/schema/scan-result.schema.json', ...z.toJSONSchema(ScanResult, {io: 'output'})},
    'artifact.schema.json': {$id: 'https://passerelle.invalid/schema/artifact.schema.json', ...z.toJSONSchema(Artifact, {io: 'output'})},
  }
}
