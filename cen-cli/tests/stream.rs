//! Memory of a long stream (issue 7): records generated on the fly by `cen generate` and piped
//! into `cen validate -` are validated in memory that does not grow with the stream. The
//! generator is restarted with the same seed, so that the same identifiers come again and the
//! duplicate index (one entry per distinct identifier key, which CEN-DUP-001 needs to be exact
//! across the run) stops growing after the first pass: anything else that grew with the stream
//! would show. The 2 GB measurement is `cen-cli/bench/stream.sh`.
//!
//! Peak resident memory is the kernel's figure for the `cen validate` process (`wait4`). It
//! counts the memory of the process that started it as well (Linux keeps the high-water mark
//! across `exec`), which is why this test has a binary of its own, whose own memory is small
//! and checked to be smaller than what is measured.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const TODAY: &str = "2026-11-28";

fn cen_path() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cen"))
}

/// The peak resident memory of this test process so far, in KiB.
fn own_peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM")
}

/// What a run of `cen validate -` gave: its standard output, exit status and peak resident
/// memory in KiB.
struct Run {
    status: i32,
    stdout: String,
    peak_kib: u64,
}

/// `cen generate --count count --seed 7` restarted `times` times, piped into
/// `cen validate -q --jobs 2 -`.
fn stream(times: usize, count: usize) -> Run {
    let mut validate = Command::new(cen_path())
        .args(["validate", "-q", "--jobs", "2", "--today", TODAY, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cen validate starts");
    let mut pipe = validate.stdin.take().expect("a pipe");
    let count = count.to_string();
    let feeder = std::thread::spawn(move || {
        for _ in 0..times {
            let mut generate = Command::new(cen_path())
                .args([
                    "generate", "--count", &count, "--seed", "7", "--today", TODAY,
                ])
                .stdout(Stdio::piped())
                .spawn()
                .expect("cen generate starts");
            let mut out = generate.stdout.take().expect("a pipe");
            std::io::copy(&mut out, &mut pipe).expect("the stream reaches cen validate");
            assert!(generate.wait().unwrap().success());
        }
        pipe.flush().unwrap();
    });
    let mut stdout = String::new();
    validate
        .stdout
        .take()
        .expect("a pipe")
        .read_to_string(&mut stdout)
        .unwrap();
    feeder.join().expect("the generators");
    let (status, peak_kib) = wait_with_peak(validate);
    Run {
        status,
        stdout,
        peak_kib,
    }
}

/// Waits for a child; its exit status and peak resident memory (KiB). `wait4` is the only
/// call that gives the peak of one child among several.
fn wait_with_peak(child: std::process::Child) -> (i32, u64) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in; the pid is our own child, and the
    // `Child` is dropped without being waited on again.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    drop(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    };
    (code, usage.ru_maxrss as u64)
}

/// The number after `label` in the text summary.
fn summary_count(stdout: &str, label: &str) -> u64 {
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix(label))
        .and_then(|rest| rest.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `{label}` in {stdout}"))
}

#[test]
fn a_stream_through_a_pipe_is_validated_in_memory_that_does_not_grow() {
    let records = 4000;
    let once = stream(1, records);
    let many = stream(6, records);
    for run in [&once, &many] {
        // Generated records are valid; their duplicates are warnings.
        assert_eq!(run.status, 0, "{}", run.stdout);
    }
    assert_eq!(summary_count(&once.stdout, "records"), records as u64);
    assert_eq!(summary_count(&many.stdout, "records"), 6 * records as u64);
    assert!(
        many.stdout.contains("CEN-DUP-001"),
        "the passes after the first repeat it"
    );
    let own = own_peak_kib();
    eprintln!(
        "peak resident memory of cen validate: {} KiB for {records} records, {} KiB for {} \
         (this test process: {own} KiB)",
        once.peak_kib,
        many.peak_kib,
        6 * records
    );
    assert!(
        own < once.peak_kib,
        "the measure would be this process's ({own} KiB), not cen's ({} KiB)",
        once.peak_kib
    );
    assert!(
        many.peak_kib <= once.peak_kib + 8 * 1024,
        "memory grew with the stream: {} KiB for {records} records, {} KiB for six times as many",
        once.peak_kib,
        many.peak_kib
    );
    assert!(many.peak_kib < 128 * 1024, "{} KiB", many.peak_kib);
}
