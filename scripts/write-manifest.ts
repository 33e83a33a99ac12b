// Writes oclif.manifest.json after the build: with it, oclif finds a command without importing every
// command module (and their services: stores, trackers, reporters) at start-up.
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {Plugin} from '@oclif/core'

const root = path.resolve(import.meta.dirname, '..')
const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true})
await plugin.load()
writeFileSync(path.join(root, 'oclif.manifest.json'), JSON.stringify(plugin.manifest))
console.error(`oclif.manifest.json: ${Object.keys(plugin.manifest.commands).length} commands`)
