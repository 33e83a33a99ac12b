// HTML escaping for the single-file report: every value from a scanned estate (file names, software
// names, messages) is untrusted and goes through here.

/** Escape text for HTML element content and quoted attribute values. */
export function htmlEscape(value: unknown): string {
  const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`)
}
