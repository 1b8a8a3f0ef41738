// Text folding for search, by the browser's own Unicode tables (none are compiled into the wasm):
// case is folded, NFD splits "ë" into "e" and a combining mark that is dropped, and the few Latin
// letters that don't decompose (ł, ø, đ, ß, …) are spelled as people type them on a plain keyboard.
// So "zoe" finds "Zoë" and "lukasz" finds "Łukasz".
const PLAIN = { "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h", "ŧ": "t", "ŀ": "l" };

export function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "").replace(/[łøđðßæœıþħŧŀ]/g, (c) => PLAIN[c]);
}
