//! Airports by IATA and ICAO code (spec 2.2 and 4, CEN-COD-002).
//!
//! Layout (written by the build script `build/`, M entries sorted by country):
//! - `BY_IATA`: 26³ × `u16`: entry + 1 per IATA code, 0 when none;
//! - `ICAO_PREFIX`: 26² + 1 `u32`: the ICAO codes starting with letters `ab` are at
//!   positions `ICAO_PREFIX[ab]..ICAO_PREFIX[ab + 1]` of
//! - `ICAO_KEYS`: `u16` keys of the last two letters (26² index), sorted within a prefix,
//!   and `ICAO_ENTRIES`: the `u16` entry of each;
//! - `COUNTRY`: 26² + 1 `u32`: the entries of a country are a range;
//! - `FIXED`: M × 9 ASCII: IATA (3), ICAO (4), country (2), space-padded;
//! - `REC`: M × 8 bytes: offset in `TEXT` (`u32`), lengths of name, city, subdivision
//!   (stored in that order), 0.

use std::borrow::Cow;

use crate::blob::{
    alpha2_index, alpha3_index, blob, field, search_u16, slice, text, u16_at, u32_at,
};

static BY_IATA: &[u8; 26 * 26 * 26 * 2] = blob!("airport_iata.bin");
static ICAO_PREFIX: &[u8; (26 * 26 + 1) * 4] = blob!("airport_icao_prefix.bin");
static ICAO_KEYS: &[u8] = blob!("airport_icao_keys.bin");
static ICAO_ENTRIES: &[u8] = blob!("airport_icao_entries.bin");
static COUNTRY: &[u8; (26 * 26 + 1) * 4] = blob!("airport_country.bin");
static FIXED: &str = text!("airport_fixed.txt");
static REC: &[u8] = blob!("airport_rec.bin");
static TEXT: &str = text!("airport_text.txt");

/// The built-in table.
pub(crate) static BUILTIN: AirportTable = AirportTable {
    by_iata: Cow::Borrowed(BY_IATA),
    icao_prefix: Cow::Borrowed(ICAO_PREFIX),
    icao_keys: Cow::Borrowed(ICAO_KEYS),
    icao_entries: Cow::Borrowed(ICAO_ENTRIES),
    country: Cow::Borrowed(COUNTRY),
    fixed: Cow::Borrowed(FIXED),
    rec: Cow::Borrowed(REC),
    text: Cow::Borrowed(TEXT),
};

pub(crate) const WIDTH: usize = 9;
pub(crate) const REC_WIDTH: usize = 8;

/// An airport table in the layout above: the built-in one ([`BUILTIN`]) or one of a
/// [table pack](crate::Tables). The same code reads both. Without names, `rec` and `text`
/// are empty.
#[derive(Clone, Debug)]
pub(crate) struct AirportTable {
    pub(crate) by_iata: Cow<'static, [u8]>,
    pub(crate) icao_prefix: Cow<'static, [u8]>,
    pub(crate) icao_keys: Cow<'static, [u8]>,
    pub(crate) icao_entries: Cow<'static, [u8]>,
    pub(crate) country: Cow<'static, [u8]>,
    pub(crate) fixed: Cow<'static, str>,
    pub(crate) rec: Cow<'static, [u8]>,
    pub(crate) text: Cow<'static, str>,
}

/// An airport of the airport table: a handle into its table (cheap to copy; the data lives
/// as long as the table: `'static` for the built-in one).
///
/// An airport has an IATA code, a four-letter ICAO code, or both. Two handles are equal
/// when they name the same airport of the same table, whichever code found it.
#[derive(Clone, Copy)]
pub struct Airport<'t> {
    t: &'t AirportTable,
    idx: u16,
    /// Found by its ICAO code (for [`ResolvedLocation::code`](crate::ResolvedLocation::code)).
    by_icao: bool,
}

impl PartialEq for Airport<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.idx == other.idx && core::ptr::eq(self.t, other.t)
    }
}

impl Eq for Airport<'_> {}

impl core::hash::Hash for Airport<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.idx.hash(state);
    }
}

impl<'t> Airport<'t> {
    fn fixed(&self, start: usize, width: usize) -> &'t str {
        field(&self.t.fixed, usize::from(self.idx) * WIDTH + start, width)
    }

    fn rec(&self) -> (usize, usize, usize, usize) {
        let o = usize::from(self.idx) * REC_WIDTH;
        match self.t.rec.get(o..o + REC_WIDTH) {
            Some(&[a, b, c, d, name, city, subd, _]) => (
                u32::from_le_bytes([a, b, c, d]) as usize,
                usize::from(name),
                usize::from(city),
                usize::from(subd),
            ),
            _ => (0, 0, 0, 0),
        }
    }

    /// The position of the airport in the table (`airport_at(a.index()) == Some(a)`).
    pub fn index(&self) -> usize {
        usize::from(self.idx)
    }

    /// The three-letter IATA code, when the airport has one.
    pub fn iata(&self) -> Option<&'t str> {
        Some(self.fixed(0, 3)).filter(|s| !s.is_empty())
    }

    /// The four-letter ICAO location indicator, when the airport has one.
    pub fn icao(&self) -> Option<&'t str> {
        Some(self.fixed(3, 4)).filter(|s| !s.is_empty())
    }

    /// The code the airport was found by when it came from [`airport_by_icao`] or a
    /// four-letter [`resolve_location`](crate::resolve_location); otherwise its IATA code
    /// when it has one, else its ICAO code.
    pub(crate) fn code(&self) -> &'t str {
        let (iata, icao) = (self.iata(), self.icao());
        let first = if self.by_icao {
            icao.or(iata)
        } else {
            iata.or(icao)
        };
        first.unwrap_or("")
    }

    /// The name, `"London Heathrow Airport"`.
    pub fn name(&self) -> &'t str {
        let (off, name, _, _) = self.rec();
        slice(&self.t.text, off, name)
    }

    /// The city served, `"London"`; `""` when the source gives none.
    pub fn city(&self) -> &'t str {
        let (off, name, city, _) = self.rec();
        slice(&self.t.text, off + name, city)
    }

    /// The subdivision as the source names it (`"England"`, `"Flanders"`); `""` when none.
    pub fn subdivision(&self) -> &'t str {
        let (off, name, city, subd) = self.rec();
        slice(&self.t.text, off + name + city, subd)
    }

    /// The ISO 3166-1 alpha-2 country, as the source gives it (`"GB"`; note that the source
    /// uses `XK` for Kosovo, which is not an ISO code).
    pub fn country(&self) -> &'t str {
        self.fixed(7, 2)
    }
}

impl core::fmt::Debug for Airport<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Airport")
            .field("iata", &self.iata())
            .field("icao", &self.icao())
            .field("name", &self.name())
            .field("country", &self.country())
            .finish()
    }
}

impl AirportTable {
    pub(crate) fn len(&self) -> usize {
        self.fixed.len() / WIDTH
    }

    pub(crate) fn by_iata(&self, code: &str) -> Option<Airport<'_>> {
        let i = alpha3_index(code.as_bytes())?;
        let v = u16_at(&self.by_iata, i)?;
        let idx = v.checked_sub(1)?;
        (usize::from(idx) < self.len()).then_some(Airport {
            t: self,
            idx,
            by_icao: false,
        })
    }

    pub(crate) fn by_icao(&self, code: &str) -> Option<Airport<'_>> {
        let &[c0, c1, c2, c3] = code.as_bytes() else {
            return None;
        };
        let prefix = alpha2_index(&[c0, c1])?;
        let key = alpha2_index(&[c2, c3])? as u16;
        let lo = u32_at(&self.icao_prefix, prefix)? as usize;
        let hi = u32_at(&self.icao_prefix, prefix + 1)? as usize;
        let pos = search_u16(&self.icao_keys, 2, lo, hi, key)?;
        let idx = u16_at(&self.icao_entries, pos)?;
        (usize::from(idx) < self.len()).then_some(Airport {
            t: self,
            idx,
            by_icao: true,
        })
    }

    pub(crate) fn at(&self, i: usize) -> Option<Airport<'_>> {
        if i < self.len() {
            Some(Airport {
                t: self,
                idx: u16::try_from(i).ok()?,
                by_icao: false,
            })
        } else {
            None
        }
    }

    pub(crate) fn in_country(
        &self,
        alpha2: &str,
    ) -> impl DoubleEndedIterator<Item = Airport<'_>> + ExactSizeIterator + Clone {
        let range = alpha2_index(alpha2.as_bytes())
            .and_then(|c| Some((u32_at(&self.country, c)?, u32_at(&self.country, c + 1)?)))
            .filter(|&(lo, hi)| lo <= hi && (hi as usize) <= self.len().min(usize::from(u16::MAX)))
            .unwrap_or((0, 0));
        // The length is below 2¹⁶ (checked by the build script and the pack loader), so
        // the indexes fit in u16.
        (range.0 as u16..range.1 as u16).map(move |idx| Airport {
            t: self,
            idx,
            by_icao: false,
        })
    }
}

/// The airport of an IATA code (exact: three upper-case letters).
///
/// ```
/// let lhr = codes_data::airport_by_iata("LHR").unwrap();
/// assert_eq!(lhr.icao(), Some("EGLL"));
/// assert_eq!(lhr.name(), "London Heathrow Airport");
/// assert_eq!(lhr.country(), "GB");
/// assert!(codes_data::airport_by_iata("lhr").is_none());
/// ```
pub fn airport_by_iata(code: &str) -> Option<Airport<'static>> {
    BUILTIN.by_iata(code)
}

/// The airport of an ICAO location indicator (exact: four upper-case letters; the local
/// identifiers of the source, such as `00AA`, are not ICAO codes and are not found).
///
/// ```
/// let bru = codes_data::airport_by_icao("EBBR").unwrap();
/// assert_eq!(bru.iata(), Some("BRU"));
/// assert_eq!(bru.country(), "BE");
/// assert!(codes_data::airport_by_icao("00AA").is_none());
/// ```
pub fn airport_by_icao(code: &str) -> Option<Airport<'static>> {
    BUILTIN.by_icao(code)
}

/// The number of airports in the table.
///
/// ```
/// assert_eq!(codes_data::airports_len(), 17_340);
/// ```
pub fn airports_len() -> usize {
    BUILTIN.len()
}

/// The airport at position `i` of the table (sorted by country, then ICAO, then IATA
/// code); `None` past the end.
///
/// ```
/// assert!(codes_data::airport_at(0).is_some());
/// assert!(codes_data::airport_at(codes_data::airports_len()).is_none());
/// ```
pub fn airport_at(i: usize) -> Option<Airport<'static>> {
    BUILTIN.at(i)
}

/// The airports of a country (alpha-2, exact, as the source writes it: `XK` works too);
/// empty for anything else.
///
/// ```
/// let be: Vec<_> = codes_data::airports_in_country("BE").collect();
/// assert!(be.iter().any(|a| a.iata() == Some("BRU")));
/// assert!(be.iter().all(|a| a.country() == "BE"));
/// ```
pub fn airports_in_country(
    alpha2: &str,
) -> impl DoubleEndedIterator<Item = Airport<'static>> + ExactSizeIterator + Clone {
    BUILTIN.in_country(alpha2)
}
