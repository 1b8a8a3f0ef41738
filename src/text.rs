//! Folding text for search so that case and diacritics don't matter ("zoe" finds "Zoë", "lukasz"
//! finds "Łukasz"). In the browser it is js/text.js, through the browser's own Unicode tables, so
//! none are compiled into the wasm; natively, where the pure core is tested, it is lower case only.
//! Ordering names for a language is the browser's too (`Intl.Collator`).

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/text.js")]
extern "C" {
    pub fn fold(text: &str) -> String;

    /// A rank for each character of `chars` (code points) in `locale`'s order (`Intl.Collator`,
    /// base letters): equal for two the language treats as one letter (case and accents aside), 0
    /// for one it ignores.
    #[wasm_bindgen(js_name = rankChars)]
    pub fn rank_chars(chars: &[u32], locale: &str) -> Vec<u32>;
}

#[cfg(not(target_arch = "wasm32"))]
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// Natively: by the lower-case letter's code point, whatever the language; ranks counted from 1
/// as the browser's are.
#[cfg(not(target_arch = "wasm32"))]
pub fn rank_chars(chars: &[u32], _locale: &str) -> Vec<u32> {
    let lower = |c: &u32| char::from_u32(*c).and_then(|c| c.to_lowercase().next()).map_or(0, u32::from);
    let mut order: Vec<u32> = chars.iter().map(lower).collect();
    order.sort_unstable();
    order.dedup();
    chars.iter().map(|c| order.binary_search(&lower(c)).map_or(0, |at| at as u32 + 1)).collect()
}
