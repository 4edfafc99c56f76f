//! UN/LOCODE, airports and `resolve_location` (spec 2.2 and 4, CEN-COD-002).

use codes_data::{
    airport_at, airport_by_iata, airport_by_icao, airports_in_country, airports_len,
    resolve_location, unlocode, unlocode_at, unlocodes_in_country, unlocodes_len, ResolvedLocation,
};

#[test]
fn spec_4_location_examples() {
    // NLRTM Rotterdam, seaport.
    let rtm = resolve_location("NLRTM").unwrap();
    assert!(matches!(rtm, ResolvedLocation::UnLocode(_)));
    assert_eq!(
        (rtm.code(), rtm.country(), rtm.name()),
        ("NLRTM", "NL", "Rotterdam")
    );
    assert!(rtm.is_seaport());
    // BEANR Antwerp, seaport.
    let anr = resolve_location("BEANR").unwrap();
    assert_eq!((anr.country(), anr.name()), ("BE", "Antwerpen"));
    assert!(anr.is_seaport());
    // AEJEA Jebel Ali, seaport (and nothing else).
    let jea = resolve_location("AEJEA").unwrap();
    assert_eq!((jea.country(), jea.name()), ("AE", "Jebel Ali"));
    assert!(jea.is_seaport() && !jea.is_airport());
    // FRCDG Paris-Charles de Gaulle, airport.
    let cdg = resolve_location("FRCDG").unwrap();
    assert_eq!(
        (cdg.country(), cdg.name()),
        ("FR", "Charles-de-Gaulle Apt/Paris")
    );
    assert!(cdg.is_airport() && !cdg.is_seaport());
    // LHR / EGLL London Heathrow, airport (GB).
    for code in ["LHR", "EGLL"] {
        let lhr = resolve_location(code).unwrap();
        assert!(matches!(lhr, ResolvedLocation::Airport(_)));
        assert_eq!((lhr.code(), lhr.country()), (code, "GB"));
        assert_eq!(lhr.name(), "London Heathrow Airport");
        assert!(lhr.is_airport() && !lhr.is_seaport());
    }
    assert_eq!(resolve_location("LHR"), resolve_location("EGLL"));
    // BRU / EBBR Brussels airport (BE).
    for code in ["BRU", "EBBR"] {
        let bru = resolve_location(code).unwrap();
        assert_eq!(
            (bru.code(), bru.country(), bru.name()),
            (code, "BE", "Brussels Airport")
        );
        assert!(bru.is_airport());
    }
}

#[test]
fn unlocode_fields() {
    let rtm = unlocode("NLRTM").unwrap();
    assert_eq!(rtm.code(), "NLRTM");
    assert_eq!(rtm.function(), "12345---");
    assert_eq!(rtm.status(), "AF");
    assert_eq!(rtm.subdivision(), "ZH");
    assert_eq!(rtm.iata(), "");
    assert_eq!(rtm.remarks(), "");
    assert!(!rtm.is_withdrawn());
    assert_eq!(unlocode_at(rtm.index()), Some(rtm));
    // A status-less entry, and an entry with its own IATA code.
    assert_eq!(unlocode("CNFUQ").unwrap().status(), "");
    let with_iata = (0..unlocodes_len())
        .filter_map(unlocode_at)
        .find(|l| !l.iata().is_empty())
        .unwrap();
    assert_eq!(with_iata.iata().len(), 3);
    // The upstream placeholder "---" is no IATA code.
    assert_eq!(unlocode("USMFS").unwrap().iata(), "");
    // Digits in the location part.
    assert_eq!(unlocode("DEBR2").unwrap().name(), "Breitengüssbach");
    // Installations in international waters.
    assert_eq!(unlocode("XZAAD").unwrap().country(), "XZ");
}

#[test]
fn withdrawn_entries_are_found_but_do_not_resolve() {
    let tls = unlocode("CNTLS").unwrap();
    assert!(tls.is_withdrawn());
    assert_eq!(tls.name(), "Tongliao");
    assert_eq!(tls.remarks(), "Use CN TGO");
    assert_eq!(tls.status(), "XX");
    assert!(resolve_location("CNTLS").is_none());
    // The replacement resolves.
    assert!(resolve_location("CNTGO").is_some());
    // Withdrawn without remarks.
    let fr = unlocode("FR2N2").unwrap();
    assert!(fr.is_withdrawn() && fr.remarks().is_empty());
    assert_eq!(unlocode("DEBR2").unwrap().remarks(), "Use DEBNY");

    let withdrawn: Vec<_> = (0..unlocodes_len())
        .filter_map(unlocode_at)
        .filter(|l| l.is_withdrawn())
        .collect();
    assert_eq!(withdrawn.len(), 35);
    for l in &withdrawn {
        assert_eq!(l.status(), "XX", "{}", l.code());
        assert!(resolve_location(l.code()).is_none());
    }
    // Only withdrawn entries carry remarks.
    for l in (0..unlocodes_len()).filter_map(unlocode_at) {
        assert!(l.is_withdrawn() || l.remarks().is_empty(), "{}", l.code());
    }
}

#[test]
fn codes_outside_the_pattern_are_excluded() {
    for code in ["DE9B0", "DEB90", "IT940"] {
        assert!(unlocode(code).is_none(), "{code}");
        assert!(resolve_location(code).is_none(), "{code}");
    }
    let pattern = |c: &str| {
        let b = c.as_bytes();
        b.len() == 5
            && b[..2].iter().all(u8::is_ascii_uppercase)
            && b[2..]
                .iter()
                .all(|&x| x.is_ascii_uppercase() || (b'2'..=b'9').contains(&x))
    };
    for l in (0..unlocodes_len()).filter_map(unlocode_at) {
        assert!(pattern(l.code()), "{}", l.code());
    }
}

#[test]
fn repeated_codes_keep_the_first_row() {
    assert_eq!(unlocode("BEBRU").unwrap().name(), "Brussel (Bruxelles)");
    assert_eq!(
        unlocode("AXMHQ").unwrap().name(),
        "Maarianhamina (Mariehamn)"
    );
    let leb = unlocode("USLEB").unwrap();
    assert_eq!(leb.name(), "Hanover-Lebanon-White River Apt");
    assert_eq!((leb.subdivision(), leb.function()), ("NH", "--34----"));
    let tri = unlocode("USTRI").unwrap();
    assert_eq!(
        tri.name(),
        "Bristol-Johnson City-Kingsport (Tri-Cities Regional) Apt"
    );
    assert_eq!(tri.function(), "-234----");
}

#[test]
fn every_unlocode_round_trips_in_code_order() {
    let mut prev = String::new();
    for i in 0..unlocodes_len() {
        let l = unlocode_at(i).unwrap();
        assert_eq!(l.index(), i);
        assert!(l.code() > prev.as_str(), "{} after {prev}", l.code());
        prev = l.code().to_string();
        assert_eq!(unlocode(l.code()), Some(l), "{}", l.code());
        assert_eq!(l.function().len(), 8);
        assert!(!l.name().is_empty());
        assert!(matches!(l.status().len(), 0 | 2));
        assert!(l.subdivision().len() <= 3);
        assert_eq!(&l.code()[..2], l.country());
        assert_eq!(l.is_seaport(), l.function().starts_with('1'));
        assert_eq!(l.is_airport(), &l.function()[3..4] == "4");
    }
    assert!(unlocode_at(unlocodes_len()).is_none());
    assert!(unlocode_at(usize::MAX).is_none());
}

#[test]
fn unlocodes_by_country_partition_the_table() {
    let mut total = 0;
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let cc = String::from_utf8(vec![a, b]).unwrap();
            let list: Vec<_> = unlocodes_in_country(&cc).collect();
            assert_eq!(list.len(), unlocodes_in_country(&cc).len());
            assert!(list.iter().all(|l| l.country() == cc));
            total += list.len();
        }
    }
    assert_eq!(total, unlocodes_len());
    assert!(unlocodes_in_country("NL").any(|l| l.code() == "NLRTM"));
    assert_eq!(unlocodes_in_country("BV").count(), 0);
    for bad in ["", "N", "nl", "NLD", "É"] {
        assert_eq!(unlocodes_in_country(bad).count(), 0, "{bad}");
    }
}

#[test]
fn airport_fields() {
    let lhr = airport_by_iata("LHR").unwrap();
    assert_eq!(lhr.iata(), Some("LHR"));
    assert_eq!(lhr.icao(), Some("EGLL"));
    assert_eq!(lhr.city(), "London");
    assert_eq!(lhr.subdivision(), "England");
    assert_eq!(airport_by_icao("EGLL"), Some(lhr));
    assert_eq!(airport_at(lhr.index()), Some(lhr));
    // IATA only (the icao column holds a local id).
    let oca = airport_by_iata("OCA").unwrap();
    assert_eq!(oca.icao(), None);
    assert!(airport_by_icao("07FA").is_none());
    // ICAO only.
    let icao_only = (0..airports_len())
        .filter_map(airport_at)
        .find(|a| a.iata().is_none())
        .unwrap();
    assert_eq!(
        resolve_location(icao_only.icao().unwrap()).map(|r| r.country()),
        Some(icao_only.country())
    );
    // Kosovo, as the source writes it.
    let prn = airport_by_iata("PRN").unwrap();
    assert_eq!(prn.country(), "XK");
    assert!(airports_in_country("XK").any(|a| a == prn));
}

#[test]
fn every_airport_round_trips() {
    let (mut iata, mut icao) = (0, 0);
    for i in 0..airports_len() {
        let a = airport_at(i).unwrap();
        assert!(a.iata().is_some() || a.icao().is_some());
        assert!(!a.name().is_empty());
        assert_eq!(a.country().len(), 2);
        if let Some(code) = a.iata() {
            iata += 1;
            assert_eq!(airport_by_iata(code), Some(a), "{code}");
            assert_eq!(resolve_location(code).map(|r| r.code()), Some(code));
        }
        if let Some(code) = a.icao() {
            icao += 1;
            assert_eq!(airport_by_icao(code), Some(a), "{code}");
            assert_eq!(resolve_location(code).map(|r| r.code()), Some(code));
        }
    }
    assert_eq!((iata, icao), (7_884, 17_093));
    assert!(airport_at(airports_len()).is_none());
    assert!(airport_at(usize::MAX).is_none());
}

#[test]
fn airports_by_country_partition_the_table() {
    let mut total = 0;
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let cc = String::from_utf8(vec![a, b]).unwrap();
            let n = airports_in_country(&cc)
                .inspect(|a| assert_eq!(a.country(), cc))
                .count();
            total += n;
        }
    }
    assert_eq!(total, airports_len());
    assert!(airports_in_country("BE").any(|a| a.icao() == Some("EBBR")));
    assert!(airports_in_country("GB")
        .rev()
        .any(|a| a.iata() == Some("LHR")));
}

#[test]
fn resolution_is_by_length() {
    // A 3-letter code is only an IATA code, even when a UN/LOCODE ends with it.
    assert!(resolve_location("ANR").is_some_and(|r| r.is_airport()));
    // 5 characters that are not a UN/LOCODE.
    assert!(resolve_location("LHRXX").is_none());
    for bad in [
        "", "L", "LH", "EGLLX1", "NLRTMX", "EGL1", "NLRT1", "NLRT0", "NLRT1 ",
    ] {
        assert!(resolve_location(bad).is_none(), "{bad:?}");
    }
}
