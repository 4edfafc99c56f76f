//! The HTTP side: errors as `{"error", "message"}` (spec 8), bodies read within the limits, and
//! the layer every request goes through (a slot under `--max-concurrency`, metrics, the access
//! log, CORS).

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State as Shared};
use axum::http::header::{self, HeaderValue};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt;

use super::State;

/// A request that cannot be served: its status, a stable word, and a message for people.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, error: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            error,
            message: message.into(),
        }
    }

    /// 400: an option of the query (or of the body) is malformed.
    pub fn bad_option(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_option", message)
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 413: the body is over `--max-body`.
    pub fn too_large(limit: u64) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the body is larger than this service takes ({limit} bytes, --max-body)"),
        )
    }

    /// 415.
    pub fn media_type(given: &str, expected: &str) -> ApiError {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("the content type `{given}` is not taken here: send {expected}"),
        )
    }

    /// The error's JSON body.
    pub fn body(&self) -> String {
        serde_json::json!({ "error": self.error, "message": self.message }).to_string()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, json_body(self.body())).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE
            || self.status == StatusCode::TOO_MANY_REQUESTS
        {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if self.status == StatusCode::PAYLOAD_TOO_LARGE
            || self.status == StatusCode::REQUEST_TIMEOUT
        {
            // The rest of the body is not read: the connection cannot carry another request.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

/// A JSON body with its content type.
pub fn json_body(text: impl Into<Body>) -> Response {
    let mut response = Response::new(text.into());
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The media type of a request (`text/csv; charset=utf-8` → `text/csv`), lower case; `None`
/// when it gives none.
pub fn media_type(headers: &HeaderMap) -> Option<String> {
    headers.get(header::CONTENT_TYPE).map(|value| {
        value
            .to_str()
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    })
}

/// A JSON body is expected: `application/json`, any `+json` type, or no content type at all.
pub fn expect_json(headers: &HeaderMap) -> Result<(), ApiError> {
    match media_type(headers) {
        None => Ok(()),
        Some(t)
            if t == "application/json"
                || (t.starts_with("application/") && t.ends_with("+json")) =>
        {
            Ok(())
        }
        Some(t) => Err(ApiError::media_type(&t, "application/json")),
    }
}

/// The length a request declares, if it does.
pub fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

/// Reads a whole body of at most `limit` bytes: a declared length over it is refused before
/// anything is read, and reading stops as soon as the body runs over it (413). A client that
/// sends nothing for `timeout` gets 408.
pub async fn read_body(
    headers: &HeaderMap,
    body: Body,
    limit: u64,
    timeout: Duration,
) -> Result<Bytes, ApiError> {
    if declared_length(headers).is_some_and(|n| n > limit) {
        return Err(ApiError::too_large(limit));
    }
    let mut body = body;
    let mut out = BytesMut::new();
    loop {
        let frame = match tokio::time::timeout(timeout, body.frame()).await {
            Err(_) => return Err(timed_out(timeout)),
            Ok(None) => break,
            Ok(Some(Err(error))) => return Err(broken(&error)),
            Ok(Some(Ok(frame))) => frame,
        };
        if let Ok(data) = frame.into_data() {
            if (out.len() + data.len()) as u64 > limit {
                return Err(ApiError::too_large(limit));
            }
            out.extend_from_slice(&data);
        }
    }
    Ok(out.freeze())
}

/// 408: the client stopped sending its body.
pub fn timed_out(timeout: Duration) -> ApiError {
    ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        "timeout",
        format!(
            "the body stopped arriving for {} s (--timeout)",
            timeout.as_secs()
        ),
    )
}

/// 400: the body could not be read (the connection broke, a bad chunked encoding).
pub fn broken(error: &dyn std::fmt::Display) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "bad_body",
        format!("the body could not be read: {error}"),
    )
}

/// Routes that are always answered, even when every slot is taken: a supervisor must be able to
/// tell a busy service from a dead one.
fn unlimited(route: &str) -> bool {
    route == "/healthz" || route == "/metrics"
}

/// The layer of every request: a slot (503 when none is free), then the route, then the
/// metrics and one access-log line (method, route, status, size, time: never the path's
/// values, the query or the body, which may hold record content).
pub async fn layer(Shared(state): Shared<Arc<State>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(other)".to_owned(), |m| m.as_str().to_owned());
    let origin = request.headers().get(header::ORIGIN).cloned();
    let permit = if unlimited(&route) {
        None
    } else {
        match state.slots.clone().try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) => {
                let error = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "busy",
                    format!(
                        "{} requests are being served (--max-concurrency): try again shortly",
                        state.limits.max_concurrency
                    ),
                );
                let response = error.into_response();
                finish(&state, &method, &route, &response, started);
                return response;
            }
        }
    };
    let response = if method == Method::OPTIONS && !state.cors.is_empty() {
        preflight()
    } else {
        next.run(request).await
    };
    let mut response = complete(response);
    cors(&state, origin.as_ref(), &mut response);
    finish(&state, &method, &route, &response, started);
    // A streamed body keeps its slot until it has been sent.
    match permit {
        Some(permit) => response.map(|body| {
            Body::new(body.map_frame(move |frame| {
                let _held = &permit;
                frame
            }))
        }),
        None => response,
    }
}

/// Errors of the router itself (405, a path it does not know) get the JSON body of spec 8.
fn complete(response: Response) -> Response {
    if response.status() == StatusCode::METHOD_NOT_ALLOWED
        && response.headers().get(header::CONTENT_TYPE).is_none()
    {
        let allow = response.headers().get(header::ALLOW).cloned();
        let mut out = ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "this route does not take that method",
        )
        .into_response();
        if let Some(allow) = allow {
            out.headers_mut().insert(header::ALLOW, allow);
        }
        return out;
    }
    response
}

fn preflight() -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("content-type"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    response
}

/// `Access-Control-Allow-Origin` for an origin given with `--cors`.
fn cors(state: &State, origin: Option<&HeaderValue>, response: &mut Response) {
    let Some(origin) = origin else { return };
    let allowed = state
        .cors
        .iter()
        .any(|o| o == "*" || origin.to_str().is_ok_and(|given| given == o));
    if allowed {
        let value = if state.cors.iter().any(|o| o == "*") {
            HeaderValue::from_static("*")
        } else {
            origin.clone()
        };
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
        headers.insert(header::VARY, HeaderValue::from_static("origin"));
    }
}

/// Counts the request and writes its access-log line.
fn finish(state: &State, method: &Method, route: &str, response: &Response, started: Instant) {
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state.metrics.request(route, status, elapsed);
    if state.quiet {
        return;
    }
    // The body's size when it is known (a streamed batch's is not).
    let size = http_body::Body::size_hint(response.body())
        .exact()
        .map_or_else(|| "-".to_owned(), |n| n.to_string());
    eprintln!(
        "{} {method} {route} {status} {size} {:.3}ms",
        timestamp(SystemTime::now()),
        elapsed.as_secs_f64() * 1000.0
    );
}

/// An RFC 3339 UTC timestamp to the millisecond.
fn timestamp(now: SystemTime) -> String {
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
    // The calendar of the record's dates; a clock beyond year 9999 is not a date it holds.
    let date = cen_model::Date::from_days_since_epoch(days)
        .map_or_else(|| "9999-12-31".to_owned(), |d| d.to_string());
    format!(
        "{date}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60,
        since.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339() {
        let at = UNIX_EPOCH + Duration::from_millis(1_796_342_400_123);
        assert_eq!(timestamp(at), "2026-12-04T00:00:00.123Z");
        assert_eq!(timestamp(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(timestamp(leap), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn media_types_ignore_parameters_and_case() {
        let mut headers = HeaderMap::new();
        assert_eq!(media_type(&headers), None);
        assert!(expect_json(&headers).is_ok());
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("Application/JSON; charset=utf-8"),
        );
        assert!(expect_json(&headers).is_ok());
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert_eq!(
            expect_json(&headers).unwrap_err().status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
    }
}
