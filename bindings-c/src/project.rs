//! The non-nominal projection of spec 2.8: what an nCEN system may send on to CEN.

use std::ffi::{c_char, c_int};

use cen_model::decode::{Fatal, MAX_RECORD_BYTES};

use crate::status::{cen_status, guard, Failure};
use crate::text::{give, out_slot, record_bytes};

/// Gives the non-nominal projection of a record (spec 2.8) as compact JSON text: `persons`,
/// `companies`, `narrative` and every leg's `vehicle_registration` removed, every field that
/// the record does not define removed at any depth, `source` set to `"cen"`, every other field
/// kept in its order. A field given twice keeps its first value.
/// The record is not validated: validate it first (a record with errors should not be sent).
///
/// `record_json` and `len` as in `cen_validate` (`CEN_NUL_TERMINATED` for NUL-terminated text).
///
/// On success `*out_json` receives a new string, which the caller frees with `cen_string_free`;
/// on failure `*out_json` is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `record_json` or `out_json` is NULL; `CEN_ERR_RECORD`
/// when the input cannot be projected because it is not a record: not UTF-8, not JSON, not a
/// JSON object, larger than 1 MiB or nested deeper than 32 levels (the cases of CEN-SCH-001;
/// `cen_last_error()` says which).
///
/// Thread-safe.
///
/// # Safety
/// `record_json` is NULL or readable for `len` bytes (or NUL-terminated when `len` is
/// `CEN_NUL_TERMINATED`); `out_json` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_to_cen(
    record_json: *const c_char,
    len: usize,
    out_json: *mut *mut c_char,
) -> c_int {
    guard("cen_to_cen", || {
        // SAFETY: `out_json` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out_json, "out_json") }?;
        // SAFETY: `record_json` is as documented.
        let bytes = unsafe { record_bytes(record_json, len, "record_json") }?;
        let not_a_record =
            |fatal: Fatal| Failure::new(cen_status::CEN_ERR_RECORD, fatal.to_string());
        // The size is checked before UTF-8, in the order of validation's decoder.
        if bytes.len() > MAX_RECORD_BYTES {
            return Err(not_a_record(Fatal::TooLarge));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| not_a_record(Fatal::NotUtf8))?;
        let projected = cen_model::project::to_cen_json(text).map_err(not_a_record)?;
        give(&projected, slot)
    })
}
