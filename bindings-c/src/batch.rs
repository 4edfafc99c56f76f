//! Batches: records reported one by one, in order, with duplicate detection (CEN-DUP-001).

use std::ffi::{c_char, c_int};

use cen_rules::{Batch, Input, Report};

use crate::report::cen_report;
use crate::status::{guard, Failure};
use crate::text::{give_report, out_slot, record_bytes};
use crate::validator::{cen_validator, shared_validator};

/// A batch: the records of one file or transfer, validated in order, so that a record sharing
/// an identifier with an earlier one of the same batch gets CEN-DUP-001 (spec 3). Opaque;
/// create it with `cen_batch_new` and free it with `cen_batch_free`.
pub struct cen_batch {
    /// The core's batch, which shares the validator: the handle `v` may be freed first.
    inner: Batch,
}

/// The next record of a batch, validated.
///
/// # Safety
/// `b` is NULL or a live batch not used by another thread; the record as in `cen_validate`.
unsafe fn next(
    b: *mut cen_batch,
    record_json: *const c_char,
    len: usize,
) -> Result<Report, Failure> {
    // SAFETY: the caller promises a live batch or NULL, used by this thread only.
    let batch = unsafe { b.as_mut() }.ok_or_else(|| Failure::null("b"))?;
    // SAFETY: forwarded from the caller.
    let bytes = unsafe { record_bytes(record_json, len, "record_json") }?;
    Ok(batch.inner.validate(Input::Bytes(bytes)))
}

/// Starts a batch that validates with the options of `v`. The batch keeps them alive on its
/// own: `v` may be freed before the batch.
///
/// On success `*out` receives a new batch, which the caller frees with `cen_batch_free`; on
/// failure `*out` is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `v` or `out` is NULL.
///
/// Thread-safe with respect to `v`.
///
/// # Safety
/// `v` is NULL or a live validator; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_batch_new(v: *const cen_validator, out: *mut *mut cen_batch) -> c_int {
    guard("cen_batch_new", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: `v` is NULL or live, as documented.
        let validator = unsafe { shared_validator(v) }?;
        *slot = Box::into_raw(Box::new(cen_batch {
            inner: Batch::new(validator),
        }));
        Ok(())
    })
}

/// Validates the next record of a batch and gives its report as JSON text. The record's
/// position in the batch (from 0) counts every call that returned `CEN_OK`; a duplicate's
/// CEN-DUP-001 names the position of the earliest record it repeats (`params.first`).
///
/// Arguments and limits as `cen_validate`. On success `*report_json` receives a new string,
/// which the caller frees with `cen_string_free`; on failure it is set to NULL and the record
/// does not take a position.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `b`, `record_json` or `report_json` is NULL.
///
/// Not thread-safe for one batch: the records of a batch come in order, so one thread at a
/// time may use it (it may move between threads). Different batches may be used at once.
///
/// # Safety
/// `b` is NULL or a live batch that no other thread is using; the rest as `cen_validate`.
#[no_mangle]
pub unsafe extern "C" fn cen_batch_validate(
    b: *mut cen_batch,
    record_json: *const c_char,
    len: usize,
    report_json: *mut *mut c_char,
) -> c_int {
    guard("cen_batch_validate", || {
        // SAFETY: `report_json` is NULL or writable, as documented.
        let slot = unsafe { out_slot(report_json, "report_json") }?;
        // SAFETY: the pointers are as documented.
        let report = unsafe { next(b, record_json, len) }?;
        give_report(&report, slot)
    })
}

/// Validates the next record of a batch and gives its report as a handle (see
/// `cen_validate_report`), which the caller frees with `cen_report_free`.
///
/// Returns, and is thread-safe, as `cen_batch_validate`.
///
/// # Safety
/// As `cen_batch_validate`; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_batch_validate_report(
    b: *mut cen_batch,
    record_json: *const c_char,
    len: usize,
    out: *mut *mut cen_report,
) -> c_int {
    guard("cen_batch_validate_report", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: the pointers are as documented.
        let report = unsafe { next(b, record_json, len) }?;
        cen_report::give(report, slot);
        Ok(())
    })
}

/// Frees a batch. NULL is ignored. Reports and strings obtained from it stay valid.
///
/// # Safety
/// `b` is NULL or a batch from `cen_batch_new` that is not freed yet and that no other thread
/// is using; it must not be used after this call.
#[no_mangle]
pub unsafe extern "C" fn cen_batch_free(b: *mut cen_batch) {
    if b.is_null() {
        return;
    }
    crate::status::guard_void(|| {
        // SAFETY: `b` comes from `Box::into_raw` in `cen_batch_new` and is freed once.
        drop(unsafe { Box::from_raw(b) });
    });
}
