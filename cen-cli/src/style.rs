//! Colour for people at a terminal, and none anywhere else (files, pipes, `NO_COLOR`).

use cen_rules::Severity;

/// ANSI styling, or plain text when disabled.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    enabled: bool,
}

impl Style {
    /// Colour when `terminal` is true and the `NO_COLOR` convention does not forbid it.
    pub fn new(terminal: bool) -> Style {
        let forbidden = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            enabled: terminal && !forbidden,
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Red bold.
    pub fn error(&self, text: &str) -> String {
        self.paint("1;31", text)
    }

    /// Yellow.
    pub fn warning(&self, text: &str) -> String {
        self.paint("33", text)
    }

    /// Green.
    pub fn good(&self, text: &str) -> String {
        self.paint("32", text)
    }

    /// Bold.
    pub fn strong(&self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Dim.
    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// A severity word, padded to `width` before colouring so that columns stay aligned.
    pub fn severity(&self, severity: Severity, width: usize) -> String {
        let word = format!("{:<width$}", severity.as_str());
        match severity {
            Severity::Error => self.error(&word),
            Severity::Warning => self.warning(&word),
            Severity::Info => self.paint("36", &word),
        }
    }
}
