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
