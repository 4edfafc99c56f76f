//! The Harmonized System, editions 2012, 2017 and 2022, with UNSD's correlation tables between
//! them (spec 4 and 7.1, CEN-COD-004, CEN-COD-005).
//!
//! The upstream tables are in English only.
//!
//! Layout (written by the build script `build/`): one table of every code of any edition, K
//! entries sorted by code as text (each code before the codes it is a prefix of), searched in
//! place: `FIXED` K × 6 ASCII (the code, space-padded); `REC` K × 3 bytes: section index,
//! level (2, 4 or 6), editions (bits: 1 HS 2012, 2 HS 2017, 4 HS 2022). With the `names`
//! feature, `DESC` K × 3 × (offset in `TEXT` `u32`, length `u16`), the description in HS 2022,
//! 2017, 2012 (length 0 where the edition lacks the code; equal texts are stored once).
//!
//! The row of each chapter and heading (10,100 × `u16`) is built from `FIXED` and `REC` when
//! the table is first searched (in microseconds), not shipped: it would add 2.6 KB to the
//! gzipped WebAssembly module, and a pack would have one more section to check.
//!
//! Correlations: `CORR_22_17` and `CORR_17_12`, P pairs sorted, stored column by column: P ×
//! the index of the newer edition's code (`u16`), then P × the index of the older edition's
//! code | relationship << 14 (`u16`). A code's 1:1 pair with itself is left out: a subheading
//! of both editions in no pair is its own 1:1 partner.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::blob::{blob, slice, text};

mod correlation;
use crate::hs_layout::{well_formed, HsPairRow, HsRow};
pub(crate) use correlation::Correlation;
pub use correlation::{hs_correlate, HsPair, HsRelationship};

static FIXED: &str = text!("hs_fixed.txt");
static REC: &[u8] = blob!("hs_rec.bin");
#[cfg(feature = "names")]
static DESC: &[u8] = blob!("hs_desc.bin");
#[cfg(not(feature = "names"))]
static DESC: &[u8] = &[];
#[cfg(feature = "names")]
static TEXT: &str = text!("hs_text.txt");
#[cfg(not(feature = "names"))]
static TEXT: &str = "";
static CORR_22_17: &[u8] = blob!("hs_correlation_2022_2017.bin");
static CORR_17_12: &[u8] = blob!("hs_correlation_2017_2012.bin");

/// The built-in table.
pub(crate) static BUILTIN: HsTable = HsTable {
    fixed: Cow::Borrowed(FIXED),
    rec: Cow::Borrowed(REC),
    desc: Cow::Borrowed(DESC),
    text: Cow::Borrowed(TEXT),
    correlations: [
        Correlation::new(Cow::Borrowed(CORR_22_17)),
        Correlation::new(Cow::Borrowed(CORR_17_12)),
    ],
    rows: OnceLock::new(),
};

/// The HS editions and their correlations in the layout above: the built-in ones
/// ([`BUILTIN`]) or those of a [table pack](crate::Tables). The same code reads both.
#[derive(Clone, Debug)]
pub(crate) struct HsTable {
    pub(crate) fixed: Cow<'static, str>,
    pub(crate) rec: Cow<'static, [u8]>,
    /// Empty when the table has no descriptions (without the `names` feature).
    pub(crate) desc: Cow<'static, [u8]>,
    pub(crate) text: Cow<'static, str>,
    /// HS 2022 → 2017, then HS 2017 → 2012.
    pub(crate) correlations: [Correlation; 2],
    /// The row of each chapter (by its two digits as a number) and then of each heading (100 +
    /// its four digits as a number), `u16::MAX` where the table has none: built on first use.
    rows: OnceLock<Box<[u16]>>,
}

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
    pub(crate) fn bit(self) -> u8 {
        match self {
            HsEdition::Hs2012 => 1,
            HsEdition::Hs2017 => 2,
            HsEdition::Hs2022 => 4,
        }
    }

    /// The table's name in [`editions()`](crate::editions): `hs` (HS 2022), `hs2017`, `hs2012`.
    pub(crate) fn table_name(self) -> &'static str {
        match self {
            HsEdition::Hs2022 => "hs",
            HsEdition::Hs2017 => "hs2017",
            HsEdition::Hs2012 => "hs2012",
        }
    }

    /// Position in `DESC`: HS 2022, 2017, 2012.
    pub(crate) fn slot(self) -> usize {
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

    /// The English name of the section, `"Textiles and textile articles"`; `""` without the
    /// `names` feature.
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

/// An HS chapter (2 digits), heading (4) or subheading (6) of one edition: a handle into its
/// table (cheap to copy; every accessor returns data that lives as long as the table:
/// `'static` for the built-in table).
#[derive(Clone, Copy)]
pub struct HsEntry<'t> {
    t: &'t HsTable,
    idx: u32,
    edition: HsEdition,
}

impl PartialEq for HsEntry<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.idx == other.idx && self.edition == other.edition && core::ptr::eq(self.t, other.t)
    }
}

impl Eq for HsEntry<'_> {}

impl core::hash::Hash for HsEntry<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        (self.idx, self.edition).hash(state);
    }
}

impl PartialOrd for HsEntry<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HsEntry<'_> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        (self.idx, self.edition, self.t as *const HsTable as usize).cmp(&(
            other.idx,
            other.edition,
            other.t as *const HsTable as usize,
        ))
    }
}

impl<'t> HsEntry<'t> {
    /// The code, `"0101"`.
    pub fn code(&self) -> &'t str {
        self.t.code_at(self.idx as usize)
    }

    /// 2 for a chapter, 4 for a heading, 6 for a subheading.
    pub fn level(&self) -> u8 {
        self.t.rec(self.idx as usize)[1]
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
        HsEditions(self.t.rec(self.idx as usize)[2])
    }

    /// The same code in another edition, when that edition has it.
    pub fn in_edition(&self, edition: HsEdition) -> Option<HsEntry<'t>> {
        self.editions().contains(edition).then_some(HsEntry {
            t: self.t,
            idx: self.idx,
            edition,
        })
    }

    /// The English description in this entry's edition (as published by UN Comtrade, which
    /// cuts a few long ones at 255 characters); `""` without the `names` feature.
    pub fn description(&self) -> &'t str {
        let o = (self.idx as usize * 3 + self.edition.slot()) * 6;
        match self.t.desc.get(o..o + 6) {
            Some(&[a, b, c, d, e, f]) => slice(
                &self.t.text,
                u32::from_le_bytes([a, b, c, d]) as usize,
                usize::from(u16::from_le_bytes([e, f])),
            ),
            _ => "",
        }
    }

    /// The code of the enclosing heading or chapter; `None` for a chapter.
    pub fn parent(&self) -> Option<&'t str> {
        let level = usize::from(self.level());
        if level > 2 {
            Some(slice(&self.t.fixed, self.idx as usize * WIDTH, level - 2))
        } else {
            None
        }
    }

    /// The section, in Roman numerals (`"I"`).
    pub fn section(&self) -> &'static str {
        HS_SECTIONS
            .get(usize::from(self.t.rec(self.idx as usize)[0]))
            .map_or("", |s| s.roman)
    }
}

impl core::fmt::Debug for HsEntry<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HsEntry")
            .field("code", &self.code())
            .field("edition", &self.edition)
            .field("section", &self.section())
            .field("description", &self.description())
            .finish()
    }
}

/// A code padded with spaces to six bytes, as a number that sorts as the text does (a space
/// sorts before the digits, so a chapter comes before its headings).
fn sort_key(code: &[u8]) -> u64 {
    let mut b = [b' '; 8];
    let n = code.len().min(WIDTH);
    b[2..2 + n].copy_from_slice(&code[..n]);
    u64::from_be_bytes(b) & 0xffff_ffff_ffff
}

impl HsTable {
    /// A table of the blobs [`hs_layout::hs`](crate::hs_layout::hs) laid out.
    pub(crate) fn from_blobs(b: crate::hs_layout::HsBlobs) -> HsTable {
        let [c22_17, c17_12] = b.correlations;
        HsTable {
            fixed: Cow::Owned(b.fixed),
            rec: Cow::Owned(b.rec),
            desc: Cow::Owned(b.desc),
            text: Cow::Owned(b.text),
            correlations: [
                Correlation::new(Cow::Owned(c22_17)),
                Correlation::new(Cow::Owned(c17_12)),
            ],
            rows: OnceLock::new(),
        }
    }

    /// A table of these blobs (a pack's sections).
    pub(crate) fn new(
        fixed: Cow<'static, str>,
        rec: Cow<'static, [u8]>,
        desc: Cow<'static, [u8]>,
        text: Cow<'static, str>,
        correlations: [Correlation; 2],
    ) -> HsTable {
        HsTable {
            fixed,
            rec,
            desc,
            text,
            correlations,
            rows: OnceLock::new(),
        }
    }

    /// The row of each chapter and heading (see `rows`).
    fn chapter_and_heading_rows(&self) -> &[u16] {
        self.rows.get_or_init(|| {
            let mut rows = vec![u16::MAX; 100 + 10_000].into_boxed_slice();
            let fixed = self.fixed.as_bytes();
            for i in 0..self.len().min(usize::from(u16::MAX)) {
                let level = usize::from(self.rec(i)[1]);
                let Some(code) = fixed.get(i * WIDTH..i * WIDTH + level) else {
                    continue;
                };
                if !code.iter().all(u8::is_ascii_digit) {
                    continue;
                }
                let number = code.iter().fold(0, |n, d| n * 10 + usize::from(d - b'0'));
                let slot = match level {
                    2 => number,
                    4 => 100 + number,
                    _ => continue,
                };
                if rows[slot] == u16::MAX {
                    rows[slot] = i as u16;
                }
            }
            rows
        })
    }

    fn rec(&self, idx: usize) -> [u8; 3] {
        let o = idx * REC_WIDTH;
        match self.rec.get(o..o + REC_WIDTH) {
            Some(&[a, b, c]) => [a, b, c],
            _ => [0; 3],
        }
    }

    fn code_at(&self, idx: usize) -> &str {
        slice(&self.fixed, idx * WIDTH, usize::from(self.rec(idx)[1]))
    }

    /// The number of codes, of all editions together.
    pub(crate) fn len(&self) -> usize {
        self.rec.len() / REC_WIDTH
    }

    /// The position of a code. A chapter's and a heading's rows are read from `rows`, and a
    /// subheading is among the rows that follow its heading's (every subheading has its heading
    /// in the table, and the rows sort as the padded codes do, so the scan stops at the first
    /// key not below the code's; a heading has at most a few dozen).
    fn index_of(&self, code: &str) -> Option<usize> {
        if !well_formed(code) {
            return None;
        }
        let b = code.as_bytes();
        let digit = |i: usize| usize::from(b[i] - b'0');
        let fixed = self.fixed.as_bytes();
        let wanted = sort_key(b);
        let slot = match b.len() {
            2 => digit(0) * 10 + digit(1),
            _ => 100 + digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
        };
        let first = match self.chapter_and_heading_rows().get(slot) {
            Some(&row) if row != u16::MAX => usize::from(row),
            _ => return None,
        };
        // Rows taken in chunks from the first, so that no row's bounds are checked again.
        for (k, row) in fixed.get(first * WIDTH..)?.chunks_exact(WIDTH).enumerate() {
            let key = match *row {
                [a, b, c, d, e, f] => u64::from_be_bytes([0, 0, a, b, c, d, e, f]),
                _ => u64::MAX,
            };
            if key >= wanted {
                return (key == wanted).then_some(first + k);
            }
        }
        None
    }

    /// [`hs_in`] in this table.
    pub(crate) fn get_in(&self, code: &str, edition: HsEdition) -> Option<HsEntry<'_>> {
        let i = self.index_of(code)?;
        HsEntry {
            t: self,
            idx: i as u32,
            edition,
        }
        .in_edition(edition)
    }

    /// [`hs_at`] in this table.
    pub(crate) fn at(&self, i: usize) -> Option<HsEntry<'_>> {
        if i < self.len() {
            let edition = HsEditions(self.rec(i)[2]).newest()?;
            Some(HsEntry {
                t: self,
                idx: i as u32,
                edition,
            })
        } else {
            None
        }
    }

    /// The rows and correlation pairs of this table, as [`hs_layout::hs`](crate::hs_layout::hs)
    /// lays them out (a pack with an edition of its own starts from these).
    pub(crate) fn to_rows(&self) -> (Vec<HsRow>, [Vec<HsPairRow>; 2]) {
        let rows = (0..self.len())
            .map(|i| {
                let [section, _, editions] = self.rec(i);
                let descriptions =
                    [HsEdition::Hs2022, HsEdition::Hs2017, HsEdition::Hs2012].map(|edition| {
                        HsEntry {
                            t: self,
                            idx: i as u32,
                            edition,
                        }
                        .in_edition(edition)
                        .map(|e| e.description().to_owned())
                        .unwrap_or_default()
                    });
                HsRow {
                    code: self.code_at(i).to_owned(),
                    section,
                    editions,
                    descriptions,
                }
            })
            .collect();
        let pairs = self.correlations.each_ref().map(|c| {
            (0..c.len())
                .map(|i| {
                    let (newer, older) = c.pair(i);
                    HsPairRow {
                        newer: self.code_at(usize::from(newer)).to_owned(),
                        older: self.code_at(usize::from(older & 0x3fff)).to_owned(),
                        relationship: (older >> 14) as u8,
                    }
                })
                .collect()
        });
        (rows, pairs)
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
pub fn hs(code: &str) -> Option<HsEntry<'static>> {
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
pub fn hs_in(code: &str, edition: HsEdition) -> Option<HsEntry<'static>> {
    BUILTIN.get_in(code, edition)
}

/// The number of codes in the HS table, of all editions together (chapters, headings and
/// subheadings).
///
/// ```
/// assert_eq!(codes_data::hs_len(), 7_167);
/// ```
pub fn hs_len() -> usize {
    BUILTIN.len()
}

/// The HS entry at position `i` (sorted by code, each code before its sub-codes), of the
/// newest edition that has the code.
///
/// ```
/// assert_eq!(codes_data::hs_at(0).unwrap().code(), "01");
/// ```
pub fn hs_at(i: usize) -> Option<HsEntry<'static>> {
    BUILTIN.at(i)
}

#[cfg(test)]
mod tests {
    use super::BUILTIN;

    #[test]
    fn every_code_is_found_at_its_position_and_text_order_is_table_order() {
        for i in 0..BUILTIN.len() {
            let code = BUILTIN.code_at(i);
            assert_eq!(BUILTIN.index_of(code), Some(i), "{code}");
            if i > 0 {
                assert!(BUILTIN.code_at(i - 1) < code, "{code}");
            }
        }
        for bad in [
            "", "1", "012", "0101211", "01a1", "٠١", "00", "77", "999999",
        ] {
            assert_eq!(BUILTIN.index_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_two_four_and_six_digit_code_is_found_exactly_when_the_table_has_it() {
        let table: std::collections::HashMap<&str, usize> = (0..BUILTIN.len())
            .map(|i| (BUILTIN.code_at(i), i))
            .collect();
        for (digits, count) in [(2, 100), (4, 10_000), (6, 1_000_000)] {
            for n in 0..count {
                let code = format!("{n:0digits$}");
                assert_eq!(
                    BUILTIN.index_of(&code),
                    table.get(code.as_str()).copied(),
                    "{code}"
                );
            }
        }
    }

    /// A pack lays out its HS rows with the build script's code: the built-in rows, read back
    /// and laid out again, give the built-in bytes.
    #[test]
    fn the_built_in_rows_laid_out_again_give_the_built_in_bytes() {
        let (rows, pairs) = BUILTIN.to_rows();
        let blobs = crate::hs_layout::hs(
            &rows,
            [&pairs[0], &pairs[1]],
            super::HS_SECTIONS.len(),
            cfg!(feature = "names"),
        )
        .unwrap();
        assert_eq!(blobs.fixed, *BUILTIN.fixed);
        assert_eq!(blobs.rec, *BUILTIN.rec);
        assert_eq!(blobs.desc, *BUILTIN.desc);
        assert_eq!(blobs.text, *BUILTIN.text);
        assert_eq!(blobs.correlations[0], *BUILTIN.correlations[0].bytes);
        assert_eq!(blobs.correlations[1], *BUILTIN.correlations[1].bytes);
    }
}
