//! The rule catalogue (spec 3 and 5.3a): every rule in catalogue order, with its id, group,
//! default severity, params and message templates in six languages. Each rule is defined next
//! to its check, in the module of its group; this module gathers them.

use codes_data::Lang;

use crate::definition::Rule;
use crate::rules::{dates, duplicates, form, movement, nominal, quantity, structure};
use crate::values::{codes, date, identifiers};

/// Every rule, in catalogue order (by group as in spec 3, then number).
pub fn catalogue() -> &'static [&'static Rule] {
    static ALL: &[&Rule] = &[
        &structure::SCH_001,
        &structure::SCH_002,
        &structure::SCH_003,
        &structure::SCH_004,
        &structure::SCH_005,
        &structure::SCH_006,
        &date::DAT_001,
        &dates::DAT_002,
        &dates::DAT_003,
        &dates::DAT_004,
        &dates::DAT_005,
        &dates::DAT_006,
        &codes::COD_001,
        &codes::COD_002,
        &codes::COD_003,
        &codes::COD_004,
        &codes::COD_005,
        &codes::COD_006,
        &codes::COD_007,
        &identifiers::IDN_001,
        &identifiers::IDN_002,
        &identifiers::IDN_003,
        &identifiers::IDN_004,
        &identifiers::IDN_005,
        &movement::MOV_001,
        &movement::MOV_002,
        &movement::MOV_003,
        &movement::MOV_004,
        &movement::MOV_005,
        &movement::MOV_006,
        &movement::MOV_007,
        &movement::MOV_008,
        &movement::MOV_009,
        &movement::MOV_010,
        &movement::MOV_011,
        &movement::MOV_012,
        &movement::MOV_013,
        &quantity::QTY_001,
        &quantity::QTY_002,
        &quantity::QTY_003,
        &quantity::QTY_004,
        &nominal::NOM_001,
        &nominal::NOM_002,
        &nominal::NOM_003,
        &form::FRM_001,
        &form::FRM_002,
        &duplicates::DUP_001,
    ];
    ALL
}

/// The rule of an identifier.
///
/// ```
/// let rule = cen_rules::rule("CEN-MOV-001").unwrap();
/// assert_eq!(rule.group(), "MOV");
/// assert_eq!(rule.params.iter().map(|p| p.name).collect::<Vec<_>>(), ["expected", "found"]);
/// ```
pub fn rule(id: &str) -> Option<&'static Rule> {
    catalogue().iter().copied().find(|r| r.id == id)
}

/// The catalogue as JSON (spec 5.3a): for every rule its id, group, severity, params, summary and
/// message templates (with their variants) in each of the six languages.
pub fn catalogue_json() -> serde_json::Value {
    let rules: Vec<serde_json::Value> = catalogue()
        .iter()
        .map(|rule| {
            let mut messages = serde_json::Map::new();
            let mut variants = serde_json::Map::new();
            for lang in Lang::ALL {
                messages.insert(lang.code().to_owned(), rule.template(lang).into());
                for (variant, template) in rule.variants(lang) {
                    let entry = variants
                        .entry(variant)
                        .or_insert_with(|| serde_json::json!({}));
                    entry[lang.code()] = template.into();
                }
            }
            serde_json::json!({
                "id": rule.id,
                "group": rule.group(),
                "severity": rule.severity,
                "params": rule.params.iter().map(|p| p.name).collect::<Vec<_>>(),
                "summary": rule.summary,
                "messages": messages,
                "variants": variants,
            })
        })
        .collect();
    serde_json::Value::Array(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_well_formed_and_in_order() {
        let ids: Vec<&str> = catalogue().iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), 47);
        let groups = [
            "SCH", "DAT", "COD", "IDN", "MOV", "QTY", "NOM", "FRM", "DUP",
        ];
        let mut previous: Option<(usize, &str)> = None;
        for id in &ids {
            assert!(
                id.len() == 11 && id.starts_with("CEN-") && id.as_bytes()[7] == b'-',
                "{id}"
            );
            let group = groups
                .iter()
                .position(|g| **g == id[4..7])
                .expect("known group");
            if let Some((g, p)) = previous {
                assert!((g, p) < (group, *id), "{id} out of order");
            }
            previous = Some((group, id));
        }
    }

    #[test]
    fn the_catalogue_json_has_every_language() {
        let json = catalogue_json();
        for rule in json.as_array().unwrap() {
            for lang in Lang::ALL {
                assert!(!rule["messages"][lang.code()].as_str().unwrap().is_empty());
            }
        }
    }
}
