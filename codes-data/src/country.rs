//! ISO 3166-1 countries (spec 4, CEN-COD-001).

use crate::blob::{alpha2_index, alpha3_index, blob};
use crate::Lang;

/// An ISO 3166-1 country, with its short name in the six languages.
///
/// Only officially assigned codes are in the table (249); the record's pseudo-codes `XX`
/// (unknown) and `XZ` (international waters) are not countries and are not found here.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Country {
    alpha2: &'static str,
    alpha3: &'static str,
    numeric: u16,
    names: [&'static str; 6],
}

// `static COUNTRIES: [Country; N]`, sorted by alpha-2.
include!(concat!(env!("OUT_DIR"), "/countries.rs"));

/// 26² bytes: country index + 1 per alpha-2 code, 0 when unassigned.
static BY_ALPHA2: &[u8; 26 * 26] = blob!("country_alpha2.bin");
/// 26³ bytes: country index + 1 per alpha-3 code, 0 when unassigned.
static BY_ALPHA3: &[u8; 26 * 26 * 26] = blob!("country_alpha3.bin");

impl Country {
    /// The alpha-2 code, `"BE"`.
    pub fn alpha2(&self) -> &'static str {
        self.alpha2
    }

    /// The alpha-3 code, `"BEL"`.
    pub fn alpha3(&self) -> &'static str {
        self.alpha3
    }

    /// The numeric code, `56` for Belgium (written `056`).
    pub fn numeric(&self) -> u16 {
        self.numeric
    }

    /// The name in `lang`, from the Unicode CLDR (`Türkiye`, `Turquie`, `تركيا`).
    pub fn name(&self, lang: Lang) -> &'static str {
        self.names[lang.index()]
    }
}

fn by_index(v: u8) -> Option<&'static Country> {
    COUNTRIES.get(usize::from(v).checked_sub(1)?)
}

/// The country of an ISO 3166-1 alpha-2 code (exact, upper case).
///
/// ```
/// use codes_data::{country, Lang};
/// let be = country("BE").unwrap();
/// assert_eq!(be.alpha3(), "BEL");
/// assert_eq!(be.numeric(), 56);
/// assert_eq!(be.name(Lang::Fr), "Belgique");
/// assert!(country("be").is_none());
/// assert!(country("XX").is_none()); // a pseudo-code, not a country
/// ```
pub fn country(alpha2: &str) -> Option<&'static Country> {
    let i = alpha2_index(alpha2.as_bytes())?;
    by_index(*BY_ALPHA2.get(i)?)
}

/// The country of an ISO 3166-1 alpha-3 code (exact, upper case).
///
/// ```
/// assert_eq!(codes_data::country_by_alpha3("NLD").unwrap().alpha2(), "NL");
/// assert!(codes_data::country_by_alpha3("NL").is_none());
/// ```
pub fn country_by_alpha3(alpha3: &str) -> Option<&'static Country> {
    let i = alpha3_index(alpha3.as_bytes())?;
    by_index(*BY_ALPHA3.get(i)?)
}

/// Every country, sorted by alpha-2 code.
///
/// ```
/// let all = codes_data::countries();
/// assert_eq!(all.len(), 249);
/// assert_eq!(all[0].alpha2(), "AD");
/// ```
pub fn countries() -> &'static [Country] {
    &COUNTRIES
}
