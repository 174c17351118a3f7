//! Debug aid: print the ancestor chain of the first text node containing a snippet.
//!
//! `cargo run --release -p tidings-ingest --example ancestors -- PAGE.html "snippet"`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read page");
    let text = tidings_ingest::decode::decode(&bytes, None);
    let doc = scraper::Html::parse_document(&text);
    for node in doc.tree.root().descendants() {
        if let scraper::Node::Text(t) = node.value()
            && t.contains(args[2].as_str())
            && !node
                .ancestors()
                .any(|a| matches!(a.value(), scraper::Node::Element(e) if e.name() == "script"))
        {
            for a in node.ancestors() {
                if let scraper::Node::Element(e) = a.value() {
                    println!(
                        "{} class={:?} id={:?} role={:?} itemprop={:?} style={:?} hidden={:?}",
                        e.name(),
                        e.attr("class"),
                        e.attr("id"),
                        e.attr("role"),
                        e.attr("itemprop"),
                        e.attr("style"),
                        e.attr("aria-hidden")
                    );
                }
            }
            return;
        }
    }
    println!("not found");
}
