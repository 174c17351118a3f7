//! CAMEO codes, their PLOVER types and the PentaClass they fall in.
//!
//! The table ([`super::cameo_table::CAMEO_TABLE`]) is the CAMEO code list
//! joined with the CAMEO-to-PLOVER crosswalk. PentaClass is the five-way
//! grouping of CAMEO roots used by the evaluation data: 01-02 statement,
//! 03-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
//! conflict, 14-20 material conflict.

use super::cameo_table::CAMEO_TABLE;

/// The five CAMEO PentaClasses, in label order (0-4).
pub const PENTA_NAMES: [&str; 5] = [
    "statement",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// What the table says about one CAMEO code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CameoInfo {
    pub code: &'static str,
    /// PLOVER event type (`AGREE`...) or `STATEMENT`.
    pub plover: &'static str,
    /// PLOVER mode, when the crosswalk gives one.
    pub mode: Option<&'static str>,
    /// PLOVER context, when the crosswalk gives one.
    pub context: Option<&'static str>,
    pub label: &'static str,
}

/// The table entry for `code`, or for its nearest listed parent.
pub fn info(code: &str) -> Option<CameoInfo> {
    if code.len() == 2 {
        return info(&format!("{code}0"));
    }
    let mut c = code;
    while c.len() >= 3 {
        if let Ok(i) = CAMEO_TABLE.binary_search_by(|row| row.0.cmp(c)) {
            let (code, plover, mode, context, label) = CAMEO_TABLE[i];
            let opt = |s: &'static str| (!s.is_empty()).then_some(s);
            return Some(CameoInfo {
                code,
                plover,
                mode: opt(mode),
                context: opt(context),
                label,
            });
        }
        c = &c[..c.len() - 1];
    }
    None
}

/// The CAMEO root (1-20) of a code, if it is one.
pub fn root(code: &str) -> Option<u8> {
    let r: u8 = code.get(..2)?.parse().ok()?;
    (1..=20).contains(&r).then_some(r)
}

/// The PentaClass (0-4) of a CAMEO code.
pub fn penta(code: &str) -> Option<u8> {
    Some(match root(code)? {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    })
}

/// The PentaClass of a PLOVER type (both the 2016 draft names of the gold
/// standard sentences and the current ones), if it has one.
pub fn penta_of_plover(plover: &str) -> Option<u8> {
    Some(match plover {
        "STATEMENT" => 0,
        "AGREE" | "CONSULT" | "SUPPORT" => 1,
        "COOPERATE" | "AID" | "CONCEDE" | "RETREAT" => 2,
        "INVESTIGATE" | "DEMAND" | "REQUEST" | "DISAPPROVE" | "ACCUSE" | "REJECT" | "THREATEN" => 3,
        "PROTEST" | "MOBILIZE" | "SANCTION" | "COERCE" | "ASSAULT" | "FIGHT" => 4,
        _ => return None,
    })
}

/// The code to use when the sentence is of class `class` but no trigger of
/// that class was found.
pub fn default_code(class: u8) -> &'static str {
    match class {
        0 => "010",
        1 => "040",
        2 => "060",
        3 => "110",
        _ => "190",
    }
}

/// The same request coded in the other PentaClass: CAMEO keeps appeals (02x,
/// statements) and demands (10x, verbal conflict) parallel, and PLOVER folds
/// both into REQUEST. Returns the counterpart of `code` in `class`, if any.
pub fn request_in_class(code: &str, class: u8) -> Option<String> {
    let r = root(code)?;
    let rest = &code[2..];
    match (r, class) {
        (2, 3) => Some(format!("10{rest}")),
        (10, 0) => Some(format!("02{rest}")),
        _ => None,
    }
    .filter(|c| info(c).is_some())
}

/// The verbal counterpart, in `class`, of a material event announced rather
/// than done: CAMEO codes "X will provide aid" as an intent to cooperate
/// (03x, verbal cooperation), "X will impose sanctions" as a threat (13x,
/// verbal conflict), and "X will not release them" as a rejection (12x).
/// `negated` says whether the trigger is negated. Returns `None` when the
/// pair has no counterpart.
pub fn verbal_counterpart(code: &str, class: u8, negated: bool) -> Option<String> {
    let r = root(code)?;
    let c3 = code.get(..3).unwrap_or(code);
    let mapped = match (class, r, negated) {
        (1, 6..=8, false) => match c3 {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            "070" | "075" => "033",
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            "081" => "0351",
            "082" => "0352",
            "083" => "034",
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "031",
        },
        (3, 14..=20, false) => match c3 {
            "161" => "1313",
            "162" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" => "136",
            "172" => "132",
            "191" => "1381",
            "192" => "1382",
            "204" => "1385",
            _ if r == 14 => "133",
            _ if r == 16 || r == 17 => "131",
            _ => "138",
        },
        (3, 3..=8, true) => match c3 {
            "061" | "062" | "063" | "064" | "060" => "121",
            "070" | "071" | "072" | "073" | "074" | "075" => "122",
            "084" => "1243",
            "085" => "1244",
            "086" => "1245",
            "087" => "1246",
            _ if r == 4 || c3 == "036" => "125",
            _ if r == 8 => "124",
            _ => "120",
        },
        (3, 6..=8, false) => match c3 {
            "087" => "136",
            _ => "130",
        },
        _ => return None,
    };
    Some(mapped.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let i = info("112").unwrap();
        assert_eq!(i.plover, "ACCUSE");
        assert_eq!(i.mode, Some("disapprove"));
        assert_eq!(info("0356").unwrap().plover, "AGREE");
        assert_eq!(info("04").unwrap().plover, "CONSULT");
        assert_eq!(info("010").unwrap().plover, "STATEMENT");
        assert_eq!(info("1244").unwrap().plover, "REJECT");
        assert_eq!(info("154").unwrap().plover, "MOBILIZE");
        assert!(info("99").is_none());
    }

    #[test]
    fn classes() {
        assert_eq!(penta("020"), Some(0));
        assert_eq!(penta("0871"), Some(2));
        assert_eq!(penta("139"), Some(3));
        assert_eq!(penta("14"), Some(4));
        assert_eq!(penta("x"), None);
        assert_eq!(request_in_class("1011", 0).as_deref(), Some("0211"));
        assert_eq!(request_in_class("020", 3).as_deref(), Some("100"));
        assert_eq!(request_in_class("112", 0), None);
        assert_eq!(verbal_counterpart("073", 1, false).as_deref(), Some("0333"));
        assert_eq!(verbal_counterpart("163", 3, false).as_deref(), Some("1312"));
        assert_eq!(verbal_counterpart("0841", 3, true).as_deref(), Some("1243"));
        assert_eq!(verbal_counterpart("190", 3, false).as_deref(), Some("138"));
        assert_eq!(verbal_counterpart("190", 1, false), None);
        for (c, _, _, _, _) in super::CAMEO_TABLE {
            for class in [1, 3] {
                for negated in [false, true] {
                    if let Some(v) = verbal_counterpart(c, class, negated) {
                        assert_eq!(penta(&v), Some(class), "{c} -> {v}");
                        assert!(info(&v).is_some(), "{v}");
                    }
                }
            }
            assert!(penta(c).is_some(), "{c}");
        }
    }
}
