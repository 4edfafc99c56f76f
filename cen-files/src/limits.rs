//! The limits that keep a hostile file harmless: the size of a record and of a row, the width of
//! a header, and the guard against zip bombs that every workbook passes before it is read.
//! Whatever a file holds, a reader's memory stays within these bounds (`cen-cli/tests/limits.rs`
//! proves it on a 10 MB cell, a million columns and a 3 GiB zip bomb under a heap limit).

use std::io::{Read, Seek};

use cen_model::shape::Kind;

/// Bytes kept of one record: one more than the core accepts, so that the core reports a
/// larger record as too large (CEN-SCH-001) without the reader holding all of it.
pub(crate) const RECORD_CAP: usize = cen_model::MAX_RECORD_BYTES + 1;

/// The longest row of a flat file: a CSV row as written in the file (delimiters and quotes
/// included), the text of an Excel row. A row is a record written out, and a record is at most
/// 1 MiB (spec 3, CEN-SCH-001): a longer row is that record's CEN-SCH-001 ("larger than 1 MiB"),
/// its cells are not kept, and the rows after it are read.
pub const MAX_ROW_BYTES: usize = cen_model::MAX_RECORD_BYTES;

/// The largest workbook read from a stream (standard input, a reader that cannot seek), which
/// has to be held in memory: a workbook is read out of order. A workbook given as a seekable
/// reader (a file) is read as needed.
pub const MAX_IN_MEMORY_WORKBOOK: u64 = 256 << 20;

/// The most columns a header may name: every column a record can fill, that is every path of
/// the record with each index of a list of objects up to its limit (7,492 with the record of
/// spec 2). A wider header cannot be a header of seizure records, and every row of it would
/// cost memory for each column.
///
/// ```
/// assert_eq!(cen_files::max_columns(), 7492);
/// ```
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

pub(crate) fn too_many_columns(columns: usize) -> String {
    format!(
        "the header has {columns} columns, more than the {} a seizure record can fill: is this \
         a file of seizure records?",
        max_columns()
    )
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
pub(crate) fn check_workbook<R: Read + Seek>(reader: R) -> Result<(), String> {
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
