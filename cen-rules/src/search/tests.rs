use super::*;

fn codes(table: Table, query: &str) -> Vec<String> {
    codes_with(table, query, &SearchOptions::default())
}

fn codes_with(table: Table, query: &str, options: &SearchOptions) -> Vec<String> {
    search(table, query, options)
        .into_iter()
        .map(|r| r["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn finds_the_examples_of_the_spec() {
    assert!(codes(Table::Location, "Santos").contains(&"BRSSZ".to_owned()));
    assert!(codes(Table::Seaport, "santos").contains(&"BRSSZ".to_owned()));
    assert!(codes(Table::Location, "Sao Paulo").contains(&"BRSAO".to_owned()));
    assert!(codes(Table::Location, "geneve").contains(&"CHGVA".to_owned()));
    assert!(codes(Table::Airport, "schip").contains(&"AMS".to_owned()));
    for name in ["Allemagne", "Германия", "ألمانيا", "germany", "ALEMANHA"] {
        assert_eq!(
            codes(Table::Country, name).first().map(String::as_str),
            Some("DE"),
            "{name}"
        );
    }
    assert_eq!(codes(Table::Location, "NLRTM")[0], "NLRTM");
    assert!(codes(Table::Location, "NLR")
        .iter()
        .all(|c| c.starts_with("NLR")));
    assert_eq!(
        codes(Table::Airport, "EHA")[0],
        "AMS",
        "ICAO prefix EHA finds EHAM"
    );
    assert_eq!(codes(Table::Hs, "2403")[0], "2403");
    assert_eq!(codes(Table::Hs, "24.03")[0], "2403");
    assert!(codes(Table::Hs, "tobacco").contains(&"24".to_owned()));
    let hs2017 = SearchOptions {
        hs_edition: Some(HsEdition::Hs2017),
        ..SearchOptions::default()
    };
    assert_eq!(codes_with(Table::Hs, "851712", &hs2017), ["851712"]);
    assert!(codes(Table::Hs, "851712").is_empty(), "HS 2017 only");
    assert_eq!(search(Table::Hs, "8517", &hs2017)[0]["edition"], "2017");
    assert_eq!(codes(Table::Currency, "yen")[0], "JPY");
    assert_eq!(codes(Table::Currency, "евро")[0], "EUR");
}

#[test]
fn an_exact_code_comes_first_then_prefixes_then_names() {
    let found = search(Table::Currency, "EUR", &SearchOptions::default());
    assert_eq!(found[0]["code"], "EUR");
    let found = codes(Table::Location, "rotterdam");
    assert!(found.contains(&"NLRTM".to_owned()));
    let airports = codes(Table::Airport, "AMS");
    assert_eq!(airports[0], "AMS");
}

#[test]
fn seaports_are_ports_and_airports_are_airports() {
    for r in search(
        Table::Seaport,
        "san",
        &SearchOptions {
            limit: 100,
            ..Default::default()
        },
    ) {
        assert_eq!(r["kind"], "unlocode");
        assert_eq!(&r["function"].as_str().unwrap()[..1], "1", "{r}");
    }
    for r in search(
        Table::Airport,
        "international",
        &SearchOptions {
            limit: 100,
            ..Default::default()
        },
    ) {
        assert_eq!(r["kind"], "airport");
    }
}

#[test]
fn options_restrict_and_limit() {
    let options = SearchOptions {
        country: Some("US".into()),
        limit: 3,
        lang: Lang::Fr,
        hs_edition: None,
    };
    let found = search(Table::Location, "paris", &options);
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|r| r["country"] == "US"));
    assert_eq!(found[0]["country_name"], "États-Unis");
    assert!(search(
        Table::Location,
        "paris",
        &SearchOptions {
            limit: 0,
            ..Default::default()
        }
    )
    .is_empty());
    assert!(SearchOptions::from_json(r#"{"lang": "de"}"#).is_err());
    assert!(SearchOptions::from_json(r#"{"colour": 1}"#).is_err());
    assert_eq!(
        search_json("planets", "x", None),
        Err(SearchError::UnknownTable("planets".into()))
    );
}

#[test]
fn results_have_the_keys_of_the_spec_in_order() {
    for table in Table::ALL {
        for r in search(table, "a", &SearchOptions::default()) {
            let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                &keys[..5],
                ["table", "code", "name", "country", "country_name"],
                "{r}"
            );
            assert_eq!(r["table"], table.name());
        }
    }
}

#[test]
fn any_query_gives_a_list() {
    let long = "x".repeat(10_000);
    let emoji = "😀🚢".repeat(100);
    for query in [
        "",
        " ",
        "\u{0}\u{1}\u{7f}",
        "\t\n",
        long.as_str(),
        emoji.as_str(),
        "é",
        "%",
        "'; DROP",
        "a b c d e f g h i j k",
    ] {
        for table in Table::ALL {
            let found = search(table, query, &SearchOptions::default());
            assert!(found.len() <= DEFAULT_LIMIT);
        }
    }
    assert!(search(Table::Location, "", &SearchOptions::default()).is_empty());
}

#[test]
fn ranking_is_a_total_order_and_repeatable() {
    let options = SearchOptions {
        limit: 100,
        ..Default::default()
    };
    for (table, query) in [
        (Table::Location, "san"),
        (Table::Hs, "other"),
        (Table::Country, "i"),
    ] {
        let a = search(table, query, &options);
        let b = search(table, query, &options);
        assert_eq!(a, b);
        let mut seen = std::collections::HashSet::new();
        assert!(a
            .iter()
            .all(|r| seen.insert((r["kind"].to_string(), r["code"].to_string()))));
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn never_panics_and_respects_the_limit(query in "\\PC{0,40}", limit in 0usize..120) {
            for table in Table::ALL {
                let found = search(table, &query, &SearchOptions { limit, ..Default::default() });
                prop_assert!(found.len() <= limit.min(MAX_LIMIT));
            }
        }

        #[test]
        fn every_result_matches_by_code_or_by_every_word(query in "[a-zA-Zéã ]{1,12}") {
            let words_of_query = words(&query);
            let code_query: String = query.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
            for r in search(Table::Country, &query, &SearchOptions::default()) {
                let code = r["code"].as_str().unwrap();
                let alpha3 = r["alpha3"].as_str().unwrap();
                let by_code = !code_query.is_empty() && (code.starts_with(&code_query) || alpha3.starts_with(&code_query));
                let names: Vec<String> = Lang::ALL.iter().flat_map(|l| words(codes_data::country(code).unwrap().name(*l))).collect();
                let by_name = !words_of_query.is_empty() && words_of_query.iter().all(|q| names.iter().any(|n| n.starts_with(q.as_str())));
                prop_assert!(by_code || by_name, "{} for {:?}", code, query);
            }
        }
    }
}

#[test]
fn a_pack_is_searched_with_its_own_places() {
    use codes_data::{build_pack, PackInput, UnlocodeRow};
    let row = |code: &str, name: &str, function: &str| UnlocodeRow {
        code: code.into(),
        function: function.into(),
        status: "RL".into(),
        name: name.into(),
        ..UnlocodeRow::default()
    };
    // A pack whose UN/LOCODE table holds two places: one of the built-in edition, one new.
    let bytes = build_pack(PackInput {
        unlocode: Some(vec![
            row("NLQQ9", "New Harbour", "1-------"),
            row("NLRTM", "Rotterdam", "12345---"),
        ]),
        unlocode_edition: Some(("2099-1".into(), "test".into())),
        ..PackInput::default()
    })
    .unwrap();
    let pack = Tables::from_bytes(&bytes).unwrap();
    assert!(pack_index(&Tables::builtin()).is_none());
    let index = pack_index(&pack).unwrap();
    let found = |table: Table, query: &str| -> Vec<String> {
        index
            .search(table, query, &SearchOptions::default())
            .into_iter()
            .map(|r| r["code"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(found(Table::Seaport, "new harb"), ["NLQQ9"]);
    assert!(codes(Table::Seaport, "new harb").is_empty());
    // The built-in places that the pack does not hold are not offered.
    assert!(found(Table::Seaport, "Antwerpen").is_empty());
    assert!(codes(Table::Seaport, "Antwerpen").contains(&"BEANR".to_owned()));
    // A result of the pack is described from the pack.
    let result = &index.search(Table::Location, "NLQQ9", &SearchOptions::default())[0];
    assert_eq!(result["name"], "New Harbour");
    assert_eq!(result["function"], "1-------");
    assert_eq!(result["country_name"], "Netherlands");
    // The airports, countries and HS of the pack are the built-in ones.
    assert_eq!(found(Table::Airport, "LHR")[0], "LHR");
    assert_eq!(found(Table::Country, "Allemagne")[0], "DE");
    assert_eq!(
        found(Table::Hs, "tobacco")[..1],
        codes(Table::Hs, "tobacco")[..1]
    );
    let json = search_json_in(&index, "seaport", "harbour", None).unwrap();
    assert!(json.contains(r#""code":"NLQQ9""#), "{json}");
}

#[test]
fn a_pack_of_the_built_in_tables_gives_the_same_results() {
    let pack = Tables::from_bytes(&Tables::builtin().to_pack_bytes()).unwrap();
    let index = pack_index(&pack).unwrap();
    let options = SearchOptions {
        lang: Lang::Fr,
        ..SearchOptions::default()
    };
    for (table, query) in [
        (Table::Location, "Santos"),
        (Table::Location, "paris"),
        (Table::Seaport, "rotter"),
        (Table::Airport, "schip"),
        (Table::Location, "NL"),
        (Table::Airport, "EG"),
        (Table::Location, "sao paulo"),
    ] {
        assert_eq!(
            index.search(table, query, &options),
            search(table, query, &options),
            "{query}"
        );
    }
}
