//! Header mapping of flat files (CSV and Excel): a header of dotted paths becomes the core's
//! [`Layout`], each column read as its field asks (numbers, dates, drop-down values
//! "label — code"), with warnings for columns that are not paths of the record.

use std::collections::HashMap;
use std::sync::Arc;

use cen_model::flat::Layout;
use cen_model::shape::{CodeKind, Kind};

use crate::record::OwnedCell;
use crate::workbook::LABEL_SEPARATOR;

/// How the cells of a column are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// A number field: typed numbers stay numbers.
    Number,
    /// A date field: an Excel date becomes `YYYY-MM-DD`.
    Date,
    /// A field with a drop-down in the template: "label — code" is read as the code.
    Coded,
    /// A list of codes (`route.transit`, `detection.other`): each item read as in [`ColumnKind::Coded`].
    CodedList,
    /// Any other field (or not a field): text as written.
    Text,
}

pub(crate) fn column_kind(column: &str) -> ColumnKind {
    let dotted: Vec<&str> = column
        .split('.')
        .filter(|t| !t.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    match cen_model::kind_at(&dotted.join(".")) {
        Some(Kind::Number(_) | Kind::Integer(_)) => ColumnKind::Number,
        Some(Kind::Code(CodeKind::Date)) => ColumnKind::Date,
        Some(Kind::Enum(_))
        | Some(Kind::Code(CodeKind::GoodsType | CodeKind::Country | CodeKind::Currency)) => {
            ColumnKind::Coded
        }
        Some(Kind::List(Kind::Enum(_) | Kind::Code(CodeKind::Country), _)) => ColumnKind::CodedList,
        _ => ColumnKind::Text,
    }
}

/// The code of a drop-down value "label — code"; other text as it is.
///
/// ```
/// assert_eq!(cen_files::unlabel("Belgique — BE"), "BE");
/// assert_eq!(cen_files::unlabel("BE"), "BE");
/// ```
#[inline]
pub fn unlabel(text: &str) -> &str {
    // Most cells are bare codes: look for the dash's first byte before searching for it.
    if memchr::memchr(0xE2, text.as_bytes()).is_none() {
        return text;
    }
    match text.rfind(LABEL_SEPARATOR) {
        Some(at) => {
            let code = text[at + LABEL_SEPARATOR.len()..].trim();
            if code.is_empty() {
                text
            } else {
                code
            }
        }
        None => text,
    }
}

#[inline]
pub(crate) fn text_cell(text: &str, kind: ColumnKind) -> OwnedCell {
    if text.is_empty() {
        return OwnedCell::Empty;
    }
    match kind {
        ColumnKind::Coded => OwnedCell::Text(unlabel(text).to_owned()),
        ColumnKind::CodedList if memchr::memchr(0xE2, text.as_bytes()).is_some() => {
            let items: Vec<&str> = text
                .split(cen_model::flat::LIST_SEPARATOR)
                .map(unlabel)
                .collect();
            OwnedCell::Text(items.join(";"))
        }
        _ => OwnedCell::Text(text.to_owned()),
    }
}

/// The plan of a header, with what a person should know about it.
pub(crate) struct Header {
    pub(crate) layout: Arc<Layout>,
    pub(crate) kinds: Vec<ColumnKind>,
    pub(crate) warnings: Vec<String>,
}

pub(crate) fn header(
    names: Vec<String>,
    position: impl Fn(usize) -> String,
) -> Result<Header, String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(name.as_str(), i) {
            return Err(format!(
                "the header names column `{name}` twice ({} and {}): which one holds the value?",
                position(first),
                position(i)
            ));
        }
    }
    let layout = Layout::new(&names);
    let mut warnings = Vec::new();
    let unknown: Vec<&str> = layout.unknown_columns().filter(|c| !c.is_empty()).collect();
    if !unknown.is_empty() {
        warnings.push(format!(
            "{} not {} of the record ({}): {} values are reported as CEN-SCH-003",
            if unknown.len() == 1 {
                "this column is"
            } else {
                "these columns are"
            },
            if unknown.len() == 1 {
                "a path"
            } else {
                "paths"
            },
            unknown
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if unknown.len() == 1 { "its" } else { "their" },
        ));
    }
    let unnamed: Vec<String> = (0..names.len())
        .filter(|i| names[*i].is_empty())
        .map(&position)
        .collect();
    if !unnamed.is_empty() {
        warnings.push(format!(
            "no name in the header for {}: values there are reported as CEN-SCH-003",
            unnamed.join(", ")
        ));
    }
    let kinds = names.iter().map(|n| column_kind(n)).collect();
    Ok(Header {
        layout: Arc::new(layout),
        kinds,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_down_values_give_their_code() {
        assert_eq!(unlabel("Cocaine (Drugs) — cocaine"), "cocaine");
        assert_eq!(unlabel("Belgique — BE"), "BE");
        assert_eq!(unlabel("BE"), "BE");
        assert_eq!(unlabel("odd — "), "odd — ");
        assert_eq!(column_kind("goods.0.type"), ColumnKind::Coded);
        assert_eq!(column_kind("route.destination"), ColumnKind::Coded);
        assert_eq!(column_kind("goods.1.quantity"), ColumnKind::Number);
        assert_eq!(column_kind("conveyance.0.date"), ColumnKind::Date);
        assert_eq!(column_kind("goods.0.hs_code"), ColumnKind::Text);
        assert_eq!(column_kind("colour"), ColumnKind::Text);
        assert_eq!(column_kind("route.transit"), ColumnKind::CodedList);
        assert_eq!(
            text_cell("France — FR; Allemagne — DE", ColumnKind::CodedList),
            OwnedCell::Text("FR;DE".into())
        );
    }
}
