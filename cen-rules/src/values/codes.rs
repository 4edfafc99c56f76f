//! COD: code lists (spec 3). The checks resolve each code once; what resolves is what the other
//! rules compare.

use cen_model::{CommodityArea, Enumeration, ParamValue, Params, Unit};
use codes_data::{Currency, GoodsType, HsEdition, ResolvedLocation};

use crate::definition::{Param, Rule, Severity};
use crate::sink::Sink;

/// CEN-COD-001: a country code is not an ISO 3166-1 alpha-2 code.
pub static COD_001: Rule = Rule {
    id: "CEN-COD-001",
    severity: Severity::Error,
    params: &[Param::as_is("code"), Param::as_is("suggest")],
    summary: "A country code is not an ISO 3166-1 alpha-2 code (XX and XZ are accepted in route, nationality, registration_country and issuing_country, never in reporting_country); `suggest` is the code meant when it is a valid code in lower case or an alias such as UK for GB.",
};
/// CEN-COD-002: a location code does not resolve.
pub static COD_002: Rule = Rule {
    id: "CEN-COD-002",
    severity: Severity::Error,
    params: &[Param::as_is("code")],
    summary: "A location code does not resolve in the IATA, ICAO or UN/LOCODE tables.",
};
/// CEN-COD-003: a currency code is not a current ISO 4217 code.
pub static COD_003: Rule = Rule {
    id: "CEN-COD-003",
    severity: Severity::Error,
    params: &[Param::as_is("code")],
    summary: "A currency code is not a current ISO 4217 code.",
};
/// CEN-COD-004: an HS code has a bad format or chapter.
pub static COD_004: Rule = Rule {
    id: "CEN-COD-004",
    severity: Severity::Error,
    params: &[Param::as_is("code")],
    summary: "An HS code is not 2, 4, 6, 8 or 10 digits, or its chapter is not 01..97 or is 77.",
};
/// CEN-COD-005: an HS heading or subheading is not in the HS edition in force.
pub static COD_005: Rule = Rule {
    id: "CEN-COD-005",
    severity: Severity::Warning,
    params: &[
        Param::as_is("code"),
        Param::as_is("edition"),
        Param::as_is("found_in"),
        Param::as_is("suggest"),
    ],
    summary: "A 4- or 6-digit HS code (or the first 6 digits of a longer one) is not a heading or subheading of the HS edition in force on the seizure date (HS 2012 before 2017, HS 2017 until 2021, HS 2022 from 2022; the newest without a valid date; the option hs_edition overrides).",
};
/// CEN-COD-006: the goods type is not a type of the commodity area.
pub static COD_006: Rule = Rule {
    id: "CEN-COD-006",
    severity: Severity::Error,
    params: &[
        Param::label("commodity", "commodity_area"),
        Param::as_is("type"),
    ],
    summary: "The goods type is not a type of the goods commodity area.",
};
/// CEN-COD-007: the unit is not allowed for the goods type.
pub static COD_007: Rule = Rule {
    id: "CEN-COD-007",
    severity: Severity::Error,
    params: &[
        Param::label("unit", "unit"),
        Param::label("allowed", "unit"),
    ],
    summary: "The unit is not allowed for the goods type.",
};

/// The pseudo-codes of spec 2.6: unknown, international waters.
pub const PSEUDO_COUNTRIES: [&str; 2] = ["XX", "XZ"];

/// CEN-COD-001 on one country field; the code when it is valid there.
pub(crate) fn country<'a>(
    sink: &mut Sink,
    tables: &codes_data::Tables,
    code: &'a str,
    pseudo_allowed: bool,
    path: impl FnOnce() -> String,
) -> Option<&'a str> {
    let pseudo = PSEUDO_COUNTRIES.contains(&code);
    if (pseudo && pseudo_allowed) || (!pseudo && tables.country(code).is_some()) {
        return Some(code);
    }
    let mut params = Params::new().with("code", code);
    let variant = match country_suggestion_in(tables, code, pseudo_allowed) {
        Some(suggest) => {
            params = params.with("suggest", suggest);
            Some("suggest")
        }
        None if pseudo => Some("pseudo"),
        None => None,
    };
    sink.emit_variant(&COD_001, path(), params, variant);
    None
}

/// The code meant by a country code that is not one (CEN-COD-001 `suggest`, spec 3): the
/// same code in upper case when that is valid in the field (`hk` → `HK`; `xx` → `XX` where
/// the pseudo-codes are allowed), or the current code of an alias (`UK` → `GB`, `el` → `GR`;
/// the list is `codes_data::country_aliases()`).
///
/// ```
/// use cen_rules::api::country_suggestion;
/// assert_eq!(country_suggestion("hk", false), Some("HK"));
/// assert_eq!(country_suggestion("UK", false), Some("GB"));
/// assert_eq!(country_suggestion("el", false), Some("GR"));
/// assert_eq!(country_suggestion("xx", true), Some("XX"));
/// assert_eq!(country_suggestion("xx", false), None);
/// assert_eq!(country_suggestion("QQ", false), None);
/// ```
pub fn country_suggestion(code: &str, pseudo_allowed: bool) -> Option<&'static str> {
    country_suggestion_in(&codes_data::Tables::builtin(), code, pseudo_allowed).and_then(|s| {
        // The built-in tables' answers are their static codes (or the aliases' and
        // pseudo-codes').
        codes_data::country(&s)
            .map(|c| c.alpha2())
            .or_else(|| PSEUDO_COUNTRIES.iter().find(|p| **p == s).copied())
    })
}

/// [`country_suggestion`] in `tables` (a table pack's countries): an alias is suggested only
/// when its current code is a country of `tables`.
///
/// ```
/// use cen_rules::api::country_suggestion_in;
/// use codes_data::Tables;
/// assert_eq!(country_suggestion_in(&Tables::builtin(), "UK", false).as_deref(), Some("GB"));
/// ```
pub fn country_suggestion_in(
    tables: &codes_data::Tables,
    code: &str,
    pseudo_allowed: bool,
) -> Option<String> {
    if code.len() != 2 || !code.is_ascii() {
        return None;
    }
    let upper = code.to_ascii_uppercase();
    if let Some(alias) = codes_data::country_alias(&upper) {
        return tables.country(alias.code).map(|_| alias.code.to_owned());
    }
    if upper == code {
        return None;
    }
    if let Some(country) = tables.country(&upper) {
        return Some(country.alpha2().to_owned());
    }
    PSEUDO_COUNTRIES
        .iter()
        .find(|p| pseudo_allowed && **p == upper)
        .map(|p| (*p).to_owned())
}

/// CEN-COD-002 on one location code; the place when it resolves.
pub(crate) fn location<'t>(
    sink: &mut Sink,
    tables: &'t codes_data::Tables,
    code: &str,
    path: impl FnOnce() -> String,
) -> Option<ResolvedLocation<'t>> {
    let resolved = tables.resolve_location(code);
    if resolved.is_none() {
        let withdrawn = code.len() == 5 && tables.unlocode(code).is_some_and(|e| e.is_withdrawn());
        sink.emit_variant(
            &COD_002,
            path(),
            Params::new().with("code", code),
            withdrawn.then_some("withdrawn"),
        );
    }
    resolved
}

/// CEN-COD-003 on one currency code.
pub(crate) fn currency<'t>(
    sink: &mut Sink,
    tables: &'t codes_data::Tables,
    code: &str,
    path: impl FnOnce() -> String,
) -> Option<&'t Currency> {
    let found = tables.currency(code);
    if found.is_none() {
        sink.emit(&COD_003, path(), Params::new().with("code", code));
    }
    found
}

/// CEN-COD-004 and CEN-COD-005 on one HS code, against `edition` (the edition in force) in
/// `tables` (a pack's HS editions and correlations, or the built-in ones).
pub(crate) fn hs(
    sink: &mut Sink,
    tables: &codes_data::Tables,
    code: &str,
    edition: HsEdition,
    path: impl FnOnce() -> String,
) {
    let b = code.as_bytes();
    let well_formed = matches!(b.len(), 2 | 4 | 6 | 8 | 10) && b.iter().all(u8::is_ascii_digit);
    let chapter = if well_formed {
        (b[0] - b'0') * 10 + (b[1] - b'0')
    } else {
        0
    };
    if !well_formed || !(1..=97).contains(&chapter) || chapter == 77 {
        sink.emit(&COD_004, path(), Params::new().with("code", code));
        return;
    }
    let known_part = &code[..code.len().min(6)];
    if known_part.len() < 4 || tables.hs_in(known_part, edition).is_some() {
        return;
    }
    let mut params = Params::new()
        .with("code", code)
        .with("edition", edition.as_str());
    // The newest other edition that has the code, and what the correlation tables make of it
    // in the edition in force.
    let found_in = HsEdition::ALL
        .into_iter()
        .rev()
        .find(|e| tables.hs_in(known_part, *e).is_some());
    let mut variant = None;
    if let Some(found_in) = found_in {
        params = params.with("found_in", found_in.as_str());
        let suggest: Vec<&str> = tables
            .hs_correlate(known_part, found_in, edition)
            .iter()
            .map(|p| p.code)
            .collect();
        if suggest.is_empty() {
            variant = Some("unpaired");
        } else {
            params = params.with("suggest", ParamValue::words(&suggest));
            variant = Some("other_edition");
        }
    }
    sink.emit_variant(&COD_005, path(), params, variant);
}

/// CEN-COD-006 on one goods line; the goods type when the area has it.
pub(crate) fn goods_type(
    sink: &mut Sink,
    area: CommodityArea,
    code: &str,
    line: usize,
) -> Option<&'static GoodsType> {
    let found = codes_data::goods_type(area.as_str(), code);
    if found.is_none() {
        sink.emit(
            &COD_006,
            format!("/goods/{line}/type"),
            Params::new()
                .with("commodity", area.as_str())
                .with("type", code),
        );
    }
    found
}

/// CEN-COD-007 on one goods line.
pub(crate) fn unit(sink: &mut Sink, goods_type: &GoodsType, unit: Unit, line: usize) {
    if !goods_type.allows_unit(unit.as_str()) {
        let params = Params::new()
            .with("unit", unit.as_str())
            .with("allowed", ParamValue::words(goods_type.units()));
        sink.emit(&COD_007, format!("/goods/{line}/unit"), params);
    }
}
