//! Flatten a parsed page into an arena of elements and a list of text blocks.
//!
//! The scraper tree is walked once, iteratively (no recursion, so 100,000-deep
//! pages are fine). Each element outside a removed subtree gets an [`El`] in a
//! flat arena with its parent index, its class/id weight and the number of
//! text and link characters below it. Text is cut into [`Block`]s at
//! block-level tags (`p`, `h2`, `li`, `div`, ...): a block is the text that
//! belongs directly to one block element, whitespace collapsed. Boilerplate
//! subtrees (scripts, navigation, hidden elements, elements whose class or id
//! says "share" or "comments") are skipped here, so later stages never see
//! them.

use scraper::{Html, Node};

use crate::boilerplate::{self, ClassHint};

/// One element of the flattened page.
#[derive(Debug, Clone)]
pub struct El {
    /// Lower-case tag name.
    pub tag: String,
    /// Index of the parent in the arena; the root points to itself.
    pub parent: u32,
    /// Class/id hint: positive (article-like), negative (sidebar-like) or none.
    pub hint: ClassHint,
    /// `itemprop="articleBody"` or similar explicit body markers.
    pub body_marker: bool,
    /// Characters of text below this element (collapsed whitespace).
    pub text_chars: u32,
    /// Characters of link text below this element.
    pub link_chars: u32,
    /// The class and id attributes, space-separated.
    pub class_key: String,
    /// Class or id names furniture that may sit inside the article's
    /// container (share bar, tag list, byline box, comment thread).
    pub furniture: bool,
    /// Class, id or `itemprop` names a recipe's ingredient list.
    pub ingredients: bool,
}

/// What kind of block a piece of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
    Pre,
    Cell,
    Caption,
    /// Text directly inside a `div`, `section`, `article` or similar.
    Loose,
}

/// A run of text owned by one block element.
#[derive(Debug, Clone)]
pub struct Block {
    /// Arena index of the owning element.
    pub el: u32,
    pub kind: BlockKind,
    pub text: String,
    /// Characters of `text` inside links.
    pub link_chars: u32,
    /// Characters of `text`.
    pub chars: u32,
}

/// The flattened page.
#[derive(Debug, Default)]
pub struct Flat {
    pub els: Vec<El>,
    pub blocks: Vec<Block>,
    /// Arena index of `<body>` (0 when missing).
    pub body: u32,
}

impl Flat {
    /// Is `el` equal to `anc` or below it?
    pub fn is_within(&self, mut el: u32, anc: u32) -> bool {
        loop {
            if el == anc {
                return true;
            }
            let p = self.els[el as usize].parent;
            if p == el {
                return false;
            }
            el = p;
        }
    }

    /// Link density of an element: link characters over all characters.
    pub fn link_density(&self, el: u32) -> f32 {
        let e = &self.els[el as usize];
        if e.text_chars == 0 {
            0.0
        } else {
            e.link_chars as f32 / e.text_chars as f32
        }
    }
}

fn block_kind(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "p" => BlockKind::Paragraph,
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "li" | "dd" | "dt" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Pre,
        "td" | "th" => BlockKind::Cell,
        "figcaption" | "caption" => BlockKind::Caption,
        "div" | "section" | "article" | "main" | "body" | "ul" | "ol" | "dl" | "table" | "tr"
        | "tbody" | "thead" | "figure" | "center" | "address" | "hr" | "br" => BlockKind::Loose,
        _ => return None,
    })
}

/// Tags whose whole subtree never holds article text.
fn is_dropped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "img"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "nav"
            | "footer"
            | "head"
            | "menu"
            | "dialog"
            | "figure"
            | "figcaption"
            | "rt"
            | "rp"
    )
}

struct Buf {
    text: String,
    link_chars: u32,
    chars: u32,
    pending_space: bool,
}

impl Buf {
    fn new() -> Self {
        Buf {
            text: String::new(),
            link_chars: 0,
            chars: 0,
            pending_space: false,
        }
    }

    fn push(&mut self, s: &str, in_link: bool) -> u32 {
        let mut added = 0u32;
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
            added += 1;
        }
        self.chars += added;
        if in_link {
            self.link_chars += added;
        }
        added
    }

    /// A line break inside a block, kept as a newline.
    fn newline(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.pending_space = false;
    }
}

/// Flatten `html` into elements and blocks.
pub fn flatten(html: &Html, strip_unlikely: bool) -> Flat {
    let mut flat = Flat::default();
    // Stack of open elements: (arena index or None when removed, is block, is link).
    struct Open {
        arena: Option<u32>,
        block: Option<BlockKind>,
        link: bool,
        removed: bool,
    }
    let mut stack: Vec<Open> = Vec::new();
    // Block owner stack: arena indices of open block elements (with kinds).
    let mut owners: Vec<(u32, BlockKind)> = Vec::new();
    let mut buf = Buf::new();
    let mut link_depth = 0u32;
    let mut removed_depth = 0u32;
    let mut in_body = false;

    flat.els.push(El {
        tag: "#root".into(),
        parent: 0,
        hint: ClassHint::None,
        body_marker: false,
        text_chars: 0,
        link_chars: 0,
        class_key: String::new(),
        furniture: false,
        ingredients: false,
    });

    for edge in html.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let tag = e.name();
                    if removed_depth > 0 {
                        removed_depth += 1;
                        stack.push(Open {
                            arena: None,
                            block: None,
                            link: false,
                            removed: true,
                        });
                        continue;
                    }
                    let class = e.attr("class").unwrap_or("");
                    let id = e.attr("id").unwrap_or("");
                    // `aside` is furniture, except on the pages that misuse it
                    // for the article: the loose pass keeps it.
                    let drop = is_dropped_tag(tag)
                        || (strip_unlikely && tag == "aside")
                        || boilerplate::is_hidden(e)
                        || (strip_unlikely
                            && tag != "body"
                            && tag != "html"
                            && tag != "article"
                            && tag != "main"
                            && boilerplate::is_unlikely(tag, class, id, e.attr("role")));
                    if drop {
                        removed_depth = 1;
                        stack.push(Open {
                            arena: None,
                            block: None,
                            link: false,
                            removed: true,
                        });
                        continue;
                    }
                    if tag == "body" {
                        in_body = true;
                    }
                    let kind = block_kind(tag);
                    if tag == "br" {
                        buf.newline();
                        stack.push(Open {
                            arena: None,
                            block: None,
                            link: false,
                            removed: false,
                        });
                        continue;
                    }
                    if kind.is_some() {
                        flush(&mut flat, &owners, &mut buf);
                    }
                    let parent = stack.iter().rev().find_map(|o| o.arena).unwrap_or(0);
                    let idx = flat.els.len() as u32;
                    let mut class_key = String::with_capacity(class.len() + id.len() + 1);
                    class_key.push_str(class);
                    if !id.is_empty() {
                        class_key.push(' ');
                        class_key.push_str(id);
                    }
                    flat.els.push(El {
                        tag: tag.to_string(),
                        parent,
                        hint: boilerplate::class_hint(&class_key),
                        body_marker: boilerplate::is_body_marker(e),
                        text_chars: 0,
                        link_chars: 0,
                        furniture: boilerplate::is_inner_furniture(tag, class, id),
                        ingredients: boilerplate::names_ingredients(
                            &class_key,
                            e.attr("itemprop").unwrap_or(""),
                        ),
                        class_key,
                    });
                    if tag == "body" {
                        flat.body = idx;
                    }
                    let link = tag == "a";
                    if link {
                        link_depth += 1;
                    }
                    if let Some(k) = kind {
                        owners.push((idx, k));
                    }
                    stack.push(Open {
                        arena: Some(idx),
                        block: kind,
                        link,
                        removed: false,
                    });
                }
                Node::Text(t) => {
                    if removed_depth > 0 || !in_body {
                        continue;
                    }
                    let added = buf.push(t, link_depth > 0);
                    if added > 0 {
                        // Count on the innermost open element; propagated on close.
                        if let Some(i) = stack.iter().rev().find_map(|o| o.arena) {
                            let el = &mut flat.els[i as usize];
                            el.text_chars += added;
                            if link_depth > 0 {
                                el.link_chars += added;
                            }
                        }
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if !matches!(node.value(), Node::Element(_)) {
                    continue;
                }
                let Some(open) = stack.pop() else { continue };
                if open.removed {
                    removed_depth = removed_depth.saturating_sub(1);
                    continue;
                }
                if open.block.is_some() {
                    flush(&mut flat, &owners, &mut buf);
                    owners.pop();
                }
                if open.link {
                    link_depth = link_depth.saturating_sub(1);
                }
                if let Some(i) = open.arena {
                    let (t, l) = {
                        let e = &flat.els[i as usize];
                        (e.text_chars, e.link_chars)
                    };
                    let p = flat.els[i as usize].parent;
                    if p != i {
                        let pe = &mut flat.els[p as usize];
                        pe.text_chars += t;
                        pe.link_chars += l;
                    }
                }
            }
        }
    }
    flush(&mut flat, &owners, &mut buf);
    flat
}

fn flush(flat: &mut Flat, owners: &[(u32, BlockKind)], buf: &mut Buf) {
    if buf.chars == 0 {
        buf.text.clear();
        buf.link_chars = 0;
        buf.pending_space = false;
        return;
    }
    let (el, kind) = owners.last().copied().unwrap_or((0, BlockKind::Loose));
    let text = buf.text.trim().to_string();
    flat.blocks.push(Block {
        el,
        kind,
        text,
        link_chars: buf.link_chars,
        chars: buf.chars,
    });
    buf.text.clear();
    buf.link_chars = 0;
    buf.chars = 0;
    buf.pending_space = false;
}
