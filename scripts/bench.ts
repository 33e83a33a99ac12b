// npm run bench: Passerelle's identify against `file -N --mime-type` (libmagic) and the file-type npm
// package on a share-like tree of >= 50,000 files, warm cache, side by side in one run; memory at 50k
// vs 200k files; bytes pulled from the disk on a cold cache. A benchmark, not a test: it prints numbers.
import {execSync} from 'node:child_process'
import {existsSync, mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {canDropCaches, measure, type Run} from './bench/measure.js'
import {buildTree, linkTree} from './bench/tree.js'

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const flag = (name: string) => process.argv.includes(`--${name}`)
const FILES = arg('files', 50_000)
const BIG = arg('big', 200_000)
const WORK = path.join(tmpdir(), 'passerelle-bench')
const CORPUS = [path.resolve(PROJECT, '../shared/corpus/documents'), path.resolve(PROJECT, '../../shared/corpus/documents')].find(existsSync)

mkdirSync(WORK, {recursive: true})
if (!existsSync(path.join(PROJECT, 'dist/commands/identify.js')) || flag('build')) execSync('npm run build', {cwd: PROJECT, stdio: 'inherit'})
console.error(`building a ${FILES}-file tree under ${WORK} from the fixtures${CORPUS ? ` and ${CORPUS}` : ' (corpus absent: fixtures only)'}…`)
const tree = path.join(WORK, `tree-${FILES}`)
const {bytes} = buildTree(tree, FILES, CORPUS)

const passerelle = (dir: string, extra = '') => `node ${path.join(PROJECT, 'bin/run.js')} identify ${dir} --format ndjson ${extra}`
const tools: Array<[string, (dir: string) => string]> = [
  ['file -N --mime-type', (d) => `find ${d} -type f -print0 | xargs -0 file -N --mime-type --`],
  ['passerelle identify --no-probes', (d) => passerelle(d, '--no-probes')],
  ['file-type (16 in flight)', (d) => `node ${path.join(PROJECT, 'scripts/bench/file-type.mjs')} ${d} 16`],
  // Last: with the feature probes (decryption attempts with default passwords included) it is the slowest.
  ...(flag('skip-probes') ? [] : [
    ['passerelle identify (probes, --no-default-password)', (d: string) => passerelle(d, '--no-default-password')],
    ['passerelle identify (probes, --no-dedupe: every copy analysed)', (d: string) => passerelle(d, '--no-dedupe')],
    ['passerelle identify (probes on, the default)', (d: string) => passerelle(d)],
  ] as Array<[string, (dir: string) => string]>),
]
const out = (i: number) => path.join(WORK, `out-${i}.txt`)
const mib = (n: number) => `${n.toFixed(0)} MiB`
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`

// Before each tool, not once: some kernels reclaim page-cache pages left untouched for a minute or so
// (DAMON pageout on this box), and a tool that reads only heads would leave the next one a colder cache.
const warmCache = () => execSync(`find ${tree} -type f -print0 | xargs -0 cat > /dev/null`)
// Wall times on a shared machine move by up to a quarter from one run to the next: every tool runs ROUNDS
// times, the tools taking turns within a round, each round starting one tool further on (no tool always
// follows the heaviest), and the median run of each is reported.
const ROUNDS = arg('rounds', 5)
const runs: Run[][] = tools.map(() => [])
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < tools.length; k++) {
    const i = (round + k) % tools.length
    console.error(`warm, round ${round + 1}/${ROUNDS}: ${tools[i]![0]}…`)
    warmCache()
    runs[i]!.push(measure(tools[i]![1](tree), out(i)))
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!
const warm: Run[] = runs.map((r) => ({...r[0]!, wall: median(r.map((x) => x.wall)), cpu: median(r.map((x) => x.cpu)), rssMiB: Math.max(...r.map((x) => x.rssMiB))}))
const fileRun = warm[0]!
console.log(`\n## Warm cache, ${FILES} files, ${(bytes / 2 ** 30).toFixed(1)} GiB, median of ${ROUNDS} rounds (${process.env.BENCH_NOTE ?? `load average ${execSync('cat /proc/loadavg').toString().split(' ')[0]}`})\n`)
console.log(row(['tool', 'wall s', 'files/s', 'vs file', 'CPU s', 'files per CPU-s', 'peak RSS', 'records', 'wall s, each round']))
console.log(row(['---', '---', '---', '---', '---', '---', '---', '---', '---']))
warm.forEach((r, i) => console.log(row([tools[i]![0], r.wall.toFixed(1), Math.round(FILES / r.wall), `${(fileRun.wall / r.wall).toFixed(2)}x`, r.cpu.toFixed(1), Math.round(FILES / r.cpu), mib(r.rssMiB), r.lines, runs[i]!.map((x) => x.wall.toFixed(1)).join(' ')])))
// The probes issue's measure: the share of identification's files/s kept with the probes on.
if (!flag('skip-probes')) {
  const kept = (i: number) => `${Math.round((warm[1]!.wall / warm[i]!.wall) * 100)}%`
  console.log(`\nWith the probes on, Passerelle keeps ${kept(warm.length - 1)} of identification's files/s (${kept(warm.length - 2)} with --no-dedupe).`)
}

if (!flag('skip-big')) {
  console.error(`building a ${BIG}-file tree of hard links…`)
  const big = path.join(WORK, `tree-${BIG}`)
  const n = linkTree(tree, big, Math.ceil(BIG / FILES))
  const r = measure(passerelle(big, '--no-probes'), out(9))
  console.log(`\n## Memory (--no-probes): peak RSS ${mib(warm[1]!.rssMiB)} at ${FILES} files, ${mib(r.rssMiB)} at ${n} files (${r.lines} records, ${Math.round(n / r.wall)} files/s)`)
  if (!flag('skip-probes')) {
    // The memo keeps findings and bytes per worker: its bounds must hold the probes' memory flat too.
    const p = measure(passerelle(big, ''), out(10))
    console.log(`## Memory (probes on, the default): peak RSS ${mib(warm[warm.length - 1]!.rssMiB)} at ${FILES} files, ${mib(p.rssMiB)} at ${n} files (${p.lines} records, ${Math.round(n / p.wall)} files/s)`)
  }
}

if (!flag('skip-cold')) {
  if (!canDropCaches()) {
    console.log('\n## Cold cache: not measured — this sandbox does not let us write /proc/sys/vm/drop_caches')
  } else {
    console.log(`\n## Cold cache (page cache dropped before each run; sectors read from /proc/diskstats for the disk under the tree, ${(bytes / 2 ** 20).toFixed(0)} MiB)\n`)
    // Each tool is also run cold on a folder of one small file: what its own start pulls (the Node.js runtime
    // and the code; libmagic and its database). On a share those come from the local disk, not the share.
    const one = path.join(WORK, 'one-file')
    mkdirSync(one, {recursive: true})
    writeFileSync(path.join(one, 'note.txt'), 'one small file\n')
    console.log(row(['tool', 'wall s', 'files/s', 'read from disk', '% of tree', "the tool's own start (one-file folder)", '% of tree without it']))
    console.log(row(['---', '---', '---', '---', '---', '---', '---']))
    tools.forEach(([name, cmd], i) => {
      console.error(`cold: ${name}…`)
      const start = measure(cmd(one), out(i), {cold: true, tree}).diskBytes ?? 0
      const r = measure(cmd(tree), out(i), {cold: true, tree})
      const disk = r.diskBytes ?? 0
      const pct = (n: number) => `${((n / bytes) * 100).toFixed(1)}%`
      console.log(row([name, r.wall.toFixed(1), Math.round(FILES / r.wall), mib(disk / 2 ** 20), pct(disk), mib(start / 2 ** 20), pct(Math.max(0, disk - start))]))
    })
    console.log('\nThe disk counters are machine-wide: other processes reading at the same time inflate them.')
  }
}
