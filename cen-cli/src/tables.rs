//! `cen tables build` and `cen tables info` (spec 7.2): a table pack from the publishers' own
//! files, and what a pack holds. The reading rules are `codes_data::upstream`'s, the pack
//! format `codes_data::build_pack`'s; this module opens the files and writes the pack.

use std::io::Write;
use std::path::{Path, PathBuf};

use codes_data::upstream::{
    read_airports, read_countries, read_currencies, read_hs, Encoding, UnlocodeReader,
};
use codes_data::{build_pack, PackInput, Tables, PACK_VERSION};
use serde_json::json;

use crate::args::{OutputKind, TablesBuildArgs, TablesInfoArgs};
use crate::{Failure, EXIT_VALID};

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path)
        .map_err(|error| Failure::Message(format!("cannot read {}: {error}", path.display())))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The edition UNECE's file names carry (`2024-2 UNLOCODE CodeListPart1.csv`), when every file
/// names the same one.
fn edition_of_names(paths: &[PathBuf]) -> Option<String> {
    let mut found: Option<String> = None;
    for p in paths {
        let name = file_name(p);
        let b = name.as_bytes();
        let ok = b.len() > 7
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5].is_ascii_digit()
            && b[6] == b' ';
        if !ok {
            return None;
        }
        let e = name[..6].to_owned();
        if found.as_ref().is_some_and(|f| *f != e) {
            return None;
        }
        found = Some(e);
    }
    found
}

/// `cen tables build`.
pub fn build(args: TablesBuildArgs) -> Result<u8, Failure> {
    let mut hs_files = Vec::new();
    for given in &args.hs {
        let (year, path) = given.split_once('=').ok_or_else(|| {
            Failure::Message(format!(
                "--hs {given}: give EDITION=CSV, for example --hs 2022=hs.csv"
            ))
        })?;
        let edition = cen_rules::api::hs_edition(year)
            .map_err(|problem| Failure::Message(format!("--hs {given}: {problem}")))?;
        if hs_files.iter().any(|(e, _)| *e == edition) {
            return Err(Failure::Message(format!("--hs: HS {year} is given twice")));
        }
        hs_files.push((edition, PathBuf::from(path)));
    }
    if args.edition.is_some() && args.unlocode.is_empty() {
        return Err(Failure::Message(
            "--edition names the UN/LOCODE edition read with --unlocode: give the files too".into(),
        ));
    }
    let mut inputs = args.unlocode.clone();
    inputs.extend(args.airports.clone());
    inputs.extend(args.countries.clone());
    inputs.extend(args.currencies.clone());
    inputs.extend(hs_files.iter().map(|(_, path)| path.clone()));
    crate::options::check_output(Some(&args.output), &inputs)?;
    let mut summary = Vec::new();
    let mut input = PackInput::default();
    if !args.unlocode.is_empty() {
        let mut reader = UnlocodeReader::new();
        let mut names = Vec::new();
        for path in &args.unlocode {
            let bytes = read(path)?;
            let encoding = reader
                .add(&path.display().to_string(), &bytes)
                .map_err(|error| Failure::Message(format!("--unlocode {error}")))?;
            names.push(format!(
                "{}{}",
                file_name(path),
                if encoding == Encoding::Latin1 {
                    " (Latin-1)"
                } else {
                    ""
                }
            ));
        }
        let s = reader.stats().clone();
        let edition = args
            .edition
            .clone()
            .or_else(|| edition_of_names(&args.unlocode))
            .unwrap_or_else(|| "not stated".into());
        summary.push(format!(
            "unlocode: {} entries ({} withdrawn) from {} rows of {}; skipped: {} country rows, {} reference entries, {} codes with 0 or 1, {} repeated codes",
            s.kept,
            s.withdrawn,
            s.records,
            names.join(", "),
            s.countries,
            s.references,
            s.excluded,
            s.duplicates
        ));
        input.unlocode_edition = Some((edition, format!("UN/LOCODE CSV: {}", names.join(", "))));
        input.unlocode = Some(reader.into_rows());
    }
    if let Some(path) = &args.airports {
        let bytes = read(path)?;
        let (rows, s) = read_airports(&path.display().to_string(), &bytes)
            .map_err(|error| Failure::Message(format!("--airports {error}")))?;
        summary.push(format!(
            "airports: {} entries from {} rows of {}; skipped: {} without an IATA or ICAO code",
            s.kept,
            s.records,
            file_name(path),
            s.no_code
        ));
        input.airports_edition = Some((
            "not stated".into(),
            format!("airportsdata CSV: {}", file_name(path)),
        ));
        input.airports = Some(rows);
    }
    if let Some(path) = &args.countries {
        let bytes = read(path)?;
        let rows = read_countries(&path.display().to_string(), &bytes)
            .map_err(|error| Failure::Message(format!("--countries {error}")))?;
        summary.push(format!(
            "countries: {} from {}",
            rows.len(),
            file_name(path)
        ));
        input.countries_edition = Some((
            "not stated".into(),
            format!("countries CSV: {}", file_name(path)),
        ));
        input.countries = Some(rows);
    }
    if let Some(path) = &args.currencies {
        let bytes = read(path)?;
        let rows = read_currencies(&path.display().to_string(), &bytes)
            .map_err(|error| Failure::Message(format!("--currencies {error}")))?;
        summary.push(format!(
            "currencies: {} from {}",
            rows.len(),
            file_name(path)
        ));
        input.currencies_edition = Some((
            "not stated".into(),
            format!("currencies CSV: {}", file_name(path)),
        ));
        input.currencies = Some(rows);
    }
    for (edition, path) in hs_files {
        let bytes = read(&path)?;
        let rows = read_hs(&path.display().to_string(), &bytes)
            .map_err(|error| Failure::Message(format!("--hs {error}")))?;
        summary.push(format!(
            "{}: {} codes from {}",
            edition,
            rows.len(),
            file_name(&path)
        ));
        input
            .hs
            .push((edition, rows, format!("HS CSV: {}", file_name(&path))));
    }
    let given_hs = !input.hs.is_empty();
    let bytes = build_pack(input).map_err(|error| Failure::Message(error.to_string()))?;
    // What is written is what loads: checked before the file exists.
    let tables = Tables::from_bytes(&bytes).map_err(|error| Failure::Message(error.to_string()))?;
    write_atomically(&args.output, &bytes)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "wrote {} ({} bytes, sha256 {})",
        args.output.display(),
        bytes.len(),
        tables.sha256().unwrap_or_default()
    )?;
    if given_hs {
        // What the correlations kept: UNSD's pairs whose codes the editions given still have.
        let builtin = Tables::builtin();
        for table in ["hs_correlation_2022_2017", "hs_correlation_2017_2012"] {
            let rows = |t: &Tables| {
                t.editions()
                    .iter()
                    .find(|e| e.table == table)
                    .map_or(0, |e| e.rows)
            };
            summary.push(format!(
                "{table}: {} pairs kept of the {} built in",
                rows(&tables),
                rows(&builtin)
            ));
        }
    }
    for line in summary {
        writeln!(out, "  {line}")?;
    }
    Ok(EXIT_VALID)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it: `path` is either the
/// whole new pack or what it was before, never half a pack.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = dir.join(format!(".{}.{}.tmp", file_name(path), std::process::id()));
    let fail = |error: std::io::Error| {
        let _ = std::fs::remove_file(&temp);
        Failure::Message(format!("cannot write {}: {error}", path.display()))
    };
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    result.map_err(fail)?;
    std::fs::rename(&temp, path).map_err(fail)
}

/// `cen tables info`.
pub fn info(args: TablesInfoArgs) -> Result<u8, Failure> {
    let tables = Tables::load(&args.pack)
        .map_err(|error| Failure::Message(format!("{}: {error}", args.pack.display())))?;
    let size = std::fs::metadata(&args.pack).map(|m| m.len()).unwrap_or(0);
    let sha = tables.sha256().unwrap_or_default();
    let version = tables.format_version().unwrap_or(PACK_VERSION);
    let editions = tables.editions();
    let mut out = std::io::stdout().lock();
    match args.format {
        OutputKind::Json => {
            let tables: Vec<_> = editions
                .iter()
                .map(|e| {
                    json!({"table": e.table, "edition": e.edition, "source": e.source,
                           "licence": e.licence, "rows": e.rows})
                })
                .collect();
            let value = json!({"file": args.pack.display().to_string(), "format_version": version,
                "bytes": size, "sha256": sha, "tables": tables});
            writeln!(out, "{value}")?;
        }
        OutputKind::Text => {
            writeln!(out, "table pack {}: checked", args.pack.display())?;
            writeln!(out, "format version: {version}")?;
            writeln!(out, "size: {size} bytes")?;
            writeln!(out, "sha256: {sha}")?;
            writeln!(out, "tables:")?;
            let width = editions.iter().map(|e| e.table.len()).max().unwrap_or(0);
            for e in &editions {
                writeln!(
                    out,
                    "  {:<width$}  {} ({} rows)\n  {:<width$}  source: {}",
                    e.table, e.edition, e.rows, "", e.source
                )?;
            }
        }
    }
    Ok(EXIT_VALID)
}
