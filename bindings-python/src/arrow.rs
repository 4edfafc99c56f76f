//! `validate_arrow`: flat rows (spec 5.3) in Arrow columns, validated without a Python object
//! per row, and their issues given back as Arrow tables.
//!
//! The data comes through the Arrow C data interface (the PyCapsule protocol that pyarrow,
//! polars, pandas and others implement), so that the columns are read where they lie. The
//! stream is read a record batch at a time with the GIL held (a Python-backed stream may need
//! it); each batch is then cut into slices that are validated with the GIL released: the rows
//! of a slice are checked on every core (`Validator::check_row`), their duplicates found in
//! input order (the core's `Sequence`, so CEN-DUP-001 is that of one batch of all the rows), their
//! reports written on every core again, and their issues appended to Arrow arrays. Arrow data
//! is only ever released with the GIL held: the batches outlive every slice.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Int64Builder, ListBuilder, StringBuilder, UInt32Builder, UInt64Builder,
    UInt8Builder,
};
use arrow_array::{ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use cen_model::flat::{Cell, Layout};
use cen_rules::{Checked, Report, Sequence, Validator};
use pyo3::exceptions::{PyImportError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;
use rayon::prelude::*;

use crate::arrow_cells::{Column, ColumnError};
use crate::pipeline::Threads;
use crate::validator::PyValidator;

/// Rows validated together with the GIL released: enough for every core to have work, few
/// enough that the reports of a slice stay small whatever the size of the input.
const SLICE: usize = 16_384;

/// The schema of the table of issues: one row per issue, as `validate_frame`'s DataFrame.
fn issue_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("row", DataType::Int64, false),
        Field::new("rule", DataType::Utf8, false),
        Field::new("severity", DataType::Utf8, false),
        Field::new("path", DataType::Utf8, false),
        Field::new("column", DataType::Utf8, true),
        Field::new("message", DataType::Utf8, false),
    ]))
}

/// The item of the `keys` column: a fingerprint of one duplicate key.
fn key_item() -> Arc<Field> {
    Arc::new(Field::new("item", DataType::UInt64, false))
}

/// The schema of the table of rows: one row per input row, in order; with `keys`, the
/// fingerprints of each row's duplicate keys last.
fn row_schema(keys: bool) -> SchemaRef {
    let mut fields = vec![
        Field::new("valid", DataType::Boolean, false),
        Field::new("quality", DataType::UInt8, false),
        Field::new("errors", DataType::UInt32, false),
        Field::new("warnings", DataType::UInt32, false),
        Field::new("infos", DataType::UInt32, false),
    ];
    if keys {
        fields.push(Field::new("keys", DataType::List(key_item()), false));
    }
    Arc::new(Schema::new(fields))
}

/// The tables being written: issues, (when asked for) one row per input row, and (when asked
/// for) the rows' duplicate keys.
struct Output {
    issues: Vec<RecordBatch>,
    rows: Option<Vec<RecordBatch>>,
    keys: bool,
}

impl Output {
    fn push(
        &mut self,
        first_row: usize,
        reports: &[Report],
        keys: Option<&[Vec<u64>]>,
    ) -> Result<(), ArrowError> {
        let count: usize = reports.iter().map(|r| r.issues.len()).sum();
        let bytes: usize = reports
            .iter()
            .flat_map(|r| &r.issues)
            .map(|i| i.message.len())
            .sum();
        let mut row = Int64Builder::with_capacity(count);
        let mut rule = StringBuilder::with_capacity(count, count * 11);
        let mut severity = StringBuilder::with_capacity(count, count * 7);
        let mut path = StringBuilder::with_capacity(count, count * 16);
        let mut column = StringBuilder::with_capacity(count, count * 16);
        let mut message = StringBuilder::with_capacity(count, bytes);
        for (offset, report) in reports.iter().enumerate() {
            let position = i64::try_from(first_row + offset).unwrap_or(i64::MAX);
            for issue in &report.issues {
                row.append_value(position);
                rule.append_value(issue.rule);
                severity.append_value(issue.severity.as_str());
                path.append_value(&issue.path);
                column.append_option(cen_model::flat::column_of(&issue.path));
                message.append_value(&issue.message);
            }
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(row.finish()),
            Arc::new(rule.finish()),
            Arc::new(severity.finish()),
            Arc::new(path.finish()),
            Arc::new(column.finish()),
            Arc::new(message.finish()),
        ];
        self.issues
            .push(RecordBatch::try_new(issue_schema(), columns)?);

        if let Some(rows) = &mut self.rows {
            let n = reports.len();
            let mut valid = BooleanBuilder::with_capacity(n);
            let mut quality = UInt8Builder::with_capacity(n);
            let mut errors = UInt32Builder::with_capacity(n);
            let mut warnings = UInt32Builder::with_capacity(n);
            let mut infos = UInt32Builder::with_capacity(n);
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            for report in reports {
                valid.append_value(report.valid);
                quality.append_value(report.quality);
                errors.append_value(count(report.counts.error));
                warnings.append_value(count(report.counts.warning));
                infos.append_value(count(report.counts.info));
            }
            let mut columns: Vec<ArrayRef> = vec![
                Arc::new(valid.finish()),
                Arc::new(quality.finish()),
                Arc::new(errors.finish()),
                Arc::new(warnings.finish()),
                Arc::new(infos.finish()),
            ];
            if let Some(keys) = keys {
                let count = keys.iter().map(Vec::len).sum();
                let mut list = ListBuilder::with_capacity(UInt64Builder::with_capacity(count), n)
                    .with_field(key_item());
                for row in keys {
                    list.values().append_slice(row);
                    list.append(true);
                }
                columns.push(Arc::new(list.finish()));
            }
            rows.push(RecordBatch::try_new(row_schema(self.keys), columns)?);
        }
        Ok(())
    }
}

/// `f` of every item, in order: on the threads asked for, or on the calling thread.
fn map_all<I: Send, T: Send>(
    threads: &Threads,
    items: Vec<I>,
    f: impl Fn(I) -> T + Sync + Send,
) -> Vec<T> {
    match threads {
        Threads::One => items.into_iter().map(f).collect(),
        Threads::Pool(None) => items.into_par_iter().map(f).collect(),
        Threads::Pool(Some(pool)) => pool.install(|| items.into_par_iter().map(f).collect()),
    }
}

/// Validates one slice of a record batch (without the GIL).
fn validate_slice(
    validator: &Validator,
    layout: &Layout,
    names: &[String],
    slice: &RecordBatch,
    threads: &Threads,
    sequence: &mut Sequence,
    output: &mut Output,
) -> Result<(), String> {
    let columns = map_all(
        threads,
        slice.columns().iter().zip(names).collect(),
        |(array, name)| {
            Column::new(array).map_err(|ColumnError(why)| format!("column `{name}`: {why}"))
        },
    )
    .into_iter()
    .collect::<Result<Vec<Column>, String>>()?;
    let rows = slice.num_rows();
    let checked: Vec<Checked> = map_all(threads, (0..rows).collect(), |i| {
        let cells: Vec<Cell<'_>> = columns.iter().map(|c| c.cell(i)).collect();
        validator.check_row(layout, &cells)
    });
    // Duplicates are found in input order, as in one batch of every row so far.
    let first_row = sequence.len();
    let pairs: Vec<(Checked, Option<usize>)> = checked
        .into_iter()
        .map(|c| {
            let first = sequence.place(c.duplicate_keys()).duplicate_of;
            (c, first)
        })
        .collect();
    let keys: Option<Vec<Vec<u64>>> = output.keys.then(|| {
        pairs
            .iter()
            .map(|(c, _)| c.duplicate_keys().fingerprints().to_vec())
            .collect()
    });
    let reports: Vec<Report> = map_all(threads, pairs, |(c, first)| validator.report(c, first));
    output
        .push(first_row, &reports, keys.as_deref())
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// The Arrow data of `data`: a record batch, or a stream of them.
fn arrow_input(data: &Bound<'_, PyAny>) -> PyResult<AnyRecordBatch> {
    let py = data.py();
    let arrow = data.hasattr(intern!(py, "__arrow_c_stream__"))?
        || data.hasattr(intern!(py, "__arrow_c_array__"))?;
    if !arrow {
        let name = crate::options::type_name(data);
        return Err(PyTypeError::new_err(format!(
            "validate_arrow takes Arrow data whose columns are flat paths (spec 5.3): a pyarrow.Table, RecordBatch or RecordBatchReader, a polars or pandas DataFrame, or any object with __arrow_c_stream__ or __arrow_c_array__; not {name}"
        )));
    }
    data.extract::<AnyRecordBatch>().map_err(|error| {
        let wrapped = PyTypeError::new_err(format!(
            "validate_arrow: the Arrow data cannot be read as a table of rows: {error}"
        ));
        wrapped.set_cause(py, Some(error));
        wrapped
    })
}

/// A table of Arrow batches as a `pyarrow.Table`.
fn to_pyarrow<'py>(
    py: Python<'py>,
    batches: Vec<RecordBatch>,
    schema: SchemaRef,
) -> PyResult<Bound<'py, PyAny>> {
    let table = PyTable::try_new(batches, schema)?;
    table.into_pyarrow(py).map_err(|error| {
        if error.is_instance_of::<PyImportError>(py) {
            let wrapped = PyImportError::new_err(
                "validate_arrow returns pyarrow tables: pip install pyarrow",
            );
            wrapped.set_cause(py, Some(error));
            wrapped
        } else {
            error
        }
    })
}

/// Validates flat rows given as Arrow data with a validator's options; see
/// `cen.Validator.validate_arrow`. Returns the table of issues, or `(issues, rows)` when `rows`
/// or `keys` is true (`keys` adds the rows' duplicate keys to the table of rows).
#[pyfunction]
#[pyo3(signature = (validator, data, *, rows=false, keys=false, threads=None))]
pub fn validate_arrow_with<'py>(
    py: Python<'py>,
    validator: &Bound<'py, PyValidator>,
    data: &Bound<'py, PyAny>,
    rows: bool,
    keys: bool,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = Threads::from_arg(threads)?;
    let validator = &validator.get().inner;
    let reader: Box<dyn RecordBatchReader + Send> = arrow_input(data)?.into_reader()?;
    let schema = reader.schema();
    let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    let layout = Layout::new(&names);
    let mut sequence = Sequence::new();
    let mut output = Output {
        issues: Vec::new(),
        rows: (rows || keys).then(Vec::new),
        keys,
    };
    // Read with the GIL held: a stream backed by Python code needs it.
    for batch in reader {
        let batch = batch.map_err(|e| {
            PyValueError::new_err(format!("validate_arrow: cannot read the Arrow data: {e}"))
        })?;
        if batch.num_columns() != names.len() {
            return Err(PyValueError::new_err(format!(
                "validate_arrow: a record batch has {} columns where the schema has {}",
                batch.num_columns(),
                names.len()
            )));
        }
        let mut start = 0;
        while start < batch.num_rows() {
            let length = SLICE.min(batch.num_rows() - start);
            let slice = batch.slice(start, length);
            py.detach(|| {
                validate_slice(
                    validator,
                    &layout,
                    &names,
                    &slice,
                    &threads,
                    &mut sequence,
                    &mut output,
                )
            })
            .map_err(|why| PyValueError::new_err(format!("validate_arrow: {why}")))?;
            // A long input can be interrupted (Ctrl-C) between slices.
            py.check_signals()?;
            start += length;
        }
    }
    let issues = to_pyarrow(py, output.issues, issue_schema())?;
    match output.rows {
        None => Ok(issues),
        Some(rows) => {
            let rows = to_pyarrow(py, rows, row_schema(keys))?;
            Ok(PyTuple::new(py, [issues, rows])?.into_any())
        }
    }
}
