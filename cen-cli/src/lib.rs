//! The command-line tool of the cen library (spec 5.4), as a library: the binary `cen`
//! (`src/main.rs`) only calls [`main`]. Validate files of seizure records (JSON, NDJSON, CSV,
//! Excel), export their non-nominal part for CEN, compute statistics, write Excel data-entry
//! templates, and look up codes and rules.
//!
//! Every command is a thin layer over the core crates (`cen-rules`, `cen-model`,
//! `codes-data`) and the file readers of `cen-files`: this crate opens the files of a command
//! line, runs the core's calls and writes what they return. What `cen validate` makes of one
//! record ([`report_of`], [`columns_of`], [`projection_of`]) is public so that the fuzz target
//! `fuzz/fuzz_targets/files.rs` can check it on arbitrary files.

mod args;
mod entry;
mod export;
pub mod input;
mod lookup;
mod options;
mod output;
mod pipeline;
#[cfg(feature = "serve")]
mod serve;
mod stats;
mod style;
mod tables;
mod template;
mod validate;

pub use input::{
    max_columns, read_bytes, Bytes, FileRead, Format, OwnedCell, Payload, Raw, EXCEL_COLUMNS,
    INFLATE_GRACE, MAX_INFLATE_RATIO, MAX_ROW_BYTES, MAX_STDIN_WORKBOOK, MAX_WHOLE_PART,
};

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use args::{Cli, Command, TablesCommand};

/// Exit status: every record valid (spec 5.4).
pub const EXIT_VALID: u8 = 0;
/// Exit status: some record is invalid (or, for `codes`, not found).
pub const EXIT_INVALID: u8 = 1;
/// Exit status: the command itself could not run (unreadable file, bad options or profile).
pub const EXIT_FAILURE: u8 = 2;
/// Exit status when the reader of our output went away (`cen ... | head`): what a shell
/// reports for a process stopped by SIGPIPE, as coreutils tools would be.
pub const EXIT_BROKEN_PIPE: u8 = 141;

/// Why a command stopped before its end.
#[derive(Debug)]
pub enum Failure {
    /// A message for standard error; exit status 2.
    Message(String),
    /// Writing the output failed.
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Io(error)
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

/// Runs the command line of the process and returns its exit status.
pub fn main() -> ExitCode {
    let version = args::long_version();
    let matches = Cli::command().long_version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let result = match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::ExportCen(args) => export::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Template(args) => template::run(args),
        Command::Schema(args) => lookup::schema(args),
        Command::Codes(args) => lookup::codes(args),
        Command::Rules(args) => lookup::rules(args),
        Command::Generate(args) => lookup::generate(args),
        Command::Search(args) => entry::search(args),
        Command::FormModel(args) => entry::form_model(args),
        Command::Tables(TablesCommand::Build(args)) => tables::build(args),
        Command::Tables(TablesCommand::Info(args)) => tables::info(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(Failure::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::from(EXIT_BROKEN_PIPE)
        }
        Err(Failure::Io(error)) => {
            report_failure(&format!("cannot write the output: {error}"));
            ExitCode::from(EXIT_FAILURE)
        }
        Err(Failure::Message(message)) => {
            report_failure(&message);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Writes `cen: error: message` on standard error (in red on a terminal).
fn report_failure(message: &str) {
    let style = style::Style::new(io::stderr().is_terminal());
    let _ = writeln!(io::stderr(), "cen: {} {message}", style.error("error:"));
}

/// The report `cen validate` gives of one record read alone (without duplicate detection,
/// which needs the run): the core's report of the JSON text, of the flat row, or of a record
/// the reader could not make sense of.
pub fn report_of(validator: &cen_rules::Validator, raw: &Raw) -> cen_rules::Report {
    validator.report(raw.check(validator), None)
}

/// The column of each issue of a report of flat input, as `cen validate` writes them; `None`
/// for JSON input.
pub fn columns_of(format: Format, report: &cen_rules::Report) -> Option<Vec<Option<String>>> {
    output::columns(format, report)
}

/// What `cen export-cen` writes for one record: its non-nominal projection as JSON text, or why
/// it cannot be made.
pub fn projection_of(raw: &Raw) -> Result<String, String> {
    export::project(raw)
}
