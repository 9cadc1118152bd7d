//! JSON parsing that refuses what `serde_json` accepts silently: a key given twice in one
//! object. `serde_json::Value` keeps the last of duplicate keys, so a notice file ending in a
//! stray `"controllers": []` would quietly drop every controller; here that is an error that
//! names the key (and serde_json adds its line and column).

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// A `serde_json::Value` whose objects had no duplicate keys.
pub struct Strict(pub Value);

/// Parse `json` into a value, refusing duplicate keys in any object.
pub fn from_str(json: &str) -> serde_json::Result<Value> {
    serde_json::from_str::<Strict>(json).map(|s| s.0)
}

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Strict::deserialize(d).map(|s| s.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(x)) = seq.next_element()? {
            v.push(x);
        }
        Ok(Value::Array(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if m.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "the key \"{}\" appears twice in one object (only one may be given)",
                    crate::text::clip(&key)
                )));
            }
            let Strict(value) = map.next_value()?;
            m.insert(key, value);
        }
        Ok(Value::Object(m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_at_any_depth_and_named() {
        for (json, key) in [
            (r#"{"a": 1, "a": 2}"#, "a"),
            (r#"{"x": [{"name": "A", "name": "B"}]}"#, "name"),
            (
                r#"{"controllers": [1], "b": 2, "controllers": []}"#,
                "controllers",
            ),
        ] {
            let e = from_str(json).unwrap_err().to_string();
            assert!(
                e.contains(&format!("\"{key}\" appears twice")),
                "{json}: {e}"
            );
        }
    }

    #[test]
    fn parses_like_serde_json_otherwise() {
        let json = r#"{"a": [1, -2, 3.5, true, null, "t\u00e4"], "b": {"c": {}}, "n": 18446744073709551615}"#;
        assert_eq!(
            from_str(json).unwrap(),
            serde_json::from_str::<Value>(json).unwrap()
        );
    }
}
