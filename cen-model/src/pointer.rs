//! JSON Pointers (RFC 6901), the paths of every issue.

/// Appends one reference token to a pointer, escaping `~` as `~0` and `/` as `~1`.
///
/// ```
/// let mut path = String::from("/goods");
/// cen_model::pointer::push_token(&mut path, "a/b~c");
/// assert_eq!(path, "/goods/a~1b~0c");
/// ```
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if token.contains(['~', '/']) {
        for c in token.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
    } else {
        pointer.push_str(token);
    }
}

/// Splits a pointer into its unescaped reference tokens; `None` when it is not a pointer (it
/// must be empty or start with `/`, and `~` must be followed by `0` or `1`).
///
/// ```
/// assert_eq!(cen_model::pointer::tokens("/goods/0/unit"), Some(vec!["goods".into(), "0".into(), "unit".into()]));
/// assert_eq!(cen_model::pointer::tokens(""), Some(vec![]));
/// assert_eq!(cen_model::pointer::tokens("goods"), None);
/// ```
pub fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/')
        .map(|token| {
            let mut out = String::with_capacity(token.len());
            let mut chars = token.chars();
            while let Some(c) = chars.next() {
                if c == '~' {
                    match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return None,
                    }
                } else {
                    out.push(c);
                }
            }
            Some(out)
        })
        .collect()
}

/// The dotted field path of a pointer without its array indices: `/goods/0/unit` →
/// `goods.unit`. This is the key of the field labels.
pub fn field_path(pointer: &str) -> String {
    let mut out = String::new();
    for token in pointer.split('/').skip(1) {
        if token.is_empty() || token.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(token);
    }
    out
}

/// The last token of a pointer, unescaped (`/goods/0/unit` → `unit`).
pub fn last_token(pointer: &str) -> String {
    let token = pointer.rsplit('/').next().unwrap_or("");
    token.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_unescapes_round_trip() {
        let mut p = String::new();
        push_token(&mut p, "x~/y");
        assert_eq!(p, "/x~0~1y");
        assert_eq!(tokens(&p), Some(vec!["x~/y".to_owned()]));
    }

    #[test]
    fn rejects_bad_escapes() {
        assert_eq!(tokens("/a~2"), None);
        assert_eq!(tokens("/a~"), None);
    }

    #[test]
    fn field_paths_drop_indices() {
        assert_eq!(field_path("/conveyance/3/awb"), "conveyance.awb");
        assert_eq!(field_path("/route/transit/0"), "route.transit");
        assert_eq!(field_path(""), "");
    }

    #[test]
    fn last_token_unescapes() {
        assert_eq!(last_token("/a/b~1c"), "b/c");
        assert_eq!(last_token(""), "");
    }
}
