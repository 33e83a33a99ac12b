// Regenerate schema/*.json from the zod model (the snapshot test fails until this is run and reviewed).
import {writeFileSync} from 'node:fs'
import {jsonSchemas} from '../src/lib/schemas.js'

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`schema/${name}`)
}
