//! Structural findings of the decoder: the SCH group of spec 3, with their JSON Pointer paths
//! and named params. The rule catalogue and the messages live in `cen-rules`; this crate only
//! knows the identifiers it emits.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// CEN-SCH-001: not JSON, not an object, not UTF-8, larger than 1 MiB or nested deeper than 32.
pub const SCH_NOT_A_RECORD: &str = "CEN-SCH-001";
/// CEN-SCH-002: a field has the wrong JSON type.
pub const SCH_WRONG_TYPE: &str = "CEN-SCH-002";
/// CEN-SCH-003: a field name that the record shape does not define.
pub const SCH_UNKNOWN_FIELD: &str = "CEN-SCH-003";
/// CEN-SCH-004: a required field is missing.
pub const SCH_MISSING: &str = "CEN-SCH-004";
/// CEN-SCH-005: a value is not one of the words of its enumeration.
pub const SCH_NOT_ALLOWED: &str = "CEN-SCH-005";
/// CEN-SCH-006: a string too long, too many items, a number out of range or not finite.
pub const SCH_LIMIT: &str = "CEN-SCH-006";

/// The value of one named param of an issue.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// A string, such as a code or a word.
    Str(String),
    /// A whole number, such as a limit or an index.
    Int(i64),
    /// A number that is not whole.
    Num(f64),
    /// A list of words, such as the allowed values.
    List(Vec<String>),
}

impl ParamValue {
    /// A number param: whole numbers are written without a fraction, as every surface does.
    pub fn number(value: f64) -> ParamValue {
        if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
            ParamValue::Int(value as i64)
        } else {
            ParamValue::Num(value)
        }
    }

    /// A list param from static words.
    pub fn words(words: &[&str]) -> ParamValue {
        ParamValue::List(words.iter().map(|w| (*w).to_owned()).collect())
    }
}

impl From<&str> for ParamValue {
    fn from(value: &str) -> Self {
        ParamValue::Str(value.to_owned())
    }
}

impl From<String> for ParamValue {
    fn from(value: String) -> Self {
        ParamValue::Str(value)
    }
}

impl From<i64> for ParamValue {
    fn from(value: i64) -> Self {
        ParamValue::Int(value)
    }
}

impl Serialize for ParamValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ParamValue::Str(s) => serializer.serialize_str(s),
            ParamValue::Int(n) => serializer.serialize_i64(*n),
            ParamValue::Num(n) => serializer.serialize_f64(*n),
            ParamValue::List(items) => items.serialize(serializer),
        }
    }
}

/// The named params of an issue, in the order the rule declares them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Vec<(&'static str, ParamValue)>);

impl Params {
    /// No params.
    pub const fn new() -> Params {
        Params(Vec::new())
    }

    /// Adds a param (builder style).
    pub fn with(mut self, name: &'static str, value: impl Into<ParamValue>) -> Params {
        self.0.push((name, value.into()));
        self
    }

    /// The value of a param.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Every param in order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &ParamValue)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// One problem found by a check, before severity and message are applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule identifier, e.g. `CEN-SCH-002`.
    pub rule: &'static str,
    /// JSON Pointer (RFC 6901) to the offending value; the root is the empty string.
    pub path: String,
    /// Named params of the rule.
    pub params: Params,
    /// Which wording of the rule's message fits best (e.g. `text` or `items` for CEN-SCH-006);
    /// `None` for the rule's main message. It never changes id, path or params.
    pub variant: Option<&'static str>,
}

impl Finding {
    /// A finding with the rule's main message.
    pub fn new(rule: &'static str, path: impl Into<String>, params: Params) -> Finding {
        Finding {
            rule,
            path: path.into(),
            params,
            variant: None,
        }
    }

    /// The same finding with another wording of its message.
    pub fn variant(mut self, variant: &'static str) -> Finding {
        self.variant = Some(variant);
        self
    }
}
