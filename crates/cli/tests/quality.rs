//! Regression guard: every dev-set score stays at or above the floor that
//! docs/QUALITY.md records. Skips with a message when ../shared is absent.

use std::path::Path;
use std::process::Command;

#[test]
fn dev_set_scores_hold_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/eval/score.py");
    if !shared.exists() {
        eprintln!(
            "skipping: {} is absent (no shared gold data here)",
            shared.display()
        );
        return;
    }
    let out = Command::new("python3")
        .arg(root.join("scripts/eval.py"))
        .args(["--check", "--bin", env!("CARGO_BIN_EXE_tidings")])
        .output()
        .expect("python3 runs scripts/eval.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "quality below floor:\n{stdout}\n{stderr}"
    );
}
