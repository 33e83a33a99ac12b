// Run an async function over a stream with at most `limit` calls in flight, yielding results as
// they complete: I/O-bound identification overlaps reads without holding the whole tree.
export async function* mapConcurrent<T, R>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const running = new Set<Promise<{p: Promise<unknown>; value: R}>>()
  const iterator = items[Symbol.asyncIterator]()
  let done = false
  while (!done || running.size > 0) {
    while (!done && running.size < limit) {
      const next = await iterator.next()
      if (next.done) {
        done = true
        break
      }
      const p: Promise<{p: Promise<unknown>; value: R}> = fn(next.value).then((value) => ({p, value}))
      running.add(p)
    }
    if (running.size === 0) break
    const {p, value} = await Promise.race(running)
    running.delete(p as Promise<{p: Promise<unknown>; value: R}>)
    yield value
  }
}
