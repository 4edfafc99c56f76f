//! # cen-wasm
//!
//! The WebAssembly binding of cen (spec 5.7): validation of customs seizure records, one field at
//! a time or whole, in the browser and in Node, with exactly the rules, paths and messages of
//! every other surface.
//!
//! This crate is a thin translation. Its exports take JavaScript values, make one core call, and
//! return the core's JSON text; the hand-written JavaScript around them (`js/`) parses that text
//! into plain objects and gives the API its spec names (`validate`, `validateMany`,
//! `validateField`, `toCen`, `schema`, `labels`, `lookupLocation`, `lookupCountry`, ...), with
//! TypeScript declarations in `js/cen.d.ts`. `scripts/build.sh` builds the npm package.
//!
//! - [`host`] reads JavaScript values through a serde deserializer, so that the core's decoder
//!   sees NaN as a number and a function as a value of the wrong type, at their own paths.
//! - [`validate`]: the functions that take options, and the `Validator` and `Batch` classes.
//! - [`reference`]: look-ups, labels, the projection to CEN, the schema, catalogue and editions.
//! - [`tables`]: table packs (spec 7.2): `loadTables(bytes)`, and a validator built with them.
//! - [`names`]: the names file, which gives the look-ups the texts the `.wasm` is built without.
//! - `files` (feature `files`, the second module `cen-wasm/files`): `checkFile`, a whole file of
//!   records read by cen-files and validated as one batch.
//! - [`entry`]: the form model and code search (spec 6), which searches once the names are loaded.
//!
//! Nothing here panics on any input: a panic in WebAssembly traps the instance. The size and
//! depth limits of a record bound the work of reading any value, cyclic or huge.

#![warn(missing_docs)]

pub mod entry;
#[cfg(feature = "files")]
pub mod files;
pub mod host;
pub mod names;
pub mod reference;
pub mod tables;
pub mod validate;

use wasm_bindgen::prelude::*;

/// Traps the instance on purpose: the tests use it to check that the JavaScript wrapper recovers
/// from a trap (a new instance, and an `Error` for the call that trapped). No other code path
/// traps; this one exists so that the recovery is tested rather than assumed.
#[wasm_bindgen(js_name = __trapForTests)]
pub fn trap_for_tests() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
}
