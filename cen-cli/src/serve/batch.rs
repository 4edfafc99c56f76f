//! `POST /v1/validate/batch`: NDJSON, CSV or XLSX in (by `Content-Type`), NDJSON of reports
//! out, in input order, each line as `cen validate --format ndjson` writes it (the same
//! writer), with CEN-DUP-001 across the batch.
//!
//! Streamed both ways: a task moves the body's parts to a reading thread as they arrive
//! (within `--max-body` and `--timeout`); there the readers of cen-files (NDJSON in its live
//! mode) make records, which go in chunks through the core's ordered pipeline
//! ([`cen_rules::pipeline::run`], continuing one [`Batch`]); each chunk's lines are sent as soon
//! as it is done. A chunk ends at 4,096 records or 4 MiB, or as soon as the body has nothing more to give
//! for now, so that the first reports leave before the last records arrive. A workbook is read
//! out of order, so its body is held whole first (up to cen-files' in-memory limit).
//!
//! What stops the whole body (an unreadable header, a zip bomb, the body over the limit) is a
//! JSON error: the status of the response when nothing was sent yet, else the last line,
//! `{"error": ..., "message": ...}`.

use std::convert::Infallible;
use std::io::{self, BufReader, Read};
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{RawQuery, State as Shared};
use axum::http::header::{self, HeaderValue};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use cen_files::{FileReader, Format, Raw, MAX_IN_MEMORY_WORKBOOK};
use cen_rules::pipeline::{self as core, Plain, Stage};
use cen_rules::{Batch, Checked, Report, Validator};
use http_body::Frame;
use http_body_util::BodyExt;
use tokio::sync::mpsc;

use super::http::{broken, declared_length, media_type, read_body, timed_out, ApiError};
use super::state::{Query, VALIDATION_OPTIONS};
use super::State;
use crate::output::{json_line, prefix_of};

/// The media type of an Excel workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Records per chunk at most, and input bytes per chunk at most: large enough that starting
/// and stopping the worker threads for each chunk costs little (decision 86).
const CHUNK_RECORDS: usize = 4096;
const CHUNK_BYTES: usize = 4 << 20;
/// Parts of a body received and not yet read, at most (a part is what one read of the socket
/// gave, up to 64 KiB here): the upload goes on while a chunk is checked.
const WAITING_PARTS: usize = 64;

/// The name of the body in the lines' `file` when the query gives none: what `cen validate`
/// calls its standard input, so that a body gives the bytes `cen validate --format ndjson -`
/// gives for it.
const DEFAULT_NAME: &str = "<stdin>";

/// The format of a media type.
fn format_of(media: Option<&str>) -> Result<Format, ApiError> {
    let expected = "application/x-ndjson, text/csv or the Excel type";
    match media {
        Some(
            "application/x-ndjson"
            | "application/ndjson"
            | "application/jsonl"
            | "application/x-jsonlines"
            | "application/jsonlines",
        ) => Ok(Format::Ndjson),
        Some("text/csv") => Ok(Format::Csv),
        Some(XLSX) => Ok(Format::Xlsx),
        Some(other) => Err(ApiError::media_type(other, expected)),
        None => Err(ApiError::media_type("(none)", expected)),
    }
}

/// What the reading thread tells the response.
enum Event {
    /// The lines of a chunk, each ending in `\n`.
    Lines(Vec<u8>),
    /// The batch stopped.
    Fail(ApiError),
}

/// The handler.
pub async fn validate_batch(
    Shared(state): Shared<Arc<State>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let mut allowed = VALIDATION_OPTIONS.to_vec();
    allowed.push("name");
    let query = Query::parse(raw.as_deref(), &allowed)?;
    let format = format_of(media_type(&headers).as_deref())?;
    let validator = state.validator(&query)?;
    let name = query.get("name").unwrap_or(DEFAULT_NAME).to_owned();
    let limits = state.limits;
    if declared_length(&headers).is_some_and(|n| n > limits.max_body) {
        return Err(ApiError::too_large(limits.max_body));
    }
    let failure = Arc::new(Mutex::new(None));
    let source = if format == Format::Xlsx {
        let limit = limits.max_body.min(MAX_IN_MEMORY_WORKBOOK);
        Source::Workbook(
            read_body(&headers, body, limit, limits.timeout)
                .await?
                .to_vec(),
        )
    } else {
        let (parts, receiver) = mpsc::channel(WAITING_PARTS);
        let available = Arc::new(AtomicUsize::new(0));
        tokio::spawn(pump(
            body,
            parts,
            limits.max_body,
            limits.timeout,
            available.clone(),
        ));
        Source::Stream(BodyReader {
            parts: receiver,
            current: Bytes::new(),
            available,
            failure: failure.clone(),
        })
    };
    let (events, mut received) = mpsc::channel::<Event>(4);
    let work = Work {
        state: state.clone(),
        validator,
        format,
        prefix: prefix_of(&name, format),
        failure,
        events,
    };
    tokio::task::spawn_blocking(move || work.run(source));
    match received.recv().await {
        Some(Event::Lines(first)) => {
            let mut response = Response::new(Body::new(Lines {
                first: Some(Bytes::from(first)),
                events: received,
            }));
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/x-ndjson"),
            );
            Ok(response)
        }
        Some(Event::Fail(error)) => Err(error),
        None => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the batch stopped unexpectedly (a bug of cen)",
        )),
    }
}

/// Moves the body's parts to the reading thread, within the limits.
async fn pump(
    mut body: Body,
    parts: mpsc::Sender<Result<Bytes, ApiError>>,
    limit: u64,
    timeout: Duration,
    available: Arc<AtomicUsize>,
) {
    let mut total = 0u64;
    loop {
        let frame = match tokio::time::timeout(timeout, body.frame()).await {
            Err(_) => Err(timed_out(timeout)),
            Ok(None) => return,
            Ok(Some(Err(error))) => Err(broken(&error)),
            Ok(Some(Ok(frame))) => Ok(frame),
        };
        let data = match frame {
            Err(error) => {
                let _ = parts.send(Err(error)).await;
                return;
            }
            Ok(frame) => match frame.into_data() {
                Ok(data) => data,
                Err(_) => continue,
            },
        };
        total += data.len() as u64;
        if total > limit {
            // Read no further: the connection closes with the response.
            let _ = parts.send(Err(ApiError::too_large(limit))).await;
            return;
        }
        available.fetch_add(data.len(), Ordering::Release);
        if parts.send(Ok(data)).await.is_err() {
            // The batch stopped (the client went away, or the file could not be read).
            return;
        }
    }
}

/// Where a batch's records come from.
enum Source {
    Stream(BodyReader),
    Workbook(Vec<u8>),
}

/// The body as a blocking reader, on the reading thread.
struct BodyReader {
    parts: mpsc::Receiver<Result<Bytes, ApiError>>,
    current: Bytes,
    /// Bytes received and not yet read.
    available: Arc<AtomicUsize>,
    /// Why the body stopped, for the response (the reader only gets an `io::Error`).
    failure: Arc<Mutex<Option<ApiError>>>,
}

impl Read for BodyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.parts.blocking_recv() {
                None => return Ok(0),
                Some(Ok(part)) => self.current = part,
                Some(Err(error)) => {
                    let message = error.message.clone();
                    *self.failure.lock().unwrap_or_else(|p| p.into_inner()) = Some(error);
                    return Err(io::Error::other(message));
                }
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        let _ = self.current.split_to(n);
        self.available.fetch_sub(n, Ordering::Release);
        Ok(n)
    }
}

/// The records of a chunk as the core's pipeline sees them; each becomes its line.
struct LineStage {
    prefix: Vec<u8>,
    format: Format,
}

/// One record's line, its issues' rules and whether it is valid (for the metrics).
type Out = (Vec<u8>, Vec<&'static str>, bool);

impl Stage for LineStage {
    type Chunk = Vec<Raw>;
    type Out = Out;

    fn len(&self, chunk: &Vec<Raw>) -> usize {
        chunk.len()
    }

    fn check(&self, validator: &Validator, chunk: &Vec<Raw>, i: usize) -> Checked {
        chunk[i].check(validator)
    }

    fn render(&self, chunk: &Vec<Raw>, i: usize, position: usize, report: Report) -> Out {
        let line = json_line(&self.prefix, self.format, &chunk[i], position, &report);
        (
            line,
            report.issues.iter().map(|i| i.rule).collect(),
            report.valid,
        )
    }
}

/// A batch on its reading thread.
struct Work {
    state: Arc<State>,
    validator: Validator,
    format: Format,
    prefix: Vec<u8>,
    failure: Arc<Mutex<Option<ApiError>>>,
    events: mpsc::Sender<Event>,
}

/// How a chunk's reading ended.
enum Then {
    More,
    End,
    Stop(String),
}

impl Work {
    fn run(self, source: Source) {
        let (reader, available) = match source {
            Source::Stream(body) => {
                let available = body.available.clone();
                let opened = match self.format {
                    Format::Csv => FileReader::csv(BufReader::with_capacity(1 << 16, body)),
                    Format::Json => Ok(FileReader::json(BufReader::with_capacity(1 << 16, body))),
                    _ => Ok(FileReader::ndjson_live(body)),
                };
                (opened, Some(available))
            }
            Source::Workbook(bytes) if bytes.is_empty() => {
                (Err("the file is empty".to_owned()), None)
            }
            Source::Workbook(bytes) => (FileReader::workbook_bytes(bytes), None),
        };
        let mut reader = match reader {
            Ok(reader) => reader,
            Err(message) => return self.fail(unreadable(message)),
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let stage = LineStage {
            prefix: self.prefix.clone(),
            format: self.format,
        };
        let mut batch = Batch::new(self.validator.clone());
        let idle = || {
            available
                .as_ref()
                .is_some_and(|a| a.load(Ordering::Acquire) == 0)
        };
        loop {
            let (chunk, then) = next_chunk(&mut reader, &idle);
            if !chunk.is_empty() {
                let mut out = Vec::with_capacity(chunk.len() * 512);
                let (mut records, mut invalid) = (0u64, 0u64);
                // The chunk in pieces, one per thread, that the pipeline works side by side.
                let size = chunk.len().div_ceil(threads).max(1);
                let mut pieces = Vec::new();
                let mut chunk = chunk;
                while chunk.len() > size {
                    let rest = chunk.split_off(size);
                    pieces.push(chunk);
                    chunk = rest;
                }
                pieces.push(chunk);
                let mut pieces = pieces.into_iter();
                let metrics = &self.state.metrics;
                let ran = core::run(
                    &mut batch,
                    threads,
                    &stage,
                    &mut Plain,
                    || Ok::<_, Infallible>(pieces.next()),
                    |(line, rules, valid): Out| {
                        out.extend_from_slice(&line);
                        out.push(b'\n');
                        records += 1;
                        invalid += u64::from(!valid);
                        for rule in rules {
                            metrics.issue(rule);
                        }
                        Ok(())
                    },
                );
                metrics.records(records, invalid);
                if ran.is_err() {
                    return self.fail(ApiError::new(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "internal",
                        "a worker thread stopped unexpectedly (a bug of cen)",
                    ));
                }
                if self.events.blocking_send(Event::Lines(out)).is_err() {
                    return; // the client went away
                }
            }
            match then {
                Then::More => {}
                Then::End if batch.is_empty() => {
                    return self.fail(ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "no_records",
                        "the body holds no records",
                    ))
                }
                Then::End => return,
                Then::Stop(message) => {
                    let read = batch.len();
                    return self.fail(unreadable(format!(
                        "{message} (the {read} records before it were read)"
                    )));
                }
            }
        }
    }

    /// Ends the batch with an error: the body's own failure (413, 408) when that is what
    /// stopped the reader.
    fn fail(&self, error: ApiError) {
        let error = self
            .failure
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .unwrap_or(error);
        let _ = self.events.blocking_send(Event::Fail(error));
    }
}

/// 422: the body is not a file of records (a bad header, a zip bomb, a broken workbook).
fn unreadable(message: String) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unreadable_file", message)
}

/// The next records: up to a chunk, and no more than the body has given so far.
fn next_chunk(reader: &mut FileReader, idle: &dyn Fn() -> bool) -> (Vec<Raw>, Then) {
    let mut chunk = Vec::new();
    let mut weight = 0;
    loop {
        match reader.next_record() {
            Ok(Some(raw)) => {
                weight += raw.weight();
                chunk.push(raw);
                if chunk.len() >= CHUNK_RECORDS || weight >= CHUNK_BYTES || idle() {
                    return (chunk, Then::More);
                }
            }
            Ok(None) => return (chunk, Then::End),
            Err(message) => return (chunk, Then::Stop(message)),
        }
    }
}

/// The response body: the lines as the reading thread sends them; an error after the first
/// lines becomes the last line.
struct Lines {
    first: Option<Bytes>,
    events: mpsc::Receiver<Event>,
}

impl http_body::Body for Lines {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if let Some(first) = self.first.take() {
            return Poll::Ready(Some(Ok(Frame::data(first))));
        }
        match self.events.poll_recv(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Ready(Some(Event::Lines(lines))) => {
                Poll::Ready(Some(Ok(Frame::data(Bytes::from(lines)))))
            }
            Poll::Ready(Some(Event::Fail(error))) => {
                let mut line = error.body().into_bytes();
                line.push(b'\n');
                Poll::Ready(Some(Ok(Frame::data(Bytes::from(line)))))
            }
        }
    }
}
