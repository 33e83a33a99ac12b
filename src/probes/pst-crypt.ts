// [MS-PST] 5.1 data-block encodings. NDB_CRYPT_PERMUTE substitutes every byte through a fixed table;
// NDB_CRYPT_CYCLIC mixes three tables with a key taken from the block id. The tables are data of the
// specification (mpbbR and mpbbS below; mpbbI is mpbbR's inverse, derived rather than stored).
// This obfuscation is not a password: every reader undoes it.

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'))
const R = hex(
  '41361362a8216ebbf416cc047f64e85d1ef2cb2a74c55e35d295479e962d9a884c7d843fdbac31b6485ff6c4d8398be7233b388ec8c1df25b120a546604e9cfb' +
  'aad35651457c550007c92b9d859b09a08fadb30f63ab894bd7a7155a716642bf264a6b98faea7753b270052cfd593a867ece06eb827857c78d43afb41cd45bcd' +
  'e2e9274fc3087280cfb0eff5286dbe304d3492d50e3c2232e5e4f99fc2d10a8112e1ee918376e397e6618a1779a4b7dc907a5c8c02a6ca69de501a1193b95287' +
  '58fced1d37491b6ae0293399bd6cd994f340546ff0c673b8d63e6518441fdd6710f10c19ecae03a1147ba90bfff8a3c0a201f72ebc2468750dfeba2fb5d0da3d',
)
const S = hex(
  '14530f56b3c87a9ceb65481716159f02cc547c83000d0c0ba262a876dbd9edc7c5a4dcac8574d6d0a79bae9a967166c36399b8dd73928e847da55ed15d93b157' +
  '5150808952944f4e0a6bbc8d7f6e47464140440111cb033ff7f4e1a98f3c3af9fbf0193082092ec99da08649ee6f4d6dc42d813425871b88aafc06a11238fd4c' +
  '4272641337246a757743ffe6b44b365ce4d8353d45b92cecb7312b290768a30e697b189e2139be281a5b78f523ca2ab0af3efe048ce7e5983295d3f64ae8a6ea' +
  'e9f3d52f7020f21f0567ad5510cecde3273bdabad7c226d4911dd21c2233f8faf15aefcf90b68bb5bdc0bf08971e6ce261e0c6c159abbb58de5fdf60797eb28a',
)
const I = new Uint8Array(256)
for (let b = 0; b < 256; b++) I[R[b]!] = b

/** bCryptMethod values of the header. */
export const CRYPT_NONE = 0x00
export const CRYPT_PERMUTE = 0x01
export const CRYPT_CYCLIC = 0x02

/** Decode a data block in place; `bid` is the block id (the cyclic method keys on its low 32 bits). */
export function decodeBlock(data: Buffer, method: number, bid: bigint): Buffer {
  if (method === CRYPT_PERMUTE) for (let i = 0; i < data.length; i++) data[i] = I[data[i]!]!
  else if (method === CRYPT_CYCLIC) cyclic(data, Number(bid & 0xffffffffn))
  return data
}

/** Encode a data block in place (the inverse of decodeBlock; used by the fixture builders). */
export function encodeBlock(data: Buffer, method: number, bid: bigint): Buffer {
  if (method === CRYPT_PERMUTE) for (let i = 0; i < data.length; i++) data[i] = R[data[i]!]!
  else if (method === CRYPT_CYCLIC) cyclic(data, Number(bid & 0xffffffffn))
  return data
}

// The cyclic method is its own inverse: R, S and I applied around a key that grows by one per byte.
function cyclic(data: Buffer, key: number): void {
  let w = (key ^ (key >>> 16)) & 0xffff
  for (let i = 0; i < data.length; i++) {
    let b = (data[i]! + (w & 0xff)) & 0xff
    b = R[b]!
    b = (b + (w >>> 8)) & 0xff
    b = S[b]!
    b = (b - (w >>> 8)) & 0xff
    b = I[b]!
    data[i] = (b - (w & 0xff)) & 0xff
    w = (w + 1) & 0xffff
  }
}
