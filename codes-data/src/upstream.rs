//! Reading the publishers' own files into rows for [`build_pack`](crate::build_pack)
//! (`cen tables build`, spec 7.2): UNECE's UN/LOCODE CSV release, airportsdata's CSV, and
//! countries and currencies in the form of `shared/codes` (ISO codes, names in six languages).
//!
//! The rules of what is kept are those of `scripts/build_tables.py`, which makes the built-in
//! tables from `../shared/codes` (`SOURCES.md`, "What was kept"): a pack built from the files
//! the built-in tables were made of holds the very same rows (a test checks it). UNECE's
//! release adds what the shared copy does not have: no header, a row per country (its name
//! starts with `.`), reference entries (`=`) and Latin-1.
//!
//! Input is untrusted: every problem is an [`UpstreamError`] naming the file, the line and
//! what is wrong; nothing panics.

use std::collections::HashSet;

use crate::layout::{AirportRow, UnlocodeRow};

/// Why an upstream file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpstreamError {
    /// The file's name as given.
    pub file: String,
    /// The line (1-based) of the record, 0 for the whole file.
    pub line: usize,
    /// What is wrong.
    pub why: String,
}

impl std::fmt::Display for UpstreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.why)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.why)
        }
    }
}

impl std::error::Error for UpstreamError {}

/// The text encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Valid UTF-8 (a byte-order mark is dropped).
    Utf8,
    /// Not valid UTF-8: read as ISO 8859-1, one character per byte (UNECE's older releases).
    Latin1,
}

/// Decodes a file: UTF-8 when it is valid UTF-8, Latin-1 otherwise.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (
            s.strip_prefix('\u{feff}').unwrap_or(s).to_owned(),
            Encoding::Utf8,
        ),
        Err(_) => (
            bytes.iter().map(|&b| char::from(b)).collect(),
            Encoding::Latin1,
        ),
    }
}

/// One CSV record: the line it starts on and its cells.
#[derive(Debug)]
struct Record {
    line: usize,
    cells: Vec<String>,
}

/// RFC 4180 CSV: comma-separated, `"` quotes a cell, `""` is a quote inside one; records end
/// with LF or CRLF; empty lines are skipped.
fn records(file: &str, text: &str) -> Result<Vec<Record>, UpstreamError> {
    let err = |line: usize, why: &str| UpstreamError {
        file: file.to_owned(),
        line,
        why: why.to_owned(),
    };
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        loop {
            match chars.next() {
                None => {
                    cells.push(std::mem::take(&mut cell));
                    break;
                }
                Some('\n') => {
                    line += 1;
                    cells.push(std::mem::take(&mut cell));
                    break;
                }
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some(',') => cells.push(std::mem::take(&mut cell)),
                Some('"') if cell.is_empty() => loop {
                    match chars.next() {
                        None => return Err(err(start, "a quoted cell is not closed")),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') => {
                            if !matches!(chars.peek(), None | Some(',' | '\n' | '\r')) {
                                return Err(err(line, "text after a quoted cell's closing quote"));
                            }
                            // A quoted empty cell stays distinguishable from none while read.
                            if cell.is_empty() {
                                cell.push('\0');
                            }
                            break;
                        }
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            cell.push(c);
                        }
                    }
                },
                Some(c) => cell.push(c),
            }
        }
        for c in &mut cells {
            if c == "\0" {
                c.clear();
            }
        }
        if cells.len() == 1 && cells[0].is_empty() {
            continue;
        }
        out.push(Record { line: start, cells });
    }
    Ok(out)
}

/// A cell without its surrounding white space; a tab or line break inside is refused (no
/// table can hold one).
fn clean<'a>(
    cell: &'a str,
    file: &str,
    line: usize,
    column: &str,
) -> Result<&'a str, UpstreamError> {
    let v = cell.trim();
    if v.contains(['\t', '\r', '\n']) {
        return Err(UpstreamError {
            file: file.to_owned(),
            line,
            why: format!("{column}: tab or line break in {v:?}"),
        });
    }
    Ok(v)
}

/// The columns of UNECE's UN/LOCODE CSV, in order.
pub const UNLOCODE_COLUMNS: [&str; 12] = [
    "Ch",
    "Country",
    "Location",
    "Name",
    "NameWoDiacritics",
    "SubDiv",
    "Function",
    "Status",
    "Date",
    "IATA",
    "Coordinates",
    "Remarks",
];

/// What reading UN/LOCODE files kept and left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnlocodeStats {
    /// Records read (country rows and reference entries included, a header not).
    pub records: usize,
    /// Rows naming a country (`.ANDORRA`), skipped.
    pub countries: usize,
    /// Reference entries (`=`) without a code of their own, skipped.
    pub references: usize,
    /// Codes with `0` or `1`, which the spec's pattern cannot match, left out.
    pub excluded: usize,
    /// Later rows of a code already read, left out (the first row wins).
    pub duplicates: usize,
    /// Entries marked for deletion, kept and flagged withdrawn.
    pub withdrawn: usize,
    /// Entries kept.
    pub kept: usize,
}

/// Reads UN/LOCODE CSV files (UNECE's three parts, or `shared/codes/unlocode.csv`) into the
/// rows of a table, file after file: a code repeated in a later row or file keeps its first row.
#[derive(Debug, Default)]
pub struct UnlocodeReader {
    rows: Vec<UnlocodeRow>,
    seen: HashSet<String>,
    stats: UnlocodeStats,
}

fn is_upper(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase())
}

impl UnlocodeReader {
    /// A reader with no rows yet.
    pub fn new() -> UnlocodeReader {
        UnlocodeReader::default()
    }

    /// Reads one file (`file` names it in errors). A first record whose first two cells are
    /// `Ch`/`change` and `Country` is a header and skipped. Returns the encoding it was read in.
    pub fn add(&mut self, file: &str, bytes: &[u8]) -> Result<Encoding, UpstreamError> {
        let (text, encoding) = decode(bytes);
        let records = records(file, &text)?;
        let mut first = true;
        for r in records {
            if std::mem::take(&mut first)
                && r.cells.len() >= 2
                && ["ch", "change"].contains(&r.cells[0].trim().to_ascii_lowercase().as_str())
                && r.cells[1].trim().eq_ignore_ascii_case("country")
            {
                continue;
            }
            self.stats.records += 1;
            self.row(file, &r)?;
        }
        Ok(encoding)
    }

    fn row(&mut self, file: &str, r: &Record) -> Result<(), UpstreamError> {
        let line = r.line;
        let err = |why: String| UpstreamError {
            file: file.to_owned(),
            line,
            why,
        };
        if r.cells.len() != UNLOCODE_COLUMNS.len() {
            return Err(err(format!(
                "{} columns, expected {} ({})",
                r.cells.len(),
                UNLOCODE_COLUMNS.len(),
                UNLOCODE_COLUMNS.join(", ")
            )));
        }
        let mut c = [""; 12];
        for (i, cell) in r.cells.iter().enumerate() {
            c[i] = clean(cell, file, line, UNLOCODE_COLUMNS[i])?;
        }
        let [ch, country, location, name, _, subdivision, function, status, _, iata, _, remarks] =
            c;
        let withdrawn = match ch {
            "" | "+" | "#" | "|" | "\u{a6}" | "=" | "!" => status == "XX",
            "X" | "x" => true,
            other => {
                return Err(err(format!(
                    "Ch: unknown change marker {other:?} (expected empty, +, #, |, =, ! or X)"
                )))
            }
        };
        if location.is_empty() {
            if name.starts_with('.') && is_upper(country, 2) {
                self.stats.countries += 1;
                return Ok(());
            }
            if ch == "=" {
                self.stats.references += 1;
                return Ok(());
            }
            return Err(err("Location: empty (only a country row, whose Name starts with \".\", or a reference entry \"=\" has no code)".into()));
        }
        let alnum3 = location.len() == 3
            && location
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !is_upper(country, 2) || !alnum3 {
            return Err(err(format!(
                "Country and Location: {country:?} {location:?} is not a code (two letters, then three letters or digits)"
            )));
        }
        let code = format!("{country}{location}");
        if location.bytes().any(|b| b == b'0' || b == b'1') {
            // The spec's pattern ^[A-Z]{2}[A-Z2-9]{3}$: such a code cannot be entered in a
            // record (DE9B0, DEB90, IT940).
            self.stats.excluded += 1;
            return Ok(());
        }
        if self.seen.contains(&code) {
            self.stats.duplicates += 1;
            return Ok(());
        }
        if name.is_empty() || name.len() > 255 {
            return Err(err(format!(
                "Name: empty or longer than 255 bytes ({code})"
            )));
        }
        if !(function.len() == 8
            && function
                .bytes()
                .all(|b| b == b'-' || (b'0'..=b'7').contains(&b) || b == b'B'))
        {
            return Err(err(format!(
                "Function: {function:?} is not eight of 1-7, B and - ({code})"
            )));
        }
        if !(status.is_empty() || is_upper(status, 2)) {
            return Err(err(format!(
                "Status: {status:?} is not two letters ({code})"
            )));
        }
        let iata = if iata == "---" { "" } else { iata };
        if !(iata.is_empty() || is_upper(iata, 3)) {
            return Err(err(format!("IATA: {iata:?} is not three letters ({code})")));
        }
        if !(subdivision.len() <= 3
            && subdivision
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
        {
            return Err(err(format!(
                "SubDiv: {subdivision:?} is not up to three letters or digits ({code})"
            )));
        }
        if withdrawn && remarks.len() > 255 {
            return Err(err(format!("Remarks: longer than 255 bytes ({code})")));
        }
        if withdrawn {
            self.stats.withdrawn += 1;
        }
        self.stats.kept += 1;
        self.seen.insert(code.clone());
        self.rows.push(UnlocodeRow {
            code,
            function: function.into(),
            status: status.into(),
            iata: iata.into(),
            subdivision: subdivision.into(),
            withdrawn,
            name: name.into(),
            // Only a withdrawn entry keeps its remarks ("Use CN TGO").
            remarks: if withdrawn {
                remarks.into()
            } else {
                String::new()
            },
        });
        Ok(())
    }

    /// What was kept and left out so far.
    pub fn stats(&self) -> &UnlocodeStats {
        &self.stats
    }

    /// The rows read, in the order read.
    pub fn into_rows(self) -> Vec<UnlocodeRow> {
        self.rows
    }
}

/// The columns of airportsdata's CSV that a pack keeps (found by name in its header; the
/// others, such as `elevation`, `tz` and `lid`, are not read).
pub const AIRPORT_COLUMNS: [&str; 6] = ["icao", "iata", "name", "city", "subd", "country"];

/// What reading airportsdata's CSV kept and left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AirportStats {
    /// Rows read (header excluded).
    pub records: usize,
    /// Rows with neither an IATA code nor a four-letter ICAO code, left out.
    pub no_code: usize,
    /// Entries kept.
    pub kept: usize,
}

/// Reads airportsdata's `airports.csv` (a header naming at least [`AIRPORT_COLUMNS`]).
pub fn read_airports(
    file: &str,
    bytes: &[u8],
) -> Result<(Vec<AirportRow>, AirportStats), UpstreamError> {
    let mut out = Vec::new();
    let mut stats = AirportStats::default();
    let mut iatas: std::collections::HashMap<String, usize> = Default::default();
    let mut icaos: std::collections::HashMap<String, usize> = Default::default();
    for (line, cells) in named_columns(file, bytes, &AIRPORT_COLUMNS, &[], "airportsdata's CSV")? {
        stats.records += 1;
        let err = |why: String| UpstreamError {
            file: file.into(),
            line,
            why,
        };
        let c = cells.each_ref().map(String::as_str);
        let [icao, iata, name, city, subd, country] = c;
        if !(iata.is_empty() || is_upper(iata, 3)) {
            return Err(err(format!("iata: {iata:?} is not three letters")));
        }
        // The icao column also holds local identifiers (FAA "00AA"): only four letters make
        // an ICAO location indicator.
        let icao = if is_upper(icao, 4) { icao } else { "" };
        if iata.is_empty() && icao.is_empty() {
            stats.no_code += 1;
            continue;
        }
        for (code, seen, what) in [(iata, &mut iatas, "IATA"), (icao, &mut icaos, "ICAO")] {
            if code.is_empty() {
                continue;
            }
            if let Some(first) = seen.insert(code.to_owned(), line) {
                return Err(err(format!("{what} {code} repeats line {first}")));
            }
        }
        if !is_upper(country, 2) {
            return Err(err(format!("country: {country:?} is not two letters")));
        }
        for (label, text) in [("name", name), ("city", city), ("subd", subd)] {
            if text.len() > 255 {
                return Err(err(format!("{label}: longer than 255 bytes")));
            }
        }
        if name.is_empty() {
            return Err(err("name: empty".into()));
        }
        stats.kept += 1;
        out.push(AirportRow {
            iata: iata.into(),
            icao: icao.into(),
            country: country.into(),
            subdivision: subd.into(),
            city: city.into(),
            name: name.into(),
        });
    }
    if out.len() >= usize::from(u16::MAX) {
        return Err(UpstreamError {
            file: file.into(),
            line: 0,
            why: "too many airports for 16-bit indexes".into(),
        });
    }
    Ok((out, stats))
}

/// The columns of `shared/codes/countries.csv` (ISO 3166-1 codes with their names in the six
/// languages), which a countries file must name in its header, in any order.
pub const COUNTRY_COLUMNS: [&str; 9] = [
    "alpha2", "alpha3", "numeric", "name_en", "name_fr", "name_es", "name_ru", "name_ar", "name_pt",
];

/// The columns of `shared/codes/currencies.csv` (ISO 4217 codes, minor units, flags `fund`,
/// `special` or `superseded(CODE)`, names in the six languages).
pub const CURRENCY_COLUMNS: [&str; 10] = [
    "alpha3",
    "numeric",
    "minor_units",
    "flags",
    "name_en",
    "name_fr",
    "name_es",
    "name_ru",
    "name_ar",
    "name_pt",
];

/// The records of a CSV file with a header naming `columns` (in any order, others ignored):
/// for each record, its line and the cells of `columns` in their order. A column named in
/// `optional` may be missing from the header: its cells are then empty.
fn named_columns<const N: usize>(
    file: &str,
    bytes: &[u8],
    columns: &[&str; N],
    optional: &[&str],
    what: &str,
) -> Result<Vec<(usize, [String; N])>, UpstreamError> {
    let (text, _) = decode(bytes);
    let mut it = records(file, &text)?.into_iter();
    let Some(header) = it.next() else {
        return Err(UpstreamError {
            file: file.into(),
            line: 0,
            why: format!("empty: expected {what} with a header"),
        });
    };
    let mut at = [None; N];
    for (k, name) in columns.iter().enumerate() {
        at[k] = header.cells.iter().position(|h| h.trim() == *name);
        if at[k].is_none() && !optional.contains(name) {
            return Err(UpstreamError {
                file: file.into(),
                line: header.line,
                why: format!(
                    "no column {name:?} in the header ({what} has {})",
                    columns.join(", ")
                ),
            });
        }
    }
    let width = header.cells.len();
    let mut out = Vec::new();
    for r in it {
        if r.cells.len() != width {
            return Err(UpstreamError {
                file: file.into(),
                line: r.line,
                why: format!("{} columns, the header has {width}", r.cells.len()),
            });
        }
        let mut cells: [String; N] = std::array::from_fn(|_| String::new());
        for k in 0..N {
            if let Some(at) = at[k] {
                cells[k] = clean(&r.cells[at], file, r.line, columns[k])?.to_owned();
            }
        }
        out.push((r.line, cells));
    }
    Ok(out)
}

/// Reads a countries file in the form of `shared/codes/countries.csv` (a header naming at
/// least [`COUNTRY_COLUMNS`]): every code well formed and once, a name in each language.
pub fn read_countries(file: &str, bytes: &[u8]) -> Result<Vec<crate::Country>, UpstreamError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, c) in named_columns(file, bytes, &COUNTRY_COLUMNS, &[], "a countries CSV")? {
        let err = |why: String| UpstreamError {
            file: file.into(),
            line,
            why,
        };
        if !seen.insert(c[0].clone()) || !seen.insert(c[1].clone()) {
            return Err(err(format!("{}: a code of this row is repeated", c[0])));
        }
        let names = [&*c[3], &*c[4], &*c[5], &*c[6], &*c[7], &*c[8]];
        out.push(crate::Country::new(&c[0], &c[1], &c[2], names).map_err(err)?);
    }
    Ok(out)
}

/// Reads a currencies file in the form of `shared/codes/currencies.csv` (a header naming at
/// least [`CURRENCY_COLUMNS`]): every code well formed and once, a name in each language.
pub fn read_currencies(file: &str, bytes: &[u8]) -> Result<Vec<crate::Currency>, UpstreamError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, c) in named_columns(file, bytes, &CURRENCY_COLUMNS, &[], "a currencies CSV")? {
        let err = |why: String| UpstreamError {
            file: file.into(),
            line,
            why,
        };
        if !seen.insert(c[0].clone()) {
            return Err(err(format!("{}: repeated", c[0])));
        }
        let names = [&*c[4], &*c[5], &*c[6], &*c[7], &*c[8], &*c[9]];
        out.push(crate::Currency::new(&c[0], &c[1], &c[2], &c[3], names).map_err(err)?);
    }
    Ok(out)
}

/// Reads one HS edition in the form of `shared/codes/hs.csv` or `hs-editions/hs2017.csv` (a
/// header naming at least `hscode` and `description`, and optionally `section`, in Roman
/// numerals; other columns are ignored). UN Comtrade's synthetic rows, which are not HS codes,
/// are skipped as the built-in tables skip them: `TOTAL`, and chapter 99 ("Commodities not
/// specified according to kind", with its `9999` and `999999`; the WCO leaves chapters 98 and
/// 99 to national use); every other code has 2, 4 or 6 digits, appears once and has a
/// description. Without a `section` column, or where its cell is empty, a code takes the section
/// of its chapter.
pub fn read_hs(
    file: &str,
    bytes: &[u8],
) -> Result<Vec<crate::hs_layout::HsCodeRow>, UpstreamError> {
    let rows = named_columns(
        file,
        bytes,
        &["hscode", "description", "section"],
        &["section"],
        "an HS CSV (hscode, description and optionally section)",
    )?;
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(rows.len());
    for (line, [code, description, section]) in rows {
        let err = |why: String| UpstreamError {
            file: file.into(),
            line,
            why,
        };
        if code == "TOTAL" || code.starts_with("99") || section == "TOTAL" {
            continue;
        }
        if !crate::hs_layout::well_formed(&code) {
            return Err(err(format!("{code:?}: an HS code has 2, 4 or 6 digits")));
        }
        if !seen.insert(code.clone()) {
            return Err(err(format!("{code}: repeated")));
        }
        if description.is_empty() {
            return Err(err(format!("{code}: no description")));
        }
        // An empty cell, as a missing column: the section of the code's chapter.
        let section = match section.as_str() {
            "" => None,
            roman => Some(
                crate::hs_sections()
                    .iter()
                    .position(|s| s.roman() == roman)
                    .ok_or_else(|| err(format!("{code}: no section {roman:?} (I to XXI)")))?
                    as u8,
            ),
        };
        out.push(crate::hs_layout::HsCodeRow {
            code,
            section,
            description,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_line_numbers() {
        let r = records("f", "a,\"b,c\",\"d\"\"e\"\r\n\n\"\",x,\n").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].cells, ["a", "b,c", "d\"e"]);
        assert_eq!(
            (r[1].line, r[1].cells.clone()),
            (3, vec!["".into(), "x".into(), "".into()])
        );
        assert_eq!(records("f", "a\n\"b").unwrap_err().line, 2);
        assert!(records("f", "\"a\"b")
            .unwrap_err()
            .why
            .contains("closing quote"));
    }

    #[test]
    fn latin1_is_read_when_not_utf8() {
        assert_eq!(decode(b"Esc\xe0s"), ("Escàs".into(), Encoding::Latin1));
        assert_eq!(
            decode("\u{feff}Escàs".as_bytes()),
            ("Escàs".into(), Encoding::Utf8)
        );
    }

    #[test]
    fn unece_rows() {
        let mut r = UnlocodeReader::new();
        let file = b",\"AD\",,\".ANDORRA\",\".ANDORRA\",,,,,,,\n\
            ,\"AD\",\"ALV\",\"Andorra la Vella\",\"Andorra la Vella\",,\"--34-6--\",\"AI\",\"0601\",,\"4230N 00131E\",\n\
            \"=\",\"AD\",,\"Old = New\",\"Old = New\",,,,,,,\n\
            \"X\",\"AD\",\"QQX\",\"Gone\",\"Gone\",,\"--3-----\",\"XX\",\"2307\",,,\"Use AD ALV\"\n\
            ,\"DE\",\"9B0\",\"Bollberg\",\"Bollberg\",,\"--3-----\",\"RL\",\"0601\",,,\n\
            ,\"AD\",\"ALV\",\"Again\",\"Again\",,\"--3-----\",\"AI\",\"0601\",,,\n";
        assert_eq!(r.add("p1.csv", file).unwrap(), Encoding::Utf8);
        let s = r.stats().clone();
        assert_eq!(
            (
                s.records,
                s.countries,
                s.references,
                s.excluded,
                s.duplicates,
                s.withdrawn,
                s.kept
            ),
            (6, 1, 1, 1, 1, 1, 2)
        );
        let rows = r.into_rows();
        assert_eq!(rows[0].name, "Andorra la Vella");
        assert!(rows[1].withdrawn && rows[1].remarks == "Use AD ALV");
        let bad = UnlocodeReader::new()
            .add(
                "p2.csv",
                b",AD,ALV,A,A,,--3-----,AI,0601,,,\n?,AD,ENC,E,E,,--3-----,RL,,,,\n",
            )
            .unwrap_err();
        assert_eq!((bad.file.as_str(), bad.line), ("p2.csv", 2));
        assert!(bad.to_string().contains("change marker"), "{bad}");
    }

    #[test]
    fn a_header_with_unece_names_is_skipped() {
        let mut r = UnlocodeReader::new();
        let text = format!(
            "{}\n,AD,ALV,Andorra la Vella,Andorra la Vella,,--34-6--,AI,0601,,,\n",
            UNLOCODE_COLUMNS.join(",")
        );
        r.add("h.csv", text.as_bytes()).unwrap();
        assert_eq!((r.stats().records, r.stats().kept), (1, 1));
    }

    #[test]
    fn arbitrary_bytes_give_errors_never_panics() {
        // A small linear congruential generator: reproducible, no dependency.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b",\"\n\r-+X=.AZ09 \xa6\xe9\t";
        for round in 0..2000 {
            let len = round % 97;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            let _ = UnlocodeReader::new().add("f", &bytes);
            let _ = read_airports("f", &bytes);
            let mut with_header = b"icao,iata,name,city,subd,country\n".to_vec();
            with_header.extend_from_slice(&bytes);
            let _ = read_airports("f", &with_header);
        }
    }
}
