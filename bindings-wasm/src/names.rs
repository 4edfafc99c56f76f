//! The names file: the texts of the code tables that validation does not need (UN/LOCODE place
//! names, subdivisions, IATA codes and remarks; airport names and cities; HS descriptions),
//! shipped beside the `.wasm` as `dist/cen_names.txt` and loaded only when wanted
//! (`loadNames()`), so that the `.wasm` stays within its size budget with every table
//! validation needs.
//!
//! The `.wasm` is built without codes-data's `names` feature, so the core's look-ups give `""`
//! for those texts. Once the file is loaded, [`fill_location`], [`fill_airport`] and
//! [`fill_hs`] put them back into the look-up objects, which are then exactly those of a build
//! with names.
//!
//! # Format (UTF-8 text, one line per table entry, in table order)
//!
//! ```text
//! cen-names 1 <fingerprint> <UN/LOCODEs> <airports> <HS entries>     (separated by tabs)
//! name \t subdivision \t iata \t remarks                             one per UN/LOCODE
//! name \t city                                                       one per airport
//! description \t description 2017 \t description 2012               one per HS code
//! ```
//!
//! An HS line holds the description of the newest edition that has the code, then those of
//! HS 2017 and HS 2012 where they are worded otherwise: an empty field repeats the newer text
//! (`codes-data/data/hs.tsv` does the same), so most codes have one text.
//!
//! Trailing empty fields are left out. No text of the tables holds a tab or a line break (they
//! come from tab-separated files), which [`write`] checks. Lines are in the order of the tables
//! (`unlocode_at`, `airport_at`, `hs_at`), so no code is repeated: the codes would add a third
//! to the gzipped size. The fingerprint is a hash of every code of the three tables in that
//! order; a file made from other tables than the `.wasm`'s is refused rather than giving wrong
//! names.

use codes_data::HsEdition;
use serde_json::Value;

/// The first word of the file.
const MAGIC: &str = "cen-names";
/// The version of the format.
const FORMAT: &str = "2";

/// FNV-1a, 64 bits: small, and enough to tell two editions of the tables apart.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The hash of every code of the UN/LOCODE, airport and HS tables, in table order: what ties a
/// names file to the tables it was made from. Only codes, which builds with and without names
/// share.
pub fn fingerprint() -> u64 {
    let mut hash = Fnv::new();
    for entry in (0..codes_data::unlocodes_len()).filter_map(codes_data::unlocode_at) {
        hash.write(entry.code().as_bytes());
        hash.write(b"\n");
    }
    for airport in (0..codes_data::airports_len()).filter_map(codes_data::airport_at) {
        hash.write(airport.iata().unwrap_or("").as_bytes());
        hash.write(b"/");
        hash.write(airport.icao().unwrap_or("").as_bytes());
        hash.write(b"\n");
    }
    for entry in (0..codes_data::hs_len()).filter_map(codes_data::hs_at) {
        hash.write(entry.code().as_bytes());
        hash.write(b"\n");
    }
    hash.0
}

/// The table lengths of the header, in its order.
fn lengths() -> [usize; 3] {
    [
        codes_data::unlocodes_len(),
        codes_data::airports_len(),
        codes_data::hs_len(),
    ]
}

/// The names file of the tables this crate is built with; only meaningful with codes-data's
/// `names` feature (the `names_file` example). Fails when a text holds a tab or a line break,
/// which the format cannot carry.
#[cfg(feature = "names")]
pub fn write() -> Result<String, String> {
    fn line(out: &mut String, fields: &[&str]) -> Result<(), String> {
        if let Some(bad) = fields.iter().find(|f| f.contains(['\t', '\n', '\r'])) {
            return Err(format!("a tab or line break in {bad:?}"));
        }
        let kept = fields
            .iter()
            .rposition(|f| !f.is_empty())
            .map_or(0, |i| i + 1);
        out.push_str(&fields[..kept].join("\t"));
        out.push('\n');
        Ok(())
    }
    let [unlocodes, airports, hs] = lengths();
    let mut out = format!(
        "{MAGIC}\t{FORMAT}\t{:016x}\t{unlocodes}\t{airports}\t{hs}\n",
        fingerprint()
    );
    for entry in (0..unlocodes).filter_map(codes_data::unlocode_at) {
        let fields = [
            entry.name(),
            entry.subdivision(),
            entry.iata(),
            entry.remarks(),
        ];
        line(&mut out, &fields)?;
    }
    for airport in (0..airports).filter_map(codes_data::airport_at) {
        line(&mut out, &[airport.name(), airport.city()])?;
    }
    for entry in (0..hs).filter_map(codes_data::hs_at) {
        let mut fields = [entry.description(), "", ""];
        let mut newer = entry.description();
        for (slot, edition) in [(1, HsEdition::Hs2017), (2, HsEdition::Hs2012)] {
            if let Some(older) = entry
                .in_edition(edition)
                .filter(|e| e.edition() < entry.edition())
            {
                if older.description() != newer {
                    fields[slot] = older.description();
                }
                newer = older.description();
            }
        }
        line(&mut out, &fields)?;
    }
    Ok(out)
}

/// A loaded names file: its text and where each line starts.
pub struct Names {
    text: String,
    /// The start of every entry's line, then the end of the last line: line `i` is
    /// `text[starts[i]..starts[i + 1] - 1]` (without its line break).
    starts: Vec<u32>,
    unlocodes: usize,
    airports: usize,
}

impl Names {
    /// Reads a names file, checking that it was made from the tables of this build.
    pub fn parse(text: String) -> Result<Names, String> {
        if text.contains('\r') {
            return Err(
                "the names file has carriage returns: it must be the file as built, byte for byte"
                    .to_owned(),
            );
        }
        let header_end = text
            .find('\n')
            .ok_or("not a names file of cen-wasm (no header line)")?;
        let header: Vec<&str> = text[..header_end].split('\t').collect();
        let [magic, format, fingerprint, counts @ ..] = header.as_slice() else {
            return Err("not a names file of cen-wasm (header)".to_owned());
        };
        if *magic != MAGIC {
            return Err("not a names file of cen-wasm".to_owned());
        }
        if *format != FORMAT {
            return Err(format!(
                "names file format {format}, this version of cen-wasm reads format {FORMAT}"
            ));
        }
        let expected = lengths();
        let counts: Vec<usize> = counts.iter().filter_map(|c| c.parse().ok()).collect();
        if counts != expected || *fingerprint != format!("{:016x}", self::fingerprint()) {
            return Err(
                "the names file was made from other code tables than this build's: use the cen_names.txt of the same package"
                    .to_owned(),
            );
        }
        if text.len() > u32::MAX as usize {
            return Err("the names file is too large".to_owned());
        }
        let total: usize = expected.iter().sum();
        let mut starts = Vec::with_capacity(total + 1);
        let mut at = header_end + 1;
        starts.push(at as u32);
        for (i, _) in text[at..].match_indices('\n') {
            at = header_end + 1 + i + 1;
            starts.push(at as u32);
            if starts.len() > total + 1 {
                break;
            }
        }
        if starts.len() != total + 1 || at != text.len() {
            return Err(format!(
                "the names file has {} lines of entries, the tables {total}",
                starts.len() - 1
            ));
        }
        Ok(Names {
            text,
            starts,
            unlocodes: expected[0],
            airports: expected[1],
        })
    }

    /// Field `field` of line `line` (`""` when the line has fewer fields).
    fn field(&self, line: usize, field: usize) -> &str {
        let (Some(&start), Some(&end)) = (self.starts.get(line), self.starts.get(line + 1)) else {
            return "";
        };
        self.text
            .get(start as usize..(end as usize).saturating_sub(1))
            .and_then(|line| line.split('\t').nth(field))
            .unwrap_or("")
    }

    /// Puts the texts of a look-up object of `cen_rules::api::location` back: a UN/LOCODE's
    /// name, subdivision, IATA code and remarks, or an airport's name and city.
    pub fn fill_location(&self, value: &mut Value) {
        match value.get("kind").and_then(Value::as_str) {
            Some("unlocode") => {
                let Some(entry) = value
                    .get("code")
                    .and_then(Value::as_str)
                    .and_then(codes_data::unlocode)
                else {
                    return;
                };
                let line = entry.index();
                set(value, "name", self.field(line, 0).into());
                set(value, "subdivision", self.field(line, 1).into());
                let iata = self.field(line, 2);
                set(
                    value,
                    "iata",
                    if iata.is_empty() {
                        Value::Null
                    } else {
                        iata.into()
                    },
                );
                set(value, "remarks", self.field(line, 3).into());
            }
            Some("airport") => self.fill_airport(value),
            _ => {}
        }
    }

    /// Puts an airport's name and city back into a look-up object (`cen_rules::api::airport`).
    pub fn fill_airport(&self, value: &mut Value) {
        // By ICAO code first: the table has one airport per ICAO code, checked when it is built.
        let by_icao = value
            .get("icao")
            .and_then(Value::as_str)
            .and_then(codes_data::airport_by_icao);
        let found = by_icao.or_else(|| {
            value
                .get("iata")
                .and_then(Value::as_str)
                .and_then(codes_data::airport_by_iata)
        });
        let Some(airport) = found else {
            return;
        };
        let line = self.unlocodes + airport.index();
        set(value, "name", self.field(line, 0).into());
        set(value, "city", self.field(line, 1).into());
    }

    /// Puts an HS entry's description, in the entry's edition, back into a look-up object
    /// (`cen_rules::api::hs_in`).
    pub fn fill_hs(&self, value: &mut Value) {
        let Some(index) = value.get("code").and_then(Value::as_str).and_then(hs_index) else {
            return;
        };
        let Some(entry) = codes_data::hs_at(index) else {
            return;
        };
        let wanted = value
            .get("edition")
            .and_then(Value::as_str)
            .and_then(HsEdition::from_year)
            .unwrap_or(entry.edition());
        let text = self.hs_text(index, wanted);
        set(value, "description", text.into());
    }

    /// The description of HS entry `index` in edition `wanted`: the newest edition's text, then
    /// older editions' where they differ.
    fn hs_text(&self, index: usize, wanted: HsEdition) -> &str {
        let Some(entry) = codes_data::hs_at(index) else {
            return "";
        };
        let line = self.unlocodes + self.airports + index;
        let mut text = self.field(line, 0);
        for (slot, edition) in [(1, HsEdition::Hs2017), (2, HsEdition::Hs2012)] {
            if edition >= entry.edition() || edition < wanted || !entry.editions().contains(edition)
            {
                continue;
            }
            let own = self.field(line, slot);
            if !own.is_empty() {
                text = own;
            }
        }
        text
    }
}

/// The texts of the search index (spec 6.2) come from the names file.
impl cen_rules::search::NameSource for Names {
    fn unlocode_name(&self, index: usize) -> &str {
        self.field(index, 0)
    }
    fn unlocode_subdivision(&self, index: usize) -> &str {
        self.field(index, 1)
    }
    fn airport_name(&self, index: usize) -> &str {
        self.field(self.unlocodes + index, 0)
    }
    fn airport_city(&self, index: usize) -> &str {
        self.field(self.unlocodes + index, 1)
    }
    fn hs_description(&self, index: usize, edition: HsEdition) -> &str {
        self.hs_text(index, edition)
    }
}

/// Replaces the value of a key that is there, keeping its place in the object (the objects are
/// the core's, whose key order the surfaces share).
fn set(object: &mut Value, key: &str, value: Value) {
    if let Some(slot) = object.get_mut(key) {
        *slot = value;
    }
}

/// The position of an HS code in the table, which is sorted by code as text (a chapter before
/// its headings, a heading before its subheadings).
pub fn hs_index(code: &str) -> Option<usize> {
    let (mut low, mut high) = (0, codes_data::hs_len());
    while low < high {
        let middle = low + (high - low) / 2;
        let at = codes_data::hs_at(middle)?.code();
        match at.cmp(code) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(middle),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hs_code_is_found_at_its_position() {
        for i in 0..codes_data::hs_len() {
            let code = codes_data::hs_at(i).expect("in the table").code();
            assert_eq!(hs_index(code), Some(i), "{code}");
        }
        for missing in ["", "00", "77", "0100", "999999", "01012"] {
            assert_eq!(hs_index(missing), None, "{missing}");
        }
    }

    #[test]
    fn a_file_of_other_tables_is_refused() {
        let [u, a, h] = lengths();
        let header = |fingerprint: u64, u: usize| {
            format!("cen-names\t2\t{fingerprint:016x}\t{u}\t{a}\t{h}\n")
        };
        let lines = "\n".repeat(u + a + h);
        let right = fingerprint();
        assert!(Names::parse(format!("{}{lines}", header(right, u))).is_ok());
        for bad in [
            format!("{}{lines}", header(right ^ 1, u)),
            format!("{}{lines}", header(right, u + 1)),
            format!("{}{}", header(right, u), &lines[1..]),
            format!("{}{lines}\n", header(right, u)),
            format!("{}{lines}x", header(right, u)),
            format!("cen-names\t1\t{}", &header(right, u)[12..]),
            format!("{}{lines}", header(right, u)).replace('\n', "\r\n"),
            "{}".to_owned(),
            String::new(),
        ] {
            assert!(
                Names::parse(bad.clone()).is_err(),
                "{:?}",
                &bad[..bad.len().min(60)]
            );
        }
    }

    /// With names in the build: search over the names file gives exactly the core's results.
    #[cfg(feature = "names")]
    #[test]
    fn search_over_the_names_file_is_the_core_search() {
        use cen_rules::search::{search, SearchIndex, SearchOptions, Table};
        let names = Names::parse(write().expect("the tables have no tab")).expect("it reads");
        let index = SearchIndex::build(&names);
        let options = SearchOptions::default();
        for (table, query) in [
            (Table::Location, "Santos"),
            (Table::Airport, "schip"),
            (Table::Seaport, "rotter"),
            (Table::Hs, "tobacco"),
            (Table::Country, "Allemagne"),
            (Table::Location, "sao paulo"),
        ] {
            let found = index.search(table, query, &options);
            assert!(!found.is_empty(), "{query}");
            assert_eq!(found, search(table, query, &options), "{query}");
        }
    }

    /// With names in the build (`--features names`): the file written, read back, gives every
    /// look-up object exactly as the core gives it, from objects whose texts were blanked as a
    /// build without names has them.
    #[cfg(feature = "names")]
    #[test]
    fn the_file_puts_back_every_text_of_every_look_up() {
        use cen_rules::{api, Lang};
        let names = Names::parse(write().expect("the tables have no tab")).expect("it reads");
        let blank = |value: &Value, keys: &[&str]| {
            let mut value = value.clone();
            for key in keys {
                let empty = if *key == "iata" {
                    Value::Null
                } else {
                    "".into()
                };
                set(&mut value, key, empty);
            }
            value
        };
        for entry in (0..codes_data::unlocodes_len()).filter_map(codes_data::unlocode_at) {
            let full = api::location(entry.code(), Lang::En).expect("found");
            let mut filled = blank(&full, &["name", "subdivision", "iata", "remarks"]);
            names.fill_location(&mut filled);
            assert_eq!(filled, full);
        }
        for airport in (0..codes_data::airports_len()).filter_map(codes_data::airport_at) {
            for code in [airport.iata(), airport.icao()].into_iter().flatten() {
                let full = api::location(code, Lang::Fr).expect("found");
                let mut filled = blank(&full, &["name", "city"]);
                names.fill_location(&mut filled);
                assert_eq!(filled, full);
                let full = api::airport(code, Lang::En).expect("found");
                let mut filled = blank(&full, &["name", "city"]);
                names.fill_airport(&mut filled);
                assert_eq!(filled, full);
            }
        }
        for entry in (0..codes_data::hs_len()).filter_map(codes_data::hs_at) {
            for edition in entry.editions().iter() {
                let full = api::hs_in(entry.code(), edition).expect("found");
                let mut filled = blank(&full, &["description"]);
                names.fill_hs(&mut filled);
                assert_eq!(filled, full);
            }
        }
    }
}
