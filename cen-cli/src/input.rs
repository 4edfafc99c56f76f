//! The records of a command line's inputs: files given as arguments and standard input, read
//! one at a time by the readers of `cen-files`, so that memory does not grow with the input.
//!
//! Formats by extension (spec 5.4): `.json` (one object, or an array streamed item by item),
//! `.ndjson` / `.jsonl` (one object per line), `.csv` and `.xlsx` (flat rows of spec 5.3); `-`
//! is standard input. A record that cannot be read (a bad line, a row with too many cells) is
//! still a record: it becomes that record's CEN-SCH-001 and the run goes on. A problem of the
//! whole file (unreadable, empty, a bad header) is reported on standard error, and the other
//! files are still read.

use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub use cen_files::{
    max_columns, read_bytes, Bytes, FileRead, FileReader, Format, OwnedCell, Payload, Raw,
    EXCEL_COLUMNS, INFLATE_GRACE, MAX_INFLATE_RATIO, MAX_ROW_BYTES, MAX_WHOLE_PART,
};

use crate::args::{InputArgs, InputFormatArg};
use crate::style::Style;

/// The largest workbook read from standard input, which has to be held in memory (a workbook
/// file is read from the disk as needed).
pub const MAX_STDIN_WORKBOOK: u64 = cen_files::MAX_IN_MEMORY_WORKBOOK;

/// How standard input is named in reports.
pub const STDIN_NAME: &str = "<stdin>";

/// The format the command line asks for.
fn format_of(arg: InputFormatArg) -> Format {
    match arg {
        InputFormatArg::Json => Format::Json,
        InputFormatArg::Ndjson => Format::Ndjson,
        InputFormatArg::Csv => Format::Csv,
        InputFormatArg::Xlsx => Format::Xlsx,
    }
}

/// One input of a run: a file given on the command line, or standard input.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The name shown in reports (the path as given, or `<stdin>`).
    pub name: String,
    /// The file; `None` for standard input.
    pub path: Option<PathBuf>,
    /// How it is read.
    pub format: Format,
}

/// The sources of a command line, with a message for each argument that cannot be one.
pub fn sources(args: &InputArgs) -> (Vec<InputFile>, Vec<(String, String)>) {
    let forced = args.input_format.map(format_of);
    let files: Vec<PathBuf> = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    if args.files.is_empty() && io::stdin().is_terminal() {
        // Nothing was piped in: waiting for a person to type NDJSON helps nobody.
        problems.push((
            STDIN_NAME.to_owned(),
            "no input: give files, or pipe records into standard input (`-`)".to_owned(),
        ));
        return (out, problems);
    }
    for path in files {
        let name = path.display().to_string();
        if path.as_os_str() == "-" {
            out.push(InputFile {
                name: STDIN_NAME.to_owned(),
                path: None,
                format: forced.unwrap_or(Format::Ndjson),
            });
            continue;
        }
        match forced.or_else(|| Format::of_path(&path)) {
            Some(format) => out.push(InputFile {
                name,
                path: Some(path),
                format,
            }),
            None => problems.push((
                name,
                "unknown file type: the extension must be .json, .ndjson, .jsonl, .csv or .xlsx \
                 (or give --input-format)"
                    .to_owned(),
            )),
        }
    }
    (out, problems)
}

/// Counts the bytes read, for the progress bar.
struct Counted<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The records of every source of a run, in order, as one stream. File problems are written
/// to standard error as they are found.
pub struct Inputs {
    sources: Vec<InputFile>,
    next_source: usize,
    current: Option<FileReader>,
    current_records: u64,
    style: Style,
    /// How many problems stopped a file (each makes the exit status 2).
    pub failures: usize,
    /// Bytes read so far from files and standard input.
    pub bytes: Arc<AtomicU64>,
}

impl Inputs {
    /// The records of these sources; `problems` are arguments that were refused already.
    pub fn new(sources: Vec<InputFile>, problems: Vec<(String, String)>, style: Style) -> Inputs {
        let mut inputs = Inputs {
            sources,
            next_source: 0,
            current: None,
            current_records: 0,
            style,
            failures: 0,
            bytes: Arc::new(AtomicU64::new(0)),
        };
        for (name, message) in problems {
            inputs.fail(&name, &message);
        }
        inputs
    }

    /// The sources of the run.
    pub fn sources(&self) -> &[InputFile] {
        &self.sources
    }

    /// The total size of the input files, when every input is a file (for the progress bar).
    pub fn total_bytes(&self) -> Option<u64> {
        self.sources
            .iter()
            .map(|s| {
                s.path
                    .as_ref()
                    .filter(|_| s.format != Format::Xlsx)
                    .and_then(|p| std::fs::metadata(p).ok())
                    .map(|m| m.len())
            })
            .sum()
    }

    fn fail(&mut self, name: &str, message: &str) {
        self.failures += 1;
        eprintln!("cen: {} {name}: {message}", self.style.error("error:"));
    }

    fn warn(&self, name: &str, message: &str) {
        eprintln!("cen: {} {name}: {message}", self.style.warning("warning:"));
    }

    /// The next record of the run.
    pub fn next_raw(&mut self) -> Option<Raw> {
        loop {
            if let Some(records) = self.current.as_mut() {
                let index = self.next_source - 1;
                match records.next_record() {
                    Ok(Some(raw)) => {
                        self.current_records += 1;
                        return Some(raw);
                    }
                    Ok(None) => {
                        self.current = None;
                        if self.current_records == 0 {
                            let name = self.sources[index].name.clone();
                            self.fail(&name, "no records in this file");
                        }
                    }
                    Err(message) => {
                        self.current = None;
                        let name = self.sources[index].name.clone();
                        let read = self.current_records;
                        self.fail(
                            &name,
                            &format!("{message} (the {read} records before it were read)"),
                        );
                    }
                }
                continue;
            }
            let index = self.next_source;
            let source = self.sources.get(index)?.clone();
            self.next_source += 1;
            self.current_records = 0;
            match self.open(index, &source) {
                Ok(records) => {
                    for warning in records.warnings() {
                        self.warn(&source.name, warning);
                    }
                    self.current = Some(records);
                }
                Err(message) => self.fail(&source.name, &message),
            }
        }
    }

    /// The next records, up to `max_records` or about `max_bytes` of input.
    pub fn next_chunk(&mut self, max_records: usize, max_bytes: usize) -> Vec<Raw> {
        let mut chunk = Vec::with_capacity(max_records.min(4096));
        let mut weight = 0;
        while chunk.len() < max_records && weight < max_bytes {
            match self.next_raw() {
                Some(raw) => {
                    weight += raw.weight();
                    chunk.push(raw);
                }
                None => break,
            }
        }
        chunk
    }

    fn open(&mut self, index: usize, source: &InputFile) -> Result<FileReader, String> {
        let reader: Box<dyn Read + Send> = match &source.path {
            Some(path) => {
                let metadata = std::fs::metadata(path).map_err(|e| cannot_read(path, &e))?;
                if metadata.is_dir() {
                    return Err("this is a folder, not a file".to_owned());
                }
                let file = File::open(path).map_err(|e| cannot_read(path, &e))?;
                if metadata.len() == 0 {
                    return Err("the file is empty".to_owned());
                }
                if source.format == Format::Xlsx {
                    // Read from the disk as needed.
                    return FileReader::workbook(BufReader::new(file)).map(|r| r.numbered(index));
                }
                Box::new(file)
            }
            None => {
                if source.format == Format::Xlsx {
                    // A workbook is read out of order: from standard input it is held in memory,
                    // so its size is bounded.
                    let mut bytes = Vec::new();
                    io::stdin()
                        .lock()
                        .take(MAX_STDIN_WORKBOOK + 1)
                        .read_to_end(&mut bytes)
                        .map_err(|e| format!("cannot read standard input: {e}"))?;
                    if bytes.len() as u64 > MAX_STDIN_WORKBOOK {
                        return Err(format!(
                            "a workbook on standard input is held in memory, and this one is \
                             larger than {MAX_STDIN_WORKBOOK} bytes: give it as a file"
                        ));
                    }
                    return FileReader::workbook_bytes(bytes).map(|r| r.numbered(index));
                }
                Box::new(io::stdin())
            }
        };
        let reader = Counted {
            inner: reader,
            counter: self.bytes.clone(),
        };
        FileReader::new(source.format, reader).map(|r| r.numbered(index))
    }
}

fn cannot_read(path: &Path, error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read {}: {error}", path.display()),
    }
}
