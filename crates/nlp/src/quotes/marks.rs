//! Quotation-mark pairing.
//!
//! Marks are read from the token layer and given the roles they can play from
//! their glyph and their neighbours: typographic marks (“ ” ‘ ’ « » „ ‚ ‹ ›)
//! say which side they are on; straight marks (`"`, `'`, and the doubled `''`
//! and ` `` ` of some wires) open after a space and close before one.
//! Pairing keeps one outer quotation and at most one nested level; only the
//! outer one is reported (nested marks are the quoted speaker quoting).
//!
//! A quotation still open at the end of a paragraph continues when the next
//! paragraph opens with a mark of the same family: that is the convention for
//! a quote over several paragraphs (the earlier paragraphs have no closing
//! mark). Otherwise it ends with its paragraph. Single marks open a top-level
//! quotation only when a closing single mark follows in the same paragraph,
//! because ’ and ' are mostly apostrophes.

use tidings_model::TokenKind;

use super::view::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
}

/// One quotation mark: tokens `[tok, end)` (two for a doubled `''`).
#[derive(Debug, Clone, Copy)]
struct Mark {
    tok: usize,
    end: usize,
    family: Family,
    can_open: bool,
    can_close: bool,
}

/// A paired quotation: its marks and the tokens inside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The opening mark's first token.
    pub open: usize,
    /// First token after the opening mark.
    pub first: usize,
    /// One past the last quoted token (the closing mark's token, if any).
    pub last: usize,
    /// One past the closing mark (== `last` when the quote ran to its paragraph end).
    pub end: usize,
}

/// Pair the quotation marks of the whole document.
pub(crate) fn pair(v: &View) -> Vec<Quoted> {
    let marks = find_marks(v);
    let mut out = Vec::new();
    // The open outer quotation: its family, opening mark, and the paragraph it
    // has reached (later than the opening one when it continues).
    let mut outer: Option<(Family, Mark, usize)> = None;
    let mut inner: Option<Family> = None;
    let mut k = 0;
    while k < marks.len() {
        let m = marks[k];
        let para = v.para_of[m.tok];
        match outer {
            None => {
                if m.can_open && (m.family == Family::Double || single_closes_ahead(v, &marks, k)) {
                    outer = Some((m.family, m, para));
                    inner = None;
                }
            }
            Some((fam, open, cur)) if para != cur => {
                let starts_para = m.tok == v.para_first[para];
                if para == cur + 1 && starts_para && m.family == fam && m.can_open {
                    // The next paragraph reopens the quote: it goes on.
                    outer = Some((fam, open, para));
                    inner = None;
                } else {
                    // The quote ended with its paragraph; reconsider this mark.
                    push(v, &mut out, open, v.para_range(cur).1, None);
                    outer = None;
                    continue;
                }
            }
            Some((fam, open, cur)) => {
                if inner == Some(m.family) && m.can_close && m.family != fam {
                    inner = None;
                } else if m.family == fam && m.can_close {
                    push(v, &mut out, open, m.tok, Some(m.end));
                    outer = None;
                } else if m.family != fam && m.can_open && inner.is_none() {
                    inner = Some(m.family);
                } else if m.family == fam && m.can_open {
                    // An unclosed quote followed by a new one: end the first here.
                    push(v, &mut out, open, m.tok, None);
                    outer = Some((fam, m, cur));
                    inner = None;
                }
            }
        }
        k += 1;
    }
    if let Some((_, open, cur)) = outer {
        push(v, &mut out, open, v.para_range(cur).1, None);
    }
    out
}

fn push(v: &View, out: &mut Vec<Quoted>, open: Mark, last: usize, end: Option<usize>) {
    let first = open.end;
    let has_word = (first..last).any(|i| matches!(v.kind(i), TokenKind::Word | TokenKind::Number));
    if first >= last || !has_word {
        return;
    }
    out.push(Quoted {
        open: open.tok,
        first,
        last,
        end: end.unwrap_or(last),
    });
}

/// Is there a mark after `k`, in the same paragraph, that can close a single quote?
fn single_closes_ahead(v: &View, marks: &[Mark], k: usize) -> bool {
    let para = v.para_of[marks[k].tok];
    marks[k + 1..]
        .iter()
        .take_while(|m| v.para_of[m.tok] == para)
        .any(|m| m.family == Family::Single && m.can_close)
}

/// The quotation marks of the document, in order, with their possible roles.
fn find_marks(v: &View) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v.kind(i) != TokenKind::Quote {
            i += 1;
            continue;
        }
        let w = v.word(i);
        // Doubled single marks stand for a double one: ''like this'' or ``this''.
        let doubled = i + 1 < v.len()
            && v.kind(i + 1) == TokenKind::Quote
            && v.toks[i].span.end == v.toks[i + 1].span.start
            && matches!(
                (w, v.word(i + 1)),
                ("'", "'") | ("`", "`") | ("’", "’") | ("‘", "‘")
            );
        let end = if doubled { i + 2 } else { i + 1 };
        let start_b = v.toks[i].span.start;
        let end_b = v.toks[end - 1].span.end;
        let prev = v.text[..start_b].chars().next_back();
        let next = v.text[end_b..].chars().next();
        let open_side = prev.is_none_or(opens_after) && next.is_some_and(|c| !closes_before(c));
        let close_side = prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(closes_before);
        let c = w.chars().next().unwrap_or('"');
        let (family, can_open, can_close) = if doubled {
            match c {
                '`' | '‘' => (Family::Double, true, false),
                _ => (
                    Family::Double,
                    open_side || !close_side,
                    close_side || !open_side,
                ),
            }
        } else {
            match c {
                '“' | '„' | '«' | '‟' => (Family::Double, true, close_side && !open_side),
                '”' | '»' => (Family::Double, open_side && !close_side, true),
                '"' => (
                    Family::Double,
                    open_side || !close_side,
                    close_side || !open_side,
                ),
                '‘' | '‚' | '‹' | '`' => (Family::Single, true, close_side && !open_side),
                '’' | '›' => (
                    Family::Single,
                    open_side && next.is_some_and(char::is_alphanumeric),
                    close_side,
                ),
                '\'' => (
                    Family::Single,
                    open_side && next.is_some_and(char::is_alphanumeric),
                    close_side && prev.is_some_and(|p| !p.is_whitespace()),
                ),
                _ => (Family::Double, false, false),
            }
        };
        if can_open || can_close {
            out.push(Mark {
                tok: i,
                end,
                family,
                can_open,
                can_close,
            });
        }
        i = end;
    }
    out
}

/// May a quotation open right after `c`?
fn opens_after(c: char) -> bool {
    c.is_whitespace() || "([{—–-/:;>".contains(c) || super::super::segment::is_quote_char(c)
}

/// May a quotation close right before `c`?
fn closes_before(c: char) -> bool {
    c.is_whitespace() || ".,;:!?)]}—–-…<".contains(c) || super::super::segment::is_quote_char(c)
}
