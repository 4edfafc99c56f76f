//! # cen-rules
//!
//! The automated entry controls of the WCO Customs Enforcement Network suite: every rule of the
//! catalogue (spec 3) with its stable id, severity, JSON Pointer path, params and messages in
//! English, French, Spanish, Russian, Arabic and Portuguese; forms and profiles of closed user
//! groups; duplicate detection within a batch; a data-quality score.
//!
//! ```
//! use cen_rules::{Options, Validator};
//!
//! let options = Options::from_json(r#"{"lang": "fr", "today": "2026-11-28"}"#).unwrap();
//! let validator = Validator::new(options).unwrap();
//! let report = validator.validate_json(r#"{
//!   "reporting_country": "BE", "seizure_date": "2026-07-01", "procedure": "import",
//!   "location": {"type": "seaport", "code": "BEANR"}, "detection": {"principal": "xray"},
//!   "goods": [{"commodity": "drugs", "type": "cocaine", "quantity": 300, "unit": "kg", "concealment": "container_structure"}],
//!   "conveyance": [{"type": "sea_container", "container": "MSKU6011672"}],
//!   "route": {"departure": "EC", "destination": "NL"}
//! }"#);
//! assert!(!report.valid);
//! assert_eq!(report.issues[0].rule, "CEN-MOV-001");
//! assert_eq!(report.issues[0].path, "/route/destination");
//! println!("{}", report.issues[0].message); // in French
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod batch;
mod catalogue;
mod definition;
mod facts;
mod field;
pub mod form_model;
pub mod lookups;
mod messages;
mod options;
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub mod pipeline;
mod quality;
mod report;
mod rules;
pub mod search;
mod sink;
#[cfg(feature = "synth")]
pub mod synth;
#[cfg(test)]
mod testing;
mod validator;
mod values;

pub use batch::{Batch, Place, Sequence};
pub use catalogue::{catalogue, catalogue_json, rule};
pub use cen_model::{Finding, ParamValue, Params};
pub use codes_data::Lang;
pub use definition::{Param, Rule, Severity, Shown};
pub use form_model::{form_model, form_model_json};
pub use options::{
    parse_lang, Options, OptionsError, Profile, ProfileError, SeverityOverride, UnknownLang,
};
pub use report::{Counts, Issue, Report};
pub use rules::duplicates::{DuplicateIndex, DuplicateKeys};
pub use rules::quantity;
pub use validator::{Checked, Input, Validator};
pub use values::identifiers;

/// The look-ups under the name the spec gives them (`cen_rules::api::hs_correlate`, ...): the
/// same items as [`lookups`].
pub mod api {
    pub use crate::lookups::*;
}

/// The label of a field in a language: a pointer (`/goods/0/unit`), a dotted path
/// (`goods.unit`) or a flat column (`goods.0.unit`); the path itself when it has no label.
///
/// ```
/// use cen_rules::{field_label, Lang};
/// assert_eq!(field_label("goods.0.unit", Lang::En), field_label("/goods/0/unit", Lang::En));
/// assert_eq!(field_label("colour", Lang::En), "colour");
/// ```
pub fn field_label(pointer_or_path: &str, lang: Lang) -> String {
    if pointer_or_path.starts_with('/') {
        return messages::field_label(pointer_or_path, lang);
    }
    let dotted: Vec<&str> = pointer_or_path
        .split('.')
        .filter(|t| t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    codes_data::label("field", &dotted.join("."), lang)
        .map_or_else(|| pointer_or_path.to_owned(), str::to_owned)
}
