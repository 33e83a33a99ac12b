// Rule matching at scale: 1,000 generated rules against generated subjects, every rule tried on every
// subject (naive) versus the rule index. Prints both timings, the ratio, and checks the answers agree.
import {matchRule} from '../src/rules/match.js'
import {RuleIndex} from '../src/rules/rule-index.js'
import {generateRules, generateSubjects} from './rule-bench-data.js'

const RULES = Number(process.env.BENCH_RULES ?? 1000)
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 2500)
const rules = generateRules(RULES)
const subjects = generateSubjects(SUBJECTS)

let t = performance.now()
let naive = 0
for (const s of subjects) for (const rule of rules) if (matchRule(rule, s)) naive++
const naiveMs = performance.now() - t

t = performance.now()
const index = new RuleIndex(rules)
const buildMs = performance.now() - t
t = performance.now()
let indexed = 0
let evaluated = 0
for (const s of subjects) {
  evaluated += index.candidates(s).length
  indexed += index.match(s).length
}
const indexedMs = performance.now() - t

if (naive !== indexed) throw new Error(`index and naive disagree: ${indexed} vs ${naive} findings`)
console.log(`${rules.length} rules (${index.unindexed} not indexable), ${subjects.length} subjects, ${naive} findings (both ways)`)
console.log(`naive:   ${naiveMs.toFixed(0)} ms (${rules.length} rules tried per subject)`)
console.log(`indexed: ${indexedMs.toFixed(0)} ms (+${buildMs.toFixed(1)} ms to build; ${(evaluated / subjects.length).toFixed(1)} rules tried per subject)`)
console.log(`ratio:   ${(naiveMs / indexedMs).toFixed(1)}x faster`)
