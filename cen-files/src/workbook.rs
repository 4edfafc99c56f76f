//! What the Excel template writes and the Excel reader reads back, shared by both: the sheets'
//! names, the defined name that records the form, the separator of a drop-down's label and code,
//! and the names of columns.

/// The name of the sheet of records that `cen template` writes (the reader reads the first
/// sheet, whatever its name).
pub const RECORDS_SHEET: &str = "records";

/// Sheets written by `cen template` besides the records; they hold no records, and the reader
/// skips them without a warning.
pub const TEMPLATE_SHEETS: [&str; 2] = ["help", "lists"];

/// The name of the workbook-level defined name in which `cen template` records its form
/// (`="long"` or `="simplified"`); the reader applies it to rows that give no form.
pub const FORM_NAME: &str = "CEN_FORM";

/// The separator between a label and its code in the drop-down values of `cen template`
/// ("Cocaine — cocaine"); the reader keeps what follows the last one (see [`unlabel`]).
///
/// [`unlabel`]: crate::unlabel
pub const LABEL_SEPARATOR: &str = " — ";

/// The most columns an Excel sheet has (A to XFD): a cell beyond is not in a workbook.
pub const EXCEL_COLUMNS: u32 = 16_384;

/// The Excel name of a column: 0 → A, 26 → AA.
///
/// ```
/// assert_eq!(cen_files::column_letters(0), "A");
/// assert_eq!(cen_files::column_letters(27), "AB");
/// ```
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

/// The Excel name of a cell (row and column from 0): `B3`.
pub(crate) fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), u64::from(row) + 1)
}
