// Which column of a `dpkg-query -W` / `rpm -qa --queryformat` line holds what: the name is first; the
// version is the column that most often reads as a package version; architecture and status columns
// are recognised by their values. Decided once from the first lines, then applied to every line.

const VERSION = /^(\d+:)?\d[0-9A-Za-z.+~_-]*$/
const STATUS = /^(install|deinstall|purge|hold|unknown) (ok|reinstreq) \S+$/

export type PackageColumns = {version: number; arch: number; status: number; score: number; archHits: number; statusHits: number}

/** Choose the version, architecture and status columns from sample lines (tab-separated, else spaces). */
export function pickColumns(lines: string[], _scheme: 'debian' | 'rpm', arch: RegExp): PackageColumns | undefined {
  const rows = lines.filter((l) => l.trim() && !l.startsWith('gpg-pubkey')).map((l) => (l.includes('\t') ? l.split('\t') : l.trim().split(/\s+/)))
  if (rows.length === 0) return undefined
  const width = Math.max(...rows.map((r) => r.length))
  if (width < 2) return undefined
  const share = (i: number, test: (v: string) => boolean) => rows.filter((r) => r[i] !== undefined && test(r[i]!.trim())).length / rows.length
  let version = -1
  let best = 0
  for (let i = 1; i < width; i++) {
    // A version has a digit first and a separator somewhere, or is short; pure long integers are sizes or dates.
    const s = share(i, (raw) => ((v) => VERSION.test(v) && (/[.:+~-]/.test(v) || v.length <= 4) && !arch.test(v))(raw.replace(/^\(none\):/, '')))
    if (s > best) {
      best = s
      version = i
    }
  }
  if (version === -1) return undefined
  let archCol = -1
  let status = -1
  for (let i = 1; i < width; i++) {
    if (archCol === -1 && i !== version && share(i, (v) => arch.test(v)) > 0.6) archCol = i
    // A status column may be on some lines only (GLPI-Agent adds it in newer versions).
    const present = rows.filter((r) => r[i] !== undefined && r[i]!.trim() !== '')
    if (status === -1 && present.length > 0 && present.filter((r) => STATUS.test(r[i]!.trim())).length / present.length > 0.5) status = i
  }
  const nameOk = share(0, (v) => /^[A-Za-z0-9][A-Za-z0-9.+_:-]*$/.test(v))
  return {version, arch: archCol, status, score: Math.min(best, nameOk), archHits: archCol === -1 ? 0 : 1, statusHits: status === -1 ? 0 : 1}
}
