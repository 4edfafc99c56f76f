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

use std::borrow::Cow;

use crate::blob::{alpha2_index, blob, field, search_by, slice, text, u32_at};

static BUCKET: &[u8; (26 * 26 * 34 + 1) * 4] = blob!("unlocode_bucket.bin");
static FIXED: &str = text!("unlocode_fixed.txt");
static REC: &[u8] = blob!("unlocode_rec.bin");
static TEXT: &str = text!("unlocode_text.txt");
/// The distinct functions, 8 characters each, sorted.
static FUNCTIONS: &str = text!("unlocode_functions.txt");
/// The distinct statuses, 2 characters each (`"  "` for none), sorted.
static STATUSES: &str = text!("unlocode_statuses.txt");

/// The built-in table.
pub(crate) static BUILTIN: UnlocodeTable = UnlocodeTable {
    bucket: Cow::Borrowed(BUCKET),
    fixed: Cow::Borrowed(FIXED),
    rec: Cow::Borrowed(REC),
    text: Cow::Borrowed(TEXT),
    functions: Cow::Borrowed(FUNCTIONS),
    statuses: Cow::Borrowed(STATUSES),
    names: cfg!(feature = "names"),
};

/// Bytes per entry in `fixed` and `rec`, with names (`names`) or without.
pub(crate) const fn widths(names: bool) -> (usize, usize) {
    if names {
        (11, 8)
    } else {
        (5, 2)
    }
}
const WITHDRAWN: u8 = 1;
/// Number of buckets: 26² countries × 34 characters.
pub(crate) const BUCKETS: usize = 26 * 26 * 34;

/// A UN/LOCODE table in the layout above: the built-in one ([`BUILTIN`]) or one of a
/// [table pack](crate::Tables). The same code reads both.
#[derive(Clone, Debug)]
pub(crate) struct UnlocodeTable {
    pub(crate) bucket: Cow<'static, [u8]>,
    pub(crate) fixed: Cow<'static, str>,
    pub(crate) rec: Cow<'static, [u8]>,
    pub(crate) text: Cow<'static, str>,
    pub(crate) functions: Cow<'static, str>,
    pub(crate) statuses: Cow<'static, str>,
    /// Whether `fixed` and `rec` hold the names (11 and 8 bytes per entry) or not (5 and 2).
    pub(crate) names: bool,
}

/// A UN/LOCODE entry: a handle into its table (cheap to copy; every accessor returns data
/// that lives as long as the table: `'static` for the built-in table).
///
/// The table holds one entry per code, including entries marked for deletion, which are
/// flagged [`withdrawn`](UnLocode::is_withdrawn) and keep their remarks (`"Use CN TGO"`).
#[derive(Clone, Copy)]
pub struct UnLocode<'t> {
    t: &'t UnlocodeTable,
    /// Position in the table (the order of the codes).
    idx: u32,
}

impl PartialEq for UnLocode<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.idx == other.idx && core::ptr::eq(self.t, other.t)
    }
}

impl Eq for UnLocode<'_> {}

impl core::hash::Hash for UnLocode<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.idx.hash(state);
    }
}

impl PartialOrd for UnLocode<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for UnLocode<'_> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        (self.idx, self.t as *const UnlocodeTable as usize)
            .cmp(&(other.idx, other.t as *const UnlocodeTable as usize))
    }
}

impl<'t> UnLocode<'t> {
    fn width(&self) -> usize {
        widths(self.t.names).0
    }

    fn fixed(&self, start: usize, width: usize) -> &'t str {
        if start + width > self.width() {
            return "";
        }
        field(
            &self.t.fixed,
            self.idx as usize * self.width() + start,
            width,
        )
    }

    /// The 8-byte record: text offset, name and remarks lengths, function, status.
    fn rec(&self) -> [u8; 8] {
        let w = widths(self.t.names).1;
        let o = self.idx as usize * w;
        match self.t.rec.get(o..o + w) {
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
    pub fn code(&self) -> &'t str {
        slice(&self.t.fixed, self.idx as usize * self.width(), 5)
    }

    /// The ISO 3166-1 alpha-2 country: the first two characters of the code (`"NL"`).
    /// `XZ` (installations in international waters) is not an ISO country.
    pub fn country(&self) -> &'t str {
        slice(&self.t.fixed, self.idx as usize * self.width(), 2)
    }

    /// The name as UN/LOCODE writes it, with diacritics (`"Rotterdam"`,
    /// `"Charles-de-Gaulle Apt/Paris"`).
    pub fn name(&self) -> &'t str {
        let r = self.rec();
        slice(
            &self.t.text,
            u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize,
            usize::from(r[4]),
        )
    }

    /// The ISO 3166-2 subdivision code without the country (`"ZH"`); `""` when none.
    pub fn subdivision(&self) -> &'t str {
        self.fixed(8, 3)
    }

    /// The 8-position function classifier, `"12345---"`: position 1 `1` seaport, 2 `2`
    /// rail, 3 `3` road, 4 `4` airport, 5 `5` postal exchange office, 6 `6` multimodal,
    /// 7 `7` fixed installation, 8 `B` border crossing, `-` for no; `0` means not known.
    pub fn function(&self) -> &'t str {
        slice(&self.t.functions, usize::from(self.rec()[6]) * 8, 8)
    }

    /// The two-letter status (`"AF"`, `"RL"`, ...); `""` for the few entries without one.
    pub fn status(&self) -> &'t str {
        field(&self.t.statuses, usize::from(self.rec()[7] >> 1) * 2, 2)
    }

    /// The IATA code of the place when UN/LOCODE gives one that differs from the code's
    /// last three letters; `""` when none.
    pub fn iata(&self) -> &'t str {
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
    pub fn remarks(&self) -> &'t str {
        let r = self.rec();
        let start = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize + usize::from(r[4]);
        slice(&self.t.text, start, usize::from(r[5]))
    }
}

impl core::fmt::Debug for UnLocode<'_> {
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

/// The position of `code` in a table laid out as above (`bucket`, `fixed` with `WIDTH` bytes
/// per entry); `None` when absent or malformed.
#[inline(always)]
fn find<const WIDTH: usize>(bucket: &[u8], fixed: &[u8], code: &str) -> Option<u32> {
    let &[c0, c1, c2, c3, c4] = code.as_bytes() else {
        return None;
    };
    let country = alpha2_index(&[c0, c1])?;
    let d2 = key_digit(c2)?;
    key_digit(c3)?;
    key_digit(c4)?;
    let b = country * 34 + usize::from(d2);
    let lo = u32_at(bucket, b)? as usize;
    let hi = u32_at(bucket, b + 1)? as usize;
    // Within a bucket the codes share their first three characters; the last two are
    // compared in place in `fixed` (ASCII order is the codes' order: digits sort before
    // letters), so no separate key table is shipped.
    let tail = |i: usize| -> [u8; 2] {
        match fixed.get(i * WIDTH + 3..i * WIDTH + 5) {
            Some(&[a, b]) => [a, b],
            _ => [u8::MAX; 2],
        }
    };
    if hi.checked_mul(WIDTH)? > fixed.len() {
        return None;
    }
    search_by(lo, hi, &[c3, c4], tail).map(|i| i as u32)
}

impl UnlocodeTable {
    /// The range of table positions from bucket `a` to bucket `b` (excluded).
    #[inline]
    fn bucket_range(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        Some((
            u32_at(&self.bucket, a)? as usize,
            u32_at(&self.bucket, b)? as usize,
        ))
    }

    pub(crate) fn len(&self) -> usize {
        self.rec.len() / widths(self.names).1
    }

    pub(crate) fn get(&self, code: &str) -> Option<UnLocode<'_>> {
        // The built-in table is searched through its statics, whose lengths and row width are
        // constants: through the `Cow` fields the same search ran 1.3x slower (BENCHMARKS.md,
        // "UN/LOCODE look-ups and table packs").
        let idx = if core::ptr::eq(self, &BUILTIN) {
            find::<{ widths(cfg!(feature = "names")).0 }>(BUCKET, FIXED.as_bytes(), code)
        } else if self.names {
            find::<{ widths(true).0 }>(&self.bucket, self.fixed.as_bytes(), code)
        } else {
            find::<{ widths(false).0 }>(&self.bucket, self.fixed.as_bytes(), code)
        }?;
        Some(UnLocode { t: self, idx })
    }

    pub(crate) fn at(&self, i: usize) -> Option<UnLocode<'_>> {
        if i < self.len() {
            Some(UnLocode {
                t: self,
                idx: i as u32,
            })
        } else {
            None
        }
    }

    pub(crate) fn in_country(
        &self,
        alpha2: &str,
    ) -> impl DoubleEndedIterator<Item = UnLocode<'_>> + ExactSizeIterator + Clone {
        let (lo, hi) = alpha2_index(alpha2.as_bytes())
            .and_then(|c| self.bucket_range(c * 34, (c + 1) * 34))
            .filter(|&(lo, hi)| lo <= hi && hi <= self.len())
            .unwrap_or((0, 0));
        (lo as u32..hi as u32).map(move |idx| UnLocode { t: self, idx })
    }
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
pub fn unlocode(code: &str) -> Option<UnLocode<'static>> {
    BUILTIN.get(code)
}

/// The number of entries in the UN/LOCODE table.
///
/// ```
/// assert_eq!(codes_data::unlocodes_len(), 115_925);
/// ```
pub fn unlocodes_len() -> usize {
    BUILTIN.len()
}

/// The entry at position `i` of the table (sorted by code); `None` past the end.
///
/// ```
/// let first = codes_data::unlocode_at(0).unwrap();
/// assert_eq!(first.code(), "ADALV");
/// assert!(codes_data::unlocode_at(codes_data::unlocodes_len()).is_none());
/// ```
pub fn unlocode_at(i: usize) -> Option<UnLocode<'static>> {
    BUILTIN.at(i)
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
) -> impl DoubleEndedIterator<Item = UnLocode<'static>> + ExactSizeIterator + Clone {
    BUILTIN.in_country(alpha2)
}
