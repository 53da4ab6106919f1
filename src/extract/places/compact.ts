/**
 * @module extract/places/compact
 * Compact in-memory tables for the gazetteer. Half a million names held as separate strings,
 * Map entries and arrays of boxed numbers cost V8 about 60 MB and make every later garbage
 * collection slower; the same data packed into a few typed arrays and strings costs about
 * 20 MB and gives the collector almost nothing to trace.
 */

import { Buffer } from "node:buffer";

/** Strings packed into one, a line each: slicing on demand keeps 200,000 names in one object. */
export class StringTable {
  private readonly text: string;
  private readonly ends: Int32Array;
  /** Strings with a character beyond Latin-1: a single one would double the size of the text. */
  private readonly wide = new Map<number, string>();

  /** `text`: the strings joined by "\n"; `count`: how many there must be. */
  constructor(text: string, count: number) {
    this.ends = new Int32Array(count);
    let n = 0;
    for (let at = text.indexOf("\n"); at >= 0 && n < count; at = text.indexOf("\n", at + 1)) this.ends[n++] = at;
    if (n < count) this.ends[n++] = text.length;
    if (n !== count || (count > 0 && this.ends[count - 1] !== text.length)) throw new Error(`gazetteer: expected ${count} names`);
    this.text = WIDE.test(text) ? this.narrow(text) : text;
  }

  get length(): number { return this.ends.length; }

  get(i: number): string {
    return this.wide.get(i) ?? this.slice(this.text, i);
  }

  private slice(text: string, i: number): string {
    return text.slice(i === 0 ? 0 : this.ends[i - 1]! + 1, this.ends[i]);
  }

  /** Sets the wide strings apart and returns a one-byte copy of the text (same offsets). */
  private narrow(text: string): string {
    for (const m of text.matchAll(WIDE_ALL)) {
      const i = this.lineAt(m.index);
      if (!this.wide.has(i)) this.wide.set(i, this.slice(text, i));
    }
    return Buffer.from(text, "latin1").toString("latin1");
  }

  /** The line that holds offset `at`. */
  private lineAt(at: number): number {
    let lo = 0;
    let hi = this.ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const WIDE = /[^\u0000-\u00ff]/;
const WIDE_ALL = /[^\u0000-\u00ff]/g;
const EMPTY = new Int32Array(0);

/**
 * A hash index from folded names to lists of integers, in insertion order and without
 * repeats. Keys are stored as bytes in one buffer and found by open addressing; a key with a
 * character a folded name cannot contain is simply never found.
 */
export class KeyIndex {
  private bytes: Uint8Array;
  private byteLen = 0;
  private starts: Int32Array;
  private count = 0;
  private slots: Int32Array;
  private mask: number;
  /** While building: per key a chain of values (head, tail), per value the next in its chain. */
  private heads: Int32Array;
  private tails: Int32Array;
  private next: Int32Array;
  private vals: Int32Array;
  private nvals = 0;
  /** After `freeze`: per key its values are refs[offsets[id] .. offsets[id + 1]]. */
  private offsets = EMPTY;
  private refs = EMPTY;

  /** `expected`: about how many (key, value) pairs will be added; the tables grow past it. */
  constructor(expected: number, expectedBytes: number) {
    const cap = nextPow2(Math.max(16, Math.ceil(expected * 1.6)));
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.bytes = new Uint8Array(Math.max(64, expectedBytes));
    this.starts = new Int32Array(Math.max(16, expected) + 1);
    this.heads = new Int32Array(Math.max(16, expected)).fill(-1);
    this.tails = new Int32Array(Math.max(16, expected)).fill(-1);
    this.next = new Int32Array(Math.max(16, expected));
    this.vals = new Int32Array(Math.max(16, expected));
  }

  get size(): number { return this.count; }

  /** Adds `value` under `key` unless the key already has it. */
  add(key: string, value: number): void {
    this.addRange(key, 0, key.length, value);
  }

  /** Same as add, for the key text.slice(start, end), without making that string. */
  addRange(text: string, start: number, end: number, value: number): void {
    let id = this.find(text, start, end);
    if (id < 0) id = this.insert(text, start, end);
    const tail = this.tails[id]!;
    if (tail >= 0 && this.vals[tail] === value) return;
    if (tail >= 0 && this.chainHas(id, value)) return;
    this.push(id, value);
  }

  has(key: string): boolean {
    return this.find(key, 0, key.length) >= 0;
  }

  /** The values under `key`, in the order they were added; empty when the key is unknown. */
  get(key: string): Int32Array {
    const id = this.find(key, 0, key.length);
    if (id < 0) return EMPTY;
    return this.refs.subarray(this.offsets[id]!, this.offsets[id + 1]!);
  }

  /** Packs the chains into one array and releases the building tables. */
  freeze(): void {
    const offsets = new Int32Array(this.count + 1);
    const refs = new Int32Array(this.nvals);
    let k = 0;
    for (let id = 0; id < this.count; id++) {
      offsets[id] = k;
      for (let v = this.heads[id]!; v >= 0; v = this.next[v]!) refs[k++] = this.vals[v]!;
    }
    offsets[this.count] = k;
    this.offsets = offsets;
    this.refs = refs;
    this.heads = this.tails = this.next = this.vals = EMPTY;
    this.bytes = this.bytes.slice(0, this.byteLen);
    this.starts = this.starts.slice(0, this.count + 1);
  }

  private find(text: string, start: number, end: number): number {
    const n = end - start;
    for (let s = hash(text, start, end) & this.mask; ; s = (s + 1) & this.mask) {
      const id = this.slots[s]! - 1;
      if (id < 0) return -1;
      const at = this.starts[id]!;
      if (this.starts[id + 1]! - at === n && this.same(text, start, end, at)) return id;
    }
  }

  private same(text: string, start: number, end: number, at: number): boolean {
    const bytes = this.bytes;
    for (let i = start; i < end; i++) if (bytes[at++] !== text.charCodeAt(i)) return false;
    return true;
  }

  private insert(text: string, start: number, end: number): number {
    if ((this.count + 1) * 1.6 > this.slots.length) this.rehash(this.slots.length * 2);
    const id = this.count++;
    this.storeBytes(text, start, end);
    if (id + 1 >= this.starts.length) this.starts = grow(this.starts, id + 2);
    this.starts[id + 1] = this.byteLen;
    if (id >= this.heads.length) {
      const size = this.heads.length * 2;
      this.heads = grow(this.heads, size, -1);
      this.tails = grow(this.tails, size, -1);
    }
    let s = hash(text, start, end) & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = id + 1;
    return id;
  }

  private storeBytes(text: string, start: number, end: number): void {
    if (this.byteLen + end - start > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.byteLen + end - start));
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      // Folded names are ASCII; anything else would collide with another byte, so refuse it.
      if (c > 0x7f) throw new Error(`gazetteer: name key "${text.slice(start, end)}" is not folded`);
      this.bytes[this.byteLen++] = c;
    }
  }

  private chainHas(id: number, value: number): boolean {
    for (let v = this.heads[id]!; v >= 0; v = this.next[v]!) if (this.vals[v] === value) return true;
    return false;
  }

  private push(id: number, value: number): void {
    if (this.nvals >= this.vals.length) {
      this.vals = grow(this.vals, this.vals.length * 2);
      this.next = grow(this.next, this.vals.length);
    }
    const v = this.nvals++;
    this.vals[v] = value;
    this.next[v] = -1;
    const tail = this.tails[id]!;
    if (tail < 0) this.heads[id] = v;
    else this.next[tail] = v;
    this.tails[id] = v;
  }

  private rehash(cap: number): void {
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    for (let id = 0; id < this.count; id++) {
      let s = hashBytes(this.bytes, this.starts[id]!, this.starts[id + 1]!) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = id + 1;
    }
  }
}

// FNV-1a with a final mix, so that the low bits used for the slot depend on every character.
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function grow(a: Int32Array, size: number, fill = 0): Int32Array {
  const b = new Int32Array(size);
  if (fill !== 0) b.fill(fill);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
}
