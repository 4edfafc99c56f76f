//! The routes of spec 8: the form at `/`, the JSON API under `/v1`, `/openapi.json`,
//! `/healthz`, `/metrics`. Each handler reads its options, makes one core call and writes what
//! it returns.

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::extract::{Path, RawQuery, Request, State as Shared};
use axum::http::header::{self, HeaderValue};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use cen_rules::lookups::{self, Table};
use codes_data::{HsEdition, Lang};
use serde_json::{Map, Value};

use super::http::{expect_json, json_body, read_body, ApiError};
use super::state::{Query, VALIDATION_OPTIONS};
use super::{assets, batch, State};

type Shared_ = Shared<Arc<State>>;

/// The OpenAPI 3.1 document of the API (hand-written; the tests validate it and call every
/// route it lists).
pub const OPENAPI: &str = include_str!("openapi.json");

/// Every route, behind the layer of [`super::http::layer`].
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/v1/validate", post(validate))
        .route("/v1/validate/batch", post(batch::validate_batch))
        .route("/v1/to-cen", post(to_cen))
        .route("/v1/schema", get(schema))
        .route("/v1/rules", get(rules))
        .route("/v1/editions", get(editions))
        .route("/v1/labels", get(labels))
        .route("/v1/codes/{table}/{code}", get(codes))
        .route("/v1/search/{table}", get(search))
        .route("/v1/form-model", get(form_model))
        .route("/v1/profiles", get(profiles))
        .route("/v1/profiles/{name}", get(profile))
        .route("/openapi.json", get(openapi))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/profiles.json", get(form_profiles))
        .route("/tables.pack", get(served_pack))
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            super::http::layer,
        ))
        .with_state(state)
}

/// A JSON text made once.
fn cached(cell: &'static OnceLock<String>, make: impl FnOnce() -> String) -> Response {
    json_body(cell.get_or_init(make).as_str())
}

/// The language of `lang`, or the service's.
fn lang_of(state: &State, query: &Query) -> Result<Lang, ApiError> {
    match query.get("lang") {
        None => Ok(state.lang),
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            ApiError::bad_option(format!(
                "lang: `{code}` is not one of en, fr, es, ru, ar, pt"
            ))
        }),
    }
}

/// `POST /v1/validate`: one record → its report (spec 5.2), byte for byte the core's.
async fn validate(
    Shared(state): Shared_,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref(), &VALIDATION_OPTIONS)?;
    expect_json(&headers)?;
    let validator = state.validator(&query)?;
    let bytes = read_body(&headers, body, state.limits.max_body, state.limits.timeout).await?;
    let report = validator.validate_bytes(&bytes);
    state.metrics.report(&report);
    Ok(json_body(report.to_json()))
}

/// `POST /v1/to-cen`: one record → its non-nominal projection (spec 2.8).
async fn to_cen(
    Shared(state): Shared_,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    Query::parse(raw.as_deref(), &[])?;
    expect_json(&headers)?;
    let bytes = read_body(&headers, body, state.limits.max_body, state.limits.timeout).await?;
    let projected = std::str::from_utf8(&bytes)
        .map_err(|_| cen_model::Fatal::NotUtf8)
        .and_then(cen_model::project::to_cen_json);
    match projected {
        Ok(json) => Ok(json_body(json)),
        Err(fatal) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_a_record",
            format!("no projection: {fatal}"),
        )),
    }
}

async fn schema(RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    Query::parse(raw.as_deref(), &[])?;
    static TEXT: OnceLock<String> = OnceLock::new();
    Ok(cached(&TEXT, || cen_model::schema::schema().to_string()))
}

async fn rules(RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    Query::parse(raw.as_deref(), &[])?;
    static TEXT: OnceLock<String> = OnceLock::new();
    Ok(cached(&TEXT, || cen_rules::catalogue_json().to_string()))
}

async fn editions(Shared(state): Shared_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    Query::parse(raw.as_deref(), &[])?;
    static TEXT: OnceLock<String> = OnceLock::new();
    Ok(cached(&TEXT, || {
        cen_rules::lookups::editions_of(&state.tables).to_string()
    }))
}

/// `GET /v1/labels?lang=`: the labels of every enumeration and field.
async fn labels(Shared(state): Shared_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref(), &["lang"])?;
    let lang = lang_of(&state, &query)?;
    static TEXTS: [OnceLock<String>; 6] = [const { OnceLock::new() }; 6];
    Ok(cached(&TEXTS[lang.index()], || {
        cen_rules::api::labels(lang).to_string()
    }))
}

/// An HS edition option.
fn edition(text: &str, name: &str) -> Result<HsEdition, ApiError> {
    cen_rules::api::hs_edition(text)
        .map_err(|problem| ApiError::bad_option(format!("{name}: {problem}")))
}

/// `GET /v1/codes/{table}/{code}`: one entry of a table (`?lang=`; for HS `?edition=` and
/// `?to=`, the correlation to another edition). Not found: 404 with the closest codes.
async fn codes(
    Shared(state): Shared_,
    Path((table, code)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref(), &["lang", "edition", "to"])?;
    let lang = lang_of(&state, &query)?;
    let table: Table = table.parse().map_err(|_| {
        ApiError::not_found(format!(
            "no table `{table}`: country, currency, location, airport or hs"
        ))
    })?;
    if table != Table::Hs && (query.get("edition").is_some() || query.get("to").is_some()) {
        return Err(ApiError::bad_option(
            "edition and to are options of the hs table",
        ));
    }
    let normal = lookups::normalise(table, &code).unwrap_or_else(|| code.clone());
    let from = match query.get("edition") {
        Some(text) => edition(text, "edition")?,
        None => HsEdition::NEWEST,
    };
    if let Some(to) = query.get("to") {
        let to = edition(to, "to")?;
        return Ok(json_body(
            lookups::hs_correlate_in(&state.tables, &normal, from, to).to_string(),
        ));
    }
    let found = match table {
        Table::Hs => lookups::normalise(table, &code)
            .and_then(|c| lookups::hs_in_tables(&state.tables, &c, from)),
        _ => lookups::lookup_in(&state.tables, table, &code, lang),
    };
    match found {
        Some(entry) => Ok(json_body(entry.to_string())),
        None => {
            let name = table.name();
            let suggest = match table {
                Table::Country => lookups::country_suggestion_in(&state.tables, &normal, true),
                _ => None,
            };
            let body = serde_json::json!({
                "error": "not_found",
                "message": format!("no {name} code `{normal}`"),
                "found": false,
                "table": name,
                "code": normal,
                "suggest": suggest,
                "closest": lookups::closest_in(&state.tables, name, &normal, 5),
            });
            Ok((StatusCode::NOT_FOUND, json_body(body.to_string())).into_response())
        }
    }
}

/// `GET /v1/search/{table}?q=`: codes by name or code prefix (spec 6.2), as `cen search`; the
/// places of the served pack when there is one (`--tables`).
async fn search(
    Shared(state): Shared_,
    Path(table): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let query = Query::parse(
        raw.as_deref(),
        &["q", "lang", "limit", "country", "hs_edition"],
    )?;
    let lang = lang_of(&state, &query)?;
    let q = query
        .get("q")
        .ok_or_else(|| ApiError::bad_option("q: the text to search for is missing"))?;
    if cen_rules::search::Table::from_name(&table).is_none() {
        return Err(ApiError::not_found(format!(
            "no table `{table}`: location, airport, seaport, country, currency or hs"
        )));
    }
    let mut options = Map::new();
    options.insert("lang".into(), lang.code().into());
    if let Some(limit) = query.get("limit") {
        let limit: u64 = limit
            .parse()
            .map_err(|_| ApiError::bad_option(format!("limit: `{limit}` is not a whole number")))?;
        options.insert("limit".into(), limit.into());
    }
    for key in ["country", "hs_edition"] {
        if let Some(value) = query.get(key) {
            options.insert(key.into(), value.into());
        }
    }
    let options = Value::Object(options).to_string();
    let found = match &state.pack_index {
        Some(index) => cen_rules::search::search_json_in(index, &table, q, Some(&options)),
        None => cen_rules::search::search_json(&table, q, Some(&options)),
    };
    found
        .map(json_body)
        .map_err(|error| ApiError::bad_option(error.to_string()))
}

/// `GET /v1/form-model?form=&source=&lang=&profile=` (spec 6.1).
async fn form_model(Shared(state): Shared_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let query = Query::parse(raw.as_deref(), &["form", "source", "lang", "profile"])?;
    let json = state.options_json(&query)?;
    let options =
        cen_rules::Options::from_value(&json).map_err(|e| ApiError::bad_option(e.to_string()))?;
    Ok(json_body(cen_rules::form_model_json(&options)))
}

/// `GET /v1/profiles`: the served profiles (`--profile`), by name.
async fn profiles(Shared(state): Shared_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    Query::parse(raw.as_deref(), &[])?;
    let list: Vec<Value> = state
        .profiles
        .iter()
        .map(|(name, profile)| serde_json::json!({ "name": name, "profile": profile }))
        .collect();
    Ok(json_body(
        serde_json::json!({ "profiles": list }).to_string(),
    ))
}

/// `GET /v1/profiles/{name}`: one served profile.
async fn profile(Shared(state): Shared_, Path(name): Path<String>) -> Result<Response, ApiError> {
    state
        .profile(&name)
        .map(|p| json_body(p.to_string()))
        .ok_or_else(|| ApiError::not_found(format!("no served profile is named `{name}`")))
}

/// `GET /profiles.json`: the served profiles as the form lists them (`form/profiles.json`), and
/// the served pack (`tables`: its file, name and SHA-256) when there is one.
async fn form_profiles(Shared(state): Shared_) -> Response {
    let list: Vec<Value> = state
        .profiles
        .iter()
        .map(|(name, _)| {
            let file = format!(
                "v1/profiles/{}",
                serde_urlencoded::to_string([("", name)])
                    .unwrap_or_default()
                    .trim_start_matches('=')
                    .replace('+', "%20")
            );
            serde_json::json!({ "id": name, "file": file })
        })
        .collect();
    let mut body = serde_json::json!({ "profiles": list });
    if let Some((name, _)) = &state.pack {
        // The form loads the served pack as if the person had chosen it (docs/serve.md).
        body["tables"] = serde_json::json!({
            "file": "tables.pack",
            "name": name,
            "sha256": state.tables.sha256(),
        });
    }
    json_body(body.to_string())
}

/// `GET /tables.pack`: the bytes of the pack given with `--tables`, for the served form; 404
/// without one.
async fn served_pack(Shared(state): Shared_) -> Result<Response, ApiError> {
    let (_, bytes) = state.pack.as_ref().ok_or_else(|| {
        ApiError::not_found("no table pack is served: start cen serve with --tables FILE.pack")
    })?;
    let mut response = bytes.clone().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    Ok(response)
}

async fn openapi() -> Response {
    json_body(OPENAPI)
}

async fn healthz() -> Response {
    json_body(r#"{"status":"ok"}"#)
}

async fn metrics(Shared(state): Shared_) -> Response {
    let mut response = state.metrics.text().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// The form's files for `GET`; a JSON 404 for anything else.
async fn fallback(request: Request) -> Response {
    let path = request.uri().path();
    if request.method() == Method::GET || request.method() == Method::HEAD {
        if let Some(response) = assets::response(path) {
            return response;
        }
    }
    ApiError::not_found("no such route or file (GET /openapi.json lists the API)").into_response()
}
