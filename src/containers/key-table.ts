// A small table of derived keys in shared memory, so that worker threads share key derivations: a
// password check costs 50,000-100,000 hash rounds (up to ~110 ms), and copies of one encrypted file,
// which share its salt, otherwise cost one derivation in every worker. Slots are claimed with a
// compare-and-swap and published with an atomic store, so a reader sees a slot only once it is whole;
// a full table simply stops remembering.
const SLOTS = 512
const PROBES = 8
const ID = 32 // a SHA-256 of everything the derivation depends on
const VALUE = 64 // the largest digest (SHA-512)
const DATA = ID + 1 + VALUE
const EMPTY = 0
const WRITING = 1
const READY = 2

/** Derived values keyed by a 32-byte id, shared by every thread given the same buffer. */
export type KeyTable = {
  get(id: Buffer): Buffer | undefined
  set(id: Buffer, value: Buffer): void
  buffer: SharedArrayBuffer
}

/** The bytes a table needs: create the buffer once and hand it to each thread. */
export const keyTableBytes = () => SLOTS * 4 + SLOTS * DATA

/** A table over `buffer` (a new one when omitted). */
export function createKeyTable(buffer = new SharedArrayBuffer(keyTableBytes())): KeyTable {
  const states = new Int32Array(buffer, 0, SLOTS)
  const data = Buffer.from(buffer, SLOTS * 4, SLOTS * DATA)
  const slotOf = (id: Buffer, j: number) => (id.readUInt32LE(0) + j) % SLOTS
  const holds = (slot: number, id: Buffer) => data.compare(id, 0, ID, slot * DATA, slot * DATA + ID) === 0
  return {
    buffer,
    get(id) {
      for (let j = 0; j < PROBES; j++) {
        const slot = slotOf(id, j)
        const state = Atomics.load(states, slot)
        if (state === EMPTY) return undefined
        if (state === READY && holds(slot, id)) {
          const at = slot * DATA + ID
          return Buffer.from(data.subarray(at + 1, at + 1 + data[at]!))
        }
      }
      return undefined
    },
    set(id, value) {
      if (id.length !== ID || value.length > VALUE) return
      for (let j = 0; j < PROBES; j++) {
        const slot = slotOf(id, j)
        if (Atomics.compareExchange(states, slot, EMPTY, WRITING) === EMPTY) {
          id.copy(data, slot * DATA)
          data[slot * DATA + ID] = value.length
          value.copy(data, slot * DATA + ID + 1)
          Atomics.store(states, slot, READY)
          return
        }
        if (Atomics.load(states, slot) === READY && holds(slot, id)) return
      }
    },
  }
}
