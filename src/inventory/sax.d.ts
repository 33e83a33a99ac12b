// The part of sax's API Passerelle uses (the package ships no types).
declare module 'sax' {
  export type Tag = {name: string; attributes: Record<string, string>}
  export type SAXParser = {
    onopentag: (tag: Tag) => void
    onclosetag: (name: string) => void
    ontext: (text: string) => void
    oncdata: (text: string) => void
    onerror: (e: Error) => void
    write(chunk: string): SAXParser
    close(): SAXParser
    resume(): SAXParser
    error: Error | null
    line: number
  }
  export function parser(strict: boolean, options?: {trim?: boolean; normalize?: boolean; lowercase?: boolean; xmlns?: boolean; position?: boolean}): SAXParser
  const sax: {parser: typeof parser}
  export default sax
}
