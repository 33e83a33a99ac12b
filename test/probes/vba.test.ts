import {strToU8} from 'fflate'
import {describe, expect, it} from 'vitest'
import {compoundFile, workbookStream} from '../../fixtures/builders/ole2.js'
import {vbaProjectBin, vbaStreams} from '../../fixtures/builders/vba.js'
import {ooxml} from '../../fixtures/builders/zip.js'
import {probeBytes} from '../support/inspect.js'

const EMPTY_SHEET = 'Attribute VB_Name = "Sheet1"\r\nAttribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"\r\nAttribute VB_Exposed = True\r\n'

describe('VBA probe', () => {
  it('reports an Excel project whose modules hold only Attribute lines as vba-no-code', async () => {
    const xls = compoundFile({Workbook: workbookStream(), ...vbaStreams({Sheet1: EMPTY_SHEET, ThisWorkbook: EMPTY_SHEET}, '_VBA_PROJECT_CUR')})
    const r = await probeBytes(xls, 'book.xls')
    expect(r.ids).toEqual(['vba-macros', 'vba-no-code'])
    expect(r.evidence['vba-macros']).toContain('2 module(s), 0 code line(s)')
  })

  it('counts code lines and names auto-executing entry points in a docm vbaProject.bin', async () => {
    const code = 'Attribute VB_Name = "Module1"\r\nSub AutoOpen()\r\n  MsgBox "hi"\r\nEnd Sub\r\nPrivate Sub CommandButton1_Click()\r\nEnd Sub\r\n'
    const docm = ooxml('docm', {'word/vbaProject.bin': new Uint8Array(vbaProjectBin({Module1: code}))})
    const r = await probeBytes(docm, 'macro.docm')
    expect(r.ids).toEqual(['vba-autoexec', 'vba-macros'])
    expect(r.evidence['vba-macros']).toContain('1 module(s), 5 code line(s)')
    expect(r.evidence['vba-autoexec']).toContain('AutoOpen, CommandButton1_Click')
  })

  it('does not call a macro that merely mentions an event name autoexec', async () => {
    const code = 'Attribute VB_Name = "Module1"\r\nSub Report()\r\n  \' called from Workbook_Open elsewhere\r\nEnd Sub\r\n'
    const r = await probeBytes(compoundFile({WordDocument: Buffer.alloc(1536), ...vbaStreams({Module1: code}, 'Macros')}), 'a.doc')
    expect(r.ids).toContain('vba-macros')
    expect(r.ids).not.toContain('vba-autoexec')
  })

  it('still reports a project whose dir stream is unreadable, with a warning', async () => {
    const streams = vbaStreams({Module1: 'Sub X()\r\nEnd Sub\r\n'}, 'Macros')
    streams['Macros/VBA/dir'] = Buffer.from('not compressed')
    const r = await probeBytes(compoundFile(streams), 'broken.doc')
    expect(r.ids).toEqual(['vba-macros'])
    expect(r.warnings.join(' ')).toMatch(/unreadable/)
  })

  it('never reports macros for a package without a VBA project', async () => {
    expect((await probeBytes(ooxml('docx', {'word/other.bin': strToU8('x')}), 'plain.docx')).ids).not.toContain('vba-macros')
  })
})
