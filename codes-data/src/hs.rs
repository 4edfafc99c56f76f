//! The Harmonized System, editions 2012, 2017 and 2022, with UNSD's correlation tables between
//! them (spec 4 and 7.1, CEN-COD-004, CEN-COD-005).
//!
//! The upstream tables are in English only.
//!
//! Layout (written by the build script `build/`): one table of every code of any edition, K
//! entries sorted by code as text (each code before the codes it is a prefix of), searched in
//! place: `FIXED` K × 6 ASCII (the code, space-padded), with `CHAPTERS` 101 × `u16` where the
//! codes of each chapter start and `HEADINGS` 10,000 × `u16` the row of each heading; `REC` K × 3 bytes: section index,
//! level (2, 4 or 6), editions (bits: 1 HS 2012, 2 HS 2017, 4 HS 2022). With the `names`
//! feature, `DESC` K × 3 × (offset in `TEXT` `u32`, length `u16`), the description in HS 2022,
//! 2017, 2012 (length 0 where the edition lacks the code; equal texts are stored once).
//!
//! Correlations: `CORR_22_17` and `CORR_17_12`, P pairs sorted, stored column by column: P ×
//! the index of the newer edition's code (`u16`), then P × the index of the older edition's
//! code | relationship << 14 (`u16`). A code's 1:1 pair with itself is left out: a subheading
//! of both editions in no pair is its own 1:1 partner.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::blob::{blob, slice, text};

static FIXED: &str = text!("hs_fixed.txt");
static CHAPTERS: &[u8] = blob!("hs_chapters.bin");
/// 10,000 × `u16`: the row of each heading, by its four digits as a number (`u16::MAX`: none).
static HEADINGS: &[u8; 20_000] = blob!("hs_headings.bin");
static REC: &[u8] = blob!("hs_rec.bin");
#[cfg(feature = "names")]
static DESC: &[u8] = blob!("hs_desc.bin");
#[cfg(feature = "names")]
static TEXT: &str = text!("hs_text.txt");
static CORR_22_17: &[u8] = blob!("hs_correlation_2022_2017.bin");
static CORR_17_12: &[u8] = blob!("hs_correlation_2017_2012.bin");

const WIDTH: usize = 6;
const REC_WIDTH: usize = 3;

/// An edition of the Harmonized System that is built in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HsEdition {
    /// HS 2012, in force from 2012-01-01 to 2016-12-31.
    Hs2012,
    /// HS 2017, in force from 2017-01-01 to 2021-12-31.
    Hs2017,
    /// HS 2022, in force from 2022-01-01 (until HS 2028).
    Hs2022,
}

impl HsEdition {
    /// Every built-in edition, oldest first.
    pub const ALL: [HsEdition; 3] = [HsEdition::Hs2012, HsEdition::Hs2017, HsEdition::Hs2022];
    /// The newest edition built in: what applies when no date says otherwise.
    pub const NEWEST: HsEdition = HsEdition::Hs2022;

    /// The edition's year as the options write it: `"2022"`.
    pub fn as_str(self) -> &'static str {
        match self {
            HsEdition::Hs2012 => "2012",
            HsEdition::Hs2017 => "2017",
            HsEdition::Hs2022 => "2022",
        }
    }

    /// The edition of a year written `"2012"`, `"2017"` or `"2022"`.
    ///
    /// ```
    /// use codes_data::HsEdition;
    /// assert_eq!(HsEdition::from_year("2017"), Some(HsEdition::Hs2017));
    /// assert_eq!(HsEdition::from_year("2018"), None);
    /// ```
    pub fn from_year(year: &str) -> Option<HsEdition> {
        HsEdition::ALL.into_iter().find(|e| e.as_str() == year)
    }

    /// The edition in force on a day (spec 3, "The HS edition in force"): HS 2012 before
    /// 2017-01-01, HS 2017 until 2021-12-31, HS 2022 from 2022-01-01.
    ///
    /// ```
    /// use codes_data::HsEdition;
    /// assert_eq!(HsEdition::in_force_on(2016, 12, 31), HsEdition::Hs2012);
    /// assert_eq!(HsEdition::in_force_on(2017, 1, 1), HsEdition::Hs2017);
    /// assert_eq!(HsEdition::in_force_on(2022, 1, 1), HsEdition::Hs2022);
    /// ```
    pub fn in_force_on(year: i32, _month: u8, _day: u8) -> HsEdition {
        // Every edition enters into force on 1 January.
        match year {
            ..=2016 => HsEdition::Hs2012,
            2017..=2021 => HsEdition::Hs2017,
            _ => HsEdition::Hs2022,
        }
    }

    /// The edition's bit in [`HsEditions`].
    fn bit(self) -> u8 {
        match self {
            HsEdition::Hs2012 => 1,
            HsEdition::Hs2017 => 2,
            HsEdition::Hs2022 => 4,
        }
    }

    /// Position in `DESC`: HS 2022, 2017, 2012.
    #[cfg(feature = "names")]
    fn slot(self) -> usize {
        match self {
            HsEdition::Hs2022 => 0,
            HsEdition::Hs2017 => 1,
            HsEdition::Hs2012 => 2,
        }
    }
}

impl core::fmt::Display for HsEdition {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "HS {}", self.as_str())
    }
}

/// The editions that have a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct HsEditions(u8);

impl HsEditions {
    /// Whether the edition has the code.
    pub fn contains(self, edition: HsEdition) -> bool {
        self.0 & edition.bit() != 0
    }

    /// The editions, oldest first.
    pub fn iter(self) -> impl Iterator<Item = HsEdition> {
        HsEdition::ALL
            .into_iter()
            .filter(move |e| self.contains(*e))
    }

    /// The newest of them.
    pub fn newest(self) -> Option<HsEdition> {
        self.iter().last()
    }
}

/// A section of the Harmonized System (`I` to `XXI`).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct HsSection {
    roman: &'static str,
    name: &'static str,
}

// `static HS_SECTIONS: [HsSection; 21]`, in order.
include!(concat!(env!("OUT_DIR"), "/hs_sections.rs"));

impl HsSection {
    /// The section number in Roman numerals, `"XI"`.
    pub fn roman(&self) -> &'static str {
        self.roman
    }

    /// The English name of the section, `"Textiles and textile articles"`.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// The sections of the Harmonized System, in order (I to XXI).
///
/// ```
/// let s = codes_data::hs_sections();
/// assert_eq!(s.len(), 21);
/// assert_eq!(s[10].roman(), "XI");
/// ```
pub fn hs_sections() -> &'static [HsSection] {
    &HS_SECTIONS
}

/// An HS chapter (2 digits), heading (4) or subheading (6) of one edition: a handle into the
/// static table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HsEntry {
    idx: u32,
    edition: HsEdition,
}

fn rec(idx: usize) -> [u8; 3] {
    let o = idx * REC_WIDTH;
    match REC.get(o..o + REC_WIDTH) {
        Some(&[a, b, c]) => [a, b, c],
        _ => [0; 3],
    }
}

fn code_at(idx: usize) -> &'static str {
    slice(FIXED, idx * WIDTH, usize::from(rec(idx)[1]))
}

impl HsEntry {
    /// The code, `"0101"`.
    pub fn code(&self) -> &'static str {
        code_at(self.idx as usize)
    }

    /// 2 for a chapter, 4 for a heading, 6 for a subheading.
    pub fn level(&self) -> u8 {
        rec(self.idx as usize)[1]
    }

    /// The edition this entry is of.
    pub fn edition(&self) -> HsEdition {
        self.edition
    }

    /// Every edition that has this code.
    ///
    /// ```
    /// use codes_data::HsEdition;
    /// let phones = codes_data::hs_in("851712", HsEdition::Hs2017).unwrap();
    /// assert!(!phones.editions().contains(HsEdition::Hs2022));
    /// assert_eq!(phones.editions().newest(), Some(HsEdition::Hs2017));
    /// ```
    pub fn editions(&self) -> HsEditions {
        HsEditions(rec(self.idx as usize)[2])
    }

    /// The same code in another edition, when that edition has it.
    pub fn in_edition(&self, edition: HsEdition) -> Option<HsEntry> {
        self.editions().contains(edition).then_some(HsEntry {
            idx: self.idx,
            edition,
        })
    }

    /// The English description in this entry's edition (as published by UN Comtrade, which
    /// cuts a few long ones at 255 characters); `""` without the `names` feature.
    pub fn description(&self) -> &'static str {
        #[cfg(feature = "names")]
        {
            let o = (self.idx as usize * 3 + self.edition.slot()) * 6;
            match DESC.get(o..o + 6) {
                Some(&[a, b, c, d, e, f]) => slice(
                    TEXT,
                    u32::from_le_bytes([a, b, c, d]) as usize,
                    usize::from(u16::from_le_bytes([e, f])),
                ),
                _ => "",
            }
        }
        #[cfg(not(feature = "names"))]
        {
            ""
        }
    }

    /// The code of the enclosing heading or chapter; `None` for a chapter.
    pub fn parent(&self) -> Option<&'static str> {
        let level = usize::from(self.level());
        if level > 2 {
            Some(slice(FIXED, self.idx as usize * WIDTH, level - 2))
        } else {
            None
        }
    }

    /// The section, in Roman numerals (`"I"`).
    pub fn section(&self) -> &'static str {
        HS_SECTIONS
            .get(usize::from(rec(self.idx as usize)[0]))
            .map_or("", |s| s.roman)
    }
}

impl core::fmt::Debug for HsEntry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HsEntry")
            .field("code", &self.code())
            .field("edition", &self.edition)
            .field("section", &self.section())
            .field("description", &self.description())
            .finish()
    }
}

/// Whether a code has the shape of a table entry: 2, 4 or 6 ASCII digits.
fn well_formed(code: &str) -> bool {
    let b = code.as_bytes();
    matches!(b.len(), 2 | 4 | 6) && b.iter().all(u8::is_ascii_digit)
}

/// The code of entry `i` as bytes, without its padding.
#[cfg(test)]
fn fixed_at(i: usize) -> &'static [u8] {
    let b = FIXED
        .as_bytes()
        .get(i * WIDTH..i * WIDTH + WIDTH)
        .unwrap_or(&[]);
    let end = b.iter().position(|&c| c == b' ').unwrap_or(b.len());
    &b[..end]
}

/// A code padded with spaces to six bytes, as a number that sorts as the text does (a space
/// sorts before the digits, so a chapter comes before its headings).
fn sort_key(code: &[u8]) -> u64 {
    let mut b = [b' '; 8];
    let n = code.len().min(WIDTH);
    b[2..2 + n].copy_from_slice(&code[..n]);
    u64::from_be_bytes(b) & 0xffff_ffff_ffff
}

/// The key of entry `i`, read in place.
fn key_at(fixed: &[u8], i: usize) -> u64 {
    match fixed.get(i * WIDTH..i * WIDTH + WIDTH) {
        Some(&[a, b, c, d, e, f]) => u64::from_be_bytes([0, 0, a, b, c, d, e, f]),
        _ => u64::MAX,
    }
}

/// The position of a code. A chapter is the first row of its range in `CHAPTERS`, a heading
/// is read from `HEADINGS`, and a subheading is among the rows that follow its heading's (every
/// subheading has its heading in the table, and the rows sort as the padded codes do, so the
/// scan stops at the first key not below the code's; a heading has at most a few dozen).
fn index_of(code: &str) -> Option<usize> {
    if !well_formed(code) {
        return None;
    }
    let b = code.as_bytes();
    let digit = |i: usize| usize::from(b[i] - b'0');
    let fixed = FIXED.as_bytes();
    let wanted = sort_key(b);
    let first = match b.len() {
        2 => {
            let chapter = digit(0) * 10 + digit(1);
            match CHAPTERS.get(chapter * 2..chapter * 2 + 2) {
                Some(&[lo, hi]) => usize::from(u16::from_le_bytes([lo, hi])),
                _ => return None,
            }
        }
        _ => {
            let heading = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
            let row = match HEADINGS.get(heading * 2..heading * 2 + 2) {
                Some(&[lo, hi]) => u16::from_le_bytes([lo, hi]),
                _ => return None,
            };
            if row == u16::MAX {
                return None;
            }
            usize::from(row)
        }
    };
    let mut i = first;
    loop {
        let key = key_at(fixed, i);
        if key >= wanted {
            return (key == wanted).then_some(i);
        }
        i += 1;
    }
}

/// The HS 2022 entry of an exact 2-, 4- or 6-digit code (the newest edition: see [`hs_in`]
/// for the others). National 8- and 10-digit codes are not in the table: look up their
/// first 6 digits.
///
/// ```
/// let h = codes_data::hs("0101").unwrap();
/// assert_eq!(h.level(), 4);
/// assert_eq!(h.description(), "Horses, asses, mules and hinnies; live");
/// assert_eq!(h.parent(), Some("01"));
/// assert_eq!(h.section(), "I");
/// assert!(codes_data::hs("77").is_none()); // reserved chapter
/// assert!(codes_data::hs("01012").is_none());
/// assert!(codes_data::hs("851712").is_none()); // HS 2017 only
/// ```
pub fn hs(code: &str) -> Option<HsEntry> {
    hs_in(code, HsEdition::NEWEST)
}

/// The entry of an exact 2-, 4- or 6-digit code in one edition.
///
/// ```
/// use codes_data::{hs_in, HsEdition};
/// assert!(hs_in("851712", HsEdition::Hs2017).is_some());
/// assert!(hs_in("851712", HsEdition::Hs2022).is_none());
/// assert!(hs_in("240412", HsEdition::Hs2017).is_none());
/// assert_eq!(hs_in("240412", HsEdition::Hs2022).unwrap().edition(), HsEdition::Hs2022);
/// ```
pub fn hs_in(code: &str, edition: HsEdition) -> Option<HsEntry> {
    let i = index_of(code)?;
    HsEntry {
        idx: i as u32,
        edition,
    }
    .in_edition(edition)
}

/// The number of codes in the HS table, of all editions together (chapters, headings and
/// subheadings).
///
/// ```
/// assert_eq!(codes_data::hs_len(), 7_167);
/// ```
pub fn hs_len() -> usize {
    REC.len() / REC_WIDTH
}

/// The HS entry at position `i` (sorted by code, each code before its sub-codes), of the
/// newest edition that has the code.
///
/// ```
/// assert_eq!(codes_data::hs_at(0).unwrap().code(), "01");
/// ```
pub fn hs_at(i: usize) -> Option<HsEntry> {
    if i < hs_len() {
        let edition = HsEditions(rec(i)[2]).newest()?;
        Some(HsEntry {
            idx: i as u32,
            edition,
        })
    } else {
        None
    }
}

/// How the codes of a correlated pair relate (UNSD's notation, read from the edition of the
/// look-up to the edition asked for): `1:n` means that the code splits into several codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HsRelationship {
    /// One code for one code.
    OneToOne,
    /// The code is split among several codes.
    OneToMany,
    /// Several codes were merged into this one.
    ManyToOne,
    /// Parts of several codes were regrouped into several codes.
    ManyToMany,
}

impl HsRelationship {
    /// `"1:1"`, `"1:n"`, `"n:1"` or `"n:n"`.
    pub fn as_str(self) -> &'static str {
        match self {
            HsRelationship::OneToOne => "1:1",
            HsRelationship::OneToMany => "1:n",
            HsRelationship::ManyToOne => "n:1",
            HsRelationship::ManyToMany => "n:n",
        }
    }

    fn from_bits(bits: u16) -> HsRelationship {
        match bits & 3 {
            0 => HsRelationship::OneToOne,
            1 => HsRelationship::OneToMany,
            2 => HsRelationship::ManyToOne,
            _ => HsRelationship::ManyToMany,
        }
    }

    fn of_counts(from_side: usize, to_side: usize) -> HsRelationship {
        match (from_side > 1, to_side > 1) {
            (false, false) => HsRelationship::OneToOne,
            (false, true) => HsRelationship::OneToMany,
            (true, false) => HsRelationship::ManyToOne,
            (true, true) => HsRelationship::ManyToMany,
        }
    }

    /// The same relationship read the other way.
    fn reversed(self) -> HsRelationship {
        match self {
            HsRelationship::OneToMany => HsRelationship::ManyToOne,
            HsRelationship::ManyToOne => HsRelationship::OneToMany,
            other => other,
        }
    }
}

/// One code of the edition asked for that the correlation tables pair with the code looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HsPair {
    /// The code in the edition asked for.
    pub code: &'static str,
    /// How it relates to the code looked up.
    pub relationship: HsRelationship,
}

/// The pairs of one correlation table, and the same sorted by the older code (built on first
/// use).
struct Table {
    bytes: &'static [u8],
    by_older: OnceLock<Vec<(u16, u16)>>,
}

static TABLE_22_17: Table = Table {
    bytes: CORR_22_17,
    by_older: OnceLock::new(),
};
static TABLE_17_12: Table = Table {
    bytes: CORR_17_12,
    by_older: OnceLock::new(),
};

impl Table {
    fn len(&self) -> usize {
        self.bytes.len() / 4
    }

    /// Pair `i`: the newer code's index, and the older code's with the relationship's bits.
    fn pair(&self, i: usize) -> (u16, u16) {
        let column = |at: usize| match self.bytes.get(at..at + 2) {
            Some(&[a, b]) => Some(u16::from_le_bytes([a, b])),
            _ => None,
        };
        match (column(i * 2), column(self.len() * 2 + i * 2)) {
            (Some(a), Some(b)) => (a, b),
            _ => (u16::MAX, 0),
        }
    }

    /// The older codes paired with the newer code at `idx`: (index, relationship).
    fn older(&self, idx: u16, out: &mut Vec<(usize, HsRelationship)>) {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.pair(mid).0 < idx {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for i in low..self.len() {
            let (a, b) = self.pair(i);
            if a != idx {
                break;
            }
            out.push((usize::from(b & 0x3fff), HsRelationship::from_bits(b >> 14)));
        }
    }

    /// The newer codes paired with the older code at `idx`, relationship read from old to new.
    fn newer(&self, idx: u16, out: &mut Vec<(usize, HsRelationship)>) {
        let by_older = self.by_older.get_or_init(|| {
            let mut v: Vec<(u16, u16)> = (0..self.len())
                .map(|i| {
                    let (a, b) = self.pair(i);
                    (b & 0x3fff, a | (b & 0xc000))
                })
                .collect();
            v.sort_unstable();
            v
        });
        let start = by_older.partition_point(|p| p.0 < idx);
        for &(b, a) in by_older[start..].iter().take_while(|p| p.0 == idx) {
            let _ = b;
            out.push((
                usize::from(a & 0x3fff),
                HsRelationship::from_bits(a >> 14).reversed(),
            ));
        }
    }
}

/// The subheadings of edition `to` paired with the subheading at `idx` of the adjacent edition
/// `from` (2022 and 2017, or 2017 and 2012).
fn adjacent(idx: usize, from: HsEdition, to: HsEdition) -> Vec<(usize, HsRelationship)> {
    let mut out = Vec::new();
    let Ok(i) = u16::try_from(idx) else {
        return out;
    };
    match (from, to) {
        (HsEdition::Hs2022, HsEdition::Hs2017) => TABLE_22_17.older(i, &mut out),
        (HsEdition::Hs2017, HsEdition::Hs2012) => TABLE_17_12.older(i, &mut out),
        (HsEdition::Hs2017, HsEdition::Hs2022) => TABLE_22_17.newer(i, &mut out),
        (HsEdition::Hs2012, HsEdition::Hs2017) => TABLE_17_12.newer(i, &mut out),
        _ => return out,
    }
    let both = HsEditions(rec(idx)[2]);
    if out.is_empty() && both.contains(from) && both.contains(to) {
        // Left out of the packed table: the code is its own 1:1 partner.
        out.push((idx, HsRelationship::OneToOne));
    }
    out
}

/// The codes of edition `to` (as indexes) paired with `code` of edition `from`, without
/// relationships; through HS 2017 between 2012 and 2022; headings through their subheadings.
fn targets(idx: usize, from: HsEdition, to: HsEdition) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    if !HsEditions(rec(idx)[2]).contains(from) {
        return out;
    }
    if from == to {
        out.insert(idx);
        return out;
    }
    match rec(idx)[1] {
        6 => {
            let mut frontier = vec![idx];
            let mut at = from;
            let step = if to > from { 1isize } else { -1 };
            while at != to {
                let next = HsEdition::ALL[(at as isize + step) as usize];
                let mut reached = BTreeSet::new();
                for i in frontier {
                    reached.extend(adjacent(i, at, next).into_iter().map(|(j, _)| j));
                }
                frontier = reached.into_iter().collect();
                at = next;
            }
            out.extend(frontier);
        }
        4 => {
            // The headings of the codes paired with the heading's subheadings.
            let code = code_at(idx);
            for sub in idx + 1..hs_len() {
                let sub_code = code_at(sub);
                if !sub_code.starts_with(code) {
                    break;
                }
                for t in targets(sub, from, to) {
                    if let Some(h) = code_at(t).get(..4).and_then(index_of) {
                        out.insert(h);
                    }
                }
            }
        }
        _ => {
            // Chapters do not change between editions.
            if HsEditions(rec(idx)[2]).contains(to) {
                out.insert(idx);
            }
        }
    }
    out
}

/// The codes of edition `to` that UNSD's correlation tables pair with `code` of edition
/// `from`, sorted, each with its relationship (spec 7.1).
///
/// Between adjacent editions (2022 and 2017, 2017 and 2012) a subheading's pairs and their
/// relationships are UNSD's; between 2012 and 2022 the pairs go through HS 2017, and a
/// heading's are the headings of its subheadings' pairs: their relationships are those that
/// the pairs imply (`n` on a side that has several codes). A code of both editions that UNSD
/// leaves unchanged is its own `1:1` partner; a chapter is its own partner. Empty when `from`
/// lacks the code, or when the code is not a 2-, 4- or 6-digit code.
///
/// ```
/// use codes_data::{hs_correlate, HsEdition};
/// let phones = hs_correlate("851712", HsEdition::Hs2017, HsEdition::Hs2022);
/// let codes: Vec<&str> = phones.iter().map(|p| p.code).collect();
/// assert!(codes.contains(&"851713") && codes.contains(&"851714"));
/// assert_eq!(hs_correlate("851713", HsEdition::Hs2022, HsEdition::Hs2017)[0].relationship.as_str(), "n:1");
/// assert_eq!(hs_correlate("010121", HsEdition::Hs2012, HsEdition::Hs2022)[0].code, "010121");
/// assert!(hs_correlate("851712", HsEdition::Hs2022, HsEdition::Hs2017).is_empty());
/// ```
pub fn hs_correlate(code: &str, from: HsEdition, to: HsEdition) -> Vec<HsPair> {
    let Some(idx) = index_of(code) else {
        return Vec::new();
    };
    let adjacent_pair = rec(idx)[1] == 6 && (from as isize - to as isize).abs() == 1;
    if adjacent_pair {
        let mut pairs = adjacent(idx, from, to);
        if !HsEditions(rec(idx)[2]).contains(from) {
            pairs.clear();
        }
        pairs.sort_by_key(|p| p.0);
        return pairs
            .into_iter()
            .map(|(i, relationship)| HsPair {
                code: code_at(i),
                relationship,
            })
            .collect();
    }
    let found = targets(idx, from, to);
    let many_to = found.len();
    found
        .into_iter()
        .map(|i| HsPair {
            code: code_at(i),
            relationship: HsRelationship::of_counts(targets(i, to, from).len(), many_to),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_code_is_found_at_its_position_and_text_order_is_table_order() {
        for i in 0..super::hs_len() {
            let code = super::code_at(i);
            assert_eq!(super::index_of(code), Some(i), "{code}");
            if i > 0 {
                assert!(super::fixed_at(i - 1) < super::fixed_at(i), "{code}");
            }
        }
        for bad in [
            "", "1", "012", "0101211", "01a1", "٠١", "00", "77", "999999",
        ] {
            assert_eq!(super::index_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_two_four_and_six_digit_code_is_found_exactly_when_the_table_has_it() {
        let table: std::collections::HashMap<&str, usize> = (0..super::hs_len())
            .map(|i| (super::code_at(i), i))
            .collect();
        for (digits, count) in [(2, 100), (4, 10_000), (6, 1_000_000)] {
            for n in 0..count {
                let code = format!("{n:0digits$}");
                assert_eq!(
                    super::index_of(&code),
                    table.get(code.as_str()).copied(),
                    "{code}"
                );
            }
        }
    }
}
