//! Folding text for search so that case and diacritics don't matter ("zoe" finds "Zoë", "lukasz"
//! finds "Łukasz"). In the browser it is js/text.js, through the browser's own Unicode tables, so
//! none are compiled into the wasm; natively, where the pure core is tested, it is lower case only.

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/text.js")]
extern "C" {
    pub fn fold(text: &str) -> String;
}

#[cfg(not(target_arch = "wasm32"))]
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}
