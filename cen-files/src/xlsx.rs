//! Excel (`.xlsx`, `.xlsm`): the first sheet holds the records (a header row of dotted paths,
//! one record per row); the sheets of `cen template` are skipped; other sheets are named in a
//! warning. Every workbook passes the zip-bomb guard ([`check_workbook`]) before it is read.
//!
//! The sheet is streamed cell by cell, either on a thread of its own that hands rows over as
//! they are read (natively, so that reading overlaps validation), or on the caller's thread, a
//! few cells at each call (WebAssembly, where there are no threads; natively on request).

use std::collections::VecDeque;
use std::io::{self, Cursor, Read, Seek};
use std::mem::ManuallyDrop;

use calamine::{DataRef, Reader, Xlsx, XlsxCellReader};

use crate::header::{header, text_cell, ColumnKind, Header};
use crate::limits::{check_workbook, max_columns, too_many_columns, MAX_ROW_BYTES};
use crate::record::{OwnedCell, Payload, Raw};
use crate::workbook::{cell_name, column_letters, EXCEL_COLUMNS, FORM_NAME, TEMPLATE_SHEETS};
use crate::Records;

/// Readers the workbook can be read from.
pub(crate) trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// The workbook as calamine reads it.
type Workbook = Xlsx<Box<dyn ReadSeek>>;
/// The cells of its first sheet, in order.
type Cells<'a> = XlsxCellReader<'a, Box<dyn ReadSeek>>;

/// Where the sheet is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// On a thread of its own (natively).
    Thread,
    /// On the caller's thread, at each call for the next record.
    InPlace,
}

/// What the reading of the sheet gives, in order: the header's warnings, then the records, or
/// the problem that stops the file.
enum XlsxMessage {
    Header(Vec<String>),
    Record(Raw),
    Failed(String),
}

/// Where the reading of the sheet puts what it finds.
trait Sink {
    /// Hands a message over; `false` when nobody reads any more.
    fn send(&mut self, message: XlsxMessage) -> bool;
}

impl Sink for VecDeque<XlsxMessage> {
    fn send(&mut self, message: XlsxMessage) -> bool {
        self.push_back(message);
        true
    }
}

/// Runs a step of the Excel reader, turning a panic of the reader (a bug, which fuzzing looks
/// for) into a problem of the file rather than the end of the run.
fn guarded<T>(step: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)).unwrap_or_else(|_| {
        Err("the Excel reader failed on this workbook (a bug of cen: please report it)".to_owned())
    })
}

/// Opens a workbook that has passed the zip-bomb guard, and reads its header.
pub(crate) fn open_xlsx(
    file: usize,
    reader: Box<dyn ReadSeek>,
    reading: Reading,
) -> Result<(Box<dyn Records>, Vec<String>), String> {
    guarded(|| open_workbook(file, reader, reading))
}

/// A workbook held in memory, checked and opened.
pub(crate) fn open_xlsx_bytes(
    file: usize,
    bytes: Vec<u8>,
    reading: Reading,
) -> Result<(Box<dyn Records>, Vec<String>), String> {
    if bytes.is_empty() {
        return Err("the input is empty".to_owned());
    }
    guarded(|| check_workbook(Cursor::new(&bytes)))?;
    open_xlsx(file, Box::new(Cursor::new(bytes)), reading)
}

/// A workbook read as needed from a seekable reader (a file), checked and opened.
pub(crate) fn open_xlsx_seekable(
    file: usize,
    mut reader: Box<dyn ReadSeek>,
    reading: Reading,
) -> Result<(Box<dyn Records>, Vec<String>), String> {
    guarded(|| check_workbook(&mut reader))?;
    reader
        .seek(io::SeekFrom::Start(0))
        .map_err(|e| format!("cannot read the workbook: {e}"))?;
    open_xlsx(file, reader, reading)
}

fn open_workbook(
    file: usize,
    reader: Box<dyn ReadSeek>,
    reading: Reading,
) -> Result<(Box<dyn Records>, Vec<String>), String> {
    let not_a_workbook =
        |e: calamine::XlsxError| format!("this is not a readable .xlsx workbook: {e}");
    let mut workbook: Workbook = Xlsx::new(reader).map_err(not_a_workbook)?;
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
    let plan = SheetPlan {
        file,
        merged,
        default_form,
        name: first,
    };
    let mut records: Box<dyn InProgress> = match reading {
        #[cfg(not(target_family = "wasm"))]
        Reading::Thread => Box::new(threaded::XlsxFile::start(workbook, plan)?),
        #[cfg(target_family = "wasm")]
        Reading::Thread => Box::new(InPlace::start(workbook, plan)?),
        Reading::InPlace => Box::new(InPlace::start(workbook, plan)?),
    };
    match records.message() {
        Some(XlsxMessage::Header(header_warnings)) => warnings.extend(header_warnings),
        Some(XlsxMessage::Failed(message)) => return Err(message),
        Some(XlsxMessage::Record(_)) | None => {
            return Err("the first sheet has no header row".to_owned())
        }
    }
    Ok((Box::new(XlsxRecords(records)), warnings))
}

/// What the first sheet is read with: its name, its merged cells and the workbook's form.
struct SheetPlan {
    file: usize,
    merged: Vec<Region>,
    default_form: Option<String>,
    name: String,
}

/// A sheet being read, on a thread or in place: the next message of its reading.
trait InProgress: Send {
    fn message(&mut self) -> Option<XlsxMessage>;
}

/// The records of a workbook.
struct XlsxRecords(Box<dyn InProgress>);

impl Records for XlsxRecords {
    fn next_record(&mut self) -> Result<Option<Raw>, String> {
        match self.0.message() {
            Some(XlsxMessage::Record(raw)) => Ok(Some(raw)),
            Some(XlsxMessage::Failed(message)) => Err(message),
            Some(XlsxMessage::Header(_)) | None => Ok(None),
        }
    }
}

#[cfg(not(target_family = "wasm"))]
mod threaded {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

    use super::*;

    impl Sink for SyncSender<XlsxMessage> {
        fn send(&mut self, message: XlsxMessage) -> bool {
            SyncSender::send(self, message).is_ok()
        }
    }

    /// Numbers the reader threads, so that a test can see that each has ended.
    static THREADS: AtomicUsize = AtomicUsize::new(0);

    /// A sheet read in a thread of its own, row by row, so that rows reach the validator as
    /// they are read.
    pub(super) struct XlsxFile {
        /// `None` once dropped: the reader's next send fails and it stops.
        receiver: Option<Receiver<XlsxMessage>>,
        reader: Option<std::thread::JoinHandle<()>>,
        /// The name of the reader thread (tests look for it).
        #[cfg_attr(not(test), allow(dead_code))]
        pub(super) thread: String,
    }

    impl XlsxFile {
        pub(super) fn start(mut workbook: Workbook, plan: SheetPlan) -> Result<XlsxFile, String> {
            let (sender, receiver) = sync_channel(1024);
            let thread = format!("cen-xlsx-{}", THREADS.fetch_add(1, Ordering::Relaxed));
            let reader = std::thread::Builder::new()
                .name(thread.clone())
                .spawn(move || {
                    let name = plan.name.clone();
                    let mut sheet = Sheet::new(plan, sender);
                    let result = guarded(|| {
                        let mut cells = workbook
                            .worksheet_cells_reader(&name)
                            .map_err(|e| format!("cannot read sheet `{name}`: {e}"))?;
                        while sheet.step(&mut cells)? {}
                        Ok(())
                    });
                    if let Err(message) = result {
                        Sink::send(&mut sheet.sink, XlsxMessage::Failed(message));
                    }
                })
                .map_err(|e| format!("cannot start the thread that reads the workbook: {e}"))?;
            Ok(XlsxFile {
                receiver: Some(receiver),
                reader: Some(reader),
                thread,
            })
        }
    }

    impl InProgress for XlsxFile {
        fn message(&mut self) -> Option<XlsxMessage> {
            self.receiver.as_ref()?.recv().ok()
        }
    }

    /// The reader thread ends with the file: no thread (nor what it holds) outlives a read,
    /// even one stopped early.
    impl Drop for XlsxFile {
        fn drop(&mut self) {
            self.receiver = None;
            if let Some(reader) = self.reader.take() {
                let _ = reader.join();
            }
        }
    }
}

/// A sheet read on the caller's thread: each call reads cells until a row is complete. The
/// cell reader borrows the workbook, and both live here: the workbook is owned through a raw
/// pointer, and the reader is dropped before it (see [`Drop`]).
struct InPlace {
    /// Borrows `*workbook`; dropped first.
    cells: ManuallyDrop<Cells<'static>>,
    /// The workbook, from `Box::into_raw`; reached only through `cells` until it is dropped.
    workbook: *mut Workbook,
    sheet: Sheet<VecDeque<XlsxMessage>>,
    /// The sheet has been read to its end, or stopped by a problem.
    done: bool,
}

// SAFETY: the workbook behind the pointer is owned by this value alone (nothing else holds the
// pointer or a borrow of it besides `cells`, which lives inside this value too), and both the
// workbook and the cell reader are made of `Send` parts (the reader is `Box<dyn ReadSeek>`,
// which is `Send`): moving the whole to another thread moves all that reaches the workbook.
unsafe impl Send for InPlace {}

impl InPlace {
    fn start(workbook: Workbook, plan: SheetPlan) -> Result<InPlace, String> {
        let name = plan.name.clone();
        let workbook = Box::into_raw(Box::new(workbook));
        // SAFETY: `workbook` comes from `Box::into_raw` and is freed only in `Drop`, after the
        // cell reader that borrows it; no other reference to it is made while this one lives.
        let borrowed: &'static mut Workbook = unsafe { &mut *workbook };
        let cells = match guarded(|| {
            borrowed
                .worksheet_cells_reader(&name)
                .map_err(|e| format!("cannot read sheet `{name}`: {e}"))
        }) {
            Ok(cells) => cells,
            Err(message) => {
                // SAFETY: the borrow failed and ended; nothing refers to the workbook.
                drop(unsafe { Box::from_raw(workbook) });
                return Err(message);
            }
        };
        Ok(InPlace {
            cells: ManuallyDrop::new(cells),
            workbook,
            sheet: Sheet::new(plan, VecDeque::new()),
            done: false,
        })
    }
}

impl InProgress for InPlace {
    fn message(&mut self) -> Option<XlsxMessage> {
        loop {
            if let Some(message) = self.sheet.sink.pop_front() {
                return Some(message);
            }
            if self.done {
                return None;
            }
            let (sheet, cells) = (&mut self.sheet, &mut *self.cells);
            match guarded(|| sheet.step(cells)) {
                Ok(true) => {}
                Ok(false) => self.done = true,
                Err(message) => {
                    self.done = true;
                    self.sheet.sink.push_back(XlsxMessage::Failed(message));
                }
            }
        }
    }
}

impl Drop for InPlace {
    fn drop(&mut self) {
        // SAFETY: the cell reader goes first and is not used again; then nothing borrows the
        // workbook, which came from `Box::into_raw` and is freed once, here.
        unsafe {
            ManuallyDrop::drop(&mut self.cells);
            drop(Box::from_raw(self.workbook));
        }
    }
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
struct Sheet<S> {
    file: usize,
    /// Every merged region, for the header row.
    header_merges: Merges,
    /// Merged regions of more than one cell, for data rows.
    row_merges: Merges,
    default_form: Option<String>,
    /// Where the header's warnings and the records go.
    sink: S,
    /// The header row, its plan and the column of `form` when the workbook gives a form.
    header: Option<(u32, Header, Option<usize>)>,
    /// The names of the header row being read, by column.
    names: Vec<String>,
    /// The bytes of text of the header row being read.
    header_bytes: usize,
    /// The data row being read.
    row: Option<SheetRow>,
    /// The row of the last cell read.
    current_row: Option<u32>,
    /// The name of the sheet, for messages.
    name: String,
}

impl<S: Sink> Sheet<S> {
    fn new(plan: SheetPlan, sink: S) -> Self {
        Sheet {
            file: plan.file,
            header_merges: Merges::new(plan.merged.clone()),
            row_merges: Merges::new(plan.merged.into_iter().filter(|(s, e)| s != e).collect()),
            default_form: plan.default_form,
            sink,
            header: None,
            names: Vec::new(),
            header_bytes: 0,
            row: None,
            current_row: None,
            name: plan.name,
        }
    }

    /// Reads the next cell; `false` at the end of the sheet, or when nobody reads the records
    /// any more.
    fn step(&mut self, cells: &mut Cells<'_>) -> Result<bool, String> {
        let next = cells
            .next_cell()
            .map_err(|e| format!("cannot read sheet `{}`: {e}", self.name))?;
        let Some(cell) = next else {
            if let Some(previous) = self.current_row.take() {
                self.finish_row(previous)?;
            }
            if self.header.is_none() {
                return Err("the first sheet is empty: it has no header row".to_owned());
            }
            return Ok(false);
        };
        let (row, col) = cell.get_position();
        if col >= EXCEL_COLUMNS {
            return Err(format!(
                "cell {} is beyond the last column of a sheet (XFD): this is not a \
                 workbook that Excel writes",
                cell_name(row, col)
            ));
        }
        if self.current_row != Some(row) {
            if let Some(previous) = self.current_row {
                if !self.finish_row(previous)? {
                    return Ok(false);
                }
            }
            self.current_row = Some(row);
        }
        self.add_cell(col, cell.get_value())?;
        Ok(true)
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
            return Ok(self.sink.send(XlsxMessage::Header(warnings)));
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
        Ok(self.sink.send(XlsxMessage::Record(Raw {
            file: self.file,
            line: u64::from(row) + 1,
            payload,
        })))
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
        let start = || {
            let workbook: Workbook =
                Xlsx::new(Box::new(Cursor::new(bytes.clone())) as Box<dyn ReadSeek>).unwrap();
            let plan = SheetPlan {
                file: 0,
                merged: Vec::new(),
                default_form: None,
                name: workbook.sheet_names()[0].clone(),
            };
            threaded::XlsxFile::start(workbook, plan).unwrap()
        };
        let mut records = start();
        let name = records.thread.clone();
        assert!(matches!(records.message(), Some(XlsxMessage::Header(_))));
        assert!(matches!(records.message(), Some(XlsxMessage::Record(_))));
        assert_eq!(threads_named(&name), 1, "reading");
        drop(records);
        assert_eq!(threads_named(&name), 0, "stopped early");
        let mut records = start();
        let name = records.thread.clone();
        while records.message().is_some() {}
        drop(records);
        assert_eq!(threads_named(&name), 0, "read to the end");
    }

    /// What `unsafe impl Send for InPlace` relies on: the cell reader and the workbook it
    /// borrows are `Send` themselves (this does not compile otherwise).
    #[test]
    fn what_in_place_holds_is_send() {
        fn send<T: Send>() {}
        send::<Cells<'static>>();
        send::<Workbook>();
        send::<Sheet<VecDeque<XlsxMessage>>>();
    }

    /// What was read of a workbook: warnings, records (line and payload), problem.
    type WorkbookRead = (Vec<String>, Vec<(u64, String)>, Option<String>);

    /// The records and problems of a workbook, read on a thread and in place.
    fn both_ways(bytes: &[u8]) -> [WorkbookRead; 2] {
        [Reading::Thread, Reading::InPlace].map(|reading| {
            let mut out = (Vec::new(), Vec::new(), None);
            match open_xlsx_bytes(0, bytes.to_vec(), reading) {
                Err(problem) => out.2 = Some(problem),
                Ok((mut records, warnings)) => {
                    out.0 = warnings;
                    loop {
                        match records.next_record() {
                            Ok(Some(raw)) => out.1.push((raw.line, format!("{:?}", raw.payload))),
                            Ok(None) => break,
                            Err(problem) => {
                                out.2 = Some(problem);
                                break;
                            }
                        }
                    }
                }
            }
            out
        })
    }

    #[test]
    fn a_workbook_read_in_place_gives_what_the_thread_gives() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/seizures.xlsx");
        let bytes = std::fs::read(path).unwrap();
        let [threaded, in_place] = both_ways(&bytes);
        assert!(threaded.1.len() > 5 && threaded.2.is_none(), "{threaded:?}");
        assert_eq!(threaded, in_place);
        // A workbook cut short, and bytes that are not one.
        for cut in [bytes.len() / 2, bytes.len() - 30, 100] {
            let [threaded, in_place] = both_ways(&bytes[..cut]);
            assert!(threaded.2.is_some());
            assert_eq!(threaded, in_place, "cut at {cut}");
        }
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
