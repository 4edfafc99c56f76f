//! Table packs (spec 7.2): code tables loaded at run time, and validators that check against
//! them. A national system links libcen once and loads a newer UN/LOCODE as a file.

use std::ffi::{c_char, c_int, CStr};
use std::sync::{Arc, OnceLock};

use cen_rules::search::PackIndex;

use cen_rules::Validator;
use codes_data::Tables;

use crate::status::{cen_status, guard, guard_void, Failure};
use crate::text::{give, options_text, out_slot};
use crate::validator::{cen_validator, validator_ref};

/// Code tables loaded from a table pack (spec 7.2). Opaque; load it with `cen_tables_load` or
/// `cen_tables_load_bytes` and free it with `cen_tables_free`.
///
/// Immutable once loaded: any number of threads may create validators from the same tables at
/// once, and a validator keeps its tables after `cen_tables_free`.
pub struct cen_tables {
    inner: Tables,
    /// The search index of the pack's places, built by the first `cen_tables_search_json`.
    index: OnceLock<Option<PackIndex>>,
}

/// The tables behind a handle, or `CEN_ERR_NULL`.
///
/// # Safety
/// `tables` is NULL or a live handle from `cen_tables_load*`.
unsafe fn tables_ref<'a>(tables: *const cen_tables) -> Result<&'a Tables, Failure> {
    // SAFETY: the caller promises a live handle or NULL.
    unsafe { tables.as_ref() }
        .map(|t| &t.inner)
        .ok_or_else(|| Failure::null("tables"))
}

fn pack_failure(error: codes_data::PackError) -> Failure {
    Failure::new(cen_status::CEN_ERR_TABLES, error.to_string())
}

/// A file name as the operating system takes it: any bytes on Unix, UTF-8 elsewhere.
fn path_of(bytes: &[u8]) -> Result<&std::path::Path, Failure> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Ok(std::path::Path::new(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        std::str::from_utf8(bytes)
            .map(std::path::Path::new)
            .map_err(|_| Failure::new(cen_status::CEN_ERR_ARGUMENT, "`path` is not valid UTF-8"))
    }
}

fn hand_out(tables: Tables, slot: &mut *mut cen_tables) {
    *slot = Box::into_raw(Box::new(cen_tables {
        inner: tables,
        index: OnceLock::new(),
    }));
}

/// Loads and checks a table pack file (as `cen tables build` writes it).
///
/// `path` is a NUL-terminated file name (bytes as the operating system takes them). On success
/// `*out` receives the tables, which the caller frees with `cen_tables_free`; on failure `*out`
/// is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `path` or `out` is NULL; `CEN_ERR_TABLES` when the
/// file cannot be read or is not a good pack: too large, truncated, wrong magic, an unknown
/// format version, a checksum that does not match, a structure that points outside its bytes
/// (the message of `cen_last_error()` says which). Nothing else changes: validators keep the
/// tables they have.
///
/// Thread-safe.
///
/// # Safety
/// `path` is NULL or NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_tables_load(path: *const c_char, out: *mut *mut cen_tables) -> c_int {
    guard("cen_tables_load", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        if path.is_null() {
            return Err(Failure::null("path"));
        }
        // SAFETY: `path` is NUL-terminated, as documented.
        let bytes = unsafe { CStr::from_ptr(path) }.to_bytes();
        hand_out(Tables::load(path_of(bytes)?).map_err(pack_failure)?, slot);
        Ok(())
    })
}

/// Loads and checks a table pack held in memory (`len` bytes at `bytes`), for a program that
/// keeps its packs somewhere other than in files. The bytes are copied: the caller may free
/// them afterwards.
///
/// Returns and ownership as `cen_tables_load`; `CEN_ERR_NULL` when `bytes` or `out` is NULL.
///
/// # Safety
/// `bytes` is NULL or readable for `len` bytes; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_tables_load_bytes(
    bytes: *const std::ffi::c_uchar,
    len: usize,
    out: *mut *mut cen_tables,
) -> c_int {
    guard("cen_tables_load_bytes", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        if bytes.is_null() {
            return Err(Failure::null("bytes"));
        }
        if len > codes_data::MAX_PACK_BYTES {
            return Err(pack_failure(codes_data::PackError::TooLarge {
                size: len as u64,
            }));
        }
        // SAFETY: the caller promises `len` readable bytes, and `len` is bounded above.
        let bytes = unsafe { std::slice::from_raw_parts(bytes, len) };
        hand_out(Tables::from_bytes(bytes).map_err(pack_failure)?, slot);
        Ok(())
    })
}

/// Frees tables. NULL is ignored. Validators created with them keep them (they hold their own
/// reference), so a program may free its tables as soon as its validators are made.
///
/// # Safety
/// `tables` is NULL or a handle from `cen_tables_load*` that is not freed yet and that no other
/// thread is using; it must not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn cen_tables_free(tables: *mut cen_tables) {
    if tables.is_null() {
        return;
    }
    guard_void(|| {
        // SAFETY: `tables` comes from `Box::into_raw` in `hand_out` and is freed once.
        drop(unsafe { Box::from_raw(tables) });
    });
}

/// Gives the editions of these tables as a JSON array, in the shape of `cen_editions_json`:
/// the pack's countries, currencies, UN/LOCODE, airports and HS editions, and the tables built
/// in for the rest.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// failure `*out` is set to NULL. Returns `CEN_OK`; `CEN_ERR_NULL` when `tables` or `out` is
/// NULL. Thread-safe.
///
/// # Safety
/// `tables` is NULL or a live handle; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_tables_editions_json(
    tables: *const cen_tables,
    out: *mut *mut c_char,
) -> c_int {
    guard("cen_tables_editions_json", || {
        // SAFETY: as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: as documented.
        let tables = unsafe { tables_ref(tables) }?;
        give(&cen_rules::lookups::editions_of(tables).to_string(), slot)
    })
}

/// Searches a code table (spec 6.2) as `cen_search_json` does, with the places and airports of
/// `tables` (its countries, currencies, places, airports and HS codes, with the names it holds).
///
/// The pack's search index is built by the first search (about a sixth of a second for a full
/// pack) and kept until `cen_tables_free`. On success `*out` receives a new string, freed with
/// `cen_string_free`; on failure `*out` is set to NULL. Returns `CEN_OK`; `CEN_ERR_NULL` when
/// `tables`, `table`, `query` or `out` is NULL; `CEN_ERR_ARGUMENT` for an unknown table;
/// `CEN_ERR_OPTIONS` for options that are not valid. Thread-safe: threads searching the same
/// tables at once wait for one index.
///
/// # Safety
/// `tables` is NULL or a live handle; `table`, `query` and `options_json` are NULL or
/// NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_tables_search_json(
    tables: *const cen_tables,
    table: *const c_char,
    query: *const c_char,
    options_json: *const c_char,
    out: *mut *mut c_char,
) -> c_int {
    guard("cen_tables_search_json", || {
        // SAFETY: as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: as documented.
        let handle = unsafe { tables.as_ref() }.ok_or_else(|| Failure::null("tables"))?;
        // SAFETY: as documented.
        let (table, query, options) =
            unsafe { crate::entry::search_request(table, query, options_json) }?;
        let index = handle
            .index
            .get_or_init(|| cen_rules::search::pack_index(&handle.inner));
        let results = match index {
            Some(index) => index.search(table, &query, &options),
            None => cen_rules::search::search(table, &query, &options),
        };
        give(&serde_json::Value::Array(results).to_string(), slot)
    })
}

/// Creates a validator from the options of spec 5.1 (as `cen_validator_new`) that checks
/// against `tables` instead of the tables built in.
///
/// The options must not also name a pack with the option `tables`. On success `*out` receives
/// a new validator, freed with `cen_validator_free`; it holds its own reference to the tables.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `tables` or `out` is NULL; `CEN_ERR_OPTIONS` as
/// `cen_validator_new`, and when the options also give `tables`.
///
/// Thread-safe: several threads may create validators from the same tables at once.
///
/// # Safety
/// `options_json` is NULL or NUL-terminated; `tables` is NULL or a live handle; `out` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_validator_new_with_tables(
    options_json: *const c_char,
    tables: *const cen_tables,
    out: *mut *mut cen_validator,
) -> c_int {
    guard("cen_validator_new_with_tables", || {
        // SAFETY: as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: as documented.
        let tables = unsafe { tables_ref(tables) }?;
        // SAFETY: as documented.
        let options = match unsafe { options_text(options_json) }? {
            Some(text) => cen_rules::Options::from_json(text),
            None => Ok(cen_rules::Options::default()),
        }
        .map_err(|e| Failure::new(cen_status::CEN_ERR_OPTIONS, e.to_string()))?;
        if options.tables.is_some() {
            return Err(Failure::new(
                cen_status::CEN_ERR_OPTIONS,
                "option `tables`: the tables are given as a handle already; leave the option out",
            ));
        }
        let validator = Validator::new(options)
            .map_err(crate::validator::options_failure)?
            .with_tables(tables.clone());
        *slot = cen_validator::into_raw(Arc::new(validator));
        Ok(())
    })
}

/// Gives the editions of the tables a validator checks against as a JSON array, in the shape
/// of `cen_editions_json`: a pack's when it was made with one.
///
/// Ownership and returns as `cen_tables_editions_json` (`CEN_ERR_NULL` when `v` or `out` is
/// NULL). Thread-safe.
///
/// # Safety
/// `v` is NULL or a live validator; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_validator_editions_json(
    v: *const cen_validator,
    out: *mut *mut c_char,
) -> c_int {
    guard("cen_validator_editions_json", || {
        // SAFETY: as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: as documented.
        let validator = unsafe { validator_ref(v) }?;
        give(
            &cen_rules::lookups::editions_of(validator.tables()).to_string(),
            slot,
        )
    })
}
