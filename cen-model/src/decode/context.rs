//! Where decoding stands (the JSON Pointer of the value being read) and what it found.

use crate::finding::{Finding, Params};
use crate::pointer::push_token;
use crate::record::Record;

use super::Decoded;

/// One step of the path being decoded.
#[derive(Debug, Clone, Copy)]
pub(super) enum Segment {
    Field(&'static str),
    Index(usize),
}

/// The state of one decoding: where it is, and what it found.
#[derive(Debug, Default)]
pub struct Ctx {
    pub(super) path: Vec<Segment>,
    pub(super) findings: Vec<Finding>,
    pub(super) invalid: Vec<String>,
}

impl Ctx {
    /// The depth of the value being decoded: the record is level 1, its fields level 2.
    pub(super) fn level(&self) -> usize {
        self.path.len() + 1
    }

    fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.path {
            match segment {
                Segment::Field(name) => push_token(&mut out, name),
                Segment::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }

    pub(super) fn report(&mut self, finding_at: impl FnOnce(String) -> Finding) {
        let pointer = self.pointer();
        self.findings.push(finding_at(pointer));
    }

    /// Records a present value that does not fit, with its finding, at the current path.
    pub(super) fn reject(&mut self, rule: &'static str, params: Params, variant: &'static str) {
        let pointer = self.pointer();
        self.invalid.push(pointer.clone());
        self.findings
            .push(Finding::new(rule, pointer, params).variant(variant));
    }

    pub(super) fn finish(self, record: Record) -> Decoded {
        Decoded {
            record,
            findings: self.findings,
            invalid: self.invalid,
        }
    }
}
