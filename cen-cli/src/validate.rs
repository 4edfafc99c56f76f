//! `cen validate`: every record's report, in input order, as text for people or as JSON,
//! NDJSON or CSV for machines. Reports are the core's, byte for byte (spec 5.2); the writers
//! only add where each record was found (and, for flat input, the column of each issue).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, Mutex, MutexGuard};

use cen_rules::{Report, Severity, Validator};

use crate::args::{ReportFormat, ValidateArgs};
use crate::input::{self, InputFile, Inputs, Raw};
use crate::output::{columns, counted, detail, json_line, position_prefix};
use crate::pipeline::{self, Job};
use crate::style::Style;
use crate::{options, Failure, EXIT_FAILURE, EXIT_INVALID, EXIT_VALID};

/// One record, rendered.
pub struct Rendered {
    file: usize,
    valid: bool,
    issues: Vec<(&'static str, Severity)>,
    text: Vec<u8>,
}

/// Issues of one rule over the run.
#[derive(Debug, Default)]
struct RuleCount {
    severity: Option<Severity>,
    issues: u64,
    records: u64,
}

/// Counts of the run, for the summary.
#[derive(Debug, Default)]
struct Summary {
    records: u64,
    valid: u64,
    invalid: u64,
    rules: BTreeMap<&'static str, RuleCount>,
    per_file: Vec<u64>,
}

impl Summary {
    fn add(&mut self, rendered: &Rendered) {
        self.records += 1;
        if rendered.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        if let Some(count) = self.per_file.get_mut(rendered.file) {
            *count += 1;
        }
        let mut seen: Vec<&str> = Vec::new();
        for (rule, severity) in &rendered.issues {
            let count = self.rules.entry(rule).or_default();
            count.severity.get_or_insert(*severity);
            count.issues += 1;
            if !seen.contains(rule) {
                seen.push(rule);
                count.records += 1;
            }
        }
    }

    fn to_json(&self, sources: &[InputFile]) -> String {
        let rules: serde_json::Map<String, serde_json::Value> = self
            .rules
            .iter()
            .map(|(rule, count)| {
                (
                    (*rule).to_owned(),
                    serde_json::json!({
                        "severity": count.severity.map(Severity::as_str),
                        "issues": count.issues,
                        "records": count.records,
                    }),
                )
            })
            .collect();
        let files: Vec<serde_json::Value> = sources
            .iter()
            .zip(&self.per_file)
            .map(|(s, n)| serde_json::json!({"file": s.name, "records": n}))
            .collect();
        serde_json::json!({
            "records": self.records,
            "valid": self.valid,
            "invalid": self.invalid,
            "rules": rules,
            "files": files,
        })
        .to_string()
    }
}

/// The writer of `cen validate`.
struct ValidateJob {
    format: ReportFormat,
    sources: Arc<Vec<InputFile>>,
    /// The start of each source's position in JSON.
    prefixes: Vec<Vec<u8>>,
    out: Mutex<options::Output>,
    style: Style,
    all: bool,
    quiet: bool,
    summary: Mutex<Summary>,
    /// The language of the summary's words (`--lang`).
    lang: codes_data::Lang,
}

/// A word of the summary in `lang` (`codes-data/data/words.tsv`, group `summary`).
fn summary_word(key: &'static str, lang: codes_data::Lang) -> &'static str {
    codes_data::word("summary", key, lang)
        .or_else(|| codes_data::word("summary", key, codes_data::Lang::En))
        .unwrap_or(key)
}

impl ValidateJob {
    /// The output; only the thread that consumes records writes, so the lock is never
    /// contended (it makes the job shareable with worker threads, which only read).
    fn out(&self) -> MutexGuard<'_, options::Output> {
        self.out
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The counts so far; as [`ValidateJob::out`], written by the consuming thread only.
    fn summary(&self) -> MutexGuard<'_, Summary> {
        self.summary
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn start(&mut self) -> io::Result<()> {
        match self.format {
            ReportFormat::Json => self.out().write_all(b"{\"records\":[\n"),
            ReportFormat::Csv => self.out().write_all(
                b"file,line,record,valid,quality,rule,severity,path,column,message,params,detail\n",
            ),
            ReportFormat::Text | ReportFormat::Ndjson => Ok(()),
        }
    }

    /// Ends the output. `failed`: no record could be read because of input problems (a file
    /// that does not exist, say), which standard error has told; text then shows no empty
    /// summary after them.
    fn finish(&mut self, failed: bool) -> io::Result<()> {
        match self.format {
            ReportFormat::Json => {
                if self.summary().records > 0 {
                    self.out().write_all(b"\n")?;
                }
                let summary = self.summary().to_json(&self.sources);
                writeln!(self.out(), "],\"summary\":{summary}}}")?;
            }
            ReportFormat::Text if failed && self.summary().records == 0 => {}
            ReportFormat::Text => self.write_summary()?,
            ReportFormat::Ndjson | ReportFormat::Csv => {}
        }
        self.out().flush()
    }

    fn write_summary(&mut self) -> io::Result<()> {
        let text = self.summary_text();
        self.out().write_all(text.as_bytes())
    }

    fn summary_text(&self) -> String {
        use std::fmt::Write as _;
        let summary = self.summary();
        let s = &*summary;
        let style = self.style;
        let word = |key| summary_word(key, self.lang);
        let width = s.records.to_string().len().max(5);
        let mut out = String::new();
        let invalid = format!("{:>width$}", s.invalid);
        if s.records > s.valid && !self.quiet {
            let _ = writeln!(out);
        }
        // The words' column is as wide as the longest of them (7 in English).
        let (records, valid, invalid_word) = (word("records"), word("valid"), word("invalid"));
        let label = [records, valid, invalid_word]
            .iter()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "{}", style.strong(word("summary")));
        let _ = writeln!(out, "  {records:<label$}  {:>width$}", s.records);
        let _ = writeln!(
            out,
            "  {valid:<label$}  {}",
            style.good(&format!("{:>width$}", s.valid))
        );
        let _ = writeln!(
            out,
            "  {invalid_word:<label$}  {}",
            if s.invalid > 0 {
                style.error(&invalid)
            } else {
                invalid
            }
        );
        if s.rules.is_empty() {
            return out;
        }
        let _ = writeln!(out);
        // Columns as wide as their heading where it is longer than the values.
        let (rule_word, severity_word) = (word("rule"), word("severity"));
        let (issues_word, records_word) = (word("issues"), records);
        let rule_width = rule_word.chars().count().max(11);
        let severity_width = severity_word.chars().count().max(8);
        let issues_width = issues_word.chars().count().max(7);
        let records_width = records_word.chars().count().max(7);
        let _ = writeln!(
            out,
            "  {rule_word:<rule_width$}  {severity_word:<severity_width$}  \
             {issues_word:>issues_width$}  {records_word:>records_width$}  {}",
            word("what_it_checks")
        );
        for (rule, count) in &s.rules {
            let summary = cen_rules::rule(rule).map_or("", |r| r.summary);
            let _ = writeln!(
                out,
                "  {:<rule_width$}  {}  {:>issues_width$}  {:>records_width$}  {}",
                rule,
                style.severity(count.severity.unwrap_or(Severity::Error), severity_width),
                count.issues,
                count.records,
                style.dim(summary)
            );
        }
        out
    }

    fn text_block(&self, source: &InputFile, raw: &Raw, index: usize, report: &Report) -> String {
        let show = !self.quiet && (!report.valid || (self.all && !report.issues.is_empty()));
        if !show {
            return String::new();
        }
        let style = self.style;
        let plural = |n: usize, word: &str| counted(n as u64, word);
        let verdict = if report.valid {
            style.good("valid")
        } else {
            style.error("INVALID")
        };
        let mut out = format!(
            "{} {} {} [record {index}]: {verdict} (quality {}, {}, {})\n",
            style.strong(&source.name),
            source.format.position_word(),
            raw.line,
            report.quality,
            plural(report.counts.error, "error"),
            plural(report.counts.warning, "warning"),
        );
        let columns = columns(source.format, report);
        let places: Vec<String> = report
            .issues
            .iter()
            .enumerate()
            .map(|(i, issue)| {
                let mut place = if issue.path.is_empty() {
                    "(record)".to_owned()
                } else {
                    issue.path.clone()
                };
                if let Some(Some(column)) = columns.as_ref().map(|c| &c[i]) {
                    place.push_str(&format!(" [{column}]"));
                }
                place
            })
            .collect();
        // The messages of a record start in one column, however long its places are.
        let width = places
            .iter()
            .map(|p| p.chars().count())
            .max()
            .unwrap_or(0)
            .max(28);
        for (issue, place) in report.issues.iter().zip(&places) {
            let pad = width - place.chars().count();
            out.push_str(&format!(
                "  {}  {}  {place}{}  {}\n",
                issue.rule,
                style.severity(issue.severity, 7),
                " ".repeat(pad),
                issue.message
            ));
        }
        if let Some(detail) = detail(raw) {
            out.push_str(&format!("  {}\n", style.dim(&format!("({detail})"))));
        }
        out
    }

    fn json_line(&self, source: &InputFile, raw: &Raw, index: usize, report: &Report) -> Vec<u8> {
        json_line(&self.prefixes[raw.file], source.format, raw, index, report)
    }

    fn csv_rows(&self, source: &InputFile, raw: &Raw, index: usize, report: &Report) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let columns = columns(source.format, report);
        let (line, record, quality) = (
            raw.line.to_string(),
            index.to_string(),
            report.quality.to_string(),
        );
        let valid = if report.valid { "true" } else { "false" };
        let detail = detail(raw).unwrap_or("");
        let mut result = Ok(());
        if report.issues.is_empty() {
            result = writer.write_record([
                source.name.as_str(),
                &line,
                &record,
                valid,
                &quality,
                "",
                "",
                "",
                "",
                "",
                "",
                detail,
            ]);
        }
        for (i, issue) in report.issues.iter().enumerate() {
            if result.is_err() {
                break;
            }
            let column = columns
                .as_ref()
                .and_then(|c| c[i].clone())
                .unwrap_or_default();
            let params = serde_json::to_string(&issue.params).unwrap_or_default();
            result = writer.write_record([
                source.name.as_str(),
                &line,
                &record,
                valid,
                &quality,
                issue.rule,
                issue.severity.as_str(),
                &issue.path,
                &column,
                &issue.message,
                &params,
                detail,
            ]);
        }
        match (result, writer.into_inner()) {
            (Ok(()), Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
            // Writing to memory does not fail; if it ever did, the row is lost loudly.
            _ => format!(
                "{},{},{},error,,,,,,cannot write this record as CSV,,\n",
                source.name, line, record
            ),
        }
    }
}

impl Job for ValidateJob {
    type Out = Rendered;

    fn render(&self, raw: &Raw, index: usize, report: Report) -> Rendered {
        let source = &self.sources[raw.file];
        let text = match self.format {
            ReportFormat::Text => self.text_block(source, raw, index, &report).into_bytes(),
            ReportFormat::Json | ReportFormat::Ndjson => {
                self.json_line(source, raw, index, &report)
            }
            ReportFormat::Csv => self.csv_rows(source, raw, index, &report).into_bytes(),
        };
        Rendered {
            file: raw.file,
            valid: report.valid,
            issues: report.issues.iter().map(|i| (i.rule, i.severity)).collect(),
            text,
        }
    }
}

impl ValidateJob {
    /// Writes the next record's output, in input order.
    fn consume(&self, out: Rendered) -> Result<(), Failure> {
        match self.format {
            ReportFormat::Json => {
                if self.summary().records > 0 {
                    self.out().write_all(b",\n")?;
                }
                self.out().write_all(&out.text)?;
            }
            ReportFormat::Ndjson => {
                self.out().write_all(&out.text)?;
                self.out().write_all(b"\n")?;
            }
            ReportFormat::Text | ReportFormat::Csv => self.out().write_all(&out.text)?,
        }
        self.summary().add(&out);
        Ok(())
    }
}

/// Runs `cen validate`.
pub fn run(args: ValidateArgs) -> Result<u8, Failure> {
    let validator: Validator = options::validator(&args.options)?;
    let jobs = options::jobs(args.jobs)?;
    let (sources, problems) = input::sources(&args.input);
    options::check_output(args.output.as_deref(), &args.input.files)?;
    let (out, terminal) = options::output(args.output.as_deref())?;
    let mut inputs = Inputs::new(sources, problems, Style::new(io::stderr().is_terminal()));
    let sources = Arc::new(inputs.sources().to_vec());
    let mut job = ValidateJob {
        format: args.format,
        summary: Mutex::new(Summary {
            per_file: vec![0; sources.len()],
            ..Summary::default()
        }),
        prefixes: sources.iter().map(position_prefix).collect(),
        sources,
        out: Mutex::new(out),
        style: Style::new(terminal),
        all: args.all,
        quiet: args.quiet,
        lang: validator.lang(),
    };
    job.start()?;
    let records = pipeline::run(validator, &mut inputs, jobs, &job, |out| job.consume(out))?;
    job.finish(inputs.failures > 0)?;
    Ok(if inputs.failures > 0 || records == 0 {
        EXIT_FAILURE
    } else if job.summary().invalid > 0 {
        EXIT_INVALID
    } else {
        EXIT_VALID
    })
}
