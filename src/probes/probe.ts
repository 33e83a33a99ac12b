// The shape every probe shares: it looks at an inspected file and reports features and metadata.
import type {Inspection} from '../containers/opened.js'
import type {ArtifactMetadata, Feature} from '../model.js'

/** What a probe found. */
export type ProbeResult = {features: Feature[]; metadata: ArtifactMetadata; warnings: string[]}

/** Limits and switches shared by the probes of one file. */
export type ProbeOptions = {
  /** Epoch milliseconds after which probes stop looking (the per-file time budget). */
  deadline: number
  /** Try Excel's documented default password ("VelvetSweatshop") on encrypted files (default on). */
  defaultPassword: boolean
}

/** A probe: the container kinds it applies to, and the function that looks. */
export type Probe = {
  name: string
  applies(inspection: Inspection): boolean
  run(inspection: Inspection, options: ProbeOptions): Promise<Partial<ProbeResult>>
}

/** Raised by a probe that ran out of its time budget. */
export class ProbeTimeout extends Error {
  readonly code = 'budget-exceeded'
}

/** Throw when the time budget is spent (called between costly steps). */
export function checkDeadline(options: ProbeOptions, what: string): void {
  if (Date.now() > options.deadline) throw new ProbeTimeout(`time budget spent while ${what}`)
}

/** Add a feature unless one with that id is already there. */
export function addFeature(features: Feature[], id: string, evidence: string): void {
  if (!features.some((f) => f.id === id)) features.push({id, evidence})
}

/** Merge features, keeping the first evidence of each id; `prefix` says where the new ones were found. */
export function mergeFeatures(into: Feature[], from: Feature[], prefix = ''): void {
  for (const f of from) addFeature(into, f.id, prefix + f.evidence)
}
