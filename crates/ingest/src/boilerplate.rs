//! Signals that an element or a line of text is page furniture, not article.
//!
//! Three kinds of evidence, all language-light:
//! - class and id names (`sidebar`, `share`, `related`, `comment`...), in the
//!   tradition of Readability's "unlikely candidates" and weights;
//! - hidden elements (`hidden`, `aria-hidden`, `display:none`);
//! - short lines that are calls to action or credits ("Share this article",
//!   "Lesen Sie auch", "All rights reserved"), in English and German, the two
//!   languages of the dev sets, plus a few French/Spanish ones.

use std::sync::LazyLock;

use regex::Regex;
use scraper::node::Element;

/// The leaning of an element's class and id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassHint {
    Positive,
    Negative,
    None,
}

static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)-ad-|^ad$|^ads$|\bad-(?:slot|container|wrapper|unit)|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|subscri|promo|cookie|consent|teaser-list|recommend|outbrain|taboola|signup|sign-up|modal|toolbar|masthead|tags|tagging|skip-link|visually-hidden|sr-only|print-only|author-bio|read-more|readmore|more-stories|most-popular|trending|caption|gallery|slideshow|carousel|lightbox|credit",
    )
    .expect("static regex")
});

static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)and|article|body|column|content|main|shadow|story|entry|post-text")
        .expect("static regex")
});

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|artikel|beitrag|inhalt")
        .expect("static regex")
});

static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|byline|author|caption|credit|date")
        .expect("static regex")
});

/// Should this element and everything below it be skipped?
pub fn is_unlikely(tag: &str, class: &str, id: &str, role: Option<&str>) -> bool {
    if let Some(role) = role
        && matches!(
            role,
            "navigation"
                | "complementary"
                | "contentinfo"
                | "banner"
                | "menu"
                | "menubar"
                | "dialog"
                | "alert"
                | "search"
        )
    {
        return true;
    }
    if class.is_empty() && id.is_empty() {
        return false;
    }
    if matches!(
        tag,
        "p" | "li"
            | "td"
            | "span"
            | "a"
            | "b"
            | "strong"
            | "em"
            | "i"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "blockquote"
    ) {
        // Small elements are judged by their text, not their names.
        return id_class_is_hard_negative(class, id);
    }
    let both = if id.is_empty() {
        class.to_string()
    } else {
        format!("{class} {id}")
    };
    UNLIKELY.is_match(&both) && !MAYBE.is_match(&both)
}

/// Names that mark furniture even on small elements.
fn id_class_is_hard_negative(class: &str, id: &str) -> bool {
    static HARD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)share|social|newsletter|related|comment|sponsor|advert|promo|breadcrumb|visually-hidden|sr-only|screen-reader|cookie").expect("static regex")
    });
    HARD.is_match(class) || HARD.is_match(id)
}

/// Names of page furniture that sits inside an article's container: share
/// bars, tag lists, bylines and author boxes, rating widgets, "related" and
/// "next" boxes, calls to action, alerts, contact cards, comment threads. The lists follow trafilatura's discard rules; unlike
/// [`is_unlikely`] they have no "maybe content" exception, because they are
/// only applied below an already chosen body (see `content`), where a
/// `post-meta` or `entry-tags` box is never the article.
pub fn is_inner_furniture(tag: &str, class: &str, id: &str) -> bool {
    static BOTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^shar|social|viral|newsletter|syndication|tags|sidebar|banner|bread-?crumb|button|author")
            .expect("static regex")
    });
    static ID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:jp-|dpsp-content)|[Ff]ooter|[Ss]hare|[Nn]av|menu|related|message-container|premium|^ad-|^reply-|^respond|akismet|^(?:[Cc]omments?|comol|disqus_thread|dsq-comments)(?:$|[-_])|[Kk]ommentar")
            .expect("static regex")
    });
    static CLASS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:nav|post-nav)|subnav|avigation|navbar|navbox|menu| ad |-ad-|(?:^| )ad-|dfp[Aa]d|outbrain|taboola|criteo|paid-?content|[Ff]ooter|[Bb]yline|share-|sociable|tag-list|consent|modal-content|elated|next-|-stories|most-popular|more-on|rating|attachment|timestamp|user-info|user-profile|article-infos|message-container|options|obfuscated|blurred|^[Cc]omments?(?:$|[-_ ])|(?:article|post)-comments|comments-title|nocomments|-reply-|akismet|suggest-links|^hide-|-hide-|hide-print|noprint|slide|[Aa]uthor|saboxplugin|entry-utility|postmetadata|[Kk]ommentar|(?:^|[-_ ])(?:cta|alert|contact)(?:$|[-_ \d])|recirculation|inline-teaser")
            .expect("static regex")
    });
    if !matches!(
        tag,
        "div" | "section" | "aside" | "ul" | "ol" | "dl" | "li" | "p" | "span" | "table"
    ) {
        return false;
    }
    (!id.is_empty() && (BOTH.is_match(id) || ID.is_match(id)))
        || (!class.is_empty() && (BOTH.is_match(class) || CLASS.is_match(class)))
}

/// Do the class/id names or the `itemprop` mark a recipe's ingredient list
/// (`recipe-ingredients`, `itemprop="recipeIngredient"`)? Recipe pages set
/// it apart from the method, which scoring picks as the body.
pub fn names_ingredients(class_id: &str, itemprop: &str) -> bool {
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)ingredient|zutat").expect("static regex"));
    NAME.is_match(itemprop) || NAME.is_match(class_id)
}

/// Is the element hidden from readers?
pub fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") && e.name() != "div" {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Explicit body markup: `itemprop="articleBody"` and the like.
pub fn is_body_marker(e: &Element) -> bool {
    matches!(
        e.attr("itemprop"),
        Some("articleBody") | Some("articlebody") | Some("text")
    )
}

/// The leaning of a class/id string.
pub fn class_hint(class_id: &str) -> ClassHint {
    if class_id.is_empty() {
        return ClassHint::None;
    }
    let neg = NEGATIVE.is_match(class_id);
    let pos = POSITIVE.is_match(class_id);
    match (pos, neg) {
        (true, false) => ClassHint::Positive,
        (false, true) => ClassHint::Negative,
        _ => ClassHint::None,
    }
}

/// Is this short line a call to action, a credit or another bit of furniture?
pub fn is_boilerplate_line(text: &str) -> bool {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)^(?:
              advertisement|advert|anzeige|werbung|publicit[ée]|sponsored|iklan|
              topics?|related\s+news|don.?t\s+miss|more|more\s+great\s+\w+\s+stories|filed\s+under\b.*|
              (?:reading\s+time|lesezeit|temps\s+de\s+lecture|tiempo\s+de\s+lectura|tempo\s+de\s+leitura):?\s*\d+\s*\w+|
              \d+\s*min(?:ute)?s?\.?\s+read|like\s+this\s+(?:story|article)\?.*|
              share(?:\s+this(?:\s+(?:article|story|page))?)?|teilen|tweet|e-?mail|print|drucken|
              (?:read|see)\s+(?:more|also)\b.*|lesen\s+sie\s+(?:auch|mehr)\b.*|mehr\s+zum\s+thema\b.*|
              weiterlesen|mehr\s+lesen|more\s+on\s+this\s+story|related(?:\s+(?:articles|stories|content))?|
              sign\s+up\b.*|subscribe\b.*|abonnieren\b.*|jetzt\s+abonnieren\b.*|newsletter\b.*|
              follow\s+us\b.*|folgen\s+sie\s+uns\b.*|
              (?:copyright|©|\(c\))\s.*|all\s+rights\s+reserved.*|alle\s+rechte\s+vorbehalten.*|
              (?:photo|foto|bild|image|picture)\s*:.*|
              skip\s+to\s+(?:main\s+)?content|zum\s+inhalt\s+springen|
              comments?|kommentare?|\d+\s+(?:comments?|kommentare?)|
              loading\.*|wird\s+geladen\.*|text\s+size|schriftgr(?:ö|oe)(?:ß|ss)e|close|schlie(?:ß|ss)en|
              caption|image\s+\d+\s+of|by|von|
              click\s+here\b.*|hier\s+klicken\b.*|
              (?:image|bild)\s+\d+\s+(?:of|von)\s+\d+|
              schreiben?\s+(?:sie\s+)?einen\s+kommentar\b.*|leave\s+a\s+(?:reply|comment)\b.*|kommentieren|
              (?:kommentare|comments)\s+(?:sind\s+geschlossen|are\s+closed)\b.*|
              like\s+it\?\s*share\s+it|(?:seite|artikel|beitrag)\s+teilen|share\s+(?:on|via)\s+\w+|
              partager|compartir|imprimir|imprimer|drukuj|
              neueste\s+artikel|meistdiskutierte\s+artikel|meistgelesen\w*|most\s+(?:read|popular)\b.*|
              schon\s+gelesen\?|das\s+k(?:ö|oe)nnte\s+(?:sie|dich)\s+auch\s+interessieren\b.*|
              you\s+(?:may|might)\s+also\s+like\b.*|art(?:í|i)culos\s+relacionados\b.*|
              contexto\s+de\s+la\s+noticia|temas|themen|schlagw(?:ö|o)rte|inhaltsverzeichnis|table\s+of\s+contents|
              sie\s+m(?:ü|ue)ssen\s+sich\s+(?:einloggen|anmelden)\b.*|you\s+must\s+be\s+logged\s+in\b.*|
              never\s+miss\s+the\s+latest\b.*|
              teilen\s+sie\s+dies\s+mit|(?:jetzt|mit\s+anderen)\s+teil+en\b.*|sharen\s+mit|
              (?:m(?:ö|oe)chten\s+sie\s+)?(?:den|diesen)\s+artikel\s+teilen\b.*|
              bewerten|(?:wie\s+bewerten\s+sie|hier\s+k(?:ö|oe)nnen\s+sie)\s+(?:diesen|den)\s+artikel(?:\s+bewerten)?|
              war\s+(?:der|dieser)\s+artikel\s+(?:n(?:ü|ue)tzlich|hilfreich)\b.*|rate\s+this\s+(?:article|post)|
              kommentare?\s+schreiben|kommentieren\s+sie\b.*|(?:rezept\s+)?drucken\b.*|print\s+(?:this\s+)?(?:article|recipe)|
              quellen(?:angaben)?|weitere\s+themen|mehr\s+themen|explore\s+further|related\s+coverage|
              veja\s+tamb[ée]m|puedes\s+ver|le\s+puede\s+interesar\b.*|
              (?:to\s+)?view\s+the\s+full\s+story,?\s+please\s+subscribe\b.*|
              (?:if\s+you.re\s+seeing\s+this\s+message\s+but\s+)?you.re\s+already\s+a\s+subscriber\b.*|
              bereits\s+abonnent(?:/in)?\?.*|
              (?:sie\s+sind\s+)?bereits\s+(?:abonniert|registriert)\b.*
            )[.:!]?$",
        )
        .expect("static regex")
    });
    // Ad labels: "- Anzeige -", "ANZEIGE - ...", "*Werbung. Dieser Beitrag
    // enthält Werbung für ...".
    static AD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[-–*\s]*(?:(?i:anzeige|werbung|advertisement|publicidad|sponsored|gesponsert)[-–*:.\s]*$|(?:ANZEIGE|WERBUNG|ADVERTISEMENT)\b|(?i:anzeige|werbung)\s*[-–:.]\s*(?i:dieser\s+beitrag|dieser\s+artikel|in\s+zusammenarbeit))",
        )
        .expect("static regex")
    });
    let text = text.trim();
    text.chars().count() < 120 && (LINE.is_match(text) || AD_LABEL.is_match(text))
}

/// Does this heading or label open a closing section of page furniture
/// ("About the author", "Related articles", "Ähnliche Beiträge", a press
/// release's "Contact:" or "Weitere Informationen:")? What
/// follows it up to the next heading goes with it.
pub fn opens_furniture_section(text: &str) -> bool {
    static OPENS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)^(?:
              (?:über|ueber)\s+(?:den|die)\s+autor(?:in)?|about\s+the\s+author|
              (?:ähnliche|aehnliche|verwandte|weitere|empfohlene)\s+(?:beiträge|beitraege|artikel|themen(?:bereiche)?)|
              (?:related|recommended|more)\s+(?:articles|stories|posts|reading)|
              auch\s+interessant|zum\s+weiterlesen|mehr\s+zum\s+thema|das\s+k(?:ö|oe)nnte\s+(?:sie|dich)\s+auch\s+interessieren|
              you\s+(?:may|might)\s+also\s+like|read\s+next|
              (?:\d+\s+)?(?:kommentare?|comments?|leserkommentare)|(?:leave|post)\s+a\s+(?:reply|comment)|
              schreibe?\s+(?:einen|deinen)\s+kommentar|hinterlasse\s+(?:jetzt\s+)?einen\s+kommentar|
              kontakt|contact|pressekontakt|press\s+contacts?|media\s+contacts?|medienkontakt|
              ansprechpartner(?:in)?|weitere\s+informationen|more\s+information|further\s+information
            )\s*[.:!]?$",
        )
        .expect("static regex")
    });
    text.chars().count() < 60 && OPENS.is_match(text.trim())
}

/// Is this short paragraph a call to action: follow, subscribe, download
/// the app, support us, write to the editor? Only asked of the body's last
/// paragraphs, where such lines sign off an article.
pub fn is_call_to_action(text: &str) -> bool {
    static CTA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            newsletter|abonnier|subscri|suscr[ií]b|sign\s+up|registrier|
            \bfollow\s+(?:us|the|@|(?:him|her|me|them)\s+on\b)|folg(?:en\s+sie|e)\s+uns|s[ií]guenos|
            download\s+(?:the|our)\b|\bapp\b|telegram|whatsapp|youtube|
            \bsupport\s+(?:us|our)\b|unterst(?:ü|ue)tze|ap(?:ó|o)yanos|(?:ú|u)nete|\bdonate\b|spende|
            lust\s+auf\s+mehr|kennt\s+ihr\s+schon|letters?\s+to\s+the\s+editor|leserbrief|
            we\s+want\s+to\s+hear\s+what\s+you\s+think",
        )
        .expect("static regex")
    });
    let text = text.trim();
    text.chars().count() < 200 && !text.starts_with(['“', '"', '„', '«']) && CTA.is_match(text)
}

/// Is this short block a dateline ("Aktualisiert: 11.04.2020, 10:27",
/// "7. oktober 2020") or a picture credit ("© AFP / Name", "Abbildung 4:
/// ...", "Photograph by ...")? Neither is article text; the date is read
/// from the page's metadata and lead lines elsewhere.
pub fn is_dateline_or_credit(text: &str) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            \b\d{1,2}\s?[./]\s?\d{1,2}\s?[./]\s?(?:\d{4}|\d{2})\b
            | \b\d{4}-\d{2}-\d{2}\b
            | \b\d{1,2}\.?\s+(?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zäéû]*\.?,?\s+\d{4}\b
            | \b(?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zäéû]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
        )
        .expect("static regex")
    });
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)^(?:
              (?:titel|beitrags|vorschau)?bild(?:er|quelle)?\s*:|
              (?:abbildung|abb\.|figure|fig\.)\s*\d*\s*:|
              photograph(?:ed)?\s+by\b|\(?(?:photo\s+)?credits?\s*:|
              quelle\s*:|source\s*:
            )",
        )
        .expect("static regex")
    });
    let text = text.trim();
    let chars = text.chars().count();
    static TIME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b\d{1,2}:\d{2}\b").expect("static regex"));
    // A caption signed with its picture credit: "Protesters on the bridge
    // (Image: Agency)".
    static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\((?:image|photo|foto|bild|credit|picture|pic)s?:[^)]*\)$")
            .expect("static regex")
    });
    if (chars < 200 && CREDIT.is_match(text))
        || (chars < 100 && text.contains('©'))
        || (chars < 300 && SIGNED.is_match(text))
    {
        return true;
    }
    // A tweet's signature ("— Name (@handle) May 2, 2019") belongs to the
    // quoted tweet.
    if chars >= 80 || text.contains('@') || !DATE.is_match(text) {
        return false;
    }
    // What is left besides the dates and times: a label or two at most.
    let rest = DATE.replace_all(text, " ");
    let rest = TIME.replace_all(&rest, " ");
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .count()
        <= 4
}
