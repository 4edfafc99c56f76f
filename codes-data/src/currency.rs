//! ISO 4217 currencies (spec 4, CEN-COD-003, CEN-QTY-002).

use crate::blob::{alpha3_index, blob};
use crate::Lang;

/// An ISO 4217 currency, with its minor units and its name in the six languages.
///
/// Every entry is a current ISO 4217 code for validation, including funds (`BOV`),
/// special units (`XAU`, `XDR`, `XXX`) and a code that ISO marks as being replaced
/// (`VES`, see [`Currency::superseded_by`]).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    alpha3: &'static str,
    numeric: u16,
    minor_units: Option<u8>,
    fund: bool,
    special: bool,
    superseded_by: Option<&'static str>,
    names: [&'static str; 6],
}

// `static CURRENCIES: [Currency; N]`, sorted by alpha-3.
include!(concat!(env!("OUT_DIR"), "/currencies.rs"));

/// 26³ bytes: currency index + 1 per alpha-3 code, 0 when not a currency.
static BY_ALPHA3: &[u8; 26 * 26 * 26] = blob!("currency_alpha3.bin");

impl Currency {
    /// The alphabetic code, `"EUR"`.
    pub fn alpha3(&self) -> &'static str {
        self.alpha3
    }

    /// The numeric code, `978` for the euro.
    pub fn numeric(&self) -> u16 {
        self.numeric
    }

    /// The number of decimals of an amount (USD 2, JPY 0, BHD 3); `None` for units that
    /// have none, such as gold (`XAU`) or the SDR (`XDR`).
    pub fn minor_units(&self) -> Option<u8> {
        self.minor_units
    }

    /// Whether ISO lists the code as a fund (`BOV`, `CLF`, `USN`, ...).
    pub fn is_fund(&self) -> bool {
        self.fund
    }

    /// Whether the code is a special unit: precious metals, bond market units, the SDR,
    /// the testing code `XTS`, or `XXX` (no currency).
    pub fn is_special(&self) -> bool {
        self.special
    }

    /// The code announced to replace this one, when ISO lists one (`VES` → `VED`). The
    /// code stays current for validation until ISO withdraws it.
    pub fn superseded_by(&self) -> Option<&'static str> {
        self.superseded_by
    }

    /// The name in `lang`, from the Unicode CLDR (English where CLDR has none).
    pub fn name(&self, lang: Lang) -> &'static str {
        self.names[lang.index()]
    }
}

/// The currency of an ISO 4217 alphabetic code (exact, upper case).
///
/// ```
/// use codes_data::{currency, Lang};
/// let jpy = currency("JPY").unwrap();
/// assert_eq!(jpy.minor_units(), Some(0));
/// assert_eq!(jpy.numeric(), 392);
/// assert_eq!(currency("BHD").unwrap().minor_units(), Some(3));
/// assert_eq!(currency("XAU").unwrap().minor_units(), None);
/// assert_eq!(currency("EUR").unwrap().name(Lang::En), "Euro");
/// assert!(currency("usd").is_none());
/// assert!(currency("HRK").is_none()); // withdrawn in 2023
/// ```
pub fn currency(alpha3: &str) -> Option<&'static Currency> {
    let i = alpha3_index(alpha3.as_bytes())?;
    let v = *BY_ALPHA3.get(i)?;
    CURRENCIES.get(usize::from(v).checked_sub(1)?)
}

/// Every currency, sorted by alphabetic code.
///
/// ```
/// assert_eq!(codes_data::currencies().len(), 178);
/// ```
pub fn currencies() -> &'static [Currency] {
    &CURRENCIES
}
