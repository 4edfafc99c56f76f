//! UN/LOCODE (spec 2.2 and 4, CEN-COD-002).
//!
//! Layout (written by the build script `build/`, N entries sorted by code):
//! - `BUCKET`: 26² × 34 + 1 little-endian `u32`: the entries whose code starts with the
//!   country of alpha-2 index `c` and the character of base-34 digit `d` are
//!   `BUCKET[c × 34 + d]..BUCKET[c × 34 + d + 1]` (at most about a thousand, usually a few
//!   dozen, searched without branches); a country's entries are
//!   `BUCKET[c × 34]..BUCKET[(c + 1) × 34]`;
//! - `FIXED`: N × 11 ASCII: code (5), IATA (3), subdivision (3), space-padded;
//! - `REC`: N × 8 bytes: offset of the name in `TEXT` (`u32`), name length, remarks length
//!   (the remarks follow the name), index in `FUNCTIONS`, index in `STATUSES` × 2 + 1 when
//!   withdrawn.

use crate::blob::{alpha2_index, blob, field, search_by, slice, text, u32_at};

static BUCKET: &[u8; (26 * 26 * 34 + 1) * 4] = blob!("unlocode_bucket.bin");
static FIXED: &str = text!("unlocode_fixed.txt");
static REC: &[u8] = blob!("unlocode_rec.bin");
static TEXT: &str = text!("unlocode_text.txt");

// `static FUNCTIONS: [&str; _]` and `static STATUSES: [&str; _]`: the distinct values.
include!(concat!(env!("OUT_DIR"), "/unlocode.rs"));

/// Without the `names` feature the build keeps only the code in `FIXED` and only the function
/// and status bytes in `REC` (see `build/main.rs`); the accessors read the same either way.
#[cfg(feature = "names")]
const WIDTH: usize = 11;
#[cfg(not(feature = "names"))]
const WIDTH: usize = 5;
#[cfg(feature = "names")]
const REC_WIDTH: usize = 8;
#[cfg(not(feature = "names"))]
const REC_WIDTH: usize = 2;
const WITHDRAWN: u8 = 1;

/// A UN/LOCODE entry: a handle into the static table (cheap to copy; every accessor
/// returns `'static` data).
///
/// The table holds one entry per code, including entries marked for deletion, which are
/// flagged [`withdrawn`](UnLocode::is_withdrawn) and keep their remarks (`"Use CN TGO"`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnLocode {
    /// Position in the table (the order of the codes).
    idx: u32,
}

impl UnLocode {
    fn fixed(&self, start: usize, width: usize) -> &'static str {
        if start + width > WIDTH {
            return "";
        }
        field(FIXED, self.idx as usize * WIDTH + start, width)
    }

    /// The 8-byte record: text offset, name and remarks lengths, function, status.
    fn rec(&self) -> [u8; 8] {
        let o = self.idx as usize * REC_WIDTH;
        match REC.get(o..o + REC_WIDTH) {
            Some(&[a, b, c, d, e, f, g, h]) => [a, b, c, d, e, f, g, h],
            Some(&[function, status]) => [0, 0, 0, 0, 0, 0, function, status],
            _ => [0; 8],
        }
    }

    /// The position of the entry in the table (`unlocode_at(entry.index()) == Some(entry)`).
    pub fn index(&self) -> usize {
        self.idx as usize
    }

    /// The five-character code, `"NLRTM"`.
    pub fn code(&self) -> &'static str {
        slice(FIXED, self.idx as usize * WIDTH, 5)
    }

    /// The ISO 3166-1 alpha-2 country: the first two characters of the code (`"NL"`).
    /// `XZ` (installations in international waters) is not an ISO country.
    pub fn country(&self) -> &'static str {
        slice(FIXED, self.idx as usize * WIDTH, 2)
    }

    /// The name as UN/LOCODE writes it, with diacritics (`"Rotterdam"`,
    /// `"Charles-de-Gaulle Apt/Paris"`).
    pub fn name(&self) -> &'static str {
        let r = self.rec();
        slice(
            TEXT,
            u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize,
            usize::from(r[4]),
        )
    }

    /// The ISO 3166-2 subdivision code without the country (`"ZH"`); `""` when none.
    pub fn subdivision(&self) -> &'static str {
        self.fixed(8, 3)
    }

    /// The 8-position function classifier, `"12345---"`: position 1 `1` seaport, 2 `2`
    /// rail, 3 `3` road, 4 `4` airport, 5 `5` postal exchange office, 6 `6` multimodal,
    /// 7 `7` fixed installation, 8 `B` border crossing, `-` for no; `0` means not known.
    pub fn function(&self) -> &'static str {
        FUNCTIONS
            .get(usize::from(self.rec()[6]))
            .copied()
            .unwrap_or("")
    }

    /// The two-letter status (`"AF"`, `"RL"`, ...); `""` for the few entries without one.
    pub fn status(&self) -> &'static str {
        STATUSES
            .get(usize::from(self.rec()[7] >> 1))
            .copied()
            .unwrap_or("")
    }

    /// The IATA code of the place when UN/LOCODE gives one that differs from the code's
    /// last three letters; `""` when none.
    pub fn iata(&self) -> &'static str {
        self.fixed(5, 3)
    }

    /// Whether the place is a seaport: function position 1 is `1` (spec 2.2).
    pub fn is_seaport(&self) -> bool {
        self.function().as_bytes().first() == Some(&b'1')
    }

    /// Whether the place is an airport: function position 4 is `4` (spec 2.2).
    pub fn is_airport(&self) -> bool {
        self.function().as_bytes().get(3) == Some(&b'4')
    }

    /// Whether the entry is marked for deletion (change `X`, status `XX`). A withdrawn
    /// entry does not [resolve](crate::resolve_location) for validation.
    pub fn is_withdrawn(&self) -> bool {
        self.rec()[7] & WITHDRAWN != 0
    }

    /// The upstream remarks of a withdrawn entry (often the code to use instead,
    /// `"Use CN TGO"`); `""` otherwise.
    pub fn remarks(&self) -> &'static str {
        let r = self.rec();
        let start = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize + usize::from(r[4]);
        slice(TEXT, start, usize::from(r[5]))
    }
}

impl core::fmt::Debug for UnLocode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("UnLocode")
            .field("code", &self.code())
            .field("name", &self.name())
            .field("function", &self.function())
            .field("withdrawn", &self.is_withdrawn())
            .finish()
    }
}

/// The digit of a code character in the 34-character alphabet of the key.
#[inline]
fn key_digit(c: u8) -> Option<u16> {
    match c {
        b'2'..=b'9' => Some(u16::from(c - b'2')),
        b'A'..=b'Z' => Some(u16::from(c - b'A') + 8),
        _ => None,
    }
}

/// The range of table positions from bucket `a` to bucket `b` (excluded).
#[inline]
fn bucket_range(a: usize, b: usize) -> Option<(usize, usize)> {
    Some((u32_at(BUCKET, a)? as usize, u32_at(BUCKET, b)? as usize))
}

/// The entry of a UN/LOCODE (exact: five characters, `^[A-Z]{2}[A-Z2-9]{3}$`, no space),
/// withdrawn entries included.
///
/// ```
/// let rtm = codes_data::unlocode("NLRTM").unwrap();
/// assert_eq!(rtm.name(), "Rotterdam");
/// assert_eq!(rtm.country(), "NL");
/// assert_eq!(rtm.function(), "12345---");
/// assert!(rtm.is_seaport());
///
/// let old = codes_data::unlocode("CNTLS").unwrap();
/// assert!(old.is_withdrawn());
/// assert_eq!(old.remarks(), "Use CN TGO");
///
/// assert!(codes_data::unlocode("NL RTM").is_none());
/// assert!(codes_data::unlocode("nlrtm").is_none());
/// ```
pub fn unlocode(code: &str) -> Option<UnLocode> {
    let &[c0, c1, c2, c3, c4] = code.as_bytes() else {
        return None;
    };
    let country = alpha2_index(&[c0, c1])?;
    let d2 = key_digit(c2)?;
    key_digit(c3)?;
    key_digit(c4)?;
    let bucket = country * 34 + usize::from(d2);
    let (lo, hi) = bucket_range(bucket, bucket + 1)?;
    // Within a bucket the codes share their first three characters; the last two are
    // compared in place in `FIXED` (ASCII order is the codes' order: digits sort before
    // letters), so no separate key table is shipped.
    let tail = |i: usize| -> [u8; 2] {
        match FIXED.as_bytes().get(i * WIDTH + 3..i * WIDTH + 5) {
            Some(&[a, b]) => [a, b],
            _ => [u8::MAX; 2],
        }
    };
    if hi * WIDTH > FIXED.len() {
        return None;
    }
    search_by(lo, hi, &[c3, c4], tail).map(|i| UnLocode { idx: i as u32 })
}

/// The number of entries in the UN/LOCODE table.
///
/// ```
/// assert_eq!(codes_data::unlocodes_len(), 115_925);
/// ```
pub fn unlocodes_len() -> usize {
    REC.len() / REC_WIDTH
}

/// The entry at position `i` of the table (sorted by code); `None` past the end.
///
/// ```
/// let first = codes_data::unlocode_at(0).unwrap();
/// assert_eq!(first.code(), "ADALV");
/// assert!(codes_data::unlocode_at(codes_data::unlocodes_len()).is_none());
/// ```
pub fn unlocode_at(i: usize) -> Option<UnLocode> {
    if i < unlocodes_len() {
        Some(UnLocode { idx: i as u32 })
    } else {
        None
    }
}

/// The entries of a country (alpha-2, exact), in code order, withdrawn entries included;
/// empty for anything that is not two upper-case letters.
///
/// ```
/// let be: Vec<_> = codes_data::unlocodes_in_country("BE").collect();
/// assert!(be.iter().any(|l| l.code() == "BEANR"));
/// assert!(be.iter().all(|l| l.country() == "BE"));
/// assert_eq!(codes_data::unlocodes_in_country("be").count(), 0);
/// ```
pub fn unlocodes_in_country(
    alpha2: &str,
) -> impl DoubleEndedIterator<Item = UnLocode> + ExactSizeIterator + Clone {
    let (lo, hi) = alpha2_index(alpha2.as_bytes())
        .and_then(|c| bucket_range(c * 34, (c + 1) * 34))
        .filter(|&(lo, hi)| lo <= hi && hi <= unlocodes_len())
        .unwrap_or((0, 0));
    (lo as u32..hi as u32).map(|idx| UnLocode { idx })
}
