//! An HTML fragment (a feed item's content or summary) as paragraphs of
//! text: block elements and `<br>` end a paragraph, whitespace inside a
//! paragraph collapses, scripts and styles are dropped, entities decoded.
//! The fragment is defused by the same guard as pages (deep nesting
//! flattened) and walked without recursion.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::guard;

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "hr"
    )
}

fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "title"
    )
}

/// The fragment's text, paragraphs separated by blank lines.
pub fn fragment_text(html: &str) -> String {
    let prepared = guard::prepare(html);
    let doc = Html::parse_fragment(&prepared);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut hidden = 0usize;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if is_hidden(e.name()) => hidden += 1,
                Node::Element(e) if is_block(e.name()) => flush(&mut current, &mut paragraphs),
                Node::Text(t) if hidden == 0 => current.push_str(t),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(e) if is_hidden(e.name()) => hidden = hidden.saturating_sub(1),
                Node::Element(e) if is_block(e.name()) => flush(&mut current, &mut paragraphs),
                _ => {}
            },
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let html = "<p>First  paragraph,\n with <a href=\"#\">a link</a>.</p><p>Second &amp; last.</p><script>x()</script>";
        assert_eq!(
            fragment_text(html),
            "First paragraph, with a link.\n\nSecond & last."
        );
    }

    #[test]
    fn breaks_and_plain_text() {
        assert_eq!(
            fragment_text("One line<br><br>Another"),
            "One line\n\nAnother"
        );
        assert_eq!(fragment_text("Plain summary text."), "Plain summary text.");
        assert_eq!(fragment_text(""), "");
    }

    #[test]
    fn deep_fragments_do_not_overflow() {
        let mut html = String::new();
        for _ in 0..100_000 {
            html.push_str("<div><span>");
        }
        html.push_str("bottom");
        assert_eq!(fragment_text(&html), "bottom");
    }
}
