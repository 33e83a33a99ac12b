// Chocolatey: `choco list` (v2 lists local packages: a "Chocolatey vX" line, "name version" lines, a
// "N packages installed." footer), `choco list -r` / --limit-output ("name|version"), and
// `choco export` (a packages.config: <packages><package id="…" version="…"/></packages>).
import type {Reader} from '../reader.js'
import {decodeHead, hostFromFile, textLines} from '../source.js'
import {xmlElements} from '../xml.js'

const LIMITED = /^[A-Za-z0-9][A-Za-z0-9._-]*\|[^|\s]+$/

export const chocoList: Reader = {
  name: 'choco-list',
  description: 'Chocolatey `choco list` (name version lines) and `choco list -r` (name|version lines)',
  produce: 'choco list -r > host1.choco.txt (Chocolatey v1: choco list --local-only -r)',
  sniff(head) {
    const lines = decodeHead(head).split(/\r?\n/).filter((l) => l.trim()).slice(0, 60)
    if (lines.length === 0) return 0
    if (lines.filter((l) => LIMITED.test(l.trim())).length / lines.length > 0.9) return 0.85
    if (/^Chocolatey v\d/.test(lines[0]!.trim()) && lines.slice(1).some((l) => /^\S+ \S+$/.test(l.trim()))) return 0.9
    return 0
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    for await (const {text, line} of textLines(file)) {
      const t = text.trim()
      if (!t || /^Chocolatey v\d/.test(t) || /^\d+ packages? (installed|found)\.?$/i.test(t) || /^(Did you know|Features\?|Enjoy using|Validation Warnings|- )/.test(t)) continue
      const m = t.match(/^([A-Za-z0-9][A-Za-z0-9._-]*)[| ]([^|\s]+)(?:\s+\[Approved\].*)?$/)
      if (!m) {
        warn({file, line, message: `not a "name version" or "name|version" line: ${t.slice(0, 60)}`})
        continue
      }
      yield {host, name: m[1]!, version: m[2], versionScheme: 'dotted', kind: 'application', source: {file, reader: 'choco-list', line}}
    }
  },
}

export const chocoExport: Reader = {
  name: 'choco-export-config',
  description: 'Chocolatey `choco export` packages.config (<package id version/>)',
  produce: 'choco export host1.packages.config --include-version-numbers',
  sniff(head) {
    const t = decodeHead(head)
    return /<packages\b[^>]*>/.test(t) && /<package\s+[^>]*\bid\s*=/.test(t) ? 0.9 : 0
  },
  async *read(file, warn, options = {}) {
    const host = options.host ?? hostFromFile(file)
    for await (const {node} of xmlElements(file, (p) => p.length === 2 && p[0] === 'packages' && p[1] === 'package', warn)) {
      const id = node.attrs.id?.trim()
      if (!id) {
        warn({file, line: node.line, message: '<package> without an id; skipped'})
        continue
      }
      yield {host, name: id, version: node.attrs.version?.trim() || undefined, versionScheme: 'dotted', kind: 'application', source: {file, reader: 'choco-export-config', line: node.line}}
    }
  },
}
