// Streaming XML for exports: elements of interest are handed over as small trees as soon as they close,
// so a huge OCS or Nmap file never sits whole in memory. sax never reads a DTD: entities declared there
// are not expanded (an unknown `&name;` is kept as written), nothing external is fetched.
import sax from 'sax'
import {InventoryError, type Warning} from './reader.js'
import {textChunks} from './source.js'

/** One captured element: its name (namespace prefix removed), attributes, children, text and line. */
export type XmlNode = {name: string; attrs: Record<string, string>; children: XmlNode[]; text: string; line: number}

/** The first child with this name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name)
}

/** The trimmed text of the first child with this name ('' when absent). */
export function childText(node: XmlNode | undefined, name: string): string {
  return child(node, name)?.text.trim() ?? ''
}

/** Every descendant (depth first) with this name. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = []
  for (const c of node.children) {
    if (c.name === name) out.push(c)
    out.push(...descendants(c, name))
  }
  return out
}

const local = (name: string) => name.replace(/^.*:/, '')

/**
 * Stream the elements whose path (element names from the root, without prefixes) `wanted` accepts, each
 * with its whole subtree. A cut document is an error naming the file; unknown entities are a warning.
 */
export async function* xmlElements(file: string, wanted: (path: string[]) => boolean, warn: (w: Warning) => void): AsyncGenerator<{node: XmlNode; path: string[]}> {
  const parser = sax.parser(true, {position: true})
  const path: string[] = []
  const stack: XmlNode[] = []
  let captureDepth = -1
  let ready: Array<{node: XmlNode; path: string[]}> = []
  let fatal: Error | undefined
  let entityWarned = false
  parser.onopentag = (tag) => {
    path.push(local(tag.name))
    if (captureDepth === -1 && wanted(path)) captureDepth = path.length
    if (captureDepth !== -1) {
      const node: XmlNode = {name: local(tag.name), attrs: tag.attributes, children: [], text: '', line: parser.line + 1}
      stack.at(-1)?.children.push(node)
      stack.push(node)
    }
  }
  parser.onclosetag = () => {
    if (captureDepth !== -1) {
      const node = stack.pop()!
      if (path.length === captureDepth) {
        ready.push({node, path: [...path]})
        captureDepth = -1
      }
    }
    path.pop()
  }
  parser.ontext = parser.oncdata = (text) => {
    const top = stack.at(-1)
    if (top) top.text += text
  }
  parser.onerror = (e) => {
    if (/entity/i.test(e.message)) {
      if (!entityWarned) warn({file, line: parser.line + 1, message: 'entity reference left unexpanded (DTD entities are never expanded)'})
      entityWarned = true
      parser.error = null
      parser.resume()
      return
    }
    fatal ??= e
  }
  for await (const chunk of textChunks(file)) {
    parser.write(chunk)
    if (fatal) break
    yield* ready
    ready = []
  }
  if (!fatal) parser.close()
  if (fatal) {
    const cut = /unclosed|unexpected end/i.test(fatal.message)
    throw new InventoryError(`${file}: ${cut ? 'truncated XML' : 'broken XML'} (${fatal.message.split('\n')[0]})`, cut ? 'truncated' : 'bad-inventory')
  }
  yield* ready
}
