//! Reviewed snapshots of the words Seloste writes: the plain text of every starting point
//! (`tests/fixtures/reference/`) in Finnish, Swedish and English, first layer included. A wording
//! change anywhere — a data file, a derivation, a template string — shows up in the diff of
//! `tests/integration/snapshots/*.txt`, where it is read and reviewed like code.
//!
//! After a deliberate change: `UPDATE_EXPECT=1 cargo test --test integration snapshots`, then
//! read the diff aloud as the customer who receives the notice.

use crate::util::{fixture, load};
use expect_test::expect_file;
use seloste::Lang;
use seloste::document;

fn references() -> Vec<(String, std::path::PathBuf)> {
    let mut v: Vec<_> = std::fs::read_dir(fixture("reference"))
        .expect("tests/fixtures/reference")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    v.sort();
    v
}

#[test]
fn every_starting_point_reads_as_reviewed_in_three_languages() {
    let refs = references();
    assert!(refs.len() >= 6, "the six starting points at least");
    for (name, path) in refs {
        let notice = load(&path);
        for lang in Lang::ALL {
            let text = document::build(&notice, lang).to_plain_text();
            expect_file![format!("snapshots/{name}.{}.txt", lang.code())].assert_eq(&(text + "\n"));
        }
    }
}

#[test]
fn the_first_layer_is_short_and_links_to_its_sections() {
    for (name, path) in references() {
        let notice = load(&path);
        for lang in Lang::ALL {
            let doc = document::build(&notice, lang);
            let first = doc.section("summary").unwrap_or_else(|| panic!("{name} {lang}: no first layer"));
            let document::Block::List { items } = &first.blocks[0] else {
                panic!("{name} {lang}: the first layer is one list");
            };
            assert!(items.len() <= 8, "{name} {lang}: {} lines", items.len());
            let words: usize = items
                .iter()
                .map(|i| i.iter().map(|x| x.to_plain().split_whitespace().count()).sum::<usize>())
                .sum();
            assert!(words <= 150, "{name} {lang}: {words} words in the first layer");
            for item in items {
                if let Some(document::Inline::Link { href, .. }) = item.first() {
                    let id = href.trim_start_matches("#seloste-");
                    assert!(doc.section(id).is_some(), "{name} {lang}: link to missing {id}");
                }
            }
            // The copyable first layer points into the published notice.
            let copy = document::first_layer(&notice, lang, "https://example.fi/tietosuoja").unwrap();
            let document::Block::List { items } = &copy.blocks[0] else { unreachable!() };
            assert!(items.iter().any(|i| matches!(i.first(),
                Some(document::Inline::Link { href, .. }) if href.starts_with("https://example.fi/tietosuoja#seloste-"))));
        }
    }
}

/// Words of plain text per starting point (`--nocapture` prints the table). Before issue 12 the
/// sole trader's starting point had 1,085 words in Finnish with no first layer; it must stay
/// shorter while carrying every Art. 13/14 item (the catalogue tests check those).
#[test]
fn starting_points_stay_short() {
    let words = |n: &seloste::Notice, lang| document::build(n, lang).to_plain_text().split_whitespace().count();
    println!("{:<26} {:>6} {:>6} {:>6} | reference fi/sv/en", "starting point", "fi", "sv", "en");
    for p in seloste::catalogue::presets() {
        let reference = load(&fixture(&format!("reference/{}.json", p.key)));
        let row: Vec<usize> = Lang::ALL.iter().map(|&l| words(&p.notice, l)).collect();
        let refs: Vec<usize> = Lang::ALL.iter().map(|&l| words(&reference, l)).collect();
        println!("{:<26} {:>6} {:>6} {:>6} | {:?}", p.key, row[0], row[1], row[2], refs);
        if p.key == "sole_trader_customers" {
            assert!(row[0] < 1085, "the sole trader's notice grew back: {} words", row[0]);
        }
    }
}

/// Notices of several registers, reviewed like the starting points: a sports club's members
/// and camera (every item a register's own), and the interview's restaurant with a camera.
#[test]
fn notices_of_several_registers_read_as_reviewed_in_three_languages() {
    use seloste::interview::{Answers, build};
    let club = load(&fixture("model/v2_club_camera.json"));
    let restaurant = build(&Answers {
        lang: None,
        trade: "restaurant".into(),
        yes: [("camera", true), ("website", false), ("accountant", true)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        services: Default::default(),
    })
    .unwrap();
    for (name, notice) in [("registers_club", club), ("registers_restaurant_camera", restaurant)] {
        for lang in Lang::ALL {
            let text = document::build(&notice, lang).to_plain_text();
            expect_file![format!("snapshots/{name}.{}.txt", lang.code())].assert_eq(&(text + "\n"));
        }
    }
}
