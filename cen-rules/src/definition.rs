//! What a rule is (spec 3 and 5.3a): its id, default severity, named params and a summary.
//! Each rule is defined as a `static` next to its check (single values in `values/`, whole
//! records in `rules/`); `catalogue.rs` gathers them and `messages.rs` words them.

use serde::{Deserialize, Serialize};

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
}
