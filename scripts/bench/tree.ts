// Build a share-like tree for the benchmark: the sample-estate fixtures and the shared corpus documents,
// copied (distinct inodes, so the page cache holds every copy) into nested department folders.
import {copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {estateFiles} from '../../fixtures/build.js'

const DEPARTMENTS = ['finance', 'hr', 'legal', 'it', 'sales', 'ops']

type Item = {rel: string; bytes?: Buffer; from?: string}

/** The files one replica holds: fixtures as bytes, corpus documents by path. */
function replicaItems(corpusDir: string | undefined): Item[] {
  const items: Item[] = Object.entries(estateFiles()).map(([rel, bytes]) => ({rel: `estate/${rel}`, bytes}))
  if (corpusDir && existsSync(corpusDir)) {
    for (const name of readdirSync(corpusDir)) {
      if (name.endsWith('.tsv') || name.endsWith('.md')) continue
      items.push({rel: `docs/${name}`, from: path.join(corpusDir, name)})
    }
  }
  return items
}

/** Make (or reuse) a tree of exactly `count` files under dir; returns its byte size. */
export function buildTree(dir: string, count: number, corpusDir?: string): {files: number; bytes: number} {
  const marker = `${dir}.json` // beside the tree, so it is not one of its files
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as {files: number; bytes: number}
    if (m.files === count) return m
  }
  rmSync(dir, {recursive: true, force: true})
  const items = replicaItems(corpusDir)
  let files = 0
  let bytes = 0
  for (let r = 0; files < count; r++) {
    const base = path.join(dir, `share${String(r % 12).padStart(2, '0')}`, DEPARTMENTS[r % DEPARTMENTS.length]!, 'projects', `r${String(r).padStart(4, '0')}`)
    for (const item of items) {
      if (files >= count) break
      const target = path.join(base, item.rel)
      mkdirSync(path.dirname(target), {recursive: true})
      if (item.bytes) writeFileSync(target, item.bytes)
      else copyFileSync(item.from!, target)
      bytes += statSync(target).size
      files++
    }
  }
  writeFileSync(marker, JSON.stringify({files, bytes}))
  return {files, bytes}
}

/** A bigger tree that hard-links `times` copies of an existing one (for memory growth, not I/O). */
export function linkTree(source: string, dir: string, times: number): number {
  const marker = `${dir}.count`
  if (existsSync(marker)) return Number(readFileSync(marker, 'utf8'))
  rmSync(dir, {recursive: true, force: true})
  let n = 0
  const walk = (from: string, to: string) => {
    mkdirSync(to, {recursive: true})
    for (const e of readdirSync(from, {withFileTypes: true})) {
      if (e.isDirectory()) walk(path.join(from, e.name), path.join(to, e.name))
      else if (e.isFile()) {
        linkSync(path.join(from, e.name), path.join(to, e.name))
        n++
      }
    }
  }
  for (let i = 0; i < times; i++) walk(source, path.join(dir, `copy${i}`))
  writeFileSync(marker, String(n))
  return n
}
