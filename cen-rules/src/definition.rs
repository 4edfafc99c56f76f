//! The rule catalogue (spec 3 and 5.3a): for every rule its id, group, default severity, params
//! and message templates in six languages. Each rule is defined next to its check, in the module
//! of its group; this module gathers them.

use codes_data::Lang;
use serde::{Deserialize, Serialize};

use crate::messages;
use crate::rules::{
    codes, dates, duplicates, form, identifiers, movement, nominal, quantity, structure,
};

/// How serious an issue is. A record is valid when none of its issues is an `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The record is not acceptable as it is.
    Error,
    /// Probably wrong: worth a look.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// The word of the severity: `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity of a word.
    pub fn from_word(word: &str) -> Option<Severity> {
        match word {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// How a param is shown in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// As it is (codes, numbers, words the user typed).
    AsIs,
    /// By its label in the message's language, from this label table (`codes_data::label`).
    Label(&'static str),
    /// By the label of the field `<prefix>.<value>` (a field of a leg, for instance).
    FieldLabel(&'static str),
}

/// One named param of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The name in the report's `params`.
    pub name: &'static str,
    /// How messages show it.
    pub shown: Shown,
}

impl Param {
    /// A param shown as it is.
    pub const fn as_is(name: &'static str) -> Param {
        Param {
            name,
            shown: Shown::AsIs,
        }
    }

    /// A param shown by its label.
    pub const fn label(name: &'static str, table: &'static str) -> Param {
        Param {
            name,
            shown: Shown::Label(table),
        }
    }
}

/// The definition of one rule.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable identifier, `CEN-<GROUP>-<NNN>`.
    pub id: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// The named params, in report order.
    pub params: &'static [Param],
    /// What the rule checks, in one English sentence (for documentation).
    pub summary: &'static str,
}

impl Rule {
    /// The group of the rule: `SCH`, `DAT`, `COD`, `IDN`, `MOV`, `QTY`, `NOM`, `FRM` or `DUP`.
    pub fn group(&self) -> &'static str {
        self.id.get(4..7).unwrap_or("")
    }

    /// The message template of the rule in a language (its main wording).
    pub fn template(&self, lang: Lang) -> &'static str {
        messages::template(self.id, None, lang)
    }

    /// The wordings of the rule besides the main one: `(variant, template)`.
    pub fn variants(&self, lang: Lang) -> Vec<(&'static str, &'static str)> {
        messages::variants(self.id, lang)
    }
}

/// Every rule, in catalogue order (by group as in spec 3, then number).
pub fn catalogue() -> &'static [&'static Rule] {
    static ALL: &[&Rule] = &[
        &structure::SCH_001,
        &structure::SCH_002,
        &structure::SCH_003,
        &structure::SCH_004,
        &structure::SCH_005,
        &structure::SCH_006,
        &dates::DAT_001,
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
