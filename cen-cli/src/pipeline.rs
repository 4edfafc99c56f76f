//! The validation engine of the command line: its records go through the core's ordered
//! pipeline ([`cen_rules::pipeline`]), which checks and renders them on worker threads and
//! hands them to the command in input order, with the duplicates (CEN-DUP-001) of one batch of
//! the whole run. What is left here is the translation: a [`Raw`] record is checked as
//! cen-files says ([`Raw::check`], which the browser's file check shares), and with more than
//! one job a thread of its own reads the next chunks of the files.
//! Memory holds a few chunks at a time (plus the duplicate index, which keeps a fingerprint
//! per identifier key of the whole run: that is what makes CEN-DUP-001 exact across the input).

use std::io::{self, IsTerminal};
use std::sync::atomic::Ordering;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use cen_rules::pipeline::{self as core, Plain, Stage, Stopped};
use cen_rules::{Batch, Checked, Report, Validator};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::{Inputs, Raw};
use crate::Failure;

/// Records per chunk: enough that handing chunks between threads costs nothing, few enough
/// that the chunks in flight (two per worker) keep memory flat.
const CHUNK_RECORDS: usize = 1024;
/// Input bytes per chunk, for files of large records.
const CHUNK_BYTES: usize = 1 << 20;

/// What a command makes of each record's report.
pub trait Job: Sync {
    /// What a record becomes on a worker thread (formatted output, statistics).
    type Out: Send;
    /// Turns a record's report into output; runs on worker threads, in any order (and again on
    /// the consuming thread for a record found to be a duplicate). `index` is the record's
    /// position in the run, from 0 (as CEN-DUP-001's `first` counts).
    fn render(&self, raw: &Raw, index: usize, report: Report) -> Self::Out;
}

/// A command's job as the core's pipeline sees it: chunks of [`Raw`] records.
struct Records<'j, J>(&'j J);

impl<J: Job> Stage for Records<'_, J> {
    type Chunk = Vec<Raw>;
    type Out = J::Out;

    fn len(&self, chunk: &Vec<Raw>) -> usize {
        chunk.len()
    }

    fn check(&self, validator: &Validator, chunk: &Vec<Raw>, i: usize) -> Checked {
        chunk[i].check(validator)
    }

    fn render(&self, chunk: &Vec<Raw>, i: usize, position: usize, report: Report) -> J::Out {
        self.0.render(&chunk[i], position, report)
    }
}

/// A progress bar on standard error, shown only on a terminal and only once a run has taken
/// more than a second.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: bool,
    total: Option<u64>,
}

impl Progress {
    /// A progress bar over `total` bytes (a spinner counting records when unknown).
    pub fn new(total: Option<u64>) -> Progress {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = match total {
                Some(total) => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden())
                    .with_style(
                        ProgressStyle::with_template(
                            "{spinner} {bar:40} {percent:>3}%  {msg} records  {elapsed} (about {eta} left)",
                        )
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
                    .with_style(
                        ProgressStyle::with_template("{spinner} {msg} records  {elapsed}")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    ),
            };
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: false,
            total,
        }
    }

    /// Records what has been read.
    pub fn update(&mut self, bytes: u64, records: u64) {
        let Some(bar) = &self.bar else { return };
        if !self.shown && self.started.elapsed() > Duration::from_secs(1) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        if self.total.is_some() {
            bar.set_position(bytes);
        }
        bar.set_message(records.to_string());
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Runs `job` over every record of `inputs` with `jobs` threads, handing each record's output
/// to `consume` in input order; returns the number of records. With one job everything happens
/// on this thread. With more, a thread of its own reads the next chunks while the workers
/// deal with the current ones and this thread consumes.
pub fn run<J: Job>(
    validator: Validator,
    inputs: &mut Inputs,
    jobs: usize,
    job: &J,
    mut consume: impl FnMut(J::Out) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    let mut progress = Progress::new(inputs.total_bytes());
    let bytes = inputs.bytes.clone();
    let mut batch = Batch::new(validator);
    let mut consumed = 0u64;
    let mut consume = |out| {
        consumed += 1;
        // Once a chunk, the bar moves.
        if consumed & 0x3ff == 0 {
            progress.update(bytes.load(Ordering::Relaxed), consumed);
        }
        consume(out)
    };
    let stage = Records(job);
    let result = if jobs > 1 {
        let (sender, receiver) = sync_channel::<Vec<Raw>>(1);
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("cen-reader".to_owned())
                .spawn_scoped(scope, || loop {
                    let chunk = inputs.next_chunk(CHUNK_RECORDS, CHUNK_BYTES);
                    let last = chunk.is_empty();
                    if sender.send(chunk).is_err() || last {
                        break;
                    }
                })
                .map_err(|e| {
                    Stopped::Failed(Failure::Message(format!("cannot start a thread: {e}")))
                })?;
            let next = || Ok(receiver.recv().ok());
            let result = core::run(&mut batch, jobs, &stage, &mut Plain, next, &mut consume);
            // Stop the reader early when the output failed (a closed pipe).
            drop(receiver);
            result
        })
    } else {
        let next = || Ok(Some(inputs.next_chunk(CHUNK_RECORDS, CHUNK_BYTES)));
        core::run(&mut batch, 1, &stage, &mut Plain, next, &mut consume)
    };
    progress.finish();
    match result {
        Ok(records) => Ok(records as u64),
        Err(Stopped::Failed(failure)) => Err(failure),
        Err(Stopped::Panicked) => Err(Failure::Message(
            "a worker thread stopped unexpectedly (a bug of cen)".to_owned(),
        )),
    }
}
