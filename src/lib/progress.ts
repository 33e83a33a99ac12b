// A one-line progress display on stderr (files, files/s, errors), redrawn at most five times a
// second, and only when stderr is a terminal: piped or redirected runs stay silent.

/** What a progress line needs to know: one call per record, one at the end. */
export type Progress = {tick(error: boolean): void; done(): void}

/** A progress line on the given stream, or a silent one when the stream is not a TTY. */
export function progressLine(stream: NodeJS.WriteStream = process.stderr, label = 'identified'): Progress {
  if (!stream.isTTY) return {tick() {}, done() {}}
  const start = Date.now()
  let count = 0
  let errors = 0
  let drawn = 0
  const draw = () => {
    const seconds = Math.max(0.001, (Date.now() - start) / 1000)
    stream.write(`\r${label} ${count} files, ${Math.round(count / seconds)} files/s, ${errors} errors\x1b[K`)
    drawn = Date.now()
  }
  return {
    tick(error) {
      count++
      if (error) errors++
      if (Date.now() - drawn >= 200) draw()
    },
    done() {
      draw()
      stream.write('\n')
    },
  }
}
