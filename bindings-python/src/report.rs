//! `cen.Report` and `cen.Issue`: the core's report (spec 5.2) as Python objects.
//!
//! A report holds the core's own `Report`; its issues, params and dicts are made on demand, so
//! that a batch of 100,000 reports costs 100,000 small objects and nothing more until they are
//! read. `to_json()` is the core's text, byte for byte the same as every other surface's.

use cen_model::Enumeration;
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;
use serde_json::Value;

/// The verdict on one record (spec 5.2): `valid`, the `form` and `source` applied, `counts` of
/// issues by severity, the data-quality score `quality` (0 to 100) and every `issue`, sorted by
/// path then rule. `to_dict()` is the JSON report as a dict; `to_json()` its exact text.
#[pyclass(module = "cen", name = "Report", frozen)]
pub struct PyReport {
    pub inner: cen_rules::Report,
}

impl PyReport {
    /// A `cen.Report` object. It is taken off the cycle collector's lists: it holds no Python
    /// object, so it can be in no cycle, and a batch of 100,000 reports would otherwise make
    /// the collector walk every object of the program again and again while they are made.
    pub fn create(py: Python<'_>, report: cen_rules::Report) -> PyResult<Bound<'_, PyReport>> {
        let object = Bound::new(py, PyReport { inner: report })?;
        // SAFETY: `object` is a live, GC-tracked object of a class that holds no reference to
        // any Python object (only Rust data) and that Python code cannot subclass, so no
        // cycle can go through it; untracking such objects is what CPython does itself for
        // tuples and dicts of atomic values.
        #[allow(unsafe_code)]
        unsafe {
            pyo3::ffi::PyObject_GC_UnTrack(object.as_ptr().cast())
        };
        Ok(object)
    }
}

#[pymethods]
impl PyReport {
    /// True when no issue has severity `error`.
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }

    /// The form that was applied: `long` or `simplified`.
    #[getter]
    fn form(&self) -> &'static str {
        self.inner.form.as_str()
    }

    /// The source that was applied: `cen`, `ncen` or `cencomm`.
    #[getter]
    fn source(&self) -> &'static str {
        self.inner.source.as_str()
    }

    /// Issues by severity: `{"error": n, "warning": n, "info": n}`.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let counts = PyDict::new(py);
        counts.set_item("error", self.inner.counts.error)?;
        counts.set_item("warning", self.inner.counts.warning)?;
        counts.set_item("info", self.inner.counts.info)?;
        Ok(counts)
    }

    /// The data-quality score, 0 to 100 (0 when the input is not a record).
    #[getter]
    fn quality(&self) -> u8 {
        self.inner.quality
    }

    /// Every issue, sorted by path (byte by byte), then rule id.
    #[getter]
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(
            py,
            self.inner.issues.iter().map(|issue| PyIssue {
                inner: issue.clone(),
            }),
        )
    }

    /// The report as compact JSON text, exactly as every surface of cen writes it.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The report as a dict: equal to `json.loads(report.to_json())`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_value())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        let mut shown: Vec<String> = report
            .issues
            .iter()
            .take(3)
            .map(|i| {
                format!(
                    "{} {} at {}",
                    i.rule,
                    i.severity.as_str(),
                    py_repr(py, &i.path)
                )
            })
            .collect();
        if report.issues.len() > 3 {
            shown.push(format!("… {} more", report.issues.len() - 3));
        }
        format!(
            "<Report {} form={} source={} quality={} errors={} warnings={} infos={}{}>",
            if report.valid { "valid" } else { "INVALID" },
            report.form.as_str(),
            report.source.as_str(),
            report.quality,
            report.counts.error,
            report.counts.warning,
            report.counts.info,
            if shown.is_empty() {
                String::new()
            } else {
                format!(": {}", shown.join("; "))
            }
        )
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        match (other.cast::<PyReport>(), op) {
            (Ok(other), CompareOp::Eq) => (self.inner == other.get().inner).into_py_any(py),
            (Ok(other), CompareOp::Ne) => (self.inner != other.get().inner).into_py_any(py),
            _ => Ok(py.NotImplemented()),
        }
    }
}

/// One problem of a record: the `rule` id (`CEN-MOV-001`), its `severity` (`error`, `warning`,
/// `info`), the JSON Pointer `path` of the offending value (`""` for the record itself), the
/// `message` in the language of the options, and the rule's named `params`.
#[pyclass(module = "cen", name = "Issue", frozen)]
pub struct PyIssue {
    pub inner: cen_rules::Issue,
}

#[pymethods]
impl PyIssue {
    /// The rule identifier, e.g. `CEN-MOV-001`.
    #[getter]
    fn rule(&self) -> &'static str {
        self.inner.rule
    }

    /// `error`, `warning` or `info` (after the profile).
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// The JSON Pointer of the offending value; `""` is the record itself.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// The message, in the language of the options.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The rule's named params (`{}` when it has none).
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(
            py,
            &serde_json::to_value(&self.inner.params).unwrap_or_default(),
        )
    }

    /// The flat column of the path (spec 5.3), e.g. `goods.0.quantity`; `None` for the record.
    #[getter]
    fn column(&self) -> Option<String> {
        cen_model::flat::column_of(&self.inner.path)
    }

    /// The issue as a dict, as it stands in the JSON report.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &serde_json::to_value(&self.inner).unwrap_or_default())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Issue(rule={}, severity={}, path={}, message={})",
            py_repr(py, self.inner.rule),
            py_repr(py, self.inner.severity.as_str()),
            py_repr(py, &self.inner.path),
            py_repr(py, &self.inner.message)
        )
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        match (other.cast::<PyIssue>(), op) {
            (Ok(other), CompareOp::Eq) => (self.inner == other.get().inner).into_py_any(py),
            (Ok(other), CompareOp::Ne) => (self.inner != other.get().inner).into_py_any(py),
            _ => Ok(py.NotImplemented()),
        }
    }
}

/// Python's `repr` of a string (quotes and escapes as Python writes them).
pub fn py_repr(py: Python<'_>, text: &str) -> String {
    pyo3::types::PyString::new(py, text)
        .repr()
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_else(|_| format!("{text:?}"))
}

/// A JSON value as the Python value `json.loads` would give.
pub fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
