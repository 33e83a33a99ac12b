// Open an HTML file in Debian's Chromium, headless and offline, through playwright-core (which never
// downloads a browser of its own): the checks an auditor's browser would make, plus a screenshot.
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium} from 'playwright-core'

/** Debian's chromium binary (`apt-get install chromium`; .ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium'
export const HAS_CHROMIUM = existsSync(CHROMIUM)
export const CHROMIUM_SKIP_REASON = `${CHROMIUM} is absent (apt-get install -y chromium): browser tests skipped`

/** What the page showed: console errors, requests that left the file, counts of elements, and a screenshot. */
export type PageReport = {consoleErrors: string[]; requests: string[]; counts: Record<string, number>; title: string}

/** Load a local HTML file with the network cut off, count elements matching the selectors, screenshot it. */
export async function openOffline(file: string, selectors: string[], screenshot?: {path: string; width?: number; height?: number}): Promise<PageReport> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'passerelle-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: {width: screenshot?.width ?? 1200, height: screenshot?.height ?? 900},
    offline: true,
  })
  try {
    const consoleErrors: string[] = []
    const requests: string[] = []
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    const url = pathToFileURL(file).href
    await context.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue()
      requests.push(route.request().url())
      return route.abort()
    })
    await page.goto(url, {waitUntil: 'load'})
    const counts: Record<string, number> = {}
    for (const s of selectors) counts[s] = await page.locator(s).count()
    if (screenshot) await page.screenshot({path: screenshot.path})
    return {consoleErrors, requests, counts, title: await page.title()}
  } finally {
    await context.close()
    rmSync(profile, {recursive: true, force: true})
  }
}
