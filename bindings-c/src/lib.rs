//! # libcen: the C ABI of cen
//!
//! The calls of spec 5.8 (`cen_validator_new`, `cen_validate`, `cen_to_cen`,
//! `cen_string_free`, `cen_validator_free`, `cen_last_error`, `cen_version`), the catalogue
//! and editions of spec 5.3a, and what a C program also expects: verdicts and issues without
//! parsing JSON, batches with duplicate detection, look-ups. Built as `libcen.so` and
//! `libcen.a`; the header `include/cen.h` is generated from this crate by cbindgen.
//!
//! Every export is a thin translation: arguments in, one call of the core, results out. Each
//! runs its body under `catch_unwind` ([`status`]), so that no panic unwinds into C; the
//! workspace builds with `panic = "unwind"` for that reason.

#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

// The modules are declared in the order the header presents them (cbindgen follows it), from
// the return codes to the look-ups; hence the blank lines that keep rustfmt from sorting them.
pub mod status;

pub mod validator;

pub mod tables;

pub mod report;

pub mod batch;

pub mod project;

pub mod text;

pub mod reference;

pub mod entry;

pub use batch::cen_batch;
pub use reference::cen_version;
pub use report::{cen_issue, cen_report, cen_summary};
pub use status::{cen_last_error, cen_status};
pub use tables::cen_tables;
pub use text::CEN_NUL_TERMINATED;
pub use validator::cen_validator;

/// The major version of this header (a test keeps these in step with the package version).
pub const CEN_VERSION_MAJOR: u32 = 0;
/// The minor version of this header.
pub const CEN_VERSION_MINOR: u32 = 1;
/// The patch version of this header.
pub const CEN_VERSION_PATCH: u32 = 0;
/// The version of this header as one number, `MAJOR * 10000 + MINOR * 100 + PATCH`, for `#if`.
pub const CEN_VERSION_NUMBER: u32 = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_constants_follow_the_package_version() {
        assert_eq!(
            CEN_VERSION_MAJOR.to_string(),
            env!("CARGO_PKG_VERSION_MAJOR")
        );
        assert_eq!(
            CEN_VERSION_MINOR.to_string(),
            env!("CARGO_PKG_VERSION_MINOR")
        );
        assert_eq!(
            CEN_VERSION_PATCH.to_string(),
            env!("CARGO_PKG_VERSION_PATCH")
        );
        assert_eq!(
            CEN_VERSION_NUMBER,
            CEN_VERSION_MAJOR * 10000 + CEN_VERSION_MINOR * 100 + CEN_VERSION_PATCH
        );
        // SAFETY: `cen_version` returns a static NUL-terminated string.
        let running = unsafe { std::ffi::CStr::from_ptr(cen_version()) };
        assert_eq!(running.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn the_header_states_the_package_version() {
        let header = include_str!("../include/cen.h");
        let line = format!(
            "#define CEN_VERSION_STRING \"{}\"",
            env!("CARGO_PKG_VERSION")
        );
        assert!(
            header.contains(&line),
            "include/cen.h lacks {line}: update cbindgen.toml"
        );
    }
}
