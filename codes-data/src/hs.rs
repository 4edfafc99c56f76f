//! The Harmonized System, 2022 edition (spec 4, CEN-COD-004, CEN-COD-005).
//!
//! The upstream table is in English only.
//!
//! Layout (written by the build script `build/`, K entries sorted by code, each code
//! before the codes it is a prefix of): `KEYS` K × `u32` ([`key`]); `FIXED` K × 6 ASCII (the code,
//! space-padded); `REC` K × 8 bytes: offset of the description in `TEXT` (`u32`), its
//! length (`u16`), section index (`u8`), level (`u8`: 2, 4 or 6).

use crate::blob::{blob, search_u32, slice, text};

static KEYS: &[u8] = blob!("hs_keys.bin");
static FIXED: &str = text!("hs_fixed.txt");
static REC: &[u8] = blob!("hs_rec.bin");
static TEXT: &str = text!("hs_text.txt");

const WIDTH: usize = 6;
/// Without the `names` feature `REC` keeps only the section and level bytes.
#[cfg(feature = "names")]
const REC_WIDTH: usize = 8;
#[cfg(not(feature = "names"))]
const REC_WIDTH: usize = 2;

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

/// An HS 2022 chapter (2 digits), heading (4) or subheading (6): a handle into the static
/// table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HsEntry {
    idx: u32,
}

impl HsEntry {
    /// The 8-byte record: text offset, description length, section, level.
    fn rec(&self) -> [u8; 8] {
        let o = self.idx as usize * REC_WIDTH;
        match REC.get(o..o + REC_WIDTH) {
            Some(&[a, b, c, d, e, f, g, h]) => [a, b, c, d, e, f, g, h],
            Some(&[section, level]) => [0, 0, 0, 0, 0, 0, section, level],
            _ => [0; 8],
        }
    }

    /// The code, `"0101"`.
    pub fn code(&self) -> &'static str {
        slice(FIXED, self.idx as usize * WIDTH, usize::from(self.level()))
    }

    /// 2 for a chapter, 4 for a heading, 6 for a subheading.
    pub fn level(&self) -> u8 {
        self.rec()[7]
    }

    /// The English description (as published by UN Comtrade, which cuts a few long ones
    /// at 255 characters).
    pub fn description(&self) -> &'static str {
        let r = self.rec();
        slice(
            TEXT,
            u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize,
            usize::from(u16::from_le_bytes([r[4], r[5]])),
        )
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
            .get(usize::from(self.rec()[6]))
            .map_or("", |s| s.roman)
    }
}

impl core::fmt::Debug for HsEntry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HsEntry")
            .field("code", &self.code())
            .field("section", &self.section())
            .field("description", &self.description())
            .finish()
    }
}

/// The search key of a 2-, 4- or 6-digit code: the code padded with zeros to 6 digits,
/// times 4, plus the number of digit pairs. Keys sort as the codes do.
fn key(code: &str) -> Option<u32> {
    let b = code.as_bytes();
    if !matches!(b.len(), 2 | 4 | 6) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut v = b
        .iter()
        .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'));
    for _ in b.len()..6 {
        v *= 10;
    }
    Some(v * 4 + b.len() as u32 / 2)
}

/// The HS 2022 entry of an exact 2-, 4- or 6-digit code. National 8- and 10-digit codes
/// are not in the table: look up their first 6 digits.
///
/// ```
/// let h = codes_data::hs("0101").unwrap();
/// assert_eq!(h.level(), 4);
/// assert_eq!(h.description(), "Horses, asses, mules and hinnies; live");
/// assert_eq!(h.parent(), Some("01"));
/// assert_eq!(h.section(), "I");
/// assert!(codes_data::hs("77").is_none()); // reserved chapter
/// assert!(codes_data::hs("01012").is_none());
/// ```
pub fn hs(code: &str) -> Option<HsEntry> {
    let i = search_u32(KEYS, key(code)?)?;
    Some(HsEntry { idx: i as u32 })
}

/// The number of entries in the HS table (chapters, headings and subheadings).
///
/// ```
/// assert_eq!(codes_data::hs_len(), 6_936);
/// ```
pub fn hs_len() -> usize {
    REC.len() / REC_WIDTH
}

/// The HS entry at position `i` (sorted by code, each code before its sub-codes).
///
/// ```
/// assert_eq!(codes_data::hs_at(0).unwrap().code(), "01");
/// ```
pub fn hs_at(i: usize) -> Option<HsEntry> {
    if i < hs_len() {
        Some(HsEntry { idx: i as u32 })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_sort_as_codes() {
        let codes = ["01", "0101", "010121", "010129", "0102", "02", "97", "9706"];
        let keys: Vec<u32> = codes.iter().map(|c| super::key(c).unwrap()).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        for bad in ["", "1", "012", "0101211", "01a1", "٠١"] {
            assert_eq!(super::key(bad), None, "{bad}");
        }
    }
}
