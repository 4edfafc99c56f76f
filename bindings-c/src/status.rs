//! Return codes, the per-thread message of the last failure, and the guard that every exported
//! function runs its body in, so that no Rust panic ever unwinds into C.

use std::cell::RefCell;
use std::ffi::{c_char, c_int, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What a libcen function returns. `CEN_OK` (0) is success; every other code is a failure
/// whose message `cen_last_error()` gives on the same thread. A bad record is not a failure:
/// it gets a report with CEN-SCH-001.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cen_status {
    /// Success.
    CEN_OK = 0,
    /// A pointer argument that must not be NULL was NULL.
    CEN_ERR_NULL = 1,
    /// The options are not valid: not UTF-8, not JSON, not an object, an unknown option, a
    /// value an option cannot take, or a malformed profile (spec 5.1). Nothing was created.
    CEN_ERR_OPTIONS = 2,
    /// `cen_to_cen` only: the input is not a record that can be projected (not UTF-8, not
    /// JSON, not an object, larger than 1 MiB or nested deeper than 32 levels).
    CEN_ERR_RECORD = 3,
    /// An argument is out of its range: an issue index past the end of a report, an unknown
    /// language or look-up table, a language or table name that is not UTF-8.
    CEN_ERR_ARGUMENT = 4,
    /// Nothing was found for a look-up (`cen_lookup_json`); not an error of the caller.
    CEN_ERR_NOT_FOUND = 5,
    /// An internal error of libcen (a Rust panic was caught at the boundary). The call had no
    /// effect on its arguments; please report it with the message of `cen_last_error()`.
    CEN_ERR_INTERNAL = 6,
    /// A table pack (spec 7.2) cannot be used: not readable, too large, truncated, wrong magic,
    /// an unknown format version, a checksum that does not match, a bad structure. Nothing
    /// was created, and the tables in use are unchanged.
    CEN_ERR_TABLES = 7,
}

/// Why a call failed: its code and the message that `cen_last_error` will give.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: cen_status,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: cen_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// A required pointer argument was NULL.
    pub(crate) fn null(argument: &str) -> Failure {
        Failure::new(cen_status::CEN_ERR_NULL, format!("`{argument}` is NULL"))
    }
}

thread_local! {
    // Per thread, so that threads sharing a validator never read each other's messages.
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

/// The message for `cen_last_error`, with interior NUL bytes (which a message can only get by
/// quoting the caller's input) shown as `\0` so that C sees the whole message.
pub(crate) fn set_last_error(message: &str) {
    let text = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
    // `try_with`: during thread teardown the slot may be gone; the message is then dropped.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = text;
        }
    });
}

/// The current thread's last message: valid until the next failing call on this thread.
pub(crate) fn last_error() -> *const c_char {
    LAST_ERROR
        .try_with(|slot| slot.try_borrow().map(|s| s.as_ptr()).ok())
        .ok()
        .flatten()
        .unwrap_or(c"".as_ptr())
}

/// The message of this thread's last call that returned a code other than `CEN_OK`, in
/// English, such as "cen_validator_new: option `lang`: `de` is not one of en, fr, es, ru, ar,
/// pt"; `""` when no call on this thread has failed yet. A successful call leaves it as it is.
///
/// The string belongs to libcen: never free it. It stays valid until the next failing call on
/// the same thread (copy it to keep it). Never NULL. Thread-safe: each thread has its own.
#[no_mangle]
pub extern "C" fn cen_last_error() -> *const c_char {
    catch_unwind(last_error).unwrap_or(c"".as_ptr())
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown panic")
}

/// Runs the body of an exported function: its failure becomes a code and the thread's last
/// message, named after the function; a panic becomes `CEN_ERR_INTERNAL`.
pub(crate) fn guard(function: &str, body: impl FnOnce() -> Result<(), Failure>) -> c_int {
    let outcome = catch_unwind(AssertUnwindSafe(body));
    let failure = match outcome {
        Ok(Ok(())) => return cen_status::CEN_OK as c_int,
        Ok(Err(failure)) => failure,
        Err(payload) => Failure::new(
            cen_status::CEN_ERR_INTERNAL,
            format!(
                "internal error, please report it: {}",
                panic_text(payload.as_ref())
            ),
        ),
    };
    // Writing the message allocates; should even that panic, the code still gets out.
    let _ = catch_unwind(|| set_last_error(&format!("{function}: {}", failure.message)));
    failure.status as c_int
}

/// [`guard`] for functions that return nothing (the `free` functions): a panic is swallowed,
/// as there is no way to report it, rather than unwinding into C.
pub(crate) fn guard_void(body: impl FnOnce()) {
    let _ = catch_unwind(AssertUnwindSafe(body));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn last() -> String {
        // SAFETY: `last_error` always returns a valid NUL-terminated string.
        unsafe { CStr::from_ptr(last_error()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn a_panic_becomes_an_internal_error_with_its_message() {
        let code = guard("cen_test", || panic!("boom"));
        assert_eq!(code, cen_status::CEN_ERR_INTERNAL as c_int);
        assert_eq!(last(), "cen_test: internal error, please report it: boom");
    }

    #[test]
    fn a_failure_sets_the_message_and_success_keeps_it() {
        let code = guard("cen_test", || Err(Failure::null("out")));
        assert_eq!(code, cen_status::CEN_ERR_NULL as c_int);
        assert_eq!(guard("cen_test", || Ok(())), 0);
        assert_eq!(last(), "cen_test: `out` is NULL");
    }

    #[test]
    fn interior_nul_bytes_do_not_lose_the_message() {
        guard("cen_test", || {
            Err(Failure::new(cen_status::CEN_ERR_OPTIONS, "a\0b"))
        });
        assert_eq!(last(), "cen_test: a\\0b");
    }

    #[test]
    fn messages_are_per_thread() {
        guard("main", || Err(Failure::null("x")));
        std::thread::spawn(|| {
            assert_eq!(last(), "");
            guard("other", || Err(Failure::null("y")));
            assert_eq!(last(), "other: `y` is NULL");
        })
        .join()
        .unwrap();
        assert_eq!(last(), "main: `x` is NULL");
    }
}
