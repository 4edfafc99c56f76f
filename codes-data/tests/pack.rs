//! Table packs (spec 7.2): same bytes and answers as the built-in tables, new entries where
//! a pack brings them, and a clear error for every kind of bad pack.

use codes_data::{
    build_pack, AirportRow, HsCodeRow, HsEdition, PackError, PackInput, Tables, UnlocodeRow,
    HEADER_BYTES, MAX_PACK_BYTES, PACK_MAGIC, PACK_VERSION,
};

fn builtin_pack() -> Vec<u8> {
    Tables::builtin().to_pack_bytes()
}

/// The built-in UN/LOCODE entries as rows (what `cen tables build` would read).
fn builtin_unlocode_rows() -> Vec<UnlocodeRow> {
    (0..codes_data::unlocodes_len())
        .map(|i| {
            let e = codes_data::unlocode_at(i).unwrap();
            UnlocodeRow {
                code: e.code().into(),
                function: e.function().into(),
                status: e.status().into(),
                iata: e.iata().into(),
                subdivision: e.subdivision().into(),
                withdrawn: e.is_withdrawn(),
                name: e.name().into(),
                remarks: e.remarks().into(),
            }
        })
        .collect()
}

fn builtin_airport_rows() -> Vec<AirportRow> {
    (0..codes_data::airports_len())
        .map(|i| {
            let a = codes_data::airport_at(i).unwrap();
            AirportRow {
                iata: a.iata().unwrap_or("").into(),
                icao: a.icao().unwrap_or("").into(),
                country: a.country().into(),
                subdivision: a.subdivision().into(),
                city: a.city().into(),
                name: a.name().into(),
            }
        })
        .collect()
}

#[test]
fn a_pack_of_the_builtin_tables_answers_as_they_do() {
    let bytes = builtin_pack();
    let pack = Tables::from_bytes(&bytes).unwrap();
    assert_eq!(pack.unlocodes_len(), codes_data::unlocodes_len());
    assert_eq!(pack.airports_len(), codes_data::airports_len());
    for i in (0..codes_data::unlocodes_len()).step_by(97) {
        let (a, b) = (
            codes_data::unlocode_at(i).unwrap(),
            pack.unlocode_at(i).unwrap(),
        );
        assert_eq!(
            (
                a.code(),
                a.name(),
                a.function(),
                a.status(),
                a.is_withdrawn(),
                a.remarks()
            ),
            (
                b.code(),
                b.name(),
                b.function(),
                b.status(),
                b.is_withdrawn(),
                b.remarks()
            )
        );
        assert_eq!(pack.unlocode(a.code()).unwrap().index(), i);
    }
    for code in [
        "NLRTM", "BEANR", "CNTLS", "EGLL", "LHR", "AMS", "ZZZZZ", "nlrtm",
    ] {
        assert_eq!(
            pack.resolve_location(code)
                .map(|r| (r.code(), r.name(), r.country())),
            codes_data::resolve_location(code).map(|r| (r.code(), r.name(), r.country())),
            "{code}"
        );
    }
    assert_eq!(pack.editions(), Tables::builtin().editions());
    assert_eq!(pack.sha256().unwrap().len(), 64);
    // Writing the loaded pack again gives the same bytes.
    assert_eq!(pack.to_pack_bytes(), bytes);
}

#[test]
fn building_from_the_builtin_rows_gives_the_builtin_bytes() {
    // The layout code is shared with the build script: the same rows give the same bytes.
    let built = build_pack(PackInput {
        unlocode: Some(builtin_unlocode_rows()),
        unlocode_edition: Some((
            codes_data::editions()
                .iter()
                .find(|e| e.table == "unlocode")
                .unwrap()
                .edition
                .into(),
            codes_data::editions()
                .iter()
                .find(|e| e.table == "unlocode")
                .unwrap()
                .source
                .into(),
        )),
        airports: Some(builtin_airport_rows()),
        airports_edition: Some((
            codes_data::editions()
                .iter()
                .find(|e| e.table == "airports")
                .unwrap()
                .edition
                .into(),
            codes_data::editions()
                .iter()
                .find(|e| e.table == "airports")
                .unwrap()
                .source
                .into(),
        )),
        countries: Some(codes_data::countries().to_vec()),
        countries_edition: builtin_edition("countries"),
        currencies: Some(codes_data::currencies().to_vec()),
        currencies_edition: builtin_edition("currencies"),
        // Every HS edition given again: the built-in correlations are kept whole.
        hs: HsEdition::ALL
            .into_iter()
            .map(|e| {
                (
                    e,
                    builtin_hs_rows(e),
                    builtin_edition(hs_table(e)).unwrap().1,
                )
            })
            .collect(),
    })
    .unwrap();
    assert!(
        built == builtin_pack(),
        "a rebuilt pack differs from the built-in tables"
    );
}

#[test]
fn a_pack_changes_the_answers_exactly_where_its_rows_change() {
    let mut rows = builtin_unlocode_rows();
    // A new port (not in the built-in edition) and a deleted one.
    assert!(codes_data::unlocode("NLQQ9").is_none());
    rows.push(UnlocodeRow {
        code: "NLQQ9".into(),
        function: "1-------".into(),
        status: "RL".into(),
        name: "New Harbour".into(),
        ..UnlocodeRow::default()
    });
    let old = rows.iter_mut().find(|r| r.code == "BEANR").unwrap();
    old.withdrawn = true;
    old.status = "XX".into();
    let bytes = build_pack(PackInput {
        unlocode: Some(rows),
        unlocode_edition: Some(("2099-1".into(), "test".into())),
        ..PackInput::default()
    })
    .unwrap();
    let pack = Tables::from_bytes(&bytes).unwrap();
    assert!(pack.resolve_location("NLQQ9").unwrap().is_seaport());
    assert!(pack.resolve_location("BEANR").is_none());
    assert!(pack.unlocode("BEANR").unwrap().is_withdrawn());
    assert!(codes_data::resolve_location("BEANR").is_some());
    let differ = (0..codes_data::unlocodes_len())
        .filter_map(codes_data::unlocode_at)
        .filter(|e| {
            codes_data::resolve_location(e.code()).is_some()
                != pack.resolve_location(e.code()).is_some()
        })
        .count();
    assert_eq!(differ, 1, "only BEANR changes among the built-in codes");
    let e = pack.editions();
    let u = e.iter().find(|e| e.table == "unlocode").unwrap();
    assert_eq!(
        (u.edition, u.rows),
        ("2099-1", codes_data::unlocodes_len() + 1)
    );
    // Airports were not given: the built-in ones.
    assert_eq!(pack.airports_len(), codes_data::airports_len());
}

#[test]
fn bad_rows_are_refused_when_building() {
    let err = build_pack(PackInput {
        unlocode: Some(vec![UnlocodeRow {
            code: "nl rt".into(),
            function: "1-------".into(),
            name: "x".into(),
            ..UnlocodeRow::default()
        }]),
        ..PackInput::default()
    })
    .unwrap_err();
    assert!(matches!(err, PackError::Input(_)), "{err}");
}

/// Writes the right SHA-256 into the header of altered content (the loader says what the
/// content's checksum is when it does not match), so that the structure checks are reached.
fn reseal(bytes: &mut [u8]) {
    bytes[24..56].fill(0);
    let Err(PackError::ChecksumMismatch { actual, .. }) = Tables::from_bytes(bytes) else {
        panic!("a zero checksum matched");
    };
    for i in 0..32 {
        bytes[24 + i] = u8::from_str_radix(&actual[i * 2..i * 2 + 2], 16).unwrap();
    }
}

#[test]
fn bad_packs_give_clear_errors_and_never_panic() {
    let good = builtin_pack();
    assert_eq!(&good[..8], &PACK_MAGIC);
    let check = |bytes: &[u8], want: fn(&PackError) -> bool| {
        let err = Tables::from_bytes(bytes).unwrap_err();
        assert!(want(&err), "{err:?}");
        assert!(err.to_string().starts_with("table pack: "), "{err}");
    };
    check(&[], |e| matches!(e, PackError::BadMagic));
    check(b"CENP", |e| matches!(e, PackError::Truncated { .. }));
    check(&good[..40], |e| matches!(e, PackError::Truncated { .. }));
    check(&good[..good.len() - 1], |e| {
        matches!(e, PackError::Truncated { .. })
    });
    check(&good[..good.len() / 2], |e| {
        matches!(e, PackError::Truncated { .. })
    });
    check(b"PK\x03\x04 a zip file, not a pack", |e| {
        matches!(e, PackError::BadMagic)
    });
    let mut v = good.clone();
    v[8..12].copy_from_slice(&(PACK_VERSION + 1).to_le_bytes());
    check(
        &v,
        |e| matches!(e, PackError::UnsupportedVersion(v) if *v == PACK_VERSION + 1),
    );
    v[8..12].copy_from_slice(&0u32.to_le_bytes());
    check(&v, |e| matches!(e, PackError::UnsupportedVersion(0)));
    let mut c = good.clone();
    let last = c.len() - 1;
    c[last] ^= 1;
    check(&c, |e| matches!(e, PackError::ChecksumMismatch { .. }));
    let mut extra = good.clone();
    extra.push(0);
    check(&extra, |e| matches!(e, PackError::Malformed(_)));
    // One gigabyte of zeros is refused by its size, before anything is read.
    let zeros = vec![0u8; MAX_PACK_BYTES + 1];
    check(&zeros, |e| matches!(e, PackError::TooLarge { .. }));
    check(&vec![0u8; 4096], |e| matches!(e, PackError::BadMagic));
    // A section that points outside the pack, with a correct checksum.
    let mut out = good.clone();
    // The first section is `editions`: its length field follows its 1 + 8 byte name.
    let at = HEADER_BYTES + 1 + 8;
    out[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    reseal(&mut out);
    check(
        &out,
        |e| matches!(e, PackError::Malformed(m) if m.contains("outside")),
    );
    // A table entry that points outside its text, with a correct checksum: every byte of
    // the UN/LOCODE records' offsets set high.
    let mut bad = good.clone();
    let name = b"unlocode.rec";
    let pos = bad.windows(name.len()).position(|w| w == name).unwrap();
    let rec = pos + name.len() + 4;
    bad[rec..rec + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    reseal(&mut bad);
    check(&bad, |e| matches!(e, PackError::Malformed(_)));
    // A country row that is not a country, with a correct checksum: `AD` becomes `a1`.
    let mut bad = good.clone();
    let row = b"\nAD\tAND\t020\t";
    let pos = bad.windows(row.len()).position(|w| w == row).unwrap();
    bad[pos + 1..pos + 3].copy_from_slice(b"a1");
    reseal(&mut bad);
    check(
        &bad,
        |e| matches!(e, PackError::Malformed(m) if m.contains("section countries") && m.contains("a1")),
    );
    // A currency with minor units that are not a digit.
    let mut bad = good.clone();
    let row = b"\nJPY\t392\t0\t";
    let pos = bad.windows(row.len()).position(|w| w == row).unwrap();
    bad[pos + 9] = b'x';
    reseal(&mut bad);
    check(
        &bad,
        |e| matches!(e, PackError::Malformed(m) if m.contains("section currencies") && m.contains("JPY")),
    );
}

/// The pack of an older format `version` that `good` was: the same bytes without the sections
/// that later versions added (written last, from the section `first_added` on), resealed.
fn as_version(good: &[u8], version: u32, first_added: &str) -> Vec<u8> {
    let mut name = vec![first_added.len() as u8];
    name.extend_from_slice(first_added.as_bytes());
    let at = good.windows(name.len()).rposition(|w| w == name).unwrap();
    let mut old = good[..at].to_vec();
    old[8..12].copy_from_slice(&version.to_le_bytes());
    let len = (old.len() - HEADER_BYTES) as u64;
    old[16..24].copy_from_slice(&len.to_le_bytes());
    reseal(&mut old);
    old
}

/// Version 1: no countries and currencies (added by version 2), nor HS (version 3).
fn as_version_1(good: &[u8]) -> Vec<u8> {
    as_version(good, 1, "countries")
}

#[test]
fn a_pack_of_format_version_1_is_read_with_the_builtin_countries_and_currencies() {
    let v1 = as_version_1(&builtin_pack());
    let tables = Tables::from_bytes(&v1).unwrap();
    assert_eq!(tables.format_version(), Some(1));
    assert_eq!(
        Tables::from_bytes(&builtin_pack())
            .unwrap()
            .format_version(),
        Some(PACK_VERSION)
    );
    assert_eq!(tables.unlocode("NLRTM").unwrap().name(), "Rotterdam");
    assert_eq!(tables.countries(), codes_data::countries());
    assert_eq!(tables.currencies(), codes_data::currencies());
    assert_eq!(
        tables.country("BE").unwrap().name(codes_data::Lang::Fr),
        "Belgique"
    );
    // Written back, it is a pack of the current version holding the same tables.
    assert_eq!(tables.to_pack_bytes(), builtin_pack());
}

#[test]
fn a_pack_changes_country_and_currency_answers_exactly_where_its_rows_change() {
    let mut countries = codes_data::countries().to_vec();
    // Kosovo's user-assigned code as a country, and Antarctica gone; a currency gone.
    let shared = "alpha2,alpha3,numeric,name_en,name_fr,name_es,name_ru,name_ar,name_pt\n\
                  XK,XKX,983,Kosovo,Kosovo,Kosovo,Косово,كوسوفو,Kosovo\n";
    let added = codes_data::upstream::read_countries("kosovo.csv", shared.as_bytes()).unwrap();
    countries.extend(added);
    countries.retain(|c| c.alpha2() != "AQ");
    let mut currencies = codes_data::currencies().to_vec();
    currencies.retain(|c| c.alpha3() != "VES");
    let bytes = build_pack(PackInput {
        countries: Some(countries),
        countries_edition: Some(("2027-01".into(), "test".into())),
        currencies: Some(currencies),
        ..PackInput::default()
    })
    .unwrap();
    let pack = Tables::from_bytes(&bytes).unwrap();
    assert_eq!(
        pack.country("XK").unwrap().name(codes_data::Lang::Ru),
        "Косово"
    );
    assert_eq!(pack.country_by_alpha3("XKX").unwrap().alpha2(), "XK");
    assert!(pack.country("AQ").is_none() && pack.country_by_alpha3("ATA").is_none());
    assert!(pack.currency("VES").is_none());
    assert!(codes_data::country("XK").is_none() && codes_data::country("AQ").is_some());
    // Everything else answers as built in.
    assert_eq!(pack.countries().len(), codes_data::countries().len());
    for c in codes_data::countries()
        .iter()
        .filter(|c| c.alpha2() != "AQ")
    {
        assert_eq!(pack.country(c.alpha2()), Some(c));
        assert_eq!(pack.country_by_alpha3(c.alpha3()), Some(c));
    }
    for c in codes_data::currencies()
        .iter()
        .filter(|c| c.alpha3() != "VES")
    {
        assert_eq!(pack.currency(c.alpha3()), Some(c));
    }
    let edition = pack
        .editions()
        .into_iter()
        .find(|e| e.table == "countries")
        .unwrap();
    assert_eq!((edition.edition, edition.rows), ("2027-01", 249));
    let edition = pack
        .editions()
        .into_iter()
        .find(|e| e.table == "currencies")
        .unwrap();
    assert_eq!(
        (edition.edition, edition.rows),
        ("not stated", codes_data::currencies().len() - 1)
    );
}

#[test]
fn countries_and_currencies_files_are_read_with_clear_errors() {
    use codes_data::upstream::{read_countries, read_currencies};
    let header = "alpha2,alpha3,numeric,name_en,name_fr,name_es,name_ru,name_ar,name_pt\n";
    let err = |text: &str| {
        read_countries("c.csv", text.as_bytes())
            .unwrap_err()
            .to_string()
    };
    assert!(err("").contains("empty"), "{}", err(""));
    assert!(err("alpha2,alpha3\n").contains("no column \"numeric\""));
    assert!(err(&format!(
        "{header}BE,BEL,056,Belgium,,Bélgica,Бельгия,بلجيكا,Bélgica\n"
    ))
    .starts_with("c.csv:2: BE: no name in fr"));
    assert!(err(&format!("{header}be,BEL,056,a,b,c,d,e,f\n")).contains("not two letters"));
    assert!(err(&format!("{header}BE,BEL,56,a,b,c,d,e,f\n")).contains("three digits"));
    assert!(err(&format!(
        "{header}BE,BEL,056,a,b,c,d,e,f\nBE,BEX,057,a,b,c,d,e,f\n"
    ))
    .starts_with("c.csv:3:"));
    assert!(err(&format!("{header}BE,BEL,056,a,b,c,d,e\n")).contains("8 columns"));
    let shared = std::env::var_os("CEN_SHARED_CODES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/codes")
        });
    if let Ok(bytes) = std::fs::read(shared.join("countries.csv")) {
        let rows = read_countries("countries.csv", &bytes).unwrap();
        assert_eq!(rows.len(), codes_data::countries().len());
    }
    if let Ok(bytes) = std::fs::read(shared.join("currencies.csv")) {
        let rows = read_currencies("currencies.csv", &bytes).unwrap();
        // The shared copy's codes are the built-in ones (the names differ: CLDR's are built in).
        let codes: Vec<&str> = rows.iter().map(|c| c.alpha3()).collect();
        let builtin: Vec<&str> = codes_data::currencies()
            .iter()
            .map(|c| c.alpha3())
            .collect();
        assert_eq!(codes, builtin);
    }
    let header =
        "alpha3,numeric,minor_units,flags,name_en,name_fr,name_es,name_ru,name_ar,name_pt\n";
    let err = |text: &str| {
        read_currencies("m.csv", text.as_bytes())
            .unwrap_err()
            .to_string()
    };
    assert!(err(&format!("{header}EUR,978,x,,a,b,c,d,e,f\n")).contains("minor units"));
    assert!(err(&format!("{header}EUR,978,2,gold,a,b,c,d,e,f\n")).contains("flags"));
    let ok = read_currencies(
        "m.csv",
        format!("{header}VES,928,2,superseded(VED),a,b,c,d,e,f\n").as_bytes(),
    )
    .unwrap();
    assert_eq!(ok[0].superseded_by(), Some("VED"));
}

#[test]
fn loading_a_file_checks_its_size_first() {
    let dir = std::env::temp_dir().join(format!("cen-pack-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tables.pack");
    std::fs::write(&path, builtin_pack()).unwrap();
    let loaded = Tables::load(&path).unwrap();
    assert!(!loaded.is_builtin());
    // A file is taken apart section by section (to keep memory low): the same tables as the
    // same bytes loaded from memory, entry for entry, and the same pack written back.
    let from_memory = Tables::from_bytes(&builtin_pack()).unwrap();
    assert_eq!(loaded.sha256(), from_memory.sha256());
    assert_eq!(loaded.editions(), from_memory.editions());
    assert_eq!(loaded.to_pack_bytes(), builtin_pack());
    for i in (0..loaded.unlocodes_len()).step_by(97) {
        let (a, b) = (
            loaded.unlocode_at(i).unwrap(),
            from_memory.unlocode_at(i).unwrap(),
        );
        assert_eq!(
            (a.code(), a.name(), a.function()),
            (b.code(), b.name(), b.function())
        );
    }
    for i in (0..loaded.airports_len()).step_by(13) {
        let (a, b) = (
            loaded.airport_at(i).unwrap(),
            from_memory.airport_at(i).unwrap(),
        );
        assert_eq!(
            (a.iata(), a.icao(), a.name()),
            (b.iata(), b.icao(), b.name())
        );
    }
    // A damaged file is refused as the same bytes in memory are.
    let mut damaged = builtin_pack();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    std::fs::write(&path, &damaged).unwrap();
    assert!(matches!(
        Tables::load(&path),
        Err(PackError::ChecksumMismatch { .. })
    ));
    // A sparse file of a gigabyte of zeros: refused by its size, not read.
    let big = dir.join("zeros.pack");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(1 << 30).unwrap();
    assert!(matches!(
        Tables::load(&big),
        Err(PackError::TooLarge { size }) if size == 1 << 30
    ));
    assert!(matches!(
        Tables::load(dir.join("missing.pack")),
        Err(PackError::Io(_))
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn tables_can_be_shared_between_threads() {
    let pack = Tables::from_bytes(&builtin_pack()).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            let p = pack.clone();
            s.spawn(move || assert!(p.resolve_location("NLRTM").is_some()));
        }
    });
}

/// The built-in edition and source of `table`, as a pack names them.
/// The table of an HS edition in `editions()`.
fn hs_table(edition: HsEdition) -> &'static str {
    match edition {
        HsEdition::Hs2022 => "hs",
        HsEdition::Hs2017 => "hs2017",
        HsEdition::Hs2012 => "hs2012",
    }
}

/// The codes of one built-in HS edition as rows (what `cen tables build --hs` would read).
fn builtin_hs_rows(edition: HsEdition) -> Vec<HsCodeRow> {
    (0..codes_data::hs_len())
        .filter_map(|i| codes_data::hs_at(i)?.in_edition(edition))
        .map(|h| HsCodeRow {
            code: h.code().into(),
            section: codes_data::hs_sections()
                .iter()
                .position(|s| s.roman() == h.section())
                .map(|i| i as u8),
            description: h.description().into(),
        })
        .collect()
}

fn builtin_edition(table: &str) -> Option<(String, String)> {
    let e = codes_data::editions().iter().find(|e| e.table == table)?;
    Some((e.edition.into(), e.source.into()))
}

#[test]
fn the_upstream_files_of_the_builtin_tables_give_the_builtin_pack() {
    // `codes_data::upstream` reads the publishers' files by the rules `build_tables.py` uses
    // for the built-in tables: the same files give the same bytes.
    // The shared folder beside the checkout, or where CEN_SHARED_CODES says (a worktree).
    let dir = std::env::var_os("CEN_SHARED_CODES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/codes")
        });
    let (Ok(unlocode), Ok(airports)) = (
        std::fs::read(dir.join("unlocode.csv")),
        std::fs::read(dir.join("airports.csv")),
    ) else {
        println!("note: {} not found; skipping", dir.display());
        return;
    };
    let mut reader = codes_data::upstream::UnlocodeReader::new();
    reader.add("unlocode.csv", &unlocode).unwrap();
    let s = reader.stats().clone();
    assert_eq!(
        (s.records, s.excluded, s.withdrawn, s.kept),
        (116_074, 3, 35, codes_data::unlocodes_len()),
        "{s:?}"
    );
    let (airport_rows, a) = codes_data::upstream::read_airports("airports.csv", &airports).unwrap();
    assert_eq!(
        (a.records, a.no_code, a.kept),
        (28_298, 10_958, codes_data::airports_len())
    );
    // The three HS editions in their upstream forms: HS 2022 with its sections, HS 2017 and
    // 2012 without (each code takes its chapter's).
    let mut hs = Vec::new();
    for (edition, file) in [
        (HsEdition::Hs2022, "hs.csv"),
        (HsEdition::Hs2017, "hs-editions/hs2017.csv"),
        (HsEdition::Hs2012, "hs-editions/hs2012.csv"),
    ] {
        let rows =
            codes_data::upstream::read_hs(file, &std::fs::read(dir.join(file)).unwrap()).unwrap();
        let source = builtin_edition(hs_table(edition)).unwrap().1;
        hs.push((edition, rows, source));
    }
    let built = build_pack(PackInput {
        unlocode: Some(reader.into_rows()),
        unlocode_edition: builtin_edition("unlocode"),
        airports: Some(airport_rows),
        airports_edition: builtin_edition("airports"),
        hs,
        ..PackInput::default()
    })
    .unwrap();
    let pack = Tables::from_bytes(&built).unwrap();
    assert_eq!(pack.editions(), Tables::builtin().editions());
    assert!(
        built == builtin_pack(),
        "the upstream files read by codes_data::upstream differ from the built-in tables"
    );
}

/// Version 2: no HS (added by version 3).
fn as_version_2(good: &[u8]) -> Vec<u8> {
    as_version(good, 2, "hs.fixed")
}

#[test]
fn a_pack_of_format_version_2_is_read_with_the_builtin_hs_editions() {
    let v2 = as_version_2(&builtin_pack());
    let tables = Tables::from_bytes(&v2).unwrap();
    assert_eq!(tables.format_version(), Some(2));
    assert_eq!(tables.hs_len(), codes_data::hs_len());
    assert_eq!(
        tables
            .hs_in("851712", HsEdition::Hs2017)
            .unwrap()
            .description(),
        codes_data::hs_in("851712", HsEdition::Hs2017)
            .unwrap()
            .description()
    );
    assert_eq!(tables.to_pack_bytes(), builtin_pack());
}

/// The section `name` of a pack: where its body starts, and its length.
fn section_body(pack: &[u8], name: &str) -> (usize, usize) {
    let mut tag = vec![name.len() as u8];
    tag.extend_from_slice(name.as_bytes());
    let at = pack.windows(tag.len()).position(|w| w == tag).unwrap() + tag.len();
    let len = u32::from_le_bytes(pack[at..at + 4].try_into().unwrap()) as usize;
    (at + 4, len)
}

#[test]
fn a_damaged_hs_section_is_refused_by_name() {
    let good = builtin_pack();
    let damaged = |name: &str, change: &dyn Fn(&mut [u8])| {
        let mut bad = good.clone();
        let (start, len) = section_body(&bad, name);
        change(&mut bad[start..start + len]);
        reseal(&mut bad);
        Tables::from_bytes(&bad).unwrap_err()
    };
    type Damage<'a> = (&'a str, &'a dyn Fn(&mut [u8]));
    let cases: [Damage<'_>; 6] = [
        // The level of the first code (a chapter) said to be a subheading's.
        ("hs.rec", &|b| b[1] = 6),
        // A section index past the 21 sections.
        ("hs.rec", &|b| b[0] = 21),
        // A code in no edition.
        ("hs.rec", &|b| b[2] = 0),
        // A correlation pair whose newer code is past the table.
        ("hs.correlation_2022_2017", &|b| {
            b[..2].copy_from_slice(&u16::MAX.to_le_bytes())
        }),
        // A description offset past the text.
        ("hs.desc", &|b| {
            b[..4].copy_from_slice(&u32::MAX.to_le_bytes())
        }),
        // Two codes out of order.
        ("hs.fixed", &|b| {
            let (first, rest) = b.split_at_mut(6);
            first.swap_with_slice(&mut rest[..6]);
        }),
    ];
    for (name, change) in cases {
        let err = damaged(name, change);
        assert!(
            matches!(&err, PackError::Malformed(m) if m.contains("HS") || m.contains("hs.")),
            "{name}: {err}"
        );
    }
    // A whole section missing: the pack is refused, not read with the built-in HS.
    let mut bad = good.clone();
    let (start, len) = section_body(&bad, "hs.text");
    let tag_start = start - 4 - 1 - "hs.text".len();
    // Renamed to a section this library does not know (same length, so offsets hold).
    bad[tag_start + 1..tag_start + 8].copy_from_slice(b"hs.txet");
    let _ = len;
    reseal(&mut bad);
    let err = Tables::from_bytes(&bad).unwrap_err();
    assert!(err.to_string().contains("hs.text"), "{err}");
}

#[test]
fn a_pack_changes_hs_answers_exactly_where_its_edition_changes() {
    // HS 2022 with one subheading withdrawn (851713, smartphones) and one added (010195, in
    // a heading that HS 2022 has), the other editions and UNSD's correlations kept.
    let mut rows = builtin_hs_rows(HsEdition::Hs2022);
    rows.retain(|r| r.code != "851713");
    let at = rows
        .iter()
        .position(|r| r.code.as_str() > "010195")
        .unwrap();
    rows.insert(
        at,
        HsCodeRow {
            code: "010195".into(),
            section: None,
            description: "Horses; live, for a test".into(),
        },
    );
    let bytes = build_pack(PackInput {
        hs: vec![(HsEdition::Hs2022, rows, "a test's edition".into())],
        ..PackInput::default()
    })
    .unwrap();
    let pack = Tables::from_bytes(&bytes).unwrap();
    let builtin = Tables::builtin();
    assert!(builtin.hs("851713").is_some() && pack.hs("851713").is_none());
    assert!(builtin.hs("010195").is_none());
    let added = pack.hs("010195").unwrap();
    assert_eq!(added.description(), "Horses; live, for a test");
    assert_eq!(added.section(), "I");
    assert_eq!(added.parent(), Some("0101"));
    // Every other code of every edition answers as built in.
    for i in 0..builtin.hs_len() {
        let h = builtin.hs_at(i).unwrap();
        for e in h.editions().iter() {
            let (b, p) = (h.in_edition(e).unwrap(), pack.hs_in(h.code(), e));
            if (h.code(), e) == ("851713", HsEdition::Hs2022) {
                assert!(p.is_none());
                continue;
            }
            let p = p.unwrap_or_else(|| panic!("{} {e}", h.code()));
            assert_eq!(
                (p.description(), p.section()),
                (b.description(), b.section())
            );
        }
    }
    // The pairs of the withdrawn code are gone; the others are UNSD's.
    assert!(pack
        .hs_correlate("851712", HsEdition::Hs2017, HsEdition::Hs2022)
        .iter()
        .all(|p| p.code != "851713"));
    assert!(builtin
        .hs_correlate("851712", HsEdition::Hs2017, HsEdition::Hs2022)
        .iter()
        .any(|p| p.code == "851713"));
    let codes = |t: &Tables| -> Vec<String> {
        t.hs_correlate("010121", HsEdition::Hs2012, HsEdition::Hs2022)
            .iter()
            .map(|p| p.code.to_string())
            .collect()
    };
    assert_eq!(codes(&pack), codes(&builtin));
    let editions = pack.editions();
    let hs = editions.iter().find(|e| e.table == "hs").unwrap();
    assert_eq!((hs.edition, hs.source), ("HS 2022", "a test's edition"));
    assert_eq!(
        hs.rows,
        builtin
            .editions()
            .iter()
            .find(|e| e.table == "hs")
            .unwrap()
            .rows
    );
    // Written again, the loaded pack gives its own bytes.
    assert_eq!(pack.to_pack_bytes(), bytes);
}

#[test]
fn bad_hs_editions_are_refused_when_building() {
    let refused = |rows: Vec<HsCodeRow>| {
        build_pack(PackInput {
            hs: vec![(HsEdition::Hs2017, rows, "test".into())],
            ..PackInput::default()
        })
        .unwrap_err()
        .to_string()
    };
    let mut orphan = builtin_hs_rows(HsEdition::Hs2017);
    orphan.retain(|r| r.code != "0101");
    assert!(refused(orphan).contains("0101"));
    let mut twice = builtin_hs_rows(HsEdition::Hs2017);
    twice.push(twice[5].clone());
    assert!(refused(twice).contains("repeated"));
    let mut no_section = builtin_hs_rows(HsEdition::Hs2017);
    no_section.push(HsCodeRow {
        code: "98".into(),
        section: None,
        description: "National use".into(),
    });
    assert!(refused(no_section).contains("section"));
    let given_twice = build_pack(PackInput {
        hs: vec![
            (
                HsEdition::Hs2012,
                builtin_hs_rows(HsEdition::Hs2012),
                "a".into(),
            ),
            (
                HsEdition::Hs2012,
                builtin_hs_rows(HsEdition::Hs2012),
                "b".into(),
            ),
        ],
        ..PackInput::default()
    });
    assert!(given_twice.unwrap_err().to_string().contains("twice"));
}

#[test]
fn hs_files_are_read_with_clear_errors() {
    use codes_data::upstream::read_hs;
    let rows = read_hs(
        "hs.csv",
        b"section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\nTOTAL,99,Other,TOTAL,2\n",
    )
    .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].code.as_str(), rows[0].section), ("01", Some(0)));
    let rows = read_hs(
        "hs2017.csv",
        b"hscode,level,parent,description\n01,2,,Animals\n",
    )
    .unwrap();
    assert_eq!(rows[0].section, None);
    let rows = read_hs(
        "f.csv",
        b"section,hscode,description\n,01,Animals\nI,0101,Horses\n",
    )
    .unwrap();
    assert_eq!((rows[0].section, rows[1].section), (None, Some(0)));
    for (file, why) in [
        (
            &b"hscode,description\n0101x,Horses\n"[..],
            "2, 4 or 6 digits",
        ),
        (b"hscode,description\n01,Animals\n01,Again\n", "repeated"),
        (b"hscode,description\n01,\n", "no description"),
        (
            b"section,hscode,description\nXXII,01,Animals\n",
            "no section",
        ),
        (b"code,description\n01,Animals\n", "hscode"),
    ] {
        let err = read_hs("f.csv", file).unwrap_err();
        assert!(err.to_string().contains(why), "{err}");
    }
}
