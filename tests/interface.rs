//! The element's public interface has one list (src/interface.rs), from which the package's types
//! and manifest are generated. These tests fail when the code that implements the interface says
//! something else: the JS class, the stylesheet, the views' parts, the panel's events.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use people_panel::interface::{CSS_PROPERTIES, EVENTS, MEMBERS, PARTS};
use people_panel::json::Json;
use people_panel::panel::PanelEvent;
use people_panel::provider::rollout::Credential;

const ELEMENT_JS: &str = include_str!("../js/element.js");
const STYLESHEET: &str = include_str!("../style/people-panel.css");
const VIEWS: [&str; 7] = [
    include_str!("../src/ui/mod.rs"),
    include_str!("../src/ui/list.rs"),
    include_str!("../src/ui/details.rs"),
    include_str!("../src/ui/form.rs"),
    include_str!("../src/ui/status.rs"),
    include_str!("../src/ui/arrange.rs"),
    ELEMENT_JS,
];

fn set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_string).collect()
}

#[test]
fn the_element_class_has_every_property_and_method() {
    for member in &MEMBERS {
        let defined = if member.method {
            ELEMENT_JS.contains(&format!("\n  {}(", member.name))
        } else {
            ELEMENT_JS.contains(&format!("\n  get {}()", member.name))
                && ELEMENT_JS.contains(&format!("\n  set {}(", member.name))
        };
        assert!(defined, "js/element.js's class lacks `{}` from src/interface.rs", member.name);
    }
}

#[test]
fn the_panel_dispatches_exactly_the_listed_events() {
    let credential = Credential { id: "c".into(), app_key: "k".into(), label: None };
    let dispatched = [
        PanelEvent::PersonCreated(Json::object()),
        PanelEvent::PersonUpdated(Json::object()),
        PanelEvent::PersonDeleted("p".into()),
        PanelEvent::CredentialChanged(credential),
        PanelEvent::CredentialRequired,
        PanelEvent::Error { status: 500, message: "m".into() },
        PanelEvent::ViewChanged(Default::default()),
    ];
    assert_eq!(set(dispatched.iter().map(PanelEvent::name)), set(EVENTS.iter().map(|e| e.name)));
}

#[test]
fn the_stylesheet_reads_exactly_the_listed_custom_properties() {
    let used = STYLESHEET.match_indices("var(--people-panel-").map(|(at, _)| {
        let name = &STYLESHEET[at + 4..];
        &name[..name.find([',', ')']).unwrap()]
    });
    assert_eq!(set(used), set(CSS_PROPERTIES.iter().map(|p| p.name)));
}

/// The part names a source gives: `part="a b"`, `part=if … { "a b" } else { "c" }`, `"part", "a"`.
fn parts_in(source: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for (at, _) in source.match_indices("part=").chain(source.match_indices("\"part\", ")) {
        let rest = &source[at..];
        let rest = &rest[rest.find(['=', ' ']).unwrap() + 1..];
        let end = if rest.starts_with("if ") {
            rest.find("else {").map(|e| e + rest[e..].find('}').unwrap()).unwrap()
        } else {
            1 + rest[1..].find('"').unwrap() + 1
        };
        parts.extend(rest[..end].split('"').skip(1).step_by(2).flat_map(str::split_whitespace));
    }
    parts
}

#[test]
fn the_views_use_exactly_the_listed_parts() {
    let used: Vec<&str> = VIEWS.iter().flat_map(|v| parts_in(v)).collect();
    assert!(used.len() > 20, "the part scanner finds the views' parts: {used:?}");
    assert_eq!(set(used), set(PARTS.iter().map(|p| p.name)));
}

const README: &str = include_str!("../README.md");

#[test]
fn the_readme_shows_the_react_host_the_tests_run_and_every_name() {
    let host = include_str!("../e2e/hosts/PeoplePanelHost.tsx");
    assert!(README.contains(host.trim_end()), "README.md's React snippet must equal e2e/hosts/PeoplePanelHost.tsx");
    let names = people_panel::interface::ATTRIBUTES
        .iter()
        .map(|a| a.name)
        .chain(MEMBERS.iter().map(|m| m.name))
        .chain(EVENTS.iter().map(|e| e.name));
    let names = names.chain(CSS_PROPERTIES.iter().map(|p| p.name)).chain(PARTS.iter().map(|p| p.name));
    for name in names {
        assert!(
            README.contains(&format!("`{name}`")) || README.contains(&format!("`panel.{name}")),
            "README.md does not document `{name}`"
        );
    }
}

/// The README's Vue, Svelte and Angular snippets are the hosts the e2e suite checks, bundles and runs
/// (e2e/frameworks.test.js), and say the framework versions e2e/hosts/package.json installs.
#[test]
fn the_readme_shows_the_framework_hosts_the_tests_run_and_their_versions() {
    let hosts = [
        ("e2e/hosts/vue/PeoplePanelHost.vue", include_str!("../e2e/hosts/vue/PeoplePanelHost.vue")),
        ("e2e/hosts/vue/vite.config.js", include_str!("../e2e/hosts/vue/vite.config.js")),
        ("e2e/hosts/svelte/PeoplePanelHost.svelte", include_str!("../e2e/hosts/svelte/PeoplePanelHost.svelte")),
        (
            "e2e/hosts/angular/people-panel-host.component.ts",
            include_str!("../e2e/hosts/angular/people-panel-host.component.ts"),
        ),
    ];
    for (path, host) in hosts {
        assert!(README.contains(host.trim_end()), "README.md's snippet must equal {path}");
    }
    let package: serde_json::Value = serde_json::from_str(include_str!("../e2e/hosts/package.json")).unwrap();
    for (dependency, framework) in [("vue", "Vue"), ("svelte", "Svelte"), ("@angular/core", "Angular")] {
        let version = package["devDependencies"][dependency].as_str().expect("e2e/hosts/package.json pins it");
        let said = format!("run with {framework} {version}");
        assert!(README.contains(&said), "README.md must say the version the e2e suite runs: `{said}`");
    }
}
