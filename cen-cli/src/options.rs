//! Options of a validation from the command line, and the output file.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use cen_rules::{Options, Validator};
use serde_json::{Map, Value};

use crate::args::{FormArg, LangArg, SourceArg, ValidationOptions};
use crate::Failure;

/// The validator of these options: the command-line flags become the JSON options of spec
/// 5.1, so that the core checks them (and the profile) exactly as every other surface does.
pub fn validator(options: &ValidationOptions) -> Result<Validator, Failure> {
    let mut extra = Map::new();
    if let Some(today) = &options.today {
        extra.insert("today".into(), today.as_str().into());
    }
    if let Some(edition) = &options.hs_edition {
        extra.insert("hs_edition".into(), edition.as_str().into());
    }
    let parsed = parse(
        options.form,
        options.source,
        options.lang,
        options.profile.as_deref(),
        extra,
    )?;
    let validator =
        Validator::new(parsed).map_err(|error| Failure::Message(format!("bad option: {error}")))?;
    Ok(validator.with_tables(tables(options.tables.as_deref())?))
}

/// A pack file's bytes and the tables loaded from exactly those bytes (`cen serve` hands the
/// bytes to the form it serves), with the messages of [`tables`].
#[cfg(feature = "serve")]
pub(crate) fn pack_file(path: &Path) -> Result<(codes_data::Tables, Vec<u8>), Failure> {
    let refused = |error: codes_data::PackError| {
        Failure::Message(format!("--tables {}: {error}", path.display()))
    };
    let bytes = codes_data::Tables::read_file(path).map_err(refused)?;
    let tables = codes_data::Tables::from_bytes(&bytes).map_err(refused)?;
    Ok((tables, bytes))
}

/// The code tables of `--tables FILE.pack`, or the built-in ones without it; a pack that does
/// not load is named with the loader's reason (exit 2).
pub(crate) fn tables(pack: Option<&Path>) -> Result<codes_data::Tables, Failure> {
    match pack {
        None => Ok(codes_data::Tables::builtin()),
        Some(path) => codes_data::Tables::load(path)
            .map_err(|error| Failure::Message(format!("--tables {}: {error}", path.display()))),
    }
}

/// The core's options of the flags every command shares (form, source, language, profile)
/// and of `extra` ones: a profile the core refuses is named by its file.
pub(crate) fn parse(
    form: Option<FormArg>,
    source: Option<SourceArg>,
    lang: LangArg,
    profile: Option<&Path>,
    mut json: Map<String, Value>,
) -> Result<Options, Failure> {
    if let Some(form) = form {
        json.insert("form".into(), form.word().into());
    }
    if let Some(source) = source {
        json.insert("source".into(), source.word().into());
    }
    json.insert("lang".into(), lang.lang().code().into());
    if let Some(path) = profile {
        json.insert("profile".into(), read_profile(path)?);
    }
    let parsed = Options::from_value(&Value::Object(json)).map_err(|error| match profile {
        Some(path) if matches!(error, cen_rules::OptionsError::Profile(_)) => {
            // The core says "profile: <problem>"; name the file instead.
            let problem = error.to_string();
            let problem = problem.strip_prefix("profile: ").unwrap_or(&problem);
            format!("the profile {} is refused: {problem}", path.display())
        }
        _ => format!("bad option: {error}"),
    })?;
    Ok(parsed)
}

pub(crate) fn read_profile(path: &Path) -> Result<Value, Failure> {
    let text = std::fs::read(path)
        .map_err(|error| format!("cannot read the profile {}: {error}", path.display()))?;
    let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&text);
    serde_json::from_slice(text).map_err(|error| {
        Failure::Message(format!(
            "the profile {} is refused: it is not valid JSON ({error})",
            path.display()
        ))
    })
}

/// A command's output (`Send`, so that writers can live in jobs shared with worker threads).
pub type Output = Box<dyn Write + Send>;

/// Where a command writes: a file, or standard output. `true` when it is a terminal (colour).
pub fn output(path: Option<&Path>) -> Result<(Output, bool), Failure> {
    match path {
        Some(path) if path.as_os_str() != "-" => {
            let file = File::create(path).map_err(|error| {
                format!("cannot create the output file {}: {error}", path.display())
            })?;
            Ok((Box::new(BufWriter::with_capacity(1 << 16, file)), false))
        }
        _ => {
            let stdout = io::stdout();
            let terminal = stdout.is_terminal();
            Ok((stdout_writer(stdout), terminal))
        }
    }
}

/// Standard output, buffered. Our buffer already holds whole lines: on Unix it goes to the
/// descriptor directly rather than through `Stdout`'s line buffer, which would scan it again.
#[cfg(unix)]
fn stdout_writer(stdout: io::Stdout) -> Output {
    use std::os::fd::AsFd;
    match stdout.as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(BufWriter::with_capacity(1 << 16, File::from(fd))),
        Err(_) => Box::new(BufWriter::with_capacity(1 << 16, stdout)),
    }
}

/// Standard output, buffered.
#[cfg(not(unix))]
fn stdout_writer(stdout: io::Stdout) -> Output {
    Box::new(BufWriter::with_capacity(1 << 16, stdout))
}

/// Refuses an output file that is one of the inputs: creating it would empty it before it is
/// read.
pub fn check_output(output: Option<&Path>, inputs: &[std::path::PathBuf]) -> Result<(), Failure> {
    let Some(output) = output.filter(|p| p.as_os_str() != "-") else {
        return Ok(());
    };
    let Ok(target) = output.canonicalize() else {
        // The output does not exist yet, so it is no input.
        return Ok(());
    };
    if inputs
        .iter()
        .filter_map(|input| input.canonicalize().ok())
        .any(|input| input == target)
    {
        return Err(Failure::Message(format!(
            "the output file {} is also an input: writing it would destroy the records",
            output.display()
        )));
    }
    Ok(())
}

/// The number of validation threads: the option, else every core.
pub fn jobs(requested: Option<usize>) -> Result<usize, Failure> {
    match requested {
        Some(0) => Err(Failure::Message("--jobs must be at least 1".to_owned())),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}
