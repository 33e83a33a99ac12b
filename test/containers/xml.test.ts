import {describe, expect, it} from 'vitest'
import {decodeEntities, elements, firstElement, hasDoctype, texts} from '../../src/containers/xml.js'

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;">
<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="w"><w:instrText>&lol9;</w:instrText><w:font w:name="&xxe;"/></w:document>`

describe('safe XML reading', () => {
  it('never expands DTD entities: a billion-laughs document stays its own size', () => {
    expect(hasDoctype(LAUGHS)).toBe(true)
    expect(texts(LAUGHS, 'instrText')).toEqual(['&lol9;'])
  })

  it('never resolves external entities (no file or URL is read)', () => {
    expect(firstElement(LAUGHS, 'font')?.attributes['w:name']).toBe('&xxe;')
  })

  it('decodes only the predefined entities and character references', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &#65;&#x42; &custom;')).toBe('<a> & AB &custom;')
  })

  it('reads attributes by qualified and local name, and self-closing tags', () => {
    const [e] = [...elements('<x:sheetProtection x:sheet="1" password=\'AB12\'/>')]
    expect(e).toMatchObject({local: 'sheetProtection', selfClosing: true, attributes: {'x:sheet': '1', sheet: '1', password: 'AB12'}})
  })
})

describe('named element lookups', () => {
  const xml = '<r:Relationships><r:Relationship Id="a" Target="x"/><Relationship Id="b"/><RelationshipX Id="no"/>' +
    '<w:p>Relationship in text</w:p><w:fldSimple w:instr=" DDE a b "/><fldSimple instr="c"/><w:fontTable/><w:font w:name="Calibri"/></r:Relationships>'
  it('finds every element with that local name, with or without a prefix, in document order', () => {
    expect([...elements(xml, new Set(['Relationship']))].map((e) => e.attributes.Id)).toEqual(['a', 'b'])
    expect([...elements(xml, new Set(['fldSimple', 'font']))].map((e) => e.name)).toEqual(['w:fldSimple', 'fldSimple', 'w:font'])
  })
  it('gives the same elements as a scan of every tag', () => {
    const all = [...elements(xml)].filter((e) => e.local === 'font' || e.local === 'Relationship')
    expect([...elements(xml, new Set(['font', 'Relationship']))]).toEqual(all)
  })
  it('ignores the name in text, in longer names and in attribute values', () => {
    expect([...elements('<a v="font"/>font <fontTable/><x:fonts/>', new Set(['font']))]).toEqual([])
  })
})
