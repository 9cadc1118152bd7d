//! HTML export, the document view model and `seloste render`.

use crate::util::{self, fixture, load, seloste, stderr, stdout};
use seloste::Lang;
use seloste::model::{
    ChangeEntry, Cookie, CookieCategory, ExtraSection, LegalBasis, Mechanism, Notice, Party,
    Purpose, Recipient, Role,
};
use seloste::text::Text;
use seloste::{document, render};

fn shop() -> Notice {
    load(&fixture("render/shop.json"))
}

fn purpose(basis: LegalBasis) -> Purpose {
    Purpose {
        text: Text::new(
            "asiakassuhteen hoito",
            "kundrelation",
            "customer relationship",
        ),
        basis: Some(basis),
        interest: if basis == LegalBasis::LegitimateInterest {
            Text::new(
                "asiakassuhteen hoito",
                "att sköta kundrelationen",
                "looking after customers",
            )
        } else {
            Text::default()
        },
        ..Default::default()
    }
}

fn with_bases(bases: &[LegalBasis]) -> Notice {
    let mut n = Notice::default();
    n.controllers.push(Party {
        name: "Testi Oy".into(),
        ..Default::default()
    });
    n.purposes.items = bases.iter().map(|&b| purpose(b)).collect();
    n
}

/// A notice whose every user field tries to inject markup or script.
fn hostile() -> Notice {
    const SCRIPT: &str = "<script>alert(1)</script>";
    const IMG: &str = "<img src=x onerror=alert(1)>";
    const JS: &str = "javascript:alert(1)";
    let evil = Text::new(SCRIPT, IMG, format!("{IMG} {SCRIPT}"));
    let mut n = Notice::default();
    n.controllers.push(Party {
        name: format!("{SCRIPT} Oy"),
        business_id: IMG.into(),
        email: JS.into(),
        website: JS.into(),
        phone: "\"><svg onload=alert(1)>".into(),
        ..Default::default()
    });
    n.contact = Some(Party {
        name: IMG.into(),
        email: "x@y.fi\"onmouseover=\"alert(1)".into(),
        website: "data:text/html,<script>alert(1)</script>".into(),
        ..Default::default()
    });
    n.register.name = evil.clone();
    n.purposes.items.push(Purpose {
        text: evil.clone(),
        basis: Some(LegalBasis::LegitimateInterest),
        interest: evil.clone(),
        ..Default::default()
    });
    n.recipients.items.push(Recipient {
        name: SCRIPT.into(),
        description: evil.clone(),
        country: "US".into(),
        mechanism: Some(Mechanism::Scc),
        ..Default::default()
    });
    n.cookies.items.push(Cookie {
        name: IMG.into(),
        provider: SCRIPT.into(),
        purpose: evil.clone(),
        ..Default::default()
    });
    n.rights.how_to = evil.clone();
    n.other.push(ExtraSection {
        heading: evil.clone(),
        text: evil,
    });
    n
}

/// Every markup tag (`<…>`) in the output. Escaped user text (`&lt;img …&gt;`) is not a tag.
fn tags(h: &str) -> Vec<&str> {
    let mut v = Vec::new();
    let mut rest = h;
    while let Some(start) = rest.find('<') {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        v.push(&rest[start..end]);
        rest = &rest[end..];
    }
    v
}

fn all_outputs(n: &Notice) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for lang in Lang::ALL {
        v.push((format!("html/{lang}"), render::html(n, lang).unwrap()));
        v.push((
            format!("fragment/{lang}"),
            render::fragment(n, lang).unwrap(),
        ));
    }
    v
}

#[test]
fn standalone_document_is_html5_in_each_language() {
    let n = shop();
    for lang in Lang::ALL {
        let h = render::html(&n, lang).unwrap();
        assert!(h.starts_with("<!DOCTYPE html>"), "{lang}");
        assert!(h.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        assert!(h.contains("<meta charset=\"utf-8\">"));
        assert!(h.contains("@media print"));
        assert_eq!(h.matches("<h1").count(), 1);
        assert!(h.contains("<ul>") && h.contains("<li>"));
    }
    let sv = render::html(&n, Lang::Sv).unwrap();
    assert!(sv.contains("<html lang=\"sv\">"));
    assert!(sv.contains("Dataskyddsbeskrivning"));
}

#[test]
fn headings_of_legal_md_section_7_are_present_in_order() {
    // The order of legal.md §7, in headings a customer understands (issue 12): the classic
    // terms stay recognisable ("Rekisterinpitäjä", "Evästeet", "oikeusperuste").
    let n = shop();
    let expect: [(Lang, &[&str]); 3] = [
        (
            Lang::Fi,
            &[
                "Tietosuojaseloste",
                "Lyhyesti",
                "Rekisterinpitäjä",
                "Yhteyshenkilö tietosuoja-asioissa",
                "Rekisterin nimi",
                "Keiden tietoja käsittelemme",
                "Miksi käsittelemme tietojasi (tarkoitus ja oikeusperuste)",
                "Mitä tietoja käsittelemme",
                "Mistä saamme tietosi",
                "Kenelle tietoja luovutetaan ja kuka käsittelee niitä puolestamme",
                "Tietojen siirto EU:n ja ETA:n ulkopuolelle",
                "Kuinka kauan säilytämme tietoja",
                "Miten suojaamme tiedot",
                "Evästeet",
                "Automaattinen päätöksenteko ja profilointi",
                "Oikeutesi",
                "Oikeus tehdä valitus valvontaviranomaiselle",
                "Muutokset tähän selosteeseen",
            ],
        ),
        (
            Lang::Sv,
            &[
                "Dataskyddsbeskrivning",
                "I korthet",
                "Personuppgiftsansvarig",
                "Kontaktperson i dataskyddsfrågor",
                "Registrets namn",
                "Vems uppgifter vi behandlar",
                "Varför vi behandlar dina uppgifter (ändamål och rättslig grund)",
                "Vilka uppgifter vi behandlar",
                "Varifrån vi får dina uppgifter",
                "Vem som får uppgifterna och vem som behandlar dem för vår räkning",
                "Överföring utanför EU och EES",
                "Hur länge vi sparar uppgifterna",
                "Hur vi skyddar uppgifterna",
                "Kakor",
                "Automatiserat beslutsfattande och profilering",
                "Dina rättigheter",
                "Rätt att lämna klagomål till tillsynsmyndigheten",
            ],
        ),
        (
            Lang::En,
            &[
                "Privacy notice",
                "In brief",
                "Controller",
                "Contact person for privacy matters",
                "Name of the register",
                "Whose data we process",
                "Why we process your data (purposes and legal basis)",
                "What data we process",
                "Where we get your data",
                "Who receives your data and who processes it for us",
                "Transfers outside the EU and EEA",
                "How long we keep your data",
                "How we protect your data",
                "Cookies",
                "Automated decision-making and profiling",
                "Your rights",
                "Right to complain to the supervisory authority",
            ],
        ),
    ];
    for (lang, headings) in expect {
        let h = render::html(&n, lang).unwrap();
        let mut at = 0;
        for heading in headings {
            let needle = format!(">{}<", html_escape(heading));
            let pos = h[at..]
                .find(&needle)
                .unwrap_or_else(|| panic!("{lang}: heading {heading:?} missing or out of order"));
            at += pos + needle.len();
        }
    }
}

/// Escape like Tera does, for finding expected text in the output.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2F;")
}

#[test]
fn dates_and_change_log_are_formatted_per_language() {
    let mut n = shop();
    n.changes.log.push(ChangeEntry {
        date: "2027-03-12".into(),
        text: Text::fi("lisätty evästeet"),
    });
    let fi = render::html(&n, Lang::Fi).unwrap();
    assert!(fi.contains("Päivitetty 12.3.2027"));
    assert!(fi.contains("Laadittu 1.2.2025"));
    let en = render::html(&n, Lang::En).unwrap();
    assert!(en.contains("Last updated 12 March 2027"));
    let sv = render::html(&n, Lang::Sv).unwrap();
    assert!(sv.contains("Uppdaterad 12.3.2027"));
}

/// The visible text of the rights section.
fn rights_text(n: &Notice, lang: Lang) -> String {
    let doc = document::build(n, lang);
    let only_rights = document::Document {
        sections: vec![doc.section("rights").expect("rights section").clone()],
        ..doc
    };
    only_rights.to_plain_text()
}

#[test]
fn portability_follows_the_bases() {
    let li = rights_text(&with_bases(&[LegalBasis::LegitimateInterest]), Lang::En);
    assert!(!li.contains("Right to data portability"));
    assert!(li.contains("Right to object"));
    assert!(
        li.contains("legal claims"),
        "objection keeps the legal-claims exception"
    );
    let consent = rights_text(&with_bases(&[LegalBasis::Consent]), Lang::En);
    assert!(consent.contains("Right to data portability"));
    let fi = rights_text(&with_bases(&[LegalBasis::Contract]), Lang::Fi);
    assert!(fi.contains("Oikeus siirtää tiedot järjestelmästä toiseen"));
}

#[test]
fn withdrawal_only_with_consent() {
    for lang in Lang::ALL {
        let with = rights_text(
            &with_bases(&[LegalBasis::Consent, LegalBasis::Contract]),
            lang,
        );
        let without = rights_text(
            &with_bases(&[LegalBasis::Contract, LegalBasis::LegitimateInterest]),
            lang,
        );
        let title = [
            "Oikeus peruuttaa suostumus",
            "Rätt att återkalla samtycke",
            "Right to withdraw consent",
        ][lang as usize];
        assert!(with.contains(title), "{lang}");
        assert!(!without.contains(title), "{lang}");
    }
}

#[test]
fn objection_to_direct_marketing_always_and_separately() {
    for n in [
        with_bases(&[]),
        with_bases(&[LegalBasis::LegalObligation]),
        shop(),
    ] {
        let h = render::html(&n, Lang::En).unwrap();
        assert!(h.contains(">Right to object to direct marketing<") || !n.has_direct_marketing());
        let doc = document::build(&n, Lang::En);
        let rights = doc.section("rights").unwrap();
        let own_heading = rights.blocks.iter().any(|b| match b {
            document::Block::Subheading { content } => content.iter().any(|i| {
                i.to_plain()
                    .starts_with("Right to object to direct marketing")
            }),
            _ => false,
        });
        assert_eq!(
            own_heading,
            n.has_direct_marketing(),
            "direct-marketing objection has its own heading exactly when there is direct marketing"
        );
    }
    // Without direct marketing in the notice, the text does not claim there is some.
    let h = render::html(&with_bases(&[LegalBasis::Contract]), Lang::En).unwrap();
    assert!(h.contains("We do not use your data for direct marketing."));
    assert!(!h.contains(">Right to object to direct marketing<"));
}

#[test]
fn complaint_right_has_the_current_authority_details() {
    for n in [Notice::default(), shop()] {
        for lang in Lang::ALL {
            let h = render::html(&n, lang).unwrap();
            assert!(!h.contains("Ratapihantie"), "{lang}");
            assert!(!h.contains("00521"), "{lang}");
            assert!(h.contains("tietosuoja@om.fi"));
            assert!(h.contains("href=\"https:&#x2F;&#x2F;tietosuoja.fi\""));
            match lang {
                Lang::Fi => {
                    assert!(h.contains("Lintulahdenkuja 4, 00530 Helsinki"));
                    assert!(h.contains("PL 800, 00531 Helsinki"));
                    assert!(h.contains("Oikeus tehdä valitus valvontaviranomaiselle"));
                }
                Lang::Sv => {
                    assert!(h.contains("Fågelviksgränden 4, 00530 Helsingfors"));
                    assert!(h.contains("PB 800, 00531 Helsingfors"));
                }
                Lang::En => {
                    assert!(h.contains("Lintulahdenkuja 4"));
                    assert!(h.contains("P.O. Box 800, 00531 Helsinki"));
                }
            }
        }
    }
}

#[test]
fn hostile_user_text_comes_out_inert() {
    for (what, h) in all_outputs(&hostile()) {
        assert!(!h.contains("<script"), "{what}: raw <script");
        assert!(!h.contains("<img"), "{what}: raw <img");
        assert!(!h.contains("<svg"), "{what}: raw <svg");
        for tag in tags(&h) {
            let t = tag.to_lowercase();
            for attr in ["onerror", "onload", "onmouseover"] {
                assert!(!t.contains(attr), "{what}: {attr} inside the tag {tag}");
            }
        }
        assert!(
            !h.to_lowercase().contains("href=\"javascript:"),
            "{what}: javascript: link"
        );
        assert!(
            !h.to_lowercase().contains("href=\"data:"),
            "{what}: data: link"
        );
        // The text itself is still there, escaped, so the owner sees what they wrote.
        assert!(
            h.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"),
            "{what}"
        );
        assert!(h.contains("javascript:alert(1)"), "{what}: shown as text");
    }
}

#[test]
fn no_scripts_and_no_remote_resources() {
    for n in [shop(), hostile()] {
        for (what, h) in all_outputs(&n) {
            assert!(!h.contains("<script"), "{what}");
            assert!(!h.contains("<link"), "{what}");
            assert!(!h.contains("src=\"http"), "{what}");
            assert!(!h.contains("url("), "{what}: no CSS resources");
            assert!(!h.contains("@import"), "{what}");
        }
    }
}

/// The CSS rules of the fragment's stylesheet: selectors of every rule, including the
/// rules nested in `@media`.
fn fragment_selectors(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut buf = String::new();
    for ch in css.chars() {
        match ch {
            '{' => {
                let sel = buf.trim().to_string();
                if !sel.starts_with("@media") {
                    out.extend(sel.split(',').map(|s| s.trim().to_string()));
                    depth += 1;
                }
                buf.clear();
            }
            '}' => {
                if depth > 0 {
                    depth -= 1;
                }
                buf.clear();
            }
            _ if depth == 0 => buf.push(ch),
            _ => {}
        }
    }
    out
}

#[test]
fn fragment_has_no_document_tags_and_scoped_styles() {
    for lang in Lang::ALL {
        let h = render::fragment(&shop(), lang).unwrap();
        assert!(
            !h.contains("<html") && !h.contains("<head") && !h.contains("<body"),
            "{lang}"
        );
        assert!(!h.contains("<!DOCTYPE"));
        assert!(
            h.trim_start().starts_with(&format!(
                "<section class=\"{}\" lang=\"{lang}\">",
                render::SCOPE_CLASS
            )),
            "{lang}: one root element"
        );
        assert!(h.trim_end().ends_with("</section>"));
        // No <style>: HTML allows it only in <head>, and CMS sanitisers strip it. The styles
        // come separately, for the site's stylesheet.
        assert!(!h.contains("<style"), "{lang}");
        let css = render::fragment_css().unwrap();
        assert!(!css.contains('<'), "plain CSS, no tags");
        let sels = fragment_selectors(&css);
        assert!(sels.len() > 10, "parsed the rules");
        for s in sels {
            assert!(
                s.starts_with(".seloste-notice"),
                "{lang}: unscoped selector {s:?}"
            );
        }
        assert!(!css.contains("@page"), "@page cannot be scoped");
        // Its ids do not collide with the host page's.
        assert!(h.contains("id=\"seloste-rights\""));
        assert!(!h.contains("<h1"), "the host page owns its h1");
    }
}

#[test]
fn missing_translation_is_shown_with_a_note() {
    let mut n = shop();
    n.register.name = Text::fi("Asiakasrekisteri");
    n.security.text = Text {
        sv: "Servrarna finns i Finland.".into(),
        en: "Servers are in Finland.".into(),
        ..Default::default()
    };
    let en = render::html(&n, Lang::En).unwrap();
    assert!(en.contains("<span lang=\"fi\">Asiakasrekisteri</span> <span class=\"seloste-note\">(in Finnish only)</span>"));
    let sv = render::html(&n, Lang::Sv).unwrap();
    assert!(sv.contains("(endast på finska)"));
    // Text in sv and en but not fi: shown in Swedish, and the note does not claim "only".
    let fi = render::html(&n, Lang::Fi).unwrap();
    assert!(fi.contains("<span lang=\"sv\">Servrarna finns i Finland.</span> <span class=\"seloste-note\">(tämä kohta ruotsiksi)</span>"));
    assert!(!fi.contains("(vain ruotsiksi)"));
    // The shop fixture's cookie text exists only in Finnish.
    assert!(
        render::html(&shop(), Lang::En)
            .unwrap()
            .contains("(in Finnish only)")
    );
    // Nothing is marked when the translation exists.
    assert!(
        !render::html(&with_bases(&[LegalBasis::Consent]), Lang::Sv)
            .unwrap()
            .contains("seloste-note\">")
    );
}

#[test]
fn empty_optional_sections_have_no_heading() {
    let n = with_bases(&[LegalBasis::Contract]);
    let h = render::html(&n, Lang::Fi).unwrap();
    for heading in [
        "Evästeet",
        "Tietosuojavastaava",
        "Säilytysaika",
        "Rekisterin suojauksen periaatteet",
        "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
        "Automaattinen päätöksenteko ja profilointi",
        "Muutokset tähän selosteeseen",
        "Yhteyshenkilö rekisteriä koskevissa asioissa",
    ] {
        assert!(
            !h.contains(heading),
            "empty section {heading:?} has a heading"
        );
    }
    assert_eq!(h.matches("<h2").count(), h.matches("<section id=").count());
    let doc = document::build(&n, Lang::Fi);
    for s in &doc.sections {
        assert!(!s.blocks.is_empty(), "section {} is empty", s.id);
    }
}

#[test]
fn transfers_are_derived_from_recipients() {
    let en = render::html(&shop(), Lang::En).unwrap();
    assert!(en.contains(
        "EU–US Data Privacy Framework; the Commission&#x27;s standard contractual clauses as fallback"
    ));
    assert!(en.contains(
        "European Commission decision that the country&#x27;s level of data protection is adequate"
    ));
    assert!(
        en.contains("copy of the safeguards"),
        "how to get a copy (Art. 13(1)(f))"
    );
    // Declared "no transfers" but a US recipient: the recipient wins, no false "we do not".
    let mut n = with_bases(&[LegalBasis::Contract]);
    n.transfers.outside_eea = Some(false);
    n.recipients.items.push(Recipient {
        name: "Cloud Inc".into(),
        role: Role::Processor,
        country: "US".into(),
        ..Default::default()
    });
    let h = render::html(&n, Lang::En).unwrap();
    assert!(!h.contains(&html_escape(
        "We do not transfer personal data outside the EU and EEA."
    )));
    assert!(h.contains("no transfer basis given"));
    // Declared "no" and every recipient inside the EEA: said plainly.
    n.recipients.items[0].country = "FI".into();
    let h = render::html(&n, Lang::En).unwrap();
    assert!(h.contains(&html_escape(
        "We do not transfer personal data outside the EU and EEA."
    )));
    // A recipient whose country is not known: no claim either way.
    n.recipients.items[0].country.clear();
    let h = render::html(&n, Lang::En).unwrap();
    assert!(!h.contains("We do not transfer"));
}

#[test]
fn cookies_are_a_table_with_consent() {
    let mut n = shop();
    n.cookies.items.push(Cookie {
        name: "_fbp".into(),
        provider: "Meta".into(),
        category: CookieCategory::Marketing,
        consent: false,
        ..Default::default()
    });
    let h = render::html(&n, Lang::Fi).unwrap();
    assert!(h.contains("<th scope=\"col\">Eväste</th>"));
    assert!(h.contains("<strong>_ga</strong>"));
    assert!(h.contains("vasta suostumuksella"));
    assert!(
        h.contains("ei kysytä suostumusta"),
        "a marketing cookie without consent is not called necessary"
    );
}

#[test]
fn automated_decisions_are_an_explicit_yes_or_no() {
    let h = render::html(&shop(), Lang::Fi).unwrap();
    assert!(
        h.contains("Emme tee sinusta päätöksiä pelkästään automaattisesti emmekä profiloi sinua.")
    );
}

#[test]
fn names_ids_and_emails_are_verbatim() {
    let h = render::html(&shop(), Lang::En).unwrap();
    assert!(h.contains("Mustikka Design Oy"));
    assert!(h.contains("3185601-2"));
    assert!(h.contains("Aino Ääkkönen"));
    assert!(h.contains("<a href=\"mailto:info@mustikkadesign.fi\">info@mustikkadesign.fi</a>"));
    assert!(h.contains("+358 40 123 4567"));
}

#[test]
fn seed_fixtures_render_in_three_languages_with_their_facts() {
    let seeds = util::seed_fixtures();
    assert_eq!(seeds.len(), 5);
    for (name, path) in seeds {
        let n = load(&path);
        for lang in Lang::ALL {
            let h = render::html(&n, lang).unwrap_or_else(|e| panic!("{name} {lang}: {e}"));
            assert!(h.contains(&format!("<html lang=\"{lang}\">")));
            // The generated complaint section carries the current address. (Seed 003's own
            // rights text still quotes the old one verbatim: flagging it is the checker's job;
            // the renderer never rewrites the owner's words.)
            let doc = document::build(&n, lang);
            let complaint = document::Document {
                sections: vec![doc.section("complaint").expect("complaint section").clone()],
                ..doc
            }
            .to_plain_text();
            assert!(!complaint.contains("Ratapihantie"), "{name} {lang}");
            assert!(complaint.contains("00531"), "{name} {lang}");
            assert!(!h.contains("<script"));
            let f = render::fragment(&n, lang).unwrap();
            assert!(!f.contains("<html"));
        }
        // Every fact of the seed appears, verbatim, in the Finnish output.
        let text = document::build(&n, Lang::Fi).to_plain_text();
        let html = render::html(&n, Lang::Fi).unwrap();
        for fact in util::seed_facts(&name) {
            assert!(
                text.contains(&fact),
                "{name}: fact {fact:?} missing from the document"
            );
            assert!(
                html.contains(&html_escape(&fact)),
                "{name}: fact {fact:?} missing from the HTML"
            );
        }
    }
}

// --- the CLI -------------------------------------------------------------------------------

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn cli_renders_to_stdout_and_to_a_file() {
    let path = fixture("render/shop.json");
    let o = seloste(&["render", path.to_str().unwrap(), "--lang", "sv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("<html lang=\"sv\">"));

    let d = tmp();
    let out = d.path().join("seloste.html");
    let o = seloste(&[
        "render",
        path.to_str().unwrap(),
        "--format",
        "fragment",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("<section class=\"seloste-notice\" lang=\"fi\">"));
    // Nothing but the output is left in the folder (the temp file was renamed).
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
}

fn assert_input_error(args: &[&str], mentions: &str) {
    let o = seloste(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    let e = stderr(&o);
    assert!(e.starts_with("seloste: "), "{e}");
    assert_eq!(e.trim_end().lines().count(), 1, "one sentence: {e}");
    assert!(e.contains(mentions), "{e:?} should mention {mentions:?}");
    assert!(!e.contains("panicked"));
    assert!(stdout(&o).is_empty());
}

#[test]
fn cli_bad_input_exits_2_with_one_sentence() {
    let d = tmp();
    let missing = d.path().join("missing.json");
    assert_input_error(&["render", missing.to_str().unwrap()], "Could not read");

    let bad_json = d.path().join("bad.json");
    std::fs::write(&bad_json, "{ \"format\": ").unwrap();
    assert_input_error(&["render", bad_json.to_str().unwrap()], "not valid JSON");

    let wrong = d.path().join("wrong.json");
    std::fs::write(&wrong, r#"{ "format": "seloste/9" }"#).unwrap();
    assert_input_error(&["render", wrong.to_str().unwrap()], "seloste/9");

    let field = d.path().join("field.json");
    std::fs::write(&field, r#"{ "format": "seloste/1", "purposes": { "items": [ { "text": {"fi": "x"}, "basis": "whim" } ] } }"#)
        .unwrap();
    assert_input_error(
        &["render", field.to_str().unwrap()],
        "purposes.items[0].basis",
    );

    let ok = fixture("render/shop.json");
    assert_input_error(
        &["render", ok.to_str().unwrap(), "--lang", "de"],
        "Unknown language",
    );

    let nodir = d.path().join("no/such/dir/out.html");
    assert_input_error(
        &[
            "render",
            ok.to_str().unwrap(),
            "-o",
            nodir.to_str().unwrap(),
        ],
        "Could not write",
    );
}

#[test]
fn joint_controllers_representative_dpo_special_categories_and_children() {
    use seloste::model::{Art9Condition, SpecialCategory, SpecialKind};
    let mut n = with_bases(&[LegalBasis::Contract]);
    n.controllers.push(Party {
        name: "Toinen Oy".into(),
        ..Default::default()
    });
    n.joint_arrangement = Text::fi("Testi Oy vastaa rekisteröityjen pyyntöihin.");
    n.representative = Some(Party {
        name: "Rep GmbH".into(),
        ..Default::default()
    });
    n.dpo = Some(Party {
        name: "Tietosuojavastaava Ville".into(),
        email: "dpo@testi.fi".into(),
        ..Default::default()
    });
    n.data.special.push(SpecialCategory {
        kind: SpecialKind::Health,
        condition: Some(Art9Condition::HealthCare),
        text: Text::default(),
    });
    n.data.special.push(SpecialCategory {
        kind: SpecialKind::Biometric,
        condition: None,
        text: Text::default(),
    });
    n.data.children = Some(true);
    let h = render::html(&n, Lang::Fi).unwrap();
    assert!(h.contains("Rekisterinpitäjät (yhteisrekisterinpitäjät)"));
    assert!(h.contains("Yhteisrekisterinpitäjien järjestely"));
    assert!(h.contains("Edustaja EU:ssa"));
    assert!(h.contains(">Tietosuojavastaava<"));
    assert!(h.contains("Terveystiedot</strong> – peruste: terveydenhuolto."));
    assert!(h.contains("terveystiedot – 9 artiklan 2 kohdan h alakohta"));
    assert!(
        h.contains("Biometriset tunnistetiedot</strong> – peruste puuttuu."),
        "a missing condition is not hidden"
    );
    assert!(h.contains("Käsittelemme myös lasten henkilötietoja."));
    let doc = document::build(&n, Lang::Fi);
    let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "summary",
            "controller",
            "dpo",
            "purposes",
            "rights",
            "complaint"
        ]
    );
}

/// The age of a child's own consent comes from `laws.json` (tietosuojalaki 5 §) and is said
/// where children's data meets consent, in each language; not without consent, not without
/// children, and not twice when the owner's own words already give it.
#[test]
fn childrens_consent_age_comes_from_the_law_table() {
    let age = seloste::check::laws::child_consent_age();
    assert_eq!(age.age, 13, "tietosuojalaki 5 §");
    assert!(age.law.fi.contains("(1050/2018) 5 §"), "{:?}", age.law);
    // The plain text, its line wrapping undone.
    let text = |n: &Notice, lang| {
        seloste::export::text(n, lang)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut n = with_bases(&[LegalBasis::Consent]);
    n.data.children = Some(true);
    for (lang, says) in [
        (
            Lang::Fi,
            "alle 13-vuotiaan lapsen puolesta suostumuksen antaa tai hyväksyy hänen huoltajansa",
        ),
        (Lang::Sv, "för ett barn under 13 år av vårdnadshavaren"),
        (
            Lang::En,
            "the consent for a child under 13 is given or authorised by the child's guardian",
        ),
    ] {
        assert!(
            text(&n, lang).contains(says),
            "{lang:?}: {}",
            text(&n, lang)
        );
    }
    let without_consent = {
        let mut m = with_bases(&[LegalBasis::Contract]);
        m.data.children = Some(true);
        m
    };
    assert!(!text(&without_consent, Lang::Fi).contains("13-vuotiaan"));
    let mut no_children = n.clone();
    no_children.data.children = Some(false);
    assert!(!text(&no_children, Lang::Fi).contains("13-vuotiaan"));
    let mut own = n.clone();
    own.data.children_text = Text::fi("Alle 13-vuotiaan puolesta suostumuksen antaa huoltaja.");
    assert_eq!(text(&own, Lang::Fi).matches("13-vuotiaan").count(), 1);

    // The checker's rule reads the same age.
    let mut child = with_bases(&[LegalBasis::Consent]);
    child.data.children_text =
        Text::fi("Yli 10-vuotiaat lapset voivat itse antaa suostumuksen uutiskirjeeseen.");
    let found = seloste::check::check(&child, Lang::Fi);
    let f = found
        .iter()
        .find(|f| f.rule == "consent.child_under_13")
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert!(f.message.starts_with("Alle 13-vuotias"), "{}", f.message);
    assert!(f.fix.contains("13-vuotiaasta"), "{}", f.fix);
}

#[test]
fn a_list_all_in_another_language_gets_one_note_and_the_document_says_so() {
    use seloste::model::Item;
    let mut n = with_bases(&[LegalBasis::Consent]);
    n.register.subjects = ["asiakkaat", "yhteyshenkilöt", "työnhakijat"]
        .iter()
        .map(|s| Item {
            key: String::new(),
            text: Text::fi(*s),
            relation: None,
            activities: Vec::new(),
        })
        .collect();
    let en = render::html(&n, Lang::En).unwrap();
    assert_eq!(
        en.matches("(in Finnish only)").count(),
        1,
        "one note for the whole list"
    );
    assert!(en.contains("<li><span lang=\"fi\">asiakkaat</span></li>"));
    assert!(en.contains(&html_escape(
        "Some parts of this notice are available only in another language; they are marked."
    )));
    // When everything is translated, no such sentence.
    let fi = render::html(&n, Lang::Fi).unwrap();
    assert!(!fi.contains("toisella kielellä"));
    // A list mixing languages keeps its notes per item.
    n.register.subjects[1].text.en = "contact persons".into();
    let en = render::html(&n, Lang::En).unwrap();
    assert_eq!(en.matches("(in Finnish only)").count(), 2);
}

#[test]
fn the_first_layer_can_be_copied_on_its_own() {
    let n = shop();
    for lang in Lang::ALL {
        let h = render::first_layer(&n, lang, "https://example.fi/tietosuoja").unwrap();
        assert!(
            h.starts_with("<section class=\"seloste-first-layer\""),
            "{h}"
        );
        assert!(
            !h.contains("<style"),
            "the copy takes the host page's styles"
        );
        assert!(h.contains("https:&#x2F;&#x2F;example.fi&#x2F;tietosuoja#seloste-purposes"));
        let read_more = [
            "Lue koko tietosuojaseloste",
            "Läs hela dataskyddsbeskrivningen",
            "Read the full privacy notice",
        ][lang as usize];
        assert!(h.contains(read_more), "{lang}");
    }
    // An address that is not a web address never becomes a link.
    let h = render::first_layer(&n, Lang::Fi, "javascript:alert(1)").unwrap();
    assert!(!h.contains("javascript"));
    assert!(h.contains("href=\"#seloste-purposes\""));
    // With no address given, the one saved with the notice is used; a bare domain is read as https.
    let mut saved = n.clone();
    saved.meta.url = "www.example.fi/tietosuoja".into();
    let h = render::first_layer(&saved, Lang::Fi, "").unwrap();
    assert!(
        h.contains("https:&#x2F;&#x2F;www.example.fi&#x2F;tietosuoja#seloste-purposes"),
        "{h}"
    );
    assert_eq!(
        render::published_url(&saved, ""),
        "https://www.example.fi/tietosuoja"
    );
    assert_eq!(
        render::published_url(&saved, "https://other.fi/p"),
        "https://other.fi/p"
    );
    saved.meta.url = "javascript:alert(1)".into();
    assert_eq!(render::published_url(&saved, ""), "");
    // …and such an address is refused by validation with a sentence naming the notice's address.
    let errors = seloste::validate::validate(&saved);
    let e = errors
        .iter()
        .find(|e| e.path == "/meta/url")
        .expect("meta.url is checked");
    assert!(
        e.message(Lang::Fi).starts_with("Selosteen verkko-osoite"),
        "{}",
        e.message(Lang::Fi)
    );
    // A notice with no controller and no purposes has nothing to summarise: a clear error.
    let e = render::first_layer(&Notice::default(), Lang::En, "").unwrap_err();
    assert!(e.to_string().contains("controller"), "{e}");
    // From the command line.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.json");
    std::fs::write(&file, serde_json::to_string(&n).unwrap()).unwrap();
    let o = crate::util::seloste(&[
        "render",
        file.to_str().unwrap(),
        "--format",
        "first-layer",
        "--lang",
        "sv",
    ]);
    assert!(o.status.success(), "{}", crate::util::stderr(&o));
    assert!(crate::util::stdout(&o).contains("I korthet"));
}

#[test]
fn cli_prints_the_fragment_stylesheet_without_a_notice() {
    let o = seloste(&["render", "--format", "fragment-css"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), render::fragment_css().unwrap());
    let o = seloste(&["render"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("Give the notice file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn catalogue_services_bring_their_reviewed_wording() {
    // Output-review rows 11–13: a payment institution is a controller of its own data, Shopify's
    // sub-processors in the US are a transfer of their own, and where a service processes data
    // is said as the catalogue knows it — as long as the owner kept the service's country.
    let mut n = with_bases(&[LegalBasis::Contract]);
    for key in ["paytrail", "shopify"] {
        let s = seloste::catalogue::service(key).expect(key);
        n.recipients.items.push(s.to_recipient());
    }
    let fi = render::html(&n, Lang::Fi).unwrap();
    assert!(fi.contains("maksulaitoksena itse rekisterinpitäjä"), "{fi}");
    assert!(fi.contains(
        "alihankkijat (Yhdysvallat). Siirtoperuste: Euroopan komission vakiosopimuslausekkeet."
    ));
    // The owner moved the service elsewhere: the catalogue's wording no longer applies.
    n.recipients.items[1].country = "IE".into();
    let fi = render::html(&n, Lang::Fi).unwrap();
    assert!(!fi.contains("alihankkijat (Yhdysvallat)"));
}
