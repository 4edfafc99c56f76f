//! Data entry (spec 6): `cen search` and `cen form-model`, each one core call.

use std::io::Write;

use cen_rules::search::{SearchOptions, Table};
use serde_json::{Map, Value};

use crate::args::{FormModelArgs, OutputKind, SearchArgs, SearchTableArg};
use crate::style::Style;
use crate::{options, Failure, EXIT_INVALID, EXIT_VALID};

fn table(arg: SearchTableArg) -> Table {
    match arg {
        SearchTableArg::Location => Table::Location,
        SearchTableArg::Airport => Table::Airport,
        SearchTableArg::Seaport => Table::Seaport,
        SearchTableArg::Country => Table::Country,
        SearchTableArg::Currency => Table::Currency,
        SearchTableArg::Hs => Table::Hs,
    }
}

/// What a person reads of one result besides its code and name.
fn detail(result: &Value) -> String {
    let text = |key: &str| result[key].as_str().unwrap_or("").to_owned();
    let mut parts = Vec::new();
    match result["kind"].as_str() {
        Some("airport") => {
            let codes: Vec<String> = ["iata", "icao"]
                .iter()
                .map(|k| text(k))
                .filter(|c| !c.is_empty())
                .collect();
            parts.push(codes.join("/"));
            parts.push(text("city"));
        }
        Some(_) => {
            let functions: Vec<String> = result["functions"]
                .as_array()
                .map(|fs| {
                    fs.iter()
                        .map(|f| f["label"].as_str().unwrap_or("").to_owned())
                        .collect()
                })
                .unwrap_or_default();
            parts.push(functions.join(", "));
        }
        None => {}
    }
    if result.get("edition").is_some() {
        parts.push(format!("HS {}", text("edition")));
    }
    parts.push(text("country_name"));
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}

/// Runs `cen search`.
pub fn search(args: SearchArgs) -> Result<u8, Failure> {
    let mut json = Map::new();
    json.insert("lang".into(), args.lang.lang().code().into());
    json.insert("limit".into(), args.limit.into());
    if let Some(country) = &args.country {
        json.insert("country".into(), country.as_str().into());
    }
    if let Some(edition) = &args.hs_edition {
        json.insert("hs_edition".into(), edition.as_str().into());
    }
    let options = SearchOptions::from_value(&Value::Object(json))
        .map_err(|error| format!("bad option: {error}"))?;
    let query = args.query.join(" ");
    let tables = options::tables(args.tables.as_deref())?;
    let results = match cen_rules::search::pack_index(&tables) {
        Some(index) => index.search(table(args.table), &query, &options),
        None => cen_rules::search::search(table(args.table), &query, &options),
    };
    let (mut out, terminal) = options::output(None)?;
    match args.format {
        OutputKind::Json => writeln!(out, "{}", Value::Array(results.clone()))?,
        OutputKind::Text => {
            let style = Style::new(terminal);
            if results.is_empty() {
                writeln!(out, "nothing found for \"{}\"", query.escape_debug())?;
            }
            let width = results
                .iter()
                .map(|r| r["code"].as_str().map_or(0, str::len))
                .max()
                .unwrap_or(0);
            for result in &results {
                let code = result["code"].as_str().unwrap_or("");
                let name = result["name"].as_str().unwrap_or("");
                let detail = detail(result);
                let detail = if detail.is_empty() {
                    String::new()
                } else {
                    format!("  ({detail})")
                };
                writeln!(
                    out,
                    "{}  {name}{detail}",
                    style.strong(&format!("{code:<width$}"))
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if results.is_empty() {
        EXIT_INVALID
    } else {
        EXIT_VALID
    })
}

/// Runs `cen form-model`.
pub fn form_model(args: FormModelArgs) -> Result<u8, Failure> {
    let parsed = options::parse(
        args.form,
        args.source,
        args.lang,
        args.profile.as_deref(),
        Map::new(),
    )?;
    let (mut out, _) = options::output(None)?;
    writeln!(out, "{}", cen_rules::form_model_json(&parsed))?;
    out.flush()?;
    Ok(EXIT_VALID)
}
