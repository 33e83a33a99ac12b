// A ScanResult of the sample estate (share + PowerShell export), made once per test file.
import type {ScanResult} from '../../src/model.js'
import {scan} from '../../src/services/scan.js'
import {EXPORT, SHARE} from './paths.js'

let cached: Promise<ScanResult> | undefined

/** Scan the sample estate with the bundled rules. */
export function sampleResult(): Promise<ScanResult> {
  cached ??= scan({roots: [SHARE], inventories: [EXPORT], rulePaths: []})
  return cached
}
