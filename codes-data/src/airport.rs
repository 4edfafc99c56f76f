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

const WIDTH: usize = 9;
const REC_WIDTH: usize = 8;

/// An airport of the airport table: a handle into the static table (cheap to copy).
///
/// An airport has an IATA code, a four-letter ICAO code, or both. Two handles are equal
/// when they name the same airport, whichever code found it.
#[derive(Clone, Copy)]
pub struct Airport {
    idx: u16,
    /// Found by its ICAO code (for [`ResolvedLocation::code`](crate::ResolvedLocation::code)).
    by_icao: bool,
}

impl PartialEq for Airport {
    fn eq(&self, other: &Self) -> bool {
        self.idx == other.idx
    }
}

impl Eq for Airport {}

impl core::hash::Hash for Airport {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.idx.hash(state);
    }
}

impl Airport {
    fn fixed(&self, start: usize, width: usize) -> &'static str {
        field(FIXED, usize::from(self.idx) * WIDTH + start, width)
    }

    fn rec(&self) -> (usize, usize, usize, usize) {
        let o = usize::from(self.idx) * REC_WIDTH;
        match REC.get(o..o + REC_WIDTH) {
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
    pub fn iata(&self) -> Option<&'static str> {
        Some(self.fixed(0, 3)).filter(|s| !s.is_empty())
    }

    /// The four-letter ICAO location indicator, when the airport has one.
    pub fn icao(&self) -> Option<&'static str> {
        Some(self.fixed(3, 4)).filter(|s| !s.is_empty())
    }

    /// The code the airport was found by when it came from [`airport_by_icao`] or a
    /// four-letter [`resolve_location`](crate::resolve_location); otherwise its IATA code
    /// when it has one, else its ICAO code.
    pub(crate) fn code(&self) -> &'static str {
        let (iata, icao) = (self.iata(), self.icao());
        let first = if self.by_icao {
            icao.or(iata)
        } else {
            iata.or(icao)
        };
        first.unwrap_or("")
    }

    /// The name, `"London Heathrow Airport"`.
    pub fn name(&self) -> &'static str {
        let (off, name, _, _) = self.rec();
        slice(TEXT, off, name)
    }

    /// The city served, `"London"`; `""` when the source gives none.
    pub fn city(&self) -> &'static str {
        let (off, name, city, _) = self.rec();
        slice(TEXT, off + name, city)
    }

    /// The subdivision as the source names it (`"England"`, `"Flanders"`); `""` when none.
    pub fn subdivision(&self) -> &'static str {
        let (off, name, city, subd) = self.rec();
        slice(TEXT, off + name + city, subd)
    }

    /// The ISO 3166-1 alpha-2 country, as the source gives it (`"GB"`; note that the source
    /// uses `XK` for Kosovo, which is not an ISO code).
    pub fn country(&self) -> &'static str {
        self.fixed(7, 2)
    }
}

impl core::fmt::Debug for Airport {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Airport")
            .field("iata", &self.iata())
            .field("icao", &self.icao())
            .field("name", &self.name())
            .field("country", &self.country())
            .finish()
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
pub fn airport_by_iata(code: &str) -> Option<Airport> {
    let i = alpha3_index(code.as_bytes())?;
    let v = u16_at(BY_IATA, i)?;
    Some(Airport {
        idx: v.checked_sub(1)?,
        by_icao: false,
    })
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
pub fn airport_by_icao(code: &str) -> Option<Airport> {
    let &[c0, c1, c2, c3] = code.as_bytes() else {
        return None;
    };
    let prefix = alpha2_index(&[c0, c1])?;
    let key = alpha2_index(&[c2, c3])? as u16;
    let lo = u32_at(ICAO_PREFIX, prefix)? as usize;
    let hi = u32_at(ICAO_PREFIX, prefix + 1)? as usize;
    let pos = search_u16(ICAO_KEYS, 2, lo, hi, key)?;
    let idx = u16_at(ICAO_ENTRIES, pos)?;
    Some(Airport { idx, by_icao: true })
}

/// The number of airports in the table.
///
/// ```
/// assert_eq!(codes_data::airports_len(), 17_340);
/// ```
pub fn airports_len() -> usize {
    FIXED.len() / WIDTH
}

/// The airport at position `i` of the table (sorted by country, then ICAO, then IATA
/// code); `None` past the end.
///
/// ```
/// assert!(codes_data::airport_at(0).is_some());
/// assert!(codes_data::airport_at(codes_data::airports_len()).is_none());
/// ```
pub fn airport_at(i: usize) -> Option<Airport> {
    if i < airports_len() {
        Some(Airport {
            idx: u16::try_from(i).ok()?,
            by_icao: false,
        })
    } else {
        None
    }
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
) -> impl DoubleEndedIterator<Item = Airport> + ExactSizeIterator + Clone {
    let range = alpha2_index(alpha2.as_bytes())
        .and_then(|c| Some((u32_at(COUNTRY, c)?, u32_at(COUNTRY, c + 1)?)))
        .filter(|&(lo, hi)| lo <= hi && hi as usize <= airports_len())
        .unwrap_or((0, 0));
    // `airports_len()` is below 2¹⁶ (checked by the build script), so the indexes fit in u16.
    (range.0 as u16..range.1 as u16).map(|idx| Airport {
        idx,
        by_icao: false,
    })
}
