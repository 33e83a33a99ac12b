// The flags that record a scan in the store (scan history), kept apart so that `scan` stays thin.
import {Flags} from '@oclif/core'

/** --store, --record and --label. */
export const storeFlags = {
  store: Flags.string({description: 'record the run in this store: a SQLite file or a postgres:// URL (implies --record)', helpGroup: 'HISTORY'}),
  record: Flags.boolean({default: false, description: 'record the run in the store (--store, else PASSERELLE_STORE, else .passerelle/history.sqlite)', helpGroup: 'HISTORY'}),
  label: Flags.string({description: 'a label for the recorded run, e.g. "2026-Q4 file servers"', helpGroup: 'HISTORY'}),
}
