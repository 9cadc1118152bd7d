//! A register name that lists several registers — "jäsen-, asukas- ja kameravalvontarekisteri",
//! "medlems- och kundregister", "customer and marketing register", "Asiakasrekisteri ja
//! markkinointirekisteri" — names as many registers (`Register::activities`), each in full.
//! The name itself is kept as the notice's register name; everything the notice says stays
//! shared by all the registers until the owner assigns it (the report says so).
//!
//! The rule reads the name, not a list of names: the last word must end in a register noun of
//! the language (`registers.heads` in `import.json`), and the words before it must be its
//! coordinated parts — truncated compounds ("jäsen-"), whole register words, or (in English)
//! plain modifiers — joined by commas and one conjunction (`registers.and`).

use super::vocab::vocab;
use crate::text::Lang;

/// The registers a register name lists, each named in full, or nothing when it names one.
pub(super) fn split(name: &str, lang: Lang) -> Vec<String> {
    let words = &vocab().registers;
    let heads = words
        .heads
        .get(lang.code())
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let ands = words.and.get(lang.code()).map(Vec::as_slice).unwrap_or(&[]);
    // Words with their trailing commas split off: "jäsen-," → "jäsen-", ",".
    let mut toks: Vec<String> = Vec::new();
    for w in name.split_whitespace() {
        let w = w.trim_end_matches(['.', ':', ';']);
        match w.strip_suffix(',') {
            Some(head) if !head.is_empty() => {
                toks.push(head.to_string());
                toks.push(",".into());
            }
            _ => toks.push(w.to_string()),
        }
    }
    let Some(last) = toks.last() else {
        return Vec::new();
    };
    let lower = last.to_lowercase();
    let Some(head) = heads.iter().find(|h| lower.ends_with(h.as_str())) else {
        return Vec::new();
    };
    let english = lang == Lang::En;
    // In English the head is a word of its own ("customer and marketing register"); the last
    // part is the word before it. Elsewhere it ends the last word ("kameravalvontarekisteri").
    let (mut parts, mut i) = if english {
        if lower != *head || toks.len() < 4 {
            return Vec::new();
        }
        (vec![toks[toks.len() - 2].clone()], toks.len() - 2)
    } else {
        (vec![last.clone()], toks.len() - 1)
    };
    // Walk back: one conjunction right before the last part, then parts joined by commas.
    let is_and = |t: &str| ands.iter().any(|a| a.eq_ignore_ascii_case(t));
    if i == 0 || !is_and(&toks[i - 1]) {
        return Vec::new();
    }
    i -= 1;
    loop {
        if i == 0 {
            break;
        }
        // "customer register and marketing register": an English part may repeat the head.
        if english && i >= 2 && heads.iter().any(|h| toks[i - 1].eq_ignore_ascii_case(h)) {
            i -= 1;
        }
        let t = &toks[i - 1];
        let t_lower = t.to_lowercase();
        let part = if english {
            t.chars().all(|c| c.is_alphabetic() || c == '-') && !is_and(t)
        } else {
            (t.ends_with('-') && t.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                || t_lower.ends_with(head.as_str())
        };
        if !part {
            break;
        }
        parts.push(t.clone());
        i -= 1;
        // Another part only after a comma.
        if i >= 1 && toks[i - 1] == "," {
            i -= 1;
            continue;
        }
        break;
    }
    if parts.len() < 2 {
        return Vec::new();
    }
    parts.reverse();
    // Each part names one register: "registers" after English parts becomes "register".
    let one = if english {
        head.strip_suffix('s').unwrap_or(head)
    } else {
        head.as_str()
    };
    let full = |p: &str| -> String {
        let whole = if english {
            format!("{p} {one}")
        } else if let Some(stem) = p.strip_suffix('-') {
            format!("{stem}{head}")
        } else {
            p.to_string()
        };
        let mut c = whole.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => whole,
        }
    };
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        let n = full(&p);
        if !out.iter().any(|o| o.to_lowercase() == n.to_lowercase()) {
            out.push(n);
        }
    }
    if out.len() < 2 { Vec::new() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinated_register_names_are_split_in_full() {
        let cases: &[(&str, Lang, &[&str])] = &[
            (
                "Kylän Mökit ry:n jäsen-, asukas- ja kameravalvontarekisteri",
                Lang::Fi,
                &[
                    "Jäsenrekisteri",
                    "Asukasrekisteri",
                    "Kameravalvontarekisteri",
                ],
            ),
            (
                "Asiakas- ja markkinointirekisteri",
                Lang::Fi,
                &["Asiakasrekisteri", "Markkinointirekisteri"],
            ),
            (
                "Asiakasrekisteri sekä markkinointirekisteri",
                Lang::Fi,
                &["Asiakasrekisteri", "Markkinointirekisteri"],
            ),
            (
                "Föreningens medlems- och kundregister",
                Lang::Sv,
                &["Medlemsregister", "Kundregister"],
            ),
            (
                "Customer and marketing register",
                Lang::En,
                &["Customer register", "Marketing register"],
            ),
            (
                "Member, donor and volunteer registers",
                Lang::En,
                &["Member register", "Donor register", "Volunteer register"],
            ),
        ];
        for (name, lang, want) in cases {
            assert_eq!(split(name, *lang), *want, "{name}");
        }
    }

    #[test]
    fn a_name_of_one_register_or_of_another_thing_is_left_alone() {
        for (name, lang) in [
            ("Asiakasrekisteri", Lang::Fi),
            ("Jäsenrekisterin rekisteri- ja tietosuojaseloste", Lang::Fi),
            ("Rekisteri- ja tietosuojaseloste", Lang::Fi),
            ("HKL-Kesämajat ry:n jäsenrekisteri", Lang::Fi),
            ("Kundregister", Lang::Sv),
            ("Customer register", Lang::En),
            ("Privacy notice and cookie policy", Lang::En),
            ("Terms and register", Lang::En),
            ("A- ja B", Lang::Fi),
        ] {
            assert!(
                split(name, lang).is_empty(),
                "{name}: {:?}",
                split(name, lang)
            );
        }
    }
}
