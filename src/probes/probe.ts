// The shape every probe shares: it looks at an inspected file and reports features and metadata.
import type {Inspection} from '../containers/opened.js'
import type {ArtifactMetadata, Feature} from '../model.js'

/** What a probe found. */
export type ProbeResult = {features: Feature[]; metadata: ArtifactMetadata; warnings: string[]}

/** A probe: the container kinds it applies to, and the function that looks. */
export type Probe = {
  name: string
  applies(inspection: Inspection): boolean
  run(inspection: Inspection): Promise<Partial<ProbeResult>>
}
