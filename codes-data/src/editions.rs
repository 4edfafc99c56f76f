//! The editions of the shipped tables (spec 5.3a), the same facts as `SOURCES.md`.

/// The source, edition, licence and size of one table: built in (`'static`), or of a
/// [table pack](crate::Tables) (borrowed from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Edition<'a> {
    /// The table: `countries`, `currencies`, `unlocode`, `airports`, `hs` (HS 2022), `hs2017`,
    /// `hs2012`, `hs_correlation_2022_2017`, `hs_correlation_2017_2012`, `hs_sections`,
    /// `taxonomy`, `units` or `labels`.
    pub table: &'a str,
    /// Where the data comes from (`"written by the project"` for the project's own tables).
    pub source: &'a str,
    /// The upstream edition (`"HS 2022"`), or `"project"`.
    pub edition: &'a str,
    /// The licence of the data.
    pub licence: &'a str,
    /// The number of entries shipped.
    pub rows: usize,
}

// `static EDITIONS: [Edition; N]`: data/editions.tsv, with the rows that the build script
// counted.
include!(concat!(env!("OUT_DIR"), "/editions.rs"));

/// One entry per shipped table, in the order of `SOURCES.md`.
///
/// ```
/// let hs = codes_data::editions().iter().find(|e| e.table == "hs").unwrap();
/// assert_eq!(hs.edition, "HS 2022");
/// assert_eq!(hs.rows, (0..codes_data::hs_len()).filter(|&i| codes_data::hs_at(i).unwrap().edition() == codes_data::HsEdition::Hs2022).count());
/// ```
pub fn editions() -> &'static [Edition<'static>] {
    &EDITIONS
}
