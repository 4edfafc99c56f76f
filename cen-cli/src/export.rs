//! `cen export-cen`: the non-nominal projection of every record (spec 2.8), as NDJSON, in
//! record order. The projection is the core's; records that are not JSON objects cannot be
//! projected: they are reported on standard error, counted, and left out.

use std::io::{self, IsTerminal, Write};

use crate::args::ExportArgs;
use crate::input::{self, Inputs, OwnedCell, Payload, Raw};
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

/// Runs `cen export-cen`.
pub fn run(args: ExportArgs) -> Result<u8, Failure> {
    let (sources, problems) = input::sources(&args.input);
    options::check_output(args.output.as_deref(), &args.input.files)?;
    let (mut out, _) = options::output(args.output.as_deref())?;
    let style = Style::new(io::stderr().is_terminal());
    let mut inputs = Inputs::new(sources, problems, style);
    let (mut exported, mut unreadable) = (0u64, 0u64);
    while let Some(raw) = inputs.next_raw() {
        match project(&raw) {
            Ok(json) => {
                out.write_all(json.as_bytes())?;
                out.write_all(b"\n")?;
                exported += 1;
            }
            Err(reason) => {
                unreadable += 1;
                let source = &inputs.sources()[raw.file];
                eprintln!(
                    "cen: {} {} {} {}: not exported: {reason}",
                    style.warning("skipped:"),
                    source.name,
                    source.format.position_word(),
                    raw.line
                );
            }
        }
    }
    out.flush()?;
    eprintln!(
        "cen: {exported} records exported, {unreadable} could not be read{}",
        if inputs.failures > 0 {
            format!(", {} input problems", inputs.failures)
        } else {
            String::new()
        }
    );
    Ok(if inputs.failures > 0 || exported + unreadable == 0 {
        EXIT_FAILURE
    } else if unreadable > 0 {
        EXIT_INVALID
    } else {
        EXIT_VALID
    })
}
