// VBA projects: the _VBA_PROJECT stream of an OLE2 file, or vbaProject.bin inside an OOXML package.
import type {Probe} from './probe.js'

/** Report a VBA project where one is stored. */
export const vbaProbe: Probe = {
  name: 'vba',
  applies: (i) => i.container.kind === 'ole2' || i.container.kind === 'zip',
  async run(i) {
    if (i.container.kind === 'ole2') {
      const project = i.container.cfb.entries.find((e) => e.name === '_VBA_PROJECT')
      return project ? {features: [{id: 'vba-macros', evidence: `OLE2 stream ${project.path}`}]} : {}
    }
    if (i.container.kind === 'zip') {
      const bin = i.container.zip.entries.find((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))
      return bin ? {features: [{id: 'vba-macros', evidence: `package part ${bin.name}`}]} : {}
    }
    return {}
  },
}
