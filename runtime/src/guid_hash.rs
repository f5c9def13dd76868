//! The session's index from item id to position: `SetItemStatus` looks its item up here on every
//! call.
//!
//! A table of our own rather than a `HashMap`: it is built once per session and only read after,
//! so it needs no deletion, no growth and no tags. Open addressing with linear probing in a
//! power-of-two table at most half full: a lookup is one multiply and, almost always, one slot
//! holding both the key and the position (24 bytes, so a hit costs one cache line where a
//! `HashMap<u128, usize>` reads its control bytes and then its bucket).
//!
//! The hash: item ids are random by construction or chosen by the handler's own author, who has
//! no reason to attack the handler's tables, so `SipHash`'s resistance to chosen keys buys nothing
//! here; one folded multiply of the two halves (as in wyhash and foldhash) spreads every key bit.

use windows_core::GUID;

/// Odd constants with well-spread bits (the fractional part of the golden ratio, and pi's).
const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0x243F_6A88_85A3_08D3;

/// The position of an empty slot.
const EMPTY: u32 = u32::MAX;

/// The key of `id`: its 16 bytes as two words, as they lie in memory (cheaper than
/// `GUID::to_u128`, which reorders them; any one-to-one key will do).
#[inline]
fn key(id: &GUID) -> (u64, u64) {
    let high = u64::from(id.data1) | u64::from(id.data2) << 32 | u64::from(id.data3) << 48;
    (high, u64::from_ne_bytes(id.data4))
}

/// The hash of a key: a folded 64×64→128-bit multiply of its halves.
#[inline]
// The halves of the 128-bit product: truncation is the point.
#[allow(clippy::cast_possible_truncation)]
fn hash((high, low): (u64, u64)) -> u64 {
    let product = u128::from(low ^ K1) * u128::from(high ^ K2);
    (product as u64) ^ ((product >> 64) as u64)
}

/// One slot: the key as two words (8-byte aligned, so a slot is 24 bytes) and its position.
#[derive(Clone, Copy)]
struct Slot {
    high: u64,
    low: u64,
    position: u32,
}

/// Positions by GUID, built once and then only read. Positions are below `u32::MAX` (a session
/// has at most as many items as `PrepareForSync`'s `u32` count).
pub(crate) struct GuidIndex {
    slots: Box<[Slot]>,
    mask: usize,
}

impl GuidIndex {
    /// An empty index with room for `count` ids.
    pub(crate) fn with_capacity(count: usize) -> Self {
        let size = count.saturating_mul(2).max(2).next_power_of_two();
        let empty = Slot {
            high: 0,
            low: 0,
            position: EMPTY,
        };
        Self {
            slots: vec![empty; size].into_boxed_slice(),
            mask: size - 1,
        }
    }

    /// Adds `id` at `position` unless it is there already; returns the position it has. At most
    /// as many ids as the index was made for may be added, so that it stays half empty and every
    /// probe ends at an empty slot.
    ///
    /// # Panics
    /// When `position` is `u32::MAX` or more.
    #[allow(clippy::cast_possible_truncation)] // the table's size is a usize: so is the hash's use
    pub(crate) fn insert(&mut self, id: &GUID, position: usize) -> usize {
        let position = u32::try_from(position)
            .ok()
            .filter(|&position| position != EMPTY)
            .expect("a session position fits in u32");
        let (high, low) = key(id);
        let mut at = hash((high, low)) as usize & self.mask;
        loop {
            let slot = &mut self.slots[at];
            if slot.position == EMPTY {
                *slot = Slot {
                    high,
                    low,
                    position,
                };
                return position as usize;
            }
            if slot.high == high && slot.low == low {
                return slot.position as usize;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// The position of `id`, if it was added.
    ///
    /// Its probe loop is its own, not shared with `insert`: one helper for both cost
    /// `SetItemStatus` 5 more instructions per call (`bench-instructions set-item-status`).
    #[inline]
    #[allow(clippy::cast_possible_truncation)] // see `insert`
    pub(crate) fn get(&self, id: &GUID) -> Option<usize> {
        let (high, low) = key(id);
        let mut at = hash((high, low)) as usize & self.mask;
        loop {
            let slot = &self.slots[at];
            if slot.position == EMPTY {
                return None;
            }
            if slot.high == high && slot.low == low {
                return Some(slot.position as usize);
            }
            at = (at + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Ids that differ in one low byte, as hand-written static ids do, still spread: the low
    /// bits (the first slot) vary.
    #[test]
    fn sequential_ids_spread() {
        let low: HashSet<u64> = (0..256_u128)
            .map(|n| {
                hash(key(&GUID::from_u128(
                    0xa1a1_a1a1_0000_4000_8000_0000_0000_0000 | n,
                ))) & 0xff
            })
            .collect();
        assert!(low.len() > 128, "low bits: {}", low.len());
    }

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let ids: Vec<GUID> = (0..1000_u128).map(|n| GUID::from_u128(n * 7 + 1)).collect();
        let mut index = GuidIndex::with_capacity(ids.len());
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(index.insert(id, position), position);
        }
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id), Some(position));
        }
        assert_eq!(index.get(&GUID::zeroed()), None);
        assert_eq!(index.get(&GUID::from_u128(3)), None);
        // A repeated id keeps its first position.
        assert_eq!(index.insert(&ids[5], 999), 5);
        assert_eq!(index.get(&ids[5]), Some(5));
    }

    /// Keys that share one half, or collide in the low bits, are still told apart.
    #[test]
    fn halves_and_collisions() {
        let a = GUID::from_u128(0x0011_2233_4455_6677_8899_aabb_ccdd_eeff);
        let b = GUID::from_u128(0x0011_2233_4455_6677_0000_0000_0000_0000);
        let c = GUID::from_u128(0x0000_0000_0000_0000_8899_aabb_ccdd_eeff);
        let mut index = GuidIndex::with_capacity(1);
        assert_eq!(index.slots.len(), 2);
        index.insert(&a, 0);
        assert_eq!(
            (index.get(&a), index.get(&b), index.get(&c)),
            (Some(0), None, None)
        );
        let mut index = GuidIndex::with_capacity(0);
        assert_eq!(index.get(&a), None);
        index.insert(&GUID::zeroed(), 0);
        assert_eq!(index.get(&GUID::zeroed()), Some(0));
    }
}
