//! The embeddable bundle: dist/people-panel/people_panel.js (one module: the element, its
//! stylesheet, the wasm-bindgen glue) + people_panel_bg.wasm (wasm-opt'd for size), stable names,
//! in an npm package (package.rs writes its package.json, types and manifest).
use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use crate::procs::run_ok;
use crate::{package, root, tools, Result};

pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn out_dir() -> PathBuf {
    root().join("dist/people-panel")
}

/// wasm-opt flags for features today's Rust emits (as the toolchain notes measured).
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The bundle is built with a pinned nightly that rebuilds the standard library for size: panics
/// abort without formatting a message, and `Debug` and panic locations are compiled out. The
/// stable toolchain still builds, tests and runs the demo; only the shipped bundle uses this.
/// `--cfg pp_split` turns src/later.rs's functions into split points, and `--emit-relocs` keeps
/// what the splitter needs to cut the module in two.
const NIGHTLY_RUSTFLAGS: &str = "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none \
     --cfg pp_split -Clink-args=--emit-relocs";

/// Exports nothing in the bundle calls: Leptos links server_fn, which links wasm-streams, whose
/// stream adapters (`IntoUnderlyingSource`, `…Sink`, `…ByteSource`) are exported to JS and so kept
/// with all they reach. Dropped before wasm-opt, which then removes their code.
const UNUSED_EXPORTS: &[&str] = &["intounderlying"];

pub fn build() -> Result<Vec<FileSize>> {
    let root = root();
    let target_dir = root.join("target/nightly");
    run_ok(
        Command::new("cargo")
            .arg(format!("+{}", tools::NIGHTLY))
            .args(["build", "--release", "--lib", "--target", "wasm32-unknown-unknown", "-p", "people-panel"])
            .args(["-Zbuild-std=std,panic_abort", "-Zbuild-std-features=optimize_for_size"])
            .env("RUSTFLAGS", NIGHTLY_RUSTFLAGS)
            .env("CARGO_TARGET_DIR", &target_dir)
            .current_dir(&root),
        &format!("dist: cargo build (wasm, release, {}, std rebuilt for size)", tools::NIGHTLY),
    )?;
    let out = out_dir();
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let glue = root.join("target/dist-glue");
    let _ = std::fs::remove_dir_all(&glue);
    // The second chunk (src/later.rs) split off the raw module, before wasm-bindgen: main.wasm,
    // split_later.wasm and __wasm_split.js, which loads the chunk (and imports `./main.js`).
    let split = root.join("target/dist-split");
    let _ = std::fs::remove_dir_all(&split);
    let wasm = target_dir.join("wasm32-unknown-unknown/release/people_panel.wasm");
    run_ok(Command::new(tools::WASM_SPLIT).arg(&wasm).arg(&split), "dist: wasm-split-cli (the second chunk)")?;
    run_ok(
        Command::new("wasm-bindgen")
            .arg(split.join("main.wasm"))
            .args(["--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle", "--out-name", "main"])
            .arg("--out-dir")
            .arg(&glue),
        "dist: wasm-bindgen",
    )?;
    std::fs::copy(split.join("__wasm_split.js"), glue.join("__wasm_split.js")).map_err(|e| e.to_string())?;
    let catalogs = split_catalogs(&glue, &out_dir())?;
    // One module: js/entry.js + the glue + its snippets (js/element.js, js/style.js), minified.
    let entry = std::fs::read_to_string(root.join("js/entry.js")).map_err(|e| e.to_string())?;
    let snippets = format!("./snippets/{}/", snippet_dir(&glue)?.file_name().to_string_lossy());
    std::fs::write(glue.join("entry.js"), entry.replace("./snippets/people-panel/", &snippets))
        .map_err(|e| e.to_string())?;
    std::fs::copy(root.join("js/start.js"), glue.join("start.js")).map_err(|e| e.to_string())?;
    run_ok(
        Command::new(tools::esbuild())
            .arg(glue.join("entry.js"))
            .args([
                "--bundle",
                "--format=esm",
                "--minify",
                "--target=es2022",
                "--log-level=warning",
                "--legal-comments=none",
            ])
            .arg(format!("--outfile={}", out.join("people_panel.js").display())),
        "dist: esbuild (one module)",
    )?;
    // The glue's own fallback URL names the wasm as wasm-bindgen wrote it.
    let module = out.join(package::MODULE);
    let js = std::fs::read_to_string(&module).map_err(|e| e.to_string())?;
    std::fs::write(&module, js.replace("\"main_bg.wasm\"", &format!("\"{}\"", package::WASM)))
        .map_err(|e| e.to_string())?;
    let bg = out.join(package::WASM);
    let bound = std::fs::read(glue.join("main_bg.wasm")).map_err(|e| e.to_string())?;
    let (trimmed, _) =
        crate::wasm::drop_exports(&bound, |name| UNUSED_EXPORTS.iter().any(|unused| name.contains(unused)))?;
    std::fs::write(&bg, trimmed).map_err(|e| e.to_string())?;
    // Optimized once keeping names (the copy the size profile reads), then stripped for the bundle.
    let named = named_copy();
    run_ok(
        Command::new(tools::wasm_opt())
            .args(["-Oz", "--converge", "--debuginfo"])
            .args(WASM_FEATURES)
            .arg(&bg)
            .arg("-o")
            .arg(&named),
        "dist: wasm-opt -Oz --converge",
    )?;
    run_ok(
        Command::new(tools::wasm_opt())
            .args(["--strip-debug", "--strip-producers"])
            .args(WASM_FEATURES)
            .arg(&named)
            .arg("-o")
            .arg(&bg),
        "dist: wasm-opt --strip-debug",
    )?;
    run_ok(
        Command::new(tools::wasm_opt())
            .args(["-Oz", "--converge", "--strip-debug", "--strip-producers"])
            .args(WASM_FEATURES)
            .arg(split.join(package::CHUNK))
            .arg("-o")
            .arg(out.join(package::CHUNK)),
        "dist: wasm-opt -Oz the second chunk",
    )?;
    package::write(&out, &catalogs)?;
    sizes()
}

/// Only the English catalog stays in the module: every other one of js/i18n.js's `MESSAGES` is
/// written beside it as `people_panel.<lang>.json` (fetched when a panel speaks it), and
/// `CATALOG_FILES` gets their URLs (literal `new URL(…, import.meta.url)`, which bundlers follow).
/// Returns the files written.
fn split_catalogs(glue: &std::path::Path, out: &std::path::Path) -> Result<Vec<String>> {
    let path = snippet_dir(glue)?.path().join("js/i18n.js");
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (before, rest) = source.split_once("export const MESSAGES = ").ok_or("js/i18n.js: no MESSAGES")?;
    let (object, after) = rest.split_once("\n};\n").ok_or("js/i18n.js: MESSAGES does not end with `};`")?;
    let messages: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&format!("{object}\n}}")).map_err(|e| format!("js/i18n.js's MESSAGES: {e}"))?;
    let mut files = Vec::new();
    let mut urls = Vec::new();
    for (lang, catalog) in messages.iter().filter(|(lang, _)| lang.as_str() != "en") {
        let name = format!("people_panel.{lang}.json");
        std::fs::write(out.join(&name), catalog.to_string()).map_err(|e| e.to_string())?;
        urls.push(format!("{lang:?}: () => new URL(\"./{name}\", import.meta.url)"));
        files.push(name);
    }
    let english = serde_json::json!({ "en": messages.get("en").ok_or("js/i18n.js: no English catalog")? });
    let after =
        after.replacen("const CATALOG_FILES = {};", &format!("const CATALOG_FILES = {{ {} }};", urls.join(", ")), 1);
    std::fs::write(&path, format!("{before}export const MESSAGES = {english};\n{after}")).map_err(|e| e.to_string())?;
    Ok(files)
}

/// The folder wasm-bindgen wrote the crate's JS snippets (js/*.js) into: `snippets/people-panel-<hash>`.
fn snippet_dir(glue: &std::path::Path) -> Result<std::fs::DirEntry> {
    let snippets = glue.join("snippets");
    std::fs::read_dir(&snippets)
        .map_err(|e| format!("{}: {e}", snippets.display()))?
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with("people-panel-"))
        .ok_or_else(|| "wasm-bindgen wrote no snippets for people-panel".to_string())
}

/// The optimized wasm with its name section, for `profile`.
pub fn named_copy() -> PathBuf {
    root().join("target/people_panel_bg.named.wasm")
}

/// Bytes by crate and the largest functions of the optimized wasm.
pub fn profile() -> Result<crate::profile::Profile> {
    let bytes = std::fs::read(named_copy())
        .map_err(|e| format!("{}: {e} (run `cargo xtask dist` first)", named_copy().display()))?;
    crate::profile::profile(&bytes)
}

/// Raw, gzip (level 9) and brotli (quality 11) sizes of what a page loads: the module, the wasm,
/// the second chunk and the language files (a page fetches the one its panels speak, if not
/// English); the package's types, manifest and README are for tools, never fetched.
pub fn sizes() -> Result<Vec<FileSize>> {
    let mut files = Vec::new();
    let catalogs = std::fs::read_dir(out_dir())
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n.starts_with("people_panel."));
    let mut catalogs: Vec<String> = catalogs.collect();
    catalogs.sort();
    for name in [package::MODULE, package::WASM, package::CHUNK].into_iter().map(String::from).chain(catalogs) {
        let name = name.as_str();
        let path = out_dir().join(name);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let gzip = gz.finish().map_err(|e| e.to_string())?.len();
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
        brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).map_err(|e| e.to_string())?;
        files.push(FileSize { name: name.to_string(), raw: bytes.len(), gzip, brotli: br.len() });
    }
    Ok(files)
}

pub fn print(files: &[FileSize]) {
    let kb = |n: usize| format!("{:.1}KB", n as f64 / 1024.0);
    println!("{:<48} {:>10} {:>10} {:>10}", "dist/people-panel/", "raw", "gzip", "brotli");
    for f in files {
        println!("{:<48} {:>10} {:>10} {:>10}", f.name, kb(f.raw), kb(f.gzip), kb(f.brotli));
    }
    let sum = |part: fn(&FileSize) -> usize| files.iter().map(part).sum::<usize>();
    println!("{:<48} {:>10} {:>10} {:>10}", "total", kb(sum(|f| f.raw)), kb(sum(|f| f.gzip)), kb(sum(|f| f.brotli)));
}
