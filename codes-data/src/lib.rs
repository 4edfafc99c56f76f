//! Reference code tables for WCO customs seizure records (CEN, nCEN, CENcomm), embedded in
//! the library, with exact, allocation-free look-ups.
//!
//! | table | look-ups | source |
//! |---|---|---|
//! | ISO 3166-1 countries, names in six languages | [`country`], [`country_by_alpha3`], [`countries`] | codes: iso-codes via pycountry; names: Unicode CLDR |
//! | aliases of country codes (`UK` for `GB`) | [`country_alias`], [`country_aliases`] | ISO 3166-1 reservations, the project |
//! | ISO 4217 currencies, minor units, names in six languages | [`currency`], [`currencies`] | pycountry, iso_currency; names: Unicode CLDR |
//! | UN/LOCODE | [`unlocode`], [`unlocode_at`], [`unlocodes_in_country`] | UN/CEFACT |
//! | airports by IATA and ICAO code | [`airport_by_iata`], [`airport_by_icao`], [`airports_in_country`] | airportsdata |
//! | location codes of spec 2.2 | [`resolve_location`] | the two above |
//! | Harmonized System 2012, 2017 and 2022 (English only), UNSD's correlations | [`hs`], [`hs_in`], [`hs_correlate`], [`hs_sections`] | UN Comtrade, UNSD |
//! | commodity taxonomy and units of spec 2.4 | [`commodity_area`], [`goods_type`], [`unit()`] | the project |
//! | labels of the enumerations in six languages | [`label`], [`enumeration_values`] | the project |
//! | editions of all of the above | [`editions`] | `SOURCES.md` |
//! | table packs: newer UN/LOCODE, airport, country, currency and HS tables loaded at run time | [`Tables`], [`build_pack`] | `docs/packs.md` |
//! | the publishers' files a pack is built from (UNECE's UN/LOCODE CSV, airportsdata's CSV) | [`upstream`] | `docs/updating-tables.md` |
//!
//! Codes are exact: upper case for ISO, UN/LOCODE, IATA and ICAO codes, lower case for
//! the project's own codes; anything else (lower case, spaces, other lengths, non-ASCII)
//! is simply not found. No look-up panics, and none allocates (but for the one-time
//! index below).
//!
//! The tables are compiled in: the build script (`build/`) packs the compact files of
//! `data/` into sorted arrays and string pools that are read in place, so there is no
//! parsing, no file system and no start-up cost at run time, and the crate builds for
//! `wasm32-unknown-unknown`. Only [`enumeration_values`] and [`enumerations`] build a
//! small index on first use. `SOURCES.md` says where each table comes from, what was
//! kept, and how to rebuild the tables.
//!
//! ```
//! use codes_data::{resolve_location, country, Lang};
//!
//! let loc = resolve_location("BEANR").unwrap();
//! assert!(loc.is_seaport());
//! assert_eq!(country(loc.country()).unwrap().name(Lang::Es), "Bélgica");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod blob;

mod airport;
mod country;
mod country_alias;
mod currency;
mod editions;
mod hs;
mod hs_layout;
mod labels;
mod lang;
mod layout;
mod location;
mod pack;
mod sha256;
mod taxonomy;
mod tsv;
mod unlocode;
pub mod upstream;

pub use airport::{
    airport_at, airport_by_iata, airport_by_icao, airports_in_country, airports_len, Airport,
};
pub use country::{countries, country, country_by_alpha3, Country};
pub use country_alias::{country_alias, country_aliases, CountryAlias, Reservation};
pub use currency::{currencies, currency, Currency};
pub use editions::{editions, Edition};
pub use hs::{
    hs, hs_at, hs_correlate, hs_in, hs_len, hs_sections, HsEdition, HsEditions, HsEntry, HsPair,
    HsRelationship, HsSection,
};
pub use hs_layout::HsCodeRow;
pub use labels::{enumeration_values, enumerations, label, word, word_groups, word_keys};
pub use lang::Lang;
pub use layout::{AirportRow, UnlocodeRow};
pub use location::{resolve_location, ResolvedLocation};
pub use pack::{
    build as build_pack, PackError, PackInput, Tables, HEADER_BYTES, MAX_PACK_BYTES, PACK_MAGIC,
    PACK_VERSION, PACK_VERSION_OLDEST,
};
pub use taxonomy::{
    commodity_area, commodity_areas, goods_type, unit, units, CommodityArea, GoodsType, UnitInfo,
    UnitKind,
};
pub use unlocode::{unlocode, unlocode_at, unlocodes_in_country, unlocodes_len, UnLocode};
