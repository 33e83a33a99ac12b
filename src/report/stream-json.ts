// Pretty JSON written piece by piece: a result with millions of findings is larger than the longest
// string V8 can hold, so the big array is emitted a batch at a time around the rest of the document.

const HOLE = '\u0000passerelle-array\u0000'

/**
 * Yield `JSON.stringify(doc, null, 2)` in chunks, streaming `items` in place of the property `key`
 * found at `depth` (1 = top level). The output is byte-identical to the one-shot string.
 */
export function* streamJson(doc: object, key: string, items: readonly unknown[], depth: number, perChunk = 500): Generator<string> {
  const text = JSON.stringify({...doc, [key]: HOLE}, null, 2)
  const hole = JSON.stringify(HOLE)
  const marker = `${JSON.stringify(key)}: ${hole}`
  const at = text.indexOf(marker)
  if (at < 0) throw new Error(`streamJson: no property ${key}`)
  yield text.slice(0, at + marker.length - hole.length)
  if (items.length === 0) {
    yield '[]'
  } else {
    const indent = '  '.repeat(depth + 1)
    let chunk = '[\n'
    for (let i = 0; i < items.length; i++) {
      chunk += `${indent}${JSON.stringify(items[i], null, 2).replace(/\n/g, `\n${indent}`)}${i < items.length - 1 ? ',' : ''}\n`
      if ((i + 1) % perChunk === 0) {
        yield chunk
        chunk = ''
      }
    }
    yield `${chunk}${'  '.repeat(depth)}]`
  }
  yield text.slice(at + marker.length)
}
