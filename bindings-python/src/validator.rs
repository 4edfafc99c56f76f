//! `cen.Validator` and `cen.Batch`: options once, then records one by one or in batches
//! (checked on every core, see [`crate::pipeline`]).

use std::sync::Mutex;

use cen_model::Enumeration;
use cen_rules::{Batch, Checked, Report, Validator};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};

use crate::frame;
use crate::host::{Records, Sizes};
use crate::options::OptionArgs;
use crate::pipeline::{self, Chunk, Threads, CHUNK};
use crate::report::{py_repr, PyReport};

impl Chunk for Records {
    fn len(&self) -> usize {
        Records::len(self)
    }

    fn check(&self, i: usize, validator: &Validator) -> Checked {
        Records::check(self, i, validator)
    }
}

/// Refuses the arguments that are one record rather than records: iterating them would
/// validate characters, bytes or keys.
fn refuse_single_record(records: &Bound<'_, PyAny>, call: &str) -> PyResult<()> {
    let single = records.is_instance_of::<PyString>()
        || records.is_instance_of::<PyBytes>()
        || records.is_instance_of::<PyByteArray>()
        || records.is_instance_of::<PyDict>();
    if single {
        return Err(PyTypeError::new_err(format!(
            "{call} takes an iterable of records (a list of dicts, of JSON strings...), not one record: use validate() for one record"
        )));
    }
    Ok(())
}

/// Validates many records as one batch, continuing `batch`.
pub fn validate_records<'py>(
    py: Python<'py>,
    batch: &mut Batch,
    records: &Bound<'py, PyAny>,
    threads: Threads,
    call: &str,
) -> PyResult<Bound<'py, PyList>> {
    refuse_single_record(records, call)?;
    let iterator = records.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{call} takes an iterable of records, not {}",
            crate::options::type_name(records)
        ))
    })?;
    let out = PyList::empty(py);
    let mut iterator = iterator;
    let mut started = false;
    let mut sizes = Sizes::default();
    let next = || -> PyResult<Option<Records>> {
        // A long stream can be interrupted (Ctrl-C) between chunks.
        if started {
            py.check_signals()?;
        }
        started = true;
        let mut chunk = Records::with_room_for(sizes);
        while chunk.len() < CHUNK {
            match iterator.next() {
                Some(item) => chunk.push(&item?),
                None => break,
            }
        }
        sizes = chunk.sizes();
        Ok(Some(chunk))
    };
    let consume = |report| out.append(PyReport::create(py, report)?);
    pipeline::run(py, batch, &threads, next, consume)?;
    Ok(out)
}

/// Validates seizure records with one set of options (spec 5.1): reusable, and safe to share
/// between threads.
///
/// `Validator(form=None, source=None, profile=None, lang=None, today=None, hs_edition=None)`: `form` (`long`,
/// `simplified`) and `source` (`cen`, `ncen`, `cencomm`) override the record's own; `profile`
/// is a closed user group's settings (a dict, or its JSON text); `lang` is the language of the
/// messages (`en` when None; `fr`, `es`, `ru`, `ar`, `pt`); `today` is the day "the future" is
/// measured from (`YYYY-MM-DD` or a `datetime.date`; today's UTC date when None); `hs_edition`
/// (`"2012"`, `"2017"`, `"2022"`) checks HS codes against that edition instead of the one in
/// force on each record's seizure date. Bad options
/// raise `OptionsError` (a `ValueError`), a bad profile `ProfileError`.
#[pyclass(module = "cen", name = "Validator", frozen, subclass)]
pub struct PyValidator {
    pub inner: Validator,
}

#[pymethods]
impl PyValidator {
    #[new]
    #[pyo3(signature = (*, form=None, source=None, profile=None, lang=None, today=None, hs_edition=None, tables=None))]
    #[allow(clippy::too_many_arguments)]
    fn new<'py>(
        py: Python<'py>,
        form: Option<Bound<'py, PyAny>>,
        source: Option<Bound<'py, PyAny>>,
        profile: Option<Bound<'py, PyAny>>,
        lang: Option<Bound<'py, PyAny>>,
        today: Option<Bound<'py, PyAny>>,
        hs_edition: Option<Bound<'py, PyAny>>,
        tables: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Self> {
        let args = OptionArgs {
            form,
            source,
            profile,
            lang,
            today,
            hs_edition,
        };
        let validator = PyValidator::from_args(&args)?;
        match tables.filter(|t| !t.is_none()) {
            None => Ok(validator),
            Some(tables) => Ok(PyValidator {
                inner: validator
                    .inner
                    .with_tables(crate::tables::tables_from(py, &tables)?),
            }),
        }
    }

    /// The editions of the tables this validator checks against (spec 5.3a, 7.2): a pack's
    /// when it was given `tables`, in the shape of `cen.editions()`.
    fn editions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::report::json_to_py(py, &cen_rules::lookups::editions_of(self.inner.tables()))
    }

    /// Validates one record: a dict, JSON text (`str`) or UTF-8 JSON bytes. Never raises: a
    /// record that is not one gets a report with CEN-SCH-001.
    fn validate(&self, py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<Py<PyReport>> {
        let report = validate_one(py, &self.inner, record);
        PyReport::create(py, report).map(Bound::unbind)
    }

    /// Validates many records as one batch (any iterable of what `validate` takes), in order,
    /// finding duplicates within the batch (CEN-DUP-001). The records are checked with the GIL
    /// released, on every core (`threads=None`), on the calling thread only (`threads=1`) or on
    /// `threads` threads. Returns one report per record.
    #[pyo3(signature = (records, *, threads=None))]
    fn validate_many<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        validate_records(
            py,
            &mut Batch::new(self.inner.clone()),
            records,
            Threads::from_arg(threads)?,
            "validate_many",
        )
    }

    /// Validates flat rows given column by column (spec 5.3): `columns` is a dict (or a list
    /// of `(name, cells)` pairs) from column names (`goods.0.quantity`) to the cells of that
    /// column. Returns one report per row, the rows validated as one batch (CEN-DUP-001);
    /// `rows` is the number of rows (by default that of the longest column; a shorter column
    /// leaves its last cells empty).
    /// Cells: None, NaN, NaT and blank text are empty; `str` is text; `int` and `float` are
    /// numbers; `bool` is a boolean; a `datetime.date` is its `YYYY-MM-DD`; a list of strings
    /// is a list cell; anything else is a value of the wrong type (CEN-SCH-002).
    /// `threads` as for `validate_many`.
    #[pyo3(signature = (columns, rows=None, *, threads=None))]
    fn validate_table<'py>(
        &self,
        py: Python<'py>,
        columns: &Bound<'py, PyAny>,
        rows: Option<usize>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        frame::validate_table(py, &self.inner, columns, rows, Threads::from_arg(threads)?)
    }

    /// A batch to feed records one at a time (a stream), with duplicate detection across
    /// everything it has seen.
    fn batch(&self) -> PyBatch {
        PyBatch {
            batch: Mutex::new(Batch::new(self.inner.clone())),
        }
    }

    /// The options in force, as the JSON options of spec 5.1 (`None` where not given).
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        options_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let options = self.inner.options();
        let mut parts = vec![format!("lang={}", py_repr(py, options.lang.code()))];
        if let Some(form) = options.form {
            parts.push(format!("form={}", py_repr(py, form.as_str())));
        }
        if let Some(source) = options.source {
            parts.push(format!("source={}", py_repr(py, source.as_str())));
        }
        if let Some(today) = options.today {
            parts.push(format!("today={}", py_repr(py, &today.to_string())));
        }
        if let Some(edition) = options.hs_edition {
            parts.push(format!("hs_edition={}", py_repr(py, edition.as_str())));
        }
        if let Some(profile) = &options.profile {
            let name = profile.name.as_deref().unwrap_or("(unnamed)");
            parts.push(format!("profile={}", py_repr(py, name)));
        }
        format!("Validator({})", parts.join(", "))
    }
}

impl PyValidator {
    /// A validator from keyword options.
    pub fn from_args(args: &OptionArgs<'_>) -> PyResult<PyValidator> {
        let options = args.options()?;
        let inner = Validator::new(options).map_err(crate::options::options_error)?;
        Ok(PyValidator { inner })
    }
}

fn options_dict<'py>(py: Python<'py>, validator: &Validator) -> PyResult<Bound<'py, PyDict>> {
    let options = validator.options();
    let out = PyDict::new(py);
    out.set_item("form", options.form.map(Enumeration::as_str))?;
    out.set_item("source", options.source.map(Enumeration::as_str))?;
    out.set_item("lang", options.lang.code())?;
    out.set_item("today", options.today.map(|d| d.to_string()))?;
    out.set_item("hs_edition", options.hs_edition.map(|e| e.as_str()))?;
    out.set_item(
        "profile",
        options
            .profile
            .as_ref()
            .map(|p| p.name.clone().unwrap_or_default()),
    )?;
    Ok(out)
}

/// Validates one record with the GIL released while the core works.
pub fn validate_one(py: Python<'_>, validator: &Validator, record: &Bound<'_, PyAny>) -> Report {
    let mut records = Records::default();
    records.push(record);
    py.detach(|| {
        let checked = records.check(0, validator);
        validator.report(checked, None)
    })
}

/// Records fed one at a time (a stream) as one batch: duplicates (CEN-DUP-001) are found
/// across every record the batch has seen. Made by `Validator.batch()`; safe to share between
/// threads (records are numbered in the order the calls are served).
#[pyclass(module = "cen", name = "Batch", frozen)]
pub struct PyBatch {
    batch: Mutex<Batch>,
}

#[pymethods]
impl PyBatch {
    /// Validates the next record of the batch.
    fn validate(&self, py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<Py<PyReport>> {
        let mut records = Records::default();
        records.push(record);
        let report = {
            let mut batch = lock(py, &self.batch);
            let validator = batch.shared_validator().clone();
            let checked = py.detach(|| records.check(0, &validator));
            batch.finish(checked)
        };
        PyReport::create(py, report).map(Bound::unbind)
    }

    /// Validates the next records of the batch (any iterable of records); `threads` as for
    /// `Validator.validate_many`.
    #[pyo3(signature = (records, *, threads=None))]
    fn validate_many<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = Threads::from_arg(threads)?;
        let mut batch = lock(py, &self.batch);
        validate_records(py, &mut batch, records, threads, "validate_many")
    }

    /// How many records the batch has reported.
    fn __len__(&self, py: Python<'_>) -> usize {
        lock(py, &self.batch).len()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("<Batch of {} records>", lock(py, &self.batch).len())
    }
}

/// Locks a batch without holding the GIL while waiting (PyO3's `lock_py_attached`), so that
/// the thread that has it can take the GIL back. A poisoned lock (a panic in another thread,
/// which the core never has) is still usable: the batch is only ever left between two records.
fn lock<'a>(py: Python<'_>, mutex: &'a Mutex<Batch>) -> std::sync::MutexGuard<'a, Batch> {
    mutex
        .lock_py_attached(py)
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
