//! The orders the list can be sorted in, made fast for 100,000 people: values packed into two
//! numbers and radix-sorted, names as their letters' ranks in the panel's language. Used by
//! people.rs.
use std::cmp::Ordering;

/// Two numbers that order as the values they were packed from begin.
pub(super) type Packed = (u64, u64);

/// The first of `parts` (each `bits` wide, a larger one clamped) packed into two numbers that order
/// as they do; missing parts count as 0 (less than any part).
pub(super) fn packed(parts: impl Iterator<Item = u64>, bits: u32) -> Packed {
    let per_half = (64 / bits) as usize;
    let mut halves = [0u64; 2];
    for (at, part) in parts.take(2 * per_half).enumerate() {
        let shift = bits * (per_half - 1 - at % per_half) as u32;
        halves[at / per_half] |= part.min((1 << bits) - 1) << shift;
    }
    (halves[0], halves[1])
}

/// `(key, position)` pairs ordered by key, stably (equal keys keep their order): a least
/// significant byte first radix sort, skipping the bytes every key shares.
pub(super) fn radix_order(mut pairs: Vec<(Packed, u32)>) -> Vec<(Packed, u32)> {
    let mut spare = pairs.clone();
    for byte in 0..16 {
        let digit = |pair: &(Packed, u32)| {
            let half = if byte < 8 { pair.0 .1 } else { pair.0 .0 };
            ((half >> (8 * (byte % 8))) & 0xff) as usize
        };
        let mut starts = [0usize; 257];
        for pair in &pairs {
            starts[digit(pair) + 1] += 1;
        }
        if starts.contains(&pairs.len()) {
            continue;
        }
        for d in 1..257 {
            starts[d] += starts[d - 1];
        }
        for pair in &pairs {
            let d = digit(pair);
            spare[starts[d]] = *pair;
            starts[d] += 1;
        }
        std::mem::swap(&mut pairs, &mut spare);
    }
    pairs
}

/// Sorts positions, stably, by `compare`: the one sort of the list's code (each sort called with a
/// closure of its own would be compiled into the wasm once more).
pub(super) fn sort_positions(positions: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    positions.sort_by(|a, b| compare(*a, *b));
}

/// Names as sequences of their letters' ranks in a language's order (`text::rank_chars`: the
/// browser's `Intl.Collator`, asked once for the distinct letters rather than once per comparison,
/// which for 100,000 names takes 3 to 7 times as long). Letters the language ignores are left out.
/// A rank is 16 bits (as the packed prefix holds it): a list of more distinct letters than that
/// would see the rarest as one.
pub(super) struct NameKeys {
    ranks: Vec<u16>,
    /// Where each name's ranks start in `ranks` (one more than there are names).
    starts: Vec<u32>,
}

impl NameKeys {
    pub(super) fn of<'a>(names: impl Iterator<Item = &'a str>, locale: &str) -> NameKeys {
        // One walk over the names writes their letters side by side as 16-bit code points (one
        // outside the Basic Multilingual Plane as a surrogate, which no `char` is, and its code
        // point in `beyond`), and notes each distinct letter once; a second walk over those turns
        // each into its rank, in place.
        const BEYOND: u16 = 0xD800;
        let (mut seen, mut letters, mut beyond) = (vec![false; 0x10000], Vec::<u32>::new(), Vec::<u32>::new());
        let (room, _) = names.size_hint();
        let mut keys = NameKeys { ranks: Vec::with_capacity(room * 16), starts: Vec::with_capacity(room + 1) };
        keys.starts.push(0);
        for name in names {
            for c in name.chars() {
                let c = u32::from(c);
                match seen.get_mut(c as usize) {
                    Some(seen) => {
                        if !std::mem::replace(seen, true) {
                            letters.push(c);
                        }
                        keys.ranks.push(c as u16);
                    }
                    None => {
                        beyond.push(c);
                        keys.ranks.push(BEYOND);
                    }
                }
            }
            keys.starts.push(keys.ranks.len() as u32);
        }
        drop(seen);
        // The distinct letters beyond the plane, sorted (looked up by halving below): as many
        // names as there are cost no more than a sort of them.
        let mut far_letters = beyond.clone();
        far_letters.sort_unstable();
        far_letters.dedup();
        let in_plane = letters.len();
        letters.extend_from_slice(&far_letters);
        let ranks = crate::text::rank_chars(&letters, locale);
        // Ranks past what 16 bits hold (more distinct letters than that) count as the last.
        let clamp = |rank: &u32| (*rank).min(u16::MAX as u32) as u16;
        let mut table = vec![0u16; 0x10000];
        for (&c, rank) in letters[..in_plane].iter().zip(&ranks) {
            table[c as usize] = clamp(rank);
        }
        // The letters beyond, ranked in `far_letters`' order (they follow those of the plane).
        let far_ranks: Vec<u16> = ranks.get(in_plane..).unwrap_or_default().iter().map(clamp).collect();
        let mut beyond = beyond.into_iter();
        let mut rank_of = |unit: u16| match unit {
            BEYOND => {
                let c = beyond.next().unwrap_or_default();
                far_letters.binary_search(&c).map_or(0, |at| far_ranks[at])
            }
            unit => table[unit as usize],
        };
        // Each letter becomes its rank, in place; those the language ignores (rank 0) go.
        let (mut kept, mut from) = (0, 0);
        for name in 1..keys.starts.len() {
            let end = keys.starts[name] as usize;
            for at in from..end {
                let rank = rank_of(keys.ranks[at]);
                if rank > 0 {
                    keys.ranks[kept] = rank;
                    kept += 1;
                }
            }
            from = end;
            keys.starts[name] = kept as u32;
        }
        keys.ranks.truncate(kept);
        keys
    }

    pub(super) fn key(&self, at: u32) -> &[u16] {
        let at = at as usize;
        &self.ranks[self.starts[at] as usize..self.starts[at + 1] as usize]
    }
}
