//! Flat rows (spec 5.3) given column by column: what `validate_frame` passes for a pandas
//! DataFrame, and what any table (a CSV read by the csv module, an Arrow table) can pass.
//!
//! Every column's cells are read into owned cells while the GIL is held, a chunk of rows at a
//! time; the rows are then checked on every core with the GIL released (the core builds each
//! row's record with `cen_model::flat::Layout`), and reported in order as one batch.

use std::sync::Arc;

use cen_model::flat::{Cell, Layout};
use cen_rules::{Batch, Checked, Validator};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

use crate::options::date_text;
use crate::pipeline::{self, Chunk, Threads, CHUNK};
use crate::report::PyReport;

/// One cell, owned, so that rows can be checked without the GIL.
#[derive(Debug, Clone, PartialEq)]
enum OwnedCell {
    Empty,
    Text(String),
    Number(f64),
    Integer(i64),
    Bool(bool),
    /// A value no field can hold (a dict, an object): presented as a boolean, the one JSON
    /// type that no field of the record takes, so that it is CEN-SCH-002 at its field.
    WrongType,
}

impl OwnedCell {
    fn cell(&self) -> Cell<'_> {
        match self {
            OwnedCell::Empty => Cell::Empty,
            OwnedCell::Text(text) => Cell::Text(text),
            OwnedCell::Number(x) => Cell::Number(*x),
            OwnedCell::Integer(n) => Cell::Integer(*n),
            OwnedCell::Bool(b) => Cell::Bool(*b),
            OwnedCell::WrongType => Cell::Bool(false),
        }
    }
}

/// Whether a value is pandas' or numpy's marker of a missing value (`pd.NA`, `pd.NaT`), known
/// by its type's name so that pandas need not be imported.
fn is_missing_marker(value: &Bound<'_, PyAny>) -> bool {
    value
        .get_type()
        .name()
        .map(|name| {
            let name = name.to_string();
            name == "NAType" || name == "NaTType"
        })
        .unwrap_or(false)
}

/// Reads one cell.
fn read_cell(value: &Bound<'_, PyAny>) -> OwnedCell {
    if value.is_none() {
        return OwnedCell::Empty;
    }
    if let Ok(text) = value.cast::<PyString>() {
        return match text.to_cow() {
            Ok(text) => OwnedCell::Text(text.into_owned()),
            Err(_) => OwnedCell::Text(text.to_string_lossy().into_owned()),
        };
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        return OwnedCell::Bool(flag.is_true());
    }
    if let Ok(number) = value.cast::<PyFloat>() {
        let x = number.value();
        // pandas writes a missing number as NaN.
        return if x.is_nan() {
            OwnedCell::Empty
        } else {
            OwnedCell::Number(x)
        };
    }
    if let Ok(number) = value.cast::<PyInt>() {
        return match number.extract::<i64>() {
            Ok(n) => OwnedCell::Integer(n),
            Err(_) => number
                .extract::<f64>()
                .map(OwnedCell::Number)
                .unwrap_or(OwnedCell::WrongType),
        };
    }
    if is_missing_marker(value) {
        return OwnedCell::Empty;
    }
    if let Ok(Some(day)) = date_text(value) {
        return OwnedCell::Text(midnight_is_a_day(day));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        return list_cell(value);
    }
    numpy_scalar(value).unwrap_or(OwnedCell::WrongType)
}

/// A date and time at midnight is a day, as Excel and pandas give date cells:
/// `2024-03-01T00:00:00` is `2024-03-01`. Any other time stays, and is not a date
/// (CEN-DAT-001).
fn midnight_is_a_day(text: String) -> String {
    let Some((day, time)) = text.split_once('T') else {
        return text;
    };
    // The clock time, without its offset from UTC (a day in any zone is a day).
    let clock = time.split(['+', '-', 'Z']).next().unwrap_or(time);
    if clock.chars().all(|c| matches!(c, '0' | ':' | '.')) {
        day.to_owned()
    } else {
        text
    }
}

/// A list of strings is a list cell (`route.transit`): its items joined with `;`.
fn list_cell(value: &Bound<'_, PyAny>) -> OwnedCell {
    let Ok(items) = value.try_iter() else {
        return OwnedCell::WrongType;
    };
    let mut texts = Vec::new();
    for item in items {
        match item.ok().and_then(|i| i.extract::<String>().ok()) {
            Some(text) => texts.push(text),
            None => return OwnedCell::WrongType,
        }
    }
    OwnedCell::Text(texts.join(";"))
}

/// numpy scalars that are not Python numbers (`numpy.int64`, `numpy.float32`, `numpy.bool_`)
/// in an object column: their value.
fn numpy_scalar(value: &Bound<'_, PyAny>) -> Option<OwnedCell> {
    static GENERIC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let py = value.py();
    let numpy_loaded = py
        .import("sys")
        .and_then(|sys| sys.getattr("modules"))
        .and_then(|modules| modules.contains("numpy"))
        .unwrap_or(false);
    if !numpy_loaded {
        return None;
    }
    let generic = GENERIC.import(py, "numpy", "generic").ok()?;
    if !value.is_instance(generic).ok()? {
        return None;
    }
    let item = value.call_method0("item").ok()?;
    if item.is_instance_of::<PyBool>()
        || item.is_instance_of::<PyInt>()
        || item.is_instance_of::<PyFloat>()
        || item.is_instance_of::<PyString>()
    {
        Some(read_cell(&item))
    } else {
        None
    }
}

/// A column: its name and its cells, as a list.
struct Column<'py> {
    name: String,
    cells: Bound<'py, PyList>,
}

/// The columns of a table: a dict from names to cells, or `(name, cells)` pairs (which allow
/// two columns of the same name, as a DataFrame can have).
fn columns_of<'py>(table: &Bound<'py, PyAny>) -> PyResult<Vec<Column<'py>>> {
    let misuse = || {
        PyTypeError::new_err(
            "validate_table takes a dict from column names to sequences of cells, or a list of (name, cells) pairs",
        )
    };
    let pairs: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> =
        if let Ok(dict) = table.cast::<PyDict>() {
            dict.iter().collect()
        } else if table.is_instance_of::<PyString>() {
            return Err(misuse());
        } else {
            let mut pairs = Vec::new();
            for pair in table.try_iter().map_err(|_| misuse())? {
                let pair = pair?;
                let (name, cells): (Bound<'py, PyAny>, Bound<'py, PyAny>) =
                    pair.extract().map_err(|_| misuse())?;
                pairs.push((name, cells));
            }
            pairs
        };
    pairs
        .into_iter()
        .map(|(name, cells)| {
            let name = match name.cast::<PyString>() {
                Ok(text) => text.to_string_lossy().into_owned(),
                // A column named by a number or a tuple is not a path: CEN-SCH-003.
                Err(_) => name.str()?.to_string_lossy().into_owned(),
            };
            let cells = match cells.cast::<PyList>() {
                Ok(list) => list.clone(),
                Err(_) if cells.is_instance_of::<PyString>() => return Err(misuse()),
                Err(_) => PyList::new(
                    cells.py(),
                    cells
                        .try_iter()
                        .map_err(|_| misuse())?
                        .collect::<PyResult<Vec<_>>>()?,
                )?,
            };
            Ok(Column { name, cells })
        })
        .collect()
}

/// The rows of a chunk of a table, ready to be checked on any thread.
struct Rows {
    layout: Arc<Layout>,
    /// Row by row, the cells in the layout's column order.
    cells: Vec<Vec<OwnedCell>>,
}

impl Chunk for Rows {
    fn len(&self) -> usize {
        self.cells.len()
    }

    fn check(&self, i: usize, validator: &Validator) -> Checked {
        let row = self.cells.get(i).map(Vec::as_slice).unwrap_or_default();
        let cells: Vec<Cell<'_>> = row.iter().map(OwnedCell::cell).collect();
        validator.check_row(&self.layout, &cells)
    }
}

/// Validates a table's rows as one batch; one report per row.
pub fn validate_table<'py>(
    py: Python<'py>,
    validator: &Validator,
    table: &Bound<'py, PyAny>,
    rows: Option<usize>,
    threads: Threads,
) -> PyResult<Bound<'py, PyList>> {
    let columns = columns_of(table)?;
    let layout = Arc::new(Layout::new(columns.iter().map(|c| c.name.as_str())));
    let rows = rows.unwrap_or_else(|| columns.iter().map(|c| c.cells.len()).max().unwrap_or(0));
    let out = PyList::empty(py);
    let mut start = 0;
    let next = || -> PyResult<Option<Rows>> {
        if start > 0 {
            py.check_signals()?;
        }
        if start >= rows {
            return Ok(None);
        }
        let end = (start + CHUNK).min(rows);
        // A short column leaves its last rows empty.
        let cells = (start..end)
            .map(|row| {
                columns
                    .iter()
                    .map(|column| match column.cells.get_item(row) {
                        Ok(value) => read_cell(&value),
                        Err(_) => OwnedCell::Empty,
                    })
                    .collect()
            })
            .collect();
        start = end;
        Ok(Some(Rows {
            layout: layout.clone(),
            cells,
        }))
    };
    let consume = |report| out.append(PyReport::create(py, report)?);
    let mut batch = Batch::new(validator.clone());
    pipeline::run(py, &mut batch, &threads, next, consume)?;
    Ok(out)
}

/// The issues of many reports as columns (`row`, `rule`, `severity`, `path`, `column`,
/// `message`), one entry per issue, `row` being the report's position: what
/// `validate_frame` turns into a DataFrame.
#[pyfunction]
pub fn issue_columns<'py>(
    py: Python<'py>,
    reports: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let row = PyList::empty(py);
    let rule = PyList::empty(py);
    let severity = PyList::empty(py);
    let path = PyList::empty(py);
    let column = PyList::empty(py);
    let message = PyList::empty(py);
    for (position, report) in reports.try_iter()?.enumerate() {
        let report = report?;
        let report = report
            .cast::<PyReport>()
            .map_err(|_| PyTypeError::new_err("issue_columns takes an iterable of cen.Report"))?;
        for issue in &report.get().inner.issues {
            row.append(position)?;
            rule.append(issue.rule)?;
            severity.append(issue.severity.as_str())?;
            path.append(&issue.path)?;
            column.append(cen_model::flat::column_of(&issue.path))?;
            message.append(&issue.message)?;
        }
    }
    let out = PyDict::new(py);
    out.set_item("row", row)?;
    out.set_item("rule", rule)?;
    out.set_item("severity", severity)?;
    out.set_item("path", path)?;
    out.set_item("column", column)?;
    out.set_item("message", message)?;
    Ok(out)
}
