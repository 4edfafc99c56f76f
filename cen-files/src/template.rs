//! The Excel data-entry template of one form (`cen template`). The first sheet, `records`, has
//! one column per flat path of the form (spec 5.3), a note on each header cell, and a drop-down
//! list on every enumerated or coded column; the `help` sheet explains each column; the hidden
//! `lists` sheet holds the drop-down values. Drop-down values read "label — code" in the chosen
//! language, and `cen validate` reads back either that or the bare code. The workbook records
//! its form in the defined name `CEN_FORM`, which the reader applies to rows that give none.

use std::collections::BTreeMap;

use cen_model::required::{BOTH_FORMS, CODE_OF_PORT, LONG_FORM};
use cen_model::all_fields;
use cen_model::shape::{CodeKind, Kind};
use codes_data::Lang;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, Format, FormatAlign, Formula, Note,
    Worksheet,
};

use crate::workbook::{column_letters, FORM_NAME, LABEL_SEPARATOR, RECORDS_SHEET, TEMPLATE_SHEETS};

/// The workbook and the error of the writer (`rust_xlsxwriter`), to save a template or say why
/// it could not be written.
pub use rust_xlsxwriter::{Workbook, XlsxError};

/// The form a template is made for (spec 2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The standard long form.
    Long,
    /// The simplified statistical form.
    Simplified,
}

impl Form {
    /// The word of the record (`long`, `simplified`).
    pub fn word(self) -> &'static str {
        match self {
            Form::Long => "long",
            Form::Simplified => "simplified",
        }
    }
}
/// The last row that drop-down lists cover (Excel's last row).
const LAST_ROW: u32 = 1_048_575;

/// Fields left out of templates: nominal data (not for CEN, spec 2.8), photos (files, not
/// cells), and the form (the workbook says it, see [`FORM_NAME`]).
fn left_out(path: &str) -> bool {
    let top = path.split('.').next().unwrap_or("");
    matches!(
        top,
        "persons" | "companies" | "narrative" | "photos" | "form"
    ) || cen_model::shape::NOMINAL_FIELDS.contains(&path)
}

/// Fields of the simplified template besides those both forms require.
const SIMPLIFIED_EXTRA: &[&str] = &["case_ref", "location.code", "goods.currency"];

fn required_in_both(path: &str) -> bool {
    BOTH_FORMS.iter().any(|p| {
        p.trim_start_matches('/')
            .replace("/*/", ".")
            .replace('/', ".")
            == path
    })
}

/// How many items of a list of objects the template gives columns for.
fn copies(list: &str, form: Form) -> usize {
    match (form, list) {
        (Form::Long, "goods" | "conveyance") => 2,
        (Form::Long, "offenders") => 1,
        (Form::Simplified, "goods" | "conveyance") => 1,
        _ => 0,
    }
}

/// The columns of a form's template, in the order of the record (spec 2), with the kind of each.
pub fn columns(form: Form) -> Vec<(String, &'static Kind)> {
    let leaves: Vec<(String, &'static Kind)> = all_fields()
        .into_iter()
        .filter(|(path, kind)| {
            !matches!(kind, Kind::Object(_) | Kind::List(Kind::Object(_), _)) && !left_out(path)
        })
        .filter(|(path, _)| {
            form == Form::Long
                || required_in_both(path)
                || SIMPLIFIED_EXTRA.contains(&path.as_str())
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < leaves.len() {
        let top = leaves[i].0.split('.').next().unwrap_or("").to_owned();
        let is_list = matches!(
            cen_model::kind_at(&top),
            Some(Kind::List(Kind::Object(_), _))
        );
        if !is_list {
            out.push(leaves[i].clone());
            i += 1;
            continue;
        }
        let end = leaves[i..]
            .iter()
            .position(|(p, _)| p.split('.').next() != Some(top.as_str()))
            .map_or(leaves.len(), |n| i + n);
        for n in 0..copies(&top, form) {
            for (path, kind) in &leaves[i..end] {
                let rest = &path[top.len()..];
                out.push((format!("{top}.{n}{rest}"), *kind));
            }
        }
        i = end;
    }
    out
}

/// The dotted path without indices (`goods.0.type` → `goods.type`), as label tables key fields.
fn field_of(column: &str) -> String {
    column
        .split('.')
        .filter(|t| !t.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(".")
}

fn labelled(label: Option<&str>, code: &str) -> String {
    match label {
        Some(label) if !label.is_empty() && label != code => {
            format!("{label}{LABEL_SEPARATOR}{code}")
        }
        _ => code.to_owned(),
    }
}

/// Which drop-down list a column takes.
fn list_of(column: &str, kind: &Kind) -> Option<String> {
    match kind {
        Kind::Enum(info) => Some(info.name.to_owned()),
        Kind::Code(CodeKind::GoodsType) => Some("goods_type".to_owned()),
        Kind::Code(CodeKind::Currency) => Some("currency".to_owned()),
        Kind::Code(CodeKind::Country) => {
            // Pseudo-codes (XX unknown, XZ international waters) where the record allows them.
            if column == "reporting_country" {
                Some("country".to_owned())
            } else {
                Some("country_or_pseudo".to_owned())
            }
        }
        _ => None,
    }
}

/// The values of a drop-down list, "label — code", in the language.
fn list_values(list: &str, lang: Lang) -> Vec<String> {
    match list {
        "goods_type" => codes_data::commodity_areas()
            .iter()
            .flat_map(|area| {
                let area_label =
                    codes_data::label("commodity_area", area.code(), lang).unwrap_or(area.code());
                area.types().iter().map(move |t| {
                    let key = format!("{}.{}", area.code(), t.code());
                    let type_label =
                        codes_data::label("goods_type", &key, lang).unwrap_or(t.code());
                    format!("{area_label}: {type_label}{LABEL_SEPARATOR}{}", t.code())
                })
            })
            .collect(),
        "currency" => {
            let mut values: Vec<String> = codes_data::currencies()
                .iter()
                .map(|c| labelled(Some(c.name(lang)), c.alpha3()))
                .collect();
            values.sort();
            values
        }
        "country" | "country_or_pseudo" => {
            let mut values: Vec<String> = codes_data::countries()
                .iter()
                .map(|c| labelled(Some(c.name(lang)), c.alpha2()))
                .collect();
            values.sort();
            if list == "country_or_pseudo" {
                for code in ["XX", "XZ"] {
                    values.push(labelled(
                        codes_data::label("country_pseudo", code, lang),
                        code,
                    ));
                }
            }
            values
        }
        name => codes_data::enumeration_values(name)
            .map(|values| values.to_vec())
            .or_else(|| enum_words(name))
            .unwrap_or_default()
            .iter()
            .map(|v| labelled(codes_data::label(name, v, lang), v))
            .collect(),
    }
}

/// The words of an enumeration from the record's shape (when the label table lacks it).
fn enum_words(name: &str) -> Option<Vec<&'static str>> {
    all_fields().into_iter().find_map(|(_, kind)| match kind {
        Kind::Enum(info) if info.name == name => Some(info.values.to_vec()),
        _ => None,
    })
}

/// What a column holds, in words, for the help sheet.
fn kind_text(kind: &Kind) -> String {
    match kind {
        Kind::Text(max) => format!("text, at most {max} characters"),
        Kind::Code(code) => match code {
            CodeKind::Country => "country code, ISO 3166-1 alpha-2 (BE)".to_owned(),
            CodeKind::Currency => "currency code, ISO 4217 (EUR)".to_owned(),
            CodeKind::Location => {
                "IATA (BRU) or ICAO (EBBR) airport code, or UN/LOCODE (BEANR)".to_owned()
            }
            CodeKind::Date => "date, YYYY-MM-DD".to_owned(),
            CodeKind::Hs => "HS code of 2, 4, 6, 8 or 10 digits".to_owned(),
            CodeKind::GoodsType => "goods type of the commodity area (drop-down)".to_owned(),
            CodeKind::Container => "ISO 6346 container number (CSQU3054383)".to_owned(),
            CodeKind::Imo => "IMO ship number (IMO 9074729)".to_owned(),
            CodeKind::Awb => "IATA air waybill (016-12345675)".to_owned(),
            CodeKind::PostalItem => "UPU S10 postal item (RR473124829GB)".to_owned(),
            CodeKind::Flight => "flight designator (LH254)".to_owned(),
        },
        Kind::Enum(_) => "one value of the drop-down list".to_owned(),
        Kind::Number(range) => match (range.min, range.max) {
            (Some(min), Some(max)) => format!("number from {min} to {max}"),
            (Some(min), None) => format!("number, at least {min}"),
            _ => "number".to_owned(),
        },
        Kind::Integer(range) => format!("whole number from {} to {}", range.min, range.max),
        Kind::List(item, max) => {
            let words = match item {
                Kind::Enum(info) => format!(": {}", info.values.join(", ")),
                Kind::Code(CodeKind::Country) => " of country codes".to_owned(),
                _ => String::new(),
            };
            format!("up to {max} values separated by ;{words}")
        }
        Kind::Object(_) => "object".to_owned(),
    }
}

/// Whether a column must be filled, in words.
fn required_text(column: &str, form: Form) -> &'static str {
    let pointer = format!("/{}", column.replace('.', "/"));
    let pattern_matches = |pattern: &str| {
        let a: Vec<&str> = pattern.split('/').collect();
        let b: Vec<&str> = pointer.split('/').collect();
        a.len() == b.len() && a.iter().zip(&b).all(|(p, t)| *p == "*" || p == t)
    };
    let later_item = column
        .split('.')
        .any(|t| t.bytes().all(|b| b.is_ascii_digit()) && t != "0");
    let required = BOTH_FORMS.iter().any(|p| pattern_matches(p))
        || (form == Form::Long && LONG_FORM.iter().any(|p| pattern_matches(p)));
    if required && later_item {
        "required when this item is used"
    } else if required {
        "required"
    } else if form == Form::Long && pointer == CODE_OF_PORT {
        "required for an airport or a seaport"
    } else if column.ends_with(".currency")
        && column.starts_with("goods.")
        && column.split('.').count() == 3
    {
        "required when the unit is amount"
    } else {
        "optional"
    }
}

/// The template of `form` in `lang`, as a workbook to save.
pub fn workbook(form: Form, lang: Lang) -> Result<Workbook, XlsxError> {
    let columns = columns(form);
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("CEN seizure records, {} form", form.word()))
            .set_comment("Written by cen template; read back with cen validate."),
    );
    workbook.define_name(FORM_NAME, &format!("=\"{}\"", form.word()))?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#DDEBF7");
    let text = Format::new().set_num_format("@");

    // The lists first, so that the records sheet can refer to them.
    let mut lists: BTreeMap<String, (u16, usize)> = BTreeMap::new();
    let mut list_sheet = Worksheet::new();
    list_sheet.set_name(TEMPLATE_SHEETS[1])?;
    for (column, kind) in &columns {
        let Some(list) = list_of(column, kind) else {
            continue;
        };
        if lists.contains_key(&list) {
            continue;
        }
        let values = list_values(&list, lang);
        let col = lists.len() as u16;
        list_sheet.write_string_with_format(0, col, &list, &header)?;
        for (row, value) in values.iter().enumerate() {
            list_sheet.write_string(row as u32 + 1, col, value)?;
        }
        list_sheet.set_column_width(col, 40)?;
        lists.insert(list, (col, values.len()));
    }
    list_sheet.set_hidden(true);

    let mut records = Worksheet::new();
    records.set_name(RECORDS_SHEET)?;
    records.set_right_to_left(lang.is_rtl());
    records.set_freeze_panes(1, 0)?;
    let mut help = Worksheet::new();
    help.set_name(TEMPLATE_SHEETS[0])?;
    help.set_right_to_left(lang.is_rtl());
    help.set_freeze_panes(1, 0)?;
    for (col, title) in [
        "column",
        "label",
        "required",
        "what it holds",
        "explanation",
    ]
    .iter()
    .enumerate()
    {
        help.write_string_with_format(0, col as u16, *title, &header)?;
    }
    for (width, col) in [(24, 0), (30, 1), (24, 2), (40, 3), (80, 4)] {
        help.set_column_width(col, width)?;
    }
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    for (i, (column, kind)) in columns.iter().enumerate() {
        let col = i as u16;
        let field = field_of(column);
        let label = codes_data::label("field", &field, lang).unwrap_or(&field);
        let explanation = codes_data::label("field_help", &field, lang).unwrap_or("");
        let required = required_text(column, form);
        records.write_string_with_format(0, col, column, &header)?;
        records.set_column_width(col, 20)?;
        if !matches!(kind, Kind::Number(_) | Kind::Integer(_)) {
            // Text cells keep what is typed: leading zeros of HS codes, dates as written.
            records.set_column_format(col, &text)?;
        }
        let note = format!("{label} ({required})\n{explanation}");
        records.insert_note(0, col, &Note::new(note.trim_end()).add_author_prefix(false))?;

        let row = i as u32 + 1;
        help.write_string_with_format(row, 0, column, &wrap)?;
        help.write_string_with_format(row, 1, label, &wrap)?;
        help.write_string_with_format(row, 2, required, &wrap)?;
        help.write_string_with_format(row, 3, kind_text(kind), &wrap)?;
        help.write_string_with_format(row, 4, explanation, &wrap)?;

        if let Some((list_col, len)) = list_of(column, kind).and_then(|l| lists.get(&l).copied()) {
            let letters = column_letters(u32::from(list_col));
            let formula = format!(
                "={}!${letters}$2:${letters}${}",
                TEMPLATE_SHEETS[1],
                len + 1
            );
            let validation = DataValidation::new()
                .allow_list_formula(Formula::new(formula))
                .set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title("Not in the list")?
                .set_error_message(
                    "Choose a value from the list, or type its code (for example BE).",
                )?;
            records.add_data_validation(1, col, LAST_ROW, col, &validation)?;
        }
    }
    workbook.push_worksheet(records);
    workbook.push_worksheet(help);
    workbook.push_worksheet(list_sheet);
    Ok(workbook)
}

/// The template of `form` in `lang`, as the bytes of an `.xlsx` file.
///
/// ```
/// use cen_files::template::{template, Form};
/// use cen_files::{read_bytes, Format};
/// let bytes = template(Form::Simplified, codes_data::Lang::Fr).unwrap();
/// // No records yet: the reader finds the header and nothing else.
/// let read = read_bytes(bytes, Format::Xlsx);
/// assert!(read.warnings.is_empty());
/// assert_eq!(read.problem.as_deref(), Some("no records in this file"));
/// ```
pub fn template(form: Form, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook(form, lang)?.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_simplified_form_has_what_both_forms_require() {
        let columns: Vec<String> = columns(Form::Simplified).into_iter().map(|c| c.0).collect();
        for required in [
            "reporting_country",
            "seizure_date",
            "location.type",
            "procedure",
            "goods.0.commodity",
            "goods.0.type",
            "goods.0.quantity",
            "goods.0.unit",
            "conveyance.0.type",
            "route.departure",
            "route.destination",
        ] {
            assert!(columns.iter().any(|c| c == required), "{required}");
        }
        assert!(columns.iter().all(|c| !c.starts_with("goods.1")));
        assert!(!columns.iter().any(|c| c == "detection.principal"));
    }

    #[test]
    fn the_long_form_has_two_goods_lines_and_no_nominal_data() {
        let columns: Vec<String> = columns(Form::Long).into_iter().map(|c| c.0).collect();
        for wanted in [
            "detection.principal",
            "goods.0.concealment",
            "goods.1.value.amount",
            "conveyance.1.container",
            "offenders.0.age",
            "route.transit",
            "outcome.penalty.currency",
        ] {
            assert!(columns.iter().any(|c| c == wanted), "{wanted}");
        }
        for nominal in [
            "narrative",
            "conveyance.0.vehicle_registration",
            "persons.0.surname",
        ] {
            assert!(!columns.iter().any(|c| c == nominal), "{nominal}");
        }
        // Every column is a path of the record.
        let layout = cen_model::flat::Layout::new(&columns);
        assert_eq!(layout.unknown_columns().count(), 0);
    }

    #[test]
    fn required_words() {
        assert_eq!(required_text("goods.0.concealment", Form::Long), "required");
        assert_eq!(
            required_text("goods.1.concealment", Form::Long),
            "required when this item is used"
        );
        assert_eq!(
            required_text("goods.0.currency", Form::Simplified),
            "required when the unit is amount"
        );
        assert_eq!(required_text("case_ref", Form::Long), "optional");
        assert_eq!(
            required_text("location.code", Form::Long),
            "required for an airport or a seaport"
        );
    }

    #[test]
    fn every_drop_down_value_reads_back_as_a_code() {
        for (column, kind) in columns(Form::Long) {
            let Some(list) = list_of(&column, kind) else {
                continue;
            };
            let values = list_values(&list, Lang::Fr);
            assert!(!values.is_empty(), "{list}");
            for value in values {
                let code = crate::unlabel(&value);
                assert!(!code.contains(LABEL_SEPARATOR.trim()), "{value}");
            }
        }
    }
}
