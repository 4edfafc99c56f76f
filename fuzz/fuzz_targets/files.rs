//! The file readers of `cen-files` (what `cen validate`, `cen export-cen` and the browser's
//! file check read with) on arbitrary files, the flat mapping of spec 5.3 behind them: a CSV
//! file and an Excel workbook. The first byte says what the rest is (by its value modulo 3):
//!   - 0: a CSV file;
//!   - 1: an .xlsx file as it is;
//!   - 2: the parts of a workbook separated by two NUL bytes (the first sheet's XML, then the
//!     shared strings, the styles and the workbook part, each optional), put in a valid zip
//!     archive here so that mutations reach the Excel cell reader and ours instead of stopping
//!     at the archive's checksums.
//!
//! and, from 128 on, a workbook is read on the caller's thread (as in WebAssembly) rather than
//! on a thread of its own.
//! Never panics (the reader's guard against a panic of the Excel reader is not a way out:
//! libFuzzer's panic hook aborts first), keeps memory bounded (libFuzzer's -rss_limit_mb and
//! -malloc_limit_mb), and every record read gives a consistent report, with a column for each
//! issue of a flat record.
#![no_main]

use cen_files::{Format, OwnedCell, Payload};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// The separator of the parts of a workbook in mode 2 (NUL cannot appear in XML).
const SEPARATOR: &[u8] = b"\0\0";

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const PACKAGE_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const WORKBOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="records" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A zip archive of stored entries.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let mut common = Vec::new();
        for half in [20u16, 0, 0, 0, 0x21] {
            common.extend_from_slice(&half.to_le_bytes()); // version, flags, stored, time, date
        }
        common.extend_from_slice(&crc32(data).to_le_bytes());
        common.extend_from_slice(&(data.len() as u32).to_le_bytes());
        common.extend_from_slice(&(data.len() as u32).to_le_bytes());
        common.extend_from_slice(&(name.len() as u16).to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A workbook of these parts: sheet, shared strings, styles, workbook.
fn workbook(parts: &[u8]) -> Vec<u8> {
    let mut split = Vec::new();
    let mut rest = parts;
    while split.len() < 3 {
        match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(at) => {
                split.push(&rest[..at]);
                rest = &rest[at + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    split.push(rest);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", split[0]),
    ];
    if let Some(strings) = split.get(1).filter(|p| !p.is_empty()) {
        entries.push(("xl/sharedStrings.xml", strings));
    }
    if let Some(styles) = split.get(2).filter(|p| !p.is_empty()) {
        entries.push(("xl/styles.xml", styles));
    }
    entries.push((
        "xl/workbook.xml",
        split
            .get(3)
            .filter(|p| !p.is_empty())
            .copied()
            .unwrap_or(WORKBOOK),
    ));
    zip(&entries)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (bytes, format) = match mode % 3 {
        0 => (rest.to_vec(), Format::Csv),
        1 => (rest.to_vec(), Format::Xlsx),
        _ => (workbook(rest), Format::Xlsx),
    };
    let read = if mode >= 128 {
        cen_files::read_bytes_in_place(bytes, format)
    } else {
        cen_files::read_bytes(bytes, format)
    };
    if let Some(problem) = &read.problem {
        assert!(!problem.contains("a bug of cen"), "{problem}");
    }
    let mut last_line = 0;
    for raw in &read.records {
        assert!(raw.line >= 1, "positions count from 1");
        if format == Format::Csv {
            // Lines are counted by line feeds (as csv_core does): rows ended by a carriage
            // return alone share a line, and the record index tells them apart (docs/cli.md).
            assert!(
                raw.line >= last_line,
                "CSV records in the order of their lines"
            );
        }
        last_line = raw.line;
        let report = cen_cli::report_of(common::validator(), raw);
        common::check_report(&report);
        let columns = cen_cli::columns_of(format, &report).expect("flat input names columns");
        assert_eq!(columns.len(), report.issues.len());
        match &raw.payload {
            Payload::Row { layout, cells } => {
                // A short CSV row has its last fields absent (docs/cli.md); never more cells than columns.
                assert!(
                    cells.len() <= layout.columns().len(),
                    "a cell without a column"
                );
                let text: usize = cells
                    .iter()
                    .map(|c| match c {
                        OwnedCell::Text(t) => t.len(),
                        _ => 0,
                    })
                    .sum();
                assert!(
                    text <= cen_files::MAX_ROW_BYTES,
                    "a row over the limit is kept"
                );
            }
            Payload::TooLarge(_) | Payload::Malformed(_) => {
                assert_eq!(report.issues.len(), 1);
                assert_eq!(report.issues[0].rule, "CEN-SCH-001");
                assert!(cen_cli::projection_of(raw).is_err());
            }
            Payload::Json(_) => panic!("flat files give rows"),
        }
        if let Ok(projected) = cen_cli::projection_of(raw) {
            let value: serde_json::Value =
                serde_json::from_str(&projected).expect("the projection is JSON");
            assert!(value.is_object());
        }
    }
    if mode % 3 != 1 {
        // Uncompressed, every record takes some bytes of the input.
        assert!(read.records.len() <= data.len());
    }
});
