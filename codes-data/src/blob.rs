//! Reading the packed tables that the build script (`build/`) writes into `OUT_DIR`.
//!
//! Every read is bounds-checked and returns `None` (or an empty string) rather than
//! panicking, so a look-up can never panic whatever its input.

/// Includes a binary blob from `OUT_DIR`.
macro_rules! blob {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name))
    };
}

/// Includes a UTF-8 text blob from `OUT_DIR` (the compiler checks the encoding).
macro_rules! text {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name))
    };
}

pub(crate) use {blob, text};

/// The little-endian `u16` at index `i` (in units of 2 bytes).
#[inline]
pub(crate) fn u16_at(bytes: &[u8], i: usize) -> Option<u16> {
    let o = i.checked_mul(2)?;
    match bytes.get(o..o.checked_add(2)?) {
        Some(&[a, b]) => Some(u16::from_le_bytes([a, b])),
        _ => None,
    }
}

/// The little-endian `u32` at index `i` (in units of 4 bytes).
#[inline]
pub(crate) fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let o = i.checked_mul(4)?;
    match bytes.get(o..o.checked_add(4)?) {
        Some(&[a, b, c, d]) => Some(u32::from_le_bytes([a, b, c, d])),
        _ => None,
    }
}

/// Part `i` of `parts` texts written one after the other in `text`, part `k` ending at byte
/// `ends[k]` (the compact rows of countries and currencies: one text, not one per field).
pub(crate) fn part<'t, const N: usize>(text: &'t str, ends: &[u16; N], i: usize) -> &'t str {
    let start = match i.checked_sub(1) {
        Some(before) => ends.get(before).map_or(0, |e| usize::from(*e)),
        None => 0,
    };
    let end = ends.get(i).map_or(0, |e| usize::from(*e));
    text.get(start..end).unwrap_or("")
}

/// The text and the ends of `parts`, for [`part`]; `None` past 65,535 bytes.
pub(crate) fn join_parts<const N: usize>(parts: [&str; N]) -> Option<(String, [u16; N])> {
    let mut text = String::new();
    let mut ends = [0u16; N];
    for (k, p) in parts.iter().enumerate() {
        text.push_str(p);
        ends[k] = u16::try_from(text.len()).ok()?;
    }
    Some((text, ends))
}

/// A three-digit ISO numeric code (`"056"`), as the build script reads them.
pub(crate) fn numeric3(s: &str) -> Option<u16> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// `len` bytes of `text` from `start`, or `""` when out of range.
#[inline]
pub(crate) fn slice(text: &str, start: usize, len: usize) -> &str {
    match start.checked_add(len) {
        Some(end) => text.get(start..end).unwrap_or(""),
        None => "",
    }
}

/// A space-padded field of a fixed-width ASCII record, without its padding.
#[inline]
pub(crate) fn field(text: &str, start: usize, width: usize) -> &str {
    slice(text, start, width).trim_end_matches(' ')
}

/// Index of a two-letter upper-case code in a 26² array.
#[inline]
pub(crate) fn alpha2_index(code: &[u8]) -> Option<usize> {
    match *code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

/// Index of a three-letter upper-case code in a 26³ array.
#[inline]
pub(crate) fn alpha3_index(code: &[u8]) -> Option<usize> {
    match *code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z', c @ b'A'..=b'Z'] => {
            Some((usize::from(a - b'A') * 26 + usize::from(b - b'A')) * 26 + usize::from(c - b'A'))
        }
        _ => None,
    }
}

/// Binary search for `key` among the sorted `u16` keys at positions `lo..hi` of `keys`,
/// where the key of position `i` is the little-endian `u16` at byte `i * stride`. Returns
/// the position. Branch-free halving (the comparison feeds arithmetic, not a jump), so
/// that a look-up costs a few dependent loads and no mispredictions.
#[inline]
pub(crate) fn search_u16(
    keys: &[u8],
    stride: usize,
    lo: usize,
    hi: usize,
    key: u16,
) -> Option<usize> {
    let at = |i: usize| match keys.get(i * stride..i * stride + 2) {
        Some(&[a, b]) => u16::from_le_bytes([a, b]),
        _ => u16::MAX,
    };
    if stride < 2 || hi.checked_mul(stride)? > keys.len() {
        return None;
    }
    search_by(lo, hi, &key, at)
}

/// Binary search for `key` among positions `lo..hi` whose keys `at` reads in sorted order,
/// without branches on the comparison (a conditional move), so that it does not stall on
/// hard-to-predict branches. Returns the position of the key.
#[inline]
pub(crate) fn search_by<K: Ord>(
    lo: usize,
    hi: usize,
    key: &K,
    at: impl Fn(usize) -> K,
) -> Option<usize> {
    if lo >= hi {
        return None;
    }
    let (mut base, mut len) = (lo, hi - lo);
    while len > 1 {
        let half = len / 2;
        base = if at(base + half) <= *key {
            base + half
        } else {
            base
        };
        len -= half;
    }
    (at(base) == *key).then_some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_bounds_checked() {
        let b = [1u8, 0, 2, 0, 0];
        assert_eq!(u16_at(&b, 0), Some(1));
        assert_eq!(u16_at(&b, 1), Some(2));
        assert_eq!(u16_at(&b, 2), None);
        assert_eq!(u16_at(&b, usize::MAX), None);
        assert_eq!(u32_at(&b, 0), Some(0x0002_0001));
        assert_eq!(u32_at(&b, 1), None);
        assert_eq!(u32_at(&b, usize::MAX / 2), None);
        assert_eq!(slice("abc", 1, 5), "");
        assert_eq!(slice("abc", usize::MAX, 2), "");
        assert_eq!(slice("é", 1, 1), "");
        assert_eq!(field("ab  cd", 0, 4), "ab");
    }

    #[test]
    fn alpha_indexes() {
        assert_eq!(alpha2_index(b"AA"), Some(0));
        assert_eq!(alpha2_index(b"ZZ"), Some(675));
        assert_eq!(alpha2_index(b"Aa"), None);
        assert_eq!(alpha2_index(b"A"), None);
        assert_eq!(alpha3_index(b"ZZZ"), Some(17_575));
        assert_eq!(alpha3_index(b"ZZ["), None);
    }

    #[test]
    fn search() {
        let keys: Vec<u8> = [1u16, 3, 5, 7]
            .iter()
            .flat_map(|k| k.to_le_bytes())
            .collect();
        for (i, k) in [1u16, 3, 5, 7].iter().enumerate() {
            assert_eq!(search_u16(&keys, 2, 0, 4, *k), Some(i));
        }
        assert_eq!(search_u16(&keys, 2, 0, 4, 4), None);
        assert_eq!(search_u16(&keys, 2, 1, 4, 1), None);
        assert_eq!(search_u16(&keys, 2, 0, 9, 9), None);
        assert_eq!(search_u16(&keys, 2, 2, 2, 5), None);
        assert_eq!(search_u16(&keys, 2, 3, 2, 5), None);
        assert_eq!(search_u16(&keys, 2, 3, 4, 7), Some(3));
        assert_eq!(search_u16(&keys, 2, 0, 4, 0), None);
        assert_eq!(search_u16(&keys, 2, 0, 4, 8), None);
        assert_eq!(search_u16(&keys, 2, 0, usize::MAX, 8), None);
        // Pairs (key, payload) with stride 4.
        let pairs: Vec<u8> = [(1u16, 9u16), (4, 9), (6, 9)]
            .iter()
            .flat_map(|(k, v)| [k.to_le_bytes(), v.to_le_bytes()].concat())
            .collect();
        assert_eq!(search_u16(&pairs, 4, 0, 3, 4), Some(1));
        assert_eq!(search_u16(&pairs, 4, 0, 3, 9), None);
    }
}
