//! Without the `names` feature every look-up still resolves, with empty texts.
//! Run with `cargo test -p codes-data --no-default-features --test without_names`.
#![cfg(not(feature = "names"))]

#[test]
fn look_ups_resolve_without_their_texts() {
    let rotterdam = codes_data::resolve_location("NLRTM").unwrap();
    assert!(rotterdam.is_seaport() && rotterdam.is_airport());
    assert_eq!(rotterdam.country(), "NL");
    assert_eq!(rotterdam.name(), "");
    let heathrow = codes_data::airport_by_icao("EGLL").unwrap();
    assert_eq!(
        (heathrow.iata(), heathrow.country(), heathrow.name()),
        (Some("LHR"), "GB", "")
    );
    assert!(codes_data::unlocode("CNTLS").unwrap().is_withdrawn());
    assert_eq!(codes_data::hs("240220").unwrap().level(), 6);
    assert_eq!(codes_data::hs("240220").unwrap().description(), "");
    let textiles = &codes_data::hs_sections()[10];
    assert_eq!((textiles.roman(), textiles.name()), ("XI", ""));
    assert_eq!(codes_data::unlocodes_len(), 115_925);
    // Labels and the other small tables are always there.
    assert!(codes_data::label("unit", "kg", codes_data::Lang::Fr).is_some());
    assert_eq!(codes_data::country("BE").unwrap().alpha3(), "BEL");
}
