//! Is the page an article? Non-articles get another page type instead of an
//! invented body: `product` (schema.org Product or `og:type` product),
//! `listing` (little running text, mostly links), `other` (no body at all).

use crate::content::Body;
use crate::jsonld::LdInfo;
use crate::signals::Signals;

/// Classify the page.
pub fn classify(sig: &Signals, ld: &LdInfo, body: &Body, text: &str) -> &'static str {
    let og = sig.meta(&["og:type"]).unwrap_or("").to_ascii_lowercase();
    if !ld.is_article && (og.contains("product") || ld.types.iter().any(|t| t == "Product")) {
        return "product";
    }
    let chars = text.chars().count();
    if chars == 0 {
        return "other";
    }
    let article_evidence =
        ld.is_article || og == "article" || body.method == "jsonld" || body.method == "markup";
    if !article_evidence && chars < 500 && body.link_share > 0.5 {
        return "listing";
    }
    if ld
        .types
        .iter()
        .any(|t| t == "CollectionPage" || t == "ItemList")
        && !ld.is_article
        && chars < 1500
    {
        return "listing";
    }
    "article"
}
