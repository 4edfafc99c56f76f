//! Reports as C data: the summary (verdict and counts), and a report handle whose issues a C
//! program reads field by field, without parsing JSON.

use std::collections::HashMap;
use std::ffi::{c_char, c_int, CString};
use std::sync::OnceLock;

use cen_model::{Enumeration, Form, Source};
use cen_rules::{Report, Severity};

use crate::status::{cen_status, guard, Failure};
use crate::text::{give_report, out_slot};

/// The verdict on one record and its counts (the top of the report of spec 5.2).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cen_summary {
    /// 1 when no issue has severity `error`, else 0.
    pub valid: c_int,
    /// The data-quality score, 0 to 100.
    pub quality: c_int,
    /// How many issues have severity `error`.
    pub error_count: usize,
    /// How many issues have severity `warning`.
    pub warning_count: usize,
    /// How many issues have severity `info`.
    pub info_count: usize,
    /// How many issues in all (the sum of the three counts).
    pub issue_count: usize,
    /// The form that was applied: `"long"` or `"simplified"`. A static string owned by libcen:
    /// never free it; it stays valid as long as the library is loaded.
    pub form: *const c_char,
    /// The source that was applied: `"cen"`, `"ncen"` or `"cencomm"`. Static, as `form`.
    pub source: *const c_char,
}

/// One issue of a report, as borrowed strings. Every pointer belongs to the report it was read
/// from and stays valid until that report is freed with `cen_report_free`; never free them.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cen_issue {
    /// The rule id, such as `"CEN-MOV-001"`.
    pub rule: *const c_char,
    /// `"error"`, `"warning"` or `"info"`, after the profile's severities.
    pub severity: *const c_char,
    /// The JSON Pointer of the offending value (`"/goods/0/unit"`; `""` for the whole record),
    /// NUL-terminated.
    pub path: *const c_char,
    /// The length of `path` in bytes. It differs from `strlen(path)` only when the record's
    /// field names contain the escape `\u0000`, which a path then repeats.
    pub path_len: usize,
    /// The message in the language of the options, UTF-8, NUL-terminated.
    pub message: *const c_char,
    /// The length of `message` in bytes (it may quote the record's text, as `path`).
    pub message_len: usize,
    /// The named params as a compact JSON object (`"{}"` when the rule has none).
    pub params_json: *const c_char,
}

/// The static NUL-terminated copies of the words a summary or issue points to: forms, sources,
/// severities and rule ids, made once from the core's own lists.
fn static_word(word: &'static str) -> *const c_char {
    static WORDS: OnceLock<HashMap<&'static str, CString>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let forms = Form::ALL.iter().map(|f| f.as_str());
        let sources = Source::ALL.iter().map(|s| s.as_str());
        let severities = [Severity::Error, Severity::Warning, Severity::Info].map(Severity::as_str);
        let rules = cen_rules::catalogue().iter().map(|r| r.id);
        forms
            .chain(sources)
            .chain(severities)
            .chain(rules)
            .filter_map(|w| CString::new(w).ok().map(|c| (w, c)))
            .collect()
    });
    words.get(word).map_or(c"".as_ptr(), |c| c.as_ptr())
}

pub(crate) fn summary_of(report: &Report) -> cen_summary {
    let counts = report.counts;
    cen_summary {
        valid: c_int::from(report.valid),
        quality: c_int::from(report.quality),
        error_count: counts.error,
        warning_count: counts.warning,
        info_count: counts.info,
        issue_count: report.issues.len(),
        form: static_word(report.form.as_str()),
        source: static_word(report.source.as_str()),
    }
}

/// Text with a terminating NUL, kept with its length (it may hold NUL bytes of its own).
struct Text(Box<[u8]>);

impl Text {
    fn new(text: &str) -> Text {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        bytes.extend_from_slice(text.as_bytes());
        bytes.push(0);
        Text(bytes.into_boxed_slice())
    }

    fn ptr(&self) -> *const c_char {
        self.0.as_ptr().cast()
    }

    fn len(&self) -> usize {
        self.0.len() - 1
    }
}

struct IssueText {
    path: Text,
    message: Text,
    params: Text,
}

/// A report held by libcen. Opaque; read it with `cen_report_summary`, `cen_report_issue` and
/// `cen_report_json`, and free it with `cen_report_free`. Immutable, so several threads may
/// read one report at once.
pub struct cen_report {
    report: Report,
    summary: cen_summary,
    texts: Vec<IssueText>,
}

impl cen_report {
    pub(crate) fn new(report: Report) -> cen_report {
        let texts = report
            .issues
            .iter()
            .map(|issue| IssueText {
                path: Text::new(&issue.path),
                message: Text::new(&issue.message),
                params: Text::new(&serde_json::to_string(&issue.params).unwrap_or_default()),
            })
            .collect();
        cen_report {
            summary: summary_of(&report),
            report,
            texts,
        }
    }

    /// Hands the report to the caller through `slot`.
    pub(crate) fn give(report: Report, slot: &mut *mut cen_report) {
        *slot = Box::into_raw(Box::new(cen_report::new(report)));
    }
}

/// The report behind a handle, or `CEN_ERR_NULL`.
///
/// # Safety
/// `r` is NULL or a live report.
unsafe fn report<'a>(r: *const cen_report) -> Result<&'a cen_report, Failure> {
    // SAFETY: the caller promises a live handle or NULL.
    unsafe { r.as_ref() }.ok_or_else(|| Failure::null("r"))
}

/// Fills `*out` with the verdict and counts of a report. `out->issue_count` is the number of
/// issues to read with `cen_report_issue`.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `r` or `out` is NULL (then `*out` is unchanged).
///
/// Thread-safe.
///
/// # Safety
/// `r` is NULL or a live report; `out` is NULL or points to a writable `cen_summary`.
#[no_mangle]
pub unsafe extern "C" fn cen_report_summary(r: *const cen_report, out: *mut cen_summary) -> c_int {
    guard("cen_report_summary", || {
        // SAFETY: `r` is NULL or live, as documented.
        let r = unsafe { report(r) }?;
        // SAFETY: `out` is NULL or writable, as documented.
        let out = unsafe { out.as_mut() }.ok_or_else(|| Failure::null("out"))?;
        *out = r.summary;
        Ok(())
    })
}

/// Fills `*out` with issue number `index` (from 0) of a report. Issues come in the order of
/// the JSON report: by path, then rule id. The strings belong to the report.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `r` or `out` is NULL; `CEN_ERR_ARGUMENT` when `index`
/// is not less than the report's `issue_count`. On failure `*out` is unchanged.
///
/// Thread-safe.
///
/// # Safety
/// `r` is NULL or a live report; `out` is NULL or points to a writable `cen_issue`.
#[no_mangle]
pub unsafe extern "C" fn cen_report_issue(
    r: *const cen_report,
    index: usize,
    out: *mut cen_issue,
) -> c_int {
    guard("cen_report_issue", || {
        // SAFETY: `r` is NULL or live, as documented.
        let r = unsafe { report(r) }?;
        // SAFETY: `out` is NULL or writable, as documented.
        let out = unsafe { out.as_mut() }.ok_or_else(|| Failure::null("out"))?;
        let (issue, text) = r
            .report
            .issues
            .get(index)
            .zip(r.texts.get(index))
            .ok_or_else(|| {
                Failure::new(
                    cen_status::CEN_ERR_ARGUMENT,
                    format!(
                        "issue {index} does not exist (the report has {} issues)",
                        r.texts.len()
                    ),
                )
            })?;
        *out = cen_issue {
            rule: static_word(issue.rule),
            severity: static_word(issue.severity.as_str()),
            path: text.path.ptr(),
            path_len: text.path.len(),
            message: text.message.ptr(),
            message_len: text.message.len(),
            params_json: text.params.ptr(),
        };
        Ok(())
    })
}

/// Gives a report as JSON text (spec 5.2), byte for byte what `cen_validate` gives.
///
/// On success `*out` receives a new string, which the caller frees with `cen_string_free`; on
/// failure `*out` is set to NULL.
///
/// Returns `CEN_OK`; `CEN_ERR_NULL` when `r` or `out` is NULL.
///
/// Thread-safe.
///
/// # Safety
/// `r` is NULL or a live report; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn cen_report_json(r: *const cen_report, out: *mut *mut c_char) -> c_int {
    guard("cen_report_json", || {
        // SAFETY: `out` is NULL or writable, as documented.
        let slot = unsafe { out_slot(out, "out") }?;
        // SAFETY: `r` is NULL or live, as documented.
        let r = unsafe { report(r) }?;
        give_report(&r.report, slot)
    })
}

/// Frees a report and every string read from it. NULL is ignored.
///
/// # Safety
/// `r` is NULL or a report from libcen that is not freed yet and that no other thread is
/// reading; neither it nor the strings of its issues may be used after this call.
#[no_mangle]
pub unsafe extern "C" fn cen_report_free(r: *mut cen_report) {
    if r.is_null() {
        return;
    }
    crate::status::guard_void(|| {
        // SAFETY: `r` comes from `Box::into_raw` in `cen_report::give` and is freed once.
        drop(unsafe { Box::from_raw(r) });
    });
}
