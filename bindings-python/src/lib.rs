//! `cen._cen`: the native module under the Python package `cen` (spec 5.6).
//!
//! A thin translation of the core: Python values in ([`host`], [`options`], [`frame`]), one
//! call of `cen-rules` or `cen-model`, Python objects out ([`report`], [`info`]); Arrow data in
//! and Arrow tables out ([`arrow`], [`arrow_cells`]). The package's pure-Python layer
//! (`python/cen/`) adds the pandas and Arrow functions and the `cen.codes` namespace.
//!
//! Nothing here can crash the interpreter: records never raise (a bad record is a report),
//! options raise `OptionsError`, and a panic, which the core never has, would surface as
//! Python's `PanicException` (PyO3 catches unwinding at every call; the workspace builds with
//! `panic = "unwind"`).

#![deny(unsafe_code)]
#![warn(missing_docs)]

use pyo3::prelude::*;

/// The module's own Rust allocations (decoded records, reports) go to mimalloc: a tenth faster
/// than glibc's allocator for `validate_many`; Python's objects stay Python's (decision 102).
#[global_allocator]
static ALLOCATOR: Mimalloc = Mimalloc;

/// mimalloc, asked for alignment only when a layout needs more than every block has.
///
/// The `mimalloc` crate calls `mi_malloc_aligned` for every allocation, whose checks of the
/// alignment come before mimalloc's fast path. Every mimalloc block is aligned to at least a
/// pointer's size, which is all that text and most vectors ask for, so those take `mi_malloc`
/// straight away.
struct Mimalloc;

/// The alignment of every block mimalloc returns (`MI_INTPTR_SIZE`).
const BLOCK_ALIGN: usize = std::mem::size_of::<usize>();

// SAFETY: each function is mimalloc's own for the same request; a layout aligned beyond
// `BLOCK_ALIGN` goes to mimalloc's aligned functions, and every block, however it was
// allocated, is freed by `mi_free`, which takes them all.
#[allow(unsafe_code)]
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= BLOCK_ALIGN {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= BLOCK_ALIGN {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        if layout.align() <= BLOCK_ALIGN {
            libmimalloc_sys::mi_realloc(ptr.cast(), size).cast()
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr.cast(), size, layout.align()).cast()
        }
    }
}

mod arrow;
mod arrow_cells;
mod beyond_validation;
mod entry;
mod frame;
mod host;
mod options;
mod pipeline;
mod report;
mod tables;
mod validator;

use options::OptionArgs;
use pipeline::Threads;
use report::PyReport;
use validator::PyValidator;

/// Validates one record (spec 5.6): a dict, JSON text (`str`) or UTF-8 JSON bytes, with the
/// options of spec 5.1. Returns a `Report`; never raises for the record (what is not a record
/// gets CEN-SCH-001). Bad options raise `OptionsError` (a `ValueError`).
#[pyfunction]
// The keyword arguments are the options of spec 5.1, one by one, as Python callers write them.
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (record, *, form=None, source=None, profile=None, lang=None, today=None, hs_edition=None))]
fn validate<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
    form: Option<Bound<'py, PyAny>>,
    source: Option<Bound<'py, PyAny>>,
    profile: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    hs_edition: Option<Bound<'py, PyAny>>,
) -> PyResult<Py<PyReport>> {
    let validator = PyValidator::from_args(&OptionArgs {
        form,
        source,
        profile,
        lang,
        today,
        hs_edition,
    })?;
    let report = validator::validate_one(py, &validator.inner, record);
    PyReport::create(py, report).map(Bound::unbind)
}

/// Validates many records as one batch (any iterable of dicts, JSON strings or bytes), with
/// duplicate detection within the batch (CEN-DUP-001), on every core with the GIL released.
/// Returns one `Report` per record, in order. `threads`: None for every core, 1 for the
/// calling thread only, or a number of threads.
#[pyfunction]
#[pyo3(signature = (records, *, form=None, source=None, profile=None, lang=None, today=None, hs_edition=None, threads=None))]
// The keyword arguments are the options of spec 5.1, one by one, as Python callers write them.
#[allow(clippy::too_many_arguments)]
fn validate_many<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    form: Option<Bound<'py, PyAny>>,
    source: Option<Bound<'py, PyAny>>,
    profile: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
    today: Option<Bound<'py, PyAny>>,
    hs_edition: Option<Bound<'py, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, pyo3::types::PyList>> {
    let validator = PyValidator::from_args(&OptionArgs {
        form,
        source,
        profile,
        lang,
        today,
        hs_edition,
    })?;
    validator::validate_records(
        py,
        &mut cen_rules::Batch::new(validator.inner),
        records,
        Threads::from_arg(threads)?,
        "validate_many",
    )
}

/// The native part of `cen`: validation of WCO Customs Enforcement Network seizure records.
#[pymodule]
fn _cen(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyValidator>()?;
    m.add_class::<validator::PyBatch>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<report::PyIssue>()?;
    m.add("OptionsError", py.get_type::<options::OptionsError>())?;
    m.add("ProfileError", py.get_type::<options::ProfileError>())?;
    m.add("RecordError", py.get_type::<options::RecordError>())?;
    m.add("TablesError", py.get_type::<tables::TablesError>())?;
    m.add_class::<tables::PyTables>()?;
    m.add_function(wrap_pyfunction!(tables::load_tables, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_many, m)?)?;
    m.add_function(wrap_pyfunction!(frame::issue_columns, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::validate_arrow_with, m)?)?;
    m.add_function(wrap_pyfunction!(entry::form_model, m)?)?;
    m.add_function(wrap_pyfunction!(entry::form_model_json, m)?)?;
    m.add_function(wrap_pyfunction!(entry::search, m)?)?;
    m.add_function(wrap_pyfunction!(entry::search_json, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::to_cen, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::schema, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::rules, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::editions, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::labels, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::label, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::field_label, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::lookup, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::hs_correlate, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::closest, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::flatten, m)?)?;
    m.add_function(wrap_pyfunction!(beyond_validation::generate, m)?)?;
    Ok(())
}
