//! Flat rows (spec 5.3): one record per row, columns named by dotted paths (`location.type`,
//! `goods.0.quantity`, `conveyance.1.awb`), lists of codes in one cell separated by `;`, an empty
//! cell for an absent field. CSV, Excel, data frames and Arrow all go through this module, so
//! that a row gives the same record, and the same issues, whatever carried it.
//!
//! A row becomes a JSON value that the normal decoder checks: a number field whose cell does not
//! parse keeps its text and gets CEN-SCH-002 there; a column that is not a path of the record
//! gets CEN-SCH-003 here. Issues keep their JSON Pointer and also name the column
//! ([`column_of`]).

use serde_json::{Map, Number, Value};

use crate::finding::{Finding, ParamValue, Params, SCH_LIMIT, SCH_UNKNOWN_FIELD};
use crate::record::RECORD_SHAPE;
use crate::shape::{Kind, ObjectShape};

/// The separator of list cells (`route.transit`, `detection.other`).
pub const LIST_SEPARATOR: char = ';';

/// One cell of a row, as the carrier typed it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// An empty cell: the field is absent.
    Empty,
    /// Text (every CSV cell; text cells of Excel or data frames).
    Text(&'a str),
    /// A number typed by the carrier (Excel, data frames, Arrow).
    Number(f64),
    /// A whole number typed by the carrier.
    Integer(i64),
    /// A boolean typed by the carrier (no field of the record is one: CEN-SCH-002).
    Bool(bool),
}

/// One step of a column's path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Field(&'static str),
    Index(usize),
}

/// What a column means.
#[derive(Debug, Clone)]
enum Plan {
    /// A path of the record, and the kind at its end.
    Path(Vec<Step>, &'static Kind),
    /// Not a path of the record: CEN-SCH-003 for every row with a value in it.
    Unknown { pointer: String, field: String },
    /// An array index at or past the array's limit: CEN-SCH-006 on the array.
    OverLimit { pointer: String, limit: usize },
}

/// The plan of a header: which record path each column fills. Build it once per file.
///
/// ```
/// use cen_model::flat::{Cell, Layout};
/// let layout = Layout::new(["reporting_country", "goods.0.quantity", "route.transit", "colour"]);
/// let row = layout.record(&[Cell::Text("BE"), Cell::Text("1.5"), Cell::Text("FR; DE"), Cell::Text("red")]);
/// assert_eq!(row.value, serde_json::json!({"reporting_country": "BE", "goods": [{"quantity": 1.5}], "route": {"transit": ["FR", "DE"]}, "colour": "red"}));
/// assert!(row.findings.is_empty(), "the decoder reports the unknown column as CEN-SCH-003");
/// ```
#[derive(Debug, Clone)]
pub struct Layout {
    columns: Vec<String>,
    plans: Vec<Plan>,
    /// The columns that fill the record, in the order of their paths, when no path is another's
    /// prefix (nor a repeat): then a row can be written straight as JSON text
    /// ([`Layout::write_json`]). `None` for headers whose columns overwrite each other, which
    /// only the value of [`Layout::record`] resolves.
    text_order: Option<TextOrder>,
}

/// The columns that fill the record, in path order, and the member names their paths use.
#[derive(Debug, Clone)]
struct TextOrder {
    columns: Vec<(usize, Vec<Key>)>,
    /// For each name id, the JSON text that starts its member: `"name":`.
    members: Vec<Vec<u8>>,
}

/// A step of a path as JSON text writes it, ordered so that the columns of one object or array
/// are next to each other. Names are ids, given in the order of the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Name(u32),
    Index(usize),
}

/// A row turned into a JSON value, with the problems of its columns that the value cannot show.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatRecord {
    /// The record as a JSON object.
    pub value: Value,
    /// CEN-SCH-006 for array indices over their limit.
    pub findings: Vec<Finding>,
}

impl Layout {
    /// Plans the columns of a header.
    pub fn new<S: AsRef<str>>(columns: impl IntoIterator<Item = S>) -> Layout {
        let columns: Vec<String> = columns.into_iter().map(|c| c.as_ref().to_owned()).collect();
        let plans: Vec<Plan> = columns.iter().map(|c| plan(c)).collect();
        let text_order = text_order(&plans);
        Layout {
            columns,
            plans,
            text_order,
        }
    }

    /// The column names.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Columns that are not paths of the record (each gives CEN-SCH-003 when it has a value).
    pub fn unknown_columns(&self) -> impl Iterator<Item = &str> {
        self.columns
            .iter()
            .zip(&self.plans)
            .filter(|(_, p)| matches!(p, Plan::Unknown { .. }))
            .map(|(c, _)| c.as_str())
    }

    /// Builds the record of one row; `cells` are in column order (missing trailing cells are
    /// empty, extra cells are ignored).
    pub fn record(&self, cells: &[Cell<'_>]) -> FlatRecord {
        let mut root = Map::new();
        let mut findings = Vec::new();
        for (index, plan) in self.plans.iter().enumerate() {
            let cell = cells.get(index).copied().unwrap_or(Cell::Empty);
            let Some(value) = cell_value(cell, plan) else {
                continue;
            };
            match plan {
                Plan::Path(steps, _) => insert(&mut root, steps, value),
                Plan::Unknown { field, .. } if is_top_level(plan) => {
                    root.insert(field.clone(), value);
                }
                _ => column_finding(plan, &mut findings),
            }
        }
        FlatRecord {
            value: Value::Object(root),
            findings,
        }
    }

    /// Writes the record of one row as compact JSON text into `out` (the same record as
    /// [`Layout::record`], its members in path order) and returns the problems of its columns
    /// that the text cannot show; `None`, writing nothing, when the header has columns that
    /// overwrite each other (a path and a path inside it, a column named twice). Skipping the
    /// JSON value makes a row as cheap to check as JSON text.
    ///
    /// ```
    /// use cen_model::flat::{Cell, Layout};
    /// let layout = Layout::new(["route.transit", "goods.1.unit", "reporting_country"]);
    /// let mut text = Vec::new();
    /// let findings = layout.write_json(&[Cell::Text("FR;DE"), Cell::Text("kg"), Cell::Text("BE")], &mut text);
    /// assert_eq!(findings, Some(Vec::new()));
    /// assert_eq!(String::from_utf8(text).unwrap(), r#"{"goods":[{},{"unit":"kg"}],"reporting_country":"BE","route":{"transit":["FR","DE"]}}"#);
    /// assert_eq!(Layout::new(["route", "route.transit"]).write_json(&[], &mut Vec::new()), None);
    /// ```
    pub fn write_json(&self, cells: &[Cell<'_>], out: &mut Vec<u8>) -> Option<Vec<Finding>> {
        let order = self.text_order.as_ref()?;
        let mut findings = Vec::new();
        for (index, plan) in self.plans.iter().enumerate() {
            let cell = cells.get(index).copied().unwrap_or(Cell::Empty);
            let fills_record = matches!(plan, Plan::Path(..)) || is_top_level(plan);
            if !fills_record && !is_absent(cell) {
                column_finding(plan, &mut findings);
            }
        }
        let mut writer = TextWriter::new(out, &order.members);
        for (index, keys) in &order.columns {
            let cell = cells.get(*index).copied().unwrap_or(Cell::Empty);
            if is_absent(cell) {
                continue;
            }
            writer.member(keys);
            write_cell(cell, &self.plans[*index], writer.out);
        }
        writer.finish();
        Some(findings)
    }
}

/// An unknown column of one token: its values go into the record, where the decoder reports
/// them (CEN-SCH-003); deeper unknown paths may not fit the shape, so they are reported here.
fn is_top_level(plan: &Plan) -> bool {
    matches!(plan, Plan::Unknown { pointer, .. } if pointer.matches('/').count() == 1)
}

/// The finding of a column that does not fill the record, once per row and pointer.
fn column_finding(plan: &Plan, findings: &mut Vec<Finding>) {
    match plan {
        Plan::Unknown { pointer, field } => findings.push(
            Finding::new(
                SCH_UNKNOWN_FIELD,
                pointer.clone(),
                Params::new().with("field", field.as_str()),
            )
            .variant("unknown"),
        ),
        Plan::OverLimit { pointer, limit } => {
            if !findings
                .iter()
                .any(|f| f.rule == SCH_LIMIT && f.path == *pointer)
            {
                findings.push(
                    Finding::new(
                        SCH_LIMIT,
                        pointer.clone(),
                        Params::new().with("limit", ParamValue::Int(*limit as i64)),
                    )
                    .variant("items"),
                );
            }
        }
        Plan::Path(..) => {}
    }
}

/// The columns that fill the record, sorted by path; `None` when a path is another's prefix or
/// repeats it (see [`Layout::write_json`]).
fn text_order(plans: &[Plan]) -> Option<TextOrder> {
    let named: Vec<(usize, Vec<Result<&str, usize>>)> = plans
        .iter()
        .enumerate()
        .filter_map(|(index, plan)| match plan {
            Plan::Path(steps, _) => Some((
                index,
                steps
                    .iter()
                    .map(|step| match step {
                        Step::Field(name) => Ok(*name),
                        Step::Index(i) => Err(*i),
                    })
                    .collect(),
            )),
            Plan::Unknown { field, .. } if is_top_level(plan) => {
                Some((index, vec![Ok(field.as_str())]))
            }
            _ => None,
        })
        .collect();
    let mut names: Vec<&str> = named
        .iter()
        .flat_map(|(_, p)| p)
        .filter_map(|s| s.ok())
        .collect();
    names.sort_unstable();
    names.dedup();
    let id = |name: &str| names.binary_search(&name).unwrap_or_default() as u32;
    let mut columns: Vec<(usize, Vec<Key>)> = named
        .iter()
        .map(|(index, path)| {
            let keys = path
                .iter()
                .map(|step| match step {
                    Ok(name) => Key::Name(id(name)),
                    Err(i) => Key::Index(*i),
                })
                .collect();
            (*index, keys)
        })
        .collect();
    columns.sort_by(|a, b| a.1.cmp(&b.1));
    // Sorted, a path comes right before the paths inside it.
    if columns
        .windows(2)
        .any(|pair| pair[1].1.starts_with(&pair[0].1))
    {
        return None;
    }
    let members = names
        .iter()
        .map(|name| {
            let mut text = Vec::with_capacity(name.len() + 3);
            write_string(name, &mut text);
            text.push(b':');
            text
        })
        .collect();
    Some(TextOrder { columns, members })
}

/// Writes nested JSON members in path order: opens and closes the objects and arrays between
/// one path and the next, and fills an array's skipped indices with empty objects (as
/// [`Layout::record`] does).
struct TextWriter<'a> {
    out: &'a mut Vec<u8>,
    /// `"name":` for each name id.
    members: &'a [Vec<u8>],
    /// The open containers below the root: the key each sits under, whether it is an array, and
    /// how many members or items it has so far.
    open: Vec<(Key, bool, usize)>,
    /// Members of the root so far.
    root_members: usize,
}

impl<'a> TextWriter<'a> {
    fn new(out: &'a mut Vec<u8>, members: &'a [Vec<u8>]) -> TextWriter<'a> {
        out.push(b'{');
        TextWriter {
            out,
            members,
            open: Vec::new(),
            root_members: 0,
        }
    }

    /// Positions the writer for the value at `keys` (the value itself is the caller's).
    fn member(&mut self, keys: &[Key]) {
        let (containers, leaf) = keys.split_at(keys.len() - 1);
        let common = self
            .open
            .iter()
            .zip(containers)
            .take_while(|((key, _, _), step)| key == *step)
            .count();
        while self.open.len() > common {
            self.close();
        }
        for (depth, key) in containers.iter().enumerate().skip(common) {
            self.key(*key);
            let is_array = matches!(keys[depth + 1], Key::Index(_));
            self.out.push(if is_array { b'[' } else { b'{' });
            self.open.push((*key, is_array, 0));
        }
        self.key(leaf[0]);
    }

    /// Writes what comes before a member or item with this key in the innermost container.
    fn key(&mut self, key: Key) {
        let count = match self.open.last_mut() {
            Some((_, _, count)) => count,
            None => &mut self.root_members,
        };
        match key {
            Key::Name(id) => {
                if *count > 0 {
                    self.out.push(b',');
                }
                *count += 1;
                self.out.extend_from_slice(&self.members[id as usize]);
            }
            Key::Index(index) => {
                while *count < index {
                    self.out
                        .extend_from_slice(if *count > 0 { b",{}" } else { b"{}" });
                    *count += 1;
                }
                if *count > 0 {
                    self.out.push(b',');
                }
                *count += 1;
            }
        }
    }

    fn close(&mut self) {
        if let Some((_, is_array, _)) = self.open.pop() {
            self.out.push(if is_array { b']' } else { b'}' });
        }
    }

    fn finish(mut self) {
        while !self.open.is_empty() {
            self.close();
        }
        self.out.push(b'}');
    }
}

/// An empty cell, or text of blanks: the field is absent.
fn is_absent(cell: Cell<'_>) -> bool {
    match cell {
        Cell::Empty => true,
        // Most cells start with a visible ASCII character: no need to trim them.
        Cell::Text(text) => match text.as_bytes().first() {
            None => true,
            Some(b) if b.is_ascii_graphic() => false,
            Some(_) => text.trim().is_empty(),
        },
        _ => false,
    }
}

fn write_string(text: &str, out: &mut Vec<u8>) {
    // Writing a string into a vector cannot fail.
    let _ = serde_json::to_writer(&mut *out, text);
}

fn write_value(value: &Value, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(&mut *out, value);
}

/// Writes the JSON of a cell that is not absent (the one definition of a cell's value: see
/// [`cell_value`]).
fn write_cell(cell: Cell<'_>, plan: &Plan, out: &mut Vec<u8>) {
    let kind = match plan {
        Plan::Path(_, kind) => Some(*kind),
        _ => None,
    };
    let number_or_text = |text: &str, out: &mut Vec<u8>| match parse_number(text) {
        Some(number) => write_value(&number, out),
        None => write_string(text, out),
    };
    match (cell, kind) {
        (Cell::Text(text), Some(Kind::Number(_) | Kind::Integer(_))) => number_or_text(text, out),
        (Cell::Text(text), Some(Kind::List(item, _))) => {
            out.push(b'[');
            let items = text
                .split(LIST_SEPARATOR)
                .map(str::trim)
                .filter(|t| !t.is_empty());
            for (i, item_text) in items.enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                match item {
                    Kind::Number(_) | Kind::Integer(_) => number_or_text(item_text, out),
                    _ => write_string(item_text, out),
                }
            }
            out.push(b']');
        }
        (Cell::Text(text), _) => write_string(text, out),
        (Cell::Number(x), _) => match Number::from_f64(x) {
            Some(number) => write_value(&Value::Number(number), out),
            None => write_string(&x.to_string(), out),
        },
        (Cell::Integer(n), _) => write_value(&Value::from(n), out),
        (Cell::Bool(b), _) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        (Cell::Empty, _) => out.extend_from_slice(b"null"),
    }
}

fn plan(column: &str) -> Plan {
    let tokens: Vec<&str> = column.split('.').collect();
    // The path of an unknown column ends at its first token that the record does not define.
    let unknown = |at: usize| {
        let escaped: Vec<String> = tokens[..=at.min(tokens.len() - 1)]
            .iter()
            .map(|t| t.replace('~', "~0").replace('/', "~1"))
            .collect();
        Plan::Unknown {
            pointer: format!("/{}", escaped.join("/")),
            field: tokens[at.min(tokens.len() - 1)].to_owned(),
        }
    };
    let mut steps = Vec::with_capacity(tokens.len());
    let mut shape: &'static ObjectShape = &RECORD_SHAPE;
    let mut i = 0;
    while i < tokens.len() {
        let Some(field) = shape.field(tokens[i]) else {
            return unknown(i);
        };
        steps.push(Step::Field(field.name));
        i += 1;
        let mut kind = &field.kind;
        if let Kind::List(item, max) = kind {
            if let Some(token) = tokens.get(i) {
                let Some(index) = parse_index(token) else {
                    return unknown(i);
                };
                if index >= *max {
                    let list_pointer = format!("/{}", tokens[..i].join("/"));
                    return Plan::OverLimit {
                        pointer: list_pointer,
                        limit: *max,
                    };
                }
                steps.push(Step::Index(index));
                i += 1;
                kind = item;
            }
        }
        if i == tokens.len() {
            return Plan::Path(steps, kind);
        }
        match kind {
            Kind::Object(inner) => shape = inner,
            _ => return unknown(i),
        }
    }
    unknown(0)
}

fn parse_index(token: &str) -> Option<usize> {
    let canonical = !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'));
    if canonical {
        token.parse().ok()
    } else {
        None
    }
}

/// Parses JSON number syntax only (no `NaN`, `inf`, hex or thousands separators).
fn parse_number(text: &str) -> Option<Value> {
    let t = text.trim();
    let b = t.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return None;
    }
    let mut integral = true;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        integral = false;
        if !digits(&mut i) {
            return None;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        integral = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digits(&mut i) {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    if integral {
        if let Ok(n) = t.parse::<i64>() {
            return Some(Value::from(n));
        }
    }
    t.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .and_then(Number::from_f64)
        .map(Value::Number)
}

/// The JSON value of a cell, `None` when it is absent: what [`write_cell`] writes, read back, so
/// that a row's text and its value cannot differ.
fn cell_value(cell: Cell<'_>, plan: &Plan) -> Option<Value> {
    if is_absent(cell) {
        return None;
    }
    let mut text = Vec::new();
    write_cell(cell, plan, &mut text);
    // serde_json writes what it reads; should it ever not, the cell's text is still kept.
    Some(
        serde_json::from_slice(&text)
            .unwrap_or_else(|_| Value::from(String::from_utf8_lossy(&text).into_owned())),
    )
}

fn insert(root: &mut Map<String, Value>, steps: &[Step], value: Value) {
    let mut slot: &mut Value = match steps.first() {
        Some(Step::Field(name)) => root.entry(*name).or_insert(Value::Null),
        _ => return,
    };
    for step in &steps[1..] {
        slot = match step {
            Step::Field(name) => {
                if !slot.is_object() {
                    *slot = Value::Object(Map::new());
                }
                match slot {
                    Value::Object(map) => map.entry(*name).or_insert(Value::Null),
                    _ => return,
                }
            }
            Step::Index(index) => {
                if !slot.is_array() {
                    *slot = Value::Array(Vec::new());
                }
                match slot {
                    Value::Array(items) => {
                        // A gap left by empty columns becomes an empty object: the item is
                        // reported where it is, with the columns' own indices.
                        while items.len() <= *index {
                            items.push(Value::Object(Map::new()));
                        }
                        &mut items[*index]
                    }
                    _ => return,
                }
            }
        };
    }
    *slot = value;
}

/// The column of an issue's pointer: the dotted path, without the index inside a list cell
/// (`/route/transit/2` → `route.transit`); `None` for the root.
///
/// ```
/// assert_eq!(cen_model::flat::column_of("/goods/0/quantity").as_deref(), Some("goods.0.quantity"));
/// assert_eq!(cen_model::flat::column_of("/route/transit/1").as_deref(), Some("route.transit"));
/// assert_eq!(cen_model::flat::column_of(""), None);
/// ```
pub fn column_of(pointer: &str) -> Option<String> {
    let tokens = crate::pointer::tokens(pointer)?;
    if tokens.is_empty() {
        return None;
    }
    let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut shape: Option<&'static ObjectShape> = Some(&RECORD_SHAPE);
    let mut list_item: Option<&'static Kind> = None;
    for token in &tokens {
        if let Some(item) = list_item.take() {
            match item {
                Kind::Object(inner) => {
                    out.push(token);
                    shape = Some(inner);
                    continue;
                }
                // A list cell: the index is inside the cell.
                _ => break,
            }
        }
        out.push(token);
        match shape.and_then(|s| s.field(token)).map(|f| &f.kind) {
            Some(Kind::Object(inner)) => shape = Some(inner),
            Some(Kind::List(item, _)) => {
                shape = None;
                list_item = Some(item);
            }
            _ => shape = None,
        }
    }
    Some(out.join("."))
}

/// Flattens a record value into `(column, cell)` pairs, the inverse of [`Layout::record`]:
/// objects by field, arrays of objects by index, lists of codes joined with `;`.
///
/// ```
/// let value = serde_json::json!({"goods": [{"quantity": 2}], "route": {"transit": ["FR", "DE"]}});
/// assert_eq!(cen_model::flat::flatten(&value), [("goods.0.quantity".to_owned(), "2".to_owned()), ("route.transit".to_owned(), "FR;DE".to_owned())]);
/// ```
pub fn flatten(value: &Value) -> Vec<(String, String)> {
    fn scalar(value: &Value) -> String {
        match value {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        }
    }
    fn walk(value: &Value, prefix: &str, out: &mut Vec<(String, String)>) {
        let join = |key: &str| {
            if prefix.is_empty() {
                key.to_owned()
            } else {
                format!("{prefix}.{key}")
            }
        };
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    walk(item, &join(key), out);
                }
            }
            Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
                for (index, item) in items.iter().enumerate() {
                    walk(item, &join(&index.to_string()), out);
                }
            }
            Value::Array(items) => {
                let cell = items
                    .iter()
                    .map(scalar)
                    .collect::<Vec<_>>()
                    .join(&LIST_SEPARATOR.to_string());
                out.push((prefix.to_owned(), cell));
            }
            Value::Null => {}
            other => out.push((prefix.to_owned(), scalar(other))),
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_parse_only_in_number_fields_and_bad_ones_stay_text() {
        let layout = Layout::new([
            "goods.0.quantity",
            "goods.0.hs_code",
            "offenders.0.age",
            "case_ref",
        ]);
        let row = layout.record(&[
            Cell::Text("1e3"),
            Cell::Text("240220"),
            Cell::Text("twelve"),
            Cell::Text("007"),
        ]);
        assert_eq!(
            row.value,
            json!({"goods": [{"quantity": 1000.0, "hs_code": "240220"}], "offenders": [{"age": "twelve"}], "case_ref": "007"})
        );
        for bad in ["NaN", "inf", "1,5", "0x10", "1.", ".5", "--1", "1e"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn gaps_keep_indices_and_limits_are_reported() {
        let layout = Layout::new([
            "goods.1.type",
            "conveyance.20.type",
            "goods.01.type",
            "goods.0.colour",
        ]);
        let row = layout.record(&[
            Cell::Text("cocaine"),
            Cell::Text("postal"),
            Cell::Text("x"),
            Cell::Text("red"),
        ]);
        assert_eq!(row.value, json!({"goods": [{}, {"type": "cocaine"}]}));
        let got: Vec<_> = row
            .findings
            .iter()
            .map(|f| (f.rule, f.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("CEN-SCH-006", "/conveyance"),
                ("CEN-SCH-003", "/goods/01"),
                ("CEN-SCH-003", "/goods/0/colour")
            ]
        );
    }

    #[test]
    fn empty_and_blank_cells_are_absent() {
        let layout = Layout::new(["reporting_country", "case_ref"]);
        assert_eq!(
            layout.record(&[Cell::Text("  "), Cell::Empty]).value,
            json!({})
        );
        assert_eq!(layout.record(&[]).value, json!({}));
    }

    #[test]
    fn flatten_and_record_round_trip() {
        let value = json!({"reporting_country": "BE", "location": {"type": "airport", "code": "BRU"},
            "goods": [{"commodity": "drugs", "quantity": 1.5}], "route": {"transit": ["FR"]}, "detection": {"other": ["xray", "body_scan"]}});
        let cells = flatten(&value);
        let layout = Layout::new(cells.iter().map(|(c, _)| c.as_str()));
        let row: Vec<Cell> = cells.iter().map(|(_, v)| Cell::Text(v)).collect();
        assert_eq!(layout.record(&row).value, value);
    }
}
