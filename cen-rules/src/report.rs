//! The report of one record (spec 5.2).

use cen_model::{Form, Params, Source};
use serde::Serialize;

use crate::definition::Severity;

/// One problem of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// The rule identifier, e.g. `CEN-MOV-001`.
    pub rule: &'static str,
    /// Its severity after the profile.
    pub severity: Severity,
    /// JSON Pointer to the offending value; the root is the empty string.
    pub path: String,
    /// The message in the language of the options.
    pub message: String,
    /// The named params of the rule.
    pub params: Params,
}

/// How many issues of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Issues of severity `error`.
    pub error: usize,
    /// Issues of severity `warning`.
    pub warning: usize,
    /// Issues of severity `info`.
    pub info: usize,
}

/// The verdict on one record: valid when no issue is an error. Its JSON (see [`Report::to_json`])
/// is the same, byte for byte, on every surface.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// True when no issue has severity `error`.
    pub valid: bool,
    /// The form that was applied.
    pub form: Form,
    /// The source that was applied.
    pub source: Source,
    /// Issues by severity.
    pub counts: Counts,
    /// Data-quality score, 0 to 100 (see `docs/quality.md`).
    pub quality: u8,
    /// Every issue, sorted by path (byte by byte), then by rule id.
    pub issues: Vec<Issue>,
}

impl Report {
    /// The report as compact JSON text, keys in the order of spec 5.2.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as a JSON value.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// The issues of one rule.
    pub fn issues_of<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.issues.iter().filter(move |i| i.rule == rule)
    }
}
