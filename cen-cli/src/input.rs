//! Reading records from files, one at a time, so that memory does not grow with the input.
//!
//! Formats by extension (spec 5.4): `.json` (one object, or an array streamed item by item),
//! `.ndjson` / `.jsonl` (one object per line), `.csv` and `.xlsx` (flat rows of spec 5.3); `-`
//! is standard input. A record that cannot be read (a bad line, a row with too many cells) is
//! still a record: it becomes that record's CEN-SCH-001 and the run goes on. A problem of the
//! whole file (unreadable, empty, a bad header) is reported on standard error, and the other
//! files are still read.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, IsTerminal, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;

use calamine::{DataRef, Reader, Xlsx};
use cen_model::flat::{Cell, Layout};
use cen_model::shape::{CodeKind, Kind};

use crate::args::{InputArgs, InputFormatArg};
use crate::style::Style;

/// Bytes kept of one record: one more than the core accepts, so that the core reports a
/// larger record as too large (CEN-SCH-001) without the reader holding all of it.
const RECORD_CAP: usize = cen_model::MAX_RECORD_BYTES + 1;

/// The longest row of a flat file: a CSV row as written in the file (delimiters and quotes
/// included), the text of an Excel row. A row is a record written out, and a record is at most
/// 1 MiB (spec 3, CEN-SCH-001): a longer row is that record's CEN-SCH-001 ("larger than 1 MiB"),
/// its cells are not kept, and the rows after it are read.
pub const MAX_ROW_BYTES: usize = cen_model::MAX_RECORD_BYTES;

/// The most columns an Excel sheet has (A to XFD): a cell beyond is not in a workbook.
pub const EXCEL_COLUMNS: u32 = 16_384;

/// The largest workbook read from standard input, which has to be held in memory (a workbook
/// file is read from the disk as needed).
pub const MAX_STDIN_WORKBOOK: u64 = 256 << 20;

/// The most columns a header may name: every column a record can fill, that is every path of
/// the record with each index of a list of objects up to its limit (7,492 with the record of
/// spec 2). A wider header cannot be a header of seizure records, and every row of it would
/// cost memory for each column.
pub fn max_columns() -> usize {
    fn count(shape: &cen_model::shape::ObjectShape) -> usize {
        shape
            .fields
            .iter()
            .map(|field| match &field.kind {
                Kind::Object(inner) => count(inner),
                Kind::List(Kind::Object(inner), max) => max * count(inner),
                _ => 1,
            })
            .sum()
    }
    static COLUMNS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *COLUMNS.get_or_init(|| count(&cen_model::RECORD_SHAPE))
}

fn too_many_columns(columns: usize) -> String {
    format!(
        "the header has {columns} columns, more than the {} a seizure record can fill: is this \
         a file of seizure records?",
        max_columns()
    )
}

/// The separator between a label and its code in the drop-down values of `cen template`
/// ("Cocaine — cocaine"); the reader keeps what follows the last one.
pub const LABEL_SEPARATOR: &str = " — ";

/// The name of the workbook-level defined name in which `cen template` records its form.
pub const FORM_NAME: &str = "CEN_FORM";

/// Sheets written by `cen template` besides the records; they hold no records.
pub const TEMPLATE_SHEETS: [&str; 2] = ["help", "lists"];

/// How standard input is named in reports.
pub const STDIN_NAME: &str = "<stdin>";

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One object, or an array of objects.
    Json,
    /// One object per line.
    Ndjson,
    /// Flat rows, comma (or semicolon) separated.
    Csv,
    /// Flat rows on the first sheet of a workbook.
    Xlsx,
}

impl Format {
    fn of_arg(arg: InputFormatArg) -> Format {
        match arg {
            InputFormatArg::Json => Format::Json,
            InputFormatArg::Ndjson => Format::Ndjson,
            InputFormatArg::Csv => Format::Csv,
            InputFormatArg::Xlsx => Format::Xlsx,
        }
    }

    fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(Format::Json),
            "ndjson" | "jsonl" => Some(Format::Ndjson),
            "csv" => Some(Format::Csv),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// True for CSV and Excel, whose issues also name a column.
    pub fn is_flat(self) -> bool {
        matches!(self, Format::Csv | Format::Xlsx)
    }

    /// What a position in this format is called: an Excel row, or a line of text.
    pub fn position_word(self) -> &'static str {
        match self {
            Format::Xlsx => "row",
            _ => "line",
        }
    }
}

/// One input: a file, or standard input.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in reports (the path as given, or `-`).
    pub name: String,
    /// The file; `None` for standard input.
    pub path: Option<PathBuf>,
    /// How it is read.
    pub format: Format,
}

/// One cell of a flat row, owned (see [`Cell`]).
#[derive(Debug, Clone, PartialEq)]
pub enum OwnedCell {
    /// Absent.
    Empty,
    /// Text.
    Text(String),
    /// A number typed by Excel.
    Number(f64),
    /// A whole number typed by Excel.
    Integer(i64),
    /// A boolean typed by Excel.
    Bool(bool),
}

impl OwnedCell {
    /// The borrowed cell the core reads.
    pub fn as_cell(&self) -> Cell<'_> {
        match self {
            OwnedCell::Empty => Cell::Empty,
            OwnedCell::Text(text) => Cell::Text(text),
            OwnedCell::Number(x) => Cell::Number(*x),
            OwnedCell::Integer(n) => Cell::Integer(*n),
            OwnedCell::Bool(b) => Cell::Bool(*b),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            OwnedCell::Empty => true,
            OwnedCell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// The bytes of one record: a range of a block read from the file, shared by the records of
/// that block (no copy per record), or bytes of its own.
#[derive(Debug, Clone)]
pub struct Bytes {
    block: Arc<Vec<u8>>,
    start: usize,
    end: usize,
}

impl Bytes {
    /// Bytes of their own.
    pub fn owned(bytes: Vec<u8>) -> Bytes {
        let end = bytes.len();
        Bytes {
            block: Arc::new(bytes),
            start: 0,
            end,
        }
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.block[self.start..self.end]
    }
}

/// What one record is made of.
#[derive(Debug, Clone)]
pub enum Payload {
    /// JSON text as bytes (possibly broken, possibly not UTF-8: the core decides).
    Json(Bytes),
    /// A flat row and the layout of its file's header.
    Row {
        /// The header's plan.
        layout: Arc<Layout>,
        /// The cells, in the header's order.
        cells: Vec<OwnedCell>,
    },
    /// A record the reader could not make sense of (a CSV row with more cells than the
    /// header, merged Excel cells): CEN-SCH-001, with this explanation.
    Malformed(String),
    /// A row longer than [`MAX_ROW_BYTES`], whose cells were not kept: CEN-SCH-001 "larger
    /// than 1 MiB", with this explanation.
    TooLarge(String),
}

/// One record as read, with where it was found.
#[derive(Debug, Clone)]
pub struct Raw {
    /// The index of its source in the run.
    pub file: usize,
    /// Its line (text formats: where it starts) or row (Excel), from 1.
    pub line: u64,
    /// The record.
    pub payload: Payload,
}

impl Raw {
    /// An approximate size in memory, to bound the records held at once.
    pub fn weight(&self) -> usize {
        match &self.payload {
            Payload::Json(bytes) => bytes.end - bytes.start,
            Payload::Row { cells, .. } => cells
                .iter()
                .map(|c| match c {
                    OwnedCell::Text(t) => t.len() + 24,
                    _ => 24,
                })
                .sum(),
            Payload::Malformed(text) | Payload::TooLarge(text) => text.len(),
        }
    }
}

/// The sources of a command line, with a message for each argument that cannot be one.
pub fn sources(args: &InputArgs) -> (Vec<Source>, Vec<(String, String)>) {
    let forced = args.input_format.map(Format::of_arg);
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
            out.push(Source {
                name: STDIN_NAME.to_owned(),
                path: None,
                format: forced.unwrap_or(Format::Ndjson),
            });
            continue;
        }
        match forced.or_else(|| Format::of_path(&path)) {
            Some(format) => out.push(Source {
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

/// Reads records of one file.
trait Records: Send {
    /// The next record; `Ok(None)` at the end; `Err` for a problem that stops this file.
    fn next_record(&mut self) -> Result<Option<Raw>, String>;
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
    sources: Vec<Source>,
    next_source: usize,
    current: Option<Box<dyn Records>>,
    current_records: u64,
    style: Style,
    /// How many problems stopped a file (each makes the exit status 2).
    pub failures: usize,
    /// Bytes read so far from files and standard input.
    pub bytes: Arc<AtomicU64>,
}

impl Inputs {
    /// The records of these sources; `problems` are arguments that were refused already.
    pub fn new(sources: Vec<Source>, problems: Vec<(String, String)>, style: Style) -> Inputs {
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
    pub fn sources(&self) -> &[Source] {
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
                Ok((records, warnings)) => {
                    for warning in warnings {
                        self.warn(&source.name, &warning);
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

    fn open(
        &mut self,
        index: usize,
        source: &Source,
    ) -> Result<(Box<dyn Records>, Vec<String>), String> {
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
                    return open_xlsx(index, XlsxInput::File(path.clone()));
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
                    return open_xlsx(index, XlsxInput::Bytes(bytes));
                }
                Box::new(io::stdin())
            }
        };
        let reader = BufReader::with_capacity(
            1 << 16,
            Counted {
                inner: reader,
                counter: self.bytes.clone(),
            },
        );
        match source.format {
            Format::Ndjson => Ok((
                Box::new(Ndjson::new(reader.into_inner(), index)),
                Vec::new(),
            )),
            Format::Json => Ok((Box::new(JsonFile::new(reader, index)), Vec::new())),
            Format::Csv => open_csv(reader, index),
            Format::Xlsx => unreachable!("opened above"),
        }
    }
}

/// What [`read_bytes`] read of a file.
#[derive(Debug)]
pub struct FileRead {
    /// Its records, in order (records the reader could not make sense of included).
    pub records: Vec<Raw>,
    /// What `cen validate` would say of it on standard error as a warning.
    pub warnings: Vec<String>,
    /// The problem that stopped the file, which `cen validate` reports as an error (exit
    /// status 2): a bad header, a file that is not a workbook, a zip bomb, no records.
    pub problem: Option<String>,
}

/// Reads a whole file held in memory as `cen validate` reads a file of this format (the same
/// readers, limits and messages), for tests and fuzzing.
pub fn read_bytes(bytes: Vec<u8>, format: Format) -> FileRead {
    let mut read = FileRead {
        records: Vec::new(),
        warnings: Vec::new(),
        problem: None,
    };
    if bytes.is_empty() {
        read.problem = Some("the file is empty".to_owned());
        return read;
    }
    let opened = match format {
        Format::Ndjson => Ok((
            Box::new(Ndjson::new(Cursor::new(bytes), 0)) as Box<dyn Records>,
            Vec::new(),
        )),
        Format::Json => Ok((
            Box::new(JsonFile::new(BufReader::new(Cursor::new(bytes)), 0)) as Box<dyn Records>,
            Vec::new(),
        )),
        Format::Csv => open_csv(BufReader::new(Cursor::new(bytes)), 0),
        Format::Xlsx => open_xlsx(0, XlsxInput::Bytes(bytes)),
    };
    let mut records = match opened {
        Ok((records, warnings)) => {
            read.warnings = warnings;
            records
        }
        Err(problem) => {
            read.problem = Some(problem);
            return read;
        }
    };
    loop {
        match records.next_record() {
            Ok(Some(raw)) => read.records.push(raw),
            Ok(None) => break,
            Err(problem) => {
                read.problem = Some(problem);
                return read;
            }
        }
    }
    if read.records.is_empty() {
        read.problem = Some("no records in this file".to_owned());
    }
    read
}

fn cannot_read(path: &Path, error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read {}: {error}", path.display()),
    }
}

/// The size of the blocks NDJSON is read in.
const BLOCK: usize = 1 << 20;

/// NDJSON: one record per line; blank lines are not records. The file is read in blocks of
/// [`BLOCK`] bytes, and each record is a range of its block (a line that runs over a block's
/// end is moved to the start of the next one).
struct Ndjson<R> {
    reader: R,
    file: usize,
    line: u64,
    block: Arc<Vec<u8>>,
    pos: usize,
    eof: bool,
}

impl<R: Read> Ndjson<R> {
    fn new(reader: R, file: usize) -> Self {
        Ndjson {
            reader,
            file,
            line: 0,
            block: Arc::new(Vec::new()),
            pos: 0,
            eof: false,
        }
    }

    /// Appends what the file gives to `buf` until it holds `want` bytes or the file ends.
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> Result<(), String> {
        while buf.len() < want && !self.eof {
            let missing = (want - buf.len()) as u64;
            match (&mut self.reader).take(missing).read_to_end(buf) {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    return Err(format!("read error after line {}: {error}", self.line));
                }
            }
        }
        Ok(())
    }

    /// The rest of a line longer than a record may be: the first [`RECORD_CAP`] bytes are the
    /// record (the core reports it as too large), the rest is skipped up to the line's end.
    fn long_line(&mut self, mut kept: Vec<u8>) -> Result<Vec<u8>, String> {
        kept.truncate(RECORD_CAP);
        let mut buf = Vec::with_capacity(BLOCK);
        loop {
            buf.clear();
            self.fill(&mut buf, BLOCK)?;
            if let Some(i) = memchr::memchr(b'\n', &buf) {
                self.block = Arc::new(buf.split_off(i + 1));
                self.pos = 0;
                return Ok(kept);
            }
            if self.eof {
                self.block = Arc::new(Vec::new());
                self.pos = 0;
                return Ok(kept);
            }
        }
    }
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

impl<R: Read + Send> Records for Ndjson<R> {
    fn next_record(&mut self) -> Result<Option<Raw>, String> {
        loop {
            let rest = &self.block[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', rest) {
                let start = self.pos;
                let mut end = start + i;
                self.pos = end + 1;
                self.line += 1;
                while end > start && self.block[end - 1] == b'\r' {
                    end -= 1;
                }
                if is_blank(&self.block[start..end]) {
                    continue;
                }
                let bytes = Bytes {
                    block: self.block.clone(),
                    start,
                    end,
                };
                return Ok(Some(self.raw(bytes)));
            }
            if self.eof {
                if rest.is_empty() {
                    return Ok(None);
                }
                let (start, end) = (self.pos, self.block.len());
                self.pos = end;
                self.line += 1;
                if is_blank(&self.block[start..end]) {
                    return Ok(None);
                }
                let bytes = Bytes {
                    block: self.block.clone(),
                    start,
                    end,
                };
                return Ok(Some(self.raw(bytes)));
            }
            // The block ends inside a line: start the next block with it.
            let mut next = Vec::with_capacity(BLOCK.max(rest.len() * 2));
            next.extend_from_slice(rest);
            let want = next.len() + BLOCK;
            self.fill(&mut next, want)?;
            if next.len() > RECORD_CAP
                && memchr::memchr(b'\n', &next).is_none_or(|i| i > RECORD_CAP)
            {
                // Longer than any record may be: keep its start, skip the rest of the line.
                self.line += 1;
                let kept = match memchr::memchr(b'\n', &next) {
                    Some(i) => {
                        self.block = Arc::new(next.split_off(i + 1));
                        self.pos = 0;
                        next.truncate(RECORD_CAP);
                        next
                    }
                    None => self.long_line(next)?,
                };
                return Ok(Some(self.raw(Bytes::owned(kept))));
            }
            self.block = Arc::new(next);
            self.pos = 0;
        }
    }
}

impl<R> Ndjson<R> {
    fn raw(&self, bytes: Bytes) -> Raw {
        Raw {
            file: self.file,
            line: self.line,
            payload: Payload::Json(bytes),
        }
    }
}

/// Where an array item ends: outside strings, at depth 0, a `,` or a `]`. Objects and arrays
/// inside the item are only counted, not checked (the core parses the item).
#[derive(Debug, Default)]
struct Scan {
    depth: usize,
    in_string: bool,
    escaped: bool,
}

impl Scan {
    /// Scans `buf`; returns how many bytes belong to the item, and the byte that ended it.
    fn feed(&mut self, buf: &[u8]) -> (usize, Option<u8>) {
        let mut i = 0;
        while i < buf.len() {
            if self.in_string {
                if self.escaped {
                    // The byte after a backslash, whatever it is.
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                // Jump to the next quote or backslash.
                match memchr::memchr2(b'"', b'\\', &buf[i..]) {
                    None => return (buf.len(), None),
                    Some(at) => i += at,
                }
                if buf[i] == b'\\' {
                    self.escaped = true;
                } else {
                    self.in_string = false;
                }
                i += 1;
                continue;
            }
            match buf[i] {
                b'"' => self.in_string = true,
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' if self.depth > 0 => self.depth -= 1,
                b @ (b',' | b']') if self.depth == 0 => return (i, Some(b)),
                _ => {}
            }
            i += 1;
        }
        (buf.len(), None)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonState {
    Start,
    Array,
    Done,
}

/// A `.json` file: one record, or an array whose items are read one by one (a byte scanner
/// finds where each item ends; the core parses it). A broken item is that record's
/// CEN-SCH-001; the items after it are still read.
struct JsonFile<R> {
    reader: R,
    file: usize,
    line: u64,
    state: JsonState,
    pending: Option<String>,
}

impl<R: BufRead> JsonFile<R> {
    fn new(reader: R, file: usize) -> Self {
        JsonFile {
            reader,
            file,
            line: 1,
            state: JsonState::Start,
            pending: None,
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, String> {
        loop {
            match self.reader.fill_buf() {
                Ok(buf) => return Ok(buf.first().copied()),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(format!("read error at line {}: {error}", self.line)),
            }
        }
    }

    fn bump(&mut self) -> Result<Option<u8>, String> {
        let byte = self.peek()?;
        if let Some(b) = byte {
            self.reader.consume(1);
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(byte)
    }

    /// Skips white space (and a byte order mark at the start), keeping what was skipped.
    fn skip_space(&mut self, kept: &mut Vec<u8>) -> Result<Option<u8>, String> {
        loop {
            match self.peek()? {
                Some(b) if b.is_ascii_whitespace() => {
                    kept.push(b);
                    self.bump()?;
                }
                Some(0xEF) if self.state == JsonState::Start && kept.is_empty() => {
                    // A UTF-8 byte order mark (EF BB BF), as spreadsheet tools write.
                    let mut bom = [0u8; 3];
                    for slot in &mut bom {
                        *slot = self.bump()?.unwrap_or(0);
                    }
                    kept.extend_from_slice(&bom);
                    if bom != [0xEF, 0xBB, 0xBF] {
                        return Ok(Some(bom[0]));
                    }
                }
                other => return Ok(other),
            }
        }
    }

    fn single(&mut self, mut bytes: Vec<u8>, line: u64) -> Result<Option<Raw>, String> {
        // The whole file is the record: the core judges it, whatever it is.
        loop {
            let available = match self.reader.fill_buf() {
                Ok(available) => available,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(format!("read error: {error}")),
            };
            if available.is_empty() {
                break;
            }
            let n = available.len();
            let room = RECORD_CAP.saturating_sub(bytes.len());
            bytes.extend_from_slice(&available[..n.min(room)]);
            self.reader.consume(n);
        }
        self.state = JsonState::Done;
        Ok(Some(Raw {
            file: self.file,
            line,
            payload: Payload::Json(Bytes::owned(bytes)),
        }))
    }

    fn item(&mut self) -> Result<Option<Raw>, String> {
        let mut skipped = Vec::new();
        self.skip_space(&mut skipped)?;
        let line = self.line;
        let mut item = Vec::new();
        let mut scan = Scan::default();
        // What ends the item: `,` (more items follow), `]` (the array ends) or the file's end.
        let end = loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(format!("read error at line {}: {error}", self.line)),
            };
            if buf.is_empty() {
                break None;
            }
            let (used, found) = scan.feed(buf);
            let room = RECORD_CAP.saturating_sub(item.len());
            item.extend_from_slice(&buf[..used.min(room)]);
            self.line += memchr::memchr_iter(b'\n', &buf[..used]).count() as u64;
            match found {
                Some(terminator) => {
                    self.reader.consume(used + 1);
                    break Some(terminator);
                }
                None => self.reader.consume(used),
            }
        };
        match end {
            Some(b']') => {
                self.state = JsonState::Done;
                self.after_array()?;
                if is_blank(&item) {
                    // `[]`, or a trailing comma before `]`: no record there.
                    return Ok(None);
                }
            }
            Some(_) => {}
            None => {
                self.state = JsonState::Done;
                self.pending = Some(format!(
                    "the array is not closed by `]` at the end of the file (line {}): the file \
                     may be cut short",
                    self.line
                ));
                if is_blank(&item) {
                    return Ok(None);
                }
            }
        }
        while item.last().is_some_and(u8::is_ascii_whitespace) {
            item.pop();
        }
        Ok(Some(Raw {
            file: self.file,
            line,
            payload: Payload::Json(Bytes::owned(item)),
        }))
    }

    fn after_array(&mut self) -> Result<(), String> {
        let mut skipped = Vec::new();
        if self.skip_space(&mut skipped)?.is_some() {
            self.pending = Some(format!(
                "unexpected text after the closing `]` of the array, at line {}: it is not read",
                self.line
            ));
        }
        Ok(())
    }
}

impl<R: BufRead + Send> Records for JsonFile<R> {
    fn next_record(&mut self) -> Result<Option<Raw>, String> {
        match self.state {
            JsonState::Start => {
                let mut kept = Vec::new();
                match self.skip_space(&mut kept)? {
                    None => Ok(None),
                    Some(b'[') => {
                        self.bump()?;
                        self.state = JsonState::Array;
                        self.next_record()
                    }
                    Some(_) => {
                        let line = self.line;
                        self.single(kept, line)
                    }
                }
            }
            JsonState::Array => match self.item()? {
                Some(raw) => Ok(Some(raw)),
                None => self.finish(),
            },
            JsonState::Done => self.finish(),
        }
    }
}

impl<R> JsonFile<R> {
    fn finish(&mut self) -> Result<Option<Raw>, String> {
        match self.pending.take() {
            Some(problem) => Err(problem),
            None => Ok(None),
        }
    }
}

/// How the cells of a column are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnKind {
    /// A number field: typed numbers stay numbers.
    Number,
    /// A date field: an Excel date becomes `YYYY-MM-DD`.
    Date,
    /// A field with a drop-down in the template: "label — code" is read as the code.
    Coded,
    /// A list of codes (`route.transit`, `detection.other`): each item read as in [`ColumnKind::Coded`].
    CodedList,
    /// Any other field (or not a field): text as written.
    Text,
}

fn column_kind(column: &str) -> ColumnKind {
    let dotted: Vec<&str> = column
        .split('.')
        .filter(|t| !t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    match cen_model::kind_at(&dotted.join(".")) {
        Some(Kind::Number(_) | Kind::Integer(_)) => ColumnKind::Number,
        Some(Kind::Code(CodeKind::Date)) => ColumnKind::Date,
        Some(Kind::Enum(_))
        | Some(Kind::Code(CodeKind::GoodsType | CodeKind::Country | CodeKind::Currency)) => {
            ColumnKind::Coded
        }
        Some(Kind::List(Kind::Enum(_) | Kind::Code(CodeKind::Country), _)) => ColumnKind::CodedList,
        _ => ColumnKind::Text,
    }
}

/// The code of a drop-down value "label — code"; other text as it is.
pub fn unlabel(text: &str) -> &str {
    // Most cells are bare codes: look for the dash's first byte before searching for it.
    if memchr::memchr(0xE2, text.as_bytes()).is_none() {
        return text;
    }
    match text.rfind(LABEL_SEPARATOR) {
        Some(at) => {
            let code = text[at + LABEL_SEPARATOR.len()..].trim();
            if code.is_empty() {
                text
            } else {
                code
            }
        }
        None => text,
    }
}

fn text_cell(text: &str, kind: ColumnKind) -> OwnedCell {
    if text.is_empty() {
        return OwnedCell::Empty;
    }
    match kind {
        ColumnKind::Coded => OwnedCell::Text(unlabel(text).to_owned()),
        ColumnKind::CodedList if memchr::memchr(0xE2, text.as_bytes()).is_some() => {
            let items: Vec<&str> = text
                .split(cen_model::flat::LIST_SEPARATOR)
                .map(unlabel)
                .collect();
            OwnedCell::Text(items.join(";"))
        }
        _ => OwnedCell::Text(text.to_owned()),
    }
}

/// The plan of a header, with what a person should know about it.
struct Header {
    layout: Arc<Layout>,
    kinds: Vec<ColumnKind>,
    warnings: Vec<String>,
}

fn header(names: Vec<String>, position: impl Fn(usize) -> String) -> Result<Header, String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(name.as_str(), i) {
            return Err(format!(
                "the header names column `{name}` twice ({} and {}): which one holds the value?",
                position(first),
                position(i)
            ));
        }
    }
    let layout = Layout::new(&names);
    let mut warnings = Vec::new();
    let unknown: Vec<&str> = layout.unknown_columns().filter(|c| !c.is_empty()).collect();
    if !unknown.is_empty() {
        warnings.push(format!(
            "{} not {} of the record ({}): {} values are reported as CEN-SCH-003",
            if unknown.len() == 1 {
                "this column is"
            } else {
                "these columns are"
            },
            if unknown.len() == 1 {
                "a path"
            } else {
                "paths"
            },
            unknown
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if unknown.len() == 1 { "its" } else { "their" },
        ));
    }
    let unnamed: Vec<String> = (0..names.len())
        .filter(|i| names[*i].is_empty())
        .map(&position)
        .collect();
    if !unnamed.is_empty() {
        warnings.push(format!(
            "no name in the header for {}: values there are reported as CEN-SCH-003",
            unnamed.join(", ")
        ));
    }
    let kinds = names.iter().map(|n| column_kind(n)).collect();
    Ok(Header {
        layout: Arc::new(layout),
        kinds,
        warnings,
    })
}

/// What [`CsvRows::read_row`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowRead {
    /// A row of this many cells, in [`CsvRows::cell`].
    Cells(usize),
    /// A row longer than [`MAX_ROW_BYTES`] as written: its cells were not kept.
    TooLarge {
        /// Its length in the file.
        bytes: u64,
        /// How many cells it has.
        cells: usize,
    },
    /// The end of the file.
    End,
}

/// The rows of a CSV file, split by `csv_core` into buffers this reader owns, so that a row
/// longer than [`MAX_ROW_BYTES`] is skipped to its end without being held (the `csv` crate's
/// reader would hold any row whole, however long).
struct CsvRows<R> {
    input: R,
    core: csv_core::Reader,
    /// The bytes of the current row's cells, one after the other.
    bytes: Vec<u8>,
    /// Where each cell of the current row ends in `bytes`.
    ends: Vec<usize>,
}

impl<R: BufRead> CsvRows<R> {
    fn new(input: R, delimiter: u8) -> Self {
        CsvRows {
            input,
            // The `csv` crate's defaults: `"` quotes, doubled to escape, CR, LF or CRLF end a
            // row, a UTF-8 byte order mark at the start is skipped, blank lines are no rows.
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            bytes: vec![0; 4096],
            ends: vec![0; 256],
        }
    }

    /// The line the next row starts on, as the `csv` crate counts (the line after the
    /// previous row).
    fn line(&self) -> u64 {
        self.core.line()
    }

    /// Reads the next row. Memory stays under about twice [`MAX_ROW_BYTES`] for the cells
    /// and eight bytes per cell for their ends, whatever the file holds.
    fn read_row(&mut self) -> Result<RowRead, String> {
        self.shrink();
        let (mut out, mut ends, mut read) = (0usize, 0usize, 0u64);
        let mut dropped_cells = 0usize;
        loop {
            let input = loop {
                match self.input.fill_buf() {
                    Ok(input) => break input,
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                    Err(error) => {
                        return Err(format!("read error at line {}: {error}", self.line()))
                    }
                }
            };
            let (result, used, written, ended) =
                self.core
                    .read_record(input, &mut self.bytes[out..], &mut self.ends[ends..]);
            self.input.consume(used);
            read += used as u64;
            out += written;
            ends += ended;
            let over = read > MAX_ROW_BYTES as u64;
            if over {
                // Too long to be a record: forget what was kept, count the cells, read on to
                // the row's end.
                out = 0;
                dropped_cells += ends;
                ends = 0;
            }
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    if !over {
                        let size = self.bytes.len() * 2;
                        self.bytes.resize(size, 0);
                    }
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    if !over {
                        let size = self.ends.len() * 2;
                        self.ends.resize(size, 0);
                    }
                }
                csv_core::ReadRecordResult::Record if over => {
                    return Ok(RowRead::TooLarge {
                        bytes: read,
                        cells: dropped_cells + ends,
                    })
                }
                csv_core::ReadRecordResult::Record => return Ok(RowRead::Cells(ends)),
                csv_core::ReadRecordResult::End => return Ok(RowRead::End),
            }
        }
    }

    /// Gives back the memory of an unusually wide or long row, once it has been used.
    fn shrink(&mut self) {
        if self.bytes.len() > 1 << 16 {
            self.bytes.truncate(1 << 16);
            self.bytes.shrink_to_fit();
        }
        if self.ends.len() > 1 << 14 {
            self.ends.truncate(1 << 14);
            self.ends.shrink_to_fit();
        }
    }

    /// The bytes of cell `i` of the row just read.
    fn cell(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

/// CSV: a header of dotted paths, then one record per row.
struct CsvFile<R> {
    rows: CsvRows<R>,
    file: usize,
    header: Header,
}

/// A CSV file's reader after [`csv_start`]: what was looked at, then the rest.
type CsvInput<R> = io::Chain<Cursor<Vec<u8>>, R>;

/// The most of a CSV file's first line that is looked at to choose its separator.
const HEAD: usize = 1 << 16;

/// The start of a CSV file, read up to the end of its first line (at most [`HEAD`] bytes,
/// however the reads of a pipe cut it) without a UTF-8 byte order mark, put back in front of
/// the rest; and the separator that its first line uses: spreadsheets set to a decimal comma
/// write `;` between cells.
fn csv_start<R: BufRead>(mut reader: R) -> Result<(CsvInput<R>, u8), String> {
    let mut head = Vec::new();
    while head.len() < HEAD && memchr::memchr(b'\n', &head).is_none() {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(format!("read error: {error}")),
        };
        if buf.is_empty() {
            break;
        }
        let n = buf.len().min(HEAD - head.len());
        head.extend_from_slice(&buf[..n]);
        reader.consume(n);
    }
    if head.starts_with(b"\xef\xbb\xbf") {
        head.drain(..3);
    }
    let line = &head[..memchr::memchr(b'\n', &head).unwrap_or(head.len())];
    let count = |c: u8| line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > 0 && count(b',') == 0 {
        b';'
    } else {
        b','
    };
    Ok((Cursor::new(head).chain(reader), delimiter))
}

fn open_csv<R: BufRead + Send + 'static>(
    reader: R,
    file: usize,
) -> Result<(Box<dyn Records>, Vec<String>), String> {
    let (reader, delimiter) = csv_start(reader)?;
    let mut rows = CsvRows::new(reader, delimiter);
    let width = match rows.read_row()? {
        RowRead::End => return Err("the file is empty".to_owned()),
        RowRead::TooLarge { cells, .. } if cells > max_columns() => {
            return Err(too_many_columns(cells))
        }
        RowRead::TooLarge { bytes, .. } => {
            return Err(format!(
                "the header is {bytes} bytes long: a header of column names is not larger than \
                 a record (1 MiB); is this a CSV file of seizure records?"
            ))
        }
        RowRead::Cells(width) if width > max_columns() => return Err(too_many_columns(width)),
        RowRead::Cells(width) => width,
    };
    let mut names = Vec::with_capacity(width);
    for i in 0..width {
        let name = std::str::from_utf8(rows.cell(i))
            .map_err(|_| format!("the header is not valid UTF-8 text (column {})", i + 1))?;
        names.push(name.trim().to_owned());
    }
    let header = header(names, |i| format!("column {}", i + 1))?;
    let warnings = header.warnings.clone();
    Ok((Box::new(CsvFile { rows, file, header }), warnings))
}

impl<R: BufRead + Send> Records for CsvFile<R> {
    fn next_record(&mut self) -> Result<Option<Raw>, String> {
        loop {
            let line = self.rows.line();
            let count = match self.rows.read_row()? {
                RowRead::End => return Ok(None),
                RowRead::TooLarge { bytes, cells } => {
                    return Ok(Some(Raw {
                        file: self.file,
                        line,
                        payload: Payload::TooLarge(format!(
                            "this row is {bytes} bytes long ({cells} cells): a record is at \
                             most {MAX_ROW_BYTES} bytes, so its cells were not read"
                        )),
                    }))
                }
                RowRead::Cells(count) => count,
            };
            let width = self.header.kinds.len();
            let extra = (width..count)
                .filter(|i| !self.rows.cell(*i).iter().all(u8::is_ascii_whitespace))
                .count();
            let payload = if extra > 0 {
                Payload::Malformed(format!(
                    "this row has {count} cells but the header names {width} columns"
                ))
            } else {
                let mut cells = Vec::with_capacity(width);
                let mut bad = None;
                for i in 0..count.min(width) {
                    match std::str::from_utf8(self.rows.cell(i)) {
                        Ok(text) => cells.push(text_cell(text, self.header.kinds[i])),
                        Err(_) => {
                            bad = Some(i);
                            break;
                        }
                    }
                }
                if let Some(i) = bad {
                    Payload::Malformed(format!(
                        "the cell of column {} (`{}`) is not valid UTF-8 text",
                        i + 1,
                        self.header.layout.columns()[i]
                    ))
                } else if cells.iter().all(OwnedCell::is_blank) {
                    continue;
                } else {
                    Payload::Row {
                        layout: self.header.layout.clone(),
                        cells,
                    }
                }
            };
            return Ok(Some(Raw {
                file: self.file,
                line,
                payload,
            }));
        }
    }
}

/// Where a workbook comes from.
enum XlsxInput {
    File(PathBuf),
    Bytes(Vec<u8>),
}

/// What the workbook's reading thread sends.
enum XlsxMessage {
    Header(Vec<String>),
    Record(Raw),
    Failed(String),
}

/// Excel: the first sheet holds the records (a header row of dotted paths, one record per row);
/// the sheets of `cen template` are skipped; other sheets are named in a warning. Cells are read
/// in a thread of their own, row by row, so that rows reach the validator as they are read.
struct XlsxFile {
    /// `None` once dropped: the reader's next send fails and it stops.
    receiver: Option<Receiver<XlsxMessage>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl XlsxFile {
    fn recv(&self) -> Option<XlsxMessage> {
        self.receiver.as_ref()?.recv().ok()
    }
}

/// The reader thread ends with the file: no thread (nor what it holds) outlives a read, even
/// one stopped early.
impl Drop for XlsxFile {
    fn drop(&mut self) {
        self.receiver = None;
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

/// How many times its compressed size a part of a workbook may inflate to. Workbooks stay far
/// below (3 to 12 times for those `cen template` and Excel write, a sheet of one record
/// repeated 20,000 times included); deflate can reach about 1,000 times, which is what zip
/// bombs use. The same limit as Apache POI's (`ZipSecureFile`, minimum inflate ratio 0.01).
pub const MAX_INFLATE_RATIO: u64 = 100;

/// Parts that inflate to less than this are not held to [`MAX_INFLATE_RATIO`]: small parts of
/// repeated XML compress well and cost nothing.
pub const INFLATE_GRACE: u64 = 1 << 20;

/// The largest part of a workbook that the Excel reader holds whole in memory (the shared
/// strings, the styles, the workbook and its relationships): the sheet itself is streamed.
pub const MAX_WHOLE_PART: u64 = 256 << 20;

/// Whether the Excel reader holds this part of a workbook whole: everything but worksheets
/// (whose names the workbook chooses, but which live in a `worksheets/` folder), and the
/// shared strings, styles and relationships wherever they are.
fn read_whole(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    !name.contains("worksheets/")
        || file.eq_ignore_ascii_case("sharedStrings.xml")
        || file.eq_ignore_ascii_case("styles.xml")
        || file.ends_with(".rels")
}

/// Refuses a workbook before it is read when one of its parts would inflate beyond what any
/// workbook does (a zip bomb) or, for parts read whole, beyond [`MAX_WHOLE_PART`]. The sizes
/// are those of the central directory: the zip reader stops an entry that inflates to more than
/// its declared size (an error, not a larger output), so they bound what is read.
fn check_workbook<R: Read + io::Seek>(reader: R) -> Result<(), String> {
    let not_a_workbook =
        |e: zip::result::ZipError| format!("this is not a readable .xlsx workbook: {e}");
    let mut zip = zip::ZipArchive::new(reader).map_err(not_a_workbook)?;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(not_a_workbook)?;
        let (packed, size) = (entry.compressed_size(), entry.size());
        let name = entry.name().map_err(not_a_workbook)?.into_owned();
        if size > INFLATE_GRACE && size / MAX_INFLATE_RATIO > packed {
            return Err(format!(
                "part `{name}` of the workbook would inflate from {packed} to {size} bytes, more \
                 than {MAX_INFLATE_RATIO} times: no workbook is compressed that much, this looks \
                 like a zip bomb and is not read"
            ));
        }
        if size > MAX_WHOLE_PART && read_whole(&name) {
            return Err(format!(
                "part `{name}` of the workbook inflates to {size} bytes, and it would have to be \
                 held in memory whole: at most {MAX_WHOLE_PART} bytes are read"
            ));
        }
    }
    Ok(())
}

/// Runs a step of the Excel reader, turning a panic of the reader (a bug, which fuzzing looks
/// for) into a problem of the file rather than the end of the run.
fn guarded<T>(step: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)).unwrap_or_else(|_| {
        Err("the Excel reader failed on this workbook (a bug of cen: please report it)".to_owned())
    })
}

fn open_xlsx(file: usize, input: XlsxInput) -> Result<(Box<dyn Records>, Vec<String>), String> {
    guarded(|| open_workbook(file, input))
}

fn open_workbook(file: usize, input: XlsxInput) -> Result<(Box<dyn Records>, Vec<String>), String> {
    let not_a_workbook =
        |e: calamine::XlsxError| format!("this is not a readable .xlsx workbook: {e}");
    let workbook: Xlsx<Box<dyn ReadSeek>> = match input {
        XlsxInput::File(path) => {
            let file = File::open(&path).map_err(|e| cannot_read(&path, &e))?;
            let mut reader = BufReader::new(file);
            check_workbook(&mut reader)?;
            reader
                .seek(io::SeekFrom::Start(0))
                .map_err(|e| cannot_read(&path, &e))?;
            Xlsx::new(Box::new(reader) as Box<dyn ReadSeek>).map_err(not_a_workbook)?
        }
        XlsxInput::Bytes(bytes) => {
            if bytes.is_empty() {
                return Err("the input is empty".to_owned());
            }
            check_workbook(Cursor::new(&bytes))?;
            Xlsx::new(Box::new(Cursor::new(bytes)) as Box<dyn ReadSeek>).map_err(not_a_workbook)?
        }
    };
    let mut workbook = workbook;
    let names = workbook.sheet_names();
    let Some(first) = names.first().cloned() else {
        return Err("the workbook has no sheet".to_owned());
    };
    let mut warnings: Vec<String> = names
        .iter()
        .skip(1)
        .filter(|n| !TEMPLATE_SHEETS.contains(&n.as_str()))
        .map(|n| {
            format!("sheet `{n}` is not read: records are read from the first sheet, `{first}`")
        })
        .collect();
    let merged = workbook
        .merge_cells_by_sheet_name(&first)
        .map_err(|e| format!("cannot read sheet `{first}`: {e}"))?;
    let merged: Vec<Region> = merged.iter().map(|d| (d.start, d.end)).collect();
    let default_form = workbook
        .defined_names()
        .iter()
        .find(|(name, _)| name == FORM_NAME)
        .map(|(_, formula)| formula.trim_start_matches('=').trim_matches('"').to_owned())
        .filter(|form| form == "long" || form == "simplified");
    let (sender, receiver) = sync_channel(1024);
    // Named for the file, so that a test can see that it has ended.
    let reader = std::thread::Builder::new()
        .name(format!("cen-xlsx-{file}"))
        .spawn(move || {
            let result = guarded(|| {
                let sheet = Sheet {
                    file,
                    header_merges: Merges::new(merged.clone()),
                    row_merges: Merges::new(merged.into_iter().filter(|(s, e)| s != e).collect()),
                    default_form,
                    sender: &sender,
                    header: None,
                    names: Vec::new(),
                    header_bytes: 0,
                    row: None,
                };
                sheet.read(&mut workbook, &first)
            });
            if let Err(message) = result {
                let _ = sender.send(XlsxMessage::Failed(message));
            }
        });
    let reader =
        reader.map_err(|e| format!("cannot start the thread that reads the workbook: {e}"))?;
    let file = XlsxFile {
        receiver: Some(receiver),
        reader: Some(reader),
    };
    match file.recv() {
        Some(XlsxMessage::Header(header_warnings)) => warnings.extend(header_warnings),
        Some(XlsxMessage::Failed(message)) => return Err(message),
        Some(XlsxMessage::Record(_)) | None => {
            return Err("the first sheet has no header row".to_owned())
        }
    }
    Ok((Box::new(file), warnings))
}

/// Merged cells: the (row, column) of the first and of the last cell, from 0.
type Region = ((u32, u32), (u32, u32));

/// Merged regions of a sheet, to find one that touches a row in logarithmic time (a sheet may
/// hold very many of them, and very many rows).
struct Merges {
    /// The regions, by first row.
    regions: Vec<Region>,
    /// For each region in that order, the furthest last row of it and the regions before it,
    /// and which region that is.
    reach: Vec<(u32, usize)>,
}

impl Merges {
    fn new(mut regions: Vec<Region>) -> Merges {
        regions.sort_by_key(|(start, _)| start.0);
        let mut reach = Vec::with_capacity(regions.len());
        let mut best: Option<(u32, usize)> = None;
        for (i, (_, end)) in regions.iter().enumerate() {
            if best.is_none_or(|(row, _)| end.0 > row) {
                best = Some((end.0, i));
            }
            reach.extend(best);
        }
        Merges { regions, reach }
    }

    /// A region that covers `row`, if there is one.
    fn covering(&self, row: u32) -> Option<Region> {
        let before = self.regions.partition_point(|(start, _)| start.0 <= row);
        let (last_row, i) = *self.reach.get(before.checked_sub(1)?)?;
        (last_row >= row).then(|| self.regions[i])
    }
}

/// Readers the workbook can be read from.
trait ReadSeek: Read + io::Seek + Send {}
impl<T: Read + io::Seek + Send> ReadSeek for T {}

impl Records for XlsxFile {
    fn next_record(&mut self) -> Result<Option<Raw>, String> {
        match self.recv() {
            Some(XlsxMessage::Record(raw)) => Ok(Some(raw)),
            Some(XlsxMessage::Failed(message)) => Err(message),
            Some(XlsxMessage::Header(_)) | None => Ok(None),
        }
    }
}

/// The Excel name of a column: 0 → A, 26 → AA.
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), u64::from(row) + 1)
}

/// The data row being read.
struct SheetRow {
    /// Its cells, one per column of the header.
    cells: Vec<OwnedCell>,
    /// The bytes of text in its cells.
    bytes: usize,
    /// A cell with a value beyond the header's columns.
    beyond: Option<u32>,
}

/// The reading of the first sheet, cell by cell. Whatever the sheet holds, memory stays within
/// one header of at most [`max_columns`] names and [`MAX_ROW_BYTES`] of text, and one row of
/// as many cells and as much text (besides what the Excel reader buffers: one XML element).
struct Sheet<'a> {
    file: usize,
    /// Every merged region, for the header row.
    header_merges: Merges,
    /// Merged regions of more than one cell, for data rows.
    row_merges: Merges,
    default_form: Option<String>,
    sender: &'a std::sync::mpsc::SyncSender<XlsxMessage>,
    /// The header row, its plan and the column of `form` when the workbook gives a form.
    header: Option<(u32, Header, Option<usize>)>,
    /// The names of the header row being read, by column.
    names: Vec<String>,
    /// The bytes of text of the header row being read.
    header_bytes: usize,
    /// The data row being read.
    row: Option<SheetRow>,
}

impl Sheet<'_> {
    fn read(mut self, workbook: &mut Xlsx<Box<dyn ReadSeek>>, sheet: &str) -> Result<(), String> {
        let mut cells = workbook
            .worksheet_cells_reader(sheet)
            .map_err(|e| format!("cannot read sheet `{sheet}`: {e}"))?;
        let mut current_row: Option<u32> = None;
        loop {
            let next = cells
                .next_cell()
                .map_err(|e| format!("cannot read sheet `{sheet}`: {e}"))?;
            let Some(cell) = next else { break };
            let (row, col) = cell.get_position();
            if col >= EXCEL_COLUMNS {
                return Err(format!(
                    "cell {} is beyond the last column of a sheet (XFD): this is not a \
                     workbook that Excel writes",
                    cell_name(row, col)
                ));
            }
            if current_row != Some(row) {
                if let Some(previous) = current_row {
                    if !self.finish_row(previous)? {
                        return Ok(());
                    }
                }
                current_row = Some(row);
            }
            self.add_cell(col, cell.get_value())?;
        }
        if let Some(previous) = current_row {
            self.finish_row(previous)?;
        }
        if self.header.is_none() {
            return Err("the first sheet is empty: it has no header row".to_owned());
        }
        Ok(())
    }

    fn add_cell(&mut self, col: u32, value: &DataRef<'_>) -> Result<(), String> {
        let Some((_, plan, _)) = &self.header else {
            let text = header_text(value);
            let name = text.trim();
            if name.is_empty() {
                return Ok(());
            }
            if col as usize >= max_columns() {
                return Err(too_many_columns(col as usize + 1));
            }
            self.header_bytes += name.len();
            if self.header_bytes > MAX_ROW_BYTES {
                return Err(format!(
                    "the header row holds more than {MAX_ROW_BYTES} bytes of text: a header of \
                     column names is not larger than a record; is this a sheet of seizure records?"
                ));
            }
            let col = col as usize;
            if self.names.len() <= col {
                self.names.resize(col + 1, String::new());
            }
            self.names[col] = name.to_owned();
            return Ok(());
        };
        let width = plan.kinds.len();
        let kind = plan
            .kinds
            .get(col as usize)
            .copied()
            .unwrap_or(ColumnKind::Text);
        let cell = excel_cell(value, kind);
        let current = self.row.get_or_insert_with(|| SheetRow {
            cells: vec![OwnedCell::Empty; width],
            bytes: 0,
            beyond: None,
        });
        if let OwnedCell::Text(text) = &cell {
            current.bytes += text.len();
        }
        match current.cells.get_mut(col as usize) {
            // Past the limit the texts are not kept: the row will be reported as too large.
            Some(slot) if current.bytes <= MAX_ROW_BYTES => *slot = cell,
            Some(_) => {}
            None if !cell.is_blank() => current.beyond = Some(col),
            None => {}
        }
        Ok(())
    }

    /// Ends row `row`; `false` when nobody reads the records any more.
    fn finish_row(&mut self, row: u32) -> Result<bool, String> {
        let Some((_, plan, form_column)) = &self.header else {
            if self.names.is_empty() {
                // A blank row before the header.
                self.header_bytes = 0;
                return Ok(true);
            }
            if let Some((start, end)) = self.header_merges.covering(row) {
                return Err(format!(
                    "the header cells {}:{} are merged: each column needs its own name",
                    cell_name(start.0, start.1),
                    cell_name(end.0, end.1)
                ));
            }
            let mut names = std::mem::take(&mut self.names);
            // The template's form applies to rows that do not give one, as if each row said it.
            let mut form_column = None;
            if self.default_form.is_some() {
                if !names.iter().any(|n| n == "form") {
                    names.push("form".to_owned());
                }
                form_column = names.iter().position(|n| n == "form");
            }
            let plan = self::header(names, |i| format!("column {}", column_letters(i as u32)))?;
            let warnings = plan.warnings.clone();
            self.header = Some((row, plan, form_column));
            return Ok(self.sender.send(XlsxMessage::Header(warnings)).is_ok());
        };
        let Some(SheetRow {
            mut cells,
            bytes,
            beyond,
        }) = self.row.take()
        else {
            return Ok(true);
        };
        let payload = if bytes > MAX_ROW_BYTES {
            Payload::TooLarge(format!(
                "this row holds {bytes} bytes of text: a record is at most {MAX_ROW_BYTES} \
                 bytes, so its cells were not read"
            ))
        } else if cells.iter().all(OwnedCell::is_blank) && beyond.is_none() {
            return Ok(true);
        } else if let Some(col) = beyond {
            Payload::Malformed(format!(
                "cell {} has a value but its column has no name in the header",
                cell_name(row, col)
            ))
        } else if let Some((start, end)) = self.row_merges.covering(row) {
            Payload::Malformed(format!(
                "cells {}:{} are merged: give every row and column its own value",
                cell_name(start.0, start.1),
                cell_name(end.0, end.1)
            ))
        } else {
            if let (Some(col), Some(form)) = (form_column, &self.default_form) {
                if cells[*col].is_blank() {
                    cells[*col] = OwnedCell::Text(form.clone());
                }
            }
            Payload::Row {
                layout: plan.layout.clone(),
                cells,
            }
        };
        Ok(self
            .sender
            .send(XlsxMessage::Record(Raw {
                file: self.file,
                line: u64::from(row) + 1,
                payload,
            }))
            .is_ok())
    }
}

fn header_text(value: &DataRef<'_>) -> String {
    match excel_cell(value, ColumnKind::Text) {
        OwnedCell::Text(text) => text,
        _ => String::new(),
    }
}

/// A number as a person reads it in a text column (`240220`, not `240220.0`).
fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// An Excel cell as the core reads it: what a person sees in text columns (a number typed in a
/// code column is its digits, a date cell in a date column is `YYYY-MM-DD`), typed values in
/// number columns, the code of a drop-down's "label — code".
fn excel_cell(value: &DataRef<'_>, kind: ColumnKind) -> OwnedCell {
    match value {
        DataRef::Empty => OwnedCell::Empty,
        DataRef::String(text) => text_cell(text, kind),
        DataRef::SharedString(text) => text_cell(text, kind),
        DataRef::Int(n) => match kind {
            ColumnKind::Number => OwnedCell::Integer(*n),
            _ => OwnedCell::Text(n.to_string()),
        },
        DataRef::Float(x) => match kind {
            ColumnKind::Number => OwnedCell::Number(*x),
            _ => OwnedCell::Text(number_text(*x)),
        },
        DataRef::Bool(b) => OwnedCell::Bool(*b),
        DataRef::DateTime(date) => {
            let (y, m, d, hh, mm, ss, _) = date.to_ymd_hms_milli();
            if date.is_datetime() && (hh, mm, ss) == (0, 0, 0) {
                OwnedCell::Text(format!("{y:04}-{m:02}-{d:02}"))
            } else if date.is_datetime() {
                OwnedCell::Text(format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}"))
            } else {
                OwnedCell::Text(number_text(date.as_f64()))
            }
        }
        DataRef::DateTimeIso(text) => {
            let day = text.strip_suffix("T00:00:00").unwrap_or(text);
            OwnedCell::Text(day.to_owned())
        }
        DataRef::DurationIso(text) => OwnedCell::Text(text.clone()),
        DataRef::Error(error) => OwnedCell::Text(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_records(text: &[u8]) -> (Vec<(u64, String)>, Option<String>) {
        let mut reader = JsonFile::new(BufReader::new(Cursor::new(text.to_vec())), 0);
        let mut out = Vec::new();
        loop {
            match reader.next_record() {
                Ok(Some(raw)) => match raw.payload {
                    Payload::Json(bytes) => out.push((
                        raw.line,
                        String::from_utf8_lossy(bytes.as_slice()).into_owned(),
                    )),
                    other => panic!("{other:?}"),
                },
                Ok(None) => return (out, None),
                Err(problem) => return (out, Some(problem)),
            }
        }
    }

    /// The threads of this process with this name.
    fn threads_named(name: &str) -> usize {
        std::fs::read_dir("/proc/self/task")
            .unwrap()
            .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
            .filter(|comm| comm.trim_end() == name)
            .count()
    }

    /// Found by the `files` fuzz target (LeakSanitizer): the workbook's reader thread outlived
    /// the read. It ends with the file now, even when reading stops early.
    #[test]
    fn the_workbook_reader_thread_ends_with_the_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/seizures.xlsx");
        let bytes = std::fs::read(path).unwrap();
        let (mut records, _) = open_xlsx(7777, XlsxInput::Bytes(bytes.clone())).unwrap();
        assert!(records.next_record().unwrap().is_some());
        assert_eq!(threads_named("cen-xlsx-7777"), 1, "reading");
        drop(records);
        assert_eq!(threads_named("cen-xlsx-7777"), 0, "stopped early");
        let (mut records, _) = open_xlsx(7777, XlsxInput::Bytes(bytes)).unwrap();
        while records.next_record().unwrap().is_some() {}
        drop(records);
        assert_eq!(threads_named("cen-xlsx-7777"), 0, "read to the end");
    }

    #[test]
    fn arrays_are_split_into_items_with_their_lines() {
        let (items, problem) =
            json_records(b"[\n  {\"a\": \"x,]}\"},\n  {\"b\": [1, {\"c\": 2}]}\n , 3 ]\n");
        assert_eq!(
            items,
            [
                (2, "{\"a\": \"x,]}\"}".to_owned()),
                (3, "{\"b\": [1, {\"c\": 2}]}".to_owned()),
                (4, "3".to_owned())
            ]
        );
        assert_eq!(problem, None);
    }

    #[test]
    fn the_scanner_keeps_its_state_across_buffers() {
        let text = br#"{"a": "x\"],\\", "b": [1, {"c": "]"}]}, 2"#;
        for split in 0..text.len() {
            let mut scan = Scan::default();
            let (used, found) = scan.feed(&text[..split]);
            let (total, found) = match found {
                Some(b) => (used, Some(b)),
                None => {
                    let (more, found) = scan.feed(&text[split..]);
                    (split + more, found)
                }
            };
            assert_eq!(found, Some(b','), "split at {split}");
            assert_eq!(&text[..total], br#"{"a": "x\"],\\", "b": [1, {"c": "]"}]}"#);
        }
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let (items, _) = json_records(br#"[{"a": "say \"hi\", ok"}, {}]"#);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].1, r#"{"a": "say \"hi\", ok"}"#);
    }

    #[test]
    fn empty_arrays_and_trailing_commas_have_no_records() {
        assert_eq!(json_records(b"[]").0.len(), 0);
        assert_eq!(json_records(b"  [ \n ] ").0.len(), 0);
        assert_eq!(json_records(b"[{}, ]").0.len(), 1);
        // An empty item between commas is a record that is not JSON.
        assert_eq!(json_records(b"[{}, , {}]").0[1].1, "");
    }

    #[test]
    fn a_cut_array_and_text_after_it_are_problems_after_the_records() {
        let (items, problem) = json_records(b"[{\"a\": 1}, {\"b\":");
        assert_eq!(items.len(), 2);
        assert!(problem.unwrap().contains("not closed"));
        let (items, problem) = json_records(b"[{}] {}");
        assert_eq!(items.len(), 1);
        assert!(problem.unwrap().contains("after the closing"));
    }

    #[test]
    fn a_single_object_is_the_whole_file() {
        let (items, _) = json_records(b"\xef\xbb\xbf\n {\"a\": 1}\n");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].0, 2);
        assert_eq!(items[0].1.as_bytes(), b"\xef\xbb\xbf\n {\"a\": 1}\n");
    }

    fn ndjson_records(text: Vec<u8>) -> Vec<(u64, Vec<u8>)> {
        let mut reader = Ndjson::new(Cursor::new(text), 0);
        let mut out = Vec::new();
        while let Some(raw) = reader.next_record().unwrap() {
            match raw.payload {
                Payload::Json(bytes) => out.push((raw.line, bytes.as_slice().to_vec())),
                other => panic!("{other:?}"),
            }
        }
        out
    }

    #[test]
    fn ndjson_lines_across_blocks_and_blank_lines() {
        let mut text = Vec::new();
        let mut expected = Vec::new();
        for i in 0..5000u64 {
            let line = format!(
                "{{\"case_ref\": \"{}\"}}",
                "x".repeat((i as usize * 37) % 900)
            );
            text.extend_from_slice(line.as_bytes());
            text.extend_from_slice(if i % 7 == 0 { b"\r\n\n" } else { b"\n" });
            expected.push(line.into_bytes());
        }
        text.extend_from_slice(b"{\"last\": 1}");
        expected.push(b"{\"last\": 1}".to_vec());
        let records = ndjson_records(text);
        assert_eq!(
            records.iter().map(|r| r.1.clone()).collect::<Vec<_>>(),
            expected
        );
        assert_eq!(records[0].0, 1);
        assert_eq!(records[1].0, 3, "line 2 is blank");
    }

    #[test]
    fn long_lines_are_capped_and_skipped_to_their_end() {
        for length in [RECORD_CAP - 10, RECORD_CAP + 10, 3 * BLOCK + 5] {
            let mut text = b"{}\n".to_vec();
            text.extend(std::iter::repeat_n(b'x', length));
            text.extend_from_slice(b"\n{\"a\": 1}\n");
            let records = ndjson_records(text);
            assert_eq!(records.len(), 3, "{length}");
            assert_eq!(records[1].1.len(), length.min(RECORD_CAP));
            assert_eq!(records[2], (3, b"{\"a\": 1}".to_vec()));
        }
    }

    /// Rows as `CsvRows` splits them, read through a buffer of `capacity` bytes.
    /// A row's line, and its cells or its length when it is too large.
    type SplitRow = (u64, Result<Vec<Vec<u8>>, u64>);

    fn csv_rows(text: &[u8], capacity: usize) -> Vec<SplitRow> {
        let (reader, delimiter) =
            csv_start(BufReader::with_capacity(capacity, Cursor::new(text))).unwrap();
        let mut rows = CsvRows::new(reader, delimiter);
        let mut out = Vec::new();
        loop {
            let line = rows.line();
            match rows.read_row().unwrap() {
                RowRead::End => return out,
                RowRead::Cells(n) => {
                    out.push((line, Ok((0..n).map(|i| rows.cell(i).to_vec()).collect())))
                }
                RowRead::TooLarge { bytes, .. } => out.push((line, Err(bytes))),
            }
        }
    }

    #[test]
    fn csv_rows_are_split_as_the_csv_crate_splits_them() {
        let texts: [&[u8]; 6] = [
            b"a,b,c\n1,\"x, \"\"y\"\"\",3\n\n\n4,5\r\n6\r7,8",
            b"\xef\xbb\xbf\"h\",i\n\"multi\nline\",z\n",
            b"only",
            b",,\n,\n\"\"\n",
            b"a,\"unclosed\n,b\n",
            b"x;y,z\r\n\r\n\"\"\"\",q",
        ];
        for text in texts {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text);
            let mut expected = Vec::new();
            let mut record = csv::ByteRecord::new();
            while reader.read_byte_record(&mut record).unwrap() {
                let line = record.position().unwrap().line();
                expected.push((line, Ok(record.iter().map(<[u8]>::to_vec).collect())));
            }
            for capacity in [1, 2, 3, 7, 64] {
                assert_eq!(csv_rows(text, capacity), expected, "{text:?} by {capacity}");
            }
        }
    }

    #[test]
    fn csv_rows_over_the_limit_are_skipped_to_their_end() {
        let mut text = b"h1,h2\n".to_vec();
        text.extend_from_slice(b"\"");
        text.extend(std::iter::repeat_n(b'x', MAX_ROW_BYTES));
        text.extend_from_slice(b"\n,\"\"\",more\nlast,row\n");
        let rows = csv_rows(&text, 1 << 16);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].0, 2);
        assert_eq!(rows[1].1, Err(MAX_ROW_BYTES as u64 + 12));
        // The long row holds a line break: the last row starts on line 4.
        assert_eq!(rows[2], (4, Ok(vec![b"last".to_vec(), b"row".to_vec()])));
        // Exactly at the limit, the row is kept.
        let mut text = b"x".repeat(MAX_ROW_BYTES - 1);
        text.push(b'\n');
        assert!(csv_rows(&text, 4096)[0].1.is_ok());
        text.insert(0, b'x');
        assert!(csv_rows(&text, 4096)[0].1.is_err());
    }

    #[test]
    fn merged_regions_are_found_as_a_scan_finds_them() {
        // Regions of every shape over 40 rows, in no order, with overlaps and gaps.
        let regions: Vec<Region> = (0..60u32)
            .map(|i| {
                let start = (i * 7919) % 37;
                ((start, i % 5), (start + (i * 31) % 4, i % 5 + 1))
            })
            .collect();
        let merges = Merges::new(regions.clone());
        for row in 0..45 {
            let scan = regions.iter().any(|(s, e)| s.0 <= row && row <= e.0);
            let found = merges.covering(row);
            assert_eq!(found.is_some(), scan, "row {row}");
            if let Some((s, e)) = found {
                assert!(s.0 <= row && row <= e.0);
            }
        }
        assert_eq!(Merges::new(Vec::new()).covering(0), None);
    }

    #[test]
    fn drop_down_values_give_their_code() {
        assert_eq!(unlabel("Cocaine (Drugs) — cocaine"), "cocaine");
        assert_eq!(unlabel("Belgique — BE"), "BE");
        assert_eq!(unlabel("BE"), "BE");
        assert_eq!(unlabel("odd — "), "odd — ");
        assert_eq!(column_kind("goods.0.type"), ColumnKind::Coded);
        assert_eq!(column_kind("route.destination"), ColumnKind::Coded);
        assert_eq!(column_kind("goods.1.quantity"), ColumnKind::Number);
        assert_eq!(column_kind("conveyance.0.date"), ColumnKind::Date);
        assert_eq!(column_kind("goods.0.hs_code"), ColumnKind::Text);
        assert_eq!(column_kind("colour"), ColumnKind::Text);
        assert_eq!(column_kind("route.transit"), ColumnKind::CodedList);
        assert_eq!(
            text_cell("France — FR; Allemagne — DE", ColumnKind::CodedList),
            OwnedCell::Text("FR;DE".into())
        );
    }

    #[test]
    fn excel_cells_read_as_people_see_them() {
        assert_eq!(
            excel_cell(&DataRef::Float(240220.0), ColumnKind::Text),
            OwnedCell::Text("240220".into())
        );
        assert_eq!(
            excel_cell(&DataRef::Float(2.5), ColumnKind::Number),
            OwnedCell::Number(2.5)
        );
        assert_eq!(
            excel_cell(&DataRef::Int(3), ColumnKind::Text),
            OwnedCell::Text("3".into())
        );
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
