//! Find the article body among the blocks of a flattened page.
//!
//! Three sources of evidence, strongest first:
//! 1. the JSON-LD `articleBody` the publisher ships: blocks whose text occurs
//!    in it vote for the element that holds most of them;
//! 2. explicit markup (`itemprop="articleBody"`);
//! 3. Readability-style scoring: every paragraph of 25+ characters gives
//!    points (length, commas) to its parent and, decaying, to its ancestors;
//!    class/id names weigh in; scores are scaled by (1 - link density). The
//!    best element, refined by climbing to a parent that holds several strong
//!    candidates, is the body; siblings that score close to it join it.
//!
//! Entries of a reference list ("Lane A. Title. J. 2006;155:422.") neither
//! score nor count as running text, so a paper's abstract beats them. A
//! teaser-length `articleBody` matched in a region of its own (the lead)
//! is joined by the scored body; a recipe's ingredient list, named so in
//! class or `itemprop`, joins a body that misses it.
//!
//! The chosen subtrees' blocks are then filtered one by one: link lists,
//! calls to action and credits go; headings, paragraphs, quotes and list
//! items with running text stay. Then, on the chosen body:
//! - furniture named inside the article container (share bars, tag lists,
//!   author boxes, comment threads; trafilatura's discard names) goes,
//!   unless it would take nearly all of the body;
//! - a closing section ("About the author", "Related articles") in the
//!   body's second half goes up to the next heading, and a heading or
//!   label whose whole section went goes with it;
//! - the lead paragraph between the headline and the body's container,
//!   which the scored root misses, is put back in front;
//! - once the body is final ([`Body::finish`]), datelines, picture credits
//!   and closing calls to action ("Follow us", "Sign up") are dropped.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::boilerplate::{
    ClassHint, is_boilerplate_line, is_call_to_action, is_dateline_or_credit,
    opens_furniture_section,
};
use crate::flatten::{Block, BlockKind, Flat};

/// How far up a paragraph's points travel (Readability uses 5).
const MAX_LEVELS: usize = 5;

/// The chosen body.
#[derive(Debug, Default)]
pub struct Body {
    /// Paragraphs in document order.
    pub paragraphs: Vec<String>,
    /// Index (in the flattened blocks) of the first paragraph kept.
    pub first_block: Option<usize>,
    /// Index of the last paragraph kept.
    pub last_block: Option<usize>,
    /// How the body was chosen: `jsonld`, `markup`, `score` or `none`.
    pub method: &'static str,
    /// Share of the page's block text that sits in link-heavy blocks (0..1).
    pub link_share: f32,
}

impl Body {
    /// Characters of body text.
    pub fn chars(&self) -> usize {
        self.paragraphs.iter().map(|p| p.chars().count()).sum()
    }

    /// Drop datelines, picture credits and the calls to action that close
    /// many articles ("Follow us on ...", "Sign up for our newsletter").
    /// Done last, once the body is chosen: these lines still count as the
    /// region's text when deciding whether the first choice was too short.
    pub fn finish(&mut self) {
        self.paragraphs.retain(|p| !is_dateline_or_credit(p));
        let mut tail = 0;
        while tail < 3 && self.paragraphs.len() > 3 {
            let last = &self.paragraphs[self.paragraphs.len() - 1];
            if !is_call_to_action(last) {
                break;
            }
            self.paragraphs.pop();
            tail += 1;
        }
    }

    /// Characters in paragraphs of at least 80 characters: running text,
    /// not menu entries or labels.
    pub fn prose_chars(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.chars().count())
            .filter(|&n| n >= 80)
            .sum()
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn commas(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count()
}

fn tag_bonus(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn hint_bonus(h: ClassHint) -> f32 {
    match h {
        ClassHint::Positive => 25.0,
        ClassHint::Negative => -25.0,
        ClassHint::None => 0.0,
    }
}

/// Choose and filter the body. `evidence` is the publisher's `articleBody`
/// when there is one; `title` the page's title (dropped from the body).
pub fn extract_body(flat: &Flat, evidence: Option<&str>, title: Option<&str>) -> Body {
    let n = flat.els.len();
    if flat.blocks.is_empty() || n <= 1 {
        return Body {
            method: "none",
            ..Body::default()
        };
    }
    let total_chars: u32 = flat.blocks.iter().map(|b| b.chars).sum();
    let linky_chars: u32 = flat
        .blocks
        .iter()
        .filter(|b| b.link_chars * 2 > b.chars)
        .map(|b| b.chars)
        .sum();
    let link_share = linky_chars as f32 / total_chars.max(1) as f32;

    let evidence = evidence.map(squash).filter(|e| e.chars().count() >= 200);
    let (roots, method, in_evidence) = if let Some((root, matched)) = evidence
        .as_deref()
        .and_then(|e| root_from_evidence(flat, e))
    {
        // A teaser-length articleBody locates the article but not its extent:
        // the scored body wins when it contains the evidence.
        let teaser = evidence
            .as_deref()
            .is_some_and(|e| e.chars().count() < 1000);
        match root_from_scores(flat) {
            Some(roots) if teaser && roots.iter().any(|&r| flat.is_within(root, r)) => {
                (roots, "score", matched)
            }
            // A teaser matched in a region of its own (the lead above the
            // article's container): the scored body joins it when it holds
            // several times as much text.
            Some(mut roots)
                if teaser
                    && !roots.iter().any(|&r| flat.is_within(r, root))
                    && roots
                        .iter()
                        .map(|&r| flat.els[r as usize].text_chars)
                        .sum::<u32>()
                        > 3 * flat.els[root as usize].text_chars.max(200) =>
            {
                roots.push(root);
                (roots, "score", matched)
            }
            _ => (vec![root], "jsonld", matched),
        }
    } else if let Some(roots) = roots_from_markup(flat) {
        (roots, "markup", HashSet::new())
    } else if let Some(roots) = root_from_scores(flat) {
        (roots, "score", HashSet::new())
    } else {
        (vec![flat.body], "none", HashSet::new())
    };

    let title_sq = title.map(squash);
    let in_body: Vec<(usize, u32)> = flat
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            roots
                .iter()
                .find(|&&r| flat.is_within(b.el, r))
                .map(|&r| (i, r))
        })
        .collect();
    let in_body = with_ingredients(flat, &roots, in_body);
    let inner = inner_furniture(flat, &in_body, &in_evidence);
    let kept: Vec<bool> = in_body
        .iter()
        .map(|&(i, _)| {
            let b = &flat.blocks[i];
            !inner.contains(&i)
                && keep_block(b, in_evidence.contains(&i))
                && !(matches!(b.kind, BlockKind::Heading(_))
                    && title_sq
                        .as_deref()
                        .is_some_and(|t| squash(&b.text).eq_ignore_ascii_case(t)))
        })
        .collect();
    let mut kept = kept;
    closing_sections(flat, &in_body, &mut kept, &in_evidence);
    let mut orphans = orphan_labels(flat, &in_body, &kept);
    // The publisher's own articleBody text is never furniture.
    orphans.retain(|&n| !in_evidence.contains(&in_body[n].0));
    let mut paragraphs: Vec<String> = Vec::new();
    let mut first_block = None;
    let mut last_block = None;
    for (n, &(i, _)) in in_body.iter().enumerate() {
        if !kept[n] || orphans.contains(&n) {
            continue;
        }
        let b = &flat.blocks[i];
        first_block.get_or_insert(i);
        last_block = Some(i);
        paragraphs.push(b.text.clone());
    }
    if let Some(first) = first_block {
        let lead = lead_above(flat, first, title_sq.as_deref());
        if !lead.is_empty() {
            let mut with_lead: Vec<String> =
                lead.iter().map(|&i| flat.blocks[i].text.clone()).collect();
            with_lead.append(&mut paragraphs);
            paragraphs = with_lead;
        }
    }
    Body {
        paragraphs,
        first_block,
        last_block,
        method,
        link_share,
    }
}

/// A recipe's ingredient list sits apart from its method, which scoring
/// picks (it has the sentences): the blocks of an element named for
/// ingredients (`recipe-ingredients`, `itemprop="recipeIngredient"`) that
/// the roots miss join the body, in page order, each list under its
/// outermost named element. Link lists ("recipes by main ingredient") add
/// nothing, nor does a page where such names cover more than a recipe's
/// worth of text.
fn with_ingredients(flat: &Flat, roots: &[u32], in_body: Vec<(usize, u32)>) -> Vec<(usize, u32)> {
    if in_body.is_empty() {
        return in_body;
    }
    // Outermost ingredient-named ancestor of every element (0: none);
    // parents come before their children in the arena.
    let mut outer = vec![0u32; flat.els.len()];
    for (i, e) in flat.els.iter().enumerate().skip(1) {
        let p = outer[e.parent as usize];
        outer[i] = if p != 0 {
            p
        } else if e.ingredients {
            i as u32
        } else {
            0
        };
    }
    let mut regions: Vec<u32> = Vec::new();
    let mut extra: Vec<(usize, u32)> = Vec::new();
    for (i, b) in flat.blocks.iter().enumerate() {
        let r = outer[b.el as usize];
        if r == 0
            || flat.link_density(r) > 0.3
            || roots
                .iter()
                .any(|&root| flat.is_within(b.el, root) || flat.is_within(root, r))
        {
            continue;
        }
        if !regions.contains(&r) {
            regions.push(r);
        }
        extra.push((i, r));
    }
    let chars: u32 = regions
        .iter()
        .map(|&r| flat.els[r as usize].text_chars)
        .sum();
    if extra.is_empty() || !(40..=5000).contains(&chars) {
        return in_body;
    }
    let mut all = in_body;
    all.extend(extra);
    all.sort_unstable_by_key(|&(i, _)| i);
    all
}

/// A heading or label such as "About the author" or "Related articles" in
/// the second half of the body opens a closing section of furniture: it
/// and what follows up to the next heading are dropped. In the first half
/// such a label is more likely the article's own subject and stays.
fn closing_sections(
    flat: &Flat,
    in_body: &[(usize, u32)],
    kept: &mut [bool],
    in_evidence: &HashSet<usize>,
) {
    let total: u32 = in_body
        .iter()
        .zip(kept.iter())
        .filter(|(_, k)| **k)
        .map(|(&(i, _), _)| flat.blocks[i].chars)
        .sum();
    let mut seen = 0u32;
    let mut dropping = false;
    for (n, &(i, _)) in in_body.iter().enumerate() {
        let b = &flat.blocks[i];
        if dropping && matches!(b.kind, BlockKind::Heading(_)) && !opens_furniture_section(&b.text)
        {
            dropping = false;
        }
        if kept[n] && seen * 2 >= total && opens_furniture_section(&b.text) {
            dropping = true;
        }
        if kept[n] {
            seen += b.chars;
        }
        if dropping && !in_evidence.contains(&i) {
            kept[n] = false;
        }
    }
}

/// Headings and short labels ("Related articles", "Read more:") whose
/// section was dropped entirely: the links or teasers they announced are
/// gone, so they are furniture too. `kept` is parallel to `in_body`; the
/// result holds positions in `in_body`.
fn orphan_labels(flat: &Flat, in_body: &[(usize, u32)], kept: &[bool]) -> HashSet<usize> {
    let mut orphans = HashSet::new();
    for (n, &(i, _)) in in_body.iter().enumerate() {
        if !kept[n] || !is_label(&flat.blocks[i]) {
            continue;
        }
        // The section runs to the next heading or label.
        let mut content = 0usize;
        let mut kept_content = 0usize;
        for (m, &(j, _)) in in_body.iter().enumerate().skip(n + 1) {
            if is_label(&flat.blocks[j]) {
                break;
            }
            content += 1;
            if kept[m] {
                kept_content += 1;
                break;
            }
        }
        if content > 0 && kept_content == 0 || content == 0 && n + 1 == in_body.len() {
            orphans.insert(n);
        }
    }
    orphans
}

/// A heading, or a short line ending in a colon that announces what follows.
fn is_label(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Heading(_)) || (b.chars <= 60 && b.text.trim_end().ends_with(':'))
}

/// How many blocks above the body are searched for the headline.
const LEAD_WINDOW: usize = 12;

/// The lead: article templates put the headline and the lead paragraph
/// above the body's container, so the scored root misses the lead. Between
/// the headline (an `h1`, or a heading that is the title) and the body,
/// blocks of sentence length with few links are the lead (a paragraph or a
/// sentence-long `h2`); bylines, dates, credits, list items and share
/// buttons in between are skipped, and so is whatever sits in a `<header>`:
/// there the headline's companions live (dek, standfirst, summary), which
/// repeat the article rather than start it.
/// Without a headline in reach nothing is added: the blocks above could be
/// another article's teaser.
fn lead_above(flat: &Flat, first: usize, title: Option<&str>) -> Vec<usize> {
    let mut lead = Vec::new();
    for j in (first.saturating_sub(LEAD_WINDOW)..first).rev() {
        let b = &flat.blocks[j];
        if is_headline(b, title) {
            lead.reverse();
            return lead;
        }
        if is_lead_text(b) && (!in_header(flat, b.el) || named_lead(flat, b.el)) {
            lead.push(j);
        }
    }
    Vec::new()
}

/// Is `el` inside a `<header>`? There sit the headline's companions (dek,
/// subtitle, summary), which are not article text.
fn in_header(flat: &Flat, mut el: u32) -> bool {
    while el != 0 {
        let e = &flat.els[el as usize];
        if e.tag == "header" {
            return true;
        }
        if e.parent == el {
            break;
        }
        el = e.parent;
    }
    false
}

/// Is the block's element (or its parent) named as the article's lead
/// ("lead", "intro", "vorspann", "chapo")? Such a paragraph starts the
/// article even inside a `<header>`; a "dek", "summary" or "standfirst"
/// there is display copy beside the headline.
fn named_lead(flat: &Flat, el: u32) -> bool {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)lead|lede|intro|vorspann|chapo|abstract|teaser|excerpt")
            .expect("static regex")
    });
    static DISPLAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)dek|summary|standfirst|sub-?head|subtitle|description")
            .expect("static regex")
    });
    let e = &flat.els[el as usize];
    let parent = &flat.els[e.parent as usize];
    [&e.class_key, &parent.class_key]
        .iter()
        .any(|k| LEAD.is_match(k) && !DISPLAY.is_match(k))
}

fn is_headline(b: &Block, title: Option<&str>) -> bool {
    let BlockKind::Heading(level) = b.kind else {
        return false;
    };
    if level == 1 {
        return true;
    }
    let Some(title) = title else { return false };
    let text = squash(&b.text);
    let (t, h) = (title.to_lowercase(), text.to_lowercase());
    t == h
        || (h.chars().count() >= 20 && t.contains(&h))
        || (t.chars().count() >= 20 && h.contains(&t))
}

fn is_lead_text(b: &Block) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|©")
            .expect("static regex")
    });
    let text = b.text.trim();
    let words = text.split_whitespace().count();
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:photo|foto|bild|image)s?\b|\bvia ap\b|getty|reuters\)|\(ap\)")
            .expect("static regex")
    });
    matches!(
        b.kind,
        BlockKind::Paragraph | BlockKind::Loose | BlockKind::Heading(2..)
    ) && b.chars >= 60
        && words >= 8
        && b.link_chars * 10 < b.chars
        && !is_boilerplate_line(text)
        && !(b.chars < 120 && DATE.is_match(text))
        && !CAPTION.is_match(text)
}

/// Blocks of the body that sit in a furniture element (share bar, tag list,
/// comment thread...) below their root. When these would take nearly all of
/// the body, the names mislead (a `post-meta-wrapper` around the article)
/// and nothing is dropped.
fn inner_furniture(
    flat: &Flat,
    in_body: &[(usize, u32)],
    in_evidence: &HashSet<usize>,
) -> HashSet<usize> {
    // Nearest furniture ancestor of every element (0: none); parents come
    // before their children in the arena.
    let mut nearest = vec![0u32; flat.els.len()];
    for (i, e) in flat.els.iter().enumerate().skip(1) {
        nearest[i] = if e.furniture {
            i as u32
        } else {
            nearest[e.parent as usize]
        };
    }
    let mut dropped = HashSet::new();
    let (mut total, mut lost) = (0u32, 0u32);
    for &(i, root) in in_body {
        let b = &flat.blocks[i];
        total += b.chars;
        let f = nearest[b.el as usize];
        if f != 0 && f != root && !in_evidence.contains(&i) && flat.is_within(f, root) {
            dropped.insert(i);
            lost += b.chars;
        }
    }
    if lost * 3 > total * 2 {
        dropped.clear();
    }
    dropped
}

/// Paragraph-level filter.
fn keep_block(b: &Block, in_evidence: bool) -> bool {
    if in_evidence {
        return true;
    }
    let text = b.text.trim();
    if text.is_empty() || is_boilerplate_line(text) {
        return false;
    }
    let ld = b.link_chars as f32 / b.chars.max(1) as f32;
    match b.kind {
        BlockKind::Heading(_) => ld < 0.5,
        BlockKind::ListItem => ld < 0.3 || (b.chars > 150 && ld < 0.5),
        BlockKind::Caption => false,
        _ => ld < 0.5 || (b.chars > 300 && ld < 0.7),
    }
}

/// Blocks whose text occurs in the publisher's `articleBody` elect the root:
/// the deepest element holding nine tenths of the matched text.
fn root_from_evidence(flat: &Flat, evidence: &str) -> Option<(u32, HashSet<usize>)> {
    let mut matched = HashSet::new();
    let mut weight = vec![0u32; flat.els.len()];
    let mut total = 0u32;
    for (i, b) in flat.blocks.iter().enumerate() {
        if b.chars < 30 {
            continue;
        }
        let sq = squash(&b.text);
        if evidence.contains(&sq) || (sq.len() > 200 && evidence.contains(prefix(&sq, 120))) {
            matched.insert(i);
            total += b.chars;
            let mut el = b.el;
            let mut steps = 0;
            loop {
                weight[el as usize] += b.chars;
                let p = flat.els[el as usize].parent;
                if p == el || steps > 4096 {
                    break;
                }
                el = p;
                steps += 1;
            }
        }
    }
    let ev_chars = evidence.chars().count() as u32;
    if total * 2 < ev_chars.min(2000) {
        return None;
    }
    let need = total - total / 10;
    // Deepest element (largest index among qualifying ones lies deepest along a chain).
    let mut root = (0..flat.els.len())
        .rev()
        .find(|&i| weight[i] >= need && i != 0)
        .map(|i| i as u32)?;
    // A teaser-length articleBody may match one paragraph: the body is at
    // least that paragraph's container.
    while !matches!(
        flat.els[root as usize].tag.as_str(),
        "div" | "section" | "article" | "main" | "body" | "td"
    ) {
        let p = flat.els[root as usize].parent;
        if p == root || p == 0 {
            break;
        }
        root = p;
    }
    // Blocks that differ slightly from the articleBody (entities, edits) do
    // not vote: climb while the root holds clearly less text than the
    // evidence and the parent is not a link-heavy page region.
    while flat.els[root as usize].text_chars * 10 < ev_chars * 7 {
        let p = flat.els[root as usize].parent;
        if p == root || p == 0 || p == flat.body || flat.link_density(p) > 0.3 {
            break;
        }
        root = p;
    }
    Some((root, matched))
}

fn prefix(s: &str, bytes: usize) -> &str {
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `itemprop="articleBody"`: every such element with real text (pages split
/// the body around ads and figures), outermost ones only.
fn roots_from_markup(flat: &Flat) -> Option<Vec<u32>> {
    let marked: Vec<u32> = flat
        .els
        .iter()
        .enumerate()
        .filter(|(_, e)| e.body_marker && e.text_chars >= 100 && e.link_chars * 3 < e.text_chars)
        .map(|(i, _)| i as u32)
        .collect();
    let total: u32 = marked
        .iter()
        .map(|&i| flat.els[i as usize].text_chars)
        .sum();
    if total < 250 {
        return None;
    }
    let outer: Vec<u32> = marked
        .iter()
        .copied()
        .filter(|&i| !marked.iter().any(|&o| o != i && flat.is_within(i, o)))
        .collect();
    Some(outer)
}

/// Running text: paragraphs of 25+ characters with few links.
fn is_running_text(b: &Block) -> bool {
    b.chars >= 25
        && b.link_chars * 3 < b.chars
        && !matches!(b.kind, BlockKind::Caption)
        && !is_reference(&b.text)
}

/// Climb from `top` to the nearest ancestor that holds half of the page's
/// running text, as long as ancestors stay link-poor.
fn climb_for_coverage(flat: &Flat, top: u32) -> u32 {
    let mut good = vec![0u32; flat.els.len()];
    let mut total = 0u32;
    for b in flat.blocks.iter().filter(|b| is_running_text(b)) {
        total += b.chars;
        let mut el = b.el;
        for _ in 0..64 {
            good[el as usize] += b.chars;
            let p = flat.els[el as usize].parent;
            if p == el {
                break;
            }
            el = p;
        }
    }
    let mut cur = top;
    while total >= 1500 && good[cur as usize] * 2 < total {
        let p = flat.els[cur as usize].parent;
        if p == cur || p == 0 || flat.link_density(p) > 0.2 {
            break;
        }
        cur = p;
    }
    if good[cur as usize] * 2 >= total {
        cur
    } else {
        top
    }
}

/// Is this paragraph an entry of a list of references ("Lane A, Cole B.
/// Title. J Libr Sci. 2006;155(2):422–8.")? Such lists are long and full
/// of commas, and would outscore a paper's abstract.
fn is_reference(text: &str) -> bool {
    static CITATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\d+\))?\s*:\s*[eE]?\d+|\bdoi:\s*10\.\d|\[PMID",
        )
        .expect("static regex")
    });
    text.len() < 600 && CITATION.is_match(text)
}

/// Readability scoring; returns the top candidate and the siblings that join it.
fn root_from_scores(flat: &Flat) -> Option<Vec<u32>> {
    let n = flat.els.len();
    let mut score = vec![0f32; n];
    let mut touched = vec![false; n];
    let mut candidates: Vec<u32> = Vec::new();
    for b in &flat.blocks {
        if b.chars < 25 || matches!(b.kind, BlockKind::Heading(_) | BlockKind::Caption) {
            continue;
        }
        if b.link_chars * 2 > b.chars || is_reference(&b.text) {
            continue;
        }
        let points = 1.0 + commas(&b.text) as f32 + (b.chars as f32 / 100.0).min(3.0);
        let mut el = if b.kind == BlockKind::Loose {
            b.el
        } else {
            flat.els[b.el as usize].parent
        };
        for level in 0..MAX_LEVELS {
            if el == 0 {
                break;
            }
            let e = &flat.els[el as usize];
            if !touched[el as usize] {
                touched[el as usize] = true;
                // Name and tag hints count in full only for elements with
                // real text: a tiny "content-title" div is not the body.
                let scale = (e.text_chars as f32 / 1000.0).min(1.0);
                score[el as usize] = (tag_bonus(&e.tag) + hint_bonus(e.hint)) * scale;
                candidates.push(el);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[el as usize] += points / divider;
            let p = e.parent;
            if p == el {
                break;
            }
            el = p;
        }
    }
    if candidates.is_empty() {
        return None;
    }
    for &c in &candidates {
        score[c as usize] *= 1.0 - flat.link_density(c);
    }
    candidates.sort_by(|a, b| score[*b as usize].total_cmp(&score[*a as usize]));
    let mut top = candidates[0];
    let top_score = score[top as usize];

    // Several strong candidates under one ancestor: the ancestor is the body.
    let alternatives: Vec<u32> = candidates[1..candidates.len().min(5)]
        .iter()
        .copied()
        .filter(|&c| score[c as usize] >= top_score * 0.75)
        .collect();
    if alternatives.len() >= 3 {
        let mut anc = flat.els[top as usize].parent;
        while anc != 0 && anc != flat.body {
            let containing = alternatives
                .iter()
                .filter(|&&a| flat.is_within(a, anc))
                .count();
            if containing >= 3 {
                top = anc;
                break;
            }
            let p = flat.els[anc as usize].parent;
            if p == anc {
                break;
            }
            anc = p;
        }
    }

    // Climb while the parent scores higher (it holds more of the article).
    let mut parent = flat.els[top as usize].parent;
    let mut last = score[top as usize];
    let threshold = last / 3.0;
    while parent != 0 && parent != flat.body {
        if !touched[parent as usize] {
            parent = flat.els[parent as usize].parent;
            continue;
        }
        let ps = score[parent as usize];
        if ps < threshold {
            break;
        }
        if ps > last {
            top = parent;
            break;
        }
        last = ps;
        parent = flat.els[parent as usize].parent;
    }

    // The body spread over sections (guides, recipes, product pages): climb
    // while the top candidate holds too little of the page's running text.
    top = climb_for_coverage(flat, top);

    // Siblings that score close to the top candidate join it.
    let top_s = score[top as usize].max(0.0);
    let parent = flat.els[top as usize].parent;
    let mut roots = vec![top];
    if parent != top {
        let sib_threshold = (top_s * 0.2).max(10.0);
        let top_class = &flat.els[top as usize].class_key;
        for &c in &candidates {
            if c == top || flat.els[c as usize].parent != parent {
                continue;
            }
            let mut s = score[c as usize];
            if !top_class.is_empty() && flat.els[c as usize].class_key == *top_class {
                s += top_s * 0.2;
            }
            if s >= sib_threshold {
                roots.push(c);
            }
        }
        // The body cut into several same-named chunks elsewhere on the page.
        let top_tag = &flat.els[top as usize].tag;
        if !top_class.is_empty() {
            for &c in &candidates {
                let e = &flat.els[c as usize];
                if c != top
                    && e.class_key == *top_class
                    && e.tag == *top_tag
                    && score[c as usize] >= 10.0
                    && !roots
                        .iter()
                        .any(|&r| flat.is_within(c, r) || flat.is_within(r, c))
                {
                    roots.push(c);
                }
            }
        }
        // Plain paragraphs next to the top candidate.
        for b in &flat.blocks {
            if b.kind != BlockKind::Paragraph || flat.els[b.el as usize].parent != parent {
                continue;
            }
            let ld = b.link_chars as f32 / b.chars.max(1) as f32;
            let t = b.text.trim_end();
            if (b.chars > 80 && ld < 0.25)
                || (b.chars > 0
                    && ld == 0.0
                    && (t.ends_with('.') || t.ends_with('!') || t.ends_with('?')))
            {
                roots.push(b.el);
            }
        }
    }
    Some(roots)
}
