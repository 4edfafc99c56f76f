//! `cen template`: the Excel data-entry template of `cen_files::template`, saved to a file.

use cen_files::template::{workbook_with, Form, XlsxError};

use crate::args::{FormArg, TemplateArgs};
use crate::{Failure, EXIT_VALID};

fn xlsx_error(error: XlsxError) -> Failure {
    Failure::Message(format!("cannot write the template: {error}"))
}

/// The template's form of the command line's.
fn form(arg: FormArg) -> Form {
    match arg {
        FormArg::Long => Form::Long,
        FormArg::Simplified => Form::Simplified,
    }
}

/// Runs `cen template`.
pub fn run(args: TemplateArgs) -> Result<u8, Failure> {
    let extension = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if extension.as_deref() != Some("xlsx") {
        return Err(Failure::Message(format!(
            "the template must be an .xlsx file, not {}",
            args.output.display()
        )));
    }
    let tables = crate::options::tables(args.tables.as_deref())?;
    let mut workbook =
        workbook_with(form(args.form), args.lang.lang(), &tables).map_err(xlsx_error)?;
    workbook.save(&args.output).map_err(|e| {
        Failure::Message(format!(
            "cannot write the template {}: {e}",
            args.output.display()
        ))
    })?;
    Ok(EXIT_VALID)
}
