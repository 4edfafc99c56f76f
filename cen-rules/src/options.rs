//! Options of a validation and profiles of closed user groups (spec 5.1).

use cen_model::required::{BadPointer, RequiredPath};
use cen_model::{CommodityArea, Date, Enumeration, Form, Source};
use codes_data::{HsEdition, Lang};
use serde_json::{Map, Value};
use thiserror::Error;

use crate::catalogue::catalogue;
use crate::definition::Severity;

/// The options of a validation. Build them in Rust, or read them from the JSON of spec 5.1 with
/// [`Options::from_json`].
///
/// ```
/// use cen_rules::Options;
/// let options = Options::from_json(r#"{"lang": "fr", "today": "2026-11-28", "profile": {"name": "OP-X", "commodities": ["drugs"]}}"#).unwrap();
/// assert_eq!(options.lang, codes_data::Lang::Fr);
/// assert_eq!(options.profile.unwrap().name.as_deref(), Some("OP-X"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Overrides the record's and the profile's form.
    pub form: Option<Form>,
    /// Overrides the record's source.
    pub source: Option<Source>,
    /// The language of the messages.
    pub lang: Lang,
    /// The date "the future" is measured from; today's UTC date when absent.
    pub today: Option<Date>,
    /// The HS edition to check HS codes against instead of the one in force on each record's
    /// seizure date (spec 3, CEN-COD-005); wins over the profile's.
    pub hs_edition: Option<HsEdition>,
    /// The settings of a closed user group or deployment.
    pub profile: Option<Profile>,
    /// The path of a table pack to validate against (spec 7.2), read when the validator is
    /// built; the built-in tables when absent. Hosts without files hand over the pack's bytes
    /// instead ([`codes_data::Tables::from_bytes`], [`crate::Validator::with_tables`]).
    pub tables: Option<String>,
}

/// The severity a profile gives a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeverityOverride {
    /// Report the rule's issues with this severity.
    Set(Severity),
    /// Do not report the rule at all.
    Off,
}

/// The settings of a CENcomm closed user group, or of any deployment (spec 5.1).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// The profile's name, e.g. the operation.
    pub name: Option<String>,
    /// The form the group collects (an option `form` still wins).
    pub form: Option<Form>,
    /// The HS edition the group codes in (an option `hs_edition` still wins).
    pub hs_edition: Option<HsEdition>,
    /// The commodity areas the group collects (CEN-FRM-002); all when absent.
    pub commodities: Option<Vec<CommodityArea>>,
    /// Fields the group requires besides those of the form (CEN-SCH-004).
    pub required: Vec<RequiredPath>,
    /// Severities changed from the catalogue's, by rule id.
    pub severity: Vec<(&'static str, SeverityOverride)>,
}

/// A language code that is not one of the six; its message is the one every surface gives.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("`{0}` is not one of en, fr, es, ru, ar, pt")]
pub struct UnknownLang(pub String);

/// Reads a language code (`en`, `fr`, `es`, `ru`, `ar`, `pt`): the one parser of every surface,
/// for the `lang` option as for the language of labels and look-ups.
///
/// ```
/// use cen_rules::{parse_lang, Lang};
/// assert_eq!(parse_lang("fr"), Ok(Lang::Fr));
/// assert_eq!(parse_lang("de").unwrap_err().to_string(), "`de` is not one of en, fr, es, ru, ar, pt");
/// ```
pub fn parse_lang(code: &str) -> Result<Lang, UnknownLang> {
    Lang::from_code(code).ok_or_else(|| UnknownLang(code.to_owned()))
}

/// Options that cannot be used. Nothing is validated with them.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OptionsError {
    /// The options text is not JSON.
    #[error("the options are not valid JSON: {0}")]
    NotJson(String),
    /// The options are not a JSON object.
    #[error("the options must be a JSON object")]
    NotObject,
    /// An option this library does not know.
    #[error(
        "unknown option `{0}` (known options: form, source, lang, today, hs_edition, profile, tables)"
    )]
    UnknownOption(String),
    /// An option with a value it cannot take.
    #[error("option `{option}`: {problem}")]
    BadValue {
        /// The option.
        option: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// The profile is malformed.
    #[error("profile: {0}")]
    Profile(#[from] ProfileError),
    /// The table pack named by `tables` could not be used; the text says why.
    #[error("option `tables`: {0}")]
    Tables(String),
    /// No `today` was given and the platform has no clock.
    #[error("no date for `today`: this platform has no clock, so pass `today` in the options or supply a clock")]
    NoClock,
}

/// A malformed profile (spec 5.1: refused with a clear error before any record is read).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProfileError {
    /// The profile is not a JSON object.
    #[error("a profile must be a JSON object")]
    NotObject,
    /// The profile text is not JSON.
    #[error("the profile is not valid JSON: {0}")]
    NotJson(String),
    /// Text given for a profile that is not JSON and does not begin like a JSON object: most
    /// often the name of a profile file (see [`Profile::value_from_text`]).
    #[error("a profile is a JSON object or its JSON text, and `{0}` is neither (a file name? read the file and give its content)")]
    NotProfileText(String),
    /// A key a profile does not have.
    #[error(
        "unknown key `{0}` (known keys: name, form, hs_edition, commodities, required, severity)"
    )]
    UnknownKey(String),
    /// A key with a value it cannot take.
    #[error("`{key}`: {problem}")]
    BadValue {
        /// The key.
        key: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// A rule id that is not in the catalogue.
    #[error("`severity`: `{0}` is not a rule of the catalogue")]
    UnknownRule(String),
    /// An attempt to change the severity of a structural rule.
    #[error("`severity`: the severity of {0} cannot be changed (structural rules always apply)")]
    StructuralRule(String),
    /// A `required` pointer that is not a path of the record.
    #[error("`required`: {0}")]
    BadPointer(BadPointer),
}

fn words<E: Enumeration>() -> String {
    E::INFO.values.join(", ")
}

fn enum_value<E: Enumeration>(value: &Value) -> Result<Option<E>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(word) => E::from_word(word)
            .map(Some)
            .ok_or_else(|| format!("`{word}` is not one of {}", words::<E>())),
        other => Err(format!(
            "expected one of {}, found {}",
            words::<E>(),
            json_type(other)
        )),
    }
}

/// An HS edition written as every surface takes it (`"2012"`, `"2017"`, `"2022"`), with the
/// message that every surface gives for any other value (`api::hs_edition`).
pub(crate) fn edition_of(text: &str) -> Result<HsEdition, String> {
    HsEdition::from_year(text.trim())
        .ok_or_else(|| format!("`{text}` is not an HS edition: use 2012, 2017 or 2022"))
}

/// `hs_edition` of the options or of a profile: `"2012"`, `"2017"` or `"2022"`; `null` is absent.
fn hs_edition(value: &Value) -> Result<Option<HsEdition>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => edition_of(text).map(Some),
        other => Err(format!(
            "expected an HS edition \"2012\", \"2017\" or \"2022\", found {}",
            json_type(other)
        )),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Options {
    /// Reads options from JSON text (spec 5.1). `null` values mean absent.
    pub fn from_json(text: &str) -> Result<Options, OptionsError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| OptionsError::NotJson(e.to_string()))?;
        Options::from_value(&value)
    }

    /// Reads options from a JSON value. `null` means no options.
    pub fn from_value(value: &Value) -> Result<Options, OptionsError> {
        let fields = match value {
            Value::Null => return Ok(Options::default()),
            Value::Object(fields) => fields,
            _ => return Err(OptionsError::NotObject),
        };
        let mut options = Options::default();
        for (key, value) in fields {
            let bad = |option: &'static str| {
                move |problem: String| OptionsError::BadValue { option, problem }
            };
            match key.as_str() {
                "form" => options.form = enum_value(value).map_err(bad("form"))?,
                "source" => options.source = enum_value(value).map_err(bad("source"))?,
                "lang" => {
                    options.lang = match value {
                        Value::Null => Lang::En,
                        Value::String(code) => {
                            parse_lang(code).map_err(|e| bad("lang")(e.to_string()))?
                        }
                        other => {
                            return Err(bad("lang")(format!(
                                "expected a language code, found {}",
                                json_type(other)
                            )))
                        }
                    }
                }
                "today" => {
                    options.today = match value {
                        Value::Null => None,
                        Value::String(text) => Some(Date::parse(text).ok_or_else(|| {
                            bad("today")(format!(
                                "`{text}` is not a calendar date written YYYY-MM-DD"
                            ))
                        })?),
                        other => {
                            return Err(bad("today")(format!(
                                "expected a date YYYY-MM-DD, found {}",
                                json_type(other)
                            )))
                        }
                    }
                }
                "hs_edition" => {
                    options.hs_edition = hs_edition(value).map_err(bad("hs_edition"))?
                }
                "profile" => {
                    options.profile = match value {
                        Value::Null => None,
                        other => Some(Profile::from_value(other)?),
                    }
                }
                "tables" => {
                    options.tables = match value {
                        Value::Null => None,
                        Value::String(path) if !path.is_empty() => Some(path.clone()),
                        Value::String(_) => return Err(bad("tables")("an empty path".to_owned())),
                        other => {
                            return Err(bad("tables")(format!(
                                "expected the path of a table pack, found {}",
                                json_type(other)
                            )))
                        }
                    }
                }
                other => return Err(OptionsError::UnknownOption(other.to_owned())),
            }
        }
        Ok(options)
    }
}

impl Profile {
    /// Reads a profile from JSON text.
    ///
    /// ```
    /// use cen_rules::{Profile, ProfileError};
    /// let error = Profile::from_json(r#"{"severity": {"CEN-XYZ-001": "off"}}"#).unwrap_err();
    /// assert_eq!(error, ProfileError::UnknownRule("CEN-XYZ-001".into()));
    /// ```
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| ProfileError::NotJson(e.to_string()))?;
        Profile::from_value(&value)
    }

    /// The JSON value of a profile given as text where a surface takes either a profile object
    /// or its JSON text (Python, JavaScript). Text that is not JSON and does not begin like an
    /// object (a file name, most often) is [`ProfileError::NotProfileText`], which says what a
    /// profile is; text that begins like an object but is not JSON is
    /// [`ProfileError::NotJson`], with where.
    ///
    /// ```
    /// use cen_rules::{Profile, ProfileError};
    /// assert_eq!(Profile::value_from_text(r#"{"name": "OP"}"#).unwrap()["name"], "OP");
    /// let error = Profile::value_from_text("profiles/op.json").unwrap_err();
    /// assert_eq!(error, ProfileError::NotProfileText("profiles/op.json".into()));
    /// assert!(error.to_string().starts_with("a profile is a JSON object or its JSON text"));
    /// assert!(matches!(Profile::value_from_text("{name: 1}"), Err(ProfileError::NotJson(_))));
    /// ```
    pub fn value_from_text(text: &str) -> Result<Value, ProfileError> {
        serde_json::from_str(text).map_err(|error| {
            if text.trim_start().starts_with('{') {
                ProfileError::NotJson(error.to_string())
            } else {
                // Shown as given, within reason: a name, not a whole file.
                let shown: String = text.chars().take(200).collect();
                ProfileError::NotProfileText(shown)
            }
        })
    }

    /// Reads a profile from a JSON value.
    pub fn from_value(value: &Value) -> Result<Profile, ProfileError> {
        let Value::Object(fields) = value else {
            return Err(ProfileError::NotObject);
        };
        let mut profile = Profile::default();
        for (key, value) in fields {
            let bad =
                |key: &'static str| move |problem: String| ProfileError::BadValue { key, problem };
            match key.as_str() {
                "name" => {
                    profile.name = match value {
                        Value::Null => None,
                        Value::String(name) => Some(name.clone()),
                        other => {
                            return Err(bad("name")(format!(
                                "expected a string, found {}",
                                json_type(other)
                            )))
                        }
                    }
                }
                "form" => profile.form = enum_value(value).map_err(bad("form"))?,
                "hs_edition" => {
                    profile.hs_edition = hs_edition(value).map_err(bad("hs_edition"))?
                }
                "commodities" => {
                    profile.commodities = commodities(value).map_err(bad("commodities"))?
                }
                "required" => profile.required = required(value)?,
                "severity" => profile.severity = severities(value)?,
                other => return Err(ProfileError::UnknownKey(other.to_owned())),
            }
        }
        Ok(profile)
    }
}

fn commodities(value: &Value) -> Result<Option<Vec<CommodityArea>>, String> {
    let items = match value {
        Value::Null => return Ok(None),
        Value::Array(items) => items,
        other => {
            return Err(format!(
                "expected an array of commodity areas, found {}",
                json_type(other)
            ))
        }
    };
    if items.is_empty() {
        return Err(
            "an empty list would refuse every goods line: list at least one area, or leave `commodities` out to collect all"
                .to_owned(),
        );
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match enum_value::<CommodityArea>(item)? {
            Some(area) if !out.contains(&area) => out.push(area),
            Some(_) => {}
            None => return Err("null is not a commodity area".to_owned()),
        }
    }
    Ok(Some(out))
}

fn required(value: &Value) -> Result<Vec<RequiredPath>, ProfileError> {
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items,
        other => {
            return Err(ProfileError::BadValue {
                key: "required",
                problem: format!(
                    "expected an array of JSON Pointers, found {}",
                    json_type(other)
                ),
            })
        }
    };
    items
        .iter()
        .map(|item| match item {
            Value::String(pointer) => {
                RequiredPath::parse(pointer).map_err(ProfileError::BadPointer)
            }
            other => Err(ProfileError::BadValue {
                key: "required",
                problem: format!("expected a JSON Pointer string, found {}", json_type(other)),
            }),
        })
        .collect()
}

fn severities(value: &Value) -> Result<Vec<(&'static str, SeverityOverride)>, ProfileError> {
    let fields: &Map<String, Value> = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Object(fields) => fields,
        other => {
            return Err(ProfileError::BadValue {
                key: "severity",
                problem: format!("expected an object of rule ids, found {}", json_type(other)),
            })
        }
    };
    let mut out = Vec::with_capacity(fields.len());
    for (id, level) in fields {
        let rule = catalogue()
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| ProfileError::UnknownRule(id.clone()))?;
        if rule.group() == "SCH" {
            return Err(ProfileError::StructuralRule(id.clone()));
        }
        let level = match level.as_str() {
            Some("off") => SeverityOverride::Off,
            Some(word) => SeverityOverride::Set(Severity::from_word(word).ok_or_else(|| {
                ProfileError::BadValue {
                    key: "severity",
                    problem: format!("{id}: `{word}` is not one of error, warning, info, off"),
                }
            })?),
            None => {
                return Err(ProfileError::BadValue {
                    key: "severity",
                    problem: format!(
                        "{id}: expected error, warning, info or off, found {}",
                        json_type(level)
                    ),
                })
            }
        };
        out.push((rule.id, level));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_options_of_the_spec() {
        let options = Options::from_json(
            r#"{ "form": "long", "source": "cen", "lang": "fr", "today": "2026-11-28", "profile": { "name": "OP-NIGHTWATCH", "form": "simplified", "commodities": ["drugs", "tobacco"],
              "required": ["/detection/principal", "/goods/*/concealment"], "severity": { "CEN-QTY-003": "off", "CEN-MOV-010": "error" } } }"#,
        )
        .unwrap();
        assert_eq!(options.form, Some(Form::Long));
        assert_eq!(options.today, Date::parse("2026-11-28"));
        let profile = options.profile.unwrap();
        assert_eq!(profile.form, Some(Form::Simplified));
        assert_eq!(
            profile.commodities,
            Some(vec![CommodityArea::Drugs, CommodityArea::Tobacco])
        );
        assert_eq!(profile.required.len(), 2);
        assert_eq!(
            profile.severity,
            vec![
                ("CEN-QTY-003", SeverityOverride::Off),
                ("CEN-MOV-010", SeverityOverride::Set(Severity::Error))
            ]
        );
    }

    #[test]
    fn hs_edition_is_an_option_and_a_profile_key() {
        let options =
            Options::from_json(r#"{"hs_edition": "2017", "profile": {"hs_edition": "2012"}}"#)
                .unwrap();
        assert_eq!(options.hs_edition, Some(HsEdition::Hs2017));
        assert_eq!(options.profile.unwrap().hs_edition, Some(HsEdition::Hs2012));
        assert_eq!(
            Options::from_json(r#"{"hs_edition": null}"#).unwrap(),
            Options::default()
        );
    }

    #[test]
    fn tables_is_the_path_of_a_pack() {
        let options = Options::from_json(r#"{"tables": "/srv/cen/2025-1.pack"}"#).unwrap();
        assert_eq!(options.tables.as_deref(), Some("/srv/cen/2025-1.pack"));
        assert_eq!(
            Options::from_json(r#"{"tables": null}"#).unwrap(),
            Options::default()
        );
        for (json, problem) in [
            (r#"{"tables": ""}"#, "option `tables`: an empty path"),
            (
                r#"{"tables": 3}"#,
                "option `tables`: expected the path of a table pack, found a number",
            ),
        ] {
            assert_eq!(Options::from_json(json).unwrap_err().to_string(), problem);
        }
    }

    #[test]
    fn null_options_mean_defaults() {
        assert_eq!(Options::from_json("null").unwrap(), Options::default());
        assert_eq!(
            Options::from_json(r#"{"lang": null, "profile": null}"#).unwrap(),
            Options::default()
        );
    }

    #[test]
    fn refuses_malformed_options_clearly() {
        let cases = [
            ("[]", "must be a JSON object"),
            ("{", "not valid JSON"),
            (r#"{"language": "fr"}"#, "unknown option `language`"),
            (
                r#"{"lang": "de"}"#,
                "`de` is not one of en, fr, es, ru, ar, pt",
            ),
            (r#"{"today": "28/11/2026"}"#, "not a calendar date"),
            (
                r#"{"hs_edition": "2018"}"#,
                "option `hs_edition`: `2018` is not an HS edition: use 2012, 2017 or 2022",
            ),
            (r#"{"hs_edition": 2017}"#, "expected an HS edition"),
            (
                r#"{"profile": {"hs_edition": "HS2017"}}"#,
                "profile: `hs_edition`: `HS2017` is not an HS edition",
            ),
            (r#"{"form": 1}"#, "expected one of long, simplified"),
            (r#"{"profile": []}"#, "a profile must be a JSON object"),
            (r#"{"profile": {"nom": "x"}}"#, "unknown key `nom`"),
            (
                r#"{"profile": {"severity": {"CEN-SCH-003": "off"}}}"#,
                "cannot be changed",
            ),
            (
                r#"{"profile": {"severity": {"CEN-MOV-001": "fatal"}}}"#,
                "`fatal` is not one of error, warning, info, off",
            ),
            (
                r#"{"profile": {"required": ["/goods/*/colour"]}}"#,
                "`colour` is not a field of GoodsLine",
            ),
            (r#"{"profile": {"required": "/cug"}}"#, "expected an array"),
            (
                r#"{"profile": {"commodities": ["drug"]}}"#,
                "`drug` is not one of drugs",
            ),
            (
                r#"{"profile": {"commodities": []}}"#,
                "`commodities`: an empty list would refuse every goods line",
            ),
        ];
        for (json, expected) in cases {
            let message = Options::from_json(json).unwrap_err().to_string();
            assert!(message.contains(expected), "{json}: {message}");
        }
    }
}
