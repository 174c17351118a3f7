//! An entity under construction: its names, mentions and what the text has
//! said about it so far (gender, offices, countries, place facts).

use tidings_model::{EntityType, Mention, Span};

use super::gazetteer::PlaceKind;
use super::names::NameForm;
use super::titles::{Gender, TitleInfo};

/// A name mention ready for grouping: title-stripped span and form, the
/// recogniser's type, the gazetteer's reading and the titles around it.
#[derive(Debug, Clone)]
pub struct NameRef {
    pub span: Span,
    pub etype: EntityType,
    pub form: NameForm,
    /// ISO alpha-2 and kind when the gazetteer knows the name.
    pub place: Option<(String, PlaceKind)>,
    /// ISO alpha-2 of the country whose government sits there ("White House").
    pub seat: Option<&'static str>,
    pub title: TitleInfo,
    /// For the head of a hyphenated modifier: the recogniser's whole span
    /// and its form, restored when the head joins no person.
    pub original: Option<(Span, NameForm)>,
}

impl NameRef {
    /// Is this the head of a hyphenated modifier ("Donald Trump-initiated")?
    /// Such a name joins a person only; otherwise it keeps the recogniser's
    /// whole span and type, as CoNLL tags "Boston-based" MISC.
    pub fn is_compound(&self) -> bool {
        self.original.is_some()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Recogniser types of the name mentions, in order of grouping.
    pub types: Vec<EntityType>,
    /// Types of compound heads joined to a person ([`NameRef::is_compound`]),
    /// used only when there are no others.
    pub loose_types: Vec<EntityType>,
    pub forms: Vec<NameForm>,
    pub mentions: Vec<Mention>,
    pub place: Option<(String, PlaceKind)>,
    pub seat: Option<&'static str>,
    pub gender: Option<Gender>,
    pub offices: Vec<&'static str>,
    /// Countries the entity is tied to by office ("the Ukrainian president").
    pub countries: Vec<String>,
    pub media: bool,
}

impl Draft {
    /// The type most name mentions have; ties go to the first grouped (the
    /// fullest name).
    pub fn etype(&self) -> EntityType {
        let types = if self.types.is_empty() {
            &self.loose_types
        } else {
            &self.types
        };
        let mut best = types.first().copied().unwrap_or(EntityType::Misc);
        let mut best_n = 0;
        for &t in types {
            let n = types.iter().filter(|&&x| x == t).count();
            if n > best_n {
                best = t;
                best_n = n;
            }
        }
        best
    }

    /// Where the entity is first mentioned.
    pub fn first(&self) -> usize {
        self.mentions
            .iter()
            .map(|m| m.span.start)
            .min()
            .unwrap_or(usize::MAX)
    }

    /// Take what a name's titles say.
    pub fn learn(&mut self, t: &TitleInfo) {
        if self.gender.is_none() {
            self.gender = t.gender;
        }
        if let Some(o) = t.office
            && !self.offices.contains(&o)
        {
            self.offices.push(o);
        }
        if let Some(c) = &t.country
            && !self.countries.contains(c)
        {
            self.countries.push(c.clone());
        }
    }

    /// Is the entity a country (by the gazetteer)?
    pub fn is_country(&self) -> bool {
        matches!(&self.place, Some((_, PlaceKind::Country)))
    }
}
