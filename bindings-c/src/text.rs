//! Text across the boundary: records and options in, JSON strings out, and their release.

use std::cell::RefCell;
use std::ffi::{c_char, CStr};

use cen_model::decode::MAX_RECORD_BYTES;
use cen_rules::Report;

use crate::status::{cen_status, Failure};
use c_alloc::{free, malloc};

/// Pass this as a length to say "the text is NUL-terminated; read up to the first NUL byte".
pub const CEN_NUL_TERMINATED: usize = usize::MAX;

/// The bytes of a record given as `(pointer, length)`.
///
/// # Safety
/// `record` is NULL, or points to `len` readable bytes (or to a NUL-terminated string when
/// `len` is [`CEN_NUL_TERMINATED`]) that stay unchanged for `'a`.
pub(crate) unsafe fn record_bytes<'a>(
    record: *const c_char,
    len: usize,
    argument: &str,
) -> Result<&'a [u8], Failure> {
    if record.is_null() {
        return Err(Failure::null(argument));
    }
    if len == CEN_NUL_TERMINATED {
        // SAFETY: the caller promises a NUL-terminated string in this mode.
        return Ok(unsafe { CStr::from_ptr(record) }.to_bytes());
    }
    // Past the size limit the record is refused whatever it holds (CEN-SCH-001, too large), so
    // only one byte over the limit is looked at: no slice of an absurd length is ever made.
    let len = len.min(MAX_RECORD_BYTES + 1);
    // SAFETY: the caller promises at least the given length of readable bytes, and `len` is no
    // more than that.
    Ok(unsafe { std::slice::from_raw_parts(record.cast::<u8>(), len) })
}

/// Options as UTF-8 text; `None` for a NULL pointer (default options).
///
/// # Safety
/// `options` is NULL or a NUL-terminated string that stays unchanged for `'a`.
pub(crate) unsafe fn options_text<'a>(options: *const c_char) -> Result<Option<&'a str>, Failure> {
    if options.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller promises a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(options) }.to_bytes();
    std::str::from_utf8(bytes).map(Some).map_err(|e| {
        Failure::new(
            cen_status::CEN_ERR_OPTIONS,
            format!(
                "the options are not valid UTF-8 (bad byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// A short NUL-terminated argument such as a language code, as UTF-8.
///
/// # Safety
/// `text` is NULL or a NUL-terminated string that stays unchanged for `'a`.
pub(crate) unsafe fn word<'a>(text: *const c_char, argument: &str) -> Result<&'a str, Failure> {
    if text.is_null() {
        return Err(Failure::null(argument));
    }
    // SAFETY: the caller promises a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(text) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|_| {
        Failure::new(
            cen_status::CEN_ERR_ARGUMENT,
            format!("`{argument}` is not valid UTF-8"),
        )
    })
}

/// Checks an out-pointer and clears what it points to, so that the caller finds NULL there
/// whenever the call fails.
///
/// # Safety
/// `out` is NULL or points to writable storage for one pointer.
pub(crate) unsafe fn out_slot<'a, T>(
    out: *mut *mut T,
    argument: &str,
) -> Result<&'a mut *mut T, Failure> {
    // SAFETY: the caller promises that a non-NULL `out` is writable; `as_mut` checks NULL.
    let slot = unsafe { out.as_mut() }.ok_or_else(|| Failure::null(argument))?;
    *slot = std::ptr::null_mut();
    Ok(slot)
}

/// C's allocator. Strings handed to C are allocated with malloc, so that `cen_string_free` is
/// C's free: nothing depends on Rust's allocation layout, and a string passed to free() by
/// mistake is still released correctly. (Kept out of cen.h.)
///
/// cbindgen:ignore
mod c_alloc {
    use std::ffi::c_void;

    extern "C" {
        pub(super) fn malloc(size: usize) -> *mut c_void;
        pub(super) fn free(ptr: *mut c_void);
    }
}

/// Hands bytes to the caller as a NUL-terminated string, freed with `cen_string_free`.
fn give_bytes(bytes: &[u8], slot: &mut *mut c_char) -> Result<(), Failure> {
    // Every string handed out is JSON, where a NUL byte is always escaped; a NUL here would be
    // a bug, reported rather than truncated.
    if bytes.contains(&0) {
        return Err(Failure::new(
            cen_status::CEN_ERR_INTERNAL,
            "internal error, please report it: a NUL byte in JSON output",
        ));
    }
    // SAFETY: malloc has no precondition; the result is checked for NULL below.
    let out = unsafe { malloc(bytes.len() + 1) }.cast::<u8>();
    if out.is_null() {
        return Err(Failure::new(cen_status::CEN_ERR_INTERNAL, "out of memory"));
    }
    // SAFETY: `out` holds `bytes.len() + 1` bytes, and does not overlap `bytes`.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), out, bytes.len());
        *out.add(bytes.len()) = 0;
    }
    *slot = out.cast();
    Ok(())
}

/// Hands a string to the caller, who frees it with `cen_string_free`.
pub(crate) fn give(text: &str, slot: &mut *mut c_char) -> Result<(), Failure> {
    give_bytes(text.as_bytes(), slot)
}

/// Hands a report to the caller as its JSON text (spec 5.2).
///
/// The text is exactly `report.to_json()`, which is `serde_json::to_string` of the report (a
/// test checks it), written into a buffer that each thread reuses: the C caller needs its own
/// copy anyway, so writing it once more would only cost an allocation per record.
pub(crate) fn give_report(report: &Report, slot: &mut *mut c_char) -> Result<(), Failure> {
    thread_local! {
        static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    // Past this size the buffer is given back, so that one huge report does not stay.
    const KEEP: usize = 64 * 1024;
    SCRATCH.with(|scratch| {
        let mut buffer = scratch.borrow_mut();
        buffer.clear();
        serde_json::to_writer(&mut *buffer, report).map_err(|e| {
            Failure::new(
                cen_status::CEN_ERR_INTERNAL,
                format!("internal error, please report it: {e}"),
            )
        })?;
        let given = give_bytes(&buffer, slot);
        if buffer.capacity() > KEEP {
            *buffer = Vec::new();
        }
        given
    })
}

/// Frees a string that libcen returned through a `char **` argument. NULL is ignored.
///
/// # Safety
/// `s` is NULL or a string returned by libcen that has not been freed yet; it must not be used
/// after this call. Strings from elsewhere (malloc, strdup) must not be passed here, nor the
/// strings of `cen_last_error`, `cen_version`, `cen_summary` or `cen_issue`, which libcen owns.
/// Thread-safe: a string may be freed on any thread.
#[no_mangle]
pub unsafe extern "C" fn cen_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: the caller passes a pointer from malloc in `give_bytes`, once.
    unsafe { free(s.cast()) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn a_report_is_given_exactly_as_to_json_writes_it() {
        let validator =
            cen_rules::Validator::from_json_options(r#"{"today": "2026-11-28"}"#).expect("options");
        let big = format!("{{\"case_ref\": \"{}\"}}", "x".repeat(100_000));
        for record in [
            "{}",
            "[]",
            "{\"goods\": [{\"unit\": \"\\u0000\"}]}",
            big.as_str(),
        ] {
            let report = validator.validate_json(record);
            let mut out = std::ptr::null_mut();
            give_report(&report, &mut out).expect("given");
            // SAFETY: `out` is a NUL-terminated string from `give_report`, freed once below.
            let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
            unsafe { cen_string_free(out) };
            assert_eq!(text, report.to_json());
        }
    }

    #[test]
    fn a_nul_byte_is_never_handed_out() {
        let mut out = std::ptr::null_mut();
        let failure = give("a\0b", &mut out).unwrap_err();
        assert_eq!(failure.status, cen_status::CEN_ERR_INTERNAL);
        assert!(out.is_null());
    }
}
