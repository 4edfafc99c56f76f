//! The non-nominal projection of spec 2.8: what nCEN's Icomm may send to CEN.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::decode::Fatal;
use crate::enums::Source;
use crate::limits::{json_depth, MAX_DEPTH, MAX_RECORD_BYTES};
use crate::record::{Record, RECORD_SHAPE};
use crate::shape::{Kind, ObjectShape, NOMINAL_FIELDS};

/// The projection of a typed record: `persons`, `companies`, `narrative` and every leg's
/// `vehicle_registration` removed, `source` set to `cen`, everything else unchanged (a typed
/// record holds no field that the record does not define).
///
/// ```
/// use cen_model::{Record, Source};
/// let mut record = Record::default();
/// record.source = Some(Source::Ncen);
/// record.narrative = Some("Found by the dog team.".into());
/// let projected = cen_model::to_cen(&record);
/// assert_eq!(projected.source, Some(Source::Cen));
/// assert_eq!(projected.narrative, None);
/// ```
pub fn to_cen(record: &Record) -> Record {
    let mut out = record.clone();
    out.source = Some(Source::Cen);
    out.persons = None;
    out.companies = None;
    out.narrative = None;
    for leg in out.conveyance.iter_mut().flatten() {
        leg.vehicle_registration = None;
    }
    out
}

/// The projection of a record given as a JSON value: only the fields that the record defines
/// and that are not nominal, at every depth, keep their place, in their order; `source` is
/// `cen`. A field the record does not define is removed wherever it is (an unknown field may
/// hold anything, a name included: spec 2.8), and so is every key of an object found where the
/// record expects no object. Values of defined fields are otherwise unchanged, valid or not.
/// `None` when the value is not an object.
///
/// ```
/// use serde_json::json;
/// let record = json!({
///     "source": "ncen", "comments": "checked twice",
///     "route": {"origin": "TR", "informant": {"name": "X"}},
///     "conveyance": [{"type": "road_private", "vehicle_registration": "AB-123"}],
/// });
/// assert_eq!(
///     cen_model::to_cen_value(&record).unwrap(),
///     json!({"source": "cen", "route": {"origin": "TR"}, "conveyance": [{"type": "road_private"}]}),
/// );
/// ```
pub fn to_cen_value(value: &Value) -> Option<Value> {
    let Value::Object(fields) = value else {
        return None;
    };
    let mut out = project_object(fields, &RECORD_SHAPE, "");
    match out.get_mut("source") {
        Some(source) => *source = Value::from("cen"),
        None => {
            out.insert("source".to_owned(), Value::from("cen"));
        }
    }
    Some(Value::Object(out))
}

/// The defined, non-nominal fields of an object of this shape; `prefix` is the object's dotted
/// path without indices (`""` for the record), as [`NOMINAL_FIELDS`] writes paths.
fn project_object(
    fields: &Map<String, Value>,
    shape: &ObjectShape,
    prefix: &str,
) -> Map<String, Value> {
    let mut out = Map::with_capacity(fields.len().min(shape.fields.len()));
    for (key, item) in fields {
        let Some(field) = shape.field(key) else {
            continue;
        };
        let path = if prefix.is_empty() {
            field.name.to_owned()
        } else {
            format!("{prefix}.{}", field.name)
        };
        if NOMINAL_FIELDS.contains(&path.as_str()) {
            continue;
        }
        out.insert(key.clone(), project_field(item, &field.kind, &path));
    }
    out
}

/// The value of a defined field, with what its kind does not define removed.
fn project_field(value: &Value, kind: &Kind, path: &str) -> Value {
    match (kind, value) {
        (Kind::Object(shape), Value::Object(fields)) => {
            Value::Object(project_object(fields, shape, path))
        }
        (Kind::List(item, _), Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|value| project_field(value, item, path))
                .collect(),
        ),
        (_, other) => undefined(other),
    }
}

/// A value where the record defines no object: its scalars are kept (they are the field's
/// value, right or wrong), the keys of any object in it are not fields and are removed.
fn undefined(value: &Value) -> Value {
    match value {
        Value::Object(_) => Value::Object(Map::new()),
        Value::Array(items) => Value::Array(items.iter().map(undefined).collect()),
        scalar => scalar.clone(),
    }
}

/// The projection of a record given as JSON text, written as compact JSON text. The limits of
/// validation apply (1 MiB, depth 32); a field given twice keeps its first value, as in
/// validation ("the first report stands").
///
/// ```
/// let out = cen_model::project::to_cen_json(r#"{"source": "ncen", "persons": [{"surname": "X"}], "case_ref": "A-1"}"#).unwrap();
/// assert_eq!(out, r#"{"source":"cen","case_ref":"A-1"}"#);
/// ```
pub fn to_cen_json(text: &str) -> Result<String, Fatal> {
    let value = parse_first_wins(text)?;
    let projected = to_cen_value(&value).ok_or(Fatal::NotObject)?;
    Ok(projected.to_string())
}

/// Parses JSON text into a value under the record limits, keeping the first value of a key
/// that appears twice in an object.
pub fn parse_first_wins(text: &str) -> Result<Value, Fatal> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(Fatal::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if json_depth(text.as_bytes()) > MAX_DEPTH {
        return Err(Fatal::TooDeep);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = deserializer
        .deserialize_any(FirstWins)
        .map_err(|e| Fatal::NotJson(e.to_string()))?;
    deserializer
        .end()
        .map_err(|e| Fatal::NotJson(e.to_string()))?;
    Ok(value)
}

struct FirstWins;

impl<'de> de::DeserializeSeed<'de> for FirstWins {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(FirstWins)
    }
}

impl<'de> Visitor<'de> for FirstWins {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(FirstWins)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(FirstWins)?;
            out.entry(key).or_insert(value);
        }
        Ok(Value::Object(out))
    }
}

impl fmt::Debug for FirstWins {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FirstWins")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn removes_every_nominal_field_and_keeps_the_rest_in_order() {
        let input = json!({
            "source": "ncen", "case_ref": "N-1",
            "conveyance": [{"type": "road_private", "vehicle_registration": "AB-123", "registration_country": "TR"}, "odd"],
            "persons": [], "companies": [], "narrative": "text", "colour": "red"
        });
        let out = to_cen_value(&input).unwrap();
        assert_eq!(
            out.to_string(),
            r#"{"source":"cen","case_ref":"N-1","conveyance":[{"type":"road_private","registration_country":"TR"},"odd"]}"#
        );
    }

    #[test]
    fn removes_every_undefined_field_at_any_depth() {
        let input = json!({
            "comments": "checked twice",
            "case_ref": {"name": "Smith"},
            "route": {"origin": "TR", "informant": "Smith", "transit": ["BG", {"who": "Smith"}, 7]},
            "goods": [{"type": "cocaine", "quantity": {"note": "Smith"}, "unit": "kg", "seller": "Smith"}, [{"x": 1}]],
            "conveyance": {"vehicle_registration": "AB-123"},
            "outcome": {"penalty": {"amount": 5, "currency": "EUR", "payer": "Smith"}},
            "persons": [{"surname": "Smith"}],
            "source": "ncen"
        });
        let out = to_cen_value(&input).unwrap();
        assert_eq!(
            out,
            json!({
                "case_ref": {},
                "route": {"origin": "TR", "transit": ["BG", {}, 7]},
                "goods": [{"type": "cocaine", "quantity": {}, "unit": "kg"}, [{}]],
                "conveyance": {},
                "outcome": {"penalty": {"amount": 5, "currency": "EUR"}},
                "source": "cen"
            })
        );
        assert!(!out.to_string().contains("Smith"));
        let keys: Vec<_> = out.as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "case_ref",
                "route",
                "goods",
                "conveyance",
                "outcome",
                "source"
            ]
        );
    }

    #[test]
    fn adds_the_source_when_absent_and_refuses_non_objects() {
        assert_eq!(to_cen_value(&json!({})).unwrap(), json!({"source": "cen"}));
        assert_eq!(to_cen_value(&json!([1])), None);
        assert_eq!(to_cen_json("[1]"), Err(Fatal::NotObject));
        assert!(matches!(to_cen_json("{"), Err(Fatal::NotJson(_))));
    }

    #[test]
    fn the_first_of_a_repeated_key_stands() {
        assert_eq!(
            to_cen_json(r#"{"case_ref": "first", "case_ref": "second"}"#).unwrap(),
            r#"{"case_ref":"first","source":"cen"}"#
        );
    }
}
