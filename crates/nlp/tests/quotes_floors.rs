//! Quality floors of the quote layer on the shared gold sets, scored by the
//! project's scorer (`shared/eval/score.py quotes`). Skips when `../shared`
//! or `python3` is absent.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tidings_model::wire::{AnnotateInput, AnnotateOutput, OutputOptions};
use tidings_nlp::Pipeline;
use tidings_nlp::quotes::Scope;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is absent", p.display());
        None
    }
}

/// Annotate a gold file into a temporary prediction file.
fn predict(gold: &Path, name: &str) -> PathBuf {
    predict_scoped(gold, name, Scope::Speech)
}

/// Annotate a gold file with the quote layer in `scope`.
fn predict_scoped(gold: &Path, name: &str, scope: Scope) -> PathBuf {
    let pipeline = Pipeline::new().unwrap().with_quote_scope(scope);
    let out = std::env::temp_dir().join(format!(
        "tidings-quotes-{}-{name}.jsonl",
        std::process::id()
    ));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&out).unwrap());
    for line in std::fs::read_to_string(gold)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let input = AnnotateInput::parse(line).unwrap();
        let id = input.id.clone();
        let mut doc = input.into_document().unwrap();
        pipeline.annotate(&mut doc);
        let o = AnnotateOutput::from_document(&doc, id, OutputOptions::default());
        writeln!(f, "{}", serde_json::to_string(&o).unwrap()).unwrap();
    }
    out
}

/// `score.py quotes --json`, or None when python3 cannot run.
fn score(shared: &Path, gold: &Path, pred: &Path, kind: Option<&str>) -> Option<Value> {
    let mut cmd = Command::new("python3");
    cmd.arg(shared.join("eval/score.py"))
        .args(["quotes", "--json", "--gold"])
        .arg(gold)
        .arg("--pred")
        .arg(pred);
    if let Some(k) = kind {
        cmd.args(["--kind", k]);
    }
    let out = cmd.output().ok()?;
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // The JSON object, then the headline on its last line.
    let json = &text[..text.trim_end().rfind('\n')?];
    Some(serde_json::from_str(json).unwrap())
}

fn metric(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap()
}

#[test]
fn seed_end_to_end_floor() {
    let Some(sh) = shared() else { return };
    let gold = sh.join("data/seed/seed.gold.jsonl");
    let pred = predict(&gold, "seed");
    let Some(all) = score(&sh, &gold, &pred, None) else {
        return;
    };
    // The seed gold was rebuilt on 2026-12-04 (one utterance one quote,
    // mixed quotes as whole clauses; ../shared/eval/FORMAT.md): the engine
    // measured 0.750 on it, unchanged, so the floor was reset from 0.95 to
    // that value. Raised as the quote layer follows the new contract.
    assert!(
        metric(&all, "e2e_f1") >= 0.75,
        "seed end-to-end F1 {}",
        all["e2e_f1"]
    );
    assert!(
        metric(&all, "speaker_accuracy") >= 0.93,
        "seed speakers {}",
        all["speaker_accuracy"]
    );
    let _ = std::fs::remove_file(pred);
}

#[test]
fn polnear_floors() {
    let Some(sh) = shared() else { return };
    let gold = sh.join("data/quotes/polnear-train.jsonl");
    let pred = predict(&gold, "polnear");
    let Some(direct) = score(&sh, &gold, &pred, Some("direct")) else {
        return;
    };
    let all = score(&sh, &gold, &pred, None).unwrap();
    let _ = std::fs::remove_file(pred);
    // Measured 2026-11-25 (with entities): direct F1 0.900, speaker 0.853;
    // all kinds F1 0.613 (the held-out fifth 0.609; issue 5's target 0.60).
    assert!(metric(&direct, "f1") >= 0.89, "direct F1 {}", direct["f1"]);
    assert!(
        metric(&direct, "speaker_accuracy") >= 0.84,
        "direct speakers {}",
        direct["speaker_accuracy"]
    );
    assert!(metric(&all, "f1") >= 0.60, "all kinds F1 {}", all["f1"]);
}

/// The attributions scope (learned content tagger, PolNeAR convention) on
/// PolNeAR train: the tagger saw four fifths of these documents, so the
/// held-out fifth is pinned too (documents whose index is a multiple of 5).
#[test]
fn polnear_attributions_floors() {
    let Some(sh) = shared() else { return };
    let gold = sh.join("data/quotes/polnear-train.jsonl");
    let held = std::env::temp_dir().join(format!(
        "tidings-quotes-{}-polnear-held-gold.jsonl",
        std::process::id()
    ));
    let lines: Vec<String> = std::fs::read_to_string(&gold)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .filter(|(i, _)| i % 5 == 0)
        .map(|(_, l)| l.to_string())
        .collect();
    std::fs::write(&held, lines.join("\n") + "\n").unwrap();
    let pred = predict_scoped(&gold, "polnear-att", Scope::Attributions);
    let held_pred = predict_scoped(&held, "polnear-att-held", Scope::Attributions);
    let Some(all) = score(&sh, &gold, &pred, None) else {
        return;
    };
    let direct = score(&sh, &gold, &pred, Some("direct")).unwrap();
    let held_all = score(&sh, &held, &held_pred, None).unwrap();
    for p in [pred, held_pred, held] {
        let _ = std::fs::remove_file(p);
    }
    // Measured 2026-11-25: all kinds F1 0.733 (e2e 0.616), held-out fifth
    // 0.667 (e2e 0.564); direct as in the speech scope (0.900).
    assert!(metric(&all, "f1") >= 0.70, "all kinds F1 {}", all["f1"]);
    assert!(
        metric(&all, "e2e_f1") >= 0.58,
        "all kinds e2e {}",
        all["e2e_f1"]
    );
    assert!(
        metric(&held_all, "f1") >= 0.63,
        "held-out all kinds F1 {}",
        held_all["f1"]
    );
    assert!(metric(&direct, "f1") >= 0.88, "direct F1 {}", direct["f1"]);
}
