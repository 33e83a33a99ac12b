// The report flags shared by `scan` and `report`, so that both commands offer the same outputs and
// stay thin.
import {Flags} from '@oclif/core'
import {SEVERITIES} from '../model.js'

const FORMATS = ['table', 'json', 'ndjson', 'csv', 'sarif', 'junit', 'markdown', 'html']
const extra = (format: string) => Flags.string({description: `also write the ${format} report to this file`, helpGroup: 'OUTPUT'})

/** Flags that choose formats, files, frameworks, baseline and suppressions. */
export const reportFlags = {
  format: Flags.string({char: 'f', options: FORMATS, default: 'table', description: 'output format'}),
  output: Flags.string({char: 'o', description: 'write the report to this file instead of stdout'}),
  'json-output': extra('JSON'),
  'ndjson-output': extra('NDJSON'),
  'csv-output': extra('CSV'),
  'sarif-output': extra('SARIF'),
  'junit-output': extra('JUnit XML'),
  'markdown-output': extra('Markdown'),
  'html-output': extra('HTML'),
  'csv-delimiter': Flags.string({default: ',', description: 'CSV separator: "," or ";" (French Excel) or "tab"', options: [',', ';', 'tab', '\\t']}),
  'csv-rows': Flags.string({default: 'findings', options: ['findings', 'checks'], description: 'CSV rows: one per finding, or one per check (rule) with PASS/FAIL'}),
  framework: Flags.string({multiple: true, default: [], description: 'framework to score (id or framework JSON file; repeatable; default: all bundled)'}),
  baseline: Flags.string({description: 'compare with this baseline (or saved result): findings are new or unchanged, gone ones absent'}),
  'write-baseline': Flags.string({description: 'write the fingerprints of this run as a baseline file'}),
  'ignore-file': Flags.string({description: 'suppression file (default: .passerelle-ignore.yaml in the current folder when present)'}),
  'fail-on': Flags.string({options: [...SEVERITIES], description: 'exit 1 when an unsuppressed (and, with --baseline, new) finding is at or above this severity'}),
}
