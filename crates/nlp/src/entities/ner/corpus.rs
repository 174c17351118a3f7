//! Annotated documents for training and evaluation.
//!
//! Two sources: JSON Lines in the project's gold format (`id`, `text`,
//! `entities: [{start, end, type}]` with code point offsets), such as the
//! CoNLL-2003 files, and inline-marked text (`[PER Keir Starmer] met ...`)
//! for sentences written by hand. Documents are segmented by the project
//! segmenter, exactly as at run time; each gold name is then mapped to the
//! tokens it covers. A name whose ends are not token boundaries cannot be
//! produced by a token tagger and is counted as unaligned.

use std::path::Path;

use tidings_model::offsets::CharIndex;
use tidings_model::{Document, EntityType, Span};

use super::NerError;
use crate::segment;

/// A segmented document with its gold names.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub doc: Document,
    pub names: Vec<(Span, EntityType)>,
}

impl GoldDoc {
    fn new(id: String, text: String, names: Vec<(Span, EntityType)>) -> GoldDoc {
        let mut doc = Document::new(id, text);
        segment::segment(&mut doc);
        GoldDoc { doc, names }
    }

    /// Gold names as token ranges `(first, end_exclusive, type)`, and the
    /// number of names that do not fall on token boundaries.
    pub fn token_names(&self) -> (Vec<(usize, usize, EntityType)>, usize) {
        let toks = &self.doc.tokens;
        let mut out = Vec::with_capacity(self.names.len());
        let mut unaligned = 0;
        for &(span, t) in &self.names {
            let a = toks.partition_point(|x| x.span.start < span.start);
            let b = toks.partition_point(|x| x.span.end <= span.end);
            let ok = a < b
                && toks.get(a).is_some_and(|x| x.span.start == span.start)
                && toks[b - 1].span.end == span.end;
            if ok {
                out.push((a, b, t));
            } else {
                unaligned += 1;
            }
        }
        (out, unaligned)
    }
}

impl GoldDoc {
    /// The document as running prose: for pre-tokenised text (CoNLL puts a
    /// space between every token), spaces are removed where news prose has
    /// none: before `,` `.` `;` `:` `!` `?` `)` `%`, clitics (`'s`, `n't`)
    /// and closing quotes, after `(` `$` and opening quotes. Names keep
    /// their tokens. Training on both forms teaches the model the glue
    /// that real articles have ("Germany's", "(Reuters)", "\"We").
    pub fn as_prose(&self) -> GoldDoc {
        let old = self.doc.text.as_str();
        let mut text = String::with_capacity(old.len());
        let mut map = vec![usize::MAX; old.len() + 1];
        for (k, line) in old.split('\n').enumerate() {
            let base = line.as_ptr() as usize - old.as_ptr() as usize;
            if k > 0 {
                text.push('\n');
            }
            let mut quote_open = false;
            let mut glue_next = true;
            let mut pos = 0;
            for tok in line.split(' ') {
                let start = base + pos;
                pos += tok.len() + 1;
                if tok.is_empty() {
                    continue;
                }
                let is_quote = tok == "\"";
                let glue_prev = glue_next
                    || matches!(
                        tok,
                        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "n't"
                    )
                    || matches!(tok, "'s" | "'re" | "'ve" | "'ll" | "'d" | "'m")
                    || (is_quote && quote_open);
                if !glue_prev {
                    text.push(' ');
                }
                map[start] = text.len();
                text.push_str(tok);
                map[start + tok.len()] = text.len();
                glue_next = matches!(tok, "(" | "[" | "$") || (is_quote && !quote_open);
                if is_quote {
                    quote_open = !quote_open;
                }
            }
        }
        let names = self
            .names
            .iter()
            .filter_map(|&(sp, t)| {
                let (a, b) = (map[sp.start], map[sp.end]);
                (a != usize::MAX && b != usize::MAX).then(|| (Span::new(a, b), t))
            })
            .collect();
        GoldDoc::new(format!("{}-prose", self.doc.id), text, names)
    }
}

/// Read a gold JSON Lines file.
pub fn read_jsonl(path: &Path) -> Result<Vec<GoldDoc>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|e| NerError::io(path, e))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |why: String| NerError::data(path, format!("line {}: {why}", n + 1));
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let text = v["text"]
            .as_str()
            .ok_or_else(|| bad("no `text`".into()))?
            .to_owned();
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let index = CharIndex::new(&text);
        let mut names = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let (Some(s), Some(t), Some(ty)) = (
                e["start"].as_u64(),
                e["end"].as_u64(),
                e["type"].as_str().and_then(EntityType::parse),
            ) else {
                return Err(bad(format!("bad entity {e}")));
            };
            let (Some(a), Some(b)) = (index.to_byte(s as usize), index.to_byte(t as usize)) else {
                return Err(bad(format!("entity {e} outside the text")));
            };
            names.push((Span::new(a, b), ty));
        }
        names.sort_by_key(|x| x.0);
        out.push(GoldDoc::new(id, text, names));
    }
    Ok(out)
}

/// Parse inline-marked text: `[TYPE words]` marks a name; everything else
/// is text. Blank lines separate documents; `#` starts a comment line.
pub fn parse_marked(source: &str) -> Result<Vec<GoldDoc>, String> {
    let mut docs = Vec::new();
    for (k, block) in source.split("\n\n").enumerate() {
        let mut text = String::new();
        let mut names = Vec::new();
        for line in block.lines().filter(|l| !l.starts_with('#')) {
            if line.trim().is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            let mut rest = line;
            while let Some(open) = rest.find('[') {
                text.push_str(&rest[..open]);
                let close = rest[open..]
                    .find(']')
                    .ok_or_else(|| format!("unclosed `[` in {line:?}"))?
                    + open;
                let inner = &rest[open + 1..close];
                let (ty, name) = inner
                    .split_once(' ')
                    .ok_or_else(|| format!("bad mark {inner:?}"))?;
                let ty = EntityType::parse(ty).ok_or_else(|| format!("bad type in {inner:?}"))?;
                let start = text.len();
                text.push_str(name);
                names.push((Span::new(start, text.len()), ty));
                rest = &rest[close + 1..];
            }
            text.push_str(rest);
        }
        if !text.is_empty() {
            docs.push(GoldDoc::new(format!("marked-{k}"), text, names));
        }
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_tokenised_text_becomes_prose() {
        let g = GoldDoc::new(
            "d".into(),
            "Germany 's view ( Reuters ) , \" We won . \" he said".into(),
            vec![
                (Span::new(0, 7), EntityType::Loc),
                (Span::new(18, 25), EntityType::Org),
            ],
        );
        let p = g.as_prose();
        assert_eq!(p.doc.text, "Germany's view (Reuters), \"We won.\" he said");
        let names: Vec<&str> = p.names.iter().map(|(s, _)| s.of(&p.doc.text)).collect();
        assert_eq!(names, ["Germany", "Reuters"]);
    }

    #[test]
    fn marked_text_yields_spans_on_tokens() {
        let docs = parse_marked("[PER Keir Starmer] flew to [LOC Kyiv]’s airport.\n\nSecond doc.")
            .unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.doc.text, "Keir Starmer flew to Kyiv’s airport.");
        let names: Vec<&str> = d.names.iter().map(|(s, _)| s.of(&d.doc.text)).collect();
        assert_eq!(names, ["Keir Starmer", "Kyiv"]);
        let (tok, unaligned) = d.token_names();
        assert_eq!(unaligned, 0);
        assert_eq!(tok[0], (0, 2, EntityType::Per));
        assert_eq!(tok[1], (4, 5, EntityType::Loc));
    }
}
