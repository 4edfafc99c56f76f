//! `cen search` and `cen form-model` (spec 6): the shared data-entry vectors (tests/data-entry)
//! byte for byte, exit statuses and bad arguments.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn cen() -> Command {
    let mut command = Command::cargo_bin("cen").expect("the cen binary is built");
    command.env("NO_COLOR", "1");
    command
}

fn entry_file(name: &str) -> Value {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data-entry")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn stdout(command: &mut Command) -> (i32, String, String) {
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn search_vectors_byte_for_byte() {
    let mut run = 0;
    for case in entry_file("search.json")["cases"].as_array().unwrap() {
        let query = case["query"].as_str().unwrap();
        // A command line cannot carry NUL, and needs at least one word.
        if query.trim().is_empty() || query.contains('\0') || query.starts_with('-') {
            continue;
        }
        let mut command = cen();
        command.args([
            "search",
            case["table"].as_str().unwrap(),
            query,
            "--format",
            "json",
        ]);
        let options = &case["options"];
        if let Some(lang) = options["lang"].as_str() {
            command.args(["--lang", lang]);
        }
        if let Some(country) = options["country"].as_str() {
            command.args(["--country", country]);
        }
        if let Some(edition) = options["hs_edition"].as_str() {
            command.args(["--hs-edition", edition]);
        }
        if let Some(limit) = options["limit"].as_u64() {
            command.args(["--limit", &limit.to_string()]);
        }
        let (status, out, err) = stdout(&mut command);
        let expected = case["results"].to_string();
        assert_eq!(out.trim_end(), expected, "{}: {err}", case["name"]);
        let empty = case["results"].as_array().unwrap().is_empty();
        assert_eq!(status, if empty { 1 } else { 0 }, "{}", case["name"]);
        run += 1;
    }
    assert!(run >= 20, "{run}");
}

#[test]
fn search_as_text_finds_the_port_of_santos() {
    let (status, out, _) = stdout(cen().args(["search", "location", "Santos"]));
    assert_eq!(status, 0);
    assert!(
        out.lines()
            .any(|l| l.starts_with("BRSSZ") && l.contains("Santos")),
        "{out}"
    );
    let (status, out, _) = stdout(cen().args([
        "search",
        "country",
        "Allemagne",
        "--lang",
        "ar",
        "--limit",
        "1",
    ]));
    assert_eq!(status, 0);
    assert!(out.starts_with("DE") && out.contains("ألمانيا"), "{out}");
    let (status, out, _) = stdout(cen().args(["search", "location", "zzzzqqqq"]));
    assert_eq!(status, 1);
    assert!(out.contains("nothing found"));
    let (status, _, err) = stdout(cen().args(["search", "planet", "Mars"]));
    assert_eq!(status, 2, "{err}");
    let (status, _, err) = stdout(cen().args(["search", "location"]));
    assert_eq!(status, 2, "{err}");
}

#[test]
fn form_model_vectors_byte_for_byte() {
    let dir = tempfile::TempDir::new().unwrap();
    for case in entry_file("form-model.json")["cases"].as_array().unwrap() {
        let options = &case["options"];
        let mut command = cen();
        command.arg("form-model");
        for key in ["form", "source", "lang"] {
            if let Some(value) = options[key].as_str() {
                command.args([format!("--{key}"), value.to_owned()]);
            }
        }
        if !options["profile"].is_null() {
            let path = dir.path().join("profile.json");
            std::fs::write(&path, options["profile"].to_string()).unwrap();
            command.arg("--profile").arg(&path);
        }
        let (status, out, err) = stdout(&mut command);
        assert_eq!(status, 0, "{err}");
        assert_eq!(
            out.trim_end(),
            case["model"].to_string(),
            "{}",
            case["name"]
        );
    }
}

#[test]
fn form_model_refuses_a_malformed_profile() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("empty-areas.json");
    std::fs::write(&path, r#"{"commodities": []}"#).unwrap();
    let (status, _, err) = stdout(cen().arg("form-model").arg("--profile").arg(&path));
    assert_eq!(status, 2);
    assert!(err.contains("commodities"), "{err}");
}
