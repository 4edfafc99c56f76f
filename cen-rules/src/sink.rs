//! Where the checks put what they find: issues with the severity of the profile applied, before
//! their messages are written.

use cen_model::Params;

use crate::definition::{Rule, Severity};

/// The severity of each rule after the profile: `None` means the rule is off.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Overrides(Vec<(&'static str, Option<Severity>)>);

impl Overrides {
    pub(crate) fn new(overrides: Vec<(&'static str, Option<Severity>)>) -> Overrides {
        Overrides(overrides)
    }

    pub(crate) fn severity(&self, rule: &Rule) -> Option<Severity> {
        self.0
            .iter()
            .find(|(id, _)| *id == rule.id)
            .map_or(Some(rule.severity), |(_, s)| *s)
    }
}

/// An issue before its message is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pending {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub path: String,
    pub params: Params,
    pub variant: Option<&'static str>,
}

/// Collects the issues of one record.
pub(crate) struct Sink<'v> {
    overrides: &'v Overrides,
    pub issues: Vec<Pending>,
}

impl<'v> Sink<'v> {
    pub(crate) fn new(overrides: &'v Overrides) -> Sink<'v> {
        Sink {
            overrides,
            issues: Vec::new(),
        }
    }

    /// Records an issue of `rule` unless the profile turned the rule off.
    pub(crate) fn emit(&mut self, rule: &'static Rule, path: String, params: Params) {
        self.emit_variant(rule, path, params, None);
    }

    /// Records an issue with a particular wording of the rule's message.
    pub(crate) fn emit_variant(
        &mut self,
        rule: &'static Rule,
        path: String,
        params: Params,
        variant: Option<&'static str>,
    ) {
        if let Some(severity) = self.overrides.severity(rule) {
            self.issues.push(Pending {
                rule,
                severity,
                path,
                params,
                variant,
            });
        }
    }
}
