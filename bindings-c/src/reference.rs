//! Reference data, what a host reads besides reports: the version, the rule catalogue and the
//! table editions (spec 5.3a), the JSON Schema, the labels of every enumeration and the code
//! look-ups (spec 5.3b).

use std::ffi::{c_char, c_int, CStr};

use cen_rules::lookups::{self, Table};
use cen_rules::Lang;

use crate::status::{cen_status, guard, Failure};
use crate::text::{give, out_slot, word};

/// cbindgen:ignore
const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(version) => version,
        Err(_) => panic!("the package version has no NUL byte"),
    };

/// The version of the library that is running, such as `"0.1.0"` (compare with the header's
/// `CEN_VERSION_STRING` to detect a header and library that do not match).
///
/// The string is static: never free it. Thread-safe; never NULL.
#[no_mangle]
pub extern "C" fn cen_version() -> *const c_char {
    VERSION.as_ptr()
}

/// Runs a call that hands one JSON value to the caller through `out`.
///
/// # Safety
/// `out` is NULL or writable.
unsafe fn give_json(
    function: &str,
    out: *mut *mut c_char,
    value: impl FnOnce() -> Result<String, Failure>,
) -> c_int {
    guard(function, || {
        // SAFETY: forwarded from the caller.
        let slot = unsafe { out_slot(out, "out") }?;
        give(&value()?, slot)
    })
}

/// A language code, or English for NULL.
///
/// # Safety
/// `lang` is NULL or NUL-terminated.
unsafe fn lang(lang: *const c_char) -> Result<Lang, Failure> {
    if lang.is_null() {
        return Ok(Lang::En);
    }
    // SAFETY: forwarded from the caller.
    let code = unsafe { word(lang, "lang") }?;
    cen_rules::parse_lang(code)
        .map_err(|e| Failure::new(cen_status::CEN_ERR_ARGUMENT, e.to_string()))
}

/// Gives the rule catalogue as JSON text (spec 5.3a): for every rule its id, group, default
/// severity, params, and message template in each of the six languages, as every surface
/// exports it.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// failure `*out` is set to NULL. Returns `CEN_OK`; `CEN_ERR_NULL` when `out` is NULL.
/// Thread-safe.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_rules_json(out: *mut *mut c_char) -> c_int {
    // SAFETY: as documented.
    unsafe {
        give_json("cen_rules_json", out, || {
            Ok(cen_rules::catalogue_json().to_string())
        })
    }
}

/// Gives the editions of the embedded code tables as a JSON array (spec 5.3a): for each table
/// its name, source, edition, licence and number of rows.
///
/// Ownership, returns and thread-safety as `cen_rules_json`.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_editions_json(out: *mut *mut c_char) -> c_int {
    // SAFETY: as documented.
    unsafe {
        give_json("cen_editions_json", out, || {
            Ok(lookups::editions().to_string())
        })
    }
}

/// Gives the JSON Schema of the record (the same document as `cen schema`).
///
/// Ownership, returns and thread-safety as `cen_rules_json`.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_schema_json(out: *mut *mut c_char) -> c_int {
    // SAFETY: as documented.
    unsafe {
        give_json("cen_schema_json", out, || {
            Ok(cen_model::schema::schema().to_string())
        })
    }
}

/// Gives the labels of every enumeration's values in one language, as a JSON object:
/// `{"unit": {"kg": "Kilograms (kg)", ...}, "field": {...}, ...}` (spec 2.9).
///
/// `lang` is `"en"`, `"fr"`, `"es"`, `"ru"`, `"ar"` or `"pt"`, NUL-terminated; NULL means
/// English.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// failure `*out` is set to NULL. Returns `CEN_OK`; `CEN_ERR_NULL` when `out` is NULL;
/// `CEN_ERR_ARGUMENT` for an unknown language. Thread-safe.
///
/// # Safety
/// `lang` is NULL or NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_labels_json(lang: *const c_char, out: *mut *mut c_char) -> c_int {
    // SAFETY: as documented.
    unsafe {
        give_json("cen_labels_json", out, || {
            Ok(lookups::labels(self::lang(lang)?).to_string())
        })
    }
}

/// Looks up a code in one of the embedded tables and gives what is known of it as a JSON
/// object, the same on every surface.
///
/// `table` is `"country"` (ISO 3166-1 alpha-2, and the pseudo-codes `XX`, `XZ`), `"currency"`
/// (ISO 4217), `"location"` (an airport's IATA or ICAO code or a UN/LOCODE, as validation
/// resolves it; a withdrawn UN/LOCODE is found with `"resolves": false`), `"airport"` (IATA or
/// ICAO) or `"hs"` (a Harmonized System chapter, heading or subheading; descriptions in
/// English). `code` is the code as a person types it, read as on every surface (spec 5.3b):
/// letters upper-cased, spaces ignored, and dots ignored in HS codes (`"nl rtm"` finds `NLRTM`,
/// `"2402.20"` finds `240220`); text that is no code (not UTF-8, over 256 bytes, control
/// characters) is found in no table. `lang` is the language of the names, or NULL for English.
/// All three are NUL-terminated.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// any failure `*out` is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NOT_FOUND` when the table has no such code; `CEN_ERR_NULL` when
/// `table`, `code` or `out` is NULL; `CEN_ERR_ARGUMENT` for an unknown table or language.
/// Thread-safe.
///
/// # Safety
/// `table`, `code` and `lang` are NULL or NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_lookup_json(
    table: *const c_char,
    code: *const c_char,
    lang: *const c_char,
    out: *mut *mut c_char,
) -> c_int {
    // SAFETY: as documented.
    unsafe {
        give_json("cen_lookup_json", out, || {
            let table: Table =
                word(table, "table")?
                    .parse()
                    .map_err(|e: lookups::UnknownTable| {
                        Failure::new(cen_status::CEN_ERR_ARGUMENT, e.to_string())
                    })?;
            let code = code_text(code)?;
            let lang = self::lang(lang)?;
            let found = code
                .as_deref()
                .ok()
                .and_then(|code| lookups::lookup(table, code, lang));
            found.map(|value| value.to_string()).ok_or_else(|| {
                let shown = match &code {
                    Ok(code) => code.as_str(),
                    Err(lossy) => lossy.as_str(),
                };
                Failure::new(
                    cen_status::CEN_ERR_NOT_FOUND,
                    format!("no {table} has the code `{shown}`"),
                )
            })
        })
    }
}

/// Gives the codes of HS edition `to` that UNSD's correlation tables pair with `code` of
/// edition `from` (spec 7.1), as a JSON array sorted by code, each with its relationship read
/// from `from` to `to`: `[{"code": "851713", "relationship": "1:n"}, ...]` for `851712` from
/// `"2017"` to `"2022"`. Between 2012 and 2022 the pairs go through HS 2017; a heading pairs
/// through its subheadings. An empty array when `from` has no such code. Spaces and dots in
/// `code` are ignored (`"8517.12"`). All three are NUL-terminated; the editions are `"2012"`,
/// `"2017"` or `"2022"`.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// any failure `*out` is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when an argument is NULL; `CEN_ERR_ARGUMENT` for an edition
/// that is not one of the three (the message says which). Thread-safe.
///
/// # Safety
/// `code`, `from` and `to` are NULL or NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_hs_correlate_json(
    code: *const c_char,
    from: *const c_char,
    to: *const c_char,
    out: *mut *mut c_char,
) -> c_int {
    // SAFETY: as documented.
    unsafe {
        give_json("cen_hs_correlate_json", out, || {
            let code = word(code, "code")?;
            let edition = |text: *const c_char, name: &str| -> Result<_, Failure> {
                let text = word(text, name)?;
                lookups::hs_edition(text)
                    .map_err(|problem| Failure::new(cen_status::CEN_ERR_ARGUMENT, problem))
            };
            let from = edition(from, "from")?;
            let to = edition(to, "to")?;
            Ok(lookups::hs_correlate(code, from, to).to_string())
        })
    }
}

/// The code of a look-up: its text, or (`Err`) its text with replacement characters when it is
/// not UTF-8, which no table holds.
///
/// # Safety
/// `code` is NULL or NUL-terminated.
unsafe fn code_text(code: *const c_char) -> Result<Result<String, String>, Failure> {
    if code.is_null() {
        return Err(Failure::null("code"));
    }
    // SAFETY: forwarded from the caller.
    let bytes = unsafe { CStr::from_ptr(code) }.to_bytes();
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => Err(String::from_utf8_lossy(bytes).into_owned()),
    })
}
