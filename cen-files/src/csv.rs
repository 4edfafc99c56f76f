//! CSV: a header of dotted paths, then one record per row. Rows are split by `csv_core` into
//! buffers this reader owns, so that a row longer than a record is skipped to its end without
//! being held.

use std::io::{self, BufRead, Cursor, Read};

use crate::header::{header, text_cell, Header};
use crate::limits::{max_columns, too_many_columns, MAX_ROW_BYTES};
use crate::record::{OwnedCell, Payload, Raw};
use crate::Records;

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

pub(crate) fn open_csv<R: BufRead + Send + 'static>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

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
}
