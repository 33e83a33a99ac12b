// An ECMA-376 encrypted package hides its subtype (docx vs xlsb vs pptm…) behind the password. When the
// password is Excel's documented default ("VelvetSweatshop"), the package opens like any other: its
// content types name the subtype, so the extension no longer has to break the tie. The decrypted
// package is kept on the opened container for the probes, so the key is derived once per file.
import type {Cfb} from '../containers/cfb.js'
import {decryptPackage, isEncryptedPackage} from '../containers/ooxml-crypto.js'
import type {OpenedContainer} from '../containers/opened.js'
import {bufferSource} from '../containers/source.js'
import {openZip} from '../containers/zip.js'
import type {Decision} from './ole2.js'
import {identifyZip} from './zip.js'

/** Refine the decision for an encrypted package the default password opens; otherwise keep it. */
export async function decideEncrypted(cfb: Cfb, extension: string, d: Decision, container: OpenedContainer & {kind: 'ole2'}): Promise<Decision> {
  if (!isEncryptedPackage(cfb)) return d
  const decrypted = await decryptPackage(cfb)
  container.decrypted = decrypted
  if (!decrypted.plain || decrypted.plain.length === 0) return d
  const opened = `decrypted with Excel's default password VelvetSweatshop (${decrypted.scheme})`
  try {
    const inner = await identifyZip(await openZip(bufferSource('EncryptedPackage', decrypted.plain)), extension)
    if (inner.format === 'zip' || inner.format === 'unknown') return {...d, warnings: [...d.warnings, `the package behind the default password is not an OOXML package (${inner.format})`]}
    const drm = d.warnings.filter((w) => /Information Rights Management/.test(w))
    return {format: inner.format, basis: [d.basis[0]!, opened, ...inner.basis], warnings: [...drm, ...inner.warnings]}
  } catch (e) {
    return {...d, warnings: [...d.warnings, `the package behind the default password is unreadable: ${(e as Error).message}`]}
  }
}
