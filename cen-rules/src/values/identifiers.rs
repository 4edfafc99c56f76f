//! IDN: identifiers with check digits (spec 3 and spec 4). The checkers are public so that
//! hosts can check a single identifier as it is typed.

use cen_model::shape::CodeKind;
use cen_model::Params;

use crate::definition::{Rule, Severity};
use crate::sink::Sink;

/// CEN-IDN-001: `container` is not a valid ISO 6346 number.
pub static IDN_001: Rule = Rule {
    id: "CEN-IDN-001",
    severity: Severity::Error,
    params: &[],
    summary: "A container number is not a valid ISO 6346 number (format or check digit).",
};
/// CEN-IDN-002: `imo` is not a valid IMO ship number.
pub static IDN_002: Rule = Rule {
    id: "CEN-IDN-002",
    severity: Severity::Error,
    params: &[],
    summary: "An IMO number is not valid (7 digits, optional IMO prefix, check digit).",
};
/// CEN-IDN-003: `awb` is not a valid IATA air waybill number.
pub static IDN_003: Rule = Rule { id: "CEN-IDN-003", severity: Severity::Error, params: &[], summary: "An air waybill number is not valid (3-digit prefix, 7-digit serial, check digit = serial mod 7)." };
/// CEN-IDN-004: `postal_item` is not a valid UPU S10 identifier.
pub static IDN_004: Rule = Rule { id: "CEN-IDN-004", severity: Severity::Error, params: &[], summary: "A postal item identifier is not a valid UPU S10 identifier (format, service indicator, check digit, country)." };
/// CEN-IDN-005: `flight` is not a flight designator.
pub static IDN_005: Rule = Rule { id: "CEN-IDN-005", severity: Severity::Error, params: &[], summary: "A flight is not a flight designator (airline designator, 1 to 4 digits not all zero, optional letter)." };

/// ISO 6346 letter values: A=10, then counting up and skipping multiples of 11.
fn iso6346_letter_value(letter: u8) -> u32 {
    let mut value = 10;
    for _ in b'A'..letter {
        value += 1;
        if value % 11 == 0 {
            value += 1;
        }
    }
    value
}

/// ISO 6346 freight container number: `^[A-Z]{3}[UJZ][0-9]{6}[0-9]$` with its check digit.
///
/// ```
/// use cen_rules::identifiers::is_container;
/// assert!(is_container("CSQU3054383"));
/// assert!(!is_container("CSQU3054384"));
/// ```
pub fn is_container(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() != 11
        || !b[..3].iter().all(u8::is_ascii_uppercase)
        || !matches!(b[3], b'U' | b'J' | b'Z')
        || !b[4..].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let sum: u32 = b[..10]
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let value = if c.is_ascii_digit() {
                u32::from(c - b'0')
            } else {
                iso6346_letter_value(c)
            };
            value << i
        })
        .sum();
    (sum % 11) % 10 == u32::from(b[10] - b'0')
}

/// IMO ship number: `^(IMO ?)?[0-9]{7}$`, weights 7..2 on the first six digits, sum mod 10.
///
/// ```
/// use cen_rules::identifiers::is_imo;
/// assert!(is_imo("IMO 9321483"));
/// assert!(!is_imo("9074728"));
/// ```
pub fn is_imo(code: &str) -> bool {
    let digits = code
        .strip_prefix("IMO ")
        .or_else(|| code.strip_prefix("IMO"))
        .unwrap_or(code)
        .as_bytes();
    if digits.len() != 7 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits[..6]
        .iter()
        .zip([7u32, 6, 5, 4, 3, 2])
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    sum % 10 == u32::from(digits[6] - b'0')
}

/// The 11 digits of an air waybill without its optional hyphen, if it has the AWB format.
pub fn awb_digits(code: &str) -> Option<[u8; 11]> {
    let b = code.as_bytes();
    let digits: Vec<u8> = match b.len() {
        11 => b.to_vec(),
        12 if b[3] == b'-' => b[..3].iter().chain(&b[4..]).copied().collect(),
        _ => return None,
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut out = [0u8; 11];
    out.copy_from_slice(&digits);
    Some(out)
}

/// IATA air waybill: `^[0-9]{3}-?[0-9]{7}[0-9]$`, check digit = 7-digit serial mod 7.
///
/// ```
/// use cen_rules::identifiers::is_awb;
/// assert!(is_awb("016-12345675"));
/// assert!(!is_awb("016-12345676"));
/// ```
pub fn is_awb(code: &str) -> bool {
    let Some(digits) = awb_digits(code) else {
        return false;
    };
    let serial = digits[3..10]
        .iter()
        .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'));
    serial % 7 == u32::from(digits[10] - b'0')
}

/// UPU S10 postal item identifier: `^[A-Z]{2}[0-9]{8}[0-9][A-Z]{2}$`, a service indicator not
/// beginning with J, K, S, T or W, the check digit of weights 8,6,4,2,3,5,9,7, and an ISO
/// 3166-1 country.
///
/// ```
/// use cen_rules::identifiers::is_s10;
/// assert!(is_s10("RR473124829GB"));
/// assert!(!is_s10("RR473124829QQ"));
/// ```
pub fn is_s10(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() != 13
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..11].iter().all(u8::is_ascii_digit)
        || !b[11..].iter().all(u8::is_ascii_uppercase)
        || matches!(b[0], b'J' | b'K' | b'S' | b'T' | b'W')
    {
        return false;
    }
    let sum: u32 = b[2..10]
        .iter()
        .zip([8u32, 6, 4, 2, 3, 5, 9, 7])
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    check == u32::from(b[10] - b'0') && codes_data::country(&code[11..]).is_some()
}

/// Flight designator: an airline designator of 2 characters of `A-Z0-9` with at least one
/// letter, or 3 letters; then 1 to 4 digits, not all zeros; then an optional letter.
///
/// ```
/// use cen_rules::identifiers::is_flight;
/// assert!(is_flight("U21234A"));
/// assert!(!is_flight("LH 254"));
/// ```
pub fn is_flight(code: &str) -> bool {
    let b = code.as_bytes();
    let number_ok = |rest: &[u8]| {
        let rest = match rest.last() {
            Some(c) if c.is_ascii_uppercase() => &rest[..rest.len() - 1],
            _ => rest,
        };
        (1..=4).contains(&rest.len())
            && rest.iter().all(u8::is_ascii_digit)
            && rest.iter().any(|&d| d != b'0')
    };
    let two = b.len() >= 3
        && b[..2]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && b[..2].iter().any(u8::is_ascii_uppercase)
        && number_ok(&b[2..]);
    let three = b.len() >= 4 && b[..3].iter().all(u8::is_ascii_uppercase) && number_ok(&b[3..]);
    two || three
}

/// Checks an identifier field; emits its IDN issue and returns false when it is not valid.
pub(crate) fn check(
    sink: &mut Sink,
    kind: CodeKind,
    value: &str,
    path: impl FnOnce() -> String,
) -> bool {
    let (valid, rule) = match kind {
        CodeKind::Container => (is_container(value), &IDN_001),
        CodeKind::Imo => (is_imo(value), &IDN_002),
        CodeKind::Awb => (is_awb(value), &IDN_003),
        CodeKind::PostalItem => (is_s10(value), &IDN_004),
        CodeKind::Flight => (is_flight(value), &IDN_005),
        _ => return true,
    };
    if !valid {
        sink.emit(rule, path(), Params::new());
    }
    valid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_6346_letter_values_match_the_spec_table() {
        let expected = "A10 B12 C13 D14 E15 F16 G17 H18 I19 J20 K21 L23 M24 N25 O26 P27 Q28 R29 S30 T31 U32 V34 W35 X36 Y37 Z38";
        for pair in expected.split(' ') {
            let (letter, value) = pair.split_at(1);
            assert_eq!(
                iso6346_letter_value(letter.as_bytes()[0]),
                value.parse::<u32>().unwrap(),
                "{letter}"
            );
        }
    }

    #[test]
    fn spec_4_container_vectors() {
        for ok in ["CSQU3054383", "TEXU3070079", "MSKU6011672"] {
            assert!(is_container(ok), "{ok}");
        }
        for bad in [
            "TEXU3070070",
            "CSQA3054383",
            "csqu3054383",
            "CSQU305438",
            "CSQU30543833",
            "CSQU305438X",
            "ÇSQU3054383",
        ] {
            assert!(!is_container(bad), "{bad}");
        }
    }

    #[test]
    fn spec_4_imo_vectors() {
        for ok in ["9074729", "IMO9074729", "IMO 9321483"] {
            assert!(is_imo(ok), "{ok}");
        }
        for bad in [
            "9074728",
            "907472",
            "IMO  9074729",
            "imo9074729",
            " 9074729",
            "90747290",
        ] {
            assert!(!is_imo(bad), "{bad}");
        }
    }

    #[test]
    fn spec_4_awb_vectors() {
        for ok in ["016-12345675", "01612345675"] {
            assert!(is_awb(ok), "{ok}");
        }
        for bad in [
            "016-12345676",
            "176-12345679",
            "0161-2345675",
            "016-1234567",
            "016 12345675",
            "O16-12345675",
        ] {
            assert!(!is_awb(bad), "{bad}");
        }
    }

    #[test]
    fn spec_4_s10_vectors() {
        for ok in [
            "RR473124829GB",
            "EB000717595HK",
            "EE471108151FR",
            "RR287043775IN",
        ] {
            assert!(is_s10(ok), "{ok}");
        }
        for bad in [
            "EB000717594HK",
            "JJ473124829GB",
            "RR473124829QQ",
            "rr473124829GB",
            "RR47312482GB",
            "KR473124829GB",
            "SR473124829GB",
            "TR473124829GB",
            "WR473124829GB",
        ] {
            assert!(!is_s10(bad), "{bad}");
        }
    }

    #[test]
    fn spec_4_flight_vectors() {
        for ok in ["LH254", "U21234A", "KLM1234", "1A234", "LH1", "LH0001"] {
            assert!(is_flight(ok), "{ok}");
        }
        for bad in [
            "LH0000", "12345", "LH 254", "LH12345", "lh254", "LH", "LH254AB", "K1M123", "",
        ] {
            assert!(!is_flight(bad), "{bad}");
        }
    }

    #[test]
    fn checkers_never_panic_on_odd_input() {
        for odd in [
            "",
            "é",
            "日本語日本語日本語日本",
            "\u{0}\u{0}\u{0}-\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
            "IMO",
            "IMO ",
        ] {
            let _ = (
                is_container(odd),
                is_imo(odd),
                is_awb(odd),
                is_s10(odd),
                is_flight(odd),
            );
        }
    }
}
