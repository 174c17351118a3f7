//! Cluster keys: the same event told by many articles gets one key.
//!
//! The key joins the PLOVER type, the two actors, the day and the place,
//! each normalised (lower case, letters and digits, titles dropped). For
//! symmetric types (CONSULT, AGREE, COOPERATE) the two actors are sorted,
//! so "A met B" and "B met A" share a key. Modality is part of the key:
//! an intended deployment is not the deployment.
//!
//! The day is the one the text gives. An event the text does not date
//! carries its article's publication date (marked `from_publication`), but
//! that is when it was reported, not when it happened: two articles
//! published a day apart about the same undated event would split. Such
//! events key with an empty day, joined by type, actors, place and
//! modality alone.

use tidings_model::{Actor, Event};

const SYMMETRIC: &[&str] = &["CONSULT", "AGREE", "COOPERATE"];
const TITLES: &[&str] = &["mr", "mrs", "ms", "sir", "dame", "dr", "president", "the"];

/// The cluster key of an event.
pub fn event_key(e: &Event) -> String {
    let mut a = actor_key(e.source.as_ref());
    let mut b = actor_key(e.target.as_ref());
    if SYMMETRIC.contains(&e.etype.as_str()) && b < a {
        std::mem::swap(&mut a, &mut b);
    }
    let day = e
        .date
        .as_ref()
        .filter(|d| !d.from_publication)
        .map(|d| d.value.chars().take(10).collect::<String>())
        .unwrap_or_default();
    let place = actor_key(e.place.as_ref());
    let modality = serde_json::to_value(e.modality)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!("{}|{a}|{b}|{day}|{place}|{modality}", e.etype)
}

fn actor_key(a: Option<&Actor>) -> String {
    let Some(a) = a else { return String::new() };
    a.name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !TITLES.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_model::{EventDate, Modality, Span};

    fn ev(etype: &str, s: &str, t: &str) -> Event {
        Event {
            etype: etype.into(),
            mode: None,
            cameo: "040".into(),
            span: Span::new(0, 1),
            trigger: None,
            source: Some(Actor::new(None, s.into())),
            target: Some(Actor::new(None, t.into())),
            date: Some(EventDate {
                value: "2025-03-27".into(),
                timex: None,
                from_publication: false,
            }),
            place: Some(Actor::new(None, "Paris".into())),
            modality: Modality::Asserted,
            quote: None,
        }
    }

    #[test]
    fn same_event_same_key() {
        assert_eq!(
            event_key(&ev("CONSULT", "Mr Macron", "Keir Starmer")),
            event_key(&ev("CONSULT", "Keir  Starmer", "Macron"))
        );
        assert_ne!(
            event_key(&ev("ACCUSE", "Starmer", "Putin")),
            event_key(&ev("ACCUSE", "Putin", "Starmer"))
        );
        assert_eq!(
            event_key(&ev("CONSULT", "Macron", "Starmer")),
            "CONSULT|macron|starmer|2025-03-27|paris|asserted"
        );
    }

    #[test]
    fn undated_reports_of_different_days_share_a_key() {
        let reported = |day: &str| {
            let mut e = ev("SUPPORT", "Lena Ortiz", "Tomas Varga");
            e.date = Some(EventDate {
                value: day.into(),
                timex: None,
                from_publication: true,
            });
            e
        };
        assert_eq!(
            event_key(&reported("2025-03-27")),
            event_key(&reported("2025-03-28"))
        );
        assert_ne!(
            event_key(&ev("SUPPORT", "Lena Ortiz", "Tomas Varga")),
            event_key(&reported("2025-03-27"))
        );
    }
}
