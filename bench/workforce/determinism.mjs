// Everything random in the generator comes from here: a pure function of (seed, stream, index),
// so any row can be derived again in any pass, and the same seed gives the same bytes.
import { createHash } from 'node:crypto';

/** 32-bit hash of a text (FNV-1a), for seeding streams. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A small fast PRNG (mulberry32) over one state; `next()` in [0, 1). */
export function prng(state) {
  let a = state >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Index into cumulative weights (ascending, last = total). */
    weighted: (cumulative) => {
      const x = next() * cumulative[cumulative.length - 1];
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/** The random stream of one thing: the same (seed, stream, index) always draws the same numbers. */
export function streamOf(seed, stream) {
  const base = hash32(`${seed}:${stream}`);
  return (index) => prng(Math.imul(base ^ Math.imul(index, 0x9e3779b1), 0x85ebca6b) ^ (index >>> 16));
}

/**
 * Ids as UUIDs (version 8, custom): the first 32 bits mix the index (a bijection, so they look
 * random as `gen_random_uuid()` ids do), then bits from a hash of seed and kind, then the index,
 * so the nth person of seed 2025 has the same id in every run and no two kinds share one.
 *
 * The leading bits must vary: btree_gist places a uuid in its GiST indexes (the tables' exclusion
 * constraints) by a penalty that reads it as a double, so only its first ~53 bits count. Ids
 * that shared them (kind prefix first, index last, as earlier generations made them) all cost
 * the same anywhere, so the index was built without order: an exclusion check read ~160 pages,
 * and closing 74,400 generated organizations took ~50 s of the replay's load where ids spread
 * as `gen_random_uuid()` spreads them take a tenth of that. The replay measured the generator.
 */
export function idsOf(seed, kind) {
  const prefix = createHash('sha256').update(`${seed}:${kind}`).digest('hex');
  const salt = parseInt(prefix.slice(0, 8), 16);
  const middle = `${prefix.slice(8, 12)}-8${prefix.slice(13, 16)}-${((parseInt(prefix[16], 16) & 0x3) | 0x8).toString(16)}`;
  return (index) => {
    const lead = (mix32(index) ^ salt) >>> 0;
    const tail = index.toString(16).padStart(15, '0');
    return `${lead.toString(16).padStart(8, '0')}-${middle}${tail.slice(0, 3)}-${tail.slice(3)}`;
  };
}

/** MurmurHash3's finalizer: a bijection on 32-bit integers that spreads consecutive ones apart. */
function mix32(value) {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const cumulative = (weights) => {
  let total = 0;
  return weights.map((weight) => (total += weight));
};
