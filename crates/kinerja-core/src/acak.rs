//! SplitMix64 (Steele, Lea & Flood 2014): the one seeded generator of
//! Kinerja, for the bootstrap of an IKM and for synthetic demo data.
//! Written out rather than taken from a crate because a published interval
//! and a synthetic dataset must come out the same from every build and
//! every release, which only a generator fixed by its definition promises.
//! No entropy is read: the same seed gives the same numbers.

/// SplitMix64: a fixed, well-mixed 64-bit generator.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (Lemire's multiply-shift; its bias is below
    /// 2⁻⁴⁰ for any survey's size).
    pub fn below(&mut self, n: usize) -> usize {
        let wide = (u128::from(self.next_u64()) * n as u128) >> 64;
        usize::try_from(wide).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_the_published_one() {
        // SplitMix64 from seed 0: the reference implementation's first outputs.
        let mut r = SplitMix64(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert!((0..1000).all(|_| r.below(7) < 7));
    }
}
