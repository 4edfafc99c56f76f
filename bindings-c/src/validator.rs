//! The validator: created once from options, shared by any number of threads, and the calls
//! that validate one record with it.

use std::ffi::{c_char, c_int};
use std::sync::Arc;

use cen_rules::{Report, Validator};

use crate::report::{cen_report, cen_summary, summary_of};
use crate::status::{cen_status, guard, Failure};
use crate::text::{give_report, options_text, out_slot, record_bytes};

/// A validator: the options of spec 5.1, read once. Opaque; create it with
/// `cen_validator_new` and free it with `cen_validator_free`.
pub struct cen_validator {
    /// Shared with the batches made from it, which may outlive the handle.
    inner: Arc<Validator>,
}

impl cen_validator {
    /// A new handle for `validator`, freed with `cen_validator_free`.
    pub(crate) fn into_raw(validator: Arc<Validator>) -> *mut cen_validator {
        Box::into_raw(Box::new(cen_validator { inner: validator }))
    }
}

/// The validator behind a handle, or `CEN_ERR_NULL`.
///
/// # Safety
/// `v` is NULL or a live handle from `cen_validator_new`.
pub(crate) unsafe fn validator_ref<'a>(v: *const cen_validator) -> Result<&'a Validator, Failure> {
    // SAFETY: forwarded from the caller.
    unsafe { validator(v) }
}

/// As [`validator_ref`].
///
/// # Safety
/// As [`validator_ref`].
unsafe fn validator<'a>(v: *const cen_validator) -> Result<&'a Validator, Failure> {
    // SAFETY: the caller promises a live handle or NULL.
    unsafe { v.as_ref() }
        .map(|v| &*v.inner)
        .ok_or_else(|| Failure::null("v"))
}

/// The validator behind a handle, shared (for a batch that may outlive the handle).
///
/// # Safety
/// As [`validator`].
pub(crate) unsafe fn shared_validator(v: *const cen_validator) -> Result<Arc<Validator>, Failure> {
    // SAFETY: the caller promises a live handle or NULL.
    unsafe { v.as_ref() }
        .map(|v| Arc::clone(&v.inner))
        .ok_or_else(|| Failure::null("v"))
}

/// Validates one record given as `(pointer, length)`.
///
/// # Safety
/// As [`record_bytes`] and [`validator`].
unsafe fn validate(
    v: *const cen_validator,
    record_json: *const c_char,
    len: usize,
) -> Result<Report, Failure> {
    // SAFETY: forwarded from the caller.
    let validator = unsafe { validator(v) }?;
    // SAFETY: forwarded from the caller.
    let bytes = unsafe { record_bytes(record_json, len, "record_json") }?;
    Ok(validator.validate_bytes(bytes))
}

/// Creates a validator from the options of spec 5.1 as JSON text, for example
/// `{"lang": "fr", "today": "2026-11-28", "profile": {...}}`.
///
/// `options_json` is a NUL-terminated UTF-8 string, or NULL for the default options (English,
/// long form unless the record says otherwise, `today` read from the system clock in UTC at
/// each validation). A `null` option means absent.
///
/// On success `*out` receives a new validator, which the caller frees with
/// `cen_validator_free`. On failure `*out` is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `out` is NULL; `CEN_ERR_OPTIONS` when the options are
/// not UTF-8, not JSON, not an object, or name an unknown option, a bad value or a malformed
/// profile (the message of `cen_last_error()` says which); `CEN_ERR_TABLES` when the option
/// `tables` names a table pack (spec 7.2) that cannot be read or is not a good pack.
///
/// Thread-safe. The validator is immutable: it may be shared by any number of threads, which
/// may call `cen_validate` on it at the same time.
///
/// # Safety
/// `options_json` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_validator_new(
    options_json: *const c_char,
    out: *mut *mut cen_validator,
) -> c_int {
    guard("cen_validator_new", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: `options_json` is NULL or NUL-terminated, as documented.
        let options = unsafe { options_text(options_json) }?;
        let inner = match options {
            Some(text) => Validator::from_json_options(text),
            None => Validator::new(cen_rules::Options::default()),
        }
        .map_err(options_failure)?;
        *slot = cen_validator::into_raw(Arc::new(inner));
        Ok(())
    })
}

/// `CEN_ERR_TABLES` for a pack named by the option `tables` that cannot be used,
/// `CEN_ERR_OPTIONS` for every other options error.
pub(crate) fn options_failure(error: cen_rules::OptionsError) -> Failure {
    let status = match error {
        cen_rules::OptionsError::Tables(_) => cen_status::CEN_ERR_TABLES,
        _ => cen_status::CEN_ERR_OPTIONS,
    };
    Failure::new(status, error.to_string())
}

/// Frees a validator. NULL is ignored.
///
/// Reports, batches and strings obtained with it stay valid: they do not refer to it.
///
/// # Safety
/// `v` is NULL or a validator from `cen_validator_new` that is not freed yet and that no other
/// thread is using; it must not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn cen_validator_free(v: *mut cen_validator) {
    if v.is_null() {
        return;
    }
    crate::status::guard_void(|| {
        // SAFETY: `v` comes from `Box::into_raw` in `cen_validator_new` and is freed once.
        drop(unsafe { Box::from_raw(v) });
    });
}

/// Validates one record and gives its report as JSON text (spec 5.2): the same bytes as every
/// other surface of cen gives for the same record and options.
///
/// `record_json` points to the record's JSON text, UTF-8, and `len` is the number of bytes to
/// read from it: it must not exceed the buffer. Pass `CEN_NUL_TERMINATED` as `len` to read up
/// to the first NUL byte instead. With an explicit length every byte counts: a NUL byte
/// within the length (even a final terminator counted by mistake), bytes that are not UTF-8,
/// a length of 0, a text cut short by too small a length, more than 1 MiB, or anything that is
/// not one JSON object are not misuse: the record is not a record, and its report says so with
/// CEN-SCH-001.
///
/// On success `*report_json` receives a new NUL-terminated string, which the caller frees with
/// `cen_string_free`. On failure `*report_json` is set to NULL.
///
/// Returns `CEN_OK` (whether the record is valid or not: see the report's `valid`, or use
/// `cen_validate_summary`); `CEN_ERR_NULL` when `v`, `record_json` or `report_json` is NULL.
///
/// Thread-safe: any number of threads may validate with the same validator at once.
///
/// # Safety
/// `v` is NULL or a live validator; `record_json` is NULL or readable for `len` bytes (or
/// NUL-terminated when `len` is `CEN_NUL_TERMINATED`); `report_json` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_validate(
    v: *const cen_validator,
    record_json: *const c_char,
    len: usize,
    report_json: *mut *mut c_char,
) -> c_int {
    guard("cen_validate", || {
        // SAFETY: `report_json` is NULL or writable, as documented.
        let slot = unsafe { out_slot(report_json, "report_json") }?;
        // SAFETY: the pointers are as documented.
        let report = unsafe { validate(v, record_json, len) }?;
        give_report(&report, slot)
    })
}

/// Validates one record and gives only its verdict and counts, without JSON and without
/// anything to free: the quickest way to sort records into valid and invalid.
///
/// Arguments and limits as `cen_validate`. On success `*out` is filled in; on failure it is
/// left unchanged.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `v`, `record_json` or `out` is NULL.
///
/// Thread-safe, as `cen_validate`.
///
/// # Safety
/// As `cen_validate`; `out` is NULL or points to a writable `cen_summary`.
#[no_mangle]
pub unsafe extern "C" fn cen_validate_summary(
    v: *const cen_validator,
    record_json: *const c_char,
    len: usize,
    out: *mut cen_summary,
) -> c_int {
    guard("cen_validate_summary", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let out = unsafe { out.as_mut() }.ok_or_else(|| Failure::null("out"))?;
        // SAFETY: the pointers are as documented.
        let report = unsafe { validate(v, record_json, len) }?;
        *out = summary_of(&report);
        Ok(())
    })
}

/// Validates one record and gives its report as a handle, to read without parsing JSON.
///
/// Arguments and limits as `cen_validate`. On success `*out` receives a new report, which the
/// caller frees with `cen_report_free`; on failure `*out` is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `v`, `record_json` or `out` is NULL.
///
/// Thread-safe, as `cen_validate`.
///
/// # Safety
/// As `cen_validate`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_validate_report(
    v: *const cen_validator,
    record_json: *const c_char,
    len: usize,
    out: *mut *mut cen_report,
) -> c_int {
    guard("cen_validate_report", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: the pointers are as documented.
        let report = unsafe { validate(v, record_json, len) }?;
        cen_report::give(report, slot);
        Ok(())
    })
}
