//! ISO 4217 currencies (spec 4, CEN-COD-003, CEN-QTY-002).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::blob::{alpha3_index, join_parts, part};
use crate::Lang;

/// An ISO 4217 currency, with its minor units and its name in the six languages.
///
/// Every entry is a current ISO 4217 code for validation, including funds (`BOV`),
/// special units (`XAU`, `XDR`, `XXX`) and a code that ISO marks as being replaced
/// (`VES`, see [`Currency::superseded_by`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    /// The code, the code that supersedes it (empty: none) and the six names, one after the
    /// other (one text per row keeps the built-in table small: the `.wasm` carries it).
    text: Cow<'static, str>,
    /// Where each of the eight parts of `text` ends.
    ends: [u16; 8],
    numeric: u16,
    minor_units: Option<u8>,
    fund: bool,
    special: bool,
}

// `static CURRENCIES: [Currency; N]`, sorted by alpha-3.
include!(concat!(env!("OUT_DIR"), "/currencies.rs"));

impl Currency {
    /// The alphabetic code, `"EUR"`.
    pub fn alpha3(&self) -> &str {
        part(&self.text, &self.ends, 0)
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
    pub fn superseded_by(&self) -> Option<&str> {
        Some(part(&self.text, &self.ends, 1)).filter(|code| !code.is_empty())
    }

    /// The name in `lang`, from the Unicode CLDR (English where CLDR has none).
    pub fn name(&self, lang: Lang) -> &str {
        part(&self.text, &self.ends, 2 + lang.index())
    }

    /// A currency of a table pack's, from the cells of `data/currencies.tsv` (and of
    /// `shared/codes/currencies.csv`): checked as the build script checks the built-in ones.
    pub(crate) fn new(
        alpha3: &str,
        numeric: &str,
        minor_units: &str,
        flags: &str,
        names: [&str; 6],
    ) -> Result<Currency, String> {
        if alpha3_index(alpha3.as_bytes()).is_none() {
            return Err(format!("code {alpha3:?} is not three letters A-Z"));
        }
        let numeric = crate::blob::numeric3(numeric)
            .ok_or_else(|| format!("{alpha3}: numeric code {numeric:?} is not three digits"))?;
        let minor_units = match minor_units {
            "" => None,
            m => Some(
                m.parse::<u8>()
                    .ok()
                    .filter(|v| *v <= 9)
                    .ok_or_else(|| format!("{alpha3}: minor units {m:?} are not 0 to 9"))?,
            ),
        };
        let (fund, special, superseded_by) = match flags {
            "" => (false, false, ""),
            "fund" => (true, false, ""),
            "special" => (false, true, ""),
            f => match f
                .strip_prefix("superseded(")
                .and_then(|s| s.strip_suffix(')'))
            {
                Some(code) if alpha3_index(code.as_bytes()).is_some() => (false, false, code),
                _ => {
                    return Err(format!(
                        "{alpha3}: flags {f:?}: expected nothing, fund, special or superseded(CODE)"
                    ))
                }
            },
        };
        if let Some(lang) = Lang::ALL.iter().find(|l| names[l.index()].is_empty()) {
            return Err(format!("{alpha3}: no name in {}", lang.code()));
        }
        let [en, fr, es, ru, ar, pt] = names;
        let (text, ends) = join_parts([alpha3, superseded_by, en, fr, es, ru, ar, pt])
            .ok_or_else(|| format!("{alpha3}: names longer than 65,535 bytes"))?;
        Ok(Currency {
            text: Cow::Owned(text),
            ends,
            numeric,
            minor_units,
            fund,
            special,
        })
    }

    fn flags(&self) -> String {
        match (self.superseded_by(), self.fund, self.special) {
            (Some(code), _, _) => format!("superseded({code})"),
            (None, true, _) => "fund".into(),
            (None, false, true) => "special".into(),
            (None, false, false) => String::new(),
        }
    }
}

/// The currencies of a table: the built-in one ([`BUILTIN`]) or a pack's.
#[derive(Clone, Debug)]
pub(crate) struct CurrencyTable {
    /// Sorted by alphabetic code.
    rows: Cow<'static, [Currency]>,
    /// 26³ bytes: the row + 1 of each alphabetic code, 0 when unassigned. Built from the rows
    /// (for the built-in table at first use: shipped, it would add 0.7 KB to the gzipped
    /// WebAssembly module).
    by_alpha3: OnceLock<Box<[u8]>>,
}

pub(crate) static BUILTIN: CurrencyTable = CurrencyTable {
    rows: Cow::Borrowed(&CURRENCIES),
    by_alpha3: OnceLock::new(),
};

/// The index of `rows` (see `CurrencyTable::by_alpha3`); an error names a code that is not
/// three letters, or that is repeated.
fn index_of(rows: &[Currency]) -> Result<Box<[u8]>, String> {
    let mut by_alpha3 = vec![0u8; 26 * 26 * 26].into_boxed_slice();
    for (i, c) in rows.iter().enumerate() {
        let Some(i3) = alpha3_index(c.alpha3().as_bytes()) else {
            return Err(format!("{}: bad code", c.alpha3()));
        };
        if by_alpha3[i3] != 0 {
            return Err(format!("{}: repeated", c.alpha3()));
        }
        by_alpha3[i3] = (i + 1) as u8;
    }
    Ok(by_alpha3)
}

/// The header of a pack's `currencies` section (the columns of `data/currencies.tsv`).
pub(crate) const TSV_HEADER: &str =
    "alpha3\tnumeric\tminor_units\tflags\tname_en\tname_fr\tname_es\tname_ru\tname_ar\tname_pt";

impl CurrencyTable {
    /// A table of `rows` in any order: each code once, at most 254 currencies.
    pub(crate) fn new(mut rows: Vec<Currency>) -> Result<CurrencyTable, String> {
        rows.sort_by(|a, b| a.alpha3().cmp(b.alpha3()));
        if rows.len() > 254 {
            return Err(format!("{} currencies, at most 254", rows.len()));
        }
        let by_alpha3 = index_of(&rows)?;
        Ok(CurrencyTable {
            rows: Cow::Owned(rows),
            by_alpha3: OnceLock::from(by_alpha3),
        })
    }

    pub(crate) fn get(&self, alpha3: &str) -> Option<&Currency> {
        // The built-in rows are checked by the build script: their index is always built.
        let by_alpha3 = self
            .by_alpha3
            .get_or_init(|| index_of(&self.rows).unwrap_or_default());
        let v = *by_alpha3.get(alpha3_index(alpha3.as_bytes())?)?;
        self.rows.get(usize::from(v).checked_sub(1)?)
    }

    pub(crate) fn rows(&self) -> &[Currency] {
        &self.rows
    }

    /// The table as a pack's `currencies` section: [`TSV_HEADER`], then a row per currency.
    pub(crate) fn to_tsv(&self) -> String {
        let fixed: Vec<[String; 3]> = self
            .rows
            .iter()
            .map(|c| {
                let minor = c.minor_units.map_or(String::new(), |m| m.to_string());
                [format!("{:03}", c.numeric), minor, c.flags()]
            })
            .collect();
        crate::tsv::tsv_section(
            TSV_HEADER,
            self.rows
                .iter()
                .zip(&fixed)
                .map(|(c, [numeric, minor, flags])| {
                    let mut cells =
                        vec![c.alpha3(), numeric.as_str(), minor.as_str(), flags.as_str()];
                    cells.extend(Lang::ALL.iter().map(|l| c.name(*l)));
                    cells
                }),
        )
    }

    /// Reads a pack's `currencies` section (untrusted: every row is checked).
    pub(crate) fn from_tsv(text: &str) -> Result<CurrencyTable, String> {
        let rows = crate::tsv::tsv_rows::<10>(text, TSV_HEADER)?
            .into_iter()
            .map(|[a3, numeric, minor, flags, en, fr, es, ru, ar, pt]| {
                Currency::new(a3, numeric, minor, flags, [en, fr, es, ru, ar, pt])
            })
            .collect::<Result<Vec<_>, _>>()?;
        CurrencyTable::new(rows)
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
    BUILTIN.get(alpha3)
}

/// Every currency, sorted by alphabetic code.
///
/// ```
/// assert_eq!(codes_data::currencies().len(), 178);
/// ```
pub fn currencies() -> &'static [Currency] {
    &CURRENCIES
}
