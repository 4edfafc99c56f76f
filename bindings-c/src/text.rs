//! Text across the boundary: records and options in, JSON strings out, and their release.

use std::ffi::{c_char, CStr, CString};

use cen_model::decode::MAX_RECORD_BYTES;

use crate::status::{cen_status, Failure};

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

/// Hands a string to the caller, who frees it with `cen_string_free`.
pub(crate) fn give(text: String, slot: &mut *mut c_char) -> Result<(), Failure> {
    // Every string handed out is JSON, where a NUL byte is always escaped; a NUL here would be
    // a bug, reported rather than truncated.
    let text = CString::new(text).map_err(|_| {
        Failure::new(
            cen_status::CEN_ERR_INTERNAL,
            "internal error, please report it: a NUL byte in JSON output",
        )
    })?;
    *slot = text.into_raw();
    Ok(())
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
    crate::status::guard_void(|| {
        // SAFETY: the caller passes a pointer from `CString::into_raw` in `give`, once.
        drop(unsafe { CString::from_raw(s) });
    });
}
