//! Where the search index takes the texts that validation does not need: the built-in texts,
//! a table pack's own, or (in WebAssembly) the names file.

use codes_data::{HsEdition, Tables};

/// The texts of the code tables that validation does not need (spec 6.2 searches them): place
/// and airport names, cities, HS descriptions, by table position.
pub trait NameSource: Send + Sync {
    /// The name of UN/LOCODE entry `index` (`codes_data::unlocode_at`).
    fn unlocode_name(&self, index: usize) -> &str;
    /// The subdivision of UN/LOCODE entry `index`.
    fn unlocode_subdivision(&self, index: usize) -> &str;
    /// The name of airport `index` (`codes_data::airport_at`).
    fn airport_name(&self, index: usize) -> &str;
    /// The city of airport `index`.
    fn airport_city(&self, index: usize) -> &str;
    /// The description of HS entry `index` (`codes_data::hs_at`) in one edition that has it.
    fn hs_description(&self, index: usize, edition: HsEdition) -> &str;
}

impl<N: NameSource + ?Sized> NameSource for &N {
    fn unlocode_name(&self, index: usize) -> &str {
        (**self).unlocode_name(index)
    }
    fn unlocode_subdivision(&self, index: usize) -> &str {
        (**self).unlocode_subdivision(index)
    }
    fn airport_name(&self, index: usize) -> &str {
        (**self).airport_name(index)
    }
    fn airport_city(&self, index: usize) -> &str {
        (**self).airport_city(index)
    }
    fn hs_description(&self, index: usize, edition: HsEdition) -> &str {
        (**self).hs_description(index, edition)
    }
}

/// The texts built into codes-data (its `names` feature; without it every text is `""` and
/// only codes are found).
#[derive(Debug, Clone, Copy, Default)]
pub struct BuiltInNames;

impl NameSource for BuiltInNames {
    fn unlocode_name(&self, index: usize) -> &str {
        codes_data::unlocode_at(index).map_or("", |e| e.name())
    }
    fn unlocode_subdivision(&self, index: usize) -> &str {
        codes_data::unlocode_at(index).map_or("", |e| e.subdivision())
    }
    fn airport_name(&self, index: usize) -> &str {
        codes_data::airport_at(index).map_or("", |a| a.name())
    }
    fn airport_city(&self, index: usize) -> &str {
        codes_data::airport_at(index).map_or("", |a| a.city())
    }
    fn hs_description(&self, index: usize, edition: HsEdition) -> &str {
        codes_data::hs_at(index)
            .and_then(|h| h.in_edition(edition))
            .map_or("", |h| h.description())
    }
}

/// The place names and HS descriptions of `tables` (a table pack's, which holds its own texts;
/// spec 7.2), and the HS descriptions of `hs` for a pack that holds none (a pack of format
/// version 1 or 2, whose HS editions are the built-in ones): the names of
/// [`SearchIndex::build_with`](super::SearchIndex::build_with) for a pack.
///
/// ```
/// use cen_rules::search::{BuiltInNames, SearchIndex, SearchOptions, Table, TablesNames};
/// use codes_data::Tables;
/// let pack = Tables::from_bytes(&Tables::builtin().to_pack_bytes()).unwrap();
/// let index = SearchIndex::build_with(pack.clone(), TablesNames::new(pack, BuiltInNames));
/// let found = index.search(Table::Seaport, "Rotterdam", &SearchOptions::default());
/// assert_eq!(found[0]["code"], "NLRTM");
/// ```
#[derive(Debug, Clone)]
pub struct TablesNames<N> {
    tables: Tables,
    hs: N,
}

impl<N: NameSource> TablesNames<N> {
    /// The place names of `tables`; the HS descriptions of `tables`, else of `hs`.
    pub fn new(tables: Tables, hs: N) -> TablesNames<N> {
        TablesNames { tables, hs }
    }
}

impl<N: NameSource> NameSource for TablesNames<N> {
    fn unlocode_name(&self, index: usize) -> &str {
        self.tables.unlocode_at(index).map_or("", |e| e.name())
    }
    fn unlocode_subdivision(&self, index: usize) -> &str {
        self.tables
            .unlocode_at(index)
            .map_or("", |e| e.subdivision())
    }
    fn airport_name(&self, index: usize) -> &str {
        self.tables.airport_at(index).map_or("", |a| a.name())
    }
    fn airport_city(&self, index: usize) -> &str {
        self.tables.airport_at(index).map_or("", |a| a.city())
    }
    fn hs_description(&self, index: usize, edition: HsEdition) -> &str {
        let Some(entry) = self.tables.hs_at(index).and_then(|h| h.in_edition(edition)) else {
            return "";
        };
        match entry.description() {
            // `hs` numbers the built-in entries: it is asked only where the pack's entry is
            // the built-in one at the same position.
            "" if codes_data::hs_at(index)
                .and_then(|h| h.in_edition(edition))
                .is_some_and(|h| h.code() == entry.code()) =>
            {
                self.hs.hs_description(index, edition)
            }
            own => own,
        }
    }
}
