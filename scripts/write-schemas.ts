// Regenerate schema/*.json and rules/*schema.json from the zod model (snapshot tests fail until this is run and reviewed).
import {writeFileSync} from 'node:fs'
import {jsonSchemas} from '../src/lib/schemas.js'
import {ruleFileSchemas} from '../src/rules/json-schema.js'

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`schema/${name}`)
}
for (const [name, schema] of Object.entries(ruleFileSchemas())) {
  writeFileSync(new URL(`../rules/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`rules/${name}`)
}
