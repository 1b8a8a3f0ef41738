//! JSON, read and written through one small type. In the browser it is the browser's own JSON
//! (`JSON.parse`/`JSON.stringify` and JS values: no parser or serializer in the wasm); natively, where
//! the pure core is tested, it is serde_json. Providers, tokens, drafts and events use only `Json`,
//! so the same code runs on both.
//!
//! Reading is forgiving: `get` on anything that isn't an object, or a missing key, gives `null`, and
//! every `as_*` answers `None` for the wrong type.

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Array, Object, Reflect, JSON};
    use wasm_bindgen::{JsCast, JsValue};

    #[derive(Clone, Debug)]
    pub struct Json(pub JsValue);

    /// Equal when they write the same JSON (for tests; key order counts).
    impl PartialEq for Json {
        fn eq(&self, other: &Json) -> bool {
            self.stringify() == other.stringify()
        }
    }

    impl Json {
        pub fn parse(text: &str) -> Result<Json, String> {
            JSON::parse(text).map(Json).map_err(|e| {
                e.dyn_ref::<js_sys::Error>().map_or_else(|| "not JSON".into(), |e| String::from(e.message()))
            })
        }
        pub fn null() -> Json {
            Json(JsValue::NULL)
        }
        pub fn object() -> Json {
            Json(Object::new().into())
        }
        pub fn array(items: Vec<Json>) -> Json {
            Json(items.into_iter().map(|j| j.0).collect::<Array>().into())
        }
        pub fn string(s: &str) -> Json {
            Json(JsValue::from_str(s))
        }
        pub fn number(n: f64) -> Json {
            Json(JsValue::from_f64(n))
        }
        pub fn bool(b: bool) -> Json {
            Json(JsValue::from_bool(b))
        }
        /// Sets `key` on an object (does nothing on anything else).
        pub fn set(&mut self, key: &str, value: Json) {
            if self.is_object() {
                let _ = Reflect::set(&self.0, &key.into(), &value.0);
            }
        }
        pub fn remove(&mut self, key: &str) {
            if self.is_object() {
                let _ = Reflect::delete_property(self.0.unchecked_ref::<Object>(), &key.into());
            }
        }
        pub fn get(&self, key: &str) -> Json {
            if self.0.is_object() {
                Json(Reflect::get(&self.0, &key.into()).unwrap_or(JsValue::NULL))
            } else {
                Json::null()
            }
        }
        pub fn as_str(&self) -> Option<String> {
            self.0.as_string()
        }
        pub fn as_f64(&self) -> Option<f64> {
            self.0.as_f64()
        }
        pub fn as_bool(&self) -> Option<bool> {
            self.0.as_bool()
        }
        /// A number as JSON writes it ("42", "1.5").
        pub fn number_text(&self) -> Option<String> {
            self.0.as_f64()?;
            JSON::stringify(&self.0).ok().map(String::from)
        }
        pub fn items(&self) -> Option<Vec<Json>> {
            Array::is_array(&self.0).then(|| self.0.unchecked_ref::<Array>().iter().map(Json).collect())
        }
        /// An object that is not an array (nor null).
        pub fn is_object(&self) -> bool {
            self.0.is_object() && !Array::is_array(&self.0)
        }
        pub fn stringify(&self) -> String {
            JSON::stringify(&self.0).map(String::from).unwrap_or_default()
        }
        pub fn from_js(value: JsValue) -> Json {
            Json(value)
        }
        pub fn into_js(self) -> JsValue {
            self.0
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use serde_json::Value;

    #[derive(Clone, Debug, PartialEq)]
    pub struct Json(pub Value);

    impl Json {
        pub fn parse(text: &str) -> Result<Json, String> {
            serde_json::from_str(text).map(Json).map_err(|e| e.to_string())
        }
        pub fn null() -> Json {
            Json(Value::Null)
        }
        pub fn object() -> Json {
            Json(Value::Object(Default::default()))
        }
        pub fn array(items: Vec<Json>) -> Json {
            Json(Value::Array(items.into_iter().map(|j| j.0).collect()))
        }
        pub fn string(s: &str) -> Json {
            Json(Value::String(s.to_string()))
        }
        pub fn number(n: f64) -> Json {
            Json(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
        }
        pub fn bool(b: bool) -> Json {
            Json(Value::Bool(b))
        }
        pub fn set(&mut self, key: &str, value: Json) {
            if let Value::Object(map) = &mut self.0 {
                map.insert(key.to_string(), value.0);
            }
        }
        pub fn remove(&mut self, key: &str) {
            if let Value::Object(map) = &mut self.0 {
                map.remove(key);
            }
        }
        pub fn get(&self, key: &str) -> Json {
            Json(self.0.get(key).cloned().unwrap_or(Value::Null))
        }
        pub fn as_str(&self) -> Option<String> {
            self.0.as_str().map(str::to_string)
        }
        pub fn as_f64(&self) -> Option<f64> {
            self.0.as_f64()
        }
        pub fn as_bool(&self) -> Option<bool> {
            self.0.as_bool()
        }
        pub fn number_text(&self) -> Option<String> {
            match &self.0 {
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        }
        pub fn items(&self) -> Option<Vec<Json>> {
            self.0.as_array().map(|items| items.iter().cloned().map(Json).collect())
        }
        pub fn is_object(&self) -> bool {
            self.0.is_object()
        }
        pub fn stringify(&self) -> String {
            self.0.to_string()
        }
        /// Only the browser has JS values: natively these go through text (and are never called).
        pub fn from_js(value: wasm_bindgen::JsValue) -> Json {
            js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|t| Json::parse(&String::from(t)).ok())
                .unwrap_or_else(Json::null)
        }
        pub fn into_js(self) -> wasm_bindgen::JsValue {
            js_sys::JSON::parse(&self.stringify()).unwrap_or(wasm_bindgen::JsValue::NULL)
        }
    }
}

pub use imp::Json;

impl Json {
    /// A non-blank string, trimmed; a number as its text (ids are sometimes numbers).
    pub fn text(&self, key: &str) -> Option<String> {
        let v = self.get(key);
        match v.as_str() {
            // Trimmed in place when there is something to trim: no second copy of every value.
            Some(s) if s.trim().len() == s.len() => Some(s).filter(|s| !s.is_empty()),
            Some(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            None => v.number_text(),
        }
    }

    /// A whole, non-negative number.
    pub fn count(&self, key: &str) -> Option<u64> {
        self.get(key).as_f64().filter(|n| *n >= 0.0 && n.fract() == 0.0).map(|n| n as u64)
    }

    /// An object built from `(key, value)` pairs.
    pub fn object_of(pairs: impl IntoIterator<Item = (&'static str, Json)>) -> Json {
        let mut object = Json::object();
        for (key, value) in pairs {
            object.set(key, value);
        }
        object
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_is_forgiving() {
        let j = Json::parse(r#"{"id":42,"name":"  Ana ","blank":" ","list":[1,"x"],"n":null}"#).unwrap();
        assert_eq!(j.text("id").as_deref(), Some("42"));
        assert_eq!(j.text("name").as_deref(), Some("Ana"));
        assert_eq!(j.text("blank"), None);
        assert_eq!(j.text("n"), None);
        assert_eq!(j.get("missing").get("deeper").as_str(), None);
        assert_eq!(j.get("list").items().map(|i| i.len()), Some(2));
        assert!(j.is_object() && !j.get("list").is_object());
        assert_eq!(j.count("id"), Some(42));
        assert!(Json::parse("<html>").is_err());
    }

    #[test]
    fn writing_round_trips() {
        let j = Json::object_of([
            ("a", Json::string("x\"y")),
            ("b", Json::array(vec![Json::number(1.0), Json::bool(true)])),
        ]);
        assert_eq!(Json::parse(&j.stringify()).unwrap(), j);
    }
}
