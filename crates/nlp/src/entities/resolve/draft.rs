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

/// How many name mentions of each type an entity has, and which type came
/// first: the majority type in constant time, however many mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeTally {
    counts: [u32; 4],
    /// For each type, its place in the order of first appearance (0 = none).
    order: [u8; 4],
    seen: u8,
}

impl TypeTally {
    fn slot(t: EntityType) -> usize {
        match t {
            EntityType::Per => 0,
            EntityType::Org => 1,
            EntityType::Loc => 2,
            EntityType::Misc => 3,
        }
    }

    const TYPES: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// A tally of one mention of `t`.
    pub fn of(t: EntityType) -> Self {
        let mut tally = TypeTally::default();
        tally.push(t);
        tally
    }

    /// Count one more mention of `t`.
    pub fn push(&mut self, t: EntityType) {
        let i = Self::slot(t);
        if self.order[i] == 0 {
            self.seen += 1;
            self.order[i] = self.seen;
        }
        self.counts[i] = self.counts[i].saturating_add(1);
    }

    /// Add another tally (its first types count after this one's).
    pub fn extend(&mut self, other: TypeTally) {
        let mut by_order: Vec<usize> = (0..4).filter(|&i| other.order[i] > 0).collect();
        by_order.sort_by_key(|&i| other.order[i]);
        for i in by_order {
            if self.order[i] == 0 {
                self.seen += 1;
                self.order[i] = self.seen;
            }
            self.counts[i] = self.counts[i].saturating_add(other.counts[i]);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.seen == 0
    }

    /// The most frequent type; a tie goes to the type seen first.
    pub fn majority(&self) -> Option<EntityType> {
        (0..4)
            .filter(|&i| self.counts[i] > 0)
            .min_by_key(|&i| (std::cmp::Reverse(self.counts[i]), self.order[i]))
            .map(|i| Self::TYPES[i])
    }
}

#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Recogniser types of the name mentions.
    pub types: TypeTally,
    /// Types of compound heads joined to a person ([`NameRef::is_compound`]),
    /// used only when there are no others.
    pub loose_types: TypeTally,
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
        self.types
            .majority()
            .or_else(|| self.loose_types.majority())
            .unwrap_or(EntityType::Misc)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_majority_type_wins_and_a_tie_goes_to_the_first_seen() {
        let mut t = TypeTally::default();
        assert_eq!(t.majority(), None);
        t.push(EntityType::Org);
        t.push(EntityType::Per);
        assert_eq!(t.majority(), Some(EntityType::Org));
        t.push(EntityType::Per);
        assert_eq!(t.majority(), Some(EntityType::Per));
        let mut u = TypeTally::of(EntityType::Loc);
        u.push(EntityType::Org);
        u.push(EntityType::Org);
        t.extend(u);
        // Org 3, Per 2, Loc 1: Org.
        assert_eq!(t.majority(), Some(EntityType::Org));
        let mut d = Draft::default();
        assert_eq!(d.etype(), EntityType::Misc);
        d.loose_types.push(EntityType::Loc);
        assert_eq!(d.etype(), EntityType::Loc);
        d.types.push(EntityType::Per);
        assert_eq!(d.etype(), EntityType::Per);
    }
}
