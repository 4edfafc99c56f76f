//! `cen export-cen`: the non-nominal projection of every record (spec 2.8), as NDJSON, in
//! record order. The projection is the core's; records that are not JSON objects cannot be
//! projected: they are reported on standard error, counted, and left out. With
//! `--valid-only`, records are validated first (one batch, as `cen validate` does) and only
//! the valid ones are projected.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use cen_rules::{Report, Severity};

use crate::args::ExportArgs;
use crate::input::{self, InputFile, Inputs, OwnedCell, Payload, Raw};
use crate::output::counted;
use crate::pipeline::{self, Job};
use crate::style::Style;
use crate::{options, Failure, EXIT_FAILURE, EXIT_INVALID, EXIT_VALID};

/// The projection of one record as JSON text, or why it cannot be made.
pub fn project(raw: &Raw) -> Result<String, String> {
    match &raw.payload {
        Payload::Json(bytes) => {
            let text = std::str::from_utf8(bytes.as_slice())
                .map_err(|_| cen_model::Fatal::NotUtf8.to_string())?;
            cen_model::project::to_cen_json(text).map_err(|fatal| fatal.to_string())
        }
        Payload::Row { layout, cells } => {
            let cells: Vec<_> = cells.iter().map(OwnedCell::as_cell).collect();
            let row = layout.record(&cells);
            cen_model::to_cen_value(&row.value)
                .map(|value| value.to_string())
                .ok_or_else(|| cen_model::Fatal::NotObject.to_string())
        }
        Payload::Malformed(detail) | Payload::TooLarge(detail) => Err(detail.clone()),
    }
}

/// Why a record is left out.
enum Skip {
    /// It cannot be projected (not a record).
    Unreadable(String),
    /// `--valid-only`: its report has errors (the rules, each once, in report order).
    Invalid(Vec<&'static str>),
}

/// What became of one record.
struct Exported {
    file: usize,
    line: u64,
    result: Result<String, Skip>,
}

/// Writes the records and counts them.
struct Export {
    out: Mutex<options::Output>,
    sources: Vec<InputFile>,
    style: Style,
    exported: u64,
    unreadable: u64,
    invalid: u64,
}

impl Export {
    fn take(&mut self, record: Exported) -> Result<(), Failure> {
        let reason = match record.result {
            Ok(json) => {
                let out = match self.out.get_mut() {
                    Ok(out) => out,
                    Err(poisoned) => poisoned.into_inner(),
                };
                out.write_all(json.as_bytes())?;
                out.write_all(b"\n")?;
                self.exported += 1;
                return Ok(());
            }
            Err(Skip::Unreadable(reason)) => {
                self.unreadable += 1;
                reason
            }
            Err(Skip::Invalid(rules)) => {
                self.invalid += 1;
                format!("invalid ({})", rules.join(", "))
            }
        };
        let source = &self.sources[record.file];
        eprintln!(
            "cen: {} {} {} {}: not exported: {reason}",
            self.style.warning("skipped:"),
            source.name,
            source.format.position_word(),
            record.line
        );
        Ok(())
    }
}

/// What a record becomes for the export, found on worker threads.
struct Projection;

impl Job for Projection {
    type Out = Exported;

    fn render(&self, raw: &Raw, _index: usize, report: Report) -> Exported {
        let result = if report.valid {
            project(raw).map_err(Skip::Unreadable)
        } else if let Err(reason) = project(raw) {
            Err(Skip::Unreadable(reason))
        } else {
            let mut rules: Vec<&'static str> = Vec::new();
            for issue in report
                .issues
                .iter()
                .filter(|i| i.severity == Severity::Error)
            {
                if !rules.contains(&issue.rule) {
                    rules.push(issue.rule);
                }
            }
            Err(Skip::Invalid(rules))
        };
        Exported {
            file: raw.file,
            line: raw.line,
            result,
        }
    }
}

/// Runs `cen export-cen`.
pub fn run(args: ExportArgs) -> Result<u8, Failure> {
    let validator = if args.valid_only {
        Some(options::validator(&args.options)?)
    } else {
        None
    };
    let jobs = options::jobs(args.jobs)?;
    let (sources, problems) = input::sources(&args.input);
    options::check_output(args.output.as_deref(), &args.input.files)?;
    let (out, _) = options::output(args.output.as_deref())?;
    let style = Style::new(io::stderr().is_terminal());
    let mut inputs = Inputs::new(sources, problems, style);
    let mut export = Export {
        out: Mutex::new(out),
        sources: inputs.sources().to_vec(),
        style,
        exported: 0,
        unreadable: 0,
        invalid: 0,
    };
    match validator.clone() {
        Some(validator) => {
            pipeline::run(validator, &mut inputs, jobs, &Projection, |out| {
                export.take(out)
            })?;
        }
        None => {
            while let Some(raw) = inputs.next_raw() {
                export.take(Exported {
                    file: raw.file,
                    line: raw.line,
                    result: project(&raw).map_err(Skip::Unreadable),
                })?;
            }
        }
    }
    match export.out.get_mut() {
        Ok(out) => out.flush()?,
        Err(poisoned) => poisoned.into_inner().flush()?,
    }
    let Export {
        exported,
        unreadable,
        invalid,
        ..
    } = export;
    let mut summary = format!("cen: {} exported", counted(exported, "record"));
    if validator.is_some() {
        summary.push_str(&format!(
            ", {} not exported",
            counted(invalid, "invalid record")
        ));
    }
    summary.push_str(&format!(", {unreadable} could not be read"));
    if inputs.failures > 0 {
        summary.push_str(&format!(
            ", {}",
            counted(inputs.failures as u64, "input problem")
        ));
    }
    eprintln!("{summary}");
    Ok(
        if inputs.failures > 0 || exported + unreadable + invalid == 0 {
            EXIT_FAILURE
        } else if unreadable + invalid > 0 {
            EXIT_INVALID
        } else {
            EXIT_VALID
        },
    )
}
