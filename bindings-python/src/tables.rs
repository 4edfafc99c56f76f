//! Table packs (spec 7.2): `cen.load_tables`, `cen.Tables`, and `Validator(tables=...)`.

use std::path::PathBuf;
use std::sync::OnceLock;

use cen_rules::search::{pack_index, PackIndex};
use codes_data::Tables;
use pyo3::create_exception;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

use crate::options::OptionsError;
use crate::report::json_to_py;

create_exception!(
    cen,
    TablesError,
    OptionsError,
    "A table pack that cannot be used (spec 7.2): not readable, too large, truncated, wrong magic, an unknown format version, a checksum that does not match, a bad structure. The tables in use are unchanged."
);

/// Code tables from a table pack (spec 7.2), as `load_tables` gives them, for
/// `Validator(tables=...)`. Immutable, and shared by every validator made with them.
#[pyclass(module = "cen", name = "Tables", frozen)]
pub struct PyTables {
    pub inner: Tables,
    /// The search index of the pack's places (spec 6.2), built by the first search that asks
    /// for it (`None`: the built-in tables, whose index is the built-in one).
    index: OnceLock<Option<PackIndex>>,
}

impl PyTables {
    pub fn new(inner: Tables) -> PyTables {
        PyTables {
            inner,
            index: OnceLock::new(),
        }
    }

    /// The index that searches these tables: `None` for the built-in ones.
    pub fn search_index(&self) -> Option<&PackIndex> {
        self.index.get_or_init(|| pack_index(&self.inner)).as_ref()
    }
}

#[pymethods]
impl PyTables {
    /// The editions of these tables, as `cen.editions()` gives those of the built-in tables:
    /// the pack's countries, currencies, UN/LOCODE, airports and HS editions, the built-in
    /// editions of the rest.
    fn editions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &cen_rules::lookups::editions_of(&self.inner))
    }

    /// The SHA-256 of the pack's content (lower-case hex, as `cen tables info` prints it).
    #[getter]
    fn sha256(&self) -> Option<String> {
        self.inner.sha256()
    }

    fn __repr__(&self) -> String {
        match self.inner.sha256() {
            Some(sha) => format!("<cen.Tables sha256={sha}>"),
            None => "<cen.Tables built-in>".to_owned(),
        }
    }
}

/// Checks and loads a table pack (spec 7.2, written by `cen tables build`): a path (`str` or
/// `os.PathLike`) or the pack's bytes (`bytes`, `bytearray`). Raises `TablesError` (a
/// `ValueError`) with the reason for a pack that cannot be used.
#[pyfunction]
pub fn load_tables(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<PyTables> {
    Ok(PyTables::new(tables_from(py, source)?))
}

/// The tables `tables=` gives: a `Tables`, a path, or a pack's bytes.
pub fn tables_from(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Tables> {
    let refused = |e: codes_data::PackError| TablesError::new_err(e.to_string());
    if let Ok(tables) = source.cast::<PyTables>() {
        return Ok(tables.get().inner.clone());
    }
    if let Ok(bytes) = source.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        return py.detach(|| Tables::from_bytes(bytes)).map_err(refused);
    }
    if let Ok(bytes) = source.cast::<PyByteArray>() {
        let bytes = bytes.to_vec();
        return py.detach(|| Tables::from_bytes(&bytes)).map_err(refused);
    }
    let is_path =
        source.is_instance_of::<PyString>() || source.hasattr(pyo3::intern!(py, "__fspath__"))?;
    if is_path {
        let path: PathBuf = source.extract()?;
        return py.detach(|| Tables::load(&path)).map_err(refused);
    }
    Err(PyTypeError::new_err(format!(
        "tables takes a cen.Tables (from load_tables), the path of a table pack or its bytes, not {}",
        crate::options::type_name(source)
    )))
}
