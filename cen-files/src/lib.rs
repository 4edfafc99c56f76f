//! Files of CEN seizure records (spec 5.4): the readers of JSON, NDJSON, CSV and Excel files,
//! one record at a time so that memory does not grow with the input, and the Excel data-entry
//! template (feature `template`). The `cen` command line reads files with this crate, and so
//! does the browser's seizure form, compiled to WebAssembly: nothing here needs a file system,
//! a thread or a clock (a workbook is read on a thread of its own only natively, see
//! [`FileReader::workbook`]).
//!
//! A reader gives [`Raw`] records: JSON text as bytes, a flat row of cells with the
//! [`Layout`](cen_model::flat::Layout) of its header, or an explanation of why a record could
//! not be read (which the core reports as that record's CEN-SCH-001; the file goes on). A
//! problem of the whole file (not a workbook, a bad header, a zip bomb) is an `Err` with a
//! message for a person. Hostile files stay harmless: see [`limits`].
//!
//! | module | what |
//! |---|---|
//! | `ndjson` | one record per line, read in blocks shared by their records |
//! | `json` | one object, or an array streamed item by item |
//! | `csv` | flat rows, `,` or `;` separated, rows longer than a record skipped unread |
//! | `xlsx` | flat rows of a workbook's first sheet, streamed cell by cell |
//! | `header` | a header of dotted paths mapped to the record (spec 5.3), drop-down values read as codes |
//! | [`limits`] | the size of records, rows and headers; the zip-bomb guard |
//! | [`workbook`] | what the template writes and the reader reads back |
//! | [`template`] | the Excel data-entry template (feature `template`) |
//! | `check` | [`Raw::check`]: a record as read, checked by the core (feature `check`) |
//!
//! Reading a CSV file held in memory, and checking each record with the core:
//!
//! ```
//! use cen_files::{FileReader, Format, Payload};
//!
//! let csv = "reporting_country,seizure_date,goods.0.quantity\nBE,2026-03-01,12\nFR,,x\n";
//! let mut reader = FileReader::from_bytes(csv.as_bytes().to_vec(), Format::Csv)?;
//! assert!(reader.warnings().is_empty());
//! let validator = cen_rules::Validator::new(cen_rules::Options::default()).unwrap();
//! let mut lines = Vec::new();
//! while let Some(raw) = reader.next_record()? {
//!     if let Payload::Row { layout, cells } = &raw.payload {
//!         let cells: Vec<_> = cells.iter().map(|c| c.as_cell()).collect();
//!         let report = validator.validate_row(layout, &cells);
//!         assert!(!report.valid);
//!     }
//!     lines.push(raw.line);
//! }
//! assert_eq!(lines, [2, 3]);
//! # Ok::<(), String>(())
//! ```
//!
//! NDJSON from any reader (a file, standard input, a network stream), with the records' file
//! index set for a run of several files:
//!
//! ```
//! use cen_files::{FileReader, Payload};
//!
//! let text: &[u8] = b"{\"case_ref\": \"A\"}\n\n{\"case_ref\": \"B\"}\n";
//! let reader = FileReader::ndjson(text).numbered(3);
//! let records: Vec<_> = reader.collect::<Result<_, _>>()?;
//! assert_eq!(records.len(), 2);
//! assert_eq!((records[1].file, records[1].line), (3, 3));
//! assert!(matches!(&records[0].payload, Payload::Json(b) if b.as_slice() == b"{\"case_ref\": \"A\"}"));
//! # Ok::<(), String>(())
//! ```

use std::io::{BufRead, BufReader, Cursor, Read, Seek};
use std::path::Path;

#[cfg(feature = "check")]
mod check;
mod csv;
mod header;
mod json;
pub mod limits;
mod ndjson;
mod record;
#[cfg(feature = "template")]
pub mod template;
pub mod workbook;
mod xlsx;

pub use header::unlabel;
pub use limits::{
    max_columns, INFLATE_GRACE, MAX_INFLATE_RATIO, MAX_IN_MEMORY_WORKBOOK, MAX_ROW_BYTES,
    MAX_WHOLE_PART,
};
pub use record::{Bytes, OwnedCell, Payload, Raw};
pub use workbook::{column_letters, EXCEL_COLUMNS, FORM_NAME, LABEL_SEPARATOR, TEMPLATE_SHEETS};

use xlsx::Reading;

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
    /// The format of a file by its extension (any case): `.json`; `.ndjson` or `.jsonl`;
    /// `.csv`; `.xlsx` or `.xlsm`.
    ///
    /// ```
    /// use cen_files::Format;
    /// assert_eq!(Format::of_extension("XLSX"), Some(Format::Xlsx));
    /// assert_eq!(Format::of_extension("txt"), None);
    /// ```
    pub fn of_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "ndjson" | "jsonl" => Some(Format::Ndjson),
            "csv" => Some(Format::Csv),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The format of a file by its name's extension (see [`Format::of_extension`]).
    ///
    /// ```
    /// use cen_files::Format;
    /// assert_eq!(Format::of_path("seizures.jsonl".as_ref()), Some(Format::Ndjson));
    /// ```
    pub fn of_path(path: &Path) -> Option<Format> {
        Format::of_extension(path.extension()?.to_str()?)
    }

    /// True for CSV and Excel, whose issues also name a column.
    #[inline]
    pub fn is_flat(self) -> bool {
        matches!(self, Format::Csv | Format::Xlsx)
    }

    /// What a position in this format is called: an Excel row, or a line of text.
    #[inline]
    pub fn position_word(self) -> &'static str {
        match self {
            Format::Xlsx => "row",
            _ => "line",
        }
    }
}

/// Reads records of one file.
pub(crate) trait Records: Send {
    /// The next record; `Ok(None)` at the end; `Err` for a problem that stops this file.
    fn next_record(&mut self) -> Result<Option<Raw>, String>;
}

/// The records of one file, in order.
///
/// Opening reads what a file must start with (a CSV or Excel header, a workbook's parts list):
/// a problem there is an `Err` of the constructor, and [`FileReader::warnings`] tells what a
/// person should know of the header. Then [`FileReader::next_record`] (or the iterator) gives
/// the records; an `Err` there stops the file (a JSON array not closed, a sheet cut short),
/// after the records before it.
pub struct FileReader {
    records: Box<dyn Records>,
    warnings: Vec<String>,
    file: usize,
    done: bool,
}

impl std::fmt::Debug for FileReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileReader")
            .field("warnings", &self.warnings)
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

/// The capacity of the buffer of a reader given without one.
const BUFFER: usize = 1 << 16;

impl FileReader {
    fn of(opened: (Box<dyn Records>, Vec<String>)) -> FileReader {
        FileReader {
            records: opened.0,
            warnings: opened.1,
            file: 0,
            done: false,
        }
    }

    /// The records of a file of any format from a reader. A workbook has to be read out of
    /// order: it is read into memory first, up to [`MAX_IN_MEMORY_WORKBOOK`] bytes (give a
    /// seekable workbook to [`FileReader::workbook`] instead to read it as needed).
    pub fn new(format: Format, reader: impl Read + Send + 'static) -> Result<FileReader, String> {
        match format {
            Format::Ndjson => Ok(FileReader::ndjson(reader)),
            Format::Json => Ok(FileReader::json(BufReader::with_capacity(BUFFER, reader))),
            Format::Csv => FileReader::csv(BufReader::with_capacity(BUFFER, reader)),
            Format::Xlsx => {
                let mut bytes = Vec::new();
                reader
                    .take(MAX_IN_MEMORY_WORKBOOK + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| format!("read error: {e}"))?;
                if bytes.len() as u64 > MAX_IN_MEMORY_WORKBOOK {
                    return Err(format!(
                        "a workbook read from a stream is held in memory, and this one is larger \
                         than {MAX_IN_MEMORY_WORKBOOK} bytes"
                    ));
                }
                FileReader::workbook_bytes(bytes)
            }
        }
    }

    /// The records of a whole file held in memory (a file dropped on a web page). An empty
    /// file is an `Err` ("the file is empty").
    ///
    /// ```
    /// use cen_files::{FileReader, Format};
    /// let workbook = std::fs::read("../examples/seizures.xlsx").unwrap();
    /// let reader = FileReader::from_bytes(workbook, Format::Xlsx).unwrap();
    /// assert!(reader.count() > 0);
    /// assert_eq!(
    ///     FileReader::from_bytes(Vec::new(), Format::Csv).unwrap_err(),
    ///     "the file is empty"
    /// );
    /// ```
    pub fn from_bytes(bytes: Vec<u8>, format: Format) -> Result<FileReader, String> {
        if bytes.is_empty() {
            return Err("the file is empty".to_owned());
        }
        match format {
            Format::Xlsx => FileReader::workbook_bytes(bytes),
            _ => FileReader::new(format, Cursor::new(bytes)),
        }
    }

    /// NDJSON from a reader (read in blocks of 1 MiB: it needs no buffer of its own). Blank
    /// lines are not records; lines count from 1.
    pub fn ndjson(reader: impl Read + Send + 'static) -> FileReader {
        FileReader::of((Box::new(ndjson::Ndjson::new(reader, 0)), Vec::new()))
    }

    /// NDJSON from live input (a network stream, a pipe a person types into): the same records
    /// as [`FileReader::ndjson`], each given as soon as its line has arrived rather than once a
    /// block of 1 MiB has (`cen serve` answers a batch while it is still being uploaded).
    ///
    /// ```
    /// use cen_files::FileReader;
    /// let text = "{\"a\": 1}\n\n{\"b\": 2}\n";
    /// let lines: Vec<u64> = FileReader::ndjson_live(text.as_bytes()).map(|r| r.unwrap().line).collect();
    /// assert_eq!(lines, [1, 3]);
    /// ```
    pub fn ndjson_live(reader: impl Read + Send + 'static) -> FileReader {
        FileReader::of((Box::new(ndjson::Ndjson::new(reader, 0).live()), Vec::new()))
    }

    /// A `.json` file from a buffered reader: one record, or an array whose items are the
    /// records.
    pub fn json(reader: impl BufRead + Send + 'static) -> FileReader {
        FileReader::of((Box::new(json::JsonFile::new(reader, 0)), Vec::new()))
    }

    /// A CSV file from a buffered reader; its header is read now.
    pub fn csv(reader: impl BufRead + Send + 'static) -> Result<FileReader, String> {
        csv::open_csv(reader, 0).map(FileReader::of)
    }

    /// A workbook from a seekable reader (a file), read as needed: its parts list passes the
    /// zip-bomb guard, then its first sheet's header is read. Natively the sheet is read on a
    /// thread of its own, which hands rows over as they are read and ends with the reader (even
    /// one dropped early); in WebAssembly, on the caller's thread.
    pub fn workbook(reader: impl Read + Seek + Send + 'static) -> Result<FileReader, String> {
        xlsx::open_xlsx_seekable(0, Box::new(reader), Reading::Thread).map(FileReader::of)
    }

    /// A workbook held in memory (see [`FileReader::workbook`]).
    pub fn workbook_bytes(bytes: Vec<u8>) -> Result<FileReader, String> {
        xlsx::open_xlsx_bytes(0, bytes, Reading::Thread).map(FileReader::of)
    }

    /// A workbook held in memory, its sheet read on the caller's thread a few cells at each
    /// call for the next record (what WebAssembly always does): no thread, the same records.
    ///
    /// ```
    /// use cen_files::FileReader;
    /// let bytes = std::fs::read("../examples/seizures.xlsx").unwrap();
    /// let threaded: Vec<_> = FileReader::workbook_bytes(bytes.clone()).unwrap().map(|r| r.unwrap().line).collect();
    /// let in_place: Vec<_> = FileReader::workbook_in_place(bytes).unwrap().map(|r| r.unwrap().line).collect();
    /// assert_eq!(threaded, in_place);
    /// ```
    pub fn workbook_in_place(bytes: Vec<u8>) -> Result<FileReader, String> {
        xlsx::open_xlsx_bytes(0, bytes, Reading::InPlace).map(FileReader::of)
    }

    /// Sets the index of this file among the files read together (the [`Raw::file`] of its
    /// records; 0 by default).
    pub fn numbered(mut self, file: usize) -> FileReader {
        self.file = file;
        self
    }

    /// What a person should know of the file's header: columns that are not paths of the
    /// record, columns without a name, sheets that are not read.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The next record; `Ok(None)` at the end; `Err` for a problem that stops the file (after
    /// it, `Ok(None)`).
    pub fn next_record(&mut self) -> Result<Option<Raw>, String> {
        if self.done {
            return Ok(None);
        }
        match self.records.next_record() {
            Ok(Some(mut raw)) => {
                raw.file = self.file;
                Ok(Some(raw))
            }
            other => {
                self.done = true;
                other
            }
        }
    }
}

impl Iterator for FileReader {
    type Item = Result<Raw, String>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_record().transpose()
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
/// readers, limits and messages): every record, the warnings, and the problem that stopped it
/// ("no records in this file" when it has none).
///
/// ```
/// use cen_files::{read_bytes, Format};
/// let read = read_bytes(b"[{\"a\": 1}, {\"b\": 2}".to_vec(), Format::Json);
/// assert_eq!(read.records.len(), 2);
/// assert!(read.problem.unwrap().contains("not closed"));
/// ```
pub fn read_bytes(bytes: Vec<u8>, format: Format) -> FileRead {
    read_all(FileReader::from_bytes(bytes, format))
}

/// [`read_bytes`] with a workbook read on the caller's thread (see
/// [`FileReader::workbook_in_place`]); other formats as [`read_bytes`].
pub fn read_bytes_in_place(bytes: Vec<u8>, format: Format) -> FileRead {
    if format == Format::Xlsx && !bytes.is_empty() {
        read_all(FileReader::workbook_in_place(bytes))
    } else {
        read_bytes(bytes, format)
    }
}

fn read_all(reader: Result<FileReader, String>) -> FileRead {
    let mut read = FileRead {
        records: Vec::new(),
        warnings: Vec::new(),
        problem: None,
    };
    let mut reader = match reader {
        Ok(reader) => reader,
        Err(problem) => {
            read.problem = Some(problem);
            return read;
        }
    };
    read.warnings = std::mem::take(&mut reader.warnings);
    loop {
        match reader.next_record() {
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
