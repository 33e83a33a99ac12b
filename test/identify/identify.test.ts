import {describe, expect, it} from 'vitest'
import {bufferSource} from '../../src/containers/source.js'
import {identify} from '../../src/identify/identify.js'
import {estateFiles} from '../../fixtures/build.js'

const expected: Record<string, string> = {
  'finance/budget-2019.xls': 'xls', 'finance/forecast.xlsx': 'xlsx', 'letters/letter-to-mayor.doc': 'doc',
  'letters/normal-template.dot': 'dot', 'letters/report.docx': 'docx', 'slides/all-hands.ppt': 'ppt',
  'slides/roadmap.pptx': 'pptx', 'tools/invoice-macro.docm': 'docm', 'open/minutes.odt': 'odt', 'open/accounts.ods': 'ods',
  'scans/form.pdf': 'pdf', 'images/poster.psd': 'psd', 'misnamed/minutes.xlsx': 'doc', 'misnamed/no-extension': 'pptx',
  'archive/old-site.zip': 'zip', 'readme.txt': 'txt',
}

describe('identify', () => {
  for (const [name, bytes] of Object.entries(estateFiles())) {
    it(`identifies ${name} as ${expected[name]} by content`, async () => {
      const ext = name.includes('.') ? name.split('.').pop()! : ''
      const id = await identify(bufferSource(name, bytes), ext)
      expect(id.format).toBe(expected[name])
      expect(id.basis.length).toBeGreaterThan(0)
      expect(id.error).toBeUndefined()
    })
  }

  it('flags an extension that does not fit the content', async () => {
    const id = await identify(bufferSource('m.xlsx', estateFiles()['misnamed/minutes.xlsx']!), 'xlsx')
    expect(id.extensionMismatch).toBe(true)
  })

  it('keeps the signature format and records an error for a truncated OLE2 file', async () => {
    const bytes = estateFiles()['finance/budget-2019.xls']!.subarray(0, 600)
    const id = await identify(bufferSource('cut.xls', bytes), 'xls')
    expect(id.format).toBe('cfb')
    expect(id.error?.code).toBe('truncated')
  })

  it('says unknown for bytes it cannot place, never a guess', async () => {
    const id = await identify(bufferSource('x.doc', Buffer.from([0, 1, 2, 3, 0, 0, 9, 200, 13])), 'doc')
    expect(id.format).toBe('unknown')
    expect(id.extensionMismatch).toBe(false)
  })

  it('names a PDF whose header is damaged by its body, with a warning; text that mentions objects stays text', async () => {
    const body = '\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'
    for (const header of ['%PDF1.4', '%PDF.1.4', '%1.4', '%\xe2\xe3\xcf\xd3']) {
      const id = await identify(bufferSource('d.pdf', Buffer.from(header + body, 'latin1')), 'pdf')
      expect(id.format).toBe('pdf')
      expect(id.basis[0]).toMatch(/^PDF object "1 0 obj <<" at \d+, without a valid %PDF- header$/)
      expect(id.warnings).toEqual(['the %PDF- header is missing or malformed'])
    }
    const prose = await identify(bufferSource('n.txt', Buffer.from('In a PDF, "1 0 obj << ... >>" starts an object.\n')), 'txt')
    expect(prose.format).toBe('txt')
  })

  it('does not call a script, config file or plain archive misnamed for an unclaimed extension, but does a .docx that is text', async () => {
    const text = Buffer.from('#!/bin/sh\necho "backup done"\n')
    for (const ext of ['sh', 'py', 'yml', 'sha1']) expect((await identify(bufferSource(`f.${ext}`, text), ext)).extensionMismatch).toBe(false)
    const zip = estateFiles()['archive/old-site.zip']!
    for (const ext of ['jar', 'kmz', 'whl']) expect((await identify(bufferSource(`f.${ext}`, zip), ext)).extensionMismatch).toBe(false)
    expect((await identify(bufferSource('f.xlsx', zip), 'xlsx')).extensionMismatch).toBe(true)
    const docx = await identify(bufferSource('f.docx', text), 'docx')
    expect(docx.format).toBe('txt')
    expect(docx.extensionMismatch).toBe(true)
  })
})
