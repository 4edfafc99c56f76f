//! The Excel data-entry template of one form (`cen template`). The first sheet, `records`, has
//! one column per flat path of the form (spec 5.3), a note on each header cell, and a drop-down
//! list on every enumerated or coded column; the `help` sheet explains each column; the hidden
//! `lists` sheet holds the drop-down values. Drop-down values read "label — code" in the chosen
//! language, and `cen validate` reads back either that or the bare code. The workbook records
//! its form in the defined name `CEN_FORM`, which the reader applies to rows that give none.

use std::collections::BTreeMap;

use cen_model::all_fields;
use cen_model::required::{BOTH_FORMS, CODE_OF_PORT, LONG_FORM};
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
fn list_values(list: &str, lang: Lang, tables: &codes_data::Tables) -> Vec<String> {
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
            let mut values: Vec<String> = tables
                .currencies()
                .iter()
                .map(|c| labelled(Some(c.name(lang)), c.alpha3()))
                .collect();
            values.sort();
            values
        }
        "country" | "country_or_pseudo" => {
            let mut values: Vec<String> = tables
                .countries()
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

/// A word of the template in `lang` (`codes-data/data/words.tsv`), its placeholders filled;
/// the English word where a language lacks it.
fn word(group: &str, key: &str, lang: Lang, fill: &[(&str, &dyn std::fmt::Display)]) -> String {
    let text = codes_data::word(group, key, lang)
        .or_else(|| codes_data::word(group, key, Lang::En))
        .unwrap_or(key);
    let mut out = text.to_owned();
    for (name, value) in fill {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// What a column holds, in words, for the help sheet.
fn kind_text(kind: &Kind, lang: Lang) -> String {
    let key = match kind {
        Kind::Text(max) => return word("kind", "text", lang, &[("max", max)]),
        Kind::Code(code) => match code {
            CodeKind::Country => "country",
            CodeKind::Currency => "currency",
            CodeKind::Location => "location",
            CodeKind::Date => "date",
            CodeKind::Hs => "hs",
            CodeKind::GoodsType => "goods_type",
            CodeKind::Container => "container",
            CodeKind::Imo => "imo",
            CodeKind::Awb => "awb",
            CodeKind::PostalItem => "postal_item",
            CodeKind::Flight => "flight",
        },
        Kind::Enum(_) => "enum",
        Kind::Number(range) => match (range.min, range.max) {
            (Some(min), Some(max)) => {
                return word(
                    "kind",
                    "number_range",
                    lang,
                    &[("min", &min), ("max", &max)],
                )
            }
            (Some(min), None) => return word("kind", "number_min", lang, &[("min", &min)]),
            _ => "number",
        },
        Kind::Integer(range) => {
            let (min, max) = (range.min, range.max);
            return word(
                "kind",
                "integer_range",
                lang,
                &[("min", &min), ("max", &max)],
            );
        }
        Kind::List(item, max) => {
            return match item {
                Kind::Enum(info) => {
                    let values = info.values.join(", ");
                    word(
                        "kind",
                        "list_values",
                        lang,
                        &[("max", max), ("values", &values)],
                    )
                }
                Kind::Code(CodeKind::Country) => {
                    word("kind", "list_countries", lang, &[("max", max)])
                }
                _ => word("kind", "list", lang, &[("max", max)]),
            }
        }
        Kind::Object(_) => "object",
    };
    word("kind", key, lang, &[])
}

/// Whether a column must be filled, as a key of the `requirement` words.
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
        "required_when_used"
    } else if required {
        "required"
    } else if form == Form::Long && pointer == CODE_OF_PORT {
        "required_for_port"
    } else if column.ends_with(".currency")
        && column.starts_with("goods.")
        && column.split('.').count() == 3
    {
        "required_when_amount"
    } else {
        "optional"
    }
}

/// The template of `form` in `lang`, as a workbook to save.
pub fn workbook(form: Form, lang: Lang) -> Result<Workbook, XlsxError> {
    workbook_with(form, lang, &codes_data::Tables::builtin())
}

/// [`workbook`] whose country and currency lists are those of `tables` (a table pack's, spec
/// 7.2).
pub fn workbook_with(
    form: Form,
    lang: Lang,
    tables: &codes_data::Tables,
) -> Result<Workbook, XlsxError> {
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
        let values = list_values(&list, lang, tables);
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
    for (col, title) in ["column", "label", "required", "holds", "explanation"]
        .iter()
        .enumerate()
    {
        let title = word("template_header", title, lang, &[]);
        help.write_string_with_format(0, col as u16, title, &header)?;
    }
    for (width, col) in [(24, 0), (30, 1), (24, 2), (40, 3), (80, 4)] {
        help.set_column_width(col, width)?;
    }
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let error_title = word("template_list", "error_title", lang, &[]);
    let error_message = word("template_list", "error_message", lang, &[]);

    for (i, (column, kind)) in columns.iter().enumerate() {
        let col = i as u16;
        let field = field_of(column);
        let label = codes_data::label("field", &field, lang).unwrap_or(&field);
        let explanation = codes_data::label("field_help", &field, lang).unwrap_or("");
        let required = word("requirement", required_text(column, form), lang, &[]);
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
        help.write_string_with_format(row, 2, &required, &wrap)?;
        help.write_string_with_format(row, 3, kind_text(kind, lang), &wrap)?;
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
                .set_error_title(error_title.as_str())?
                .set_error_message(error_message.as_str())?;
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

    fn required_en(column: &str, form: Form) -> String {
        word("requirement", required_text(column, form), Lang::En, &[])
    }

    #[test]
    fn required_words() {
        assert_eq!(required_en("goods.0.concealment", Form::Long), "required");
        assert_eq!(
            required_en("goods.1.concealment", Form::Long),
            "required when this item is used"
        );
        assert_eq!(
            required_en("goods.0.currency", Form::Simplified),
            "required when the unit is amount"
        );
        assert_eq!(required_en("case_ref", Form::Long), "optional");
        assert_eq!(
            required_en("location.code", Form::Long),
            "required for an airport or a seaport"
        );
    }

    /// The help sheet of a template, row by row, as calamine reads it back.
    fn help_sheet(lang: Lang) -> Vec<Vec<String>> {
        use calamine::{Reader, Xlsx};
        let bytes = template(Form::Long, lang).unwrap();
        let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = workbook.worksheet_range(TEMPLATE_SHEETS[0]).unwrap();
        range
            .rows()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    /// The row of a column in the help sheet.
    fn help_row<'a>(sheet: &'a [Vec<String>], column: &str) -> &'a [String] {
        sheet.iter().find(|r| r[0] == column).unwrap()
    }

    #[test]
    fn the_help_sheet_speaks_english_as_before() {
        let sheet = help_sheet(Lang::En);
        assert_eq!(
            sheet[0],
            [
                "column",
                "label",
                "required",
                "what it holds",
                "explanation"
            ]
        );
        let case_ref = help_row(&sheet, "case_ref");
        assert_eq!(case_ref[2], "optional");
        assert_eq!(case_ref[3], "text, at most 64 characters");
        let holds: Vec<&str> = sheet.iter().map(|r| r[3].as_str()).collect();
        assert!(holds.contains(&"number, at least 0"));
        assert!(holds.contains(&"whole number from 0 to 120"));
        assert_eq!(
            help_row(&sheet, "route.transit")[3],
            "up to 20 values separated by ; of country codes"
        );
    }

    #[test]
    fn the_help_sheet_speaks_french() {
        let sheet = help_sheet(Lang::Fr);
        assert_eq!(
            sheet[0],
            [
                "colonne",
                "libellé",
                "obligatoire",
                "contenu attendu",
                "explication"
            ]
        );
        let case_ref = help_row(&sheet, "case_ref");
        assert_eq!(case_ref[2], "facultatif");
        assert_eq!(case_ref[3], "texte, 64 caractères au plus");
        assert_eq!(help_row(&sheet, "seizure_date")[2], "obligatoire");
        assert_eq!(help_row(&sheet, "seizure_date")[3], "date, AAAA-MM-JJ");
        assert_eq!(
            help_row(&sheet, "goods.1.concealment")[2],
            "obligatoire si cet élément est utilisé"
        );
    }

    #[test]
    fn the_help_sheet_speaks_arabic() {
        let sheet = help_sheet(Lang::Ar);
        assert_eq!(
            sheet[0],
            ["العمود", "التسمية", "الإلزام", "ما يحتويه", "الشرح"]
        );
        let case_ref = help_row(&sheet, "case_ref");
        assert_eq!(case_ref[2], "اختياري");
        assert_eq!(case_ref[3], "نص، 64 حرفًا على الأكثر");
        let holds: Vec<&str> = sheet.iter().map(|r| r[3].as_str()).collect();
        assert!(holds.contains(&"عدد، 0 على الأقل"));
        assert!(holds.contains(&"عدد صحيح من 0 إلى 120"));
        // No English word left in the help sheet's words (column names and codes aside).
        for row in &sheet[1..] {
            for cell in &row[2..4] {
                assert!(
                    !["optional", "required", "text", "number", "value"]
                        .iter()
                        .any(|w| cell.contains(w)),
                    "{cell}"
                );
            }
        }
    }

    #[test]
    fn every_drop_down_value_reads_back_as_a_code() {
        for (column, kind) in columns(Form::Long) {
            let Some(list) = list_of(&column, kind) else {
                continue;
            };
            let values = list_values(&list, Lang::Fr, &codes_data::Tables::builtin());
            assert!(!values.is_empty(), "{list}");
            for value in values {
                let code = crate::unlabel(&value);
                assert!(!code.contains(LABEL_SEPARATOR.trim()), "{value}");
            }
        }
    }
}
