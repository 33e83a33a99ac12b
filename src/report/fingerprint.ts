// Fingerprints (DESIGN.md contract 6): the same finding on the same subject hashes the same on any
// machine and from any mount point, so baselines and tickets survive a move of the share.
import {createHash} from 'node:crypto'
import type {Subject} from '../model.js'

/** The normalised key of a subject: path relative to its root, or host + product + version. */
export function subjectKey(subject: Subject): string {
  if (subject.kind === 'artifact') return subject.relativePath.replace(/\\/g, '/').replace(/^\.\//, '').normalize('NFC')
  const product = subject.product ?? `${subject.vendor ?? ''}/${subject.name}`
  return [subject.host, product, subject.version ?? ''].map((p) => p.trim().toLowerCase()).join('\u0000')
}

/** sha256 of rule id + subject kind + subject key, hex. */
export function fingerprint(ruleId: string, subject: Subject): string {
  return createHash('sha256').update(`${ruleId}\u0000${subject.kind}\u0000${subjectKey(subject)}`).digest('hex')
}
