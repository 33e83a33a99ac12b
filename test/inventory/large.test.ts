// A million-row export streams in bounded memory: the built reader runs in a child Node whose heap is
// capped at 64 MiB, so holding the rows (hundreds of MiB) would crash it instead of passing.
import {spawnSync} from 'node:child_process'
import {createWriteStream, mkdtempSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {once} from 'node:events'
import {describe, expect, it} from 'vitest'
import {PROJECT} from '../support/paths.js'

const ROWS = 1_000_000

async function writeExport(file: string): Promise<void> {
  const out = createWriteStream(file)
  const names = ['httpd', 'mariadb-server', 'php7', 'libreoffice-core', 'kernel-default', ...Array.from({length: 500}, (_, i) => `lib${i}`)]
  let chunk = ''
  for (let i = 0; i < ROWS; i++) {
    chunk += `${names[i % names.length]}-${i % 9}.${i % 97}.${i % 13}-${i % 5}.lp153.x86_64\n`
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
}

describe('a million-row export', () => {
  it('is read in bounded memory, every row counted', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'passerelle-large-')), 'fleet.rpm-qa.txt')
    await writeExport(file)
    const script = `import {readInventory} from ${JSON.stringify(path.join(PROJECT, 'dist/inventory/read.js'))}
      let n = 0, peak = 0
      for await (const r of readInventory(process.argv[1], () => {})) if (++n % 50000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed)
      console.log(JSON.stringify({n, peakMb: peak / 1048576}))`
    const run = spawnSync(process.execPath, ['--max-old-space-size=64', '--input-type=module', '-e', script, file], {encoding: 'utf8'})
    expect(run.status, run.stderr).toBe(0)
    const {n, peakMb} = JSON.parse(run.stdout) as {n: number; peakMb: number}
    expect(n).toBe(ROWS)
    expect(peakMb).toBeLessThan(48)
  }, 120_000)
})
