//! The panel's words. Every text it shows is a message id (`MESSAGES` in js/i18n.js: one catalog
//! per language) with its arguments; in the browser js/i18n.js turns it into text for the panel's
//! locale with Intl (plurals, numbers, dates, direction), so the wasm carries no catalog. Natively
//! (the pure core's tests) the English catalog is read from the same file.
use crate::error::PanelError;
use crate::json::Json;

/// The language of one panel and the host's overrides (`panel.strings`).
#[derive(Clone, Debug)]
pub struct Words {
    /// A BCP 47 tag with a catalog (`en`, `de-AT`, `es`), resolved from `lang` and the page.
    pub locale: String,
    /// Message ids to the host's own text.
    pub overrides: Option<Json>,
}

impl Default for Words {
    fn default() -> Self {
        Words { locale: "en".into(), overrides: None }
    }
}

/// A message argument: text, or a number (formatted for the locale).
pub fn text(value: &str) -> Json {
    Json::string(value)
}

pub fn number(value: impl Into<f64>) -> Json {
    Json::number(value.into())
}

/// Words the panel shows, kept as data (a message id and its arguments) and put into the panel's
/// language only by the view that shows them: a `lang` change translates again what is on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a `Said`.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text as it is (a person's name, the server's words).
    Text(String),
    /// A number, formatted for the locale.
    Number(f64),
    /// An error, in the panel's words for it.
    Error(PanelError),
    /// The text of another message id, in the panel's language.
    Id(&'static str),
}

impl Said {
    pub fn new<const N: usize>(id: &'static str, args: [(&'static str, Arg); N]) -> Said {
        Said { id, args: args.into() }
    }
}

impl Arg {
    pub fn text(value: &str) -> Arg {
        Arg::Text(value.to_string())
    }
}

impl Words {
    /// `said` in the panel's language.
    pub fn say(&self, said: &Said) -> String {
        let args = said.args.iter().map(|(name, arg)| {
            let value = match arg {
                Arg::Text(value) => Json::string(value),
                Arg::Number(n) => Json::number(*n),
                Arg::Error(error) => Json::string(&error.message(self)),
                Arg::Id(id) => Json::string(&self.t(id)),
            };
            (*name, value)
        });
        imp::message(self, said.id, Json::object_of(args))
    }

    /// The text of `id` (an id the catalogs lack is returned as it is: a server's own words pass
    /// through unchanged).
    pub fn t(&self, id: &str) -> String {
        self.tf(id, [])
    }

    /// The text of `id` with its placeholders filled; `n` selects a plural.
    pub fn tf<const N: usize>(&self, id: &str, args: [(&'static str, Json); N]) -> String {
        imp::message(self, id, Json::object_of(args))
    }

    /// An ISO date-time as the locale writes it.
    pub fn date(&self, iso: &str) -> String {
        imp::date(self, iso)
    }

    /// "5 minutes ago", in the panel's language.
    pub fn ago(&self, ms: f64) -> String {
        imp::ago(self, ms)
    }

    /// `rtl` for a right-to-left language; otherwise none, so that the panel takes the host's
    /// direction (a `dir="rtl"` page lays the panel out right to left).
    pub fn direction(&self) -> Option<&'static str> {
        (imp::direction(&self.locale) == "rtl").then_some("rtl")
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    use super::Words;
    use crate::json::Json;

    #[wasm_bindgen(module = "/js/i18n.js")]
    extern "C" {
        #[wasm_bindgen(js_name = message)]
        fn js_message(locale: &str, overrides: &JsValue, id: &str, args: JsValue) -> String;
        #[wasm_bindgen(js_name = formatDate)]
        fn js_format_date(locale: &str, iso: &str) -> String;
        #[wasm_bindgen(js_name = formatAgo)]
        fn js_format_ago(locale: &str, ms: f64) -> String;
        #[wasm_bindgen(js_name = direction)]
        fn js_direction(locale: &str) -> String;
        /// The locale to speak: `requested` if a catalog has it, else the nearest `lang` up the page.
        #[wasm_bindgen(js_name = resolveLocale)]
        pub fn resolve_locale(requested: Option<String>, element: &web_sys::Element) -> String;
    }

    pub fn message(words: &Words, id: &str, args: Json) -> String {
        let overrides = words.overrides.clone().map_or(JsValue::UNDEFINED, Json::into_js);
        js_message(&words.locale, &overrides, id, args.into_js())
    }

    pub fn date(words: &Words, iso: &str) -> String {
        js_format_date(&words.locale, iso)
    }

    pub fn ago(words: &Words, ms: f64) -> String {
        js_format_ago(&words.locale, ms)
    }

    pub fn direction(locale: &str) -> &'static str {
        if js_direction(locale) == "rtl" {
            "rtl"
        } else {
            "ltr"
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::sync::OnceLock;

    use super::Words;
    use crate::json::Json;

    /// js/i18n.js's catalogs, as JSON.
    pub fn catalogs() -> &'static serde_json::Value {
        static CATALOGS: OnceLock<serde_json::Value> = OnceLock::new();
        CATALOGS.get_or_init(|| {
            let file = include_str!("../js/i18n.js");
            let json = file
                .split_once("export const MESSAGES = ")
                .and_then(|(_, rest)| rest.split_once("\n};\n"))
                .map(|(object, _)| format!("{object}\n}}"))
                .expect("js/i18n.js: `export const MESSAGES = {…};`");
            serde_json::from_str(&json).expect("js/i18n.js's MESSAGES is strict JSON")
        })
    }

    /// English, as the tests read it: plurals by n == 1, numbers with thousands separators.
    pub fn message(_words: &Words, id: &str, args: Json) -> String {
        let n = args.get("n").as_f64().unwrap_or(0.0);
        let text = match &catalogs()["en"][id] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Object(plural) => plural
                .get(if n == 1.0 { "one" } else { "other" })
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string(),
            _ => id.to_string(),
        };
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else { break };
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..open + close];
            let value = args.get(name);
            match (value.as_f64(), value.as_str()) {
                (Some(number), _) => out.push_str(&crate::model::thousands(number as u64)),
                (_, Some(text)) => out.push_str(&text),
                _ => out.push_str(&rest[open..=open + close]),
            }
            rest = &rest[open + close + 1..];
        }
        out + rest
    }

    pub fn date(_words: &Words, iso: &str) -> String {
        iso.to_string()
    }

    pub fn ago(_words: &Words, ms: f64) -> String {
        format!("{} minutes ago", (ms / 60_000.0).floor())
    }

    pub fn direction(locale: &str) -> &'static str {
        if ["ar", "he", "fa", "ur"].iter().any(|rtl| locale.starts_with(rtl)) {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn resolve_locale(requested: Option<String>, _element: &web_sys::Element) -> String {
        requested.filter(|r| catalogs().get(r.as_str()).is_some()).unwrap_or_else(|| "en".into())
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use imp::catalogs;
pub use imp::resolve_locale;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_has_every_id_the_others_have() {
        let catalogs = catalogs().as_object().unwrap();
        assert!(catalogs.len() >= 3, "en, de and es at least");
        let ids =
            |lang: &str| catalogs[lang].as_object().unwrap().keys().cloned().collect::<std::collections::BTreeSet<_>>();
        let all: std::collections::BTreeSet<String> = catalogs.keys().flat_map(|lang| ids(lang)).collect();
        for lang in catalogs.keys() {
            let have = ids(lang);
            let missing: Vec<_> = all.difference(&have).collect();
            assert!(missing.is_empty(), "js/i18n.js: \"{lang}\" lacks {missing:?}");
        }
    }

    #[test]
    fn the_languages_list_names_exactly_the_catalogs() {
        let file = include_str!("../js/i18n.js");
        let list = file.split_once("export const LANGUAGES = ").and_then(|(_, rest)| rest.split_once(';')).unwrap().0;
        let listed: std::collections::BTreeSet<String> = serde_json::from_str(list).unwrap();
        let catalogs: std::collections::BTreeSet<String> = catalogs().as_object().unwrap().keys().cloned().collect();
        assert_eq!(listed, catalogs, "js/i18n.js: LANGUAGES and MESSAGES differ");
    }

    #[test]
    fn plurals_have_the_categories_their_language_needs_and_placeholders_match() {
        let catalogs = catalogs().as_object().unwrap();
        let placeholders = |text: &str| {
            let mut names: Vec<String> =
                text.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string())).collect();
            names.sort();
            names
        };
        for (id, english) in catalogs["en"].as_object().unwrap() {
            for (lang, catalog) in catalogs {
                let text = &catalog[id];
                match (english, text) {
                    (serde_json::Value::String(en), serde_json::Value::String(other)) => {
                        assert_eq!(
                            placeholders(en),
                            placeholders(other),
                            "{lang}: {id} has other placeholders than English"
                        );
                    }
                    (serde_json::Value::Object(_), serde_json::Value::Object(forms)) => {
                        assert!(
                            forms.contains_key("one") && forms.contains_key("other"),
                            "{lang}: {id} needs one and other"
                        );
                    }
                    _ => panic!("{lang}: {id} is not the same kind of message as in English"),
                }
            }
        }
    }

    #[test]
    fn english_fills_placeholders_plurals_and_numbers() {
        let words = Words::default();
        assert_eq!(words.tf("count.of", [("loaded", number(1234)), ("total", number(3400))]), "1,234 of 3,400");
        assert_eq!(words.tf("announce.results", [("n", number(1))]), "1 person matches");
        assert_eq!(words.tf("announce.results", [("n", number(3))]), "3 people match");
        assert_eq!(words.t("the server's own words"), "the server's own words");
    }
}
