//! `cen tables build` and `cen tables info` (spec 7.2): a pack built from UNECE's own CSV
//! format (the fixtures in `tests/fixtures/unece/`, real entries with one added and one marked
//! for deletion) changes the verdicts exactly there; a pack built from nothing is the built-in
//! tables; bad files are refused with their line, and no half-written pack is left.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{cen, root, run, Run};

const TODAY: &str = "2026-11-28";
/// The made-up code the fixtures add (`+`), and the real one they mark for deletion (`X`).
const ADDED: &str = "ESQ9Z";
const DELETED: &str = "ESALG";

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unece");
    (1..=3)
        .map(|i| dir.join(format!("2099-1 UNLOCODE CodeListPart{i}.csv")))
        .collect()
}

fn build(dir: &TempDir, name: &str, args: &[&std::ffi::OsStr]) -> (PathBuf, Run) {
    let pack = dir.path().join(name);
    let out = run(cen().args(["tables", "build", "-o"]).arg(&pack).args(args));
    (pack, out)
}

fn unece_args() -> Vec<std::ffi::OsString> {
    fixtures()
        .into_iter()
        .flat_map(|p| ["--unlocode".into(), p.into_os_string()])
        .collect()
}

fn info_json(pack: &Path) -> Value {
    let out = run(cen().args(["tables", "info", "--format", "json"]).arg(pack));
    assert_eq!(out.status, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

fn builtin_editions() -> Vec<Value> {
    codes_data::editions()
        .iter()
        .map(|e| {
            serde_json::json!({"table": e.table, "edition": e.edition, "source": e.source,
                               "licence": e.licence, "rows": e.rows})
        })
        .collect()
}

/// A valid record (examples/records/long-sea-container.json) whose place of seizure and
/// port of arrival are `code`; its port of departure is AEJEA, which the fixtures hold.
fn record_at(code: &str) -> String {
    let text =
        std::fs::read_to_string(root().join("examples/records/long-sea-container.json")).unwrap();
    let mut record: Value = serde_json::from_str(&text).unwrap();
    record["location"]["code"] = code.into();
    record["conveyance"][0]["to"] = code.into();
    assert_eq!(record["conveyance"][0]["from"], "AEJEA");
    serde_json::to_string(&record).unwrap()
}

/// `cen validate --format ndjson` of one record: the exit status and the rules and paths of
/// its issues.
fn verdict(record: &str, pack: Option<&Path>) -> (i32, Vec<(String, String)>, bool) {
    let mut command = cen();
    command.args(["validate", "--format", "ndjson", "--today", TODAY]);
    if let Some(pack) = pack {
        command.arg("--tables").arg(pack);
    }
    let out = run(command.arg("-").write_stdin(record.to_owned()));
    let withdrawn = out.stdout.contains("withdrawn");
    let line: Value = serde_json::from_str(out.stdout.trim()).unwrap_or_else(|e| {
        panic!("{e}: {} {}", out.stdout, out.stderr);
    });
    let issues = line["report"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["rule"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    (out.status, issues, withdrawn)
}

#[test]
fn a_pack_built_from_nothing_names_the_builtin_editions() {
    let dir = TempDir::new().unwrap();
    let (pack, out) = build(&dir, "builtin.pack", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("wrote "), "{}", out.stdout);
    let info = info_json(&pack);
    assert_eq!(info["format_version"], 3);
    assert_eq!(info["tables"], Value::Array(builtin_editions()));
    let bytes = std::fs::read(&pack).unwrap();
    assert_eq!(bytes, codes_data::Tables::builtin().to_pack_bytes());
    assert_eq!(info["bytes"], bytes.len());
    let sha = info["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert!(out.stdout.contains(sha), "{}", out.stdout);
    let text = run(cen().args(["tables", "info"]).arg(&pack));
    assert_eq!(text.status, 0);
    assert!(text.stdout.contains("format version: 3"), "{}", text.stdout);
    assert!(text.stdout.contains(&format!("sha256: {sha}")));
    let unlocode = &codes_data::editions()[2];
    assert!(text
        .stdout
        .contains(&format!("{} ({} rows)", unlocode.edition, unlocode.rows)));
}

#[test]
fn unece_files_change_the_verdicts_exactly_where_they_change_the_table() {
    assert!(codes_data::unlocode(ADDED).is_none(), "{ADDED} must be new");
    assert!(codes_data::resolve_location(DELETED).is_some_and(|l| l.is_seaport()));
    let dir = TempDir::new().unwrap();
    let args = unece_args();
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let (pack, out) = build(&dir, "2099-1.pack", &args);
    assert_eq!(out.status, 0, "{}", out.stderr);
    // Part 2 is Latin-1; the country rows, the reference entry and DE9B0 are skipped.
    assert!(
        out.stdout.contains("CodeListPart2.csv (Latin-1)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "skipped: 6 country rows, 1 reference entries, 1 codes with 0 or 1, 0 repeated codes"
        ),
        "{}",
        out.stdout
    );
    let info = info_json(&pack);
    let tables = info["tables"].as_array().unwrap();
    let unlocode = tables.iter().find(|t| t["table"] == "unlocode").unwrap();
    assert_eq!(
        unlocode["edition"], "2099-1",
        "the edition of UNECE's file names"
    );
    assert_eq!(unlocode["rows"], 32);
    // Every other table is the built-in one.
    for (t, b) in tables.iter().zip(builtin_editions()) {
        if t["table"] != "unlocode" {
            assert_eq!(*t, b);
        }
    }
    let tables = codes_data::Tables::load(&pack).unwrap();
    assert_eq!(tables.unlocode("ADEAC").unwrap().name(), "Escàs");
    assert_eq!(
        tables.unlocode("ES4AR").unwrap().name(),
        "Arbós",
        "read as Latin-1"
    );
    assert_eq!(tables.unlocode(DELETED).unwrap().remarks(), "Use ES Q9Z");

    // The added code: unknown to the built-in tables, a seaport in the pack.
    let added = record_at(ADDED);
    let cod002 = |path: &str| ("CEN-COD-002".to_owned(), path.to_owned());
    let (status, issues, withdrawn) = verdict(&added, None);
    assert_eq!((status, withdrawn), (1, false));
    assert_eq!(
        issues,
        [cod002("/conveyance/0/to"), cod002("/location/code")]
    );
    assert_eq!(verdict(&added, Some(&pack)), (0, vec![], false));
    // The deleted code: a seaport built in, withdrawn in the pack.
    let deleted = record_at(DELETED);
    assert_eq!(verdict(&deleted, None), (0, vec![], false));
    // Refused as withdrawn (the message says so), not as unknown.
    let (status, issues, withdrawn) = verdict(&deleted, Some(&pack));
    assert_eq!((status, withdrawn), (1, true));
    assert_eq!(
        issues,
        [cod002("/conveyance/0/to"), cod002("/location/code")]
    );
    // `cen codes --tables` looks the codes up in the pack.
    let code = |code: &str, pack: Option<&Path>| {
        let mut command = cen();
        command.args(["codes", "location", code, "--format", "json"]);
        if let Some(pack) = pack {
            command.arg("--tables").arg(pack);
        }
        let out = run(&mut command);
        (
            out.status,
            serde_json::from_str::<Value>(&out.stdout).unwrap(),
        )
    };
    assert_eq!(code(ADDED, None).0, 1);
    let (status, entry) = code(ADDED, Some(&pack));
    assert_eq!((status, entry["code"].as_str()), (0, Some(ADDED)));
    assert_eq!(code(DELETED, None).1["withdrawn"], false);
    assert_eq!(code(DELETED, Some(&pack)).1["withdrawn"], true);
    // `cen search --tables` offers the pack's places: the added port, not the deleted one.
    let search = |query: &str, pack: Option<&Path>| {
        let mut command = cen();
        command.args(["search", "seaport", query, "--format", "json"]);
        if let Some(pack) = pack {
            command.arg("--tables").arg(pack);
        }
        let out = run(&mut command);
        let found: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
        let codes: Vec<String> = found
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_owned())
            .collect();
        (out.status, codes)
    };
    assert_eq!(search("puerto nuevo de prueba", None), (1, vec![]));
    assert_eq!(
        search("puerto nuevo de prueba", Some(&pack)),
        (0, vec![ADDED.to_owned()])
    );
    assert!(search("Algeciras", None).1.contains(&DELETED.to_owned()));
    assert!(!search("Algeciras", Some(&pack))
        .1
        .contains(&DELETED.to_owned()));
    // A code the pack does not know: the closest codes are the pack's.
    let (status, missing) = code("ESQ9Y", Some(&pack));
    assert_eq!(status, 1);
    assert!(
        missing["closest"]
            .as_array()
            .unwrap()
            .contains(&ADDED.into()),
        "{missing}"
    );
    assert!(!code("ESQ9Y", None).1["closest"]
        .as_array()
        .unwrap()
        .contains(&ADDED.into()));
    let out = run(cen()
        .args(["search", "seaport", "x", "--tables"])
        .arg(dir.path().join("missing.pack")));
    assert_eq!(out.status, 2, "{}", out.stderr);
}

#[test]
fn a_builtin_pack_gives_the_same_reports() {
    let dir = TempDir::new().unwrap();
    let (pack, out) = build(&dir, "builtin.pack", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let seizures = root().join("examples/seizures.ndjson");
    let validate = |pack: Option<&Path>| {
        let mut command = cen();
        command.args(["validate", "--format", "ndjson", "--today", TODAY]);
        if let Some(pack) = pack {
            command.arg("--tables").arg(pack);
        }
        run(command.arg(&seizures))
    };
    let (plain, packed) = (validate(None), validate(Some(&pack)));
    assert_eq!(plain.status, 1, "the examples hold invalid records");
    assert!(plain.stdout.lines().count() > 100);
    assert_eq!(
        (plain.status, &plain.stdout),
        (packed.status, &packed.stdout)
    );
}

/// The files left in `dir` but `keep`.
fn others(dir: &TempDir, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

#[test]
fn bad_files_are_refused_with_their_line_and_leave_no_pack() {
    let dir = TempDir::new().unwrap();
    let cases: [(&str, &str, &[u8], &str); 6] = [
        (
            "--unlocode",
            "short.csv",
            b",\"AD\",\"ALV\",\"Andorra la Vella\",\"Andorra la Vella\",,\"--34-6--\",\"AI\",\"0601\",,\"4230N 00131E\",\n,\"AD\",\"CAN\",\"Canillo\"\n",
            "short.csv:2: 4 columns, expected 12",
        ),
        (
            "--unlocode",
            "marker.csv",
            b"\"?\",\"AD\",\"ALV\",\"Andorra la Vella\",\"Andorra la Vella\",,\"--34-6--\",\"AI\",\"0601\",,,\n",
            "marker.csv:1: Ch: unknown change marker \"?\"",
        ),
        (
            "--unlocode",
            "function.csv",
            b"change,country,location,name,name_wo_diacritics,subdivision,function,status,date,iata,coordinates,remarks\n,AD,ALV,Andorra la Vella,Andorra la Vella,,--34-9--,AI,0601,,,\n",
            "function.csv:2: Function: \"--34-9--\"",
        ),
        (
            "--unlocode",
            "quote.csv",
            b",AD,ALV,Andorra la Vella,Andorra la Vella,,--34-6--,AI,0601,,,\n,AD,CAN,\"Canillo,Canillo,,--3-----,RL,0307,,,\n",
            "quote.csv:2: a quoted cell is not closed",
        ),
        (
            "--airports",
            "airports.csv",
            b"\"icao\",\"iata\",\"name\",\"city\",\"country\"\n",
            "airports.csv:1: no column \"subd\"",
        ),
        (
            "--airports",
            "repeat.csv",
            b"icao,iata,name,city,subd,country\nEBBR,BRU,Brussels Airport,Brussels,Flanders,BE\nEBAW,BRU,Antwerp,Antwerp,Flanders,BE\n",
            "repeat.csv:3: IATA BRU repeats line 2",
        ),
    ];
    for (flag, name, bytes, message) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        std::fs::write(dir.path().join("out.pack"), b"the old pack").unwrap();
        let out = run(cen()
            .args(["tables", "build", "-o"])
            .arg(dir.path().join("out.pack"))
            .arg(flag)
            .arg(&input));
        assert_eq!(out.status, 2, "{name}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{name}: {}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert_eq!(
            std::fs::read(dir.path().join("out.pack")).unwrap(),
            b"the old pack",
            "{name}: the old file is untouched"
        );
        std::fs::remove_file(&input).unwrap();
        assert_eq!(others(&dir, &["out.pack"]), Vec::<String>::new());
    }
    let out = run(cen()
        .args(["tables", "build", "-o"])
        .arg(dir.path().join("x.pack"))
        .arg("--unlocode")
        .arg(dir.path().join("nosuch.csv")));
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("cannot read"), "{}", out.stderr);
}

/// A cell of shared/codes' CSV files, quoted when it must be.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The built-in countries and currencies written as shared/codes holds them (the names in the
/// six languages), with Kosovo's code `XK` added and Antarctica (`AQ`) and the Venezuelan
/// bolívar soberano (`VES`) left out.
fn changed_country_files(dir: &TempDir) -> (PathBuf, PathBuf) {
    use codes_data::Lang;
    let mut countries =
        String::from("alpha2,alpha3,numeric,name_en,name_fr,name_es,name_ru,name_ar,name_pt\n");
    for c in codes_data::countries()
        .iter()
        .filter(|c| c.alpha2() != "AQ")
    {
        let names: Vec<String> = Lang::ALL.iter().map(|l| csv_cell(c.name(*l))).collect();
        countries.push_str(&format!(
            "{},{},{:03},{}\n",
            c.alpha2(),
            c.alpha3(),
            c.numeric(),
            names.join(",")
        ));
    }
    countries.push_str("XK,XKX,983,Kosovo,Kosovo,Kosovo,Косово,كوسوفو,Kosovo\n");
    let mut currencies = String::from(
        "alpha3,numeric,minor_units,flags,name_en,name_fr,name_es,name_ru,name_ar,name_pt\n",
    );
    for c in codes_data::currencies()
        .iter()
        .filter(|c| c.alpha3() != "VES")
    {
        let names: Vec<String> = Lang::ALL.iter().map(|l| csv_cell(c.name(*l))).collect();
        let flags = match (c.superseded_by(), c.is_fund(), c.is_special()) {
            (Some(code), _, _) => format!("superseded({code})"),
            (None, true, _) => "fund".into(),
            (None, false, true) => "special".into(),
            _ => String::new(),
        };
        let minor = c.minor_units().map_or(String::new(), |m| m.to_string());
        currencies.push_str(&format!(
            "{},{:03},{minor},{flags},{}\n",
            c.alpha3(),
            c.numeric(),
            names.join(",")
        ));
    }
    let (a, b) = (
        dir.path().join("countries.csv"),
        dir.path().join("currencies.csv"),
    );
    std::fs::write(&a, countries).unwrap();
    std::fs::write(&b, currencies).unwrap();
    (a, b)
}

#[test]
fn countries_and_currencies_files_change_the_verdicts_exactly_where_they_change_the_table() {
    let dir = TempDir::new().unwrap();
    let (countries, currencies) = changed_country_files(&dir);
    let (pack, out) = build(
        &dir,
        "iso.pack",
        &[
            "--countries".as_ref(),
            countries.as_os_str(),
            "--currencies".as_ref(),
            currencies.as_os_str(),
        ],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("countries: 249 from countries.csv"),
        "{}",
        out.stdout
    );
    let info = info_json(&pack);
    let edition = |table: &str| {
        info["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == table)
            .unwrap()
            .clone()
    };
    assert_eq!(
        edition("countries")["source"],
        "countries CSV: countries.csv"
    );
    assert_eq!(
        edition("currencies")["rows"],
        codes_data::currencies().len() - 1
    );
    assert_eq!(edition("unlocode"), builtin_editions()[3]);
    // The sample record with Kosovo as a transit country, Antarctica as the route's origin and the cash
    // of cencomm-cash.json in bolívares: each change of the tables changes one verdict.
    let text = std::fs::read_to_string(root().join("examples/records/cencomm-cash.json")).unwrap();
    let mut record: Value = serde_json::from_str(&text).unwrap();
    record["route"]["transit"] = serde_json::json!(["XK"]);
    record["route"]["origin"] = "AQ".into();
    record["goods"][0]["currency"] = "VES".into();
    let record = serde_json::to_string(&record).unwrap();
    let (_, builtin, _) = verdict(&record, None);
    let (_, packed, _) = verdict(&record, Some(&pack));
    let issue = |rule: &str, path: &str| (rule.to_owned(), path.to_owned());
    let only_builtin: Vec<_> = builtin
        .iter()
        .filter(|i| !packed.contains(i))
        .cloned()
        .collect();
    let only_pack: Vec<_> = packed
        .iter()
        .filter(|i| !builtin.contains(i))
        .cloned()
        .collect();
    assert_eq!(
        only_builtin,
        [issue("CEN-COD-001", "/route/transit/0")],
        "{builtin:?}"
    );
    assert_eq!(
        only_pack,
        [
            issue("CEN-COD-003", "/goods/0/currency"),
            issue("CEN-COD-001", "/route/origin")
        ],
        "{packed:?}"
    );
    // `cen codes` and `cen search` answer from the pack too.
    let out = run(cen()
        .args(["codes", "country", "XK", "--format", "json", "--tables"])
        .arg(&pack));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"Kosovo\""), "{}", out.stdout);
    let out = run(cen()
        .args(["codes", "currency", "VES", "--tables"])
        .arg(&pack));
    assert_eq!(out.status, 1, "{}", out.stdout);
    let out = run(cen()
        .args([
            "search", "country", "Kosovo", "--format", "json", "--tables",
        ])
        .arg(&pack));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"XK\""), "{}", out.stdout);
    // `cen template --tables` lists the pack's countries and currencies.
    let workbook = dir.path().join("template.xlsx");
    let out = run(cen()
        .args(["template", "--tables"])
        .arg(&pack)
        .arg("-o")
        .arg(&workbook));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&workbook).unwrap()).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(strings.contains("Kosovo — XK"), "no Kosovo in the lists");
    assert!(!strings.contains("— AQ<") && !strings.contains("— VES<"));
    assert!(strings.contains("— BE<") && strings.contains("— EUR<"));
}

/// HS 2022 written as shared/codes/hs.csv holds it (section, hscode, description, parent,
/// level), with the cigars of 240210 withdrawn and a made-up 010195 added.
fn changed_hs_2022(dir: &TempDir) -> PathBuf {
    let mut csv = String::from("section,hscode,description,parent,level\n");
    let mut rows: Vec<(String, String, String)> = (0..codes_data::hs_len())
        .filter_map(|i| codes_data::hs_at(i)?.in_edition(codes_data::HsEdition::Hs2022))
        .filter(|h| h.code() != "240210")
        .map(|h| {
            (
                h.code().to_owned(),
                h.section().to_owned(),
                h.description().to_owned(),
            )
        })
        .collect();
    rows.push((
        "010195".into(),
        "I".into(),
        "Horses; live, made up for a test".into(),
    ));
    for (code, section, description) in rows {
        let parent = if code.len() == 2 {
            "TOTAL"
        } else {
            &code[..code.len() - 2]
        };
        csv.push_str(&format!(
            "{section},{code},{},{parent},{}\n",
            csv_cell(&description),
            code.len()
        ));
    }
    csv.push_str("TOTAL,TOTAL,Total of all HS2022 commodities,TOTAL,5\n");
    let path = dir.path().join("hs.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn an_hs_edition_changes_the_verdicts_exactly_where_it_changes_the_table() {
    let dir = TempDir::new().unwrap();
    let hs = changed_hs_2022(&dir);
    let mut given = std::ffi::OsString::from("2022=");
    given.push(&hs);
    let (pack, out) = build(&dir, "hs.pack", &["--hs".as_ref(), given.as_os_str()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("HS 2022: "), "{}", out.stdout);
    assert!(
        out.stdout.contains("hs_correlation_2022_2017: "),
        "{}",
        out.stdout
    );
    let info = info_json(&pack);
    assert_eq!(info["format_version"], 3);
    let hs_edition = info["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "hs")
        .unwrap()
        .clone();
    assert_eq!(hs_edition["source"], "HS CSV: hs.csv");
    assert_eq!(hs_edition["edition"], "HS 2022");
    // The sample record (seized in 2026, so HS 2022 applies) with the cigars of 240210 and the
    // made-up horses of 010195: each change of the edition changes one verdict.
    let text =
        std::fs::read_to_string(root().join("examples/records/long-sea-container.json")).unwrap();
    let mut record: Value = serde_json::from_str(&text).unwrap();
    let line = record["goods"][0].clone();
    record["goods"][0]["hs_code"] = "240210".into();
    let mut second = line;
    second["hs_code"] = "010195".into();
    record["goods"].as_array_mut().unwrap().push(second);
    let record = serde_json::to_string(&record).unwrap();
    let (_, builtin, _) = verdict(&record, None);
    let (_, packed, _) = verdict(&record, Some(&pack));
    let issue = |rule: &str, path: &str| (rule.to_owned(), path.to_owned());
    let only = |a: &[(String, String)], b: &[(String, String)]| -> Vec<(String, String)> {
        a.iter().filter(|i| !b.contains(i)).cloned().collect()
    };
    assert_eq!(
        only(&builtin, &packed),
        [issue("CEN-COD-005", "/goods/1/hs_code")],
        "{builtin:?}"
    );
    assert_eq!(
        only(&packed, &builtin),
        [issue("CEN-COD-005", "/goods/0/hs_code")],
        "{packed:?}"
    );
    // `cen codes hs` answers from the pack too, correlations included.
    let out = run(cen()
        .args(["codes", "hs", "010195", "--format", "json", "--tables"])
        .arg(&pack));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("made up for a test"), "{}", out.stdout);
    let out = run(cen().args(["codes", "hs", "240210", "--tables"]).arg(&pack));
    assert_eq!(out.status, 1, "{}", out.stdout);
    let correlate = |tables: Option<&Path>| {
        let mut command = cen();
        command.args([
            "codes",
            "hs",
            "240210",
            "--edition",
            "2017",
            "--to",
            "2022",
            "--format",
            "json",
        ]);
        if let Some(pack) = tables {
            command.arg("--tables").arg(pack);
        }
        run(&mut command).stdout
    };
    assert!(correlate(None).contains("\"240210\""));
    assert!(
        !correlate(Some(&pack)).contains("\"240210\""),
        "{}",
        correlate(Some(&pack))
    );
    let out = run(cen()
        .args([
            "search",
            "hs",
            "made up for a test",
            "--format",
            "json",
            "--tables",
        ])
        .arg(&pack));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"010195\""), "{}", out.stdout);
}

#[test]
fn bad_hs_arguments_and_files_are_refused_and_leave_no_pack() {
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "hscode,description\n0101,Horses\n01012,Too short\n").unwrap();
    let mut bad_arg = std::ffi::OsString::from("2017=");
    bad_arg.push(&bad);
    let cases: [(&[&std::ffi::OsStr], &str); 4] = [
        (&["--hs".as_ref(), "hs.csv".as_ref()], "EDITION=CSV"),
        (&["--hs".as_ref(), "2018=hs.csv".as_ref()], "2018"),
        (
            &[
                "--hs".as_ref(),
                "2017=a.csv".as_ref(),
                "--hs".as_ref(),
                "2017=b.csv".as_ref(),
            ],
            "twice",
        ),
        (&["--hs".as_ref(), bad_arg.as_os_str()], "bad.csv:3"),
    ];
    for (args, why) in cases {
        let (pack, out) = build(&dir, "x.pack", args);
        assert_eq!(out.status, 2, "{args:?}");
        assert!(out.stderr.contains(why), "{args:?}: {}", out.stderr);
        assert!(!pack.exists());
    }
    let out = run(cen()
        .args(["tables", "build", "-o"])
        .arg(dir.path().join("x.pack"))
        .args(["--edition", "2025-1"]));
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("--unlocode"), "{}", out.stderr);
}

#[test]
fn info_refuses_a_bad_pack_with_the_loaders_message() {
    let dir = TempDir::new().unwrap();
    let (pack, _) = build(&dir, "good.pack", &[]);
    let bytes = std::fs::read(&pack).unwrap();
    let mut damaged = bytes.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    for (name, content, message) in [
        ("zeros.pack", vec![0u8; 1000], "not a table pack"),
        ("short.pack", bytes[..bytes.len() / 2].to_vec(), "truncated"),
        ("damaged.pack", damaged, "checksum mismatch"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        for extra in [&[][..], &["--format", "json"]] {
            let out = run(cen().args(["tables", "info"]).args(extra).arg(&path));
            assert_eq!(out.status, 2, "{name}");
            assert!(out.stdout.is_empty());
            assert!(
                out.stderr.contains(name) && out.stderr.contains(message),
                "{name}: {}",
                out.stderr
            );
        }
        // And validation refuses it the same way.
        let out = run(cen()
            .args(["validate", "--tables"])
            .arg(&path)
            .arg(root().join("examples/seizures.ndjson")));
        assert_eq!(out.status, 2);
        assert!(out.stderr.contains(message), "{}", out.stderr);
    }
}
