use tidings_model::Document;
use tidings_nlp::Pipeline;
use tidings_nlp::quotes::{self, Scope, learned::QuoteModel};
fn main() {
    let s = std::fs::read_to_string("/work/shared/data/quotes/polnear-train.jsonl").unwrap();
    let p = Pipeline::new().unwrap();
    let m = QuoteModel::builtin().unwrap();
    let scope = if std::env::args().nth(1).as_deref() == Some("att") {
        Scope::Attributions
    } else {
        Scope::Speech
    };
    let mut docs: Vec<Document> = s
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let mut d = Document::new("x", v["text"].as_str().unwrap());
            p.annotate(&mut d);
            d
        })
        .collect();
    let t = std::time::Instant::now();
    for _ in 0..10 {
        for d in docs.iter_mut() {
            quotes::annotate_scoped(d, scope, &m);
        }
    }
    let tok: usize = docs.iter().map(|d| d.tokens.len()).sum();
    eprintln!(
        "{:.1} ms/pass, {} tokens",
        t.elapsed().as_secs_f64() * 100.0,
        tok
    );
}
