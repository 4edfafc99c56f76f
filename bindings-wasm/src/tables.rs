//! Table packs (spec 7.2) from JavaScript: `loadTables(bytes)` checks a pack and gives a handle
//! (`RawTables`, wrapped by the `Tables` class of `js/cen.js`) that a validator is built with
//! (`RawValidator.withTables`). The browser has no files: a pack is given as its bytes, and a
//! string (a path) is refused with a message that says so.
//!
//! A pack is untrusted: its size is checked before its bytes are copied into WebAssembly memory
//! (1 GB of zeros is refused without being copied), and everything else by the core's
//! [`Tables::from_bytes`], whose [`PackError`] text is the `Error`'s message. Nothing here traps.

use std::cell::OnceCell;

use cen_rules::lookups::{self, Table};
use cen_rules::search::{SearchIndex, TablesNames};

use codes_data::{PackError, Tables, MAX_PACK_BYTES};
use wasm_bindgen::prelude::*;

use crate::host;
use crate::names::Names;

/// The search index of a pack's places, with the HS descriptions of the names file.
pub(crate) type PackSearchIndex = SearchIndex<TablesNames<&'static Names>>;

/// What a string given as tables is told: the browser has no files.
pub(crate) const PATH_REFUSED: &str = "cen: tables: a path cannot be read here (no files in the browser): read the pack's bytes and give them, or a Tables from loadTables(bytes)";

/// What a value that is neither a `Tables` nor bytes is told.
pub(crate) const NOT_TABLES: &str =
    "cen: tables: expected a Tables from loadTables(bytes), or the bytes of a table pack (a Uint8Array or an ArrayBuffer)";

fn pack_error(error: &PackError) -> JsError {
    JsError::new(&format!("cen: {error}"))
}

/// A checked table pack, loaded into this WebAssembly instance.
#[wasm_bindgen(js_name = RawTables)]
pub struct RawTables {
    inner: Tables,
    /// The search index of the pack's places, built by its first search (spec 6.2, in
    /// `entry.rs`).
    pub(crate) index: OnceCell<PackSearchIndex>,
}

#[wasm_bindgen(js_class = RawTables)]
impl RawTables {
    /// Checks and loads a pack from its bytes (a `Uint8Array`, Node's `Buffer`, any view of an
    /// `ArrayBuffer`, or an `ArrayBuffer`). Throws an `Error` with the core's reason (too large,
    /// truncated, wrong magic, version or checksum, malformed), or for a value that is not bytes.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: JsValue) -> Result<RawTables, JsError> {
        match host::kind_of(&bytes) {
            host::kind::BINARY => {}
            host::kind::STRING => return Err(JsError::new(PATH_REFUSED)),
            _ => return Err(JsError::new(NOT_TABLES)),
        }
        let view = host::bytes_of(&bytes)
            .map_err(|_| JsError::new("cen: tables: the pack's buffer is detached"))?;
        let size = view.length() as usize;
        if size > MAX_PACK_BYTES {
            return Err(pack_error(&PackError::TooLarge { size: size as u64 }));
        }
        let inner = Tables::from_bytes(&view.to_vec()).map_err(|e| pack_error(&e))?;
        Ok(RawTables {
            inner,
            index: OnceCell::new(),
        })
    }

    /// The editions of the pack's tables (spec 5.3a, 7.2), as `editions()` gives them, as JSON
    /// text.
    #[wasm_bindgen(js_name = editionsJson)]
    pub fn editions_json(&self) -> String {
        lookups::editions_of(&self.inner).to_string()
    }

    /// The SHA-256 of the pack's content, in lower-case hex (as `cen tables info` prints it).
    #[wasm_bindgen(getter)]
    pub fn sha256(&self) -> String {
        self.inner.sha256().unwrap_or_default()
    }

    /// A location code (IATA, ICAO or UN/LOCODE) as validation with this pack resolves it, as
    /// JSON text; `undefined` when it is in no table of the pack.
    #[wasm_bindgen(js_name = lookupLocationJson)]
    pub fn lookup_location_json(
        &self,
        code: JsValue,
        lang: JsValue,
    ) -> Result<Option<String>, JsError> {
        self.lookup(Table::Location, &code, &lang)
    }

    /// A country of the pack by alpha-2 code, as JSON text (`lookupCountry`'s answer).
    #[wasm_bindgen(js_name = lookupCountryJson)]
    pub fn lookup_country_json(
        &self,
        code: JsValue,
        lang: JsValue,
    ) -> Result<Option<String>, JsError> {
        self.lookup(Table::Country, &code, &lang)
    }

    /// A currency of the pack by alphabetic code, as JSON text.
    #[wasm_bindgen(js_name = lookupCurrencyJson)]
    pub fn lookup_currency_json(
        &self,
        code: JsValue,
        lang: JsValue,
    ) -> Result<Option<String>, JsError> {
        self.lookup(Table::Currency, &code, &lang)
    }

    /// An airport of the pack by IATA or ICAO code, as JSON text.
    #[wasm_bindgen(js_name = lookupAirportJson)]
    pub fn lookup_airport_json(
        &self,
        code: JsValue,
        lang: JsValue,
    ) -> Result<Option<String>, JsError> {
        self.lookup(Table::Airport, &code, &lang)
    }

    /// An HS code of the pack's editions (HS 2022 when `edition` is undefined), as JSON text,
    /// with the pack's description.
    #[wasm_bindgen(js_name = lookupHsJson)]
    pub fn lookup_hs_json(
        &self,
        code: JsValue,
        edition: JsValue,
    ) -> Result<Option<String>, JsError> {
        crate::reference::hs_json_in(&self.inner, &code, &edition)
    }

    /// The codes of HS edition `to` that the pack's correlations pair with `code` of edition
    /// `from`, as JSON text: `[{"code", "relationship"}]`.
    #[wasm_bindgen(js_name = hsCorrelateJson)]
    pub fn hs_correlate_json(
        &self,
        code: JsValue,
        from: JsValue,
        to: JsValue,
    ) -> Result<String, JsError> {
        crate::reference::hs_correlate_json_in(&self.inner, &code, &from, &to)
    }
}

impl RawTables {
    /// The core's tables, which a validator clones (a shared pointer).
    pub(crate) fn tables(&self) -> &Tables {
        &self.inner
    }

    fn lookup(
        &self,
        table: Table,
        code: &JsValue,
        lang: &JsValue,
    ) -> Result<Option<String>, JsError> {
        let lang = crate::reference::lang_of(lang)?;
        let Some(code) = crate::reference::code_of(code) else {
            return Ok(None);
        };
        Ok(lookups::lookup_in(&self.inner, table, &code, lang).map(|v| v.to_string()))
    }
}
