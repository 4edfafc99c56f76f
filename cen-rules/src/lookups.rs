//! Look-ups in the reference tables, as JSON values shared by every surface, so that the
//! command line, Python, JavaScript and C show the same entries, labels and editions (spec
//! 5.3a, 5.3b, 5.6, 5.7). [`lookup`] is the one dispatch from a table's name and what a person
//! typed: the code is read forgivingly ([`normalise`]) here and nowhere else.

use std::fmt;
use std::str::FromStr;

use codes_data::{HsEdition, Lang, ResolvedLocation};
use serde_json::{json, Map, Value};

/// A table that can be looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// ISO 3166-1 alpha-2 countries, and the pseudo-codes `XX` and `XZ`.
    Country,
    /// Current ISO 4217 currencies.
    Currency,
    /// A location code as validation resolves it: IATA or ICAO airport, or UN/LOCODE.
    Location,
    /// Airports by IATA or ICAO code.
    Airport,
    /// Harmonized System chapters, headings and subheadings.
    Hs,
}

impl Table {
    /// Every table, in the order the surfaces list them.
    pub const ALL: [Table; 5] = [
        Table::Country,
        Table::Currency,
        Table::Location,
        Table::Airport,
        Table::Hs,
    ];

    /// The table's name as every surface takes it (`country`, `hs`...).
    pub fn name(self) -> &'static str {
        match self {
            Table::Country => "country",
            Table::Currency => "currency",
            Table::Location => "location",
            Table::Airport => "airport",
            Table::Hs => "hs",
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A table name that is none of [`Table::ALL`]; its message is the one every surface gives.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a table (country, currency, location, airport, hs)")]
pub struct UnknownTable(pub String);

impl FromStr for Table {
    type Err = UnknownTable;

    /// ```
    /// use cen_rules::lookups::Table;
    /// assert_eq!("hs".parse::<Table>(), Ok(Table::Hs));
    /// assert_eq!("planet".parse::<Table>().unwrap_err().to_string(),
    ///            "`planet` is not a table (country, currency, location, airport, hs)");
    /// ```
    fn from_str(name: &str) -> Result<Table, UnknownTable> {
        Table::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| UnknownTable(name.to_owned()))
    }
}

/// The most bytes of text a look-up reads: far beyond any code with the spaces and dots people
/// put in it (the longest code, a 10-digit HS code, is 13 characters with its dots). Longer text
/// is found in no table, on every surface, without being read.
pub const MAX_LOOKUP_TEXT: usize = 256;

/// A code as the tables write it, from what a person typed (spec 5.3b): ASCII letters
/// upper-cased, white space dropped anywhere, and for HS codes the dots dropped too (`nlrtm`
/// and `NL RTM` are `NLRTM`; `2402.20` is `240220`). `None` for text over
/// [`MAX_LOOKUP_TEXT`] bytes. Validation does not forgive: a code in a record must be written
/// as its standard writes it.
///
/// ```
/// use cen_rules::lookups::{normalise, Table};
/// assert_eq!(normalise(Table::Location, " nl rtm ").as_deref(), Some("NLRTM"));
/// assert_eq!(normalise(Table::Hs, "2402.20").as_deref(), Some("240220"));
/// assert_eq!(normalise(Table::Country, "b.e").as_deref(), Some("B.E"));
/// assert_eq!(normalise(Table::Country, &"x".repeat(10_000)), None);
/// ```
pub fn normalise(table: Table, text: &str) -> Option<String> {
    if text.len() > MAX_LOOKUP_TEXT {
        return None;
    }
    Some(
        text.chars()
            .filter(|c| !(c.is_whitespace() || (table == Table::Hs && *c == '.')))
            .map(|c| c.to_ascii_uppercase())
            .collect(),
    )
}

/// What `table` knows of the code a person typed, read as [`normalise`] reads it, with names
/// in `lang`; `None` when the table has no such code (or the text is no code at all: empty,
/// too long, control characters). The look-up of every surface: CLI `cen codes`, Python
/// `cen.codes`, JavaScript `lookup*`, C `cen_lookup_json`.
///
/// ```
/// use cen_rules::lookups::{lookup, Table};
/// use cen_rules::Lang;
/// assert_eq!(lookup(Table::Location, "nl rtm", Lang::En).unwrap()["code"], "NLRTM");
/// assert_eq!(lookup(Table::Hs, "2402.20", Lang::En).unwrap()["code"], "240220");
/// assert!(lookup(Table::Country, "\u{0}", Lang::En).is_none());
/// ```
pub fn lookup(table: Table, code: &str, lang: Lang) -> Option<Value> {
    lookup_in(&codes_data::Tables::builtin(), table, code, lang)
}

/// [`lookup`] in `tables`: a table pack's countries, currencies, UN/LOCODE, airports and HS
/// editions (spec 7.2).
pub fn lookup_in(
    tables: &codes_data::Tables,
    table: Table,
    code: &str,
    lang: Lang,
) -> Option<Value> {
    let code = normalise(table, code)?;
    match table {
        Table::Country => country_in(tables, &code, lang),
        Table::Currency => currency_in(tables, &code, lang),
        Table::Location => location_in(tables, &code, lang),
        Table::Airport => airport_in(tables, &code, lang),
        Table::Hs => hs_in_tables(tables, &code, HsEdition::NEWEST),
    }
}

fn names<'a>(name: impl Fn(Lang) -> &'a str) -> Value {
    Value::Object(
        Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), Value::from(name(*l))))
            .collect(),
    )
}

/// Every enumeration with the labels of its values in one language:
/// `{"unit": {"kg": "Kilograms (kg)", ...}, "field": {...}, ...}` (spec 2.9), and last the
/// enumeration `language`: the names of the six languages of the `lang` option, from the
/// Unicode CLDR (spec 7.3).
///
/// ```
/// let labels = cen_rules::lookups::labels(codes_data::Lang::Fr);
/// assert!(labels["procedure"]["import"].as_str().is_some());
/// assert_eq!(labels["language"]["ru"], "Russe");
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
    let languages: Map<String, Value> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), Value::from(l.name_in(lang))))
        .collect();
    out.insert("language".to_owned(), Value::Object(languages));
    Value::Object(out)
}

/// The editions of the code tables (spec 5.3a).
pub fn editions() -> Value {
    editions_of(&codes_data::Tables::builtin())
}

/// The editions of `tables` (a pack's, or the built-in ones) as [`editions`] gives them.
pub fn editions_of(tables: &codes_data::Tables) -> Value {
    Value::Array(
        tables
            .editions()
            .iter()
            .map(|e| json!({"table": e.table, "source": e.source, "edition": e.edition, "licence": e.licence, "rows": e.rows}))
            .collect(),
    )
}

pub use crate::values::codes::{country_suggestion, country_suggestion_in};

/// A country by its alpha-2 code, with its names; the pseudo-codes `XX` and `XZ` with their
/// labels. The code as the table writes it (see [`lookup`] for what people type).
///
/// ```
/// let be = cen_rules::lookups::country("BE", codes_data::Lang::En).unwrap();
/// assert_eq!(be["alpha3"], "BEL");
/// ```
pub fn country(code: &str, lang: Lang) -> Option<Value> {
    country_in(&codes_data::Tables::builtin(), code, lang)
}

/// [`country`] in `tables`.
pub fn country_in(tables: &codes_data::Tables, code: &str, lang: Lang) -> Option<Value> {
    if let Some(country) = tables.country(code) {
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
    currency_in(&codes_data::Tables::builtin(), code, lang)
}

/// [`currency`] in `tables`.
pub fn currency_in(tables: &codes_data::Tables, code: &str, lang: Lang) -> Option<Value> {
    tables.currency(code).map(|c| {
        json!({
            "code": c.alpha3(), "numeric": format!("{:03}", c.numeric()), "minor_units": c.minor_units(),
            "fund": c.is_fund(), "special": c.is_special(), "name": c.name(lang), "names": names(|l| c.name(l)),
        })
    })
}

fn airport_json(tables: &codes_data::Tables, airport: codes_data::Airport, lang: Lang) -> Value {
    json!({
        "kind": "airport", "code": airport.iata().or(airport.icao()), "iata": airport.iata(), "icao": airport.icao(),
        "name": airport.name(), "city": airport.city(), "country": airport.country(),
        "country_name": tables.country(airport.country()).map(|c| c.name(lang)),
        "airport": true, "seaport": false, "resolves": true,
    })
}

/// A location code as validation resolves it (spec 2.2): an IATA or ICAO airport, or a
/// UN/LOCODE with its functions and status. A withdrawn UN/LOCODE is found, with
/// `"resolves": false`.
///
/// ```
/// let rotterdam = cen_rules::lookups::location("NLRTM", codes_data::Lang::En).unwrap();
/// assert_eq!(rotterdam["seaport"], true);
/// assert_eq!(rotterdam["country"], "NL");
/// ```
pub fn location(code: &str, lang: Lang) -> Option<Value> {
    location_in(&codes_data::Tables::builtin(), code, lang)
}

/// [`location`] in `tables`.
pub fn location_in(tables: &codes_data::Tables, code: &str, lang: Lang) -> Option<Value> {
    match tables.resolve_location(code) {
        Some(ResolvedLocation::Airport(airport)) => Some(airport_json(tables, airport, lang)),
        Some(ResolvedLocation::UnLocode(entry)) => Some(unlocode_json(tables, entry, lang, true)),
        None => tables
            .unlocode(code)
            .map(|entry| unlocode_json(tables, entry, lang, false)),
    }
}

fn unlocode_json(
    tables: &codes_data::Tables,
    entry: codes_data::UnLocode,
    lang: Lang,
    resolves: bool,
) -> Value {
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
        "country_name": tables.country(entry.country()).map(|c| c.name(lang)),
        "subdivision": entry.subdivision(), "function": entry.function(), "functions": functions, "status": entry.status(),
        "iata": if entry.iata().is_empty() { None } else { Some(entry.iata()) },
        "airport": entry.is_airport(), "seaport": entry.is_seaport(), "withdrawn": entry.is_withdrawn(),
        "remarks": entry.remarks(), "resolves": resolves,
    })
}

/// An airport by IATA (3 letters) or ICAO (4 letters) code.
pub fn airport(code: &str, lang: Lang) -> Option<Value> {
    airport_in(&codes_data::Tables::builtin(), code, lang)
}

/// [`airport`] in `tables`.
pub fn airport_in(tables: &codes_data::Tables, code: &str, lang: Lang) -> Option<Value> {
    let found = if code.len() == 3 {
        tables.airport_by_iata(code)
    } else {
        tables.airport_by_icao(code)
    };
    found.map(|a| airport_json(tables, a, lang))
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
    hs_in_tables(&codes_data::Tables::builtin(), code, edition)
}

/// [`hs_in`] in `tables` (a table pack's HS editions, or the built-in ones).
pub fn hs_in_tables(tables: &codes_data::Tables, code: &str, edition: HsEdition) -> Option<Value> {
    tables.hs_in(code, edition).map(|h| {
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
    hs_correlate_in(&codes_data::Tables::builtin(), code, from, to)
}

/// [`hs_correlate`] in `tables` (a table pack's HS editions and the correlations kept with
/// them, or the built-in ones).
pub fn hs_correlate_in(
    tables: &codes_data::Tables,
    code: &str,
    from: HsEdition,
    to: HsEdition,
) -> Value {
    let Some(code) = normalise(Table::Hs, code) else {
        return Value::Array(Vec::new());
    };
    Value::Array(
        tables
            .hs_correlate(&code, from, to)
            .into_iter()
            .map(|p| json!({"code": p.code, "relationship": p.relationship.as_str()}))
            .collect(),
    )
}

/// The codes of a table closest to a code that was not found, for "did you mean" help:
/// the same length, sharing the longest prefix, then nearest by edit distance.
///
/// `code` is read as [`lookup`] reads it; an unknown table or text that is no code gives none.
///
/// ```
/// assert_eq!(cen_rules::lookups::closest("currency", "eu o", 1), ["EUR"]);
/// ```
pub fn closest(table: &str, code: &str, count: usize) -> Vec<String> {
    closest_in(&codes_data::Tables::builtin(), table, code, count)
}

/// [`closest`] among the countries, currencies, locations and airports of `tables` (a table
/// pack's, spec 7.2); HS codes are the built-in ones.
///
/// ```
/// let pack = codes_data::Tables::from_bytes(&codes_data::Tables::builtin().to_pack_bytes()).unwrap();
/// assert!(cen_rules::lookups::closest_in(&pack, "location", "NLRTN", 3).contains(&"NLRTM".to_owned()));
/// ```
pub fn closest_in(
    tables: &codes_data::Tables,
    table: &str,
    code: &str,
    count: usize,
) -> Vec<String> {
    let Some(code) = table.parse().ok().and_then(|t| normalise(t, code)) else {
        return Vec::new();
    };
    closest_to(tables, table, &code, count)
}

fn closest_to(tables: &codes_data::Tables, table: &str, code: &str, count: usize) -> Vec<String> {
    let candidates: Vec<String> = match table {
        "country" => tables
            .countries()
            .iter()
            .map(|c| c.alpha2().to_owned())
            .collect(),
        "currency" => tables
            .currencies()
            .iter()
            .map(|c| c.alpha3().to_owned())
            .collect(),
        "airport" => (0..tables.airports_len())
            .filter_map(|i| tables.airport_at(i))
            .filter_map(|a| if code.len() == 4 { a.icao() } else { a.iata() })
            .map(str::to_owned)
            .collect(),
        "location" if code.len() == 5 => (0..tables.unlocodes_len())
            .filter_map(|i| tables.unlocode_at(i))
            .filter(|l| {
                !l.is_withdrawn()
                    && code
                        .get(..2)
                        .is_some_and(|c| c.eq_ignore_ascii_case(l.country()))
            })
            .map(|l| l.code().to_owned())
            .collect(),
        "location" => return closest_to(tables, "airport", code, count),
        "hs" => (0..tables.hs_len())
            .filter_map(|i| tables.hs_at(i))
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
    fn labels_name_the_six_languages_in_the_asked_language() {
        // `language` is added by `labels`, so no enumeration of labels.tsv may take its name.
        assert!(!codes_data::enumerations().contains(&"language"));
        for lang in Lang::ALL {
            let names = &labels(lang)["language"];
            let codes: Vec<&str> = names
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(codes, ["en", "fr", "es", "ru", "ar", "pt"]);
            assert_eq!(names[lang.code()], lang.autonym());
        }
        assert_eq!(labels(Lang::Es)["language"]["ar"], "Árabe");
    }

    #[test]
    fn closest_codes_help_with_typos() {
        assert_eq!(closest("currency", "EUO", 1), ["EUR"]);
        assert!(closest("location", "NLRTN", 3).contains(&"NLRTM".to_owned()));
    }
}
