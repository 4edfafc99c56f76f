//! Packing `labels.tsv` (and its test fixture).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::support::{offset, parse, write_if_changed, Row};

/// Layout (see `src/labels.rs`), for N entries and E enumerations:
/// `<prefix>_text.txt` the strings: for each entry (grouped by enumeration, file order
/// within) its value and six labels, then the E enumeration names;
/// `<prefix>_offsets.bin` (7N + E + 1) × u32 string starts;
/// `<prefix>_enums.bin` E × (first entry u32, end entry u32), file order;
/// `<prefix>_enum_order.bin` E × u32 enumeration indexes sorted by name;
/// `<prefix>_value_order.bin` N × u32: within each enumeration's range, its entries sorted
/// by value. Returns N.
pub(crate) fn pack_labels(file: &str, text: &str, out: &Path, prefix: &str) -> usize {
    let header = ["enumeration", "value", "en", "fr", "es", "ru", "ar", "pt"];
    let rows = if text.is_empty() {
        Vec::new()
    } else {
        parse(file, text, Some(&header))
    };
    let mut groups: Vec<(&str, Vec<&Row>)> = Vec::new();
    let mut where_of: HashMap<&str, usize> = HashMap::new();
    let mut keys = HashSet::new();
    for r in &rows {
        let (e, v) = (r.cells[0], r.cells[1]);
        assert!(
            !e.is_empty() && !v.is_empty(),
            "{file}:{}: empty enumeration or value",
            r.line
        );
        assert!(keys.insert((e, v)), "{file}:{}: repeated {e} / {v}", r.line);
        let g = *where_of.entry(e).or_insert_with(|| {
            groups.push((e, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(r);
    }
    let mut pool = String::new();
    let mut offsets = Vec::new();
    let mut enums = Vec::new();
    let mut value_order = Vec::new();
    let mut first = 0u32;
    for (_, entries) in &groups {
        let end = first + entries.len() as u32;
        enums.extend_from_slice(&first.to_le_bytes());
        enums.extend_from_slice(&end.to_le_bytes());
        let mut order: Vec<u32> = (first..end).collect();
        order.sort_by_key(|&i| entries[(i - first) as usize].cells[1].as_bytes());
        for i in order {
            value_order.extend_from_slice(&i.to_le_bytes());
        }
        for r in entries {
            for cell in &r.cells[1..8] {
                offsets.extend_from_slice(&offset(&pool).to_le_bytes());
                pool.push_str(cell);
            }
        }
        first = end;
    }
    for (name, _) in &groups {
        offsets.extend_from_slice(&offset(&pool).to_le_bytes());
        pool.push_str(name);
    }
    offsets.extend_from_slice(&offset(&pool).to_le_bytes());
    let mut enum_order: Vec<u32> = (0..groups.len() as u32).collect();
    enum_order.sort_by_key(|&i| groups[i as usize].0.as_bytes());
    let enum_order: Vec<u8> = enum_order.iter().flat_map(|i| i.to_le_bytes()).collect();
    let write =
        |name: &str, bytes: &[u8]| write_if_changed(&out.join(format!("{prefix}_{name}")), bytes);
    write("text.txt", pool.as_bytes());
    write("offsets.bin", &offsets);
    write("enums.bin", &enums);
    write("enum_order.bin", &enum_order);
    write("value_order.bin", &value_order);
    rows.len()
}
