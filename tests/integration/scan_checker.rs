//! The last scan of a draft feeds the checker: stored with the draft, read by the app's
//! assessment and by `seloste check`, its findings dated; services found are added in one
//! step and the cookie declaration follows.

use crate::util;
use seloste::Lang;
use seloste::model::Notice;
use seloste::scan::{self, Scan, declaration};
use seloste::store::Store;

/// A shop's notice naming Google Analytics (with its cookies) and HubSpot.
fn notice() -> Notice {
    let mut n = seloste::notice_io::read(&util::fixture("reference/web_shop.json")).unwrap();
    n.recipients.items.clear();
    n.cookies.items.clear();
    for k in ["google_analytics", "hubspot"] {
        n.recipients.items.push(seloste::catalogue::service(k).unwrap().to_recipient());
    }
    n.cookies.items = seloste::catalogue::service("google_analytics").unwrap().to_cookies();
    n
}

/// The recording of kahvila.example (Google Analytics, the Meta Pixel, Vimeo), dated.
fn recording(date: &str) -> Scan {
    let bytes = std::fs::read(util::fixture("scan/kahvila.har")).unwrap();
    let mut s = scan::har::import(&bytes).unwrap();
    s.date = date.to_string();
    s
}

fn scan_findings(a: &seloste::wizard::Assessment) -> Vec<(String, String, Option<String>)> {
    let v = serde_json::to_value(&a.findings).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("scan."))
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
                f["step"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn a_scan_is_stamped_and_survives_a_round_trip_as_json() {
    let s = recording("2026-11-28");
    assert_eq!(s.scanned_at.len(), "2026-11-30T20:15:19.123Z".len(), "{}", s.scanned_at);
    let back = scan::from_json(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back.service_keys(), s.service_keys());
    assert_eq!(back.cookies.len(), s.cookies.len());
    assert_eq!(back.date, "2026-11-28");
    // The CLI's `--json` output wraps the scan; it reads the same.
    let wrapped = serde_json::json!({ "scan": s, "messages": [] }).to_string();
    assert_eq!(scan::from_json(&wrapped).unwrap().service_keys(), s.service_keys());
    assert!(scan::from_json("{\"site\": 3}").is_err());
}

#[test]
fn the_last_scan_of_a_draft_feeds_its_assessment_with_the_scan_date() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("seloste.db")).unwrap().store;
    let n = notice();
    let id = store.create("Verkkokauppa", &n).unwrap();
    let other = store.create("Toinen", &n).unwrap();

    // Never scanned: no scan findings, and no stored scan.
    assert_eq!(store.last_scan(id).unwrap().map(|s| s.site), None);
    assert_eq!(scan_findings(&store.assess(id, &n, Lang::Fi).unwrap()), []);

    assert!(store.save_scan(id, &recording("2026-11-28")).unwrap());
    let got = scan_findings(&store.assess(id, &n, Lang::Fi).unwrap());
    let rules: Vec<(&str, Option<&str>)> = got.iter().map(|(r, _, s)| (r.as_str(), s.as_deref())).collect();
    assert_eq!(
        rules,
        [
            ("scan.not_in_notice", Some("recipients")),
            ("scan.not_in_notice", Some("recipients")),
            ("scan.not_found", Some("recipients")),
            ("scan.cookie_not_declared", Some("cookies")),
            ("scan.cookie_not_declared", Some("cookies")),
            ("scan.unknown_host", Some("recipients")),
        ],
        "{got:#?}"
    );
    assert!(got[0].1.starts_with("Sivuston tarkistus 28.11.2026: "), "{}", got[0].1);
    assert!(got[0].1.contains("Meta Platforms"), "{}", got[0].1);
    assert!(got[1].1.contains("Vimeo"), "{}", got[1].1);
    assert!(got[2].1.contains("HubSpot"), "{}", got[2].1);
    let en = scan_findings(&store.assess(id, &n, Lang::En).unwrap());
    assert!(en[0].1.starts_with("Website check of 28 November 2026: Your website uses"), "{}", en[0].1);
    let sv = scan_findings(&store.assess(id, &n, Lang::Sv).unwrap());
    assert!(sv[0].1.starts_with("Kontrollen av webbplatsen 28.11.2026: "), "{}", sv[0].1);

    // The scan belongs to its draft only.
    assert_eq!(scan_findings(&store.assess(other, &n, Lang::Fi).unwrap()), []);

    // Near miss: once the notice names both services (added from the scan), their findings go;
    // the question about HubSpot stays.
    let mut added = n.clone();
    for m in scan::compare(&store.last_scan(id).unwrap().unwrap(), &n).missing {
        added = scan::add_service(&added, &m.service).unwrap();
    }
    let left: Vec<String> = scan_findings(&store.assess(id, &added, Lang::Fi).unwrap()).into_iter().map(|x| x.0).collect();
    assert_eq!(left, ["scan.not_found", "scan.unknown_host"], "{left:?}");

    // A new scan replaces the old one, and its date is the one quoted.
    let mut second = recording("2026-12-01");
    second.services.retain(|f| f.service == "google_analytics");
    second.cookies.retain(|c| c.name == "_ga");
    second.unknown_hosts.clear();
    assert!(store.save_scan(id, &second).unwrap());
    let got = scan_findings(&store.assess(id, &n, Lang::Fi).unwrap());
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].0 == "scan.not_found" && got[0].1.starts_with("Sivuston tarkistus 1.12.2026: "), "{got:?}");

    // A scan that read nothing, or was cancelled, does not replace it.
    let nothing = scan::scan_site("http://127.0.0.1:9/", &scan::Options { timeout: std::time::Duration::from_secs(2), ..Default::default() });
    assert!(!store.save_scan(id, &nothing).unwrap());
    let cancelled = Scan { cancelled: true, ..recording("2026-12-02") };
    assert!(!store.save_scan(id, &cancelled).unwrap());
    assert_eq!(store.last_scan(id).unwrap().unwrap().date, "2026-12-01");

    // A draft that does not exist has no scan to keep.
    assert_eq!(store.save_scan(9999, &second).unwrap_err().code(), "no_draft");
}

#[test]
fn a_found_service_is_added_in_one_step_and_the_declaration_follows() {
    let n = notice();
    let before = declaration::declaration(&n, Lang::Fi);
    assert!(!before.table.contains("_fbp") && !before.banner.text.contains("markkinointi"));
    let added = scan::add_service(&n, "meta_pixel").unwrap();
    // Its recipient (role, country, transfer basis) and its cookies, as the pickers add them.
    let pixel = seloste::catalogue::service("meta_pixel").unwrap();
    assert_eq!(added.recipients.items.len(), n.recipients.items.len() + 1);
    let r = added.recipients.items.last().unwrap();
    assert_eq!((r.key.as_str(), r.role, r.country.as_str()), ("meta_pixel", pixel.to_recipient().role, "US"));
    assert_eq!(added.cookies.items.len(), n.cookies.items.len() + pixel.cookies.len());
    // Adding again changes nothing.
    assert_eq!(scan::add_service(&added, "meta_pixel").unwrap(), added);
    // A service without cookies brings only its recipient.
    let procountor = scan::add_service(&n, "procountor").unwrap();
    assert_eq!(procountor.cookies.items, n.cookies.items);
    assert_eq!(scan::add_service(&n, "no_such_service").unwrap_err().to_string(), "The catalogue has no service \"no_such_service\".");

    for l in Lang::ALL {
        let d = declaration::declaration(&added, l);
        assert!(d.table.contains("<code>_fbp</code>"), "{l:?}");
        assert!(d.file.starts_with(&d.table) && d.file.contains(&d.banner_html), "{l:?}");
        assert!(d.banner_text.contains(&d.banner.buttons[1]) && d.banner_text.contains(&d.banner.rule), "{l:?}");
    }
    assert!(declaration::declaration(&added, Lang::Fi).banner.text.contains("markkinointi"));
}

#[test]
fn cli_check_takes_a_scan_file_or_a_drafts_stored_scan() {
    let dir = tempfile::tempdir().unwrap();
    let n = notice();
    let notice_path = dir.path().join("notice.json");
    std::fs::write(&notice_path, serde_json::to_string(&n).unwrap()).unwrap();
    let har = util::fixture("scan/kahvila.har");
    let out = util::seloste(&["scan", "--har", har.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", util::stderr(&out));
    let scan_path = dir.path().join("scan.json");
    std::fs::write(&scan_path, &out.stdout).unwrap();

    let rules = |out: &std::process::Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", util::stderr(out)));
        v.as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_string()).filter(|r| r.starts_with("scan.")).collect()
    };
    let p = notice_path.to_str().unwrap();
    assert_eq!(rules(&util::seloste(&["check", p, "--json", "--lang", "en"])), Vec::<String>::new());
    let with = util::seloste(&["check", p, "--json", "--lang", "en", "--scan", scan_path.to_str().unwrap()]);
    let r = rules(&with);
    assert_eq!(r.iter().filter(|r| *r == "scan.not_in_notice").count(), 2, "{r:?}");

    // Not a scan: one sentence, exit 2.
    let bad = util::seloste(&["check", p, "--scan", notice_path.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(util::stderr(&bad).contains("is not a scan saved with `seloste scan --json`"), "{}", util::stderr(&bad));

    // A draft: `scan --draft` keeps the scan, `check --draft` uses it.
    let db = dir.path().join("seloste.db");
    let id = Store::open(&db).unwrap().store.create("Kauppa", &n).unwrap();
    let ids = id.to_string();
    let out = util::seloste_db(&db, &["scan", "--har", har.to_str().unwrap(), "--draft", &ids]);
    assert!(out.status.success(), "{}", util::stderr(&out));
    assert!(util::stdout(&out).contains("Meta Pixel"));
    let stored = util::seloste_db(&db, &["check", "--draft", &ids, "--json", "--lang", "fi"]);
    assert_eq!(rules(&stored), r);
    assert!(Store::open(&db).unwrap().store.last_scan(id).unwrap().is_some());
}
