//! Integration tests: the real `cen` binary on every input format, every output format, every
//! exit status, bad files, bad profiles, standard input, and the Excel template round trip.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{cen, root, run};

const TODAY: &str = "2026-11-28";

fn sample(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

fn record(name: &str) -> PathBuf {
    root().join("examples/records").join(name)
}

fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `cen validate --format ndjson` with these arguments: the exit status and the lines.
fn validate_ndjson(args: &[&str], stdin: Option<Vec<u8>>) -> (i32, Vec<Value>, String) {
    let mut command = cen();
    command.args(["validate", "--format", "ndjson", "--today", TODAY]);
    command.args(args);
    if let Some(stdin) = stdin {
        command.write_stdin(stdin);
    }
    let out = run(&mut command);
    let lines = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (out.status, lines, out.stderr)
}

/// The exact bytes of the report inside an NDJSON line of a JSON record (no `columns` key).
fn report_bytes(line: &str) -> &str {
    let start = line.find(",\"report\":").expect("a report") + ",\"report\":".len();
    &line[start..line.len() - 1]
}

fn rules_of(line: &Value) -> Vec<String> {
    line["report"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["rule"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------- conformance vectors

fn vector_files() -> Vec<(String, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("tests/vectors"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect()
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// One case of the vectors through the binary: the reports inside its output lines, its exit
/// status, the reports the core gives in-process for the same inputs, and the blessed ones.
struct CaseRun {
    name: String,
    status: i32,
    stderr: String,
    found: Vec<String>,
    core: Vec<String>,
    blessed: Vec<String>,
}

fn run_vectors() -> Vec<CaseRun> {
    let dir = TempDir::new().unwrap();
    let mut runs = Vec::new();
    for (file, doc) in vector_files() {
        for case in doc["cases"].as_array().unwrap() {
            let count = runs.len();
            let name = format!("{file} / {}", case["name"].as_str().unwrap());
            let options = &case["options"];
            let mut args: Vec<String> = vec![
                "validate".into(),
                "--format".into(),
                "ndjson".into(),
                "--jobs".into(),
                "2".into(),
            ];
            for key in ["today", "lang", "form", "source", "hs_edition"] {
                if let Some(value) = options.get(key).and_then(Value::as_str) {
                    args.push(format!("--{}", key.replace('_', "-")));
                    args.push(value.to_owned());
                }
            }
            if let Some(profile) = options.get("profile").filter(|p| !p.is_null()) {
                let path = write(&dir, &format!("profile-{count}.json"), profile.to_string());
                args.push("--profile".into());
                args.push(path.display().to_string());
            }
            // Each input is one NDJSON line; a text with line breaks is a .json file of its own.
            let lines: Vec<Vec<u8>> = if let Some(batch) = case.get("batch") {
                batch
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|item| match item {
                        Value::String(text) => text.clone().into_bytes(),
                        other => other.to_string().into_bytes(),
                    })
                    .collect()
            } else if let Some(value) = case.get("input") {
                vec![value.to_string().into_bytes()]
            } else if let Some(text) = case.get("input_text").and_then(Value::as_str) {
                vec![text.as_bytes().to_vec()]
            } else {
                vec![hex(case["input_hex"].as_str().unwrap())]
            };
            let path = if lines.len() == 1 && lines[0].contains(&b'\n') {
                let first = lines[0].iter().find(|b| !b.is_ascii_whitespace());
                assert_ne!(
                    first,
                    Some(&b'['),
                    "{name}: a multi-line array cannot be one record"
                );
                write(&dir, &format!("case-{count}.json"), &lines[0])
            } else {
                assert!(lines.iter().all(|l| !l.contains(&b'\n')), "{name}");
                write(&dir, &format!("case-{count}.ndjson"), lines.join(&b'\n'))
            };
            args.push(path.display().to_string());
            let out = run(cen().args(&args));
            let validator = cen_rules::Validator::from_json_options(&options.to_string()).unwrap();
            let core = validator
                .validate_many(lines.iter().map(Vec::as_slice))
                .iter()
                .map(cen_rules::Report::to_json)
                .collect();
            let blessed = match case.get("reports") {
                Some(reports) => reports
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(Value::to_string)
                    .collect(),
                None => vec![case["report"].to_string()],
            };
            runs.push(CaseRun {
                name,
                status: out.status,
                found: out
                    .stdout
                    .lines()
                    .map(|l| report_bytes(l).to_owned())
                    .collect(),
                stderr: out.stderr,
                core,
                blessed,
            });
        }
    }
    assert!(runs.len() >= 150, "only {} cases", runs.len());
    runs
}

/// Every case of `tests/vectors/` through the binary gives, byte for byte, the report the core
/// gives in-process, with the exit status its verdict calls for.
#[test]
fn every_conformance_vector_gives_the_cores_report_byte_for_byte() {
    let runs = run_vectors();
    let failures: Vec<String> = runs
        .iter()
        .filter_map(|r| {
            let expected_status = if r.core.iter().all(|j| j.starts_with("{\"valid\":true")) { 0 } else { 1 };
            (r.found != r.core || r.status != expected_status).then(|| {
                format!(
                    "{}: status {} (expected {expected_status})\n  core  {:?}\n  found {:?}\n  stderr {}",
                    r.name, r.status, r.core, r.found, r.stderr
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
}

/// Every case of `tests/vectors/` through the binary gives its blessed report, byte for byte
/// (read from the vectors at test time, so that re-blessed vectors need no change here).
#[test]
fn every_conformance_vector_gives_its_blessed_report_byte_for_byte() {
    let runs = run_vectors();
    let failures: Vec<String> = runs
        .iter()
        .filter(|r| r.found != r.blessed)
        .map(|r| {
            format!(
                "{}:\n  blessed {:?}\n  found   {:?}",
                r.name, r.blessed, r.found
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------- input formats

fn sample_reports(path: &Path) -> Vec<String> {
    let (status, lines, stderr) = validate_ndjson(&[path.to_str().unwrap()], None);
    assert_eq!(status, 1, "{}: {stderr}", path.display());
    lines.iter().map(|l| l["report"].to_string()).collect()
}

#[test]
fn ndjson_csv_xlsx_and_a_json_array_of_the_same_records_give_the_same_reports() {
    let dir = TempDir::new().unwrap();
    let ndjson = std::fs::read_to_string(sample("seizures.ndjson")).unwrap();
    let items: Vec<&str> = ndjson.lines().collect();
    let array = write(
        &dir,
        "seizures.json",
        format!("[\n{}\n]\n", items.join(",\n")),
    );
    let from_ndjson = sample_reports(&sample("seizures.ndjson"));
    assert_eq!(from_ndjson.len(), 300);
    assert!(from_ndjson.iter().any(|r| r.contains("\"valid\":false")));
    assert_eq!(sample_reports(&array), from_ndjson, "json array");
    assert_eq!(sample_reports(&sample("seizures.csv")), from_ndjson, "csv");
    assert_eq!(
        sample_reports(&sample("seizures.xlsx")),
        from_ndjson,
        "xlsx"
    );
    let jsonl = write(&dir, "seizures.jsonl", &ndjson);
    assert_eq!(sample_reports(&jsonl), from_ndjson, "jsonl");
}

#[test]
fn a_json_file_may_hold_one_object() {
    let (status, lines, _) =
        validate_ndjson(&[record("long-sea-container.json").to_str().unwrap()], None);
    assert_eq!(status, 0);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["report"]["valid"], true);
}

#[test]
fn positions_are_lines_rows_and_record_indices() {
    let (_, lines, _) = validate_ndjson(&[sample("seizures.csv").to_str().unwrap()], None);
    assert_eq!(lines[0]["line"], 2, "the header is line 1");
    assert_eq!(lines[299]["record"], 299);
    let (_, lines, _) = validate_ndjson(&[sample("seizures.xlsx").to_str().unwrap()], None);
    assert_eq!(lines[0]["row"], 2, "Excel rows: the header is row 1");
    assert!(lines[0].get("line").is_none());
    // Flat input names the column of each issue.
    let invalid = lines
        .iter()
        .find(|l| l["report"]["valid"] == false)
        .unwrap();
    let issues = invalid["report"]["issues"].as_array().unwrap();
    let columns = invalid["columns"].as_array().unwrap();
    assert_eq!(issues.len(), columns.len());
    for (issue, column) in issues.iter().zip(columns) {
        let path = issue["path"].as_str().unwrap();
        if path.is_empty() {
            assert!(column.is_null());
        } else {
            assert_eq!(
                column.as_str().unwrap().split('.').next(),
                path.split('/').nth(1)
            );
        }
    }
}

/// Found by the `files` fuzz target: a row with fewer cells than the header.
#[test]
fn a_short_csv_row_has_its_last_fields_absent() {
    let header = "reporting_country,seizure_date,route.origin,route.destination";
    let csv = format!("{header}\nBE,2026-02-28,CO\n");
    let (_, lines, _) = validate_ndjson(&["--input-format", "csv", "-"], Some(csv.into_bytes()));
    assert_eq!(lines.len(), 1);
    let issues = lines[0]["report"]["issues"].as_array().unwrap();
    let destination = issues
        .iter()
        .position(|i| i["path"] == "/route/destination")
        .expect("the missing cell is the missing field");
    assert_eq!(issues[destination]["rule"], "CEN-SCH-004");
    assert_eq!(lines[0]["columns"][destination], "route.destination");
    assert!(issues.iter().all(|i| i["path"] != "/route/origin"));
}

/// Found by the `files` fuzz target: rows ended by a carriage return alone (classic Mac OS)
/// share a line number, as lines are counted by line feeds; each is still its own record.
#[test]
fn csv_rows_ended_by_a_carriage_return_alone_are_records_of_their_own() {
    let csv = b"reporting_country,seizure_date\rBE,2026-02-28\rFR,2026-02-27\rXX,2026-02-26\r";
    let (_, lines, _) = validate_ndjson(&["--input-format", "csv", "-"], Some(csv.to_vec()));
    let records: Vec<_> = lines
        .iter()
        .map(|l| l["record"].as_u64().unwrap())
        .collect();
    assert_eq!(records, [0, 1, 2]);
    assert!(lines.iter().all(|l| l["line"] == 1));
    assert!(rules_of(&lines[2]).contains(&"CEN-COD-001".to_string()));
    assert!(!rules_of(&lines[0]).contains(&"CEN-COD-001".to_string()));
}

#[test]
fn standard_input_is_ndjson_and_the_default() {
    let ndjson = std::fs::read(sample("seizures.ndjson")).unwrap();
    let (status, lines, _) = validate_ndjson(&["-"], Some(ndjson.clone()));
    assert_eq!(status, 1);
    assert_eq!(lines.len(), 300);
    assert_eq!(lines[0]["file"], "<stdin>");
    let (_, without_argument, _) = validate_ndjson(&[], Some(ndjson));
    assert_eq!(without_argument, lines);
    let csv = std::fs::read(sample("seizures.csv")).unwrap();
    let (_, from_csv, _) = validate_ndjson(&["--input-format", "csv", "-"], Some(csv));
    assert_eq!(from_csv.len(), 300);
    let xlsx = std::fs::read(sample("seizures.xlsx")).unwrap();
    let (_, from_xlsx, _) = validate_ndjson(&["--input-format", "xlsx", "-"], Some(xlsx));
    assert_eq!(from_xlsx.len(), 300);
}

// ---------------------------------------------------------------- output formats

#[test]
fn text_lists_invalid_records_and_a_summary_without_colour_in_a_pipe() {
    let out = run(cen()
        .args(["validate", "--today", TODAY])
        .arg(sample("seizures.ndjson")));
    assert_eq!(out.status, 1);
    assert!(out.stdout.contains("seizures.ndjson line "));
    assert!(out.stdout.contains(": INVALID (quality "));
    assert!(out.stdout.contains("Summary"));
    assert!(out.stdout.contains("  records    300"));
    assert!(out.stdout.contains("  rule         severity"));
    assert!(!out.stdout.contains('\x1b'), "no colour outside a terminal");
    assert!(!out.stderr.contains('\x1b'));
    // Only invalid records are listed by default; --all adds valid ones with warnings.
    let blocks = out.stdout.matches(": INVALID").count();
    let json = run(cen()
        .args(["validate", "--format", "json", "--today", TODAY])
        .arg(sample("seizures.ndjson")));
    let document: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        blocks as u64,
        document["summary"]["invalid"].as_u64().unwrap()
    );
    let twice = format!(
        "{0}\n{0}\n",
        serde_json::from_str::<Value>(
            &std::fs::read_to_string(record("long-express-courier.json")).unwrap()
        )
        .unwrap()
    );
    let only_invalid = run(cen()
        .args(["validate", "--today", TODAY, "-"])
        .write_stdin(twice.clone()));
    assert_eq!(only_invalid.status, 0);
    assert!(
        !only_invalid.stdout.contains("[record 1]"),
        "{}",
        only_invalid.stdout
    );
    let all = run(cen()
        .args(["validate", "--all", "--today", TODAY, "-"])
        .write_stdin(twice));
    assert!(
        all.stdout
            .contains("<stdin> line 2 [record 1]: valid (quality"),
        "{}",
        all.stdout
    );
    assert!(all.stdout.contains("CEN-DUP-001  warning"));
    let quiet = run(cen()
        .args(["validate", "-q", "--today", TODAY])
        .arg(sample("seizures.ndjson")));
    assert!(!quiet.stdout.contains("INVALID"));
    assert!(quiet.stdout.starts_with("Summary"));
}

#[test]
fn json_is_one_document_with_every_record_and_a_summary() {
    let out = run(cen()
        .args(["validate", "--format", "json", "--today", TODAY])
        .arg(sample("seizures.ndjson")));
    assert_eq!(out.status, 1);
    let document: Value = serde_json::from_str(&out.stdout).unwrap();
    let records = document["records"].as_array().unwrap();
    assert_eq!(records.len(), 300);
    let summary = &document["summary"];
    assert_eq!(summary["records"], 300);
    let invalid = records
        .iter()
        .filter(|r| r["report"]["valid"] == false)
        .count();
    assert_eq!(summary["invalid"].as_u64().unwrap() as usize, invalid);
    assert_eq!(summary["valid"].as_u64().unwrap() as usize, 300 - invalid);
    let issues: u64 = summary["rules"]
        .as_object()
        .unwrap()
        .values()
        .map(|r| r["issues"].as_u64().unwrap())
        .sum();
    let counted: usize = records
        .iter()
        .map(|r| r["report"]["issues"].as_array().unwrap().len())
        .sum();
    assert_eq!(issues as usize, counted);
    assert_eq!(summary["files"][0]["records"], 300);
}

#[test]
fn csv_has_one_row_per_issue_and_one_per_record_without_issue() {
    let dir = TempDir::new().unwrap();
    let output = dir.path().join("issues.csv");
    let out = run(cen()
        .args(["validate", "--format", "csv", "--today", TODAY, "--output"])
        .arg(&output)
        .arg(sample("seizures.xlsx")));
    assert_eq!(out.status, 1);
    assert!(out.stdout.is_empty(), "the report goes to the file");
    let mut reader = csv::Reader::from_path(&output).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "file", "line", "record", "valid", "quality", "rule", "severity", "path", "column",
            "message", "params", "detail"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let (_, lines, _) = validate_ndjson(&[sample("seizures.xlsx").to_str().unwrap()], None);
    let expected: usize = lines.iter().map(|l| rules_of(l).len().max(1)).sum();
    assert_eq!(rows.len(), expected);
    let mut records: Vec<&str> = rows.iter().map(|r| &r[2]).collect();
    records.dedup();
    assert_eq!(records.len(), 300, "every record, in order");
    for row in rows.iter().filter(|r| !r[5].is_empty() && !r[7].is_empty()) {
        assert!(!row[8].is_empty(), "a column for {:?}", row);
        let _: Value = serde_json::from_str(&row[10]).unwrap();
    }
}

#[test]
fn the_output_keeps_the_input_order_whatever_the_number_of_threads() {
    let one = run(cen()
        .args([
            "validate", "--format", "ndjson", "--jobs", "1", "--today", TODAY,
        ])
        .arg(sample("seizures.ndjson")));
    let four = run(cen()
        .args([
            "validate", "--format", "ndjson", "--jobs", "4", "--today", TODAY,
        ])
        .arg(sample("seizures.ndjson")));
    assert_eq!(one.stdout, four.stdout);
    let zero = run(cen()
        .args(["validate", "--jobs", "0"])
        .arg(sample("seizures.ndjson")));
    assert_eq!(zero.status, 2);
    assert!(zero.stderr.contains("--jobs must be at least 1"));
}

// ---------------------------------------------------------------- exit status, options

#[test]
fn exit_status_0_when_every_record_is_valid() {
    cen()
        .args(["validate", "--today", TODAY])
        .arg(record("long-air-passenger.json"))
        .arg(record("simplified-statistical.json"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("  invalid      0"));
}

#[test]
fn exit_status_1_when_a_record_is_invalid() {
    cen()
        .args(["validate", "--today", TODAY])
        .arg(record("invalid-movement.json"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("CEN-MOV-001"));
}

#[test]
fn exit_status_2_for_what_stops_the_command() {
    let dir = TempDir::new().unwrap();
    let empty = write(&dir, "empty.ndjson", "");
    let blank = write(&dir, "blank.ndjson", "\n  \n");
    let header_only = write(&dir, "header.csv", "reporting_country,seizure_date\n");
    let empty_array = write(&dir, "empty.json", "[ ]");
    let unknown = write(&dir, "records.txt", "{}\n");
    let not_a_workbook = write(&dir, "fake.xlsx", "this is no workbook");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["/no/such/file.ndjson".into()], "no such file"),
        (vec![empty.display().to_string()], "the file is empty"),
        (vec![blank.display().to_string()], "no records"),
        (vec![header_only.display().to_string()], "no records"),
        (vec![empty_array.display().to_string()], "no records"),
        (vec![unknown.display().to_string()], "unknown file type"),
        (
            vec![not_a_workbook.display().to_string()],
            "not a readable .xlsx workbook",
        ),
        (vec![dir.path().display().to_string()], "unknown file type"),
        (
            vec![
                "--today".into(),
                "28/11/2026".into(),
                record("long-air-passenger.json").display().to_string(),
            ],
            "not a calendar date",
        ),
        (vec!["--lang".into(), "de".into()], "invalid value 'de'"),
        (vec!["--format".into(), "xml".into()], "invalid value 'xml'"),
    ];
    for (args, message) in cases {
        let out = run(cen().arg("validate").args(&args));
        assert_eq!(out.status, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn an_output_file_that_is_an_input_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "records.ndjson",
        std::fs::read(sample("seizures.ndjson")).unwrap(),
    );
    for command in ["validate", "export-cen", "stats"] {
        let out = run(cen().arg(command).arg(&path).arg("--output").arg(&path));
        assert_eq!(out.status, 2, "{command}");
        assert!(
            out.stderr.contains("is also an input"),
            "{command}: {}",
            out.stderr
        );
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(sample("seizures.ndjson")).unwrap()
    );
}

#[test]
fn a_bad_file_among_good_ones_loses_no_record() {
    let dir = TempDir::new().unwrap();
    let empty = write(&dir, "empty.csv", "");
    let out = run(cen()
        .args(["validate", "--format", "ndjson", "--today", TODAY])
        .arg(record("long-air-passenger.json"))
        .arg(&empty)
        .arg("/no/such/file.json")
        .arg(record("invalid-movement.json")));
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout.lines().count(), 2);
    assert!(out.stderr.contains("empty.csv: the file is empty"));
    assert!(out.stderr.contains("file.json: no such file"));
}

#[test]
fn profiles_apply_and_a_bad_profile_is_refused_before_any_record_is_read() {
    let nightwatch = sample("profiles/op-nightwatch.json");
    let (status, lines, _) = validate_ndjson(
        &[
            "--profile",
            nightwatch.to_str().unwrap(),
            record("long-sea-container.json").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(status, 0);
    assert_eq!(
        lines[0]["report"]["form"], "simplified",
        "the profile's form"
    );
    let (status, lines, _) = validate_ndjson(
        &[
            "--profile",
            nightwatch.to_str().unwrap(),
            record("cencomm-cash.json").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(status, 1);
    assert!(rules_of(&lines[0]).contains(&"CEN-FRM-002".to_owned()));
    let dir = TempDir::new().unwrap();
    for (text, message) in [
        (r#"{"nom": "x"}"#, "unknown key `nom`"),
        (r#"{"severity": {"CEN-XYZ-001": "off"}}"#, "CEN-XYZ-001"),
        (r#"{"required": ["/goods/*/colour"]}"#, "colour"),
        ("{not json", "not valid JSON"),
        ("[]", "must be a JSON object"),
    ] {
        let profile = write(&dir, "bad-profile.json", text);
        let out = run(cen()
            .args(["validate", "--profile"])
            .arg(&profile)
            .arg(record("long-sea-container.json")));
        assert_eq!(out.status, 2, "{text}");
        assert!(out.stdout.is_empty(), "{text}: nothing is validated");
        assert!(
            out.stderr.contains("bad-profile.json") && out.stderr.contains(message),
            "{text}: {}",
            out.stderr
        );
    }
    let out = run(cen()
        .args(["validate", "--profile", "/no/such/profile.json"])
        .arg(record("long-sea-container.json")));
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("cannot read the profile"));
}

#[test]
fn options_form_source_and_lang_reach_the_core() {
    let file = record("ncen-with-persons.json");
    let (_, lines, _) = validate_ndjson(&["--source", "cen", file.to_str().unwrap()], None);
    assert!(rules_of(&lines[0]).contains(&"CEN-NOM-001".to_owned()));
    let (_, lines, _) = validate_ndjson(&["--form", "simplified", file.to_str().unwrap()], None);
    assert_eq!(lines[0]["report"]["form"], "simplified");
    let english = validate_ndjson(&[record("invalid-movement.json").to_str().unwrap()], None).1;
    let french = validate_ndjson(
        &[
            "--lang",
            "fr",
            record("invalid-movement.json").to_str().unwrap(),
        ],
        None,
    )
    .1;
    assert_eq!(rules_of(&english[0]), rules_of(&french[0]));
    assert_ne!(
        english[0]["report"]["issues"][0]["message"],
        french[0]["report"]["issues"][0]["message"]
    );
}

#[test]
fn duplicates_are_found_across_files_and_formats() {
    let dir = TempDir::new().unwrap();
    let text = std::fs::read_to_string(record("long-express-courier.json")).unwrap();
    let compact = serde_json::from_str::<Value>(&text).unwrap().to_string();
    let first = write(&dir, "first.ndjson", format!("{compact}\n"));
    let (status, lines, _) = validate_ndjson(
        &[
            first.to_str().unwrap(),
            record("long-air-passenger.json").to_str().unwrap(),
            record("long-express-courier.json").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(status, 0, "a duplicate is a warning");
    assert_eq!(lines.len(), 3);
    let dup = &lines[2]["report"]["issues"][0];
    assert_eq!(dup["rule"], "CEN-DUP-001");
    assert_eq!(dup["params"]["first"], 0);
    assert_eq!(lines[2]["record"], 2);
}

/// Duplicates found in a later chunk than their first record (chunks hold 4,096 records) are
/// reported alike whatever the number of threads: the parallel pass keeps only their keys.
#[test]
fn duplicates_across_chunks_are_the_same_whatever_the_number_of_threads() {
    let generated = run(cen().args([
        "generate",
        "--count",
        "5000",
        "--seed",
        "3",
        "--invalid-share",
        "0.2",
        "--today",
        TODAY,
    ]));
    let twice = format!("{}{}", generated.stdout, generated.stdout);
    let reports = |jobs: &str| {
        run(cen()
            .args([
                "validate", "--format", "ndjson", "--jobs", jobs, "--today", TODAY, "-",
            ])
            .write_stdin(twice.clone()))
        .stdout
    };
    let one = reports("1");
    assert!(one.matches("CEN-DUP-001").count() > 2000);
    assert_eq!(reports("2"), one);
    assert_eq!(reports("3"), one);
}

// ---------------------------------------------------------------- bad records and files

#[test]
fn a_malformed_line_is_that_records_sch_001_and_the_run_goes_on() {
    let good = serde_json::from_str::<Value>(
        &std::fs::read_to_string(record("long-air-passenger.json")).unwrap(),
    )
    .unwrap()
    .to_string();
    let mut input = Vec::new();
    input
        .extend_from_slice(format!("{good}\n\n{{\"reporting_country\": \"BE\",\n[1]\n").as_bytes());
    input.extend_from_slice(b"{\"case_ref\": \"\xff\"}\r\n");
    input.extend_from_slice(format!("{good}\n").as_bytes());
    let (status, lines, _) = validate_ndjson(&[], Some(input));
    assert_eq!(status, 1);
    let summary: Vec<(u64, Vec<String>)> = lines
        .iter()
        .map(|l| (l["line"].as_u64().unwrap(), rules_of(l)))
        .collect();
    assert_eq!(summary[0], (1, vec![]));
    assert_eq!(summary[1], (3, vec!["CEN-SCH-001".to_owned()]));
    assert_eq!(summary[2], (4, vec!["CEN-SCH-001".to_owned()]));
    assert_eq!(summary[3], (5, vec!["CEN-SCH-001".to_owned()]));
    assert_eq!(summary[4].0, 6);
    assert!(summary[4].1.contains(&"CEN-DUP-001".to_owned()));
    assert_eq!(
        lines[3]["report"]["issues"][0]["message"],
        "The input is not valid UTF-8 text."
    );
}

#[test]
fn a_record_over_one_mebibyte_is_reported_without_being_held() {
    let dir = TempDir::new().unwrap();
    let big = format!("{{\"narrative\": \"{}\"}}\n{{}}\n", "x".repeat(3 << 20));
    let path = write(&dir, "big.ndjson", big);
    let (_, lines, _) = validate_ndjson(&[path.to_str().unwrap()], None);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["report"]["issues"][0]["message"],
        "The input is larger than 1 MiB."
    );
    assert_eq!(lines[1]["line"], 2);
}

#[test]
fn a_json_array_with_a_broken_item_or_cut_short() {
    let dir = TempDir::new().unwrap();
    let good = std::fs::read_to_string(record("long-air-passenger.json")).unwrap();
    let path = write(
        &dir,
        "broken.json",
        format!("[{good}, {{\"a\": }}, {good}]"),
    );
    let (status, lines, stderr) = validate_ndjson(&[path.to_str().unwrap()], None);
    assert_eq!(status, 1, "{stderr}");
    assert_eq!(lines.len(), 3);
    assert_eq!(rules_of(&lines[1]), ["CEN-SCH-001"]);
    assert_eq!(
        lines[2]["line"],
        good.lines().count() + 1,
        "where the third item starts"
    );
    let cut = write(&dir, "cut.json", format!("[{good}, {good}"));
    let (status, lines, stderr) = validate_ndjson(&[cut.to_str().unwrap()], None);
    assert_eq!(status, 2);
    assert_eq!(lines.len(), 2, "both records are read");
    assert!(stderr.contains("not closed"));
}

#[test]
fn csv_unknown_columns_bad_rows_and_bad_headers() {
    let dir = TempDir::new().unwrap();
    let csv = "reporting_country,seizure_date,colour,goods.0.quantity\nBE,2026-01-01,red,2\nBE,2026-01-01,,1,5\nBE,2026-01-01,,1.5\n,,,\nBE,2026-01-02,,\"1,5\"\n";
    let path = write(&dir, "odd.csv", csv);
    let (status, lines, stderr) = validate_ndjson(&[path.to_str().unwrap()], None);
    assert_eq!(status, 1);
    assert!(
        stderr.contains("`colour`") && stderr.contains("CEN-SCH-003"),
        "{stderr}"
    );
    assert_eq!(lines.len(), 4, "the blank row is not a record");
    assert!(rules_of(&lines[0]).contains(&"CEN-SCH-003".to_owned()));
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(rules_of(&lines[1]), ["CEN-SCH-001"]);
    assert!(lines[1]["detail"].as_str().unwrap().contains("5 cells"));
    assert_eq!(
        lines[1]["report"]["issues"][0]["message"],
        "The input is not a seizure record."
    );
    assert!(!rules_of(&lines[2]).contains(&"CEN-SCH-001".to_owned()));
    assert_eq!(lines[3]["line"], 6);
    let issue = lines[3]["report"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["rule"] == "CEN-SCH-002")
        .unwrap();
    assert_eq!(
        lines[3]["columns"][issue], "goods.0.quantity",
        "a decimal comma is text"
    );

    let semicolons = write(
        &dir,
        "semicolons.csv",
        "\u{feff}reporting_country;route.transit\nBE;\"FR;DE\"\n",
    );
    let (_, lines, _) = validate_ndjson(&[semicolons.to_str().unwrap()], None);
    assert!(!rules_of(&lines[0]).iter().any(|r| r == "CEN-SCH-003"));

    let twice = write(
        &dir,
        "twice.csv",
        "reporting_country,case_ref,reporting_country\nBE,a,NL\n",
    );
    let out = run(cen().arg("validate").arg(&twice));
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("`reporting_country` twice"));

    let latin1 = write(
        &dir,
        "latin1.csv",
        b"case_ref,reporting_country\ncaf\xe9,BE\nok,BE\n",
    );
    let (_, lines, _) = validate_ndjson(&[latin1.to_str().unwrap()], None);
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["detail"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8"));
}

/// A workbook written with rust_xlsxwriter: `sheets` of rows of cells (strings; numbers when
/// they start with `#`), and cells merged.
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)], merged: &[(u32, u16, u32, u16)]) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for (i, (name, rows)) in sheets.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Some(number) = cell.strip_prefix('#') {
                    sheet
                        .write_number(r as u32, c as u16, number.parse::<f64>().unwrap())
                        .unwrap();
                } else if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, *cell).unwrap();
                }
            }
        }
        if i == 0 {
            for (r1, c1, r2, c2) in merged {
                sheet
                    .merge_range(
                        *r1,
                        *c1,
                        *r2,
                        *c2,
                        "merged",
                        &rust_xlsxwriter::Format::new(),
                    )
                    .unwrap();
            }
        }
    }
    workbook.save(path).unwrap();
}

#[test]
fn excel_extra_sheets_merged_cells_and_typed_cells() {
    let dir = TempDir::new().unwrap();
    let header = vec![
        "reporting_country",
        "seizure_date",
        "goods.0.quantity",
        "goods.0.hs_code",
        "case_ref",
    ];
    let rows = vec![
        header.clone(),
        vec!["BE", "2026-01-01", "#2.5", "#240220", "A"],
        vec!["BE", "2026-01-01", "#3", "", "B"],
        vec!["BE", "2026-01-01", "#4", "", "C"],
        vec!["NL", "2026-01-02", "twelve", "", "D"],
    ];
    let path = dir.path().join("extra.xlsx");
    workbook(
        &path,
        &[("data", rows.clone()), ("Notes", vec![vec!["a note"]])],
        &[(2, 4, 3, 4)],
    );
    let (status, lines, stderr) = validate_ndjson(&[path.to_str().unwrap()], None);
    assert_eq!(status, 1);
    assert!(stderr.contains("sheet `Notes` is not read"), "{stderr}");
    assert_eq!(lines.len(), 4);
    let rules: Vec<Vec<String>> = lines.iter().map(rules_of).collect();
    assert!(
        !rules[0].iter().any(|r| r == "CEN-SCH-002"),
        "a typed HS code reads as its digits: {:?}",
        rules[0]
    );
    assert_eq!(rules[1], ["CEN-SCH-001"]);
    assert!(lines[1]["detail"]
        .as_str()
        .unwrap()
        .contains("E3:E4 are merged"));
    assert_eq!(rules[2], ["CEN-SCH-001"]);
    assert!(
        rules[3].contains(&"CEN-SCH-002".to_owned()),
        "text in a number column"
    );
    assert_eq!(lines[3]["row"], 5);

    let merged_header = dir.path().join("merged-header.xlsx");
    workbook(&merged_header, &[("data", rows)], &[(0, 0, 0, 1)]);
    let out = run(cen().arg("validate").arg(&merged_header));
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("header cells A1:B1 are merged"),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------- template round trip

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Fills the first sheet of a template as a person would, by adding rows to its XML, and keeps
/// everything else of the workbook (lists, help, drop-downs, the form's defined name).
fn fill_template(template: &Path, filled: &Path, rows: &[Vec<(usize, Value)>]) {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(template).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(filled).unwrap());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let mut added = String::new();
            for (r, row) in rows.iter().enumerate() {
                let number = r + 2;
                added.push_str(&format!("<row r=\"{number}\">"));
                for (col, value) in row {
                    let cell = format!("{}{number}", letters(*col));
                    match value {
                        Value::Number(n) => {
                            added.push_str(&format!("<c r=\"{cell}\"><v>{n}</v></c>"))
                        }
                        Value::String(s) => added.push_str(&format!(
                            "<c r=\"{cell}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                            xml_escape(s)
                        )),
                        other => panic!("{other}"),
                    }
                }
                added.push_str("</row>");
            }
            let xml = xml.replacen("</sheetData>", &format!("{added}</sheetData>"), 1);
            bytes = xml.into_bytes();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
}

fn letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// The header of the template's records sheet and every drop-down value of its lists sheet.
fn template_parts(template: &Path) -> (Vec<String>, Vec<String>, Vec<String>) {
    use calamine::{Reader, Xlsx};
    let mut workbook: Xlsx<_> = calamine::open_workbook(template).unwrap();
    assert_eq!(workbook.sheet_names(), ["records", "help", "lists"]);
    assert!(workbook
        .defined_names()
        .iter()
        .any(|(n, _)| n == "CEN_FORM"));
    let records = workbook.worksheet_range("records").unwrap();
    let header: Vec<String> = records
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let help = workbook.worksheet_range("help").unwrap();
    let explained: Vec<String> = help.rows().skip(1).map(|r| r[0].to_string()).collect();
    let lists = workbook.worksheet_range("lists").unwrap();
    let values: Vec<String> = lists
        .rows()
        .skip(1)
        .flat_map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>())
        .filter(|v| !v.is_empty())
        .collect();
    (header, explained, values)
}

fn round_trip(form: &str, lang: &str, sample_record: &str, labelled: bool) {
    let dir = TempDir::new().unwrap();
    let template = dir.path().join("template.xlsx");
    cen()
        .args(["template", "--form", form, "--lang", lang, "-o"])
        .arg(&template)
        .assert()
        .code(0);
    let (header, explained, values) = template_parts(&template);
    assert_eq!(
        header, explained,
        "the help sheet explains every column, in order"
    );
    let text = std::fs::read_to_string(record(sample_record)).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut row = Vec::new();
    for (column, cell) in cen_model::flat::flatten(&value) {
        if column == "form" {
            assert_eq!(cell, form, "the template's own form");
            continue;
        }
        let col = header
            .iter()
            .position(|h| *h == column)
            .unwrap_or_else(|| panic!("{form}: no column {column}"));
        let pointer = format!("/{}", column.replace('.', "/"));
        let typed = match value.pointer(&pointer) {
            Some(Value::Number(n)) => Value::Number(n.clone()),
            _ if labelled => {
                // A person picks "label — code" from the drop-down where there is one.
                let suffix = format!(" — {cell}");
                Value::String(
                    values
                        .iter()
                        .find(|v| v.ends_with(&suffix))
                        .cloned()
                        .unwrap_or(cell),
                )
            }
            _ => Value::String(cell),
        };
        row.push((col, typed));
    }
    if labelled {
        assert!(row
            .iter()
            .any(|(_, v)| v.as_str().is_some_and(|s| s.contains(" — "))));
    }
    let filled = dir.path().join("filled.xlsx");
    fill_template(&template, &filled, &[row.clone(), row]);
    let (status, from_excel, stderr) = validate_ndjson(&[filled.to_str().unwrap()], None);
    assert!(!stderr.contains("warning"), "{stderr}");
    let (_, from_json, _) = validate_ndjson(&[record(sample_record).to_str().unwrap()], None);
    assert_eq!(from_excel.len(), 2);
    assert_eq!(
        from_excel[0]["report"], from_json[0]["report"],
        "{form} {lang}"
    );
    assert_eq!(from_excel[0]["report"]["valid"], true);
    assert_eq!(
        rules_of(&from_excel[1]),
        ["CEN-DUP-001"]
            .map(String::from)
            .to_vec()
            .into_iter()
            .filter(|_| from_excel[1]["report"]["issues"].as_array().unwrap().len() == 1)
            .collect::<Vec<_>>()
    );
    assert_eq!(status, 0);
}

#[test]
fn a_filled_long_form_template_reads_back_as_its_record() {
    round_trip("long", "en", "long-sea-container.json", true);
    round_trip("long", "ar", "long-air-passenger.json", true);
    round_trip("long", "fr", "long-express-courier.json", false);
}

#[test]
fn a_filled_simplified_template_reads_back_with_its_form() {
    round_trip("simplified", "es", "simplified-statistical.json", true);
}

#[test]
fn template_refuses_other_extensions() {
    let dir = TempDir::new().unwrap();
    let out = run(cen().args(["template", "-o"]).arg(dir.path().join("t.csv")));
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains(".xlsx"));
}

// ---------------------------------------------------------------- the other commands

#[test]
fn export_cen_removes_nominal_data_keeps_order_and_counts_unreadable_records() {
    let text = std::fs::read_to_string(record("ncen-with-persons.json")).unwrap();
    let compact = serde_json::from_str::<Value>(&text).unwrap().to_string();
    let input = format!("{compact}\nnot json\n{{\"case_ref\": \"second\"}}\n");
    let out = run(cen().args(["export-cen", "-"]).write_stdin(input));
    assert_eq!(out.status, 1);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for field in ["persons", "companies", "narrative"] {
        assert!(lines[0].get(field).is_none(), "{field}");
    }
    assert_eq!(lines[0]["source"], "cen");
    assert_eq!(lines[1]["case_ref"], "second");
    assert!(
        out.stderr.contains("line 2: not exported"),
        "{}",
        out.stderr
    );
    assert!(out
        .stderr
        .contains("2 records exported, 1 could not be read"));
    // The projection validates without CEN-NOM-001.
    let (_, reports, _) = validate_ndjson(&["-"], Some(out.stdout.into_bytes()));
    assert!(!rules_of(&reports[0]).iter().any(|r| r == "CEN-NOM-001"));
    // Every format, in order.
    let all = run(cen().arg("export-cen").arg(sample("seizures.xlsx")));
    assert_eq!(all.status, 0);
    assert_eq!(all.stdout.lines().count(), 300);
}

#[test]
fn export_cen_removes_fields_the_record_does_not_define_at_any_depth() {
    let mut ncen: Value =
        serde_json::from_str(&std::fs::read_to_string(record("ncen-with-persons.json")).unwrap())
            .unwrap();
    ncen["comments"] = "checked twice by Smith".into();
    ncen["route"]["informant"] = serde_json::json!({"name": "Smith"});
    ncen["goods"][0]["seller"] = serde_json::json!(["Smith"]);
    let dir = TempDir::new().unwrap();
    let csv = write(
        &dir,
        "rows.csv",
        "case_ref,comments,route.departure\nA-1,Smith,TR\n",
    );
    let json = run(cen()
        .args(["export-cen", "-"])
        .write_stdin(format!("{ncen}\n")));
    let rows = run(cen().arg("export-cen").arg(&csv));
    assert_eq!(
        (json.status, rows.status),
        (0, 0),
        "{}{}",
        json.stderr,
        rows.stderr
    );
    assert!(!json.stdout.contains("Smith") && !rows.stdout.contains("Smith"));
    let projected: Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert_eq!(
        projected["route"],
        serde_json::json!({"departure": "TR", "destination": "GE"})
    );
    assert_eq!(
        rows.stdout,
        "{\"case_ref\":\"A-1\",\"route\":{\"departure\":\"TR\"},\"source\":\"cen\"}\n"
    );
    assert!(
        json.stderr
            .ends_with("cen: 1 record exported, 0 could not be read\n"),
        "{}",
        json.stderr
    );
}

#[test]
fn export_cen_valid_only_validates_with_the_options_and_skips_invalid_records() {
    let compact = |name: &str| {
        serde_json::from_str::<Value>(&std::fs::read_to_string(record(name)).unwrap())
            .unwrap()
            .to_string()
    };
    let ncen = compact("ncen-with-persons.json");
    let input = format!(
        "{ncen}\n{}\nnot json\n{}\n",
        compact("invalid-movement.json"),
        compact("long-sea-container.json")
    );
    let out = run(cen()
        .args(["export-cen", "--valid-only", "--today", TODAY, "-"])
        .write_stdin(input.clone()));
    assert_eq!(out.status, 1, "{}", out.stderr);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["case_ref"], "NAT-2026-117");
    assert!(lines[0].get("persons").is_none() && lines[0]["source"] == "cen");
    assert!(
        out.stderr
            .contains("line 2: not exported: invalid (CEN-MOV-009, CEN-IDN-001,"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("line 3: not exported: the input is not JSON"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with(
            "cen: 2 records exported, 1 invalid record not exported, 1 could not be read\n"
        ),
        "{}",
        out.stderr
    );
    // The same options as `cen validate`: a profile that requires an HS code leaves out the
    // records without one; several threads give the same output.
    let profiled = run(cen()
        .args([
            "export-cen",
            "--valid-only",
            "--jobs",
            "2",
            "--today",
            TODAY,
            "--profile",
        ])
        .arg(sample("profiles/national-long-form.json"))
        .arg("-")
        .write_stdin(input));
    let (_, reports, _) = validate_ndjson(
        &[
            "--profile",
            sample("profiles/national-long-form.json").to_str().unwrap(),
            "-",
        ],
        Some(format!("{ncen}\n").into_bytes()),
    );
    assert_eq!(
        reports[0]["report"]["valid"], false,
        "the profile makes it invalid"
    );
    assert_eq!(profiled.status, 1);
    assert!(
        !profiled.stdout.contains("NAT-2026-117"),
        "{}",
        profiled.stdout
    );
    assert!(
        profiled
            .stderr
            .contains("0 records exported, 3 invalid records not exported"),
        "{}",
        profiled.stderr
    );
    // Without --valid-only every record that can be read is projected, and --jobs needs it.
    let all = run(cen()
        .args(["export-cen", "-"])
        .write_stdin(format!("{}\n", compact("invalid-movement.json"))));
    assert_eq!((all.status, all.stdout.lines().count()), (0, 1));
    assert_eq!(
        run(cen().args(["export-cen", "--jobs", "2", "-"])).status,
        2
    );
}

#[test]
fn stats_count_valid_records_once_and_add_up_mass() {
    let dir = TempDir::new().unwrap();
    let sea = serde_json::from_str::<Value>(
        &std::fs::read_to_string(record("long-air-passenger.json")).unwrap(),
    )
    .unwrap();
    let input = write(&dir, "stats.ndjson", format!("{sea}\n{sea}\n{{}}\n"));
    let out = run(cen()
        .args(["stats", "--format", "json", "--today", TODAY])
        .arg(&input));
    assert_eq!(out.status, 1, "a record is invalid");
    let stats: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(stats["records"], 3);
    assert_eq!(stats["counted"], 1);
    assert_eq!(stats["invalid"], 1);
    assert_eq!(stats["duplicates"], 1);
    let groups = stats["groups"].as_array().unwrap();
    assert!(!groups.is_empty());
    let line = &sea["goods"][0];
    let group = &groups[0];
    assert_eq!(group["commodity"], line["commodity"]);
    assert_eq!(group["type"], line["type"]);
    assert_eq!(group["reporting_country"], sea["reporting_country"]);
    assert_eq!(group["cases"], 1);
    assert_eq!(group["year"], &sea["seizure_date"].as_str().unwrap()[..4]);

    let csv = run(cen()
        .args(["stats", "--format", "csv", "--today", TODAY])
        .arg(sample("seizures.csv")));
    assert_eq!(csv.status, 1);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    assert_eq!(reader.headers().unwrap().get(9), Some("mass_kg"));
    let cases: u64 = reader
        .records()
        .map(|r| r.unwrap()[7].parse::<u64>().unwrap())
        .sum();
    assert!(cases >= 200);
    let text = run(cen()
        .args(["stats", "--today", TODAY])
        .arg(sample("seizures.ndjson")));
    assert!(text.stdout.contains("Valid records counted"));
    assert!(text.stdout.contains("Total mass equivalent"));
}

#[test]
fn stats_give_a_total_per_dimension_before_the_cross_table() {
    let text = run(cen()
        .args(["stats", "--today", TODAY])
        .arg(sample("seizures.ndjson")));
    let at = |needle: &str| {
        text.stdout
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in {}", text.stdout))
    };
    let order = [
        at("\nby commodity "),
        at("\nby country "),
        at("\nby conveyance "),
        at("\nby year "),
        at("\ncommodity "),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let out = run(cen()
        .args(["stats", "--format", "json", "--today", TODAY])
        .arg(sample("seizures.ndjson")));
    let stats: Value = serde_json::from_str(&out.stdout).unwrap();
    let counted = stats["counted"].as_u64().unwrap();
    let mass = stats["mass_kg"].as_f64().unwrap();
    for dimension in ["commodity", "reporting_country", "conveyance", "year"] {
        let totals = stats["totals"][dimension].as_array().unwrap();
        let cases: u64 = totals.iter().map(|t| t["cases"].as_u64().unwrap()).sum();
        let sum: f64 = totals.iter().filter_map(|t| t["mass_kg"].as_f64()).sum();
        assert!(
            (sum - mass).abs() < 1e-3,
            "{dimension}: {sum} kg, {mass} kg in all"
        );
        // One country, conveyance and year per record; a record may have several areas.
        if dimension == "commodity" {
            assert!(cases >= counted, "{dimension}");
        } else {
            assert_eq!(cases, counted, "{dimension}");
        }
        // The text shows the same cases.
        let first = &totals[0];
        let value = first["value"].as_str().unwrap();
        assert!(
            text.stdout.lines().any(|l| l.starts_with(value)
                && l.split_whitespace().nth(1) == Some(&first["cases"].to_string())),
            "{dimension} {value}"
        );
    }
}

#[test]
fn the_cli_own_words_no_empty_summary_plurals_and_aligned_issues() {
    // A fatal input error: its message, and no empty summary after it.
    let out = run(cen().args(["validate", "nosuch.ndjson"]));
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("nosuch.ndjson: no such file"),
        "{}",
        out.stderr
    );
    // One of each: singular words.
    let record = std::fs::read_to_string(record("long-sea-container.json")).unwrap();
    let one = serde_json::from_str::<Value>(&record).unwrap().to_string();
    let dir = TempDir::new().unwrap();
    let file = write(&dir, "one.ndjson", format!("{one}\n"));
    let out = run(cen().arg("export-cen").arg(&file).arg("nosuch.ndjson"));
    assert!(
        out.stderr
            .ends_with("cen: 1 record exported, 0 could not be read, 1 input problem\n"),
        "{}",
        out.stderr
    );
    // Issues of flat input: the messages of a record start in one column.
    let csv = write(
        &dir,
        "rows.csv",
        "reporting_country,seizure_date,goods.0.concealment_method_of_the_goods,route.origin\nBE,2026-02-30,x,UK\n",
    );
    let out = run(cen().args(["validate", "--today", TODAY]).arg(&csv));
    let issues: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("  CEN-") && l.contains(" /"))
        .collect();
    assert!(issues.len() >= 3, "{}", out.stdout);
    let starts: Vec<usize> = issues
        .iter()
        .map(|l| {
            let place_end = l[24..].find("  ").unwrap() + 24;
            place_end + l[place_end..].find(|c: char| c != ' ').unwrap()
        })
        .collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{}", out.stdout);
    // `cen rules` explains its placeholders.
    let rules = run(cen().arg("rules"));
    assert!(
        rules.stdout.contains("{@field} is the label of the field"),
        "{}",
        rules.stdout
    );
}

#[test]
fn codes_are_found_or_the_closest_are_suggested() {
    cen()
        .args(["codes", "country", "be", "--lang", "fr"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Belgique"));
    cen()
        .args(["codes", "location", "NLRTM"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("seaport"));
    cen()
        .args(["codes", "hs", "2402.20"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("240220"));
    let out = run(cen().args(["codes", "airport", "EBBR", "--format", "json"]));
    let entry: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(entry["country"], "BE");
    let out = run(cen().args(["codes", "currency", "EUO"]));
    assert_eq!((out.status, out.stdout.as_str()), (1, ""));
    assert!(
        out.stderr
            .starts_with("cen: not found: no currency code `EUO` (closest: ")
            && out.stderr.contains("EUR"),
        "{}",
        out.stderr
    );
    // A name where a code was expected: the answer says where names are looked up.
    let out = run(cen().args(["codes", "location", "Santos"]));
    assert_eq!(out.status, 1);
    assert!(
        out.stderr
            .contains("to find a code by its name: cen search location 'Santos'"),
        "{}",
        out.stderr
    );
    let out = run(cen().args(["codes", "hs", "9999"]));
    assert!(!out.stderr.contains("cen search"), "{}", out.stderr);
    // The suggestion of CEN-COD-001, for an alias as for a code in lower case.
    let out = run(cen().args(["codes", "country", "UK"]));
    assert_eq!((out.status, out.stdout.as_str()), (1, ""));
    assert!(
        out.stderr
            .contains("no country code `UK`: did you mean `GB`? (UK: reserved at the request"),
        "{}",
        out.stderr
    );
    let out = run(cen().args(["codes", "country", "el", "--format", "json"]));
    let missing: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (missing["code"].as_str(), missing["suggest"].as_str()),
        (Some("EL"), Some("GR"))
    );
    let out = run(cen().args(["codes", "hs", "99"]));
    assert!(out.stderr.contains("no HS code `99`"), "{}", out.stderr);
    let out = run(cen().args(["codes", "location", "NLRTN", "--format", "json"]));
    let missing: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(missing["found"], false);
    assert!(missing["closest"]
        .as_array()
        .unwrap()
        .contains(&Value::from("NLRTM")));
    assert_eq!(run(cen().args(["codes", "planet", "X"])).status, 2);
}

/// The shared look-up cases (spec 5.3b) through `cen codes`: the same entries as every other
/// surface finds (a command line cannot pass a NUL byte: those cases are skipped).
#[test]
fn codes_forgive_what_people_type_as_every_surface_does() {
    let text = std::fs::read_to_string(root().join("tests/lookups/forgiving.json")).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    for case in file["cases"].as_array().unwrap() {
        let code = case["code"].as_str().unwrap();
        if code.contains('\0') {
            continue;
        }
        let table = case["table"].as_str().unwrap();
        let out = run(cen().args(["codes", table, code, "--format", "json"]));
        if case["found"].is_null() {
            assert_eq!(out.status, 1, "{}: {}", case["name"], out.stdout);
        } else {
            assert_eq!(out.status, 0, "{}: {}", case["name"], out.stderr);
            let entry: Value = serde_json::from_str(&out.stdout).unwrap();
            assert_eq!(entry["code"], case["found"], "{}", case["name"]);
        }
    }
}

#[test]
fn hs_codes_of_every_edition_and_their_correlations() {
    cen()
        .args([
            "codes",
            "hs",
            "8517.12",
            "--edition",
            "2017",
            "--to",
            "2022",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "851713  1:n  Telephone sets; smartphones",
        ));
    let out = run(cen().args(["codes", "hs", "851713", "--to", "2017", "--format", "json"]));
    let pairs: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        pairs,
        serde_json::json!([{"code": "851712", "relationship": "n:1"}])
    );
    let out = run(cen().args(["codes", "hs", "851713", "--edition", "2017", "--to", "2022"]));
    assert_eq!(out.status, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .contains("cen: not found: HS 2017 has no code `851713`"),
        "{}",
        out.stderr
    );
    let out = run(cen().args([
        "codes",
        "hs",
        "851712",
        "--edition",
        "2017",
        "--format",
        "json",
    ]));
    let entry: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(entry["edition"], "2017");
    assert_eq!(run(cen().args(["codes", "hs", "851712"])).status, 1);
    for bad in [
        &["codes", "hs", "851712", "--edition", "2018"][..],
        &["codes", "hs", "851712", "--to", "HS2022"],
        &["codes", "country", "BE", "--edition", "2017"],
    ] {
        let out = run(cen().args(bad));
        assert_eq!(out.status, 2, "{bad:?}");
        assert!(!out.stderr.is_empty());
    }
    let out = run(cen().args(["codes", "hs", "1", "--edition", "2018"]));
    assert!(
        out.stderr
            .contains("`2018` is not an HS edition: use 2012, 2017 or 2022"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_hs_edition_is_refused_before_any_record() {
    let out = run(cen().args(["validate", "--hs-edition", "2019", "--today", TODAY, "-"]));
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("option `hs_edition`: `2019` is not an HS edition: use 2012, 2017 or 2022"),
        "{}",
        out.stderr
    );
}

#[test]
fn rules_schema_and_version() {
    let out = run(cen().args(["rules", "--format", "json"]));
    let catalogue: Value = serde_json::from_str(&out.stdout).unwrap();
    let rules = catalogue.as_array().unwrap();
    assert_eq!(rules.len(), cen_rules::catalogue().len());
    let text = run(cen().args(["rules", "--lang", "fr"]));
    for rule in cen_rules::catalogue() {
        assert!(text.stdout.contains(rule.id));
        assert!(text.stdout.contains(rule.template(codes_data::Lang::Fr)));
    }
    let schema: Value = serde_json::from_str(&run(cen().arg("schema")).stdout).unwrap();
    assert_eq!(&schema, cen_model::schema::schema());
    let version = run(cen().arg("--version"));
    assert!(version
        .stdout
        .starts_with(&format!("cen {}", env!("CARGO_PKG_VERSION"))));
    for edition in codes_data::editions() {
        assert!(version.stdout.contains(edition.table) && version.stdout.contains(edition.edition));
    }
}

#[test]
fn generate_is_seeded_and_checks_its_arguments() {
    let a = run(cen().args([
        "generate",
        "--count",
        "20",
        "--seed",
        "9",
        "--invalid-share",
        "0.5",
    ]));
    let b = run(cen().args([
        "generate",
        "--count",
        "20",
        "--seed",
        "9",
        "--invalid-share",
        "0.5",
    ]));
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(a.stdout.lines().count(), 20);
    let (status, lines, _) = validate_ndjson(&["-"], Some(a.stdout.into_bytes()));
    assert_eq!(lines.len(), 20);
    assert_eq!(status, 1, "half of them carry a mistake");
    let out = run(cen().args(["generate", "--count", "3", "--invalid-share", "1.5"]));
    assert_eq!(out.status, 2);
    let out = run(cen().args(["generate", "--count", "3", "--today", "2026-13-01"]));
    assert_eq!(out.status, 2);
}

#[test]
fn every_command_has_help_with_examples() {
    for command in [
        "validate",
        "export-cen",
        "stats",
        "template",
        "schema",
        "codes",
        "rules",
        "generate",
    ] {
        cen()
            .args([command, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Examples:"));
    }
    cen()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Examples:"));
}

#[test]
fn a_closed_pipe_is_not_an_error_message() {
    // The reader of our output goes away after the first line.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cen"))
        .args(["generate", "--count", "200000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(141));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
