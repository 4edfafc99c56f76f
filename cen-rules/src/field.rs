//! Live data entry: the issues of one field (spec 5.7 `validateField`).

use cen_model::pointer;
use serde_json::{Map, Value};

use crate::{Issue, Validator};

impl Validator {
    /// The issues of one field for live data entry (spec 5.7 `validateField`): `value` is put at
    /// `path` in `record` (an empty record when `None`), the whole record is checked, and the
    /// issues at that path or inside it are returned. `None` when `path` is not a JSON Pointer
    /// into an object.
    ///
    /// ```
    /// let validator = cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap();
    /// let issues = validator.validate_field("/conveyance/0/container", &"CSQU3054384".into(), None).unwrap();
    /// assert_eq!(issues[0].rule, "CEN-IDN-001");
    /// ```
    pub fn validate_field(
        &self,
        path: &str,
        value: &Value,
        record: Option<&Value>,
    ) -> Option<Vec<Issue>> {
        let tokens = pointer::tokens(path).filter(|t| !t.is_empty())?;
        let mut root = match record {
            Some(Value::Object(map)) => Value::Object(map.clone()),
            _ => Value::Object(Map::new()),
        };
        let mut slot = &mut root;
        for (i, token) in tokens.iter().enumerate() {
            let index = token.parse::<usize>().ok().filter(|n| *n <= 100);
            let next_is_index = tokens
                .get(i + 1)
                .is_some_and(|t| t.parse::<usize>().is_ok());
            slot = match (slot, index) {
                (Value::Array(items), Some(index)) => {
                    while items.len() <= index {
                        items.push(Value::Object(Map::new()));
                    }
                    &mut items[index]
                }
                (Value::Object(map), _) => {
                    let entry = map.entry(token.clone()).or_insert(Value::Null);
                    if entry.is_null() && i + 1 < tokens.len() {
                        *entry = if next_is_index {
                            Value::Array(Vec::new())
                        } else {
                            Value::Object(Map::new())
                        };
                    }
                    entry
                }
                _ => return None,
            };
        }
        *slot = value.clone();
        // Checked as JSON text rather than as a value: the same findings (the text is the
        // value's compact form, which is what the record limits measure), and one decoder fewer
        // in the WebAssembly module, which must keep within its size budget.
        let report = self.validate_json(&root.to_string());
        let inside = format!("{path}/");
        Some(
            report
                .issues
                .into_iter()
                .filter(|i| i.path == path || i.path.starts_with(&inside))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::Validator;

    #[test]
    fn validate_field_returns_only_the_issues_of_that_field() {
        let validator = Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap();
        let record = serde_json::json!({"reporting_country": "BE", "procedure": "import", "route": {"departure": "BR", "destination": "NL"}});
        let issues = validator
            .validate_field("/route/destination", &"NL".into(), Some(&record))
            .unwrap();
        assert_eq!(
            issues.iter().map(|i| i.rule).collect::<Vec<_>>(),
            ["CEN-MOV-001"]
        );
        assert!(validator
            .validate_field("/seizure_date", &"2026-02-28".into(), Some(&record))
            .unwrap()
            .is_empty());
        assert_eq!(
            validator
                .validate_field("/seizure_date", &serde_json::Value::Null, None)
                .unwrap()[0]
                .rule,
            "CEN-SCH-004"
        );
        assert!(validator.validate_field("", &"x".into(), None).is_none());
    }
}
