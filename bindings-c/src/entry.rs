//! Data entry (spec 6): the form model and code search, as JSON text.

use std::ffi::{c_char, c_int, CStr};

use cen_rules::search::{SearchOptions, Table};
use cen_rules::Options;

use crate::status::{cen_status, guard, Failure};
use crate::text::{give, options_text, out_slot, word};

/// Gives the form model (spec 6.1) for these options as JSON text: sections in the order of the
/// record, fields with their label, help, kind, limits, `required` and `tier`, allowed values
/// and conditions, byte for byte what every surface gives.
///
/// `options_json` is the options of spec 5.1 (`form`, `source`, `lang`, `profile`) as a
/// NUL-terminated UTF-8 string, or NULL for the defaults.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// failure `*out` is set to NULL. Returns `CEN_OK`; `CEN_ERR_NULL` when `out` is NULL;
/// `CEN_ERR_OPTIONS` for options that are not valid (a malformed profile included).
/// Thread-safe.
///
/// # Safety
/// `options_json` is NULL or NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_form_model_json(
    options_json: *const c_char,
    out: *mut *mut c_char,
) -> c_int {
    guard("cen_form_model_json", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: `options_json` is NULL or NUL-terminated, as documented.
        let options = match unsafe { options_text(options_json) }? {
            Some(text) => Options::from_json(text)
                .map_err(|e| Failure::new(cen_status::CEN_ERR_OPTIONS, e.to_string()))?,
            None => Options::default(),
        };
        give(&cen_rules::form_model_json(&options), slot)
    })
}

/// Searches a code table (spec 6.2) and gives the results, best first, as a JSON array, byte
/// for byte what every surface gives.
///
/// `table` is `"location"` (UN/LOCODE and airports), `"airport"`, `"seaport"`, `"country"`,
/// `"currency"` or `"hs"`. `query` is a code or its beginning, or words of a name in any of
/// the six languages (case and diacritics ignored); any text is a query (bytes that are not
/// UTF-8 are read as U+FFFD), and one that matches nothing gives `[]`. `options_json` is
/// `{"lang": "fr", "country": "BR", "limit": 5}` (all optional), or NULL for the defaults
/// (English, every country, 10 results). All three are NUL-terminated.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// failure `*out` is set to NULL. Returns `CEN_OK`; `CEN_ERR_NULL` when `table`, `query` or
/// `out` is NULL; `CEN_ERR_ARGUMENT` for an unknown table; `CEN_ERR_OPTIONS` for options that
/// are not valid. Thread-safe (the index is built once, on the first search).
///
/// # Safety
/// `table` and `query` are NULL or NUL-terminated; `options_json` is NULL or NUL-terminated;
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_search_json(
    table: *const c_char,
    query: *const c_char,
    options_json: *const c_char,
    out: *mut *mut c_char,
) -> c_int {
    guard("cen_search_json", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: as documented.
        let (table, query, options) = unsafe { search_request(table, query, options_json) }?;
        let results = cen_rules::search::search(table, &query, &options);
        give(&serde_json::Value::Array(results).to_string(), slot)
    })
}

/// The table, query and options of a search, as `cen_search_json` documents them.
///
/// # Safety
/// `table`, `query` and `options_json` are NULL or NUL-terminated.
pub(crate) unsafe fn search_request(
    table: *const c_char,
    query: *const c_char,
    options_json: *const c_char,
) -> Result<(Table, String, SearchOptions), Failure> {
    // SAFETY: `table` is NULL or NUL-terminated, as the caller promises.
    let name = unsafe { word(table, "table") }?;
    let table = Table::from_name(name).ok_or_else(|| {
        Failure::new(
            cen_status::CEN_ERR_ARGUMENT,
            format!("unknown table `{name}` (tables: location, airport, seaport, country, currency, hs)"),
        )
    })?;
    if query.is_null() {
        return Err(Failure::null("query"));
    }
    // SAFETY: `query` is NUL-terminated, as the caller promises.
    let query = unsafe { CStr::from_ptr(query) }
        .to_string_lossy()
        .into_owned();
    // SAFETY: `options_json` is NULL or NUL-terminated, as the caller promises.
    let options = match unsafe { options_text(options_json) }? {
        Some(text) => SearchOptions::from_json(text)
            .map_err(|e| Failure::new(cen_status::CEN_ERR_OPTIONS, e.to_string()))?,
        None => SearchOptions::default(),
    };
    Ok((table, query, options))
}
