//! Messages in six languages (spec 3): templates are data (`data/messages.tsv`, keyed by rule
//! id, or rule id and variant), filled from the params.
//!
//! Placeholders: `{name}` is a param as it is (a list is joined); `{name:label}` is a param by
//! its label in the message's language (the rule says which label table); `{@field}` is the
//! label of the field the issue points at.

use std::collections::HashMap;
use std::sync::OnceLock;

use cen_model::{ParamValue, Params};
use codes_data::Lang;

use crate::definition::{Rule, Shown};

const MESSAGES: &str = include_str!("../data/messages.tsv");

struct Table {
    /// (rule id, variant or "") → template per language, in `Lang::ALL` order.
    templates: HashMap<(&'static str, &'static str), [&'static str; 6]>,
    /// rule id → its variant names, in file order.
    variants: HashMap<&'static str, Vec<&'static str>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut templates = HashMap::new();
        let mut variants: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut lines = MESSAGES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let _header = lines.next();
        for line in lines {
            let cells: Vec<&'static str> = line.split('\t').collect();
            let key = cells[0];
            let mut row = [""; 6];
            for (slot, cell) in row.iter_mut().zip(cells.iter().skip(1)) {
                *slot = cell;
            }
            let (rule, variant) = key.split_once('.').unwrap_or((key, ""));
            if !variant.is_empty() {
                variants.entry(rule).or_default().push(variant);
            }
            templates.insert((rule, variant), row);
        }
        Table {
            templates,
            variants,
        }
    })
}

/// The template of a rule (and variant) in a language. A missing variant falls back to the
/// rule's main template; tests make sure that every template exists in every language.
pub(crate) fn template(
    rule: &'static str,
    variant: Option<&'static str>,
    lang: Lang,
) -> &'static str {
    let table = table();
    let keyed = variant.and_then(|v| table.templates.get(&(rule, v)));
    keyed
        .or_else(|| table.templates.get(&(rule, "")))
        .map_or("", |t| t[lang.index()])
}

/// The variants of a rule with their templates in a language.
pub(crate) fn variants(rule: &'static str, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let table = table();
    table
        .variants
        .get(rule)
        .map(|names| {
            names
                .iter()
                .map(|v| (*v, template(rule, Some(v), lang)))
                .collect()
        })
        .unwrap_or_default()
}

impl Rule {
    /// The message template of the rule in a language (its main wording).
    pub fn template(&self, lang: Lang) -> &'static str {
        template(self.id, None, lang)
    }

    /// The wordings of the rule besides the main one: `(variant, template)`.
    pub fn variants(&self, lang: Lang) -> Vec<(&'static str, &'static str)> {
        variants(self.id, lang)
    }
}

fn list_separator(lang: Lang) -> &'static str {
    if lang == Lang::Ar {
        "، "
    } else {
        ", "
    }
}

fn plain(value: &ParamValue, lang: Lang) -> String {
    match value {
        ParamValue::Str(s) => s.clone(),
        ParamValue::Int(n) => n.to_string(),
        ParamValue::Num(x) => x.to_string(),
        ParamValue::List(items) => items.join(list_separator(lang)),
    }
}

fn labelled(value: &ParamValue, table: &str, prefix: Option<&str>, lang: Lang) -> String {
    let one = |word: &str| -> String {
        let key = prefix.map(|p| format!("{p}.{word}"));
        codes_data::label(table, key.as_deref().unwrap_or(word), lang)
            .map_or_else(|| word.to_owned(), str::to_owned)
    };
    match value {
        ParamValue::Str(s) => one(s),
        ParamValue::List(items) => items
            .iter()
            .map(|i| one(i))
            .collect::<Vec<_>>()
            .join(list_separator(lang)),
        other => plain(other, lang),
    }
}

/// The label of the field a pointer designates (`/goods/0/unit` → "Unit"), or its dotted path
/// when there is none.
pub(crate) fn field_label(pointer: &str, lang: Lang) -> String {
    let dotted = cen_model::pointer::field_path(pointer);
    codes_data::label("field", &dotted, lang).map_or(dotted, str::to_owned)
}

/// Fills a rule's template from an issue's params.
pub(crate) fn render(
    rule: &Rule,
    variant: Option<&'static str>,
    params: &Params,
    path: &str,
    lang: Lang,
) -> String {
    let template = template(rule.id, variant, lang);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let placeholder = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        if placeholder == "@field" {
            out.push_str(&field_label(path, lang));
            continue;
        }
        let (name, by_label) = match placeholder.split_once(':') {
            Some((name, "label")) => (name, true),
            _ => (placeholder, false),
        };
        let Some(value) = params.get(name) else {
            continue;
        };
        let shown = rule
            .params
            .iter()
            .find(|p| p.name == name)
            .map_or(Shown::AsIs, |p| p.shown);
        let text = match (by_label, shown) {
            (true, Shown::Label(table)) => labelled(value, table, None, lang),
            (true, Shown::FieldLabel(prefix)) => labelled(value, "field", Some(prefix), lang),
            _ => plain(value, lang),
        };
        out.push_str(&text);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::catalogue;

    fn placeholders(template: &str) -> Vec<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(p, _)| p))
            .collect()
    }

    #[test]
    fn every_rule_has_a_message_in_every_language() {
        for rule in catalogue() {
            for lang in Lang::ALL {
                assert!(
                    !template(rule.id, None, lang).trim().is_empty(),
                    "{} {}",
                    rule.id,
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_key_names_a_rule_and_every_cell_is_filled() {
        for ((rule, variant), row) in &table().templates {
            let key = format!("{rule}.{variant}");
            assert!(crate::rule(rule).is_some(), "{key} names no rule");
            for (lang, cell) in Lang::ALL.iter().zip(row) {
                assert!(
                    !cell.trim().is_empty(),
                    "{key} has no {} template",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn translations_use_the_same_placeholders_as_english() {
        for ((id, variant), row) in &table().templates {
            let key = format!("{id}.{variant}");
            let rule = crate::rule(id).unwrap();
            let mut english = placeholders(row[0]);
            english.sort();
            for p in &english {
                let name = p.trim_end_matches(":label");
                assert!(
                    *p == "@field" || rule.params.iter().any(|q| q.name == name),
                    "{key}: {{{p}}} is not a param"
                );
            }
            for (lang, cell) in Lang::ALL.iter().zip(row).skip(1) {
                let mut found = placeholders(cell);
                found.sort();
                assert_eq!(found, english, "{key} in {}", lang.code());
            }
        }
    }

    #[test]
    fn scripts_are_right_for_russian_and_arabic() {
        for ((key, _), row) in &table().templates {
            let letters = |s: &str, range: std::ops::RangeInclusive<char>| {
                s.chars().filter(|c| range.contains(c)).count()
            };
            assert!(letters(row[Lang::Ru.index()], 'А'..='я') > 3, "{key} ru");
            assert!(
                letters(row[Lang::Ar.index()], '\u{0600}'..='\u{06FF}') > 3,
                "{key} ar"
            );
        }
    }
}
