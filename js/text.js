// Text folding for search, by the browser's own Unicode tables (none are compiled into the wasm):
// case is folded, NFD splits "ë" into "e" and a combining mark that is dropped, and the few Latin
// letters that don't decompose (ł, ø, đ, ß, …) are spelled as people type them on a plain keyboard.
// So "zoe" finds "Zoë" and "lukasz" finds "Łukasz".
const PLAIN = { "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h", "ŧ": "t", "ŀ": "l" };

export function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "").replace(/[łøđðßæœıþħŧŀ]/g, (c) => PLAIN[c]);
}

// Ranks the characters of `chars` (code points) in `locale`'s order, as Intl.Collator compares them at "base"
// sensitivity: equal ranks for two characters the language treats as one letter (case and accents
// aside), 0 for one it ignores. Rust orders names by these ranks (model/people.rs): one collator
// pass over the distinct letters instead of one call per comparison.
export function rankChars(chars, locale) {
  const letters = Array.from(chars, (c) => String.fromCodePoint(c));
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  const order = letters.map((_, i) => i).sort((a, b) => collator.compare(letters[a], letters[b]));
  const ranks = new Uint32Array(letters.length);
  let rank = 0;
  let previous = "";
  for (const at of order) {
    if (collator.compare(previous, letters[at]) !== 0) rank += 1;
    ranks[at] = collator.compare("", letters[at]) === 0 ? 0 : rank;
    previous = letters[at];
  }
  return ranks;
}
