// Regenerate docs/report.png, the README's picture of the HTML report: the sample estate scanned with a
// suppression, rendered, and photographed in headless Chromium (npm run screenshot).
import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {renderHtml} from '../src/report/html.js'
import {prepareResult} from '../src/services/report.js'
import {scan} from '../src/services/scan.js'
import {openOffline} from '../test/support/chromium.js'
import {EXPORT, SHARE} from '../test/support/paths.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-shot-'))
const ignore = path.join(dir, '.passerelle-ignore.yaml')
writeFileSync(ignore, 'ignores:\n  - {rule: eos.flash-player, host: PC-FIN-01, reason: "Offline kiosk, replaced in Q2", approved-by: rssi@example.fr, expires: 2099-06-30}\n')
const result = prepareResult(await scan({roots: [path.relative(process.cwd(), SHARE)], inventories: [path.relative(process.cwd(), EXPORT)], rulePaths: []}), {format: 'html', extra: [], frameworks: [], ignoreFile: ignore})
const file = path.join(dir, 'report.html')
writeFileSync(file, renderHtml(result))
const out = new URL('../docs/report.png', import.meta.url).pathname
const page = await openOffline(file, [], {path: out, width: 1100, height: 1700})
console.log(`${out} (${page.consoleErrors.length} console errors)`)
