//! Phrase patterns that stay fast on Finnish and Swedish text.
//!
//! The rules' patterns use Unicode word boundaries (`\b`). The regex crate's lazy DFA cannot
//! evaluate a Unicode word boundary once it meets a non-ASCII byte — in every "ä", "ö" and "å" —
//! and falls back to its NFA simulation, which is tens of times slower: profiling the checker
//! on the largest corpus notice showed 80 % of the time there. So each pattern with a word
//! boundary is searched in two steps that give exactly the matches of the pattern as written:
//! the same pattern with its word boundaries left out (a superset, which the DFA scans at full
//! speed) finds candidates, and the exact pattern, anchored at a candidate's start, confirms it.
//! Leftmost-first order is kept: a candidate that does not hold moves the search on by one
//! character.

use regex_automata::meta;
use regex_automata::{Anchored, Input};
use std::ops::Range;
use std::sync::OnceLock;

/// One compiled pattern (usually a whole phrase list joined by `|`).
pub struct Pattern {
    source: String,
    /// Searches the text: the exact pattern, or the pattern without its word boundaries.
    scan: meta::Regex,
    /// The exact pattern, for anchored confirmation; `None` when `scan` is exact. Compiled when
    /// the scan first finds a candidate: most lists find none in most texts, and compiling
    /// the exact twin of each up front was half of the patterns' build time.
    exact: Option<OnceLock<meta::Regex>>,
    /// The exact pattern as a `regex::Regex`, compiled on first use of capture groups.
    captures: OnceLock<regex::Regex>,
}

/// One match: a byte range of the text searched.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Hit<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

impl Pattern {
    /// Compile `source` (regex syntax, flags included).
    pub fn new(source: &str) -> Result<Self, String> {
        let source = &narrowed(source);
        let loose = loosened(source);
        let (scan, exact) = if loose == *source {
            (build(source)?, None)
        } else {
            // The exact pattern parses whenever the loose one does (it only adds assertions);
            // parsing checks it here without compiling it.
            regex_automata::util::syntax::parse(source).map_err(|e| e.to_string())?;
            (build(&loose)?, Some(OnceLock::new()))
        };
        Ok(Pattern {
            source: source.to_string(),
            scan,
            exact,
            captures: OnceLock::new(),
        })
    }

    /// Every match, leftmost first, not overlapping — as `regex::Regex::find_iter` gives.
    pub fn find_iter<'p, 't>(&'p self, text: &'t str) -> impl Iterator<Item = Hit<'t>> + 'p
    where
        't: 'p,
    {
        let mut at = 0;
        std::iter::from_fn(move || {
            let h = self.find_at(text, at)?;
            // A pattern never matches the empty string (a test keeps it so); be safe anyway.
            at = if h.end > h.start {
                h.end
            } else {
                next_char(text, h.end)
            };
            Some(h)
        })
    }

    /// The leftmost match at or after byte `from` (the text before it still counts as context).
    pub fn find_at<'t>(&self, text: &'t str, mut from: usize) -> Option<Hit<'t>> {
        while from <= text.len() {
            let cand = self.scan.find(Input::new(text).range(from..))?;
            let Some(exact) = self.exact() else {
                return Some(Hit {
                    text,
                    start: cand.start(),
                    end: cand.end(),
                });
            };
            let anchored = Input::new(text)
                .range(cand.start()..)
                .anchored(Anchored::Yes);
            if let Some(m) = exact.find(anchored) {
                return Some(Hit {
                    text,
                    start: m.start(),
                    end: m.end(),
                });
            }
            if cand.start() >= text.len() {
                return None;
            }
            from = next_char(text, cand.start());
        }
        None
    }

    /// The exact pattern (compiled on first use), when the scan is looser than it.
    fn exact(&self) -> Option<&meta::Regex> {
        let cell = self.exact.as_ref()?;
        Some(cell.get_or_init(|| {
            build(&self.source).expect("the exact pattern parsed when the scan was built")
        }))
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Hit<'t>> {
        self.find_at(text, 0)
    }

    pub fn is_match(&self, text: &str) -> bool {
        if self.exact.is_none() {
            return self.scan.is_match(text);
        }
        self.find(text).is_some()
    }

    /// The exact pattern as a `regex::Regex`, for capture groups (used by few lists, on short
    /// texts, after [`Pattern::is_match`] has said there is something to capture).
    pub fn regex(&self) -> &regex::Regex {
        self.captures.get_or_init(|| {
            regex::Regex::new(&self.source).expect("the pattern compiled once already")
        })
    }
}

/// One pattern on the meta engine. Patterns with long negated classes ("[^.;\n]{0,90}") need
/// more than the default 2 MB lazy-DFA cache, or the regex silently runs on its slow NFA
/// engine; the cache grows only as far as a search needs.
fn build(source: &str) -> Result<meta::Regex, String> {
    meta::Builder::new()
        .configure(meta::Config::new().hybrid_cache_capacity(16 << 20))
        .build(source)
        .map_err(|e| e.to_string())
}

fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

/// The letters of the Latin script (Finnish, Swedish, English and every other European
/// language written in it), for `\w`, `\p{L}` and `\p{Lu}` in the patterns.
///
/// Unicode's own classes hold some 700 ranges each, and case-insensitive matching folds
/// every one of them again: compiling the rules' lists with them took 240 ms on a
/// process's first check, most of it turning those classes into UTF-8 automata (issue 13's
/// < 100 ms). The notices are written in Latin letters, so a word character here is a
/// Latin letter, a digit 0–9 or `_`. `\b` keeps Unicode's definition; the two agree on
/// every letter a notice uses.
const LATIN_LETTERS: &str =
    r"A-Za-z\u{AA}\u{B5}\u{BA}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{1E00}-\u{1EFF}";
/// Upper-case Latin letters (Latin Extended-A alternates cases; all of it is allowed).
const LATIN_UPPER: &str = r"A-Z\u{C0}-\u{D6}\u{D8}-\u{DE}\u{100}-\u{17F}\u{1E00}-\u{1EFF}";

/// `source` with `\w`, `\d`, `\p{L}` and `\p{Lu}` narrowed to [`LATIN_LETTERS`] and 0–9, and
/// their negations (`\W`, `\D`, `\P{L}`, `\P{Lu}`) to the complements of the same classes
/// (escaped backslashes kept; inside a class the narrowed class nests, which the syntax
/// allows).
fn narrowed(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' || i + 1 == chars.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let rest: String = chars[i + 1..chars.len().min(i + 6)].iter().collect();
        let (class, used) = match chars[i + 1] {
            'w' => (format!("[0-9_{LATIN_LETTERS}]"), 2),
            'W' => (format!("[^0-9_{LATIN_LETTERS}]"), 2),
            'd' => ("[0-9]".to_string(), 2),
            'D' => ("[^0-9]".to_string(), 2),
            'p' if rest.starts_with("p{Lu}") => (format!("[{LATIN_UPPER}]"), 6),
            'p' if rest.starts_with("p{L}") => (format!("[{LATIN_LETTERS}]"), 5),
            'p' if rest.starts_with("pL") => (format!("[{LATIN_LETTERS}]"), 3),
            'P' if rest.starts_with("P{Lu}") => (format!("[^{LATIN_UPPER}]"), 6),
            'P' if rest.starts_with("P{L}") => (format!("[^{LATIN_LETTERS}]"), 5),
            'P' if rest.starts_with("PL") => (format!("[^{LATIN_LETTERS}]"), 3),
            n => (format!("\\{n}"), 2),
        };
        out.push_str(&class);
        i += used;
    }
    out
}

/// The scan pattern for `source`: every `\b` and `\B` left out, and a class repeated up to
/// ten or more times (`[^.;\n]{0,90}`) repeated without a bound (escaped backslashes and the
/// insides of classes kept). Each change only widens what the pattern matches, and a bounded
/// repeat of a class is compiled once per repetition: it made one list cost 20 ms.
fn loosened(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut class_depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\\' => match chars.get(i) {
                Some('b' | 'B') if class_depth == 0 => {
                    i += 1;
                    // `\b{start}` and friends: drop the braces too.
                    if chars.get(i) == Some(&'{') {
                        while i < chars.len() && chars[i] != '}' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
                Some(&n) => {
                    out.push('\\');
                    out.push(n);
                    i += 1;
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
                // A `]` first in a class is a literal.
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i) == Some(&']') {
                    out.push(']');
                    i += 1;
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
                if class_depth == 0
                    && let Some(len) = long_bounded_repeat(&chars[i..])
                {
                    out.push('*');
                    i += len;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The length of a `{0,N}` or `{M,N}` with N ≥ 10 at the start of `rest`, if there is one.
fn long_bounded_repeat(rest: &[char]) -> Option<usize> {
    let close = rest.iter().position(|&c| c == '}')?;
    if rest.first() != Some(&'{') {
        return None;
    }
    let inner: String = rest[1..close].iter().collect();
    let (_, hi) = inner.split_once(',')?;
    let hi: usize = hi.trim().parse().ok()?;
    (hi >= 10).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(p: &str, s: &str) -> Vec<String> {
        Pattern::new(p)
            .unwrap()
            .find_iter(s)
            .map(|h| h.as_str().to_string())
            .collect()
    }

    fn reference(p: &str, s: &str) -> Vec<String> {
        regex::Regex::new(p)
            .unwrap()
            .find_iter(s)
            .map(|m| m.as_str().to_string())
            .collect()
    }

    #[test]
    fn boundaries_are_left_out_only_outside_classes_and_escapes() {
        assert_eq!(loosened(r"\bEU\b"), "EU");
        assert_eq!(loosened(r"a\\b[\b]c"), r"a\\b[\b]c");
        assert_eq!(loosened(r"[]\b]x\b"), r"[]\b]x");
        assert_eq!(loosened(r"\b{start}x"), "x");
    }

    #[test]
    fn long_bounded_repeats_of_a_class_are_unbounded_in_the_scan() {
        assert_eq!(loosened(r"a[^.;\n]{0,90}b"), r"a[^.;\n]*b");
        assert_eq!(loosened(r"a[^.]{2,12}b[x]{0,3}"), r"a[^.]*b[x]{0,3}");
        assert_eq!(loosened(r"a\[x]{0,90}"), r"a\[x]{0,90}");
        assert_eq!(loosened(r"a\\[x]{0,90}"), r"a\\[x]*");
        assert_eq!(loosened(r"(ab){0,90}"), r"(ab){0,90}");
    }

    #[test]
    fn word_and_letter_classes_are_narrowed_to_latin_script() {
        assert_eq!(narrowed(r"\\w\d"), r"\\w[0-9]");
        for (p, yes, no) in [
            (r"^\w+$", "Käyttäjä_2", "käyttäjä-2"),
            (r"^\p{Lu}\p{L}+$", "Åström", "åström"),
            (r"^[\p{L}-]+$", "Šárka-Øberg", "Šárka Øberg"),
            // The negations are the complements of the narrowed classes.
            (r"^a\Wb$", "a-b", "aäb"),
            (r"^\D+$", "kymmenen", "10"),
            (r"^\P{L}+$", "12-3", "1ä3"),
            (r"^x\P{Lu}$", "xä", "xÄ"),
            (r"^[\W\d]+$", "1 2", "1ö2"),
        ] {
            let pat = Pattern::new(p).unwrap();
            assert!(pat.is_match(yes), "{p} on {yes}");
            assert!(!pat.is_match(no), "{p} on {no}");
        }
    }

    #[test]
    fn matches_equal_the_exact_pattern_on_finnish_and_swedish_text() {
        let cases = [
            (
                r"(?i)\bsuostum\w*|\bEU\b|\bno\b",
                "Käyttösuostumus ei ole suostumus. Neuvonta EU:n alueella, no niin; Eu.",
            ),
            (
                r"(?im)^\s*\d+\.\s|\bkäy\w*\b",
                "1. Käytämme\nkäyttäjä 2. ei\n 3. käy",
            ),
            (r"(?i)\bö\w+|ä\b", "öljy; pää ääni tä"),
            (r"(?i)\bja\b|\bjä\b", "ja jäätelö jä, äja ja"),
        ];
        for (p, s) in cases {
            assert_eq!(all(p, s), reference(p, s), "{p} on {s:?}");
            assert_eq!(
                Pattern::new(p).unwrap().is_match(s),
                regex::Regex::new(p).unwrap().is_match(s)
            );
        }
    }
}
