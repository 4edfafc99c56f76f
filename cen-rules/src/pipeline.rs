//! The ordered parallel pipeline: chunks of records in, one output per record out, in input
//! order, with the duplicates of one [`Batch`] (CEN-DUP-001) exactly as a sequential run finds
//! them. The command line and the Python binding both run their batches through it.
//!
//! The calling thread reads the chunks (`next`) and takes the outputs (`consume`): a binding
//! that must hold a lock to read its host's values (Python's GIL) keeps it for exactly these
//! two, and gives it up while it waits (see [`Wait`]). Worker threads (`std::thread::scope`)
//! check each record, report it as if it repeated no earlier record, and render the report into
//! the output with the [`Stage`]. In input order, the calling thread then places each record
//! in the batch by its duplicate keys; the rare record that repeats an earlier one is checked,
//! reported (with CEN-DUP-001) and rendered again on the calling thread. Keeping only the keys,
//! not each record's check, saves a copy of every record's issues.
//!
//! Memory holds at most `2 × threads` chunks in flight (plus the batch's duplicate index), so
//! it does not grow with the length of the input.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Mutex;

use crate::batch::Batch;
use crate::report::Report;
use crate::rules::duplicates::DuplicateKeys;
use crate::validator::{Checked, Validator};

/// A chunk smaller than this is worked on the calling thread while no worker has started: a
/// short batch costs no thread.
pub const PARALLEL_FROM: usize = 32;

/// What a surface does with its records: how to check one, and what its report becomes.
pub trait Stage: Sync {
    /// Records as the surface read them (sent to a worker thread, and back).
    type Chunk: Send;
    /// What one record becomes (a report, formatted text, statistics).
    type Out: Send;
    /// How many records the chunk holds.
    fn len(&self, chunk: &Self::Chunk) -> usize;
    /// Checks record `i` of the chunk.
    fn check(&self, validator: &Validator, chunk: &Self::Chunk, i: usize) -> Checked;
    /// Turns the report of record `i` of the chunk, at `position` in the batch, into output.
    /// Runs on any thread, in any order, and once more on the calling thread for a record
    /// found to repeat an earlier one.
    fn render(&self, chunk: &Self::Chunk, i: usize, position: usize, report: Report) -> Self::Out;
}

/// How the calling thread waits for the workers: Python releases the GIL while it waits.
pub trait Wait {
    /// Runs `f`, which only waits (or works without touching the host), and returns its value.
    fn wait<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T;
}

/// Waiting as it is, for callers that hold no lock.
#[derive(Debug, Clone, Copy, Default)]
pub struct Plain;

impl Wait for Plain {
    fn wait<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T {
        f()
    }
}

/// Why a run stopped early.
#[derive(Debug, PartialEq, Eq)]
pub enum Stopped<E> {
    /// `next` or `consume` failed with this error.
    Failed(E),
    /// A worker thread panicked (the core never does: a bug of cen).
    Panicked,
}

impl<E> From<E> for Stopped<E> {
    fn from(error: E) -> Self {
        Stopped::Failed(error)
    }
}

/// The outputs of a chunk, each with the record's duplicate keys when it has some.
type Worked<O> = Result<Vec<(Option<DuplicateKeys>, O)>, ()>;

/// A chunk handed to the workers: its number (the order), its first record's position, itself.
type Job<C> = (usize, usize, C);

/// A chunk back from a worker: its number, itself and what became of its records.
type Done<S> = (usize, <S as Stage>::Chunk, Worked<<S as Stage>::Out>);

/// Checks, reports (as the first of its keys) and renders every record of a chunk.
fn work<S: Stage>(
    stage: &S,
    validator: &Validator,
    chunk: &S::Chunk,
    first: usize,
) -> Worked<S::Out> {
    catch_unwind(AssertUnwindSafe(|| {
        (0..stage.len(chunk))
            .map(|i| {
                let checked = stage.check(validator, chunk, i);
                let keys = checked.duplicate_keys();
                let keys = (!keys.is_empty()).then(|| keys.clone());
                let report = validator.report(checked, None);
                (keys, stage.render(chunk, i, first + i, report))
            })
            .collect()
    }))
    .map_err(|_| ())
}

/// Places a worked chunk in the batch and hands its outputs over, in order.
fn place<S: Stage, E>(
    batch: &mut Batch,
    stage: &S,
    chunk: &S::Chunk,
    worked: Worked<S::Out>,
    consume: &mut impl FnMut(S::Out) -> Result<(), E>,
) -> Result<(), Stopped<E>> {
    let worked = worked.map_err(|()| Stopped::Panicked)?;
    let (validator, sequence) = batch.parts();
    for (i, (keys, out)) in worked.into_iter().enumerate() {
        let place = match keys {
            Some(keys) => sequence.place(&keys),
            None => sequence.place(&DuplicateKeys::default()),
        };
        let out = match place.duplicate_of {
            Some(first) => {
                let checked = stage.check(validator, chunk, i);
                stage.render(
                    chunk,
                    i,
                    place.position,
                    validator.report(checked, Some(first)),
                )
            }
            None => out,
        };
        consume(out)?;
    }
    Ok(())
}

/// Runs every chunk that `next` gives (until `None` or an empty chunk) through `stage` on
/// `threads` threads, continuing `batch`, and hands each record's output to `consume` in input
/// order. Returns how many records were consumed. With `threads` ≤ 1 (or a first chunk under
/// [`PARALLEL_FROM`] records that turns out to be the only one) no thread is started; the
/// outputs are the same whatever the number of threads.
///
/// ```
/// use cen_rules::pipeline::{self, Plain, Stage};
/// use cen_rules::{Batch, Checked, Report, Validator};
///
/// struct Texts;
/// impl Stage for Texts {
///     type Chunk = Vec<String>;
///     type Out = Report;
///     fn len(&self, chunk: &Vec<String>) -> usize { chunk.len() }
///     fn check(&self, v: &Validator, chunk: &Vec<String>, i: usize) -> Checked { v.check(chunk[i].as_str().into()) }
///     fn render(&self, _: &Vec<String>, _: usize, _: usize, report: Report) -> Report { report }
/// }
///
/// let validator = Validator::from_json_options(r#"{"today": "2026-11-28"}"#).unwrap();
/// let record = r#"{"reporting_country": "BE", "seizure_date": "2026-02-28",
///     "conveyance": [{"type": "sea_container", "container": "MSKU6011672"}]}"#;
/// let mut chunks = (0..3).map(|_| vec![record.to_owned(); 100]);
/// let mut reports = Vec::new();
/// let mut batch = Batch::new(validator);
/// let count = pipeline::run(&mut batch, 2, &Texts, &mut Plain,
///     || Ok::<_, ()>(chunks.next()), |r| { reports.push(r); Ok(()) }).unwrap();
/// assert_eq!(count, 300);
/// assert!(reports[0].issues.iter().all(|i| i.rule != "CEN-DUP-001"));
/// assert!(reports[299].issues.iter().any(|i| i.rule == "CEN-DUP-001"));
/// ```
pub fn run<S: Stage, E>(
    batch: &mut Batch,
    threads: usize,
    stage: &S,
    wait: &mut impl Wait,
    mut next: impl FnMut() -> Result<Option<S::Chunk>, E>,
    mut consume: impl FnMut(S::Out) -> Result<(), E>,
) -> Result<usize, Stopped<E>> {
    let start = batch.len();
    let validator = batch.shared_validator().clone();
    let validator: &Validator = &validator;
    let depth = threads.max(1) * 2;
    let (jobs, queue) = channel::<Job<S::Chunk>>();
    let queue = Mutex::new(queue);
    let (results, finished) = channel::<Done<S>>();
    // Only the calling thread receives; the lock makes the receiver shareable with `wait`.
    let finished = Mutex::new(finished);
    let stop = AtomicBool::new(false);
    let outcome = std::thread::scope(|scope| -> Result<(), Stopped<E>> {
        // Workers start with the first chunk worth them; none when threads cannot be had.
        let mut tried = false;
        let mut workers = 0usize;
        let mut sent = 0usize;
        let mut done = 0usize;
        let mut exhausted = false;
        // Where the next chunk starts in the batch, to number its records.
        let mut offset = start;
        let mut ready: HashMap<usize, (S::Chunk, Worked<S::Out>)> = HashMap::new();
        let result = (|| {
            loop {
                while !exhausted && sent - done < depth {
                    let chunk = match next()? {
                        Some(chunk) if stage.len(&chunk) > 0 => chunk,
                        _ => {
                            exhausted = true;
                            break;
                        }
                    };
                    let len = stage.len(&chunk);
                    if !tried && threads > 1 && len >= PARALLEL_FROM {
                        tried = true;
                        for _ in 0..threads {
                            let (queue, results, stop) = (&queue, results.clone(), &stop);
                            let spawned = std::thread::Builder::new()
                                .name("cen-worker".to_owned())
                                .spawn_scoped(scope, move || {
                                    worker(stage, validator, queue, &results, stop)
                                });
                            match spawned {
                                Ok(_) => workers += 1,
                                // Out of threads or memory: fewer workers, or none.
                                Err(_) => break,
                            }
                        }
                    }
                    if workers == 0 {
                        // Nothing in flight: work it here, without holding the host's lock.
                        let (chunk, worked) = wait.wait(|| {
                            let worked = work(stage, validator, &chunk, offset);
                            (chunk, worked)
                        });
                        offset += len;
                        place(batch, stage, &chunk, worked, &mut consume)?;
                        continue;
                    }
                    // The chunk's number keeps the order; its offset numbers its records.
                    jobs.send((sent, offset, chunk))
                        .map_err(|_| Stopped::Panicked)?;
                    sent += 1;
                    offset += len;
                }
                if done == sent {
                    return Ok(());
                }
                let (chunk, worked) = loop {
                    if let Some(found) = ready.remove(&done) {
                        break found;
                    }
                    let (number, chunk, worked) = wait
                        .wait(|| match finished.lock() {
                            Ok(finished) => finished.recv(),
                            Err(poisoned) => poisoned.into_inner().recv(),
                        })
                        .map_err(|_| Stopped::Panicked)?;
                    ready.insert(number, (chunk, worked));
                };
                place(batch, stage, &chunk, worked, &mut consume)?;
                // The chunk is released here, on the calling thread.
                drop(chunk);
                done += 1;
            }
        })();
        // Whatever happened, the workers stop: no more chunks, and none of those queued.
        stop.store(true, Ordering::Relaxed);
        drop(jobs);
        result
    });
    drop(results);
    outcome.map(|()| batch.len() - start)
}

/// A worker: takes chunks until there are none (or the run stopped), works each, sends it back.
fn worker<S: Stage>(
    stage: &S,
    validator: &Validator,
    queue: &Mutex<Receiver<Job<S::Chunk>>>,
    results: &Sender<Done<S>>,
    stop: &AtomicBool,
) {
    loop {
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(poisoned) => poisoned.into_inner().recv(),
        };
        let Ok((number, offset, chunk)) = job else {
            return;
        };
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let worked = work(stage, validator, &chunk, offset);
        if results.send((number, chunk, worked)).is_err() {
            return;
        }
    }
}
