//! Countries, currencies, HS, taxonomy, units and editions, against the spec and
//! SOURCES.md.

use std::collections::HashMap;

use codes_data::*;

#[test]
fn countries() {
    let all = codes_data::countries();
    assert_eq!(all.len(), 249);
    assert!(all.windows(2).all(|w| w[0].alpha2() < w[1].alpha2()));
    for c in all {
        assert_eq!(country(c.alpha2()), Some(c));
        assert_eq!(country_by_alpha3(c.alpha3()), Some(c));
        assert!(c.numeric() > 0 && c.numeric() < 1000);
        for lang in Lang::ALL {
            assert!(!c.name(lang).is_empty(), "{} {lang}", c.alpha2());
        }
    }
    let be = country("BE").unwrap();
    assert_eq!((be.alpha3(), be.numeric()), ("BEL", 56));
    assert_eq!(be.name(Lang::En), "Belgium");
    assert_eq!(be.name(Lang::Ru), "Бельгия");
    assert_eq!(country("AE").unwrap().name(Lang::Fr), "Émirats arabes unis");
    assert_eq!(country("AD").unwrap().numeric(), 20);
    // Pseudo-codes and user-assigned codes are not countries.
    for code in ["XX", "XZ", "XK", "QQ", "AA", "ZZ", "UK", "EU"] {
        assert!(country(code).is_none(), "{code}");
    }
}

#[test]
fn currencies_and_minor_units() {
    let all = codes_data::currencies();
    assert_eq!(all.len(), 178);
    assert!(all.windows(2).all(|w| w[0].alpha3() < w[1].alpha3()));
    for c in all {
        assert_eq!(currency(c.alpha3()), Some(c));
        for lang in Lang::ALL {
            assert!(!c.name(lang).is_empty());
        }
    }
    // Spec 4's examples and CEN-QTY-002's.
    for (code, minor) in [
        ("USD", Some(2)),
        ("EUR", Some(2)),
        ("JPY", Some(0)),
        ("KRW", Some(0)),
        ("BHD", Some(3)),
        ("KWD", Some(3)),
        ("XAU", None),
        ("CLF", Some(4)),
    ] {
        assert_eq!(
            currency(code).map(Currency::minor_units),
            Some(minor),
            "{code}"
        );
    }
    assert_eq!(currency("EUR").unwrap().numeric(), 978);
    assert!(currency("BOV").unwrap().is_fund());
    assert!(currency("XDR").unwrap().is_special());
    assert!(!currency("USD").unwrap().is_fund() && !currency("USD").unwrap().is_special());
    assert_eq!(currency("VES").unwrap().superseded_by(), Some("VED"));
    assert!(currency("VED").is_some());
    assert_eq!(all.iter().filter(|c| c.is_fund()).count(), 9);
    assert_eq!(all.iter().filter(|c| c.minor_units().is_none()).count(), 13);
    // Withdrawn from ISO 4217.
    for code in ["BGN", "CUC", "HRK", "SLL", "ZWL", "DEM", "FRF"] {
        assert!(currency(code).is_none(), "{code}");
    }
}

/// The entries of one edition, in table order.
fn hs_edition(edition: HsEdition) -> Vec<HsEntry<'static>> {
    (0..hs_len())
        .filter_map(|i| hs_at(i).and_then(|h| h.in_edition(edition)))
        .collect()
}

#[test]
fn harmonized_system() {
    for (edition, counts) in [
        (HsEdition::Hs2022, [96, 1228, 5612]),
        (HsEdition::Hs2017, [96, 1222, 5387]),
        (HsEdition::Hs2012, [96, 1224, 5205]),
    ] {
        let mut levels = HashMap::new();
        let mut prev: Option<HsEntry<'static>> = None;
        for h in hs_edition(edition) {
            assert_eq!(hs_in(h.code(), edition), Some(h));
            assert_eq!(h.edition(), edition);
            assert_eq!(usize::from(h.level()), h.code().len());
            *levels.entry(h.level()).or_insert(0) += 1;
            assert!(!h.description().is_empty());
            assert!(hs_sections().iter().any(|s| s.roman() == h.section()));
            match h.parent() {
                None => assert_eq!(h.level(), 2),
                Some(p) => {
                    let parent = hs_in(p, edition).unwrap();
                    assert_eq!(parent.level() + 2, h.level());
                    assert_eq!(parent.section(), h.section());
                }
            }
            if let Some(p) = prev {
                assert!(p.code() < h.code());
            }
            prev = Some(h);
        }
        assert_eq!(
            levels,
            HashMap::from([(2, counts[0]), (4, counts[1]), (6, counts[2])]),
            "{edition}"
        );
    }
    assert_eq!(hs_len(), 7167);
    // hs() is HS 2022.
    assert_eq!(hs("851712"), None);
    assert_eq!(hs("851713").unwrap().edition(), HsEdition::Hs2022);
    // The texts of an edition are its own.
    assert_eq!(
        hs_in("030193", HsEdition::Hs2012).unwrap().description(),
        "Fish; live, carp (Cyprinus carpio, Carassius carassius, Ctenopharyngodon idellus, Hypophthalmichthys spp., Cirrhinus spp., Mylopharyngodon piceus)"
    );
    assert!(hs_in("030193", HsEdition::Hs2017)
        .unwrap()
        .description()
        .contains("Cyprinus spp."));
    // Chapters 01..97 except 77; no chapter 99 (UN Comtrade's), no TOTAL.
    for ch in 1..=97 {
        for edition in HsEdition::ALL {
            assert_eq!(
                hs_in(&format!("{ch:02}"), edition).is_some(),
                ch != 77,
                "{ch}"
            );
        }
    }
    for code in [
        "77", "99", "9999", "999999", "00", "98", "TOTAL", "0101210", "01012100",
    ] {
        assert!(
            HsEdition::ALL.iter().all(|e| hs_in(code, *e).is_none()),
            "{code}"
        );
    }
    let h = hs("010121").unwrap();
    assert_eq!(h.description(), "Horses; live, pure-bred breeding animals");
    assert_eq!(h.parent(), Some("0101"));
    assert_eq!(h.section(), "I");
    assert_eq!(hs("9706").unwrap().section(), "XXI");
    let sections = hs_sections();
    assert_eq!(sections.len(), 21);
    assert_eq!(sections[20].roman(), "XXI");
    assert_eq!(sections[10].name(), "Textiles and textile articles");
    assert_eq!(
        sections[6].name(),
        "Plastics and articles thereof; rubber and articles thereof"
    );
}

/// Goods types of an area that share a list of allowed units, and that list.
type TypesAndUnits = (&'static [&'static str], &'static [&'static str]);

/// Spec 2.4's table, written out independently of `data/taxonomy.tsv`.
#[rustfmt::skip]
const SPEC_TAXONOMY: &[(&str, &[TypesAndUnits])] = &[
    ("drugs", &[
        (&["cannabis_herb", "cannabis_resin", "cocaine", "coca_paste", "crack", "heroin", "opium", "morphine", "khat", "coca_leaf"], &["kg", "g", "t"]),
        (&["cannabis_plants"], &["plants", "kg"]),
        (&["cannabis_oil"], &["l", "ml", "kg", "g"]),
        (&["amphetamine", "mdma", "psychotropics_other"], &["kg", "g", "tablets"]),
        (&["methamphetamine"], &["kg", "g", "l", "tablets"]),
        (&["captagon", "tramadol"], &["tablets", "kg"]),
        (&["ketamine"], &["kg", "g", "l"]),
        (&["lsd"], &["pieces", "ml"]),
        (&["nps", "other"], &["kg", "g", "l", "ml", "tablets", "pieces"]),
    ]),
    ("precursors", &[
        (&["ephedrine", "pseudoephedrine"], &["kg", "g", "tablets"]),
        (&["acetic_anhydride", "p2p", "mdp2p", "pmk", "safrole"], &["kg", "l"]),
        (&["other"], &["kg", "g", "t", "l", "ml"]),
    ]),
    ("tobacco", &[
        (&["cigarettes", "cigars", "cigarillos", "heated_tobacco"], &["pieces"]),
        (&["waterpipe_tobacco", "cut_tobacco"], &["kg", "g"]),
        (&["raw_tobacco"], &["kg", "t"]),
        (&["e_liquids"], &["l", "ml", "pieces"]),
        (&["other"], &["kg", "pieces"]),
    ]),
    ("alcohol", &[
        (&["spirits", "wine", "beer", "ethanol"], &["l", "ml"]),
        (&["other"], &["l", "ml", "pieces"]),
    ]),
    ("other_revenue", &[
        (&["fuel"], &["l", "t", "kg", "m3"]),
        (&["precious_metals"], &["kg", "g"]),
        (&["foodstuffs"], &["kg", "t"]),
        (&["textiles"], &["items", "kg"]),
        (&["electronics", "vehicles"], &["items"]),
        (&["other"], &["kg", "t", "l", "items"]),
    ]),
    ("ipr", &[
        (&["clothing", "footwear", "accessories", "watches", "electronics", "mobile_phones", "toys", "cosmetics", "medicines", "spare_parts", "media", "other"], &["items"]),
    ]),
    ("health_safety", &[
        (&["medicines"], &["tablets", "items", "kg"]),
        (&["medical_devices", "toys", "electrical"], &["items"]),
        (&["food"], &["kg", "t"]),
        (&["cosmetics"], &["items", "l"]),
        (&["other"], &["items", "kg"]),
    ]),
    ("cites", &[
        (&["live_animals", "birds", "reptiles"], &["heads"]),
        (&["ivory", "rhino_horn"], &["kg", "pieces"]),
        (&["pangolin_scales", "marine_products"], &["kg"]),
        (&["skins", "plants"], &["pieces", "kg"]),
        (&["timber"], &["m3", "kg", "t"]),
        (&["other"], &["kg", "pieces", "heads"]),
    ]),
    ("hazardous_waste", &[
        (&["e_waste"], &["kg", "t", "items"]),
        (&["plastic_waste", "metal_waste"], &["kg", "t"]),
        (&["chemical_waste"], &["kg", "t", "l"]),
        (&["other"], &["kg", "t"]),
    ]),
    ("ods", &[
        (&["cfc", "hcfc", "hfc", "halons", "other"], &["kg", "t", "pieces"]),
    ]),
    ("weapons", &[
        (&["firearms", "firearm_parts", "military_equipment", "bladed_weapons", "other"], &["items"]),
        (&["ammunition"], &["rounds"]),
        (&["explosives"], &["kg", "g"]),
        (&["fireworks"], &["kg", "items"]),
        (&["dual_use_goods"], &["items", "kg"]),
    ]),
    ("currency", &[
        (&["banknotes", "coins", "bearer_instruments", "other"], &["amount"]),
        (&["gold"], &["kg", "g"]),
        (&["precious_stones"], &["g", "pieces"]),
    ]),
    ("cultural_heritage", &[
        (&["archaeological_objects", "artworks", "antiques", "manuscripts", "numismatic_coins", "religious_objects", "other"], &["items"]),
    ]),
];

#[test]
fn taxonomy_is_spec_2_4() {
    let areas = commodity_areas();
    assert_eq!(areas.len(), 13);
    let mut total = 0;
    for ((code, groups), area) in SPEC_TAXONOMY.iter().zip(areas) {
        assert_eq!(area.code(), *code);
        assert_eq!(commodity_area(code), Some(area));
        let spec_types: Vec<(&str, &[&str])> = groups
            .iter()
            .flat_map(|(types, units)| types.iter().map(move |t| (*t, *units)))
            .collect();
        let types: Vec<(&str, &[&str])> =
            area.types().iter().map(|t| (t.code(), t.units())).collect();
        assert_eq!(types, spec_types, "{code}");
        for t in area.types() {
            total += 1;
            assert_eq!(t.area(), *code);
            assert_eq!(goods_type(code, t.code()), Some(t));
            assert_eq!(area.goods_type(t.code()), Some(t));
            for u in t.units() {
                assert!(t.allows_unit(u));
                assert!(unit(u).is_some(), "{u}");
            }
            assert!(!t.allows_unit("KG") && !t.allows_unit(""));
        }
    }
    assert_eq!(total, 113);
    assert!(goods_type("drugs", "ivory").is_none());
    assert!(goods_type("cites", "ivory").unwrap().allows_unit("pieces"));
    assert!(!goods_type("tobacco", "cigarettes")
        .unwrap()
        .allows_unit("kg"));
}

#[test]
fn units_are_spec_2_4() {
    let expected = [
        ("kg", UnitKind::Mass, Some(1.0)),
        ("g", UnitKind::Mass, Some(0.001)),
        ("t", UnitKind::Mass, Some(1000.0)),
        ("l", UnitKind::Volume, Some(1.0)),
        ("ml", UnitKind::Volume, Some(0.001)),
        ("m3", UnitKind::Volume, None),
        ("pieces", UnitKind::Count, None),
        ("tablets", UnitKind::Count, None),
        ("items", UnitKind::Count, None),
        ("rounds", UnitKind::Count, None),
        ("heads", UnitKind::Count, None),
        ("plants", UnitKind::Count, None),
        ("amount", UnitKind::Money, None),
    ];
    let got: Vec<_> = units()
        .iter()
        .map(|u| (u.code(), u.kind(), u.kg_per_unit()))
        .collect();
    assert_eq!(got, expected);
    for u in units() {
        assert_eq!(unit(u.code()), Some(u));
    }
}

/// The `| table | file | rows | ...` table of SOURCES.md: table → rows (when a number).
fn sources_md_rows() -> Vec<(String, Option<usize>)> {
    let text = include_str!("../SOURCES.md");
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let table = cells[1].trim_matches('`').to_string();
            let rows = cells[3].replace(',', "").parse().ok();
            (table, rows)
        })
        .collect()
}

#[test]
fn editions_match_the_tables_and_sources_md() {
    let eds = editions();
    let actual: HashMap<&str, usize> = HashMap::from([
        ("countries", codes_data::countries().len()),
        ("currencies", codes_data::currencies().len()),
        ("languages", codes_data::Lang::ALL.len()),
        ("unlocode", unlocodes_len()),
        ("airports", airports_len()),
        ("hs", hs_edition(HsEdition::Hs2022).len()),
        ("hs2017", hs_edition(HsEdition::Hs2017).len()),
        ("hs2012", hs_edition(HsEdition::Hs2012).len()),
        ("hs_correlation_2022_2017", 15656),
        ("hs_correlation_2017_2012", 6140),
        ("hs_sections", hs_sections().len()),
        (
            "taxonomy",
            commodity_areas().iter().map(|a| a.types().len()).sum(),
        ),
        ("units", units().len()),
        (
            "labels",
            enumerations()
                .iter()
                .map(|e| enumeration_values(e).unwrap().len())
                .sum(),
        ),
    ]);
    assert_eq!(eds.len(), actual.len());
    for e in eds {
        assert_eq!(Some(&e.rows), actual.get(e.table), "{}", e.table);
        assert!(!e.source.is_empty() && !e.edition.is_empty() && !e.licence.is_empty());
        if e.table != "labels" {
            assert!(e.rows > 0, "{}", e.table);
        }
    }
    // SOURCES.md lists the same tables in the same order, with the same row counts.
    let md = sources_md_rows();
    let md_tables: Vec<&str> = md.iter().map(|(t, _)| t.as_str()).collect();
    let ed_tables: Vec<&str> = eds.iter().map(|e| e.table).collect();
    assert_eq!(md_tables, ed_tables);
    for ((table, rows), e) in md.iter().zip(eds) {
        if let Some(rows) = rows {
            assert_eq!(*rows, e.rows, "SOURCES.md row count of {table}");
        } else {
            assert_eq!(table, "labels", "SOURCES.md gives no row count for {table}");
        }
    }
    let hs = eds.iter().find(|e| e.table == "hs").unwrap();
    assert_eq!(hs.edition, "HS 2022");
}

#[test]
fn hs_correlations_follow_unsd() {
    use HsEdition::*;
    let codes = |code, from, to| -> Vec<(&'static str, &'static str)> {
        hs_correlate(code, from, to)
            .iter()
            .map(|p| (p.code, p.relationship.as_str()))
            .collect()
    };
    // Mobile phones: split in HS 2022, and among other codes (UNSD's n:n).
    let phones = codes("851712", Hs2017, Hs2022);
    assert!(phones.contains(&("851713", "1:n")) && phones.contains(&("851714", "1:n")));
    assert!(phones.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(codes("851713", Hs2022, Hs2017), [("851712", "n:1")]);
    // A new code of HS 2022 comes from a part of an older one.
    assert_eq!(codes("240412", Hs2022, Hs2017), [("382499", "n:1")]);
    // Unchanged codes are their own 1:1 partners, across two steps too.
    assert_eq!(codes("010121", Hs2022, Hs2017), [("010121", "1:1")]);
    assert_eq!(codes("010121", Hs2012, Hs2022), [("010121", "1:1")]);
    assert_eq!(codes("010121", Hs2022, Hs2022), [("010121", "1:1")]);
    // 2012 -> 2022 goes through HS 2017.
    let via: Vec<&str> = codes("851712", Hs2012, Hs2022)
        .iter()
        .map(|p| p.0)
        .collect();
    assert!(via.contains(&"851713"), "{via:?}");
    // A code the edition lacks has no pairs; headings pair through their subheadings.
    assert!(codes("851713", Hs2017, Hs2022).is_empty());
    assert!(
        codes("8549", Hs2022, Hs2017).contains(&("8548", "n:n"))
            || codes("8549", Hs2022, Hs2017).iter().any(|p| p.0 == "8548")
    );
    assert_eq!(codes("24", Hs2012, Hs2022), [("24", "1:1")]);
    for bad in ["", "85171", "8517120", "abcdef", "77"] {
        assert!(codes(bad, Hs2017, Hs2022).is_empty(), "{bad}");
    }
    // Every pair is found from both sides.
    for i in 0..hs_len() {
        let h = hs_at(i).unwrap();
        if h.level() != 6 {
            continue;
        }
        for (from, to) in [(Hs2022, Hs2017), (Hs2017, Hs2012)] {
            if h.editions().contains(from) {
                for pair in hs_correlate(h.code(), from, to) {
                    assert!(hs_in(pair.code, to).is_some());
                    assert!(hs_correlate(pair.code, to, from)
                        .iter()
                        .any(|p| p.code == h.code()));
                }
            }
        }
    }
}

#[test]
fn country_and_currency_names_are_cldr_s() {
    let tr = country("TR").unwrap();
    assert_eq!(tr.name(Lang::Ar), "تركيا");
    assert_eq!(tr.name(Lang::En), "Türkiye");
    assert_eq!(currency("AWG").unwrap().name(Lang::Ar), "فلورن أروبي");
    assert_eq!(currency("EUR").unwrap().name(Lang::Fr), "euro");
    // English only where CLDR 48 names no currency in the language (SOURCES.md).
    let english_in_arabic: Vec<&str> = currencies()
        .iter()
        .filter(|c| c.name(Lang::Ar) == c.name(Lang::En))
        .map(|c| c.alpha3())
        .collect();
    assert_eq!(
        english_in_arabic,
        ["CHE", "CHW", "CLF", "COU", "MXV", "UYI", "UYW", "VED", "XAD", "XSU", "XUA"]
    );
    // Every name is the CLDR extract's, or English where the extract has none.
    let extract = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("upstream/cldr_names.tsv"),
    )
    .unwrap();
    let mut checked = 0;
    for line in extract.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let names: Vec<&str> = match cells[0] {
            "territory" => Lang::ALL
                .iter()
                .map(|l| country(cells[1]).unwrap().name(*l))
                .collect(),
            "currency" => Lang::ALL
                .iter()
                .map(|l| currency(cells[1]).unwrap().name(*l))
                .collect(),
            "language" => {
                let language = Lang::from_code(cells[1]).unwrap();
                Lang::ALL.iter().map(|l| language.name_in(*l)).collect()
            }
            other => panic!("cldr_names.tsv: unknown kind {other}"),
        };
        for (i, cldr) in cells[2..].iter().enumerate() {
            let expected = if cldr.is_empty() { names[0] } else { cldr };
            assert_eq!(names[i], expected, "{} {:?}", cells[1], Lang::ALL[i]);
            checked += 1;
        }
    }
    assert_eq!(checked, (249 + 178 + 6) * 6);
}
