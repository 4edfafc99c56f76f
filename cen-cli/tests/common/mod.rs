//! What the command-line tests share: the built `cen` and the workspace's root.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The built `cen`, with colours decided by the test (NO_COLOR removed from the environment).
pub fn cen() -> Command {
    let mut command = Command::cargo_bin("cen").expect("the cen binary is built");
    command.env_remove("NO_COLOR");
    command
}

/// The workspace's root, where the examples and shared vectors are.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_path_buf()
}

/// What a finished `cen` gave: its exit status and its two streams as text.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` to its end.
pub fn run(command: &mut Command) -> Run {
    let output = command.output().unwrap();
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}
