// What identification hands to the probes: the file and the container it already opened,
// so that probes never read the directory or the central directory a second time.
import type {Cfb} from './cfb.js'
import type {DecryptedPackage} from './ooxml-crypto.js'
import type {Source} from './source.js'
import type {Zip} from './zip.js'

/** A container opened during identification. */
export type OpenedContainer =
  /** `decrypted`: identification already tried the default password on an encrypted package (the probes reuse it). */
  | {kind: 'ole2'; cfb: Cfb; decrypted?: DecryptedPackage}
  | {kind: 'zip'; zip: Zip}
  | {kind: 'pdf'}
  | {kind: 'plain'}

/** A file being looked at: its bytes, its format so far, and its opened container. */
export type Inspection = {
  source: Source
  extension: string
  format: string
  container: OpenedContainer
}
