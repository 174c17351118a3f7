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
}

#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Recogniser types of the name mentions, in order of grouping.
    pub types: Vec<EntityType>,
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
        let mut best = self.types.first().copied().unwrap_or(EntityType::Misc);
        let mut best_n = 0;
        for &t in &self.types {
            let n = self.types.iter().filter(|&&x| x == t).count();
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
