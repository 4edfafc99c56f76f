//! Cross-surface conformance vectors: loading and checking them.
