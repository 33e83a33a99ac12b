// The types of Passerelle, as zod schemas: each schema and its type share a name.
// This module imports only zod (the architecture test holds it).
import {z} from 'zod'

/** Severity of a rule and its findings, lowest first (order matters for --fail-on). */
export const Severity = z.enum(['info', 'low', 'medium', 'high', 'critical'])
export type Severity = z.infer<typeof Severity>
export const SEVERITIES = Severity.options

/** A record-level error: the file or row could not be (fully) read. */
export const ErrorInfo = z.object({
  code: z.string().describe('EACCES, ENOENT, truncated, corrupt-container, budget-exceeded, not-regular, ...'),
  message: z.string(),
})
export type ErrorInfo = z.infer<typeof ErrorInfo>

/** Something inside a file that causes friction (macros, encryption, XFA...), with the evidence seen. */
export const Feature = z.object({
  id: z.string().describe('feature id from the published vocabulary, e.g. vba-macros'),
  evidence: z.string(),
})
export type Feature = z.infer<typeof Feature>

/** A font a document uses, and whether the document embeds it. */
export const FontUse = z.object({name: z.string(), embedded: z.boolean().optional()})
export type FontUse = z.infer<typeof FontUse>

/** What a file says about itself: producing application, format versions, fonts. */
export const ArtifactMetadata = z.object({
  application: z.string().optional(),
  applicationVersion: z.string().optional(),
  producer: z.string().optional(),
  odfVersion: z.string().optional(),
  ooxmlConformance: z.enum(['transitional', 'strict']).optional(),
  pdfVersion: z.string().optional(),
  fonts: z.array(FontUse).optional(),
})
export type ArtifactMetadata = z.infer<typeof ArtifactMetadata>

/** One file seen on a share (the NDJSON line of `identify`, DESIGN.md contract 3). */
export const Artifact = z.object({
  path: z.string().describe('path as walked: the root joined with the relative path'),
  pathBase64: z.string().optional().describe('the exact bytes of path, base64; only when a name is not valid UTF-8 (path then carries each such byte as U+DC80+byte)'),
  root: z.string().describe('the root this file was found under'),
  relativePath: z.string().describe('path relative to its root, with / separators'),
  size: z.number().int().nonnegative(),
  mtime: z.string().optional(),
  extension: z.string().describe('lower-case extension without the dot, "" when none'),
  format: z.string().describe('format id from the registry, "unknown" when unsure'),
  puid: z.string().optional(),
  mime: z.string().optional(),
  basis: z.array(z.string()).describe('why the format was chosen'),
  extensionMismatch: z.boolean(),
  features: z.array(Feature),
  application: z.string().optional(),
  metadata: ArtifactMetadata.optional(),
  warnings: z.array(z.string()),
  error: ErrorInfo.optional(),
})
export type Artifact = z.infer<typeof Artifact>

/** The fields of a record that follow from the file's bytes and extension alone (what identical copies share). */
export const CONTENT_FIELDS = ['format', 'puid', 'mime', 'basis', 'extensionMismatch', 'features', 'application', 'metadata', 'warnings'] as const
export type ContentFindings = Pick<Artifact, (typeof CONTENT_FIELDS)[number]>

/** Where a software row came from: the export file, the reader that read it, and the line or path in it. */
export const SoftwareSource = z.object({
  file: z.string(),
  reader: z.string(),
  line: z.number().int().positive().optional(),
  path: z.string().optional().describe('JSON/XML path when there is no line'),
})
export type SoftwareSource = z.infer<typeof SoftwareSource>

/** One normalised inventory row: installed software, package or service on a host. */
export const Software = z.object({
  host: z.string(),
  name: z.string(),
  vendor: z.string().optional(),
  version: z.string().optional().describe('the version as the export wrote it'),
  versionScheme: z.string().optional().describe('how the version is compared: semver, dotted, debian, rpm, year'),
  product: z.string().optional().describe('product id such as microsoft:office'),
  kind: z.enum(['application', 'package', 'service', 'component']),
  source: SoftwareSource,
  vendorRaw: z.string().optional().describe('the publisher as the export wrote it, when vendor was normalised'),
  versionParsed: z.object({
    epoch: z.number().int(),
    parts: z.array(z.number()),
    tail: z.string().optional(),
  }).optional().describe('the version read under its scheme: epoch, numeric parts (all of them), and any qualifier'),
  release: z.string().optional().describe('marketing release from the name, such as 2010 or DC'),
  arch: z.string().optional(),
  purl: z.string().optional().describe('package URL, when the export gives or implies one'),
})
export type Software = z.infer<typeof Software>

/** The way across a friction. */
export const Bridge = z.object({
  summary: z.string().min(1),
  steps: z.array(z.string()).default([]),
  commands: z.array(z.string()).default([]),
  tools: z.array(z.object({name: z.string(), url: z.string().optional(), sill: z.boolean().optional()})).default([]),
  effort: z.enum(['trivial', 'low', 'medium', 'high']).optional(),
})
export type Bridge = z.infer<typeof Bridge>

/** A requirement of a compliance framework that a rule speaks to. */
export const ComplianceRef = z.object({framework: z.string(), requirement: z.string()})
export type ComplianceRef = z.infer<typeof ComplianceRef>

/** Comparison operators of a rule condition. */
export const ConditionOp = z.enum([
  'equals', 'not-equals', 'in', 'not-in', 'regex', 'exists', 'contains', 'starts-with', 'gt', 'gte', 'lt', 'lte', 'version',
])
export type ConditionOp = z.infer<typeof ConditionOp>

/** One test of a subject field. */
export const FieldCondition = z.strictObject({
  field: z.string().min(1),
  op: ConditionOp,
  value: z.unknown().optional(),
  scheme: z.string().optional().describe('version scheme for op: version'),
})
export type FieldCondition = z.infer<typeof FieldCondition>

/** A rule's match expression: all / any / not of field conditions. */
export type Condition = FieldCondition | {all: Condition[]} | {any: Condition[]} | {not: Condition}
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    FieldCondition,
    z.strictObject({all: z.array(Condition).min(1)}),
    z.strictObject({any: z.array(Condition).min(1)}),
    z.strictObject({not: Condition}),
  ]),
)

/** A declarative rule: what to match, what to say, and the bridge across. */
export const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'a namespaced id such as office.legacy-doc'),
  title: z.string().min(1),
  description: z.string().optional(),
  severity: Severity,
  confidence: z.enum(['low', 'medium', 'high']).default('high'),
  target: z.enum(['artifact', 'software']),
  match: Condition,
  paths: z.strictObject({include: z.array(z.string()).optional(), exclude: z.array(z.string()).optional()}).optional(),
  message: z.string().min(1),
  bridge: Bridge,
  compliance: z.array(ComplianceRef).default([]),
  references: z.array(z.string()).min(1),
  tags: z.array(z.string()).default([]),
})
export type Rule = z.infer<typeof Rule>

/** The subject a finding is about: a file or an inventory row. */
export const Subject = z.discriminatedUnion('kind', [
  z.object({kind: z.literal('artifact'), path: z.string(), relativePath: z.string(), format: z.string()}),
  z.object({
    kind: z.literal('software'), host: z.string(), name: z.string(), vendor: z.string().optional(),
    version: z.string().optional(), product: z.string().optional(), source: SoftwareSource,
  }),
])
export type Subject = z.infer<typeof Subject>

/** Why a condition held: the field, what the rule expected and what the subject had. */
export const Evidence = z.object({field: z.string(), op: z.string(), expected: z.unknown().optional(), actual: z.unknown()})
export type Evidence = z.infer<typeof Evidence>

/** Why a finding is suppressed: the `.passerelle-ignore.yaml` entry that covers it. */
export const SuppressionRef = z.object({
  reason: z.string(),
  expires: z.string().optional(),
  approvedBy: z.string().optional(),
  source: z.string().describe('ignore file and line of the entry, e.g. .passerelle-ignore.yaml:4'),
})
export type SuppressionRef = z.infer<typeof SuppressionRef>

/** One rule hit on one subject. */
export const Finding = z.object({
  ruleId: z.string(),
  title: z.string(),
  severity: Severity,
  subject: Subject,
  message: z.string(),
  evidence: z.array(Evidence),
  bridge: Bridge,
  compliance: z.array(ComplianceRef),
  fingerprint: z.string().describe('sha256 of rule id + subject kind + normalised subject key'),
  suppression: SuppressionRef.optional().describe('present when an ignore entry covers the finding; it stays visible'),
  baselineState: z.enum(['new', 'unchanged']).optional().describe('set when the scan was compared with a baseline'),
})
export type Finding = z.infer<typeof Finding>

/** A run-level error: a file, export or root that could not be read. */
export const RunError = z.object({path: z.string(), code: z.string(), message: z.string()})
export type RunError = z.infer<typeof RunError>

/** A rule as the reports describe it, with how many subjects it judged (0 = not evaluated). */
export const RuleSummary = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  severity: Severity,
  target: z.enum(['artifact', 'software']),
  tags: z.array(z.string()),
  references: z.array(z.string()),
  compliance: z.array(ComplianceRef),
  bridge: z.string().describe('the bridge summary'),
  checked: z.number().int().nonnegative().describe('subjects of the rule\'s target kind that the scan saw'),
})
export type RuleSummary = z.infer<typeof RuleSummary>

/** An input of the scan: a root folder or an inventory export (exports carry their sha256). */
export const ScanInput = z.object({
  kind: z.enum(['root', 'inventory']),
  path: z.string(),
  size: z.number().int().optional(),
  sha256: z.string().optional(),
})
export type ScanInput = z.infer<typeof ScanInput>

/** One entry of the ignore file as the register shows it, with whether it still applies. */
export const SuppressionEntry = z.object({
  source: z.string().describe('ignore file and line'),
  rule: z.string().optional(),
  path: z.string().optional(),
  host: z.string().optional(),
  fingerprint: z.string().optional(),
  reason: z.string(),
  expires: z.string().optional(),
  approvedBy: z.string().optional(),
  status: z.enum(['active', 'expired', 'invalid']).describe('expired or invalid entries suppress nothing'),
  problem: z.string().optional().describe('why an entry is invalid or expired'),
  matched: z.number().int().nonnegative(),
})
export type SuppressionEntry = z.infer<typeof SuppressionEntry>

/** A finding that was in the baseline and is no longer found. */
export const AbsentFinding = z.object({ruleId: z.string(), title: z.string().optional(), severity: Severity.optional(), subject: z.string(), fingerprint: z.string()})
export type AbsentFinding = z.infer<typeof AbsentFinding>

/** The comparison with a baseline (`--baseline FILE`). */
export const BaselineComparison = z.object({
  file: z.string(),
  new: z.number().int(),
  unchanged: z.number().int(),
  absent: z.array(AbsentFinding),
})
export type BaselineComparison = z.infer<typeof BaselineComparison>

/** A framework requirement's verdict: from the rules mapped to it and what they found. */
export const RequirementResult = z.object({
  id: z.string(),
  name: z.string(),
  section: z.string().optional(),
  status: z.enum(['PASS', 'FAIL', 'NOT ASSESSED', 'SUPPRESSED']),
  checks: z.array(z.string()).describe('rule ids mapped to the requirement and loaded'),
  assessed: z.array(z.string()).describe('the checks that judged at least one subject'),
  findings: z.number().int(),
  suppressed: z.number().int(),
})
export type RequirementResult = z.infer<typeof RequirementResult>

/** An estate metric of a framework, e.g. the share of office documents kept in ODF. */
export const MetricResult = z.object({id: z.string(), name: z.string(), numerator: z.number().int(), denominator: z.number().int(), ratio: z.number().nullable()})
export type MetricResult = z.infer<typeof MetricResult>

/** The score of one compliance framework: passed / assessed requirements. */
export const FrameworkScore = z.object({
  framework: z.string(),
  name: z.string(),
  version: z.string(),
  source: z.string().optional(),
  passed: z.number().int(),
  failed: z.number().int(),
  suppressed: z.number().int(),
  notAssessed: z.number().int(),
  score: z.number().nullable().describe('passed / assessed (PASS + FAIL + SUPPRESSED); null when nothing was assessed'),
  requirements: z.array(RequirementResult),
  metrics: z.array(MetricResult),
})
export type FrameworkScore = z.infer<typeof FrameworkScore>

/** Formats and features counted by an estate metric (from the scan's byFormat / byFeature counts). */
export const MetricCount = z.strictObject({formats: z.array(z.string()).optional(), features: z.array(z.string()).optional()})
export type MetricCount = z.infer<typeof MetricCount>

/** A compliance framework as a data file (Prowler's shape): requirements map to rule ids (checks). */
export const Framework = z.strictObject({
  Framework: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  Name: z.string(),
  Version: z.string(),
  Provider: z.string(),
  Description: z.string(),
  Source: z.string().optional(),
  Requirements: z.array(z.strictObject({
    Id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    Name: z.string(),
    Description: z.string(),
    Attributes: z.array(z.record(z.string(), z.unknown())).default([]),
    Checks: z.array(z.string()).default([]),
  })).min(1),
  Metrics: z.array(z.strictObject({Id: z.string(), Name: z.string(), Numerator: MetricCount, Denominator: MetricCount})).default([]),
})
export type Framework = z.infer<typeof Framework>

/** The one output document of a scan (DESIGN.md contract 4). */
export const ScanResult = z.object({
  schemaVersion: z.literal('1'),
  tool: z.object({name: z.literal('passerelle'), version: z.string()}),
  rules: z.object({
    count: z.number().int(),
    digest: z.string().describe('sha256 of the loaded rule set'),
    config: z.string().optional().describe('the .passerelle.yaml that tuned the rules'),
    failOn: Severity.optional().describe('fail-on threshold from the config (a --fail-on flag wins)'),
    disabled: z.array(z.string()).optional().describe('rule ids the config left out'),
    overrides: z.array(z.object({ruleId: z.string(), from: Severity, to: Severity})).optional().describe('severity overrides applied'),
  }),
  scope: z.object({
    roots: z.array(z.string()),
    inventories: z.array(z.string()),
    startedAt: z.string(),
    finishedAt: z.string(),
    inputs: z.array(ScanInput).optional(),
    frameworks: z.array(z.string()).optional().describe('the frameworks the report scores (--framework)'),
  }),
  summary: z.object({
    artifacts: z.number().int(),
    software: z.number().int(),
    findings: z.number().int(),
    bySeverity: z.record(z.string(), z.number().int()),
    byFormat: z.record(z.string(), z.number().int()),
    byFeature: z.record(z.string(), z.number().int()),
    errors: z.number().int(),
    suppressed: z.number().int().optional(),
  }),
  findings: z.array(Finding),
  errors: z.array(RunError),
  catalogue: z.array(RuleSummary).optional().describe('the rules that judged the scan, for pass results and reports'),
  suppressions: z.array(SuppressionEntry).optional().describe('the suppression register'),
  baseline: BaselineComparison.optional(),
  compliance: z.array(FrameworkScore).optional(),
})
export type ScanResult = z.infer<typeof ScanResult>

// ---- Scan history (the store) ----

/** A recorded scan run. */
export const StoredRun = z.object({
  id: z.number().int(),
  label: z.string().optional(),
  host: z.string(),
  status: z.enum(['running', 'complete', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  toolVersion: z.string(),
  rulesDigest: z.string().optional(),
  roots: z.array(z.string()),
  inventories: z.array(z.string()),
  artifacts: z.number().int(),
  software: z.number().int(),
  findings: z.number().int(),
  errors: z.number().int(),
  byFormat: z.record(z.string(), z.number().int()),
  byFeature: z.record(z.string(), z.number().int()),
  bySeverity: z.record(z.string(), z.number().int()),
  /** Framework scores (0..1) when the result carried them. */
  scores: z.record(z.string(), z.number()).default({}),
})
export type StoredRun = z.infer<typeof StoredRun>

/** A finding as the store knows it: one row per fingerprint, with when it was first and last seen. */
export const StoredFinding = z.object({
  fingerprint: z.string(),
  ruleId: z.string(),
  title: z.string(),
  severity: Severity,
  subject: Subject,
  firstSeenRun: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenRun: z.number().int(),
  lastSeenAt: z.string(),
})
export type StoredFinding = z.infer<typeof StoredFinding>

/** One point of the history trend: a run and the estate metrics auditors follow. */
export const TrendPoint = z.object({
  run: z.number().int(),
  startedAt: z.string(),
  host: z.string(),
  label: z.string().optional(),
  artifacts: z.number().int(),
  findings: z.number().int(),
  officeDocuments: z.number().int(),
  odfShare: z.number().describe('ODF documents / office documents, 0..1'),
  macroFiles: z.number().int().describe('files with a VBA project'),
  scores: z.record(z.string(), z.number()),
})
export type TrendPoint = z.infer<typeof TrendPoint>

/** New, fixed and still-open findings between two runs. */
export const RunDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  new: z.array(StoredFinding),
  fixed: z.array(StoredFinding),
  stillOpen: z.array(StoredFinding),
  outOfScope: z.array(StoredFinding).describe('seen in A, on a subject run B did not look at (no roots or no inventories)'),
})
export type RunDiff = z.infer<typeof RunDiff>
