//! Table packs from untrusted bytes (spec 7.2): loading gives a clear error, or tables whose
//! every entry can be read and looked up. An input whose first byte is even is the pack's bytes
//! as they come; an odd one edits a small valid pack and then puts the right SHA-256 in its
//! header, so that the structure checks behind the checksum are reached too.
#![no_main]

use std::sync::OnceLock;

use codes_data::{
    build_pack, AirportRow, HsCodeRow, HsEdition, PackInput, Tables, UnlocodeRow, HEADER_BYTES,
};
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

/// Where the header keeps the content's SHA-256 (docs/packs.md).
const CHECKSUM: std::ops::Range<usize> = 24..56;

fn seed() -> &'static [u8] {
    static SEED: OnceLock<Vec<u8>> = OnceLock::new();
    SEED.get_or_init(|| {
        let place = |code: &str, function: &str, withdrawn: bool| UnlocodeRow {
            code: code.into(),
            function: function.into(),
            status: "AI".into(),
            name: format!("Place {code}"),
            withdrawn,
            ..UnlocodeRow::default()
        };
        build_pack(PackInput {
            unlocode: Some(vec![
                place("BEANR", "12345---", false),
                place("NLRTM", "1-------", false),
                place("ESALG", "1-------", true),
            ]),
            unlocode_edition: Some(("2099-1".into(), "fuzz".into())),
            airports: Some(vec![AirportRow {
                iata: "BRU".into(),
                icao: "EBBR".into(),
                country: "BE".into(),
                name: "Brussels".into(),
                ..AirportRow::default()
            }]),
            airports_edition: Some(("fuzz".into(), "fuzz".into())),
            // A few countries and a currency, so that edits reach those sections' rows too.
            countries: Some(
                codes_data::countries()
                    .iter()
                    .filter(|c| ["BE", "ES", "NL"].contains(&c.alpha2()))
                    .cloned()
                    .collect(),
            ),
            currencies: Some(
                codes_data::currencies()
                    .iter()
                    .filter(|c| ["EUR", "VES"].contains(&c.alpha3()))
                    .cloned()
                    .collect(),
            ),
            // Small HS editions (chapter 01 and heading 8517, which the editions split
            // differently), so that edits reach the HS sections and their correlations without
            // the whole HS table in every input.
            hs: HsEdition::ALL
                .into_iter()
                .map(|edition| (edition, small_hs(edition), "fuzz".to_owned()))
                .collect(),
            ..PackInput::default()
        })
        .expect("the seed pack builds")
    })
}

/// The codes of chapter 01, chapter 85 and heading 8517 of one built-in edition.
fn small_hs(edition: HsEdition) -> Vec<HsCodeRow> {
    (0..codes_data::hs_len())
        .filter_map(|i| codes_data::hs_at(i)?.in_edition(edition))
        .filter(|h| h.code().starts_with("01") || h.code() == "85" || h.code().starts_with("8517"))
        .map(|h| HsCodeRow {
            code: h.code().into(),
            section: None,
            description: h.description().into(),
        })
        .collect()
}

/// Reads every entry of tables that loaded: a pack that passes the checks must never make a
/// look-up panic.
fn read_all(tables: &Tables) {
    for i in 0..tables.unlocodes_len() {
        let entry = tables.unlocode_at(i).expect("an index below the length");
        let found = (entry.code(), entry.name(), entry.country(), entry.function());
        let _ = (found, entry.status(), entry.iata(), entry.subdivision());
        let _ = (entry.is_seaport(), entry.is_airport(), entry.is_withdrawn());
        let _ = tables.resolve_location(entry.code());
        assert!(tables.unlocode(entry.code()).is_some(), "an entry is found by its code");
    }
    for i in 0..tables.airports_len() {
        let airport = tables.airport_at(i).expect("an index below the length");
        let _ = (airport.name(), airport.city(), airport.subdivision(), airport.country());
        if let Some(iata) = airport.iata() {
            let _ = tables.airport_by_iata(iata);
        }
        if let Some(icao) = airport.icao() {
            let _ = tables.airport_by_icao(icao);
        }
    }
    for country in tables.countries() {
        let _ = (country.numeric(), country.name(codes_data::Lang::Ar));
        assert!(tables.country(country.alpha2()) == Some(country), "a country by its code");
        assert!(tables.country_by_alpha3(country.alpha3()) == Some(country));
    }
    for currency in tables.currencies() {
        let _ = (currency.minor_units(), currency.superseded_by(), currency.name(codes_data::Lang::Ru));
        assert!(tables.currency(currency.alpha3()) == Some(currency), "a currency by its code");
    }
    for i in 0..tables.hs_len() {
        let entry = tables.hs_at(i).expect("an index below the length");
        let _ = (entry.description(), entry.parent(), entry.section(), entry.level());
        for edition in entry.editions().iter() {
            let found = tables.hs_in(entry.code(), edition);
            assert!(found.is_some(), "an HS code is found in each edition that has it");
            for to in HsEdition::ALL {
                for pair in tables.hs_correlate(entry.code(), edition, to) {
                    let _ = (pair.code, pair.relationship);
                }
            }
        }
    }
    assert!(!tables.editions().is_empty());
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, edits)) = data.split_first() else {
        return;
    };
    let bytes = if mode % 2 == 0 {
        edits.to_vec()
    } else {
        let mut pack = seed().to_vec();
        let content = pack.len() - HEADER_BYTES;
        for edit in edits.chunks_exact(4) {
            let at = usize::from(u16::from_le_bytes([edit[0], edit[1]])) * 256 + usize::from(edit[2]);
            pack[HEADER_BYTES + at % content] ^= edit[3];
        }
        let digest = Sha256::digest(&pack[HEADER_BYTES..]);
        pack[CHECKSUM].copy_from_slice(&digest);
        pack
    };
    match Tables::from_bytes(&bytes) {
        Ok(tables) => read_all(&tables),
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
