//! Reading the TSV files and laying out the packed tables.

use std::fs;
use std::path::Path;

/// Languages of the six-language columns, in `Lang::ALL` order.
pub(crate) const LANGS: [&str; 6] = ["en", "fr", "es", "ru", "ar", "pt"];

/// One parsed TSV row with its line number, for messages.
pub(crate) struct Row<'a> {
    pub(crate) line: usize,
    pub(crate) cells: Vec<&'a str>,
}

/// Writes `bytes` to `path` unless it already holds them (so that unchanged blobs keep
/// their time stamps).
pub(crate) fn write_if_changed(path: &Path, bytes: &[u8]) {
    if fs::read(path).ok().as_deref() != Some(bytes) {
        fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// Parses a tab-separated file: `#` lines and empty lines are skipped; with `header`, the
/// first other line must equal it and every row must have its width.
pub(crate) fn parse<'a>(file: &str, text: &'a str, header: Option<&[&str]>) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    let mut want_header = header.is_some();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if want_header {
            assert!(
                Some(cells.as_slice()) == header,
                "{file}:{}: header must be {:?}",
                i + 1,
                header.unwrap_or_default().join("\\t")
            );
            want_header = false;
            continue;
        }
        if let Some(h) = header {
            assert!(
                cells.len() == h.len(),
                "{file}:{}: {} columns, expected {}",
                i + 1,
                cells.len(),
                h.len()
            );
        }
        rows.push(Row { line: i + 1, cells });
    }
    assert!(!want_header, "{file}: no header line");
    rows
}

/// Index of an upper-case code of `n` letters in a 26ⁿ array.
pub(crate) fn alpha_index(code: &str, n: usize) -> Option<usize> {
    let b = code.as_bytes();
    if b.len() != n || !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    Some(b.iter().fold(0, |acc, &c| acc * 26 + usize::from(c - b'A')))
}

pub(crate) fn numeric3(s: &str) -> Option<u16> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

pub(crate) fn names(cells: &[&str], at: &dyn Fn(&str) -> String) -> String {
    assert!(cells.len() == LANGS.len());
    for (cell, lang) in cells.iter().zip(LANGS) {
        assert!(!cell.is_empty(), "{}", at(&format!("empty name in {lang}")));
    }
    let quoted: Vec<String> = cells.iter().map(|c| format!("{c:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

/// A row of countries or currencies as `src/blob.rs`'s `part` reads it: its codes and its six
/// names in one text, and where each of the eight parts ends.
pub(crate) fn compact_row(codes: &[&str], names: &[&str]) -> (String, [u16; 8]) {
    assert!(codes.len() + names.len() == 8);
    let mut text = String::new();
    let mut ends = [0u16; 8];
    for (k, p) in codes.iter().chain(names).enumerate() {
        text.push_str(p);
        ends[k] = u16::try_from(text.len()).expect("a row under 64 KiB");
    }
    (text, ends)
}

pub(crate) fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub(crate) fn offset(pool: &str) -> u32 {
    u32::try_from(pool.len()).expect("string pool larger than 4 GiB")
}
