//! Dating: when an event happened.
//!
//! The time expression of the event's sentence nearest to its trigger,
//! preferring calendar dates (`2025-03-27`, `2025-W13`, `2025-03`) to other
//! values; durations and sets do not date an event. Where the sentence has
//! none, the publication date stands in, marked `from_publication`.

use tidings_model::{Document, EventDate, Span, TimexType};

/// The date of an event whose trigger is `trigger` in `sentence`.
pub fn date(doc: &Document, sentence: Span, trigger: Span) -> Option<EventDate> {
    let best = doc
        .timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| sentence.contains(t.span))
        .filter(|(_, t)| matches!(t.ttype, TimexType::Date | TimexType::Time))
        .filter(|(_, t)| t.value.as_bytes().first().is_some_and(u8::is_ascii_digit))
        .min_by_key(|(_, t)| distance(t.span, trigger));
    if let Some((i, t)) = best {
        return Some(EventDate {
            value: day_of(&t.value).to_string(),
            timex: Some(i),
            from_publication: false,
        });
    }
    doc.meta.published_date().map(|d| EventDate {
        value: d.format("%Y-%m-%d").to_string(),
        timex: None,
        from_publication: true,
    })
}

/// A date-time value (`2025-03-27TEV`, `2025-03-27T10:00`) reduced to its
/// day; other values unchanged.
fn day_of(value: &str) -> &str {
    match value.split_once('T') {
        Some((day, _)) if day.len() == 10 => day,
        _ => value,
    }
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_model::Timex;

    #[test]
    fn nearest_timex_else_publication() {
        let text = "On Monday the army attacked; on Thursday talks began.";
        let mut doc = Document::new("d", text);
        doc.meta.published = Some("2025-03-28".into());
        let sentence = Span::new(0, text.len());
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        doc.timexes = vec![
            Timex {
                span: at("Monday"),
                ttype: TimexType::Date,
                value: "2025-03-24".into(),
            },
            Timex {
                span: at("Thursday"),
                ttype: TimexType::Date,
                value: "2025-03-27".into(),
            },
        ];
        let d = date(&doc, sentence, at("talks")).unwrap();
        assert_eq!(
            (d.value.as_str(), d.timex, d.from_publication),
            ("2025-03-27", Some(1), false)
        );
        doc.timexes[1].value = "2025-03-27TEV".into();
        assert_eq!(
            date(&doc, sentence, at("talks")).unwrap().value,
            "2025-03-27"
        );
        doc.timexes.clear();
        let d = date(&doc, sentence, at("talks")).unwrap();
        assert_eq!((d.value.as_str(), d.from_publication), ("2025-03-28", true));
    }
}
