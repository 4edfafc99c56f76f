//! Writes NDJSON records as flat rows (spec 5.3) in CSV and Excel: how the sample files
//! `examples/seizures.csv` and `examples/seizures.xlsx` are made from `examples/seizures.ndjson`.
//!
//! ```sh
//! cargo run -p cen-cli --example flatten -- examples/seizures.ndjson examples/seizures.csv examples/seizures.xlsx
//! ```
//!
//! Columns are every path used by some record, in the order of the record (spec 2), items of a
//! list in index order.

use std::collections::BTreeMap;
use std::io::BufRead;

use serde_json::Value;

/// The sort key of a column: its tokens, indices by number and fields by their place in the
/// record's shape.
fn column_key(column: &str, order: &BTreeMap<String, usize>) -> Vec<(u8, usize)> {
    let mut fields = Vec::new();
    column
        .split('.')
        .map(|token| match token.parse::<usize>() {
            Ok(index) => (0, index),
            Err(_) => {
                fields.push(token);
                (
                    1,
                    order.get(&fields.join(".")).copied().unwrap_or(usize::MAX),
                )
            }
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, csv_path, xlsx_path] = args.as_slice() else {
        return Err("usage: flatten INPUT.ndjson OUTPUT.csv OUTPUT.xlsx".into());
    };
    let order: BTreeMap<String, usize> = cen_model::all_fields()
        .into_iter()
        .enumerate()
        .map(|(i, (path, _))| (path, i))
        .collect();
    let mut rows: Vec<Vec<(String, Value)>> = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(input)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Value = serde_json::from_str(&line)?;
        let mut row = Vec::new();
        for (column, text) in cen_model::flat::flatten(&record) {
            // Keep the JSON type of scalars so that Excel gets numbers as numbers.
            let pointer = format!("/{}", column.replace('.', "/"));
            let value = match record.pointer(&pointer) {
                Some(Value::Number(n)) => Value::Number(n.clone()),
                _ => Value::String(text),
            };
            if !columns.contains(&column) {
                columns.push(column.clone());
            }
            row.push((column, value));
        }
        rows.push(row);
    }
    columns.sort_by_key(|c| column_key(c, &order));
    let position: BTreeMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();

    let mut csv = csv::Writer::from_path(csv_path)?;
    csv.write_record(&columns)?;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("records")?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (col, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let mut cells = vec![String::new(); columns.len()];
        for (column, value) in row {
            let col = position[column.as_str()];
            match value {
                Value::Number(n) => {
                    cells[col] = n.to_string();
                    sheet.write_number(r as u32 + 1, col as u16, n.as_f64().unwrap_or(0.0))?;
                }
                Value::String(s) => {
                    cells[col] = s.clone();
                    sheet.write_string(r as u32 + 1, col as u16, s)?;
                }
                _ => {}
            }
        }
        csv.write_record(&cells)?;
    }
    csv.flush()?;
    sheet.set_freeze_panes(1, 0)?;
    workbook.save(xlsx_path)?;
    eprintln!("{} records, {} columns", rows.len(), columns.len());
    Ok(())
}
