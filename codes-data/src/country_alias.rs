//! Aliases of country codes (spec 3, CEN-COD-001 `suggest`): codes that are not ISO 3166-1
//! alpha-2 codes but stand for a country that has one, such as `UK` for `GB`. The list is data
//! (`data/country_aliases.tsv`, which says why each alias is in it and which are left out).

const ALIASES: &str = include_str!("../data/country_aliases.tsv");

/// How ISO 3166-1 holds an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    /// Exceptionally reserved (kept for a particular use, e.g. `UK`).
    Exceptional,
    /// Transitionally reserved (a deleted code whose country has a new one, e.g. `BU`).
    Transitional,
    /// Not reserved by ISO, but in wide use (the European Union's `EL` for Greece).
    None,
}

/// A code that stands for the country of a current ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryAlias {
    /// The alias, `"UK"`.
    pub alias: &'static str,
    /// The current alpha-2 code of its country, `"GB"`.
    pub code: &'static str,
    /// How ISO 3166-1 holds the alias.
    pub reservation: Reservation,
    /// Why it stands for that country, in English.
    pub note: &'static str,
}

fn rows() -> impl Iterator<Item = CountryAlias> {
    ALIASES
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .filter_map(|line| {
            let mut cells = line.split('\t');
            let (alias, code, reservation, note) =
                (cells.next()?, cells.next()?, cells.next()?, cells.next()?);
            let reservation = match reservation {
                "exceptional" => Reservation::Exceptional,
                "transitional" => Reservation::Transitional,
                _ => Reservation::None,
            };
            Some(CountryAlias {
                alias,
                code,
                reservation,
                note,
            })
        })
}

/// The alias of this code (exact, upper case), if it is one.
///
/// ```
/// let uk = codes_data::country_alias("UK").unwrap();
/// assert_eq!(uk.code, "GB");
/// assert_eq!(codes_data::country_alias("EL").unwrap().code, "GR");
/// assert!(codes_data::country_alias("GB").is_none()); // a country, not an alias
/// assert!(codes_data::country_alias("uk").is_none());
/// ```
pub fn country_alias(code: &str) -> Option<CountryAlias> {
    rows().find(|row| row.alias == code)
}

/// Every alias, in the file's order.
pub fn country_aliases() -> impl Iterator<Item = CountryAlias> {
    rows()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_is_no_country_and_names_a_current_one() {
        let all: Vec<_> = country_aliases().collect();
        assert!(all.len() >= 2, "{all:?}");
        for alias in all {
            assert!(
                crate::country(alias.alias).is_none(),
                "{alias:?} is a country"
            );
            assert!(
                crate::country(alias.code).is_some(),
                "{alias:?} names no country"
            );
            assert!(!alias.note.is_empty());
        }
        assert_eq!(
            country_alias("UK").unwrap().reservation,
            Reservation::Exceptional
        );
    }
}
