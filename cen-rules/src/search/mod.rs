//! Code search (spec 6.2): finding codes by what people know, a place's or an airport's name,
//! a city, a country's or a currency's name in any of the six languages, words of an HS
//! description, or the beginning of a code.
//!
//! ```
//! use cen_rules::search::{search, SearchOptions, Table};
//! let found = search(Table::Location, "Santos", &SearchOptions::default());
//! assert!(found.iter().any(|r| r["code"] == "BRSSZ"));
//! let found = search(Table::Country, "Allemagne", &SearchOptions::default());
//! assert_eq!(found[0]["code"], "DE");
//! ```
//!
//! # Matching and ranking
//!
//! A query matches an entry by code when the query, without spaces (and dots for HS), is the
//! beginning of one of the entry's codes; it matches by name when every word of the query is
//! the beginning of a word of the entry's names (case and diacritics ignored, see [`words`]).
//! Results are ordered by class (an exact code, then a code prefix, then names whose first word
//! starts with the query's first word, then other name matches), then by the entry's weight
//! (highest first, see [`weight_of_unlocode`] and [`weight_of_airport`]), then by code. The
//! order is total, so every surface gives the same list.
//!
//! The index is built once from the tables and a [`NameSource`] (the built-in texts natively;
//! in WebAssembly the names file that `loadNames()` reads): see [`SearchIndex`].

mod fold;
mod fold_table;
mod index;
mod names;

use std::sync::OnceLock;

use codes_data::{HsEdition, Lang, Tables};
use serde_json::{json, Map, Value};
use thiserror::Error;

pub use fold::words;
pub use names::{BuiltInNames, NameSource, TablesNames};

use index::{Builder, Code, Entry, Index, Item};

/// A table that search covers (spec 6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// UN/LOCODE entries and airports together.
    Location,
    /// Airports (IATA and ICAO codes).
    Airport,
    /// UN/LOCODE entries with function 1 (port).
    Seaport,
    /// ISO 3166-1 countries.
    Country,
    /// ISO 4217 currencies.
    Currency,
    /// Harmonized System chapters, headings and subheadings.
    Hs,
}

impl Table {
    /// Every table, in the order of spec 6.2.
    pub const ALL: [Table; 6] = [
        Table::Location,
        Table::Airport,
        Table::Seaport,
        Table::Country,
        Table::Currency,
        Table::Hs,
    ];

    /// The table's name: `location`, `airport`, `seaport`, `country`, `currency`, `hs`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Location => "location",
            Table::Airport => "airport",
            Table::Seaport => "seaport",
            Table::Country => "country",
            Table::Currency => "currency",
            Table::Hs => "hs",
        }
    }

    /// The table of a name (exact, lower case).
    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Why a search could not run: only its table or its options, never its query.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SearchError {
    /// A table that search does not cover.
    #[error("unknown table `{0}` (tables: location, airport, seaport, country, currency, hs)")]
    UnknownTable(String),
    /// The options are not JSON.
    #[error("the search options are not valid JSON: {0}")]
    NotJson(String),
    /// The options are not a JSON object.
    #[error("the search options must be a JSON object")]
    NotObject,
    /// An option search does not know.
    #[error("unknown search option `{0}` (known options: lang, country, limit, hs_edition)")]
    UnknownOption(String),
    /// An option with a value it cannot take.
    #[error("search option `{option}`: {problem}")]
    BadValue {
        /// The option.
        option: &'static str,
        /// What is wrong.
        problem: String,
    },
}

/// The default number of results.
pub const DEFAULT_LIMIT: usize = 10;
/// The largest number of results; a larger `limit` gives this many.
pub const MAX_LIMIT: usize = 100;
/// Queries are read up to this many bytes (at a character boundary); the rest is ignored.
pub const MAX_QUERY_BYTES: usize = 256;
/// At most this many words of a query are used.
pub const MAX_QUERY_WORDS: usize = 8;

/// The options of a search (spec 6.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// The language of country and currency names in the results.
    pub lang: Lang,
    /// Only entries of this country (ISO 3166-1 alpha-2, any case); ignored by the currency and
    /// HS tables, which have no country.
    pub country: Option<String>,
    /// The number of results, at most [`MAX_LIMIT`].
    pub limit: usize,
    /// The HS edition searched; the newest when absent.
    pub hs_edition: Option<HsEdition>,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            lang: Lang::En,
            country: None,
            limit: DEFAULT_LIMIT,
            hs_edition: None,
        }
    }
}

impl SearchOptions {
    /// Reads options from JSON text: `{"lang": "fr", "country": "BR", "limit": 5}`; `null`
    /// means the defaults.
    ///
    /// ```
    /// use cen_rules::search::SearchOptions;
    /// assert_eq!(SearchOptions::from_json(r#"{"limit": 500}"#).unwrap().limit, 100);
    /// assert!(SearchOptions::from_json(r#"{"limit": -1}"#).is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<SearchOptions, SearchError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| SearchError::NotJson(e.to_string()))?;
        SearchOptions::from_value(&value)
    }

    /// Reads options from a JSON value (`null` values mean absent).
    pub fn from_value(value: &Value) -> Result<SearchOptions, SearchError> {
        let mut options = SearchOptions::default();
        let fields = match value {
            Value::Null => return Ok(options),
            Value::Object(fields) => fields,
            _ => return Err(SearchError::NotObject),
        };
        for (key, value) in fields {
            let bad = |option: &'static str, problem: &str| SearchError::BadValue {
                option,
                problem: problem.to_owned(),
            };
            match (key.as_str(), value) {
                (_, Value::Null) => {}
                ("lang", Value::String(code)) => {
                    options.lang = Lang::from_code(code)
                        .ok_or_else(|| bad("lang", "expected one of en, fr, es, ru, ar, pt"))?;
                }
                ("lang", _) => return Err(bad("lang", "expected one of en, fr, es, ru, ar, pt")),
                ("country", Value::String(code)) => {
                    options.country = Some(code.trim().to_ascii_uppercase());
                }
                ("country", _) => {
                    return Err(bad("country", "expected an ISO 3166-1 alpha-2 code"))
                }
                ("limit", Value::Number(n)) => {
                    let n = n
                        .as_u64()
                        .ok_or_else(|| bad("limit", "expected a whole number from 0 to 100"))?;
                    options.limit = usize::try_from(n).unwrap_or(MAX_LIMIT).min(MAX_LIMIT);
                }
                ("limit", _) => return Err(bad("limit", "expected a whole number from 0 to 100")),
                ("hs_edition", Value::String(edition)) => {
                    options.hs_edition =
                        Some(crate::api::hs_edition(edition).map_err(|e| bad("hs_edition", &e))?);
                }
                ("hs_edition", _) => {
                    return Err(bad("hs_edition", "expected an edition such as \"2022\""))
                }
                (other, _) => return Err(SearchError::UnknownOption(other.to_owned())),
            }
        }
        Ok(options)
    }
}

/// The newest HS edition, as options name it (`"2022"`).
pub fn hs_edition() -> &'static str {
    HsEdition::NEWEST.as_str()
}

/// The weight of an entry: among matches of the same class, a higher weight comes first.
///
/// | entry | weight |
/// |---|---|
/// | active UN/LOCODE entry (status `A…` or `RL`) | 3 + the number of its functions (4..11) |
/// | airport with an IATA code | 5 |
/// | airport with an ICAO code only | 2 |
/// | other UN/LOCODE entry (requested, unverified, ...) | 1 |
/// | currency | 2; a fund 1; a special code (`X…` metals, SDR, test) 0 |
/// | country, HS entry | 0 (code order) |
///
/// Withdrawn UN/LOCODE entries are not searched: they do not resolve, so a form must not offer
/// them.
pub fn weight_of_unlocode(status: &str, function: &str) -> u8 {
    if status.starts_with('A') || status == "RL" {
        let functions = function
            .bytes()
            .filter(|b| !matches!(b, b'-' | b'0'))
            .count();
        3 + functions.min(8) as u8
    } else {
        1
    }
}

/// Airport weight (see [`weight_of_unlocode`]).
pub fn weight_of_airport(has_iata: bool) -> u8 {
    if has_iata {
        5
    } else {
        2
    }
}

/// Every table's index, with the names it was built from.
pub struct SearchIndex<N: NameSource> {
    names: N,
    /// The tables whose entries the index holds (spec 7.2).
    tables: Tables,
    places: Index,
    countries: Index,
    currencies: Index,
    /// One index per HS edition, oldest first (`HsEdition::ALL`).
    hs: Vec<Index>,
}

impl<N: NameSource> std::fmt::Debug for SearchIndex<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("bytes", &self.heap_bytes())
            .finish()
    }
}

impl<N: NameSource> SearchIndex<N> {
    /// Builds the index of every table from the built-in code tables and `names`.
    pub fn build(names: N) -> SearchIndex<N> {
        SearchIndex::build_with(Tables::builtin(), names)
    }

    /// Builds the index of every table with the entries of `tables` (a table pack, spec 7.2)
    /// and the texts of `names`, whose entries are those of `tables` (see [`TablesNames`]).
    pub fn build_with(tables: Tables, names: N) -> SearchIndex<N> {
        let mut places = Builder::new();
        for i in 0..tables.unlocodes_len() {
            let Some(entry) = tables.unlocode_at(i) else {
                continue;
            };
            if entry.is_withdrawn() {
                continue;
            }
            places.entry(
                Entry {
                    item: Item::UnLocode(i as u32),
                    code: Code::new(entry.code()),
                    country: Code::new(entry.country()),
                    weight: weight_of_unlocode(entry.status(), entry.function()),
                    seaport: entry.is_seaport(),
                },
                &[entry.code()],
                &[names.unlocode_name(i)],
                &[],
            );
        }
        for i in 0..tables.airports_len() {
            let Some(airport) = tables.airport_at(i) else {
                continue;
            };
            let codes = [airport.iata().unwrap_or(""), airport.icao().unwrap_or("")];
            places.entry(
                Entry {
                    item: Item::Airport(i as u32),
                    code: Code::new(airport.iata().or(airport.icao()).unwrap_or("")),
                    country: Code::new(airport.country()),
                    weight: weight_of_airport(airport.iata().is_some()),
                    seaport: false,
                },
                &codes,
                &[names.airport_name(i)],
                &[names.airport_city(i)],
            );
        }
        let mut countries = Builder::new();
        for (i, country) in tables.countries().iter().enumerate() {
            let names: Vec<&str> = Lang::ALL.iter().map(|l| country.name(*l)).collect();
            countries.entry(
                Entry {
                    item: Item::Country(i as u16),
                    code: Code::new(country.alpha2()),
                    country: Code::new(country.alpha2()),
                    weight: 0,
                    seaport: false,
                },
                &[country.alpha2(), country.alpha3()],
                &names,
                &[],
            );
        }
        let mut currencies = Builder::new();
        for (i, currency) in tables.currencies().iter().enumerate() {
            let names: Vec<&str> = Lang::ALL.iter().map(|l| currency.name(*l)).collect();
            let weight = if currency.is_special() {
                0
            } else if currency.is_fund() {
                1
            } else {
                2
            };
            currencies.entry(
                Entry {
                    item: Item::Currency(i as u16),
                    code: Code::new(currency.alpha3()),
                    country: Code::default(),
                    weight,
                    seaport: false,
                },
                &[currency.alpha3()],
                &names,
                &[],
            );
        }
        let hs = HsEdition::ALL
            .iter()
            .map(|edition| {
                let mut hs = Builder::new();
                for i in 0..tables.hs_len() {
                    let Some(entry) = tables.hs_at(i).and_then(|h| h.in_edition(*edition)) else {
                        continue;
                    };
                    hs.entry(
                        Entry {
                            item: Item::Hs(i as u32, *edition),
                            code: Code::new(entry.code()),
                            country: Code::default(),
                            weight: 0,
                            seaport: false,
                        },
                        &[entry.code()],
                        &[names.hs_description(i, *edition)],
                        &[],
                    );
                }
                hs.finish()
            })
            .collect();
        SearchIndex {
            names,
            tables,
            places: places.finish(),
            countries: countries.finish(),
            currencies: currencies.finish(),
            hs,
        }
    }

    /// The names the index was built from.
    pub fn names(&self) -> &N {
        &self.names
    }

    /// The memory the index holds besides its names, in bytes (reported in BENCHMARKS.md).
    pub fn heap_bytes(&self) -> usize {
        [&self.places, &self.countries, &self.currencies]
            .into_iter()
            .chain(&self.hs)
            .map(Index::heap_bytes)
            .sum()
    }

    /// Searches one table (spec 6.2). Never fails and never panics, whatever the query: a query
    /// that matches nothing gives an empty list.
    pub fn search(&self, table: Table, query: &str, options: &SearchOptions) -> Vec<Value> {
        let mut cut = query.len().min(MAX_QUERY_BYTES);
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        let query = &query[..cut];
        let code_query: String = query
            .chars()
            .filter(|c| !(c.is_whitespace() || (table == Table::Hs && *c == '.')))
            .collect::<String>()
            .to_ascii_uppercase();
        let code_query = if code_query.bytes().all(|b| b.is_ascii_alphanumeric()) {
            code_query
        } else {
            String::new()
        };
        let country = options
            .country
            .as_deref()
            .filter(|_| !matches!(table, Table::Currency | Table::Hs));
        let in_country = |e: &Entry| country.is_none_or(|c| e.country.as_str() == c);
        let index = match table {
            Table::Location | Table::Airport | Table::Seaport => &self.places,
            Table::Country => &self.countries,
            Table::Currency => &self.currencies,
            Table::Hs => {
                let edition = options.hs_edition.unwrap_or(HsEdition::NEWEST);
                let slot = HsEdition::ALL
                    .iter()
                    .position(|e| *e == edition)
                    .unwrap_or(0);
                &self.hs[slot]
            }
        };
        let keep: Box<dyn Fn(&Entry) -> bool> = match table {
            Table::Airport => Box::new(|e| matches!(e.item, Item::Airport(_)) && in_country(e)),
            Table::Seaport => Box::new(|e| e.seaport && in_country(e)),
            _ => Box::new(in_country),
        };
        index
            .find(query, &code_query, &*keep, options.limit.min(MAX_LIMIT))
            .into_iter()
            .map(|e| self.result(table, &index.entries[e as usize], options.lang))
            .collect()
    }

    fn result(&self, table: Table, entry: &Entry, lang: Lang) -> Value {
        let country_name = |code: &str| {
            self.tables
                .country(code)
                .map_or(Value::Null, |c| c.name(lang).into())
        };
        let mut out = Map::new();
        out.insert("table".into(), table.name().into());
        out.insert("code".into(), entry.code.as_str().into());
        match entry.item {
            Item::UnLocode(i) => {
                let i = i as usize;
                out.insert("name".into(), self.names.unlocode_name(i).into());
                out.insert("country".into(), entry.country.as_str().into());
                out.insert("country_name".into(), country_name(entry.country.as_str()));
                let unlocode = self.tables.unlocode_at(i);
                let function = unlocode.map_or("", |u| u.function());
                let functions: Vec<Value> = function
                    .chars()
                    .filter(|c| *c != '-')
                    .map(|c| {
                        let key = c.to_string();
                        let label =
                            codes_data::label("location_function", &key, lang).unwrap_or("");
                        json!({"code": key, "label": label})
                    })
                    .collect();
                out.insert("kind".into(), "unlocode".into());
                out.insert("iata".into(), Value::Null);
                out.insert("icao".into(), Value::Null);
                out.insert("city".into(), Value::Null);
                out.insert(
                    "subdivision".into(),
                    self.names.unlocode_subdivision(i).into(),
                );
                out.insert("function".into(), function.into());
                out.insert("functions".into(), Value::Array(functions));
            }
            Item::Airport(i) => {
                let i = i as usize;
                let airport = self.tables.airport_at(i);
                out.insert("name".into(), self.names.airport_name(i).into());
                out.insert("country".into(), entry.country.as_str().into());
                out.insert("country_name".into(), country_name(entry.country.as_str()));
                out.insert("kind".into(), "airport".into());
                out.insert("iata".into(), airport.and_then(|a| a.iata()).into());
                out.insert("icao".into(), airport.and_then(|a| a.icao()).into());
                out.insert("city".into(), self.names.airport_city(i).into());
                out.insert("subdivision".into(), Value::Null);
                out.insert("function".into(), Value::Null);
                out.insert("functions".into(), Value::Array(Vec::new()));
            }
            Item::Country(i) => {
                let name = self
                    .tables
                    .countries()
                    .get(i as usize)
                    .map_or("", |c| c.name(lang));
                out.insert("name".into(), name.into());
                out.insert("country".into(), entry.code.as_str().into());
                out.insert("country_name".into(), name.into());
                out.insert(
                    "alpha3".into(),
                    self.tables
                        .countries()
                        .get(i as usize)
                        .map(|c| c.alpha3())
                        .into(),
                );
            }
            Item::Currency(i) => {
                let currency = self.tables.currencies().get(i as usize);
                out.insert("name".into(), currency.map_or("", |c| c.name(lang)).into());
                out.insert("country".into(), Value::Null);
                out.insert("country_name".into(), Value::Null);
                out.insert(
                    "minor_units".into(),
                    currency.and_then(|c| c.minor_units()).into(),
                );
            }
            Item::Hs(i, edition) => {
                let i = i as usize;
                out.insert("name".into(), self.names.hs_description(i, edition).into());
                out.insert("country".into(), Value::Null);
                out.insert("country_name".into(), Value::Null);
                out.insert("edition".into(), edition.as_str().into());
                out.insert(
                    "level".into(),
                    self.tables.hs_at(i).map(|h| h.level()).into(),
                );
            }
        }
        Value::Object(out)
    }
}

/// The index of the built-in tables and names, built on first use.
pub fn built_in() -> &'static SearchIndex<BuiltInNames> {
    static INDEX: OnceLock<SearchIndex<BuiltInNames>> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(BuiltInNames))
}

/// Searches a table of the built-in tables (spec 6.2): the results as JSON objects, best
/// first. See the [module documentation](self) for matching and ranking.
pub fn search(table: Table, query: &str, options: &SearchOptions) -> Vec<Value> {
    built_in().search(table, query, options)
}

/// The index of a table pack's places and HS editions (spec 7.2), with the built-in texts for
/// what the pack has no text of.
pub type PackIndex = SearchIndex<TablesNames<BuiltInNames>>;

/// The index that searches `tables`: `None` for the built-in tables, whose index is
/// [`built_in`]; else one built for the pack (about a sixth of a second for a full pack, as the
/// built-in one: BENCHMARKS.md).
pub fn pack_index(tables: &Tables) -> Option<PackIndex> {
    (!tables.is_builtin()).then(|| {
        SearchIndex::build_with(
            tables.clone(),
            TablesNames::new(tables.clone(), BuiltInNames),
        )
    })
}

/// [`search`] with the table named and options as JSON text (`null` or empty for the
/// defaults), as the surfaces take them; the results as a JSON array.
///
/// ```
/// let json = cen_rules::search::search_json("currency", "euro", Some(r#"{"limit": 1}"#)).unwrap();
/// assert!(json.starts_with(r#"[{"table":"currency","code":"EUR""#));
/// ```
pub fn search_json(table: &str, query: &str, options: Option<&str>) -> Result<String, SearchError> {
    search_json_in(built_in(), table, query, options)
}

/// [`search_json`] in `index` (a pack's: [`pack_index`]).
pub fn search_json_in<N: NameSource>(
    index: &SearchIndex<N>,
    table: &str,
    query: &str,
    options: Option<&str>,
) -> Result<String, SearchError> {
    let table =
        Table::from_name(table).ok_or_else(|| SearchError::UnknownTable(table.to_owned()))?;
    let options = match options.map(str::trim) {
        None | Some("") => SearchOptions::default(),
        Some(text) => SearchOptions::from_json(text)?,
    };
    Ok(Value::Array(index.search(table, query, &options)).to_string())
}

#[cfg(test)]
mod tests;
