// VBA projects ([MS-OVBA]): find every project storage in a compound file, decompress each module's
// source and tell real code from the `Attribute`-only modules Office writes for empty sheets.
// Nothing is executed: the source is only split into lines and matched against entry-point names.
import {openCfb, type Cfb} from '../containers/cfb.js'
import {bufferSource} from '../containers/source.js'
import type {Feature} from '../model.js'
import {decompressOvba, parseDir} from './ovba.js'

/** What one VBA project holds. */
export type VbaSummary = {where: string; modules: number; codeLines: number; autoexec: string[]; unreadable: number}

// Entry points that run without the user choosing a macro: document/workbook open, close and new
// events, and ActiveX control events (the list olevba uses, so results compare with it).
const AUTOEXEC = /^(auto_?(open|close|exec|exit|new|ope)|document_?(open|close|new|change|beforeclose)|newdocument|documentbeforeclose|workbook_(open|activate|close)|worksheet_calculate|\w+_(painted|painting|gotfocus|lostfocus|mousehover|click|change|resize|beforenavigate2|beforescriptexecute|documentcomplete|downloadbegin|downloadcomplete|filedownload|navigatecomplete2|navigateerror|progresschange|propertychange|setsecurelockicon|statustextchange|titlechange|mousemove|mouseenter|mouseleave|layout|onconnecting|followhyperlink|contentcontrolonenter))$/i
const PROCEDURE = /^\s*(?:(?:public|private|friend|static)\s+)*(?:sub|function)\s+([A-Za-z_]\w*)/gim
const MAX_MODULE = 2 * 1024 * 1024

/** Storages that hold a VBA project: the parents of a `VBA` storage with a `dir` stream. */
export function vbaRoots(cfb: Cfb): string[] {
  return cfb.entries
    .filter((e) => e.type === 'stream' && e.name.toLowerCase() === 'dir' && /(^|\/)vba\/dir$/i.test(e.path))
    .map((e) => e.path.slice(0, -'VBA/dir'.length).replace(/\/$/, ''))
}

/** Decompress the modules of the project under `root` ("" for a project at the top, as in vbaProject.bin). */
export async function summariseVba(cfb: Cfb, root: string): Promise<VbaSummary> {
  const prefix = root ? `${root}/VBA/` : 'VBA/'
  const dirEntry = cfb.find(`${prefix}dir`)!
  const {modules} = parseDir(decompressOvba(await cfb.readStream(dirEntry, MAX_MODULE), MAX_MODULE))
  const summary: VbaSummary = {where: root || '/', modules: modules.length, codeLines: 0, autoexec: [], unreadable: 0}
  for (const m of modules) {
    const entry = cfb.find(prefix + m.stream)
    try {
      if (!entry) throw new Error('missing')
      const stream = await cfb.readStream(entry, MAX_MODULE)
      const source = decompressOvba(compressedSource(stream, m.offset), MAX_MODULE).toString('latin1').replace(/\x00+/g, '')
      summary.codeLines += source.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '' && !/^\s*Attribute\s/i.test(l)).length
      for (const p of source.matchAll(PROCEDURE)) if (AUTOEXEC.test(p[1]!) && !summary.autoexec.includes(p[1]!)) summary.autoexec.push(p[1]!)
    } catch {
      summary.unreadable++
    }
  }
  return summary
}

// The source normally starts at the dir stream's MODULEOFFSET; when that is wrong (tools that rewrite
// projects), find the container by its first token: signature 0x01, chunk header, flags 0, "Attribut".
function compressedSource(stream: Buffer, offset: number): Buffer {
  if (stream[offset] === 0x01) return stream.subarray(offset)
  const at = stream.indexOf('\x00Attribut', 0, 'latin1')
  return at >= 3 && stream[at - 3] === 0x01 ? stream.subarray(at - 3) : stream.subarray(offset)
}

/** Features for the VBA projects in a compound file; `where` prefixes the evidence. */
export async function vbaFeatures(cfb: Cfb, where: string): Promise<{features: Feature[]; warnings: string[]}> {
  const features: Feature[] = []
  const warnings: string[] = []
  const roots = vbaRoots(cfb)
  if (roots.length === 0) {
    const bare = cfb.entries.find((e) => e.name === '_VBA_PROJECT')
    if (bare) features.push({id: 'vba-macros', evidence: `${where}OLE2 stream ${bare.path} (no readable dir stream)`})
    return {features, warnings}
  }
  let modules = 0
  let lines = 0
  let unreadable = 0
  const autoexec: string[] = []
  const places: string[] = []
  for (const root of roots) {
    try {
      const s = await summariseVba(cfb, root)
      modules += s.modules
      lines += s.codeLines
      unreadable += s.unreadable
      autoexec.push(...s.autoexec.filter((a) => !autoexec.includes(a)))
      places.push(s.where)
    } catch (e) {
      unreadable++
      warnings.push(`${where}VBA project ${root || '/'} is unreadable: ${(e as Error).message}`)
    }
  }
  const at = `${where}VBA project${roots.length > 1 ? 's' : ''} in ${roots.map((r) => r || '/').join(', ')}`
  features.push({id: 'vba-macros', evidence: `${at}: ${modules} module(s), ${lines} code line(s)`})
  if (lines === 0 && unreadable === 0) features.push({id: 'vba-no-code', evidence: `${at}: modules hold only Attribute lines`})
  if (autoexec.length > 0) features.push({id: 'vba-autoexec', evidence: `${at}: entry points ${autoexec.join(', ')}`})
  return {features, warnings}
}

/** Features for a vbaProject.bin (or any embedded compound file holding a project). */
export async function vbaFeaturesOfBytes(bytes: Buffer, where: string) {
  const cfb = await openCfb(bufferSource(where, bytes))
  return vbaFeatures(cfb, where)
}
