//! `/metrics`: requests by route and status, records validated, issues by rule and a latency
//! histogram, in the Prometheus text format (version 0.0.4). Counters only; no record content.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use cen_rules::Report;

/// The upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// The counters of a running service.
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    /// One count per bucket (not cumulative; summed when written), and one past the last.
    latency: [AtomicU64; BUCKETS.len() + 1],
    latency_micros: AtomicU64,
    records: AtomicU64,
    invalid: AtomicU64,
    issues: HashMap<&'static str, AtomicU64>,
}

impl Metrics {
    pub fn new() -> Metrics {
        Metrics {
            requests: Mutex::new(BTreeMap::new()),
            latency: std::array::from_fn(|_| AtomicU64::new(0)),
            latency_micros: AtomicU64::new(0),
            records: AtomicU64::new(0),
            invalid: AtomicU64::new(0),
            issues: cen_rules::catalogue()
                .iter()
                .map(|rule| (rule.id, AtomicU64::new(0)))
                .collect(),
        }
    }

    /// One request answered.
    pub fn request(&self, route: &str, status: u16, elapsed: Duration) {
        {
            let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
            match requests.get_mut(&(route.to_owned(), status)) {
                Some(count) => *count += 1,
                None => {
                    requests.insert((route.to_owned(), status), 1);
                }
            }
        }
        let seconds = elapsed.as_secs_f64();
        let bucket = BUCKETS
            .iter()
            .position(|&bound| seconds <= bound)
            .unwrap_or(BUCKETS.len());
        self.latency[bucket].fetch_add(1, Ordering::Relaxed);
        self.latency_micros
            .fetch_add(elapsed.as_micros() as u64, Ordering::Relaxed);
    }

    /// One record validated.
    pub fn report(&self, report: &Report) {
        self.records.fetch_add(1, Ordering::Relaxed);
        if !report.valid {
            self.invalid.fetch_add(1, Ordering::Relaxed);
        }
        for issue in &report.issues {
            self.issue(issue.rule);
        }
    }

    /// One issue of a rule.
    pub fn issue(&self, rule: &str) {
        if let Some(count) = self.issues.get(rule) {
            count.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Records validated in a batch (their issues counted with [`Metrics::issue`]).
    pub fn records(&self, records: u64, invalid: u64) {
        self.records.fetch_add(records, Ordering::Relaxed);
        self.invalid.fetch_add(invalid, Ordering::Relaxed);
    }

    /// The Prometheus text.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(8192);
        out.push_str(
            "# HELP cen_http_requests_total HTTP requests answered, by route and status.\n",
        );
        out.push_str("# TYPE cen_http_requests_total counter\n");
        let requests = self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for ((route, status), count) in &requests {
            let _ = writeln!(
                out,
                "cen_http_requests_total{{route=\"{}\",status=\"{status}\"}} {count}",
                escape(route)
            );
        }
        out.push_str("# HELP cen_http_request_duration_seconds Time to answer a request (to its first byte for a streamed batch).\n");
        out.push_str("# TYPE cen_http_request_duration_seconds histogram\n");
        let mut cumulative = 0u64;
        for (i, bound) in BUCKETS.iter().enumerate() {
            cumulative += self.latency[i].load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "cen_http_request_duration_seconds_bucket{{le=\"{bound}\"}} {cumulative}"
            );
        }
        cumulative += self.latency[BUCKETS.len()].load(Ordering::Relaxed);
        let _ = writeln!(
            out,
            "cen_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {cumulative}"
        );
        let _ = writeln!(
            out,
            "cen_http_request_duration_seconds_sum {}",
            self.latency_micros.load(Ordering::Relaxed) as f64 / 1e6
        );
        let _ = writeln!(out, "cen_http_request_duration_seconds_count {cumulative}");
        counter(
            &mut out,
            "cen_records_validated_total",
            "Records validated (single and in batches).",
            self.records.load(Ordering::Relaxed),
        );
        counter(
            &mut out,
            "cen_records_invalid_total",
            "Records validated that have an error.",
            self.invalid.load(Ordering::Relaxed),
        );
        out.push_str("# HELP cen_issues_total Issues found, by rule.\n");
        out.push_str("# TYPE cen_issues_total counter\n");
        for rule in cen_rules::catalogue() {
            let count = self
                .issues
                .get(rule.id)
                .map_or(0, |c| c.load(Ordering::Relaxed));
            let _ = writeln!(out, "cen_issues_total{{rule=\"{}\"}} {count}", rule.id);
        }
        out
    }
}

/// A label value as the text format writes it.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// One counter without labels in the Prometheus text format: its help, its type, its value.
fn counter(out: &mut String, name: &str, help: &str, value: u64) {
    let _ = writeln!(
        out,
        "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
    );
}
