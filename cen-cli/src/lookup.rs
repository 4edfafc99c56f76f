//! The small commands: `cen schema`, `cen codes`, `cen rules` and `cen generate`. Each one
//! prints what one core call returns.

use std::io::{IsTerminal, Write};

use cen_model::Date;
use cen_rules::lookups::{self, Table};
use cen_rules::synth::Generator;
use codes_data::HsEdition;
use serde_json::Value;

use crate::args::{CodeTable, CodesArgs, GenerateArgs, OutputKind, RulesArgs, SchemaArgs};
use crate::style::Style;
use crate::{options, Failure, EXIT_INVALID, EXIT_VALID};

/// Runs `cen schema`.
pub fn schema(args: SchemaArgs) -> Result<u8, Failure> {
    let (mut out, _) = options::output(args.output.as_deref())?;
    serde_json::to_writer_pretty(&mut out, cen_model::schema::schema())
        .map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(EXIT_VALID)
}

/// The core's table of a `cen codes` argument.
fn table_of(table: CodeTable) -> Table {
    match table {
        CodeTable::Country => Table::Country,
        CodeTable::Currency => Table::Currency,
        CodeTable::Location => Table::Location,
        CodeTable::Airport => Table::Airport,
        CodeTable::Hs => Table::Hs,
    }
}

/// What people call a code of the table, for messages: `no HS code`, not `no hs`.
fn code_name(table: CodeTable) -> &'static str {
    match table {
        CodeTable::Country => "country code",
        CodeTable::Currency => "currency code",
        CodeTable::Location => "location code",
        CodeTable::Airport => "airport code",
        CodeTable::Hs => "HS code",
    }
}

/// Writes a JSON object as aligned `key  value` lines, nested keys dotted.
fn write_entry(out: &mut dyn Write, value: &Value, style: Style) -> std::io::Result<()> {
    let cells = cen_model::flat::flatten(value);
    let width = cells.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (key, cell) in cells {
        writeln!(out, "{}  {cell}", style.strong(&format!("{key:<width$}")))?;
    }
    Ok(())
}

/// An HS edition argument, with the message every surface gives for another value.
fn hs_edition(text: &str, flag: &str) -> Result<HsEdition, Failure> {
    cen_rules::api::hs_edition(text)
        .map_err(|problem| Failure::Message(format!("{flag}: {problem}")))
}

/// Runs `cen codes hs CODE --edition E --to E`: the codes the correlation tables pair with it.
fn correlate(
    tables: &codes_data::Tables,
    code: &str,
    from: HsEdition,
    to: HsEdition,
    format: OutputKind,
) -> Result<u8, Failure> {
    let pairs = lookups::hs_correlate_in(tables, code, from, to);
    let pairs = pairs.as_array().cloned().unwrap_or_default();
    let (mut out, terminal) = options::output(None)?;
    let style = Style::new(terminal);
    match format {
        OutputKind::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&Value::Array(pairs.clone())).unwrap_or_default()
        )?,
        OutputKind::Text if pairs.is_empty() => {
            let why = if tables.hs_in(code, from).is_none() {
                format!("HS {} has no code `{code}`", from.as_str())
            } else {
                format!(
                    "the correlation tables pair {code} of HS {} with no code of HS {}",
                    from.as_str(),
                    to.as_str()
                )
            };
            // As any look-up that finds nothing: on standard error (see `codes`).
            let style = Style::new(std::io::stderr().is_terminal());
            eprintln!("cen: {} {why}", style.error("not found:"));
        }
        OutputKind::Text => {
            writeln!(out, "{code} (HS {}) in HS {}:", from.as_str(), to.as_str())?;
            for pair in &pairs {
                let target = pair["code"].as_str().unwrap_or("");
                let description = tables.hs_in(target, to).map_or("", |h| h.description());
                writeln!(
                    out,
                    "  {}  {}  {description}",
                    style.strong(&format!("{target:<6}")),
                    pair["relationship"].as_str().unwrap_or("")
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if pairs.is_empty() {
        EXIT_INVALID
    } else {
        EXIT_VALID
    })
}

/// Runs `cen codes`.
pub fn codes(args: CodesArgs) -> Result<u8, Failure> {
    let lang = args.lang.lang();
    let table = table_of(args.table);
    // The code as the look-up reads it (spec 5.3b), to say what was not found.
    let code = lookups::normalise(table, &args.code).unwrap_or_else(|| args.code.clone());
    if args.table != CodeTable::Hs && (args.edition.is_some() || args.to.is_some()) {
        return Err(Failure::Message(
            "--edition and --to are options of `cen codes hs`".to_owned(),
        ));
    }
    let edition = match &args.edition {
        Some(text) => hs_edition(text, "--edition")?,
        None => HsEdition::NEWEST,
    };
    let tables = options::tables(args.tables.as_deref())?;
    if let Some(to) = &args.to {
        return correlate(
            &tables,
            &code,
            edition,
            hs_edition(to, "--to")?,
            args.format,
        );
    }
    let found = match table {
        Table::Hs => lookups::normalise(table, &args.code)
            .and_then(|code| lookups::hs_in_tables(&tables, &code, edition)),
        _ => lookups::lookup_in(&tables, table, &args.code, lang),
    };
    let (mut out, terminal) = options::output(None)?;
    let style = Style::new(terminal);
    let table = table.name();
    let status = match found {
        Some(entry) => {
            match args.format {
                OutputKind::Json => writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&entry).unwrap_or_default()
                )?,
                OutputKind::Text => write_entry(&mut out, &entry, style)?,
            }
            EXIT_VALID
        }
        None => {
            let closest = lookups::closest_in(&tables, table, &code, 5);
            // What CEN-COD-001 suggests for the same code (`UK` → `GB`).
            let suggest = match args.table {
                CodeTable::Country => lookups::country_suggestion_in(&tables, &code, true),
                _ => None,
            };
            match args.format {
                OutputKind::Json => writeln!(
                    out,
                    "{}",
                    serde_json::json!({"found": false, "table": table, "code": code, "suggest": suggest, "closest": closest})
                )?,
                // For people the answer is a failure: on standard error, so that standard
                // output holds only what was found.
                OutputKind::Text => {
                    let style = Style::new(std::io::stderr().is_terminal());
                    let name = code_name(args.table);
                    let mut message =
                        format!("cen: {} no {name} `{code}`", style.error("not found:"));
                    if let Some(suggest) = &suggest {
                        message.push_str(&format!(": did you mean `{suggest}`?"));
                        if let Some(alias) = codes_data::country_alias(&code) {
                            message.push_str(&format!(" ({code}: {})", alias.note));
                        }
                    } else if !closest.is_empty() {
                        message.push_str(&format!(" (closest: {})", closest.join(", ")));
                    }
                    eprintln!("{message}");
                    // A name typed where a code was expected (`cen codes location Santos`):
                    // say where names are looked up.
                    let typed = args.code.trim();
                    let words = match args.table {
                        CodeTable::Hs => typed.chars().any(char::is_alphabetic),
                        _ => {
                            typed.chars().count() > 5
                                || typed.chars().any(|c| c.is_lowercase() || c.is_whitespace())
                        }
                    };
                    if suggest.is_none() && words {
                        eprintln!(
                            "cen: to find a code by its name: cen search {table} '{}'",
                            args.code.replace('\'', "")
                        );
                    }
                }
            }
            EXIT_INVALID
        }
    };
    out.flush()?;
    Ok(status)
}

/// What the placeholders of `cen rules` stand for.
const RULES_LEGEND: &str =
    "Each rule: id, default severity and message, then what it checks and its params.
In messages, {@field} is the label of the field the issue is about (\"Seizure date\"), {name}
a param's value and {name:label} the label of that value, in the message's language.
";

/// Runs `cen rules`.
pub fn rules(args: RulesArgs) -> Result<u8, Failure> {
    let (mut out, terminal) = options::output(None)?;
    match args.format {
        OutputKind::Json => {
            serde_json::to_writer_pretty(&mut out, &cen_rules::catalogue_json())
                .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        OutputKind::Text => {
            let style = Style::new(terminal);
            let lang = args.lang.lang();
            writeln!(out, "{}", style.dim(RULES_LEGEND))?;
            for rule in cen_rules::catalogue() {
                writeln!(
                    out,
                    "{}  {}  {}",
                    style.strong(rule.id),
                    style.severity(rule.severity, 7),
                    rule.template(lang)
                )?;
                let params: Vec<&str> = rule.params.iter().map(|p| p.name).collect();
                writeln!(
                    out,
                    "             {}{}",
                    style.dim(rule.summary),
                    if params.is_empty() {
                        String::new()
                    } else {
                        style.dim(&format!(" (params: {})", params.join(", ")))
                    }
                )?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_VALID)
}

/// Runs `cen generate`.
pub fn generate(args: GenerateArgs) -> Result<u8, Failure> {
    if !(0.0..=1.0).contains(&args.invalid_share) {
        return Err(Failure::Message(format!(
            "--invalid-share must be between 0 and 1, not {}",
            args.invalid_share
        )));
    }
    let mut generator = Generator::new(args.seed).invalid_share(args.invalid_share);
    if let Some(today) = &args.today {
        let day = Date::parse(today).ok_or_else(|| {
            Failure::Message(format!(
                "--today: `{today}` is not a calendar date written YYYY-MM-DD"
            ))
        })?;
        generator = generator.today(day);
    }
    let (mut out, _) = options::output(args.output.as_deref())?;
    for _ in 0..args.count {
        let generated = generator.next_record();
        serde_json::to_writer(&mut out, &generated.record).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(EXIT_VALID)
}
