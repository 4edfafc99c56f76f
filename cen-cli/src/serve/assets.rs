//! The seizure form's files, built into the binary (`build.rs`), served at `/`.

use axum::http::header::{self, HeaderValue};
use axum::response::{IntoResponse, Response};

include!(concat!(env!("OUT_DIR"), "/form_assets.rs"));

/// The file of a URL path (`/` is `index.html`). The path is looked up as given among the
/// files built in: nothing is read from the disk, so no path can lead out of them.
pub fn file(path: &str) -> Option<&'static [u8]> {
    let path = path.trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    FILES
        .binary_search_by(|(url, _)| (*url).cmp(path))
        .ok()
        .map(|i| FILES[i].1)
}

/// True when the WebAssembly of the form was built in.
pub fn has_webassembly() -> bool {
    file("cen-wasm/dist/cen_wasm_bg.wasm").is_some()
}

/// The content type of a file by its extension.
fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        _ => "text/plain; charset=utf-8",
    }
}

/// The response for a file of the form, if `path` is one.
pub fn response(path: &str) -> Option<Response> {
    let bytes = file(path)?;
    let name = if path.trim_start_matches('/').is_empty() {
        "index.html"
    } else {
        path
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(name)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Some(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_built_in_and_nothing_leaves_it() {
        assert!(file("/").is_some());
        assert!(file("/src/app.js").is_some());
        for path in [
            "/../Cargo.toml",
            "/src/../../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/package.json",
            "/test/form.test.mjs",
            "/serve.mjs",
        ] {
            assert!(file(path).is_none(), "{path}");
        }
        // Sorted, for the binary search.
        assert!(FILES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
