//! `cen stats`: counts of cases and sums of quantities and mass equivalents of the valid
//! records, by commodity area and type, reporting country, conveyance, year of seizure and
//! unit. Validation is the core's (the same options as `cen validate`); this module only adds
//! up what valid records say.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, IsTerminal, Write};

use cen_model::{Enumeration, Record};
use cen_rules::Report;

use crate::args::{StatsArgs, TableFormat};
use crate::input::{self, Inputs, OwnedCell, Payload, Raw};
use crate::output::{counted, decimal, decimal_json};
use crate::pipeline::{self, Job};
use crate::style::Style;
use crate::{options, Failure, EXIT_FAILURE, EXIT_INVALID, EXIT_VALID};

/// One group of the statistics.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    commodity: String,
    goods_type: String,
    country: String,
    conveyance: String,
    year: String,
    unit: String,
    /// The currency of cash amounts (unit `amount`), which are only added up per currency.
    currency: String,
}

/// The sums of one group.
#[derive(Debug, Default, Clone)]
struct Sums {
    cases: u64,
    quantity: f64,
    /// Mass equivalent in kg (spec 2.4); `None` for units that have none.
    mass_kg: Option<f64>,
}

/// What one record adds.
enum Contribution {
    Invalid,
    Duplicate,
    Lines(Vec<(Key, f64, Option<f64>)>),
}

/// The conveyance of a case: its leg types in order of first appearance, joined with `+`, so
/// that every goods line is counted once whatever the number of legs.
fn conveyance(record: &Record) -> String {
    let mut types: Vec<&str> = Vec::new();
    for leg in record.conveyance.iter().flatten() {
        if let Some(kind) = leg.r#type {
            if !types.contains(&kind.as_str()) {
                types.push(kind.as_str());
            }
        }
    }
    types.join("+")
}

fn lines(record: &Record) -> Vec<(Key, f64, Option<f64>)> {
    let conveyance = conveyance(record);
    let country = record.reporting_country.clone().unwrap_or_default();
    let year = record
        .seizure_date
        .as_deref()
        .and_then(|d| d.get(..4))
        .unwrap_or("")
        .to_owned();
    record
        .goods
        .iter()
        .flatten()
        .filter_map(|line| {
            let quantity = line.quantity?;
            let unit = line.unit?.as_str();
            let mass = codes_data::unit(unit)
                .and_then(|u| u.kg_per_unit())
                .map(|k| k * quantity);
            let key = Key {
                commodity: line.commodity?.as_str().to_owned(),
                goods_type: line.r#type.clone()?,
                country: country.clone(),
                conveyance: conveyance.clone(),
                year: year.clone(),
                unit: unit.to_owned(),
                currency: if unit == "amount" {
                    line.currency.clone().unwrap_or_default()
                } else {
                    String::new()
                },
            };
            Some((key, quantity, mass))
        })
        .collect()
}

fn decode(raw: &Raw) -> Option<Record> {
    let decoded = match &raw.payload {
        Payload::Json(bytes) => cen_model::decode_bytes(bytes.as_slice()),
        Payload::Row { layout, cells } => {
            let cells: Vec<_> = cells.iter().map(OwnedCell::as_cell).collect();
            cen_model::decode_value(&layout.record(&cells).value)
        }
        Payload::Malformed(_) | Payload::TooLarge(_) => return None,
    };
    decoded.ok().map(|d| d.record)
}

/// The dimensions that get a total of their own, before the cross-table: (title, JSON name).
const DIMENSIONS: [(&str, &str); 4] = [
    ("commodity", "commodity"),
    ("country", "reporting_country"),
    ("conveyance", "conveyance"),
    ("year", "year"),
];

/// The value of a group in each dimension of [`DIMENSIONS`].
fn dimensions(key: &Key) -> [&str; 4] {
    [&key.commodity, &key.country, &key.conveyance, &key.year]
}

/// The total of one value of a dimension: cases (records with a line of that value, each
/// once) and mass equivalent. Quantities are not added: their units differ.
#[derive(Debug, Default, Clone)]
struct Total {
    cases: u64,
    mass_kg: Option<f64>,
}

struct StatsJob {
    records: u64,
    invalid: u64,
    duplicates: u64,
    counted: u64,
    groups: BTreeMap<Key, Sums>,
    /// Per dimension of [`DIMENSIONS`], per value.
    totals: [BTreeMap<String, Total>; 4],
}

/// What a valid record adds to the statistics, found on worker threads.
struct Contribute;

impl Job for Contribute {
    type Out = Contribution;

    fn render(&self, raw: &Raw, _index: usize, report: Report) -> Contribution {
        if !report.valid {
            return Contribution::Invalid;
        }
        if report.issues_of("CEN-DUP-001").next().is_some() {
            return Contribution::Duplicate;
        }
        match decode(raw) {
            Some(record) => Contribution::Lines(lines(&record)),
            None => Contribution::Invalid,
        }
    }
}

impl StatsJob {
    /// Adds the next record's contribution, in input order.
    fn consume(&mut self, out: Contribution) -> Result<(), Failure> {
        self.records += 1;
        match out {
            Contribution::Invalid => self.invalid += 1,
            Contribution::Duplicate => self.duplicates += 1,
            Contribution::Lines(lines) => {
                self.counted += 1;
                let mut cases: BTreeSet<&Key> = BTreeSet::new();
                let mut seen: [BTreeSet<&str>; 4] = Default::default();
                for (key, _, mass) in &lines {
                    for ((totals, seen), value) in
                        self.totals.iter_mut().zip(&mut seen).zip(dimensions(key))
                    {
                        let total = totals.entry(value.to_owned()).or_default();
                        if let Some(mass) = mass {
                            *total.mass_kg.get_or_insert(0.0) += mass;
                        }
                        if seen.insert(value) {
                            total.cases += 1;
                        }
                    }
                }
                for (key, quantity, mass) in &lines {
                    let sums = self.groups.entry(key.clone()).or_default();
                    sums.quantity += quantity;
                    if let Some(mass) = mass {
                        *sums.mass_kg.get_or_insert(0.0) += mass;
                    }
                    if cases.insert(key) {
                        sums.cases += 1;
                    }
                }
            }
        }
        Ok(())
    }
}

impl StatsJob {
    fn total_mass(&self) -> f64 {
        self.groups.values().filter_map(|s| s.mass_kg).sum()
    }

    fn write_text(&self, out: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(
            out,
            "{}: {} of {} ({} invalid, {} of earlier records left out)",
            style.strong("Valid records counted"),
            self.counted,
            counted(self.records, "record"),
            self.invalid,
            counted(self.duplicates, "duplicate"),
        )?;
        if self.groups.is_empty() {
            return Ok(());
        }
        for ((title, _), totals) in DIMENSIONS.iter().zip(&self.totals) {
            let rows: Vec<[String; 3]> = totals
                .iter()
                .map(|(value, t)| {
                    [
                        if value.is_empty() {
                            "(none)".to_owned()
                        } else {
                            value.clone()
                        },
                        t.cases.to_string(),
                        t.mass_kg.map(decimal).unwrap_or_default(),
                    ]
                })
                .collect();
            let heading = format!("by {title}");
            let mut widths = [heading.len(), "cases".len(), "mass (kg)".len()];
            for row in &rows {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            let [w0, w1, w2] = widths;
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                style.strong(&format!(
                    "{heading:<w0$}  {:>w1$}  {:>w2$}",
                    "cases", "mass (kg)"
                ))
            )?;
            for [value, cases, mass] in &rows {
                let pad = w0.saturating_sub(value.chars().count());
                let line = format!("{value}{}  {cases:>w1$}  {mass:>w2$}", " ".repeat(pad));
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        let rows: Vec<[String; 9]> = self
            .groups
            .iter()
            .map(|(k, s)| {
                [
                    k.commodity.clone(),
                    k.goods_type.clone(),
                    k.country.clone(),
                    k.conveyance.clone(),
                    k.year.clone(),
                    if k.currency.is_empty() {
                        k.unit.clone()
                    } else {
                        format!("{} {}", k.unit, k.currency)
                    },
                    s.cases.to_string(),
                    decimal(s.quantity),
                    s.mass_kg.map(decimal).unwrap_or_default(),
                ]
            })
            .collect();
        let titles = [
            "commodity",
            "type",
            "country",
            "conveyance",
            "year",
            "unit",
            "cases",
            "quantity",
            "mass (kg)",
        ];
        let mut widths = titles.map(str::len);
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: [&str; 9]| {
            cells
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (cell, w))| {
                    let pad = w.saturating_sub(cell.chars().count());
                    if i >= 6 {
                        format!("{}{cell}", " ".repeat(pad))
                    } else {
                        format!("{cell}{}", " ".repeat(pad))
                    }
                })
                .collect::<Vec<_>>()
                .join("  ")
        };
        writeln!(out)?;
        writeln!(out, "{}", style.strong(line(titles).trim_end()))?;
        for row in &rows {
            writeln!(
                out,
                "{}",
                line(row.each_ref().map(String::as_str)).trim_end()
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "{} {} kg (mass equivalent of every line weighed in kg, g, t, l or ml)",
            style.strong("Total mass equivalent:"),
            decimal(self.total_mass())
        )
    }

    fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let groups: Vec<serde_json::Value> = self
            .groups
            .iter()
            .map(|(k, s)| {
                serde_json::json!({
                    "commodity": k.commodity, "type": k.goods_type, "reporting_country": k.country,
                    "conveyance": k.conveyance, "year": k.year, "unit": k.unit,
                    "currency": if k.currency.is_empty() { serde_json::Value::Null } else { k.currency.clone().into() },
                    "cases": s.cases, "quantity": decimal_json(s.quantity),
                    "mass_kg": s.mass_kg.map(decimal_json),
                })
            })
            .collect();
        let totals: serde_json::Map<String, serde_json::Value> = DIMENSIONS
            .iter()
            .zip(&self.totals)
            .map(|((_, name), totals)| {
                let values: Vec<serde_json::Value> = totals
                    .iter()
                    .map(|(value, t)| {
                        serde_json::json!({
                            "value": value, "cases": t.cases, "mass_kg": t.mass_kg.map(decimal_json),
                        })
                    })
                    .collect();
                ((*name).to_owned(), values.into())
            })
            .collect();
        let document = serde_json::json!({
            "records": self.records, "counted": self.counted, "invalid": self.invalid,
            "duplicates": self.duplicates, "mass_kg": decimal_json(self.total_mass()),
            "totals": totals, "groups": groups,
        });
        serde_json::to_writer_pretty(&mut *out, &document)?;
        writeln!(out)
    }

    fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record([
            "commodity",
            "type",
            "reporting_country",
            "conveyance",
            "year",
            "unit",
            "currency",
            "cases",
            "quantity",
            "mass_kg",
        ])?;
        for (k, s) in &self.groups {
            writer.write_record([
                k.commodity.as_str(),
                &k.goods_type,
                &k.country,
                &k.conveyance,
                &k.year,
                &k.unit,
                &k.currency,
                &s.cases.to_string(),
                &decimal(s.quantity),
                &s.mass_kg.map(decimal).unwrap_or_default(),
            ])?;
        }
        writer.flush()
    }
}

/// Runs `cen stats`.
pub fn run(args: StatsArgs) -> Result<u8, Failure> {
    let validator = options::validator(&args.options)?;
    let jobs = options::jobs(args.jobs)?;
    let (sources, problems) = input::sources(&args.input);
    options::check_output(args.output.as_deref(), &args.input.files)?;
    let (mut out, terminal) = options::output(args.output.as_deref())?;
    let mut inputs = Inputs::new(sources, problems, Style::new(io::stderr().is_terminal()));
    let mut job = StatsJob {
        records: 0,
        invalid: 0,
        duplicates: 0,
        counted: 0,
        groups: BTreeMap::new(),
        totals: Default::default(),
    };
    let records = pipeline::run(validator, &mut inputs, jobs, &Contribute, |out| {
        job.consume(out)
    })?;
    match args.format {
        TableFormat::Text => job.write_text(&mut out, Style::new(terminal))?,
        TableFormat::Json => job.write_json(&mut out)?,
        TableFormat::Csv => job.write_csv(&mut out)?,
    }
    out.flush()?;
    Ok(if inputs.failures > 0 || records == 0 {
        EXIT_FAILURE
    } else if job.invalid > 0 {
        EXIT_INVALID
    } else {
        EXIT_VALID
    })
}
