//! Synthetic annotated articles, for load tests and demonstrations.
//!
//! [`article`] makes article `i` of a deterministic series: invented people
//! meeting, quoting and accusing each other over a two-year span, with every
//! layer (entities, mentions, quotes, time expressions, events) filled in
//! directly, as the annotator would. The texts are not news; they exist to
//! give the store and the API realistic row counts and text sizes.

use tidings_model::{
    Actor, Document, Entity, EntityType, Event, EventDate, Mention, MentionKind, Modality, Quote,
    QuoteKind, Span, Speaker, Timex, TimexType,
};

const FIRST: [&str; 20] = [
    "Amina", "Tomas", "Ines", "Rafael", "Lena", "Kofi", "Mira", "Jonas", "Sofia", "Pavel", "Nadia",
    "Oskar", "Leila", "Marco", "Hana", "Viktor", "Elif", "Daniel", "Yara", "Felix",
];
const LAST: [&str; 20] = [
    "Njoroge", "Berg", "Costa", "Mota", "Varga", "Mensah", "Novak", "Lind", "Haddad", "Orlov",
    "Keller", "Sato", "Brandt", "Rossi", "Dahl", "Petrov", "Yilmaz", "Moreau", "Aziz", "Holm",
];
const PLACES: [&str; 16] = [
    "Vienna", "Nairobi", "Lisbon", "Oslo", "Geneva", "Ankara", "Warsaw", "Accra", "Lima", "Hanoi",
    "Tunis", "Riga", "Quito", "Dhaka", "Seoul", "Cairo",
];
/// The CAMEO country code of each place (the capitals above).
const PLACE_COUNTRIES: [&str; 16] = [
    "AUT", "KEN", "PRT", "NOR", "CHE", "TUR", "POL", "GHA", "PER", "VNM", "TUN", "LVA", "ECU",
    "BGD", "KOR", "EGY",
];
const ORGS: [&str; 8] = [
    "the Trade Council",
    "the Grain Board",
    "the Ports Authority",
    "the Energy Agency",
    "the Water Commission",
    "the Central Bank",
    "the Rail Union",
    "the Health Institute",
];
const TOPICS: [&str; 24] = [
    "sanctions",
    "tariffs",
    "grain",
    "pipeline",
    "elections",
    "border",
    "fisheries",
    "vaccines",
    "railway",
    "drought",
    "refugees",
    "currency",
    "fertiliser",
    "shipping",
    "mining",
    "wages",
    "pensions",
    "ceasefire",
    "broadband",
    "forests",
    "tourism",
    "debt",
    "housing",
    "exports",
];
const VERBS: [&str; 6] = ["protect", "review", "defend", "expand", "reform", "support"];
const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A small deterministic generator (SplitMix64), so that runs are repeatable.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// Text under construction, handing back the span of each piece.
struct Writer {
    text: String,
}

impl Writer {
    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(s);
        Span::new(start, self.text.len())
    }
}

/// Entities of one document, keyed like the annotator's (`PER:name`).
struct Cast {
    entities: Vec<Entity>,
}

impl Cast {
    fn mention(&mut self, name: &str, etype: EntityType, span: Span) -> String {
        let key = format!("{}:{}", etype.as_str(), name.to_lowercase());
        let m = Mention {
            span,
            kind: MentionKind::Name,
            metonym: false,
        };
        if let Some(e) = self.entities.iter_mut().find(|e| e.key == key) {
            e.mentions.push(m);
            return e.id.clone();
        }
        let id = format!("e{}", self.entities.len() + 1);
        self.entities.push(Entity {
            id: id.clone(),
            name: name.to_string(),
            etype,
            subtype: (etype == EntityType::Loc).then(|| "city".to_string()),
            key,
            mentions: vec![m],
        });
        id
    }
}

/// Synthetic article number `i` (the same `i` always gives the same article).
pub fn article(i: u64) -> Document {
    let mut r = Mix(i.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()
        + chrono::Days::new(r.next() % 730);
    let person = |r: &mut Mix| format!("{} {}", r.pick(&FIRST), r.pick(&LAST));
    let speaker = person(&mut r);
    let mut other = person(&mut r);
    if other == speaker {
        other = format!("{} {}", FIRST[(i % 20) as usize], "Lindqvist");
    }
    let place = r.pick(&PLACES);
    let rival = r.pick(&PLACES);
    let org = r.pick(&ORGS);
    let topic = r.pick(&TOPICS);
    let topic2 = r.pick(&TOPICS);
    let weekday = r.pick(&WEEKDAYS);

    let mut w = Writer {
        text: String::new(),
    };
    let mut cast = Cast {
        entities: Vec::new(),
    };
    let title = format!("{speaker} and {other} discuss {topic} in {place}");
    w.push(&title);
    w.push("\n\n");
    let sp1 = w.push(&speaker);
    let e_speaker = cast.mention(&speaker, EntityType::Per, sp1);
    let met = w.push(" met ");
    let op1 = w.push(&other);
    let e_other = cast.mention(&other, EntityType::Per, op1);
    w.push(" in ");
    let pl1 = w.push(place);
    let e_place = cast.mention(place, EntityType::Loc, pl1);
    w.push(" on ");
    let wd = w.push(weekday);
    w.push(&format!(
        " to discuss {topic} and {topic2}, the third such meeting this year.\n\n\""
    ));
    let q1 = w.push(&format!(
        "We will {} the {topic} agreement and we expect {} to do the same",
        r.pick(&VERBS),
        rival
    ));
    w.push("\", ");
    let sp2 = w.push(&speaker);
    cast.mention(&speaker, EntityType::Per, sp2);
    w.push(" ");
    let cue1 = w.push("said");
    // Every other article goes on with the same utterance: one quote in two parts.
    let q1b = (i % 2 == 1).then(|| {
        w.push(". \"");
        let part = w.push("Nobody should doubt our resolve.");
        w.push("\"");
        part
    });
    w.push(&format!(
        "{} Officials from both sides described the talks on {topic2} as difficult but useful.\n\n",
        if q1b.is_some() { "" } else { "." }
    ));
    // Every fourth article reports the second quote from an unnamed source.
    let unnamed = i % 4 == 3;
    let op2 = if unnamed {
        w.push("A person familiar with the talks")
    } else {
        let op2 = w.push(&other);
        cast.mention(&other, EntityType::Per, op2);
        op2
    };
    w.push(" ");
    let cue2 = w.push("said");
    w.push(" that ");
    let q2 = w.push(&format!(
        "{org} had not been consulted about the {topic2} plan"
    ));
    w.push(". ");
    let ev2_start = w.text.len();
    let org = org.trim_start_matches("the ");
    w.push("The ");
    let org_span = w.push(org);
    let e_org = cast.mention(org, EntityType::Org, org_span);
    w.push(" ");
    let acc = w.push("accused");
    w.push(" ");
    let rv = w.push(rival);
    let e_rival = cast.mention(rival, EntityType::Loc, rv);
    let ev2 = Span::new(
        ev2_start,
        w.text.len() + format!(" of delaying {topic}").len(),
    );
    w.push(&format!(" of delaying {topic} talks since "));
    let month = w.push(&date.format("%B %Y").to_string());
    w.push(".\n\nThe next round is expected in ");
    let next = w.push("two weeks");
    w.push(&format!(
        ", when delegations will return to {place} with proposals on {topic} and {topic2}.\n"
    ));

    let ev1 = Span::new(sp1.start, pl1.end);
    let mut doc = Document::new(format!("synth-{i}"), w.text);
    doc.meta.title = Some(title);
    doc.meta.published = Some(date.to_string());
    doc.meta.url = Some(format!("https://synthetic.example/{i}"));
    doc.meta.site = Some("Synthetic Wire".into());
    doc.meta.language = Some("en".into());
    doc.entities = cast.entities;
    let first_speaker = Some(Speaker::named(
        Some(e_speaker.clone()),
        Some(speaker.clone()),
        Some(sp2),
    ));
    let second_speaker = if unnamed {
        Speaker {
            span: Some(op2),
            description: Some("a person familiar with the talks".into()),
            anonymous: true,
            ..Speaker::default()
        }
    } else {
        Speaker::named(Some(e_other.clone()), Some(other.clone()), Some(op2))
    };
    doc.quotes = vec![
        match q1b {
            Some(b) => Quote::in_parts(vec![q1, b], QuoteKind::Direct, first_speaker, Some(cue1)),
            None => Quote::whole(q1, QuoteKind::Direct, first_speaker, Some(cue1)),
        },
        Quote::whole(q2, QuoteKind::Indirect, Some(second_speaker), Some(cue2)),
    ];
    let value = date.to_string();
    doc.timexes = vec![
        Timex {
            span: wd,
            ttype: TimexType::Date,
            value: value.clone(),
        },
        Timex {
            span: month,
            ttype: TimexType::Date,
            value: date.format("%Y-%m").to_string(),
        },
        Timex {
            span: next,
            ttype: TimexType::Duration,
            value: "P2W".into(),
        },
    ];
    let actor = |id: &str, name: &str| Some(Actor::new(Some(id.to_string()), name.to_string()));
    let coded = |id: &str, name: &str, place: &str, sector: Option<&str>| {
        let country = PLACES
            .iter()
            .position(|p| *p == place)
            .map(|k| PLACE_COUNTRIES[k].to_string());
        Some(Actor {
            country,
            sector: sector.map(String::from),
            ..Actor::new(Some(id.to_string()), name.to_string())
        })
    };
    doc.events = vec![
        Event {
            etype: "CONSULT".into(),
            mode: None,
            cameo: "040".into(),
            span: ev1,
            trigger: Some(Span::new(met.start + 1, met.end - 1)),
            source: coded(&e_speaker, &speaker, place, Some("GOV")),
            target: actor(&e_other, &other),
            date: Some(EventDate {
                value,
                timex: Some(0),
                from_publication: false,
            }),
            place: actor(&e_place, place),
            modality: Modality::Asserted,
            quote: None,
        },
        Event {
            etype: "ACCUSE".into(),
            mode: Some("verbal".into()),
            cameo: "112".into(),
            span: ev2,
            trigger: Some(acc),
            source: coded(&e_org, org, place, Some("GOV")),
            target: coded(&e_rival, rival, rival, None),
            date: None,
            place: None,
            modality: Modality::Asserted,
            quote: None,
        },
    ];
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_repeatable_and_spans_cover_their_words() {
        let a = article(7);
        assert_eq!(a, article(7));
        assert_ne!(a.text, article(8).text);
        for e in &a.entities {
            for m in &e.mentions {
                assert_eq!(a.slice(m.span), e.name);
            }
        }
        assert_eq!(a.slice(a.quotes[0].cue.unwrap()), "said");
        assert_eq!(a.slice(a.events[1].trigger.unwrap()), "accused");
        assert_eq!(a.slice(a.events[0].trigger.unwrap()), "met");
        assert!(a.slice(a.events[1].span).contains("accused"));
    }
}
