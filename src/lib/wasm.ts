// Just enough of the WebAssembly binary format to write small numeric loops by hand (key stretching):
// functions whose parameters are i32, locals, one page of memory with data, and exports. Code is written
// as expressions that return their bytes, e.g. add64(get(a), load64(addr, 8)). No toolchain involved:
// the module is built at load, from these lines, in well under a millisecond.

export type Code = number[]
export const I32 = 0x7f
export const I64 = 0x7e

/** Unsigned LEB128. */
export function uleb(n: number): Code {
  const out: Code = []
  do {
    let b = n & 0x7f
    n >>>= 7
    if (n !== 0) b |= 0x80
    out.push(b)
  } while (n !== 0)
  return out
}

/** Signed LEB128 (i32.const and i64.const immediates). */
export function sleb(value: bigint | number): Code {
  let n = BigInt(value)
  const out: Code = []
  while (true) {
    const b = Number(n & 0x7fn)
    n >>= 7n
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) return [...out, b]
    out.push(b | 0x80)
  }
}

const vec = (items: Code[]): Code => [...uleb(items.length), ...items.flat()]
const name = (s: string): Code => vec([...Buffer.from(s, 'utf8')].map((b) => [b]))
const section = (id: number, body: Code): Code => [id, ...uleb(body.length), ...body]

// Instructions used by the key-stretching loops (opcodes from the WebAssembly core specification).
const binary = (opcode: number) => (a: Code, b: Code): Code => [...a, ...b, opcode]
export const get = (local: number): Code => [0x20, ...uleb(local)]
export const set = (local: number, value: Code): Code => [...value, 0x21, ...uleb(local)]
export const i32 = (v: number): Code => [0x41, ...sleb(v | 0)]
export const i64 = (v: bigint): Code => [0x42, ...sleb(BigInt.asIntN(64, v))]
export const load32 = (address: Code, offset: number): Code => [...address, 0x28, 2, ...uleb(offset)]
export const load64 = (address: Code, offset: number): Code => [...address, 0x29, 3, ...uleb(offset)]
export const store32 = (address: Code, offset: number, value: Code): Code => [...address, ...value, 0x36, 2, ...uleb(offset)]
export const store64 = (address: Code, offset: number, value: Code): Code => [...address, ...value, 0x37, 3, ...uleb(offset)]
export const add32 = binary(0x6a)
export const and32 = binary(0x71)
export const or32 = binary(0x72)
export const xor32 = binary(0x73)
export const shl32 = binary(0x74)
export const shr32 = binary(0x76)
export const rotl32 = binary(0x77)
export const geU32 = binary(0x4f)
export const add64 = binary(0x7c)
export const and64 = binary(0x83)
export const or64 = binary(0x84)
export const xor64 = binary(0x85)
export const shl64 = binary(0x86)
export const shr64 = binary(0x88)
export const rotr64 = binary(0x8a)
export const extendU = (a: Code): Code => [...a, 0xad]

/** for (local = from; local < to (unsigned); local++) body — `to` is evaluated on every turn. */
export function forLoop(local: number, from: Code, to: Code, body: Code[]): Code {
  return [
    ...set(local, from),
    0x02, 0x40, 0x03, 0x40, // block, loop (no results)
    ...geU32(get(local), to), 0x0d, 1, // br_if 1: leave the block
    ...body.flat(),
    ...set(local, add32(get(local), i32(1))),
    0x0c, 0, 0x0b, 0x0b, // br 0 (next turn), end loop, end block
  ]
}

export type WasmFunction = {name: string; params: number; locals: Array<[count: number, type: number]>; body: Code[]}

/** A module of functions (i32 parameters, no results) over one exported page of memory holding `data`. */
export function wasmModule(functions: WasmFunction[], data: {offset: number; bytes: Buffer}): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(Array.from({length: f.params}, () => [I32])), 0])
  const bodies = functions.map((f) => {
    const body = [...vec(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.body.flat(), 0x0b]
    return [...uleb(body.length), ...body]
  })
  const exports = [...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]), [...name('memory'), 0x02, 0]]
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, // \0asm, version 1
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, 1]])), // one page (64 KiB), no maximum
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
    ...section(11, vec([[0x00, ...i32(data.offset), 0x0b, ...vec([...data.bytes].map((b) => [b]))]])),
  ])
}
