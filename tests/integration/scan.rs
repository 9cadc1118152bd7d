//! `seloste scan`: fixture sites served from 127.0.0.1 by the test itself, recordings written
//! for the tests, the comparison with a notice, the cookie declaration and banner.

use crate::site::{Route, page, redirect, serve};
use crate::util;
use seloste::Lang;
use seloste::model::{CookieCategory, Notice, Role};
use seloste::scan::{self, Element, Options, ScanError, declaration};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const HOME: &str = r#"<!doctype html><html lang="fi"><head><title>Kahvila Esimerkki</title>
<link rel="stylesheet" href="/tyyli.css">
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});
var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;
j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-TEST123');</script></head>
<body><noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-TEST123" height="0" width="0"></iframe></noscript>
<nav><a href="/palvelut">Palvelut</a> <a href="/yhteystiedot#kartta">Yhteystiedot</a> <a href="varaa">Varaa aika</a>
<a href="/evasteet">Evästeet</a> <a href="/hinnasto.pdf">Hinnasto</a> <a href="/puuttuu">Vanha sivu</a> <a href="/vanha">Vanha osoite</a>
<a href="mailto:info@kahvila.example">Sähköposti</a></nav>
<footer><a href="https://www.instagram.com/kahvila_esimerkki/">Instagram</a></footer></body></html>"#;

const SERVICES: &str = r#"<html><head><script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};
t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}
(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '1234567890123'); fbq('track', 'PageView');</script>
<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=1234567890123&ev=PageView&noscript=1"></noscript></head>
<body><h1>Palvelut</h1><iframe src="https://www.youtube-nocookie.com/embed/AbCdEfGh123" title="Esittely"></iframe>
<a href="/">Etusivu</a></body></html>"#;

const CONTACT: &str = r#"<html><body><h1>Yhteystiedot</h1><p>Seuraa meitä Instagramissa!</p>
<a href="https://instagram.com/kahvila_esimerkki">@kahvila_esimerkki</a>
<script src="https://cdn.widgetit.example.net/w.js"></script></body></html>"#;

const BOOKING: &str = r#"<html><body><h1>Varaa aika</h1>
<iframe src="https://varaa.timma.fi/kahvila-esimerkki" width="100%"></iframe></body></html>"#;

const COOKIES: &str = r#"<html><body><h1>Evästeet</h1><p>Tällä sivulla asetetaan evästeitä.</p></body></html>"#;

fn site_routes() -> Vec<Route> {
    vec![
        page("/", HOME),
        page("/palvelut", SERVICES),
        page("/yhteystiedot", CONTACT),
        page("/varaa", BOOKING),
        page("/evasteet", COOKIES)
            .header("Set-Cookie", "_ga=GA1.1.123.456; Max-Age=63072000; Path=/")
            .header("Set-Cookie", "PHPSESSID=abc123; Path=/; HttpOnly")
            .header("Set-Cookie", "cart=1; Path=/"),
        page("/tyyli.css", "body{}").header("Content-Type", "text/css"),
        redirect("/vanha", "/palvelut"),
    ]
}

fn opts() -> Options {
    Options { timeout: Duration::from_secs(5), ..Options::default() }
}

#[test]
fn a_fixture_site_yields_exactly_its_services_cookies_and_hosts() {
    let server = serve(site_routes());
    let scan = scan::scan_site(&format!("{}/", server.base), &opts());
    assert_eq!(scan.site, "127.0.0.1");
    assert_eq!(
        scan.service_keys(),
        // Page by page; within a page what it loads, then its code, then its links.
        ["google_tag_manager", "instagram", "youtube", "meta_pixel", "timma", "google_analytics"],
        "{scan:#?}"
    );
    let by = |k: &str| scan.services.iter().find(|f| f.service == k).unwrap();
    // Each finding names its evidence: page, element, ID.
    let gtm = &by("google_tag_manager").evidence[0];
    assert_eq!((gtm.element, gtm.id.as_deref()), (Element::InlineScript, Some("GTM-TEST123")));
    assert_eq!(gtm.page, format!("{}/", server.base));
    let pixel = &by("meta_pixel").evidence;
    assert_eq!(pixel[0].id.as_deref(), Some("1234567890123"));
    assert!(pixel.iter().all(|e| e.page.ends_with("/palvelut")), "the pixel is on /palvelut only");
    let insta = &by("instagram").evidence;
    assert!(insta.iter().all(|e| e.element == Element::Anchor), "a link, not a load");
    let yt = &by("youtube").evidence[0];
    assert_eq!((yt.element, yt.id.as_deref()), (Element::Iframe, Some("AbCdEfGh123")));
    assert_eq!(by("timma").evidence[0].element, Element::Iframe);
    let ga = &by("google_analytics").evidence[0];
    assert_eq!(ga.element, Element::SetCookie);
    assert!(ga.detail.starts_with("_ga="));
    // Cookies set by headers: _ga is Google's; PHPSESSID and cart are the site's own (cart is
    // also a Shopify cookie name, but Shopify shows nowhere else, so it stays a guess).
    let cookies: Vec<(&str, Option<&str>, Option<&str>)> = scan
        .cookies
        .iter()
        .map(|c| (c.name.as_str(), c.service.as_deref(), c.maybe.as_deref()))
        .collect();
    assert_eq!(
        cookies,
        [("_ga", Some("google_analytics"), None), ("PHPSESSID", None, None), ("cart", None, Some("shopify"))]
    );
    let hosts: Vec<&str> = scan.unknown_hosts.iter().map(|h| h.host.as_str()).collect();
    assert_eq!(hosts, ["cdn.widgetit.example.net"]);
    // The PDF is not fetched, the 404 is a problem, the redirect within the site is followed
    // (to a page already read).
    assert!(!scan.pages.iter().any(|p| p.ends_with(".pdf")));
    assert_eq!(
        scan.problems,
        [ScanError::Status { url: format!("{}/puuttuu", server.base), status: 404 }]
    );
    assert_eq!(scan.pages.len(), 6, "{:?}", scan.pages);
    assert!(!scan.cancelled);
}

#[test]
fn an_instagram_link_alone_is_an_account_not_a_pixel() {
    let server = serve(vec![page("/", CONTACT.replace("<script src=\"https://cdn.widgetit.example.net/w.js\"></script>", "").as_str())]);
    let scan = scan::scan_site(&server.base, &opts());
    assert_eq!(scan.service_keys(), ["instagram"]);
    assert!(scan.cookies.is_empty() && scan.unknown_hosts.is_empty() && scan.problems.is_empty());
}

#[test]
fn bad_pages_give_one_sentence_each_and_keep_the_rest() {
    let big = Arc::new(vec![b'a'; 20_000_000]);
    let mut routes = vec![
        page("/", r#"<a href="/silmukka">a</a><a href="/hidas">b</a><a href="/iso">c</a><a href="/ulos">d</a><a href="/virhe">e</a><a href="/ok">f</a>"#),
        redirect("/silmukka", "/silmukka2"),
        redirect("/silmukka2", "/silmukka"),
        page("/hidas", "<p>slow</p>").delay(Duration::from_secs(5)),
        page("/ok", r#"<script src="https://static.hotjar.com/c/hotjar-3141592.js?sv=6"></script>"#),
        redirect("/ulos", "https://elsewhere.example/"),
        page("/virhe", "<h1>500</h1>").status(500),
    ];
    let mut iso = page("/iso", "");
    iso.body = big;
    routes.push(iso);
    let server = serve(routes);
    let o = Options { timeout: Duration::from_secs(1), ..Options::default() };
    let t = Instant::now();
    let scan = scan::scan_site(&server.base, &o);
    assert!(t.elapsed() < Duration::from_secs(10), "never a hang");
    let b = &server.base;
    assert_eq!(
        scan.problems,
        [
            ScanError::RedirectLoop { url: format!("{b}/silmukka") },
            ScanError::Timeout { url: format!("{b}/hidas") },
            ScanError::TooLarge { url: format!("{b}/iso"), limit_mb: 5 },
            ScanError::OffSite { url: format!("{b}/ulos"), to: "https://elsewhere.example/".into() },
            ScanError::Status { url: format!("{b}/virhe"), status: 500 },
        ],
        "{scan:#?}"
    );
    // Partial results kept: the good page's Hotjar is found.
    assert_eq!(scan.service_keys(), ["hotjar"]);
    assert_eq!(scan.services[0].evidence[0].id.as_deref(), Some("3141592"));
    // Each problem is a sentence in each language.
    for p in &scan.problems {
        for l in Lang::ALL {
            let m = p.message(l);
            assert!(m.ends_with('.') && !m.contains('{'), "{l:?}: {m}");
        }
    }
    assert!(scan.problems[0].message(Lang::Fi).contains("kehässä"));
    assert!(scan.problems[1].message(Lang::Sv).contains("svarade inte i tid"));
}

#[test]
fn unreachable_host_non_html_start_and_bad_address() {
    // A port nothing listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let scan = scan::scan_site(&format!("http://127.0.0.1:{port}/"), &opts());
    assert!(scan.pages.is_empty());
    assert!(matches!(scan.problems.as_slice(), [ScanError::Unreachable { .. }]), "{:?}", scan.problems);
    assert!(scan.problems[0].message(Lang::Fi).starts_with("Sivustoon"));

    let server = serve(vec![page("/data.json", "{}").header("Content-Type", "application/json")]);
    let scan = scan::scan_site(&format!("{}/data.json", server.base), &opts());
    assert!(matches!(scan.problems.as_slice(), [ScanError::NotHtml { .. }]), "{:?}", scan.problems);

    for bad in ["", "ftp://x.fi/", "not a url"] {
        let scan = scan::scan_site(bad, &opts());
        assert!(matches!(scan.problems.as_slice(), [ScanError::BadUrl { .. }]), "{bad}");
    }
    // https to a plain-HTTP port: the secure connection fails with its own sentence.
    let server = serve(vec![page("/", "<p>hi</p>")]);
    let https = server.base.replace("http://", "https://");
    let scan = scan::scan_site(&https, &opts());
    assert!(matches!(scan.problems.as_slice(), [ScanError::Tls { .. }]), "{:?}", scan.problems);
}

#[test]
fn a_scan_is_cancellable_and_keeps_its_page_limit() {
    let server = serve(site_routes());
    let flag = Arc::new(AtomicBool::new(true));
    let o = Options { cancel: Some(flag), ..opts() };
    let scan = scan::scan_site(&server.base, &o);
    assert!(scan.cancelled && scan.pages.is_empty());
    assert_eq!(scan.problems, [ScanError::Cancelled]);
    let o = Options { max_pages: 2, ..opts() };
    let scan = scan::scan_site(&server.base, &o);
    assert_eq!(scan.pages.len(), 2);
}

#[test]
fn a_har_recording_maps_requests_and_cookies() {
    let bytes = std::fs::read(util::fixture("scan/kahvila.har")).unwrap();
    let scan = scan::har::import(&bytes).unwrap();
    assert_eq!(scan.site, "kahvila.example");
    assert_eq!(scan.service_keys(), ["google_analytics", "meta_pixel", "vimeo"], "{scan:#?}");
    let ga = &scan.services[0].evidence;
    assert_eq!(ga[0].id.as_deref(), Some("G-KAHVILA123"));
    let cookies: Vec<(&str, Option<&str>)> = scan.cookies.iter().map(|c| (c.name.as_str(), c.service.as_deref())).collect();
    assert_eq!(cookies, [("_ga", Some("google_analytics")), ("_fbp", Some("meta_pixel")), ("vuid", Some("vimeo"))]);
    let hosts: Vec<&str> = scan.unknown_hosts.iter().map(|h| h.host.as_str()).collect();
    assert_eq!(hosts, ["fonts.example-cdn.net"]);
}

#[test]
fn website_evidence_collector_output_maps_the_same_way() {
    let bytes = std::fs::read(util::fixture("scan/yhdistys.wec.json")).unwrap();
    let scan = scan::har::import(&bytes).unwrap();
    assert_eq!(scan.site, "yhdistys.example");
    // The first-party _ga cookie shows Google Analytics too.
    assert_eq!(scan.service_keys(), ["linkedin_insight", "youtube", "google_analytics"], "{scan:#?}");
    assert_eq!(scan.services[0].evidence[0].id.as_deref(), Some("7654321"));
    let cookies: Vec<(&str, Option<&str>)> = scan.cookies.iter().map(|c| (c.name.as_str(), c.service.as_deref())).collect();
    assert_eq!(cookies, [("_ga", Some("google_analytics")), ("bcookie", Some("linkedin_insight")), ("JSESSIONID", None)]);
}

#[test]
fn malformed_and_huge_recordings_are_refused_with_a_sentence() {
    for bad in [&b"{\"log\": {\"entries\": ["[..], b"", b"[1,2,3]", b"{\"log\": {}}", b"\xff\xfe binary"] {
        let e = scan::har::import(bad).unwrap_err();
        assert_eq!(e.code(), "bad_har", "{}", String::from_utf8_lossy(bad));
        assert!(e.message(Lang::Fi).starts_with("Tiedosto ei ole"));
    }
    let e = scan::har::import_limited(&[b' '; 2048], 1024).unwrap_err();
    assert_eq!(e, ScanError::HarTooLarge { limit_mb: 0 });
}

fn notice() -> Notice {
    let mut n = seloste::notice_io::read(&util::fixture("reference/web_shop.json")).unwrap();
    n.recipients.items.clear();
    n.cookies.items.clear();
    for k in ["google_analytics", "hubspot", "procountor"] {
        n.recipients.items.push(seloste::catalogue::service(k).unwrap().to_recipient());
    }
    n
}

#[test]
fn comparing_with_the_notice() {
    let server = serve(site_routes());
    let scan = scan::scan_site(&server.base, &opts());
    let c = scan::compare(&scan, &notice());
    let missing: Vec<&str> = c.missing.iter().map(|m| m.service.as_str()).collect();
    assert_eq!(missing, ["google_tag_manager", "instagram", "youtube", "meta_pixel", "timma"]);
    // Adding brings the catalogue's role, country, transfer basis and cookies.
    let pixel = c.missing.iter().find(|m| m.service == "meta_pixel").unwrap();
    assert_eq!(pixel.recipient.role, Role::JointController);
    assert_eq!(pixel.recipient.country, "US");
    assert!(pixel.cookies.iter().any(|k| k.name == "_fbp" && k.consent));
    // HubSpot shows on websites but was not seen: a question. Procountor never shows on a
    // website, so it is not asked about.
    let nf: Vec<&str> = c.not_found.iter().map(|n| n.service.as_str()).collect();
    assert_eq!(nf, ["hubspot"]);
    assert_eq!(c.not_found[0].path, "/recipients/items/1");
    assert_eq!(c.unknown_hosts.len(), 1);
}

#[test]
fn cookie_declaration_and_banner_in_three_languages() {
    let mut n = notice();
    n.cookies.items = seloste::catalogue::service("google_analytics").unwrap().to_cookies();
    n.cookies.items.push(seloste::model::Cookie {
        name: "<script>alert(1)</script>".into(),
        category: CookieCategory::Necessary,
        ..Default::default()
    });
    let fi = declaration::cookie_table(&n, Lang::Fi);
    assert!(fi.contains("<th scope=\"col\">Vaatii suostumuksen</th>"));
    assert!(fi.contains("<code>_ga</code>") && fi.contains("2 vuotta") && fi.contains("Kyllä"));
    assert!(fi.contains("&lt;script&gt;") && !fi.contains("<script>"));
    assert!(fi.contains("Sivusto itse") && fi.contains("Ei (välttämätön)"));
    assert!(declaration::cookie_table(&n, Lang::Sv).contains("Kräver samtycke"));
    for l in Lang::ALL {
        let b = declaration::banner(&n, l);
        // Refusing is as easy as accepting: both on the first layer, side by side.
        assert_eq!(b.buttons.len(), 2, "{l:?}");
        assert!(b.settings.is_some() && !b.text.contains('{') && !b.rule.is_empty());
    }
    assert_eq!(declaration::banner(&n, Lang::Fi).buttons, ["Hyväksy kaikki", "Vain välttämättömät"]);
    assert!(declaration::banner(&n, Lang::En).text.contains("(statistics)"));
    let html = declaration::banner_html(&n, Lang::Sv);
    assert!(html.contains("data-choice=\"reject\">Endast nödvändiga</button>"));
    n.cookies.items.retain(|c| c.category == CookieCategory::Necessary);
    let b = declaration::banner(&n, Lang::Fi);
    assert_eq!(b.buttons, ["Selvä"]);
}

#[test]
fn cli_scan_prints_json_and_exits_2_when_nothing_could_be_read() {
    let server = serve(site_routes());
    let out = util::seloste(&["scan", &server.base, "--json", "--pages", "3"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scan"]["pages"].as_array().unwrap().len(), 3);
    assert_eq!(v["scan"]["services"][0]["service"], "google_tag_manager");
    let har = util::fixture("scan/kahvila.har");
    let out = util::seloste(&["scan", "--har", har.to_str().unwrap(), "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("Meta Pixel"), "{text}");
    let out = util::seloste(&["scan", "http://127.0.0.1:9/", "--lang", "en", "--timeout", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Could not connect"));
}

#[test]
fn the_checker_rule_uses_the_last_scan() {
    let server = serve(site_routes());
    let scan = scan::scan_site(&server.base, &opts());
    let mut n = notice();
    n.cookies.items = seloste::catalogue::service("google_analytics").unwrap().to_cookies();
    let f = seloste::check::check_with_scan(&n, &scan, Lang::Fi);
    let rules: Vec<(&str, &str)> = f.iter().map(|x| (x.rule.as_str(), x.path.as_str())).collect();
    assert_eq!(
        rules,
        [
            ("scan.not_in_notice", "/recipients"),
            ("scan.not_in_notice", "/recipients"),
            ("scan.not_in_notice", "/recipients"),
            ("scan.not_in_notice", "/recipients"),
            ("scan.not_in_notice", "/recipients"),
            ("scan.not_found", "/recipients/items/1"),
            // _ga is declared (as _ga); PHPSESSID and cart are not.
            ("scan.cookie_not_declared", "/cookies"),
            ("scan.cookie_not_declared", "/cookies"),
            ("scan.unknown_host", "/recipients"),
        ]
    );
    assert!(f[3].message.contains("Meta Platforms Ireland Limited"), "{}", f[3].message);
    assert!(f[6].message.contains("PHPSESSID"));
    for l in Lang::ALL {
        for x in seloste::check::check_with_scan(&n, &scan, l) {
            assert!(!x.message.contains('{') && !x.fix.contains('{') && !x.law.is_empty(), "{x:?}");
        }
    }
    assert_eq!(seloste::check::scan_rules().len(), 4);
}
