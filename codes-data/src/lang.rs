//! The six languages of CENcomm (spec 2.9).

/// A language of the labels and of the country and currency names: the six languages of
/// CENcomm (spec 2.9).
///
/// ```
/// use codes_data::Lang;
/// assert_eq!(Lang::from_code("fr"), Some(Lang::Fr));
/// assert_eq!(Lang::Ar.code(), "ar");
/// assert!(Lang::Ar.is_rtl());
/// assert_eq!(Lang::ALL.map(Lang::index), [0, 1, 2, 3, 4, 5]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English (`en`), the default.
    #[default]
    En,
    /// French (`fr`).
    Fr,
    /// Spanish (`es`).
    Es,
    /// Russian (`ru`).
    Ru,
    /// Arabic (`ar`), written right to left.
    Ar,
    /// Portuguese (`pt`).
    Pt,
}

impl Lang {
    /// Every language, in the order of the tables' language columns (`en fr es ru ar pt`).
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ru, Lang::Ar, Lang::Pt];

    /// The ISO 639-1 code: `"en"`, `"fr"`, `"es"`, `"ru"`, `"ar"` or `"pt"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
            Lang::Pt => "pt",
        }
    }

    /// The language of an exact lower-case ISO 639-1 code (`"fr"`); `None` for anything
    /// else (`"FR"`, `"fr-BE"`, `""`).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            "ru" => Some(Lang::Ru),
            "ar" => Some(Lang::Ar),
            "pt" => Some(Lang::Pt),
            _ => None,
        }
    }

    /// Whether the language is written right to left (Arabic).
    pub const fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// The position of the language in [`Lang::ALL`], 0..6.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The name of this language written in `lang`, from the Unicode CLDR (spec 7.3), in the
    /// form for a label or a menu (first letter titlecased where CLDR asks for it in those
    /// contexts: `data/languages.tsv`, SOURCES.md).
    ///
    /// ```
    /// use codes_data::Lang;
    /// assert_eq!(Lang::Ar.name_in(Lang::En), "Arabic");
    /// assert_eq!(Lang::Ru.name_in(Lang::Fr), "Russe");
    /// assert_eq!(Lang::Pt.name_in(Lang::Es), "Portugués");
    /// ```
    pub const fn name_in(self, lang: Lang) -> &'static str {
        LANGUAGE_NAMES[self.index()][lang.index()]
    }

    /// The name of this language in itself, as a language picker shows it.
    ///
    /// ```
    /// use codes_data::Lang;
    /// let picker: Vec<&str> = Lang::ALL.iter().map(|l| l.autonym()).collect();
    /// assert_eq!(picker, ["English", "Français", "Español", "Русский", "العربية", "Português"]);
    /// ```
    pub const fn autonym(self) -> &'static str {
        self.name_in(self)
    }
}

// `LANGUAGE_NAMES[language][in]`, rows and columns in the order of `Lang::ALL` (checked by the
// build script).
include!(concat!(env!("OUT_DIR"), "/language_names.rs"));

impl core::fmt::Display for Lang {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(lang.index(), i);
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.to_string(), lang.code());
            assert_eq!(lang.is_rtl(), lang == Lang::Ar);
        }
        for bad in ["", "EN", "En", "fr-BE", "de", "ené", "e"] {
            assert_eq!(Lang::from_code(bad), None, "{bad}");
        }
        assert_eq!(Lang::default(), Lang::En);
        assert!(Lang::En < Lang::Pt);
    }

    #[test]
    fn every_language_is_named_in_every_language() {
        for language in Lang::ALL {
            for lang in Lang::ALL {
                let name = language.name_in(lang);
                assert!(!name.is_empty(), "{language} in {lang}");
                // Titlecased for menus, except in scripts without case (Arabic).
                let first = name.chars().next().unwrap();
                assert!(first.is_uppercase() || lang == Lang::Ar, "{name}");
            }
        }
        // Each language's names are distinct within one language.
        for lang in Lang::ALL {
            let mut names: Vec<&str> = Lang::ALL.iter().map(|l| l.name_in(lang)).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), 6, "{lang}");
        }
        assert_eq!(Lang::Fr.name_in(Lang::Ru), "Французский");
        assert_eq!(Lang::En.name_in(Lang::Ar), "الإنجليزية");
    }
}
