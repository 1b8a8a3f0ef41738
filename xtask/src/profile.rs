//! The size profile of a wasm module: bytes of code by crate and the largest functions, read from
//! the module's own name section (so no tool has to be installed for it), plus its data segments.
//! A wasm binary is a list of sections; only four matter here: imports (to number the functions),
//! code (each body's size), data (the segments) and the custom "name" section.
use std::collections::HashMap;

use crate::wasm::{sections, Reader};
use crate::Result;

pub struct Profile {
    pub total: usize,
    pub code: usize,
    pub data: usize,
    /// (crate, bytes of code), largest first.
    pub by_crate: Vec<(String, usize)>,
    /// Every function, largest first.
    pub functions: Vec<Function>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// In the module's function index space (imports first), as a trace numbers them.
    pub index: usize,
    pub name: String,
    pub bytes: usize,
}

/// How many functions the module imports (they come first in the function index space).
fn imported_functions(section: &[u8]) -> Result<usize> {
    let mut r = Reader::new(section);
    let mut functions = 0;
    for _ in 0..r.leb()? {
        r.name()?;
        r.name()?;
        match r.byte()? {
            0x00 => {
                r.leb()?;
                functions += 1;
            }
            0x01 => {
                r.byte()?;
                r.limits()?;
            }
            0x02 => r.limits()?,
            0x03 => {
                r.byte()?;
                r.byte()?;
            }
            0x04 => {
                r.byte()?;
                r.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
    }
    Ok(functions)
}

pub fn profile(wasm: &[u8]) -> Result<Profile> {
    let (mut imports, mut bodies, mut names, mut data) = (0, Vec::new(), HashMap::new(), 0);
    for (id, section) in sections(wasm)? {
        match id {
            2 => imports = imported_functions(section)?,
            10 => {
                let mut code = Reader::new(section);
                for _ in 0..code.leb()? {
                    let start = code.at;
                    let len = code.leb()? as usize;
                    code.take(len)?;
                    bodies.push(code.at - start);
                }
            }
            11 => data = section.len(),
            0 => {
                let mut custom = Reader::new(section);
                if custom.name()? == "name" {
                    while custom.at < section.len() {
                        let kind = custom.byte()?;
                        let len = custom.leb()? as usize;
                        let sub = custom.take(len)?;
                        if kind == 1 {
                            let mut map = Reader::new(sub);
                            for _ in 0..map.leb()? {
                                let index = map.leb()? as usize;
                                names.insert(index, map.name()?);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut functions: Vec<Function> = bodies
        .iter()
        .enumerate()
        .map(|(i, &bytes)| {
            let index = imports + i;
            let name = names.get(&index).map_or_else(|| format!("function[{index}]"), |n| readable(n));
            Function { index, name, bytes }
        })
        .collect();
    functions.sort_by_key(|f| std::cmp::Reverse(f.bytes));
    let mut crates: HashMap<String, usize> = HashMap::new();
    for f in &functions {
        *crates.entry(crate_of(&f.name)).or_default() += f.bytes;
    }
    let mut by_crate: Vec<(String, usize)> = crates.into_iter().collect();
    by_crate.sort_by_key(|c| std::cmp::Reverse(c.1));
    Ok(Profile { total: wasm.len(), code: bodies.iter().sum(), data, by_crate, functions })
}

/// A demangled name without its hash (`::h0123…`) or crate disambiguators (`core[1a2b…]`).
fn readable(name: &str) -> String {
    let mut name = format!("{:#}", rustc_demangle::demangle(name));
    if let Some(at) =
        name.rfind("::h").filter(|&at| name.len() - at == 19 && name[at + 3..].bytes().all(|b| b.is_ascii_hexdigit()))
    {
        name.truncate(at);
    }
    while let Some(open) = name.find('[') {
        match name[open..].find(']') {
            Some(len) if name[open + 1..open + len].bytes().all(|b| b.is_ascii_hexdigit()) && len > 1 => {
                name.replace_range(open..open + len + 1, "")
            }
            _ => break,
        }
    }
    name
}

/// The crate a function belongs to: the first path segment, or for `<T as Trait>::f` the crate of T.
fn crate_of(name: &str) -> String {
    let mut rest = name.trim_start_matches(['<', '&', '*']);
    for prefix in ["mut ", "const ", "dyn ", "impl "] {
        rest = rest.trim_start_matches(prefix);
    }
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    // `<F as tachys::…>::f`: a generic parameter has no crate; the trait's is the one that matters.
    let is_parameter = end > 0 && end <= 2 && rest.as_bytes()[0].is_ascii_uppercase();
    if is_parameter {
        if let Some(at) = rest.find(" as ") {
            return crate_of(&rest[at + 4..]);
        }
    }
    match &rest[..end] {
        "" => "(other)".into(),
        "function" if rest.starts_with("function[") => "(unnamed)".into(),
        // Rust's own: a `{closure}`, `{{closure}}` in std paths is still core/alloc/std.
        krate => krate.to_string(),
    }
}

pub fn print(p: &Profile, top: usize) {
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    println!(
        "wasm {} raw: code {}, data segments {}, other sections {}",
        kb(p.total),
        kb(p.code),
        kb(p.data),
        kb(p.total - p.code - p.data)
    );
    println!("  code by crate:");
    for (krate, size) in p.by_crate.iter().take(16) {
        println!("    {:<28} {:>9}", krate, kb(*size));
    }
    println!("  {top} largest functions:");
    for f in p.functions.iter().take(top) {
        let shown: String = if f.name.chars().count() > 110 {
            f.name.chars().take(107).chain("...".chars()).collect()
        } else {
            f.name.clone()
        };
        println!("    {:>9}  {shown}", kb(f.bytes));
    }
}

/// What a Chromium trace of a load (the bench's `PP_TRACE_OUT`) shows V8 compiling lazily on the
/// main thread before the page's `first-row` mark: how many functions and bytes, by crate and by
/// the module of `people_panel` they belong to, and the largest. The trace must be of this wasm.
pub fn print_lazy(p: &Profile, trace: &serde_json::Value, top: usize) -> Result<()> {
    let events = trace["traceEvents"].as_array().ok_or("no traceEvents in the trace")?;
    let mark = events
        .iter()
        .find(|e| e["name"] == "first-row" && e["ph"] != "M")
        .and_then(|e| e["ts"].as_f64())
        .ok_or("no first-row mark in the trace")?;
    let by_index: HashMap<usize, &Function> = p.functions.iter().map(|f| (f.index, f)).collect();
    let mut compiled: Vec<(&String, usize)> = events
        .iter()
        .filter(|e| e["name"] == "wasm.CompileLazy" && e["ts"].as_f64().is_some_and(|ts| ts < mark))
        .filter_map(|e| by_index.get(&(e["args"]["func_index"].as_u64()? as usize)))
        .map(|f| (&f.name, f.bytes))
        .collect();
    compiled.sort_by_key(|f| std::cmp::Reverse(f.1));
    let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
    let total: usize = compiled.iter().map(|f| f.1).sum();
    println!("compiled lazily before the first row: {} functions, {} of code", compiled.len(), kb(total));
    let mut groups: HashMap<String, (usize, usize)> = HashMap::new();
    for (name, size) in &compiled {
        let krate = crate_of(name);
        // people_panel's own code by module (`people_panel::ui::list`), others by crate.
        let group = match krate.as_str() {
            "people_panel" => {
                name.split("::").take(3).map(|p| p.trim_start_matches(['<', '&'])).collect::<Vec<_>>().join("::")
            }
            _ => krate,
        };
        let entry = groups.entry(group).or_default();
        entry.0 += 1;
        entry.1 += size;
    }
    let mut groups: Vec<(String, (usize, usize))> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then_with(|| a.0.cmp(&b.0)));
    println!("  by crate (people_panel by module): functions, code");
    for (group, (count, size)) in groups.iter().take(top) {
        println!("    {:>5}  {:>9}  {group}", count, kb(*size));
    }
    println!("  the {top} largest:");
    for (name, size) in compiled.iter().take(top) {
        println!("    {:>9}  {}", kb(*size), name.chars().take(110).collect::<String>());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crates_are_read_from_plain_and_trait_paths() {
        assert_eq!(crate_of("core::fmt::Formatter::pad"), "core");
        assert_eq!(crate_of("<tachys::html::element::HtmlElement<E,At,Ch> as tachys::view::Render>::build"), "tachys");
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as serde::de::Deserializer>::deserialize_any"),
            "serde_json"
        );
        assert_eq!(crate_of("function[12]"), "(unnamed)");
        assert_eq!(crate_of("<F as tachys::reactive_graph::ReactiveFunction>::invoke"), "tachys");
        assert_eq!(
            readable("<dlmalloc[e24a27700634d609]::Dlmalloc>::malloc::h7c08a3303fba7240"),
            "<dlmalloc::Dlmalloc>::malloc"
        );
    }

    #[test]
    fn reads_a_minimal_module() {
        // Header; one type (func [] -> []); one import of a function; one function with a 2-byte body;
        // a name section naming the defined function (index 1).
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]);
        m.extend([2, 7, 1, 1, b'm', 1, b'f', 0, 0]);
        m.extend([3, 2, 1, 0]);
        m.extend([10, 4, 1, 2, 0, 0x0b]);
        let names = [4, b'n', b'a', b'm', b'e', 1, 6, 1, 1, 3, b'a', b':', b'b'];
        m.push(0);
        m.push(names.len() as u8);
        m.extend(names);
        let p = profile(&m).unwrap();
        assert_eq!(p.functions, [Function { index: 1, name: "a:b".to_string(), bytes: 3 }]);
        assert_eq!(p.by_crate, [("a".to_string(), 3)]);
    }
}
