//! Citations of the GDPR in one style per language, kept out of running text: the document
//! prints them in a short note at the end of a section, never inside a sentence.
//!
//! - fi: "6 artiklan 1 kohdan b alakohta", "21 artiklan 2 ja 3 kohta", "15 artikla"
//! - sv: "artikel 6.1 b", "artikel 21.2–3", "artikel 15"
//! - en: "Article 6(1)(b)", "Article 21(2)–(3)", "Article 15"
//!
//! Input is the compact form the model and data use: `15`, `7(3)`, `6(1)(b)`, `21(2)–(3)`.

use crate::text::Lang;

/// A parsed article reference: article, paragraphs (one, or a range of two) and a point.
#[derive(Debug, PartialEq)]
struct Ref {
    article: String,
    paragraphs: Vec<String>,
    point: Option<String>,
}

fn parse(compact: &str) -> Option<Ref> {
    let s = compact.trim();
    let article: String = s.chars().take_while(char::is_ascii_digit).collect();
    if article.is_empty() {
        return None;
    }
    let mut rest = &s[article.len()..];
    let mut groups = Vec::new();
    let mut range = false;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('–').or_else(|| rest.strip_prefix('-')) {
            range = true;
            rest = r;
            continue;
        }
        let r = rest.strip_prefix('(')?;
        let end = r.find(')')?;
        groups.push(r[..end].to_string());
        rest = &r[end + 1..];
    }
    let (paragraphs, point) = match (groups.len(), range) {
        (0, _) => (Vec::new(), None),
        (1, _) => (groups, None),
        (2, true) => (groups, None),
        (2, false) => (vec![groups[0].clone()], Some(groups[1].clone())),
        _ => return None,
    };
    Some(Ref {
        article,
        paragraphs,
        point,
    })
}

/// One GDPR article reference in the style of `lang`, without the regulation's name.
pub fn article(compact: &str, lang: Lang) -> String {
    let Some(r) = parse(compact) else {
        return compact.to_string();
    };
    let a = &r.article;
    match lang {
        Lang::Fi => match (r.paragraphs.as_slice(), &r.point) {
            ([], _) => format!("{a} artikla"),
            ([p], None) => format!("{a} artiklan {p} kohta"),
            ([p], Some(x)) => format!("{a} artiklan {p} kohdan {x} alakohta"),
            ([p, q], _) => format!("{a} artiklan {p} ja {q} kohta"),
            _ => compact.to_string(),
        },
        Lang::Sv => match (r.paragraphs.as_slice(), &r.point) {
            ([], _) => format!("artikel {a}"),
            ([p], None) => format!("artikel {a}.{p}"),
            ([p], Some(x)) => format!("artikel {a}.{p} {x}"),
            ([p, q], _) => format!("artikel {a}.{p}–{q}"),
            _ => compact.to_string(),
        },
        Lang::En => match (r.paragraphs.as_slice(), &r.point) {
            ([], _) => format!("Article {a}"),
            ([p], None) => format!("Article {a}({p})"),
            ([p], Some(x)) => format!("Article {a}({p})({x})"),
            ([p, q], _) => format!("Article {a}({p})–({q})"),
            _ => compact.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_style_per_language() {
        let cases = [
            ("15", ["15 artikla", "artikel 15", "Article 15"]),
            (
                "7(3)",
                ["7 artiklan 3 kohta", "artikel 7.3", "Article 7(3)"],
            ),
            (
                "6(1)(b)",
                [
                    "6 artiklan 1 kohdan b alakohta",
                    "artikel 6.1 b",
                    "Article 6(1)(b)",
                ],
            ),
            (
                "9(2)(a)",
                [
                    "9 artiklan 2 kohdan a alakohta",
                    "artikel 9.2 a",
                    "Article 9(2)(a)",
                ],
            ),
            (
                "21(2)–(3)",
                [
                    "21 artiklan 2 ja 3 kohta",
                    "artikel 21.2–3",
                    "Article 21(2)–(3)",
                ],
            ),
            (
                "22(3)",
                ["22 artiklan 3 kohta", "artikel 22.3", "Article 22(3)"],
            ),
        ];
        for (input, [fi, sv, en]) in cases {
            assert_eq!(article(input, Lang::Fi), fi);
            assert_eq!(article(input, Lang::Sv), sv);
            assert_eq!(article(input, Lang::En), en);
        }
    }

    #[test]
    fn unknown_forms_are_printed_as_given() {
        assert_eq!(article("x", Lang::Fi), "x");
        assert_eq!(article("6(1", Lang::En), "6(1");
    }
}
