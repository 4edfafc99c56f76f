//! Labels of the project's enumerations in the six languages (spec 2.9), from
//! `data/labels.tsv`.
//!
//! The file is tab-separated, without quoting: a header
//! `enumeration value en fr es ru ar pt`, then one row per value; lines that start with `#`
//! are comments. An empty cell means "no label in that language".
//!
//! Layout (written by the build script `build/`, N entries, E enumerations): `TEXT` holds, for each
//! entry (grouped by enumeration, in file order within), its value and its six labels, then the E
//! enumeration names; `OFFSETS` (7N + E + 1) × `u32` string starts in `TEXT`; `ENUMS` E × (`u32`
//! first entry, `u32` end entry) in file order; `ENUM_ORDER` E × `u32` enumerations sorted by name;
//! `VALUE_ORDER` N × `u32`: each enumeration's range of entries, sorted by value.

use std::sync::OnceLock;

use crate::blob::u32_at;
use crate::Lang;

/// Strings per entry: the value and six labels.
const PER_ENTRY: usize = 7;

/// One packed labels table (the shipped one, or a test fixture).
pub(crate) struct Labels {
    text: &'static str,
    offsets: &'static [u8],
    enums: &'static [u8],
    enum_order: &'static [u8],
    value_order: &'static [u8],
    /// Every value in entry order (lazily built for [`enumeration_values`]).
    values: OnceLock<Vec<&'static str>>,
    /// Every enumeration name in file order (lazily built for [`enumerations`]).
    names: OnceLock<Vec<&'static str>>,
}

macro_rules! labels_table {
    ($prefix:literal) => {
        Labels {
            text: include_str!(concat!(env!("OUT_DIR"), "/", $prefix, "_text.txt")),
            offsets: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_offsets.bin")),
            enums: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_enums.bin")),
            enum_order: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_enum_order.bin")),
            value_order: include_bytes!(concat!(env!("OUT_DIR"), "/", $prefix, "_value_order.bin")),
            values: OnceLock::new(),
            names: OnceLock::new(),
        }
    };
}

static LABELS: Labels = labels_table!("labels");

/// The words of `data/words.tsv`, in the same layout.
static WORDS: Labels = labels_table!("words");

impl Labels {
    fn entries(&self) -> usize {
        self.value_order.len() / 4
    }

    fn enum_count(&self) -> usize {
        self.enums.len() / 8
    }

    /// String `k` of the pool.
    fn string(&self, k: usize) -> &'static str {
        match (u32_at(self.offsets, k), u32_at(self.offsets, k + 1)) {
            (Some(a), Some(b)) => self.text.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    fn enum_name(&self, e: usize) -> &'static str {
        self.string(self.entries() * PER_ENTRY + e)
    }

    fn enum_range(&self, e: usize) -> Option<(usize, usize)> {
        Some((
            u32_at(self.enums, 2 * e)? as usize,
            u32_at(self.enums, 2 * e + 1)? as usize,
        ))
    }

    fn find_enum(&self, name: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.enum_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let e = u32_at(self.enum_order, mid)? as usize;
            match self.enum_name(e).cmp(name) {
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
                core::cmp::Ordering::Equal => return Some(e),
            }
        }
        None
    }

    fn find_entry(&self, enumeration: &str, value: &str) -> Option<usize> {
        let (mut lo, mut hi) = self.enum_range(self.find_enum(enumeration)?)?;
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let i = u32_at(self.value_order, mid)? as usize;
            match self.string(i * PER_ENTRY).cmp(value) {
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
                core::cmp::Ordering::Equal => return Some(i),
            }
        }
        None
    }

    pub(crate) fn label(&self, enumeration: &str, value: &str, lang: Lang) -> Option<&'static str> {
        let i = self.find_entry(enumeration, value)?;
        Some(self.string(i * PER_ENTRY + 1 + lang.index())).filter(|s| !s.is_empty())
    }

    pub(crate) fn values(&'static self, enumeration: &str) -> Option<&'static [&'static str]> {
        let (lo, hi) = self.enum_range(self.find_enum(enumeration)?)?;
        let all = self.values.get_or_init(|| {
            (0..self.entries())
                .map(|i| self.string(i * PER_ENTRY))
                .collect()
        });
        all.get(lo..hi)
    }

    pub(crate) fn names(&'static self) -> &'static [&'static str] {
        self.names
            .get_or_init(|| (0..self.enum_count()).map(|e| self.enum_name(e)).collect())
    }
}

/// The label of `value` of `enumeration` in `lang` (for example
/// `label("commodity_area", "drugs", Lang::Fr)`); `None` when the enumeration or the value
/// is unknown, or when the table has no label in that language.
///
/// Enumerations include `form`, `source`, `location_type`, `procedure`,
/// `detection_method`, `commodity_area`, `goods_type` (values `area.type`), `unit`,
/// `concealment`, `conveyance_type`, `country_pseudo`, `gender`, `offender_role`,
/// `company_role`, `document_type`, `legal_action`, `photo_kind`, `cites_appendix`,
/// `severity`, `location_function`, `field` (dotted record paths) and `field_help`; see
/// [`enumerations`].
///
/// ```
/// use codes_data::{label, Lang};
/// if let Some(en) = label("procedure", "import", Lang::En) {
///     assert!(!en.is_empty());
/// }
/// assert_eq!(label("procedure", "no-such-value", Lang::En), None);
/// assert_eq!(label("no-such-enumeration", "import", Lang::En), None);
/// ```
pub fn label(enumeration: &str, value: &str, lang: Lang) -> Option<&'static str> {
    LABELS.label(enumeration, value, lang)
}

/// The values of an enumeration, in the order of `labels.tsv`; `None` when the
/// enumeration is unknown. The first call builds an index of every value (a few
/// microseconds); later calls only look it up.
///
/// ```
/// if let Some(units) = codes_data::enumeration_values("unit") {
///     assert!(units.contains(&"kg"));
/// }
/// ```
pub fn enumeration_values(enumeration: &str) -> Option<&'static [&'static str]> {
    LABELS.values(enumeration)
}

/// The names of the enumerations of `labels.tsv`, in file order (of first appearance).
///
/// ```
/// for e in codes_data::enumerations() {
///     assert!(codes_data::enumeration_values(e).is_some());
/// }
/// ```
pub fn enumerations() -> &'static [&'static str] {
    LABELS.names()
}

/// A word of the project's own texts in `lang`, from `data/words.tsv` (same format as
/// `labels.tsv`): the headers and explanations of the Excel template's help sheet (groups
/// `template_header`, `requirement`, `kind`, `template_list`) and the words of the command
/// line's summary (`summary`). `{name}` in a word is a placeholder that the program fills.
/// `None` when the group or the key is unknown.
///
/// ```
/// use codes_data::{word, Lang};
/// assert_eq!(word("requirement", "optional", Lang::En), Some("optional"));
/// assert_eq!(word("requirement", "optional", Lang::Fr), Some("facultatif"));
/// assert_eq!(word("kind", "text", Lang::Ar), Some("نص، {max} حرفًا على الأكثر"));
/// assert_eq!(word("kind", "no-such-word", Lang::En), None);
/// ```
pub fn word(group: &str, key: &str, lang: Lang) -> Option<&'static str> {
    WORDS.label(group, key, lang)
}

/// The keys of a group of [`word`]s, in file order; `None` when the group is unknown.
///
/// ```
/// let keys = codes_data::word_keys("summary").unwrap();
/// assert!(keys.contains(&"records"));
/// ```
pub fn word_keys(group: &str) -> Option<&'static [&'static str]> {
    WORDS.values(group)
}

/// The groups of [`word`]s, in file order.
pub fn word_groups() -> &'static [&'static str] {
    WORDS.names()
}

#[cfg(test)]
mod tests {
    use super::*;

    static FIXTURE: Labels = labels_table!("labels_fixture");

    #[test]
    fn fixture_enumerations_in_file_order() {
        assert_eq!(FIXTURE.names(), ["procedure", "unit", "field"]);
    }

    #[test]
    fn fixture_values_in_file_order_even_when_rows_are_apart() {
        assert_eq!(
            FIXTURE.values("procedure"),
            Some(&["import", "export", "transit"][..])
        );
        assert_eq!(FIXTURE.values("unit"), Some(&["kg", "g"][..]));
        assert_eq!(
            FIXTURE.values("field"),
            Some(&["reporting_country", "goods.quantity"][..])
        );
        assert_eq!(FIXTURE.values("nope"), None);
        assert_eq!(FIXTURE.values(""), None);
    }

    #[test]
    fn fixture_labels() {
        assert_eq!(
            FIXTURE.label("procedure", "import", Lang::En),
            Some("Import")
        );
        assert_eq!(
            FIXTURE.label("procedure", "import", Lang::Ar),
            Some("استيراد")
        );
        assert_eq!(
            FIXTURE.label("procedure", "transit", Lang::Ru),
            Some("Транзит")
        );
        assert_eq!(FIXTURE.label("unit", "g", Lang::Pt), Some("grama (g)"));
        assert_eq!(
            FIXTURE.label("field", "goods.quantity", Lang::Fr),
            Some("Quantité « nette », sans guillemets ajoutés")
        );
        // An empty cell is no label.
        assert_eq!(FIXTURE.label("unit", "kg", Lang::Es), None);
        // Exact look-ups.
        assert_eq!(FIXTURE.label("procedure", "Import", Lang::En), None);
        assert_eq!(FIXTURE.label("Procedure", "import", Lang::En), None);
        assert_eq!(FIXTURE.label("unit", "import", Lang::En), None);
        assert_eq!(FIXTURE.label("procedure", "", Lang::En), None);
        assert_eq!(FIXTURE.label("procedure", "importé", Lang::En), None);
    }

    #[test]
    fn every_value_and_label_is_found() {
        for &e in FIXTURE.names() {
            for &v in FIXTURE.values(e).unwrap() {
                assert!(FIXTURE.find_entry(e, v).is_some(), "{e} {v}");
            }
        }
    }
}
