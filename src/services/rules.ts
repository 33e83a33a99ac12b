// The rules service: load the bundled library and any extra packs, and describe them.
import {BUNDLED_RULES, loadRules, type LoadedRule} from '../rules/load.js'
import {caseCounts} from '../rules/cases.js'

/** Load the bundled rules plus extra packs. */
export function loadAllRules(extra: string[] = []): Promise<LoadedRule[]> {
  return loadRules([BUNDLED_RULES, ...extra])
}

/** The rules as `rules list --json` publishes them: each with bridge, references, compliance and case count. */
export async function describeRules(extra: string[] = []) {
  const rules = await loadAllRules(extra)
  const counts = await caseCounts(rules)
  return rules.map((r) => ({
    id: r.id, title: r.title, severity: r.severity, target: r.target, tags: r.tags, bridge: r.bridge,
    references: r.references, compliance: r.compliance, cases: counts.get(r.id) ?? 0, file: r.file,
  }))
}
