//! A readable view of one annotated document, for a person at a terminal.

use std::io::{self, Write};

use tidings_model::{Document, EntityType, MentionKind, QuoteKind};

const WIDTH: usize = 88;

/// Write `doc`'s quotes with speakers, its people, organisations and places,
/// its dates and its events.
pub fn write_document(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let title = doc
        .meta
        .title
        .clone()
        .or_else(|| doc.paragraphs.first().map(|p| doc.slice(*p).to_string()))
        .unwrap_or_default();
    writeln!(out, "━━ {} ━━", doc.id)?;
    if !title.is_empty() {
        writeln!(out, "{}", clip(&title, WIDTH))?;
    }
    if let Some(p) = &doc.meta.published {
        writeln!(out, "published {p}")?;
    }
    writeln!(out)?;

    for (label, ty) in [
        ("People", EntityType::Per),
        ("Organisations", EntityType::Org),
        ("Places", EntityType::Loc),
        ("Other names", EntityType::Misc),
    ] {
        let mut ents: Vec<_> = doc.entities.iter().filter(|e| e.etype == ty).collect();
        if ents.is_empty() {
            continue;
        }
        ents.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        writeln!(out, "{label}:")?;
        for e in ents {
            let mut aliases: Vec<&str> = Vec::new();
            for m in &e.mentions {
                let t = doc.slice(m.span);
                if t != e.name && !aliases.contains(&t) && m.kind != MentionKind::Pronoun {
                    aliases.push(t);
                }
            }
            let aka = if aliases.is_empty() {
                String::new()
            } else {
                format!("  (also {})", aliases.join(", "))
            };
            writeln!(
                out,
                "  {} ×{}{}",
                e.name,
                e.mentions.len(),
                clip(&aka, WIDTH)
            )?;
        }
    }

    if !doc.quotes.is_empty() {
        writeln!(out, "\nQuotes:")?;
        for q in &doc.quotes {
            let who = q
                .speaker
                .as_ref()
                .and_then(|s| s.name.clone())
                .unwrap_or_else(|| "(unattributed)".into());
            let text = q.text(&doc.text).replace('\n', " ");
            let shown = match q.kind {
                QuoteKind::Direct => format!("“{}”", clip(&text, WIDTH * 2)),
                QuoteKind::Indirect => format!("that {}", clip(&text, WIDTH * 2)),
                QuoteKind::Mixed => format!("~“{}”", clip(&text, WIDTH * 2)),
            };
            writeln!(out, "  {who}: {shown}")?;
        }
    }

    if !doc.timexes.is_empty() {
        writeln!(out, "\nDates and times:")?;
        for t in &doc.timexes {
            writeln!(
                out,
                "  {:<28} {} {}",
                doc.slice(t.span),
                t.ttype.as_str(),
                t.value
            )?;
        }
    }

    if !doc.events.is_empty() {
        writeln!(out, "\nEvents:")?;
        for e in &doc.events {
            let actor = |a: &Option<tidings_model::Actor>| {
                a.as_ref()
                    .map(|a| a.name.clone())
                    .unwrap_or_else(|| "?".into())
            };
            let date = e.date.as_ref().map(|d| d.value.as_str()).unwrap_or("?");
            writeln!(
                out,
                "  {:<10} {:<5} {} → {}  [{:?}, {}]",
                e.etype,
                e.cameo,
                actor(&e.source),
                actor(&e.target),
                e.modality,
                date
            )?;
        }
    }
    writeln!(out)
}

/// At most `max` characters of `s`, with an ellipsis when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}
