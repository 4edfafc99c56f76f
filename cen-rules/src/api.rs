//! What every surface exposes besides validation, as JSON values shared by all of them, so
//! that the command line, Python, JavaScript and C show the same look-ups, labels, editions
//! and catalogue (spec 5.3a, 5.6, 5.7).

use cen_model::pointer;
use codes_data::{HsEdition, Lang, ResolvedLocation};
use serde_json::{json, Map, Value};

use crate::report::Issue;
use crate::validator::Validator;

fn names(name: impl Fn(Lang) -> &'static str) -> Value {
    Value::Object(
        Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), Value::from(name(*l))))
            .collect(),
    )
}

/// Every enumeration with the labels of its values in one language:
/// `{"unit": {"kg": "Kilograms (kg)", ...}, "field": {...}, ...}` (spec 2.9).
///
/// ```
/// let labels = cen_rules::api::labels(codes_data::Lang::Fr);
/// assert!(labels["procedure"]["import"].as_str().is_some());
/// ```
pub fn labels(lang: Lang) -> Value {
    let mut out = Map::new();
    for enumeration in codes_data::enumerations() {
        let values = codes_data::enumeration_values(enumeration).unwrap_or_default();
        let labels: Map<String, Value> = values
            .iter()
            .map(|v| {
                (
                    (*v).to_owned(),
                    Value::from(codes_data::label(enumeration, v, lang).unwrap_or(v)),
                )
            })
            .collect();
        out.insert((*enumeration).to_owned(), Value::Object(labels));
    }
    Value::Object(out)
}

/// The editions of the code tables (spec 5.3a).
pub fn editions() -> Value {
    Value::Array(
        codes_data::editions()
            .iter()
            .map(|e| json!({"table": e.table, "source": e.source, "edition": e.edition, "licence": e.licence, "rows": e.rows}))
            .collect(),
    )
}

pub use crate::values::codes::country_suggestion;

/// A country by its alpha-2 code, with its names; the pseudo-codes `XX` and `XZ` with their
/// labels.
///
/// ```
/// let be = cen_rules::api::country("BE", codes_data::Lang::En).unwrap();
/// assert_eq!(be["alpha3"], "BEL");
/// ```
pub fn country(code: &str, lang: Lang) -> Option<Value> {
    if let Some(country) = codes_data::country(code) {
        return Some(json!({
            "code": country.alpha2(), "alpha3": country.alpha3(), "numeric": format!("{:03}", country.numeric()),
            "name": country.name(lang), "names": names(|l| country.name(l)), "pseudo": false,
        }));
    }
    codes_data::label("country_pseudo", code, lang).map(|name| {
        json!({"code": code, "alpha3": null, "numeric": null, "name": name,
               "names": names(|l| codes_data::label("country_pseudo", code, l).unwrap_or("")), "pseudo": true})
    })
}

/// A current ISO 4217 currency with its minor units and names.
pub fn currency(code: &str, lang: Lang) -> Option<Value> {
    codes_data::currency(code).map(|c| {
        json!({
            "code": c.alpha3(), "numeric": format!("{:03}", c.numeric()), "minor_units": c.minor_units(),
            "fund": c.is_fund(), "special": c.is_special(), "name": c.name(lang), "names": names(|l| c.name(l)),
        })
    })
}

fn airport_json(airport: codes_data::Airport, lang: Lang) -> Value {
    json!({
        "kind": "airport", "code": airport.iata().or(airport.icao()), "iata": airport.iata(), "icao": airport.icao(),
        "name": airport.name(), "city": airport.city(), "country": airport.country(),
        "country_name": codes_data::country(airport.country()).map(|c| c.name(lang)),
        "airport": true, "seaport": false, "resolves": true,
    })
}

/// A location code as validation resolves it (spec 2.2): an IATA or ICAO airport, or a
/// UN/LOCODE with its functions and status. A withdrawn UN/LOCODE is found, with
/// `"resolves": false`.
///
/// ```
/// let rotterdam = cen_rules::api::location("NLRTM", codes_data::Lang::En).unwrap();
/// assert_eq!(rotterdam["seaport"], true);
/// assert_eq!(rotterdam["country"], "NL");
/// ```
pub fn location(code: &str, lang: Lang) -> Option<Value> {
    match codes_data::resolve_location(code) {
        Some(ResolvedLocation::Airport(airport)) => Some(airport_json(airport, lang)),
        Some(ResolvedLocation::UnLocode(entry)) => Some(unlocode_json(entry, lang, true)),
        None => codes_data::unlocode(code).map(|entry| unlocode_json(entry, lang, false)),
    }
}

fn unlocode_json(entry: codes_data::UnLocode, lang: Lang, resolves: bool) -> Value {
    let functions: Vec<Value> = entry
        .function()
        .chars()
        .filter(|c| *c != '-')
        .map(|c| {
            let key = c.to_string();
            json!({"code": key, "label": codes_data::label("location_function", &key, lang).unwrap_or("")})
        })
        .collect();
    json!({
        "kind": "unlocode", "code": entry.code(), "name": entry.name(), "country": entry.country(),
        "country_name": codes_data::country(entry.country()).map(|c| c.name(lang)),
        "subdivision": entry.subdivision(), "function": entry.function(), "functions": functions, "status": entry.status(),
        "iata": if entry.iata().is_empty() { None } else { Some(entry.iata()) },
        "airport": entry.is_airport(), "seaport": entry.is_seaport(), "withdrawn": entry.is_withdrawn(),
        "remarks": entry.remarks(), "resolves": resolves,
    })
}

/// An airport by IATA (3 letters) or ICAO (4 letters) code.
pub fn airport(code: &str, lang: Lang) -> Option<Value> {
    let found = if code.len() == 3 {
        codes_data::airport_by_iata(code)
    } else {
        codes_data::airport_by_icao(code)
    };
    found.map(|a| airport_json(a, lang))
}

/// A Harmonized System chapter, heading or subheading of HS 2022, the newest edition (see
/// [`hs_in`] for the others).
pub fn hs(code: &str) -> Option<Value> {
    hs_in(code, HsEdition::NEWEST)
}

/// A Harmonized System chapter, heading or subheading of one edition, with the editions that
/// have the code (descriptions are in English only, as the editions are published).
///
/// ```
/// use codes_data::HsEdition;
/// let phones = cen_rules::api::hs_in("851712", HsEdition::Hs2017).unwrap();
/// assert_eq!(phones["edition"], "2017");
/// assert_eq!(phones["editions"], serde_json::json!(["2012", "2017"]));
/// assert!(cen_rules::api::hs_in("851712", HsEdition::Hs2022).is_none());
/// ```
pub fn hs_in(code: &str, edition: HsEdition) -> Option<Value> {
    codes_data::hs_in(code, edition).map(|h| {
        let editions: Vec<&str> = h.editions().iter().map(HsEdition::as_str).collect();
        json!({"code": h.code(), "edition": edition.as_str(), "level": h.level(), "description": h.description(),
               "parent": h.parent(), "section": h.section(), "editions": editions})
    })
}

/// Reads an HS edition as every surface takes it (`"2012"`, `"2017"`, `"2022"`), with the
/// message that every surface gives for any other value.
///
/// ```
/// assert_eq!(cen_rules::api::hs_edition("2017"), Ok(codes_data::HsEdition::Hs2017));
/// assert_eq!(cen_rules::api::hs_edition("2018").unwrap_err(), "`2018` is not an HS edition: use 2012, 2017 or 2022");
/// ```
pub fn hs_edition(text: &str) -> Result<HsEdition, String> {
    crate::options::edition_of(text)
}

/// The codes of edition `to` that UNSD's correlation tables pair with `code` of edition `from`
/// (spec 7.1), sorted, each with its relationship read from `from` to `to` (`1:1`, `1:n`,
/// `n:1`, `n:n`): `[{"code": "851713", "relationship": "1:n"}, ...]`. Between 2012 and 2022
/// the pairs go through HS 2017; a heading's pairs are the headings of its subheadings' pairs
/// (see [`codes_data::hs_correlate`]). The code is read as look-ups read it (spec 5.3b: spaces
/// and dots are ignored). Empty when `from` has no such code.
///
/// ```
/// use codes_data::HsEdition;
/// let pairs = cen_rules::api::hs_correlate("8517.12", HsEdition::Hs2017, HsEdition::Hs2022);
/// assert!(pairs.as_array().unwrap().iter().any(|p| p["code"] == "851713" && p["relationship"] == "1:n"));
/// ```
pub fn hs_correlate(code: &str, from: HsEdition, to: HsEdition) -> Value {
    let code: String = code.chars().filter(|c| *c != ' ' && *c != '.').collect();
    Value::Array(
        codes_data::hs_correlate(&code, from, to)
            .into_iter()
            .map(|p| json!({"code": p.code, "relationship": p.relationship.as_str()}))
            .collect(),
    )
}

/// The codes of a table closest to a code that was not found, for "did you mean" help:
/// the same length, sharing the longest prefix, then nearest by edit distance.
pub fn closest(table: &str, code: &str, count: usize) -> Vec<String> {
    let candidates: Vec<String> = match table {
        "country" => codes_data::countries()
            .iter()
            .map(|c| c.alpha2().to_owned())
            .collect(),
        "currency" => codes_data::currencies()
            .iter()
            .map(|c| c.alpha3().to_owned())
            .collect(),
        "airport" => (0..codes_data::airports_len())
            .filter_map(codes_data::airport_at)
            .filter_map(|a| if code.len() == 4 { a.icao() } else { a.iata() })
            .map(str::to_owned)
            .collect(),
        "location" if code.len() == 5 => (0..codes_data::unlocodes_len())
            .filter_map(codes_data::unlocode_at)
            .filter(|l| {
                !l.is_withdrawn()
                    && code
                        .get(..2)
                        .is_some_and(|c| c.eq_ignore_ascii_case(l.country()))
            })
            .map(|l| l.code().to_owned())
            .collect(),
        "location" => return closest("airport", code, count),
        "hs" => (0..codes_data::hs_len())
            .filter_map(codes_data::hs_at)
            .filter(|h| h.edition() == HsEdition::NEWEST && h.code().len() == code.len())
            .map(|h| h.code().to_owned())
            .collect(),
        _ => Vec::new(),
    };
    let wanted = code.to_uppercase();
    let shared = |c: &str| {
        usize::MAX
            - wanted
                .bytes()
                .zip(c.bytes())
                .take_while(|(a, b)| a == b)
                .count()
    };
    let mut scored: Vec<(usize, usize, String)> = candidates
        .into_iter()
        .map(|c| (edit_distance(&wanted, &c), shared(&c), c))
        .collect();
    scored.sort();
    scored.into_iter().take(count).map(|(_, _, c)| c).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = current;
        }
    }
    row[b.len()]
}

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
        let report = self.validate_value(&root);
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
    use super::*;

    #[test]
    fn look_ups_give_names_in_every_language() {
        let be = country("BE", Lang::Ru).unwrap();
        assert_eq!(be["names"].as_object().unwrap().len(), 6);
        assert!(country("XX", Lang::En).unwrap()["pseudo"]
            .as_bool()
            .unwrap());
        assert!(country("QQ", Lang::En).is_none());
        assert_eq!(currency("JPY", Lang::En).unwrap()["minor_units"], 0);
        assert_eq!(location("EBBR", Lang::En).unwrap()["country"], "BE");
        assert_eq!(location("CNTLS", Lang::En).unwrap()["resolves"], false);
        assert_eq!(hs("240220").unwrap()["level"], 6);
    }

    #[test]
    fn closest_codes_help_with_typos() {
        assert_eq!(closest("currency", "EUO", 1), ["EUR"]);
        assert!(closest("location", "NLRTN", 3).contains(&"NLRTM".to_owned()));
    }

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
