//! Folding text for search: lower case, no diacritics, words of letters and digits.

use super::fold_table::FOLD;

/// Appends the folded form of one character: lower case, Latin diacritics removed (`é` → `e`,
/// `ß` → `ss`), combining marks and Arabic vowel signs dropped, `ё` → `е`, `й` → `и`, Arabic
/// alef with hamza or madda → alef. Other characters are kept, lower-cased.
fn push_folded(c: char, out: &mut String) {
    match c {
        // Combining diacritical marks; Arabic tashkeel, superscript alef and tatweel.
        '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}' => {}
        'ё' | 'Ё' => out.push('е'),
        'й' | 'Й' => out.push('и'),
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => match FOLD.binary_search_by(|(k, _)| k.cmp(&c)) {
            Ok(i) => out.push_str(FOLD[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        },
    }
}

/// The words of a text as search compares them: runs of letters and digits, folded (lower
/// case, diacritics removed). Everything else separates words.
///
/// ```
/// use cen_rules::search::words;
/// assert_eq!(words("São Paulo"), ["sao", "paulo"]);
/// assert_eq!(words("GENÈVE-Cointrin"), ["geneve", "cointrin"]);
/// assert_eq!(words("Германия"), ["германия"]);
/// assert!(words(" \u{0}😀 ").is_empty());
/// ```
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || is_mark(c) {
            push_folded(c, &mut word);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Combining marks that sit inside a word (they are dropped, not separators).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(words("Genève"), words("geneve"));
        assert_eq!(words("SÃO PAULO"), ["sao", "paulo"]);
        assert_eq!(words("Straße Łódź Ærø"), ["strasse", "lodz", "aero"]);
        assert_eq!(words("Hà Nội"), ["ha", "noi"]);
        assert_eq!(words("Ёлкино"), ["елкино"]);
        assert_eq!(words("e\u{301}cole"), ["ecole"]);
        assert_eq!(words("ألمانيا"), ["المانيا"]);
        assert_eq!(words("Constanța"), ["constanta"]);
    }

    #[test]
    fn the_table_is_sorted() {
        assert!(FOLD.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
