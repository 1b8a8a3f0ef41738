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
    pub(super) fn of<'a>(names: impl Iterator<Item = &'a str> + Clone, locale: &str) -> NameKeys {
        // A first walk finds each distinct letter once (a table by code point for the Basic
        // Multilingual Plane, a list for the rest); the second writes each name's ranks.
        const TABLE: usize = 0x10000;
        let (mut table, mut rare, mut letters) = (vec![0u32; TABLE], Vec::<(u32, u32)>::new(), Vec::<u32>::new());
        let mut length = 0;
        for c in names.clone().flat_map(str::chars).map(u32::from) {
            length += 1;
            let seen = match table.get_mut(c as usize) {
                Some(slot) => std::mem::replace(slot, 1) == 1,
                None => {
                    rare.iter().any(|(r, _)| *r == c) || {
                        rare.push((c, 0));
                        false
                    }
                }
            };
            if !seen {
                letters.push(c);
            }
        }
        let ranks = crate::text::rank_chars(&letters, locale);
        for (c, rank) in letters.into_iter().zip(ranks) {
            match table.get_mut(c as usize) {
                Some(slot) => *slot = rank,
                None => rare.iter_mut().filter(|(r, _)| *r == c).for_each(|(_, r)| *r = rank),
            }
        }
        let rank_of = |c: u32| match table.get(c as usize) {
            Some(rank) => *rank,
            None => rare.iter().find(|(r, _)| *r == c).map_or(0, |(_, rank)| *rank),
        };
        let (room, _) = names.size_hint();
        let mut keys = NameKeys { ranks: Vec::with_capacity(length), starts: Vec::with_capacity(room + 1) };
        keys.starts.push(0);
        for name in names {
            // Those the language ignores (rank 0) go.
            let ranks = name.chars().map(|c| rank_of(u32::from(c))).filter(|&rank| rank > 0);
            keys.ranks.extend(ranks.map(|rank| rank.min(u16::MAX as u32) as u16));
            keys.starts.push(keys.ranks.len() as u32);
        }
        keys
    }

    pub(super) fn key(&self, at: u32) -> &[u16] {
        let at = at as usize;
        &self.ranks[self.starts[at] as usize..self.starts[at + 1] as usize]
    }
}
