//! Dates as notices write them: `12.3.2024`, `2024-03-12`, `12/3/2024`, `3/2024`,
//! "1. toukokuuta 2024", "tammikuu 2025", "2 June 2026", "June 2, 2026", "den 2 juni 2026".
//! A date with a day becomes `YYYY-MM-DD`; one that names only a month becomes `YYYY-MM`
//! (the model keeps what the notice said and no more). The months' names come from the same
//! table the notice is written with (`output.json`), so the reader and the writer agree.

use crate::document::month_names;
use crate::text::Lang;
use regex::Regex;
use std::sync::OnceLock;

struct Res {
    iso: Regex,
    dotted: Regex,
    slashed: Regex,
    month_slash: Regex,
    named: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("valid regex");
        // Every month word: the Finnish name with any ending ("toukokuuta", "toukokuussa"),
        // the Swedish and English names and their three-letter abbreviations ("Jan.", "sept").
        let mut words: Vec<String> = Vec::new();
        for lang in Lang::ALL {
            for name in month_names(lang) {
                let name = regex::escape(&name.to_lowercase());
                match lang {
                    Lang::Fi => words.push(format!(r"{name}\w*")),
                    Lang::Sv | Lang::En => {
                        words.push(name.clone());
                        words.push(name.chars().take(3).collect());
                    }
                }
            }
        }
        words.push("sept".into());
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        let month = words.join("|");
        Res {
            iso: r(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
            dotted: r(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b"),
            slashed: r(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"),
            month_slash: r(r"\b(\d{1,2})/(\d{4})\b"),
            named: r(&format!(
                r"(?i)\b(?:(\d{{1,2}})(?:\.|st|nd|rd|th)?\s+)?({month})\.?,?\s+(?:(\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(\d{{4}})\b"
            )),
        }
    })
}

/// The month a word names (1–12), in any of the three languages. English writes its months
/// with a capital, so a lower-case "may" is the verb, not May.
fn month_of(word: &str) -> Option<u32> {
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let w = word.trim_end_matches('.').to_lowercase();
    for lang in Lang::ALL {
        if lang == Lang::En && !capital {
            continue;
        }
        for (i, name) in month_names(lang).iter().enumerate() {
            let name = name.to_lowercase();
            let hit = match lang {
                Lang::Fi => w.starts_with(&name),
                Lang::Sv | Lang::En => {
                    w == name || (w.chars().count() >= 3 && name.starts_with(&w))
                }
            };
            if hit {
                return Some(i as u32 + 1);
            }
        }
    }
    None
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn day_date(y: u32, m: u32, d: u32) -> Option<String> {
    let real = time::Month::try_from(m as u8)
        .ok()
        .and_then(|month| time::Date::from_calendar_date(y as i32, month, d as u8).ok())
        .is_some();
    (valid(y, m, d) && real).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn month_date(y: u32, m: u32) -> Option<String> {
    valid(y, m, 1).then(|| format!("{y:04}-{m:02}"))
}

/// The first date in the text, as `YYYY-MM-DD` (or `YYYY-MM` when only the month is named),
/// with the text it was read from.
pub fn find_date(s: &str) -> Option<(String, String)> {
    // Every form has a four-digit year: a line without four digits in a row has no date (most
    // lines, so the patterns below run on few).
    let four_digits = s
        .as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4);
    if !four_digits {
        return None;
    }
    let r = res();
    let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let mut found: Vec<(usize, String, String)> = Vec::new();
    let mut take = |c: regex::Captures, value: Option<String>| {
        if let Some(v) = value {
            let m = c.get(0).expect("whole match");
            found.push((m.start(), v, m.as_str().to_string()));
        }
    };
    for c in r.iso.captures_iter(s) {
        let v = day_date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
        take(c, v);
    }
    for c in r.dotted.captures_iter(s) {
        let v = day_date(num(&c, 3)?, num(&c, 2)?, num(&c, 1)?);
        take(c, v);
    }
    for c in r.slashed.captures_iter(s) {
        let (a, b, y) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
        // Day first, as Finnish and British writers do; month first only when the day
        // cannot be the month (12/31/2024).
        let v = if b > 12 && a <= 12 {
            day_date(y, a, b)
        } else {
            day_date(y, b, a)
        };
        take(c, v);
    }
    for c in r.month_slash.captures_iter(s) {
        // "6/2021", but not the "3/2024" inside "12/3/2024".
        let start = c.get(0).map_or(0, |m| m.start());
        if s[..start].ends_with('/') {
            continue;
        }
        let v = month_date(num(&c, 2)?, num(&c, 1)?);
        take(c, v);
    }
    for c in r.named.captures_iter(s) {
        let month = month_of(&c[2]);
        let day = num(&c, 1).or_else(|| num(&c, 3));
        let year = num(&c, 4);
        let v = match (month, day, year) {
            (Some(m), Some(d), Some(y)) => day_date(y, m, d),
            (Some(m), None, Some(y)) => month_date(y, m),
            _ => None,
        };
        take(c, v);
    }
    found.sort_by_key(|(start, _, text)| (*start, std::cmp::Reverse(text.len())));
    found.into_iter().next().map(|(_, v, t)| (v, t))
}

#[cfg(test)]
mod tests {
    use super::find_date;

    #[test]
    fn every_common_form() {
        for (text, want) in [
            ("Laatimispäivämäärä 25.5.2018", "2018-05-25"),
            ("päivitetty 1. 2. 2023", "2023-02-01"),
            ("Updated 2024-03-09", "2024-03-09"),
            ("Viimeksi päivitetty 19/10/2023.", "2023-10-19"),
            ("Last revised 12/31/2024", "2024-12-31"),
            ("Päivitetty 12/2021", "2021-12"),
            ("6/2021", "2021-06"),
            ("_Päivitetty 1. toukokuuta 2024._", "2024-05-01"),
            ("Päivitetty: tammikuu 2025", "2025-01"),
            ("päivitetty maaliskuussa 2024", "2024-03"),
            ("Last updated: 2 June 2026", "2026-06-02"),
            ("Last updated June 2, 2026", "2026-06-02"),
            ("Updated March 2024", "2024-03"),
            ("Uppdaterad den 2 juni 2026", "2026-06-02"),
            ("Senast ändrad i januari 2025", "2025-01"),
            ("Effective 1st Sept. 2025", "2025-09-01"),
        ] {
            assert_eq!(
                find_date(text).map(|d| d.0).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn what_is_not_a_date() {
        for text in [
            "asetus (EU) 2016/679",
            "10 vuotta",
            "31.2.2024",
            "13/2024",
            "We may 2024 change",
            "Kesäkuussa",
            "puh. 040 123 4567",
        ] {
            assert_eq!(find_date(text), None, "{text}");
        }
    }

    #[test]
    fn the_matched_text_is_the_date_alone() {
        let (_, m) = find_date("Päivitetty 1. toukokuuta 2024.").unwrap();
        assert_eq!(m, "1. toukokuuta 2024");
        let (_, m) = find_date("Last updated: June 2, 2026 by us").unwrap();
        assert_eq!(m, "June 2, 2026");
    }
}
