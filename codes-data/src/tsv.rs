//! The tab-separated texts of a pack's small tables (countries, currencies) and of its
//! editions: written by `pack`, read back by the tables themselves.

/// `s` with tabs and line breaks made spaces, so that it stays one cell.
pub(crate) fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// A tab-separated section of a pack (the countries', the currencies'): `header`, then a line
/// per row of cells (tabs and line breaks inside a cell become spaces).
pub(crate) fn tsv_section<'r>(header: &str, rows: impl Iterator<Item = Vec<&'r str>>) -> String {
    let mut out = String::from(header);
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(clean).collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// The rows of a tab-separated section whose first line must be `header`, each of `N` cells.
pub(crate) fn tsv_rows<'t, const N: usize>(
    text: &'t str,
    header: &str,
) -> Result<Vec<[&'t str; N]>, String> {
    let mut lines = text.lines();
    if lines.next() != Some(header) {
        return Err("bad header".into());
    }
    lines
        .enumerate()
        .map(|(i, line)| {
            let cells: Vec<&str> = line.split('\t').collect();
            <[&str; N]>::try_from(cells.as_slice())
                .map_err(|_| format!("row {}: {} cells, expected {N}", i + 1, cells.len()))
        })
        .collect()
}
