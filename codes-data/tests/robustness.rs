//! Look-ups never panic and find nothing for malformed input: lower case, wrong lengths,
//! spaces, non-ASCII, very long strings.

use codes_data::*;

/// Every look-up that takes a code, as `(name, found?)`.
fn lookups(s: &str) -> [(&'static str, bool); 16] {
    [
        ("country", country(s).is_some()),
        ("country_by_alpha3", country_by_alpha3(s).is_some()),
        ("currency", currency(s).is_some()),
        ("unlocode", unlocode(s).is_some()),
        ("airport_by_iata", airport_by_iata(s).is_some()),
        ("airport_by_icao", airport_by_icao(s).is_some()),
        ("resolve_location", resolve_location(s).is_some()),
        ("hs", hs(s).is_some()),
        ("commodity_area", commodity_area(s).is_some()),
        ("goods_type", goods_type(s, s).is_some()),
        ("unit", unit(s).is_some()),
        ("label", label(s, s, Lang::En).is_some()),
        ("enumeration_values", enumeration_values(s).is_some()),
        ("lang", Lang::from_code(s).is_some()),
        (
            "airports_in_country",
            airports_in_country(s).next().is_some(),
        ),
        (
            "unlocodes_in_country",
            unlocodes_in_country(s).next().is_some(),
        ),
    ]
}

fn assert_nothing_found(s: &str) {
    for (name, found) in lookups(s) {
        assert!(!found, "{name}({s:?}) found something");
    }
}

#[test]
fn lower_case_and_mixed_case_are_not_found() {
    for s in [
        "be", "Be", "bEL", "eur", "Eur", "nlrtm", "NLrtm", "lhr", "Lhr", "egll", "EGll", "ebbr",
        "bru",
    ] {
        assert_nothing_found(s);
    }
}

#[test]
fn wrong_lengths_spaces_and_padding_are_not_found() {
    for s in [
        "", " ", "B", " BE", "BE ", "B E", "NL RTM", " NLRTM", "NLRTM ", "NLRTMX", "LHR ", " LHR",
        "EGLL ", "EGL", "\t", "\n", "\0", "BE\0", "NLRT\0", "0101 ", " 01", "010", "01012",
        "0101210", "01.01", "-1", "+01",
    ] {
        assert_nothing_found(s);
    }
}

#[test]
fn non_ascii_is_not_found() {
    for s in [
        "É",
        "ÉÉ",
        "BÉ",
        "ÉB",
        "ＢＥ",
        "БЕ",
        "NLRTÉ",
        "NL€",
        "€",
        "€UR",
        "ÅÅÅ",
        "ß",
        "ÄÖ",
        "LH\u{0301}",
        "١٢",
        "٠١٠١",
        "😀",
        "😀😀",
        "E\u{FEFF}",
        "\u{FEFF}BE",
        "\u{200B}",
        "\u{10FFFF}",
    ] {
        assert_nothing_found(s);
    }
}

#[test]
fn very_long_input_is_not_found() {
    let long = "A".repeat(1 << 20);
    assert_nothing_found(&long);
    let long = "É".repeat(100_000);
    assert_nothing_found(&long);
}

#[test]
fn every_short_string_over_a_mixed_alphabet_is_handled() {
    // Every string of up to 5 characters over an alphabet of letters, digits, a space and
    // multi-byte characters: no look-up may panic, and what is found must be well-formed.
    let alphabet = [
        "A", "Z", "B", "E", "N", "L", "9", "0", "1", "2", " ", "a", "É", "€", "😀",
    ];
    let mut stack = vec![String::new()];
    let mut seen = 0usize;
    while let Some(s) = stack.pop() {
        seen += 1;
        for (name, found) in lookups(&s) {
            if found {
                let ok = s
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    || name == "lang";
                assert!(ok, "{name}({s:?}) found something");
            }
        }
        if s.chars().count() < 5 {
            for c in alphabet {
                stack.push(format!("{s}{c}"));
            }
        }
    }
    assert!(seen > 800_000);
}

#[test]
fn every_byte_position_of_well_formed_codes_is_checked() {
    // Replacing any one character of a real code by a character just outside its range
    // (before 'A', after 'Z', '1', ':', lower case) gives nothing.
    for code in ["NLRTM", "LHR", "EGLL", "BE", "EUR", "BEL", "010121"] {
        for i in 0..code.len() {
            for c in ['@', '[', '`', '{', '1', ':', '/'] {
                let mut s: Vec<char> = code.chars().collect();
                if s[i].is_ascii_digit() && c.is_ascii_digit() {
                    continue;
                }
                s[i] = c;
                let s: String = s.into_iter().collect();
                assert_nothing_found(&s);
            }
        }
    }
}
