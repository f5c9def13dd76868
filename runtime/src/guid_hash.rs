//! A cheap hash for GUID-keyed maps on the hot path (`SetItemStatus` looks up its item in one).
//!
//! The keys are item ids: random by construction, or chosen by the handler's own author, who has
//! no reason to attack the handler's tables. `SipHash`'s resistance to chosen keys buys nothing
//! here and was 70% of the instructions of a valid `SetItemStatus` (BENCHMARKS.md, "Dispatch");
//! one folded multiply of the two halves (as in wyhash and foldhash) spreads every key bit.

use core::hash::{BuildHasher, Hasher};
use std::collections::HashMap;
use windows_core::GUID;

/// A map keyed by GUIDs, stored as their `u128` value.
pub(crate) type GuidMap<V> = HashMap<u128, V, GuidHash>;

/// The key of `id` in a [`GuidMap`].
#[inline]
pub(crate) const fn key(id: &GUID) -> u128 {
    id.to_u128()
}

/// Builds [`GuidHasher`]s.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct GuidHash;

impl BuildHasher for GuidHash {
    type Hasher = GuidHasher;

    fn build_hasher(&self) -> GuidHasher {
        GuidHasher(0)
    }
}

/// Hashes one `u128` with a folded multiply; other input (never produced by `u128` keys) falls
/// back to a byte-wise multiply-xor, which is correct if slow.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GuidHasher(u64);

/// Odd constants with well-spread bits (the fractional part of the golden ratio, and pi's).
const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0x243F_6A88_85A3_08D3;

impl Hasher for GuidHasher {
    #[inline]
    // The two halves of the key and of the 128-bit product: truncation is the point.
    #[allow(clippy::cast_possible_truncation)]
    fn write_u128(&mut self, value: u128) {
        let (high, low) = ((value >> 64) as u64, value as u64);
        let product = u128::from(self.0 ^ low ^ K1) * u128::from(high ^ K2);
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(K1);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Ids that differ in one low byte, as hand-written static ids do, still spread over the
    /// buckets: both the low bits (bucket index) and the top 7 bits (hashbrown's tag) vary.
    #[test]
    fn sequential_ids_spread() {
        let hashes: Vec<u64> = (0..256_u128)
            .map(|n| GuidHash.hash_one(0xa1a1_a1a1_0000_4000_8000_0000_0000_0000 | n))
            .collect();
        let low: HashSet<u64> = hashes.iter().map(|hash| hash & 0xff).collect();
        let top: HashSet<u64> = hashes.iter().map(|hash| hash >> 57).collect();
        assert!(low.len() > 128, "low bits: {}", low.len());
        assert!(top.len() > 64, "top bits: {}", top.len());
    }

    #[test]
    fn keys_are_injective() {
        let a = GUID::from_u128(0x0011_2233_4455_6677_8899_aabb_ccdd_eeff);
        let b = GUID::from_u128(0x0011_2233_4455_6677_8899_aabb_ccdd_eefe);
        assert_ne!(key(&a), key(&b));
        assert_eq!(key(&a), key(&{ a }));
        assert_eq!(key(&GUID::zeroed()), 0);
        assert_eq!(size_of::<GUID>(), size_of::<u128>());
    }

    #[test]
    fn map_finds_what_it_holds() {
        let mut map = GuidMap::default();
        let ids: Vec<GUID> = (0..1000_u128).map(|n| GUID::from_u128(n * 7 + 1)).collect();
        for (position, id) in ids.iter().enumerate() {
            map.insert(key(id), position);
        }
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(map.get(&key(id)), Some(&position));
        }
        assert_eq!(map.get(&key(&GUID::zeroed())), None);
    }
}
