//! ISO 3166-1 countries (spec 4, CEN-COD-001).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::blob::{alpha2_index, alpha3_index, join_parts, part};
use crate::Lang;

/// An ISO 3166-1 country, with its short name in the six languages.
///
/// Only officially assigned codes are in the table (249); the record's pseudo-codes `XX`
/// (unknown) and `XZ` (international waters) are not countries and are not found here.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Country {
    /// The alpha-2 code, the alpha-3 code and the six names, one after the other (one text
    /// per row keeps the built-in table small: the `.wasm` carries it).
    text: Cow<'static, str>,
    /// Where each of the eight parts of `text` ends.
    ends: [u16; 8],
    numeric: u16,
}

// `static COUNTRIES: [Country; N]`, sorted by alpha-2.
include!(concat!(env!("OUT_DIR"), "/countries.rs"));

impl Country {
    /// The alpha-2 code, `"BE"`.
    pub fn alpha2(&self) -> &str {
        part(&self.text, &self.ends, 0)
    }

    /// The alpha-3 code, `"BEL"`.
    pub fn alpha3(&self) -> &str {
        part(&self.text, &self.ends, 1)
    }

    /// The numeric code, `56` for Belgium (written `056`).
    pub fn numeric(&self) -> u16 {
        self.numeric
    }

    /// The name in `lang`, from the Unicode CLDR (`Türkiye`, `Turquie`, `تركيا`).
    pub fn name(&self, lang: Lang) -> &str {
        part(&self.text, &self.ends, 2 + lang.index())
    }

    /// A country of a table pack's: checked as the build script checks the built-in ones.
    pub(crate) fn new(
        alpha2: &str,
        alpha3: &str,
        numeric: &str,
        names: [&str; 6],
    ) -> Result<Country, String> {
        if alpha2_index(alpha2.as_bytes()).is_none() {
            return Err(format!("alpha-2 code {alpha2:?} is not two letters A-Z"));
        }
        if alpha3_index(alpha3.as_bytes()).is_none() {
            return Err(format!(
                "{alpha2}: alpha-3 code {alpha3:?} is not three letters A-Z"
            ));
        }
        let numeric = crate::blob::numeric3(numeric)
            .ok_or_else(|| format!("{alpha2}: numeric code {numeric:?} is not three digits"))?;
        if let Some(lang) = Lang::ALL.iter().find(|l| names[l.index()].is_empty()) {
            return Err(format!("{alpha2}: no name in {}", lang.code()));
        }
        let [en, fr, es, ru, ar, pt] = names;
        let (text, ends) = join_parts([alpha2, alpha3, en, fr, es, ru, ar, pt])
            .ok_or_else(|| format!("{alpha2}: names longer than 65,535 bytes"))?;
        Ok(Country {
            text: Cow::Owned(text),
            ends,
            numeric,
        })
    }
}

/// The countries of a table: the built-in one ([`BUILTIN`]) or a pack's.
#[derive(Clone, Debug)]
pub(crate) struct CountryTable {
    /// Sorted by alpha-2 code.
    rows: Cow<'static, [Country]>,
    /// 26² + 26³ bytes: the row + 1 of each alpha-2 code, then of each alpha-3 code, 0 when
    /// unassigned. Built from the rows (for the built-in table at first use: shipped, it
    /// would add 1.3 KB to the gzipped WebAssembly module).
    index: OnceLock<Box<[u8]>>,
}

pub(crate) static BUILTIN: CountryTable = CountryTable {
    rows: Cow::Borrowed(&COUNTRIES),
    index: OnceLock::new(),
};

/// The index of `rows` (see `CountryTable::index`); an error names a code that is not two
/// or three letters, or that is repeated.
fn index_of(rows: &[Country]) -> Result<Box<[u8]>, String> {
    let mut index = vec![0u8; 26 * 26 + 26 * 26 * 26].into_boxed_slice();
    for (i, c) in rows.iter().enumerate() {
        let (Some(i2), Some(i3)) = (
            alpha2_index(c.alpha2().as_bytes()),
            alpha3_index(c.alpha3().as_bytes()),
        ) else {
            return Err(format!("{}: bad code", c.alpha2()));
        };
        if index[i2] != 0 {
            return Err(format!("{}: repeated", c.alpha2()));
        }
        if index[26 * 26 + i3] != 0 {
            return Err(format!(
                "{}: alpha-3 code {} repeated",
                c.alpha2(),
                c.alpha3()
            ));
        }
        index[i2] = (i + 1) as u8;
        index[26 * 26 + i3] = (i + 1) as u8;
    }
    Ok(index)
}

/// The header of a pack's `countries` section (the columns of `data/countries.tsv`).
pub(crate) const TSV_HEADER: &str =
    "alpha2\talpha3\tnumeric\tname_en\tname_fr\tname_es\tname_ru\tname_ar\tname_pt";

impl CountryTable {
    /// A table of `rows` in any order: each code once, at most 254 countries.
    pub(crate) fn new(mut rows: Vec<Country>) -> Result<CountryTable, String> {
        rows.sort_by(|a, b| a.alpha2().cmp(b.alpha2()));
        if rows.len() > 254 {
            return Err(format!("{} countries, at most 254", rows.len()));
        }
        let index = index_of(&rows)?;
        Ok(CountryTable {
            rows: Cow::Owned(rows),
            index: OnceLock::from(index),
        })
    }

    fn index(&self) -> &[u8] {
        // The built-in rows are checked by the build script: their index is always built.
        self.index
            .get_or_init(|| index_of(&self.rows).unwrap_or_default())
    }

    fn by_index(&self, v: u8) -> Option<&Country> {
        self.rows.get(usize::from(v).checked_sub(1)?)
    }

    pub(crate) fn get(&self, alpha2: &str) -> Option<&Country> {
        self.by_index(*self.index().get(alpha2_index(alpha2.as_bytes())?)?)
    }

    pub(crate) fn get_alpha3(&self, alpha3: &str) -> Option<&Country> {
        self.by_index(
            *self
                .index()
                .get(26 * 26 + alpha3_index(alpha3.as_bytes())?)?,
        )
    }

    pub(crate) fn rows(&self) -> &[Country] {
        &self.rows
    }

    /// The table as a pack's `countries` section: [`TSV_HEADER`], then a row per country.
    pub(crate) fn to_tsv(&self) -> String {
        let numerics: Vec<String> = self
            .rows
            .iter()
            .map(|c| format!("{:03}", c.numeric))
            .collect();
        crate::tsv::tsv_section(
            TSV_HEADER,
            self.rows.iter().zip(&numerics).map(|(c, numeric)| {
                let mut cells = vec![c.alpha2(), c.alpha3(), numeric.as_str()];
                cells.extend(Lang::ALL.iter().map(|l| c.name(*l)));
                cells
            }),
        )
    }

    /// Reads a pack's `countries` section (untrusted: every row is checked).
    pub(crate) fn from_tsv(text: &str) -> Result<CountryTable, String> {
        let rows = crate::tsv::tsv_rows::<9>(text, TSV_HEADER)?
            .into_iter()
            .map(|[a2, a3, numeric, en, fr, es, ru, ar, pt]| {
                Country::new(a2, a3, numeric, [en, fr, es, ru, ar, pt])
            })
            .collect::<Result<Vec<_>, _>>()?;
        CountryTable::new(rows)
    }
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
    BUILTIN.get(alpha2)
}

/// The country of an ISO 3166-1 alpha-3 code (exact, upper case).
///
/// ```
/// assert_eq!(codes_data::country_by_alpha3("NLD").unwrap().alpha2(), "NL");
/// assert!(codes_data::country_by_alpha3("NL").is_none());
/// ```
pub fn country_by_alpha3(alpha3: &str) -> Option<&'static Country> {
    BUILTIN.get_alpha3(alpha3)
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
