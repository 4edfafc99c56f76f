//! Flat rows (CSV, Excel, data frames): arbitrary text split into a header line and a row
//! line on `,` (no quoting), with cells also typed as numbers; never panics, and the row
//! written as JSON text (`Layout::write_json`) gives the report of the row's JSON value.
#![no_main]

use cen_model::flat::{column_of, Cell, Layout};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lines = text.splitn(2, '\n');
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').take(300).collect();
    let row: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let layout = Layout::new(&header);
    let cells: Vec<Cell> = row.iter().map(|c| Cell::Text(c)).collect();
    let report = common::validator().validate_row(&layout, &cells);
    let row_value = layout.record(&cells);
    if row_value.findings.is_empty() {
        // What the columns cannot show aside, the text and the value are the same record.
        assert_eq!(
            report.to_json(),
            common::validator()
                .validate_value(&row_value.value)
                .to_json(),
            "the text and the value of a row disagree"
        );
    }
    common::check_report(&report);
    for issue in &report.issues {
        let _ = column_of(&issue.path);
    }
    let typed: Vec<Cell> = row
        .iter()
        .map(|c| c.parse::<f64>().map(Cell::Number).unwrap_or(Cell::Text(c)))
        .collect();
    common::check_report(&common::validator().validate_row(&layout, &typed));
});
