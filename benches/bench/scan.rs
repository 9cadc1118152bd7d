//! The website scan: reading a 25-page site must be instant apart from the network. The
//! first row measures the scan's own work (HTML parsing and recognition of 25 realistic pages
//! already in memory); the second a whole `scan_site` over a local 127.0.0.1 server, which
//! adds the HTTP round trips.

use crate::table::Table;
use std::time::Duration;

#[path = "../../tests/integration/site.rs"]
mod site;

/// A page of an ordinary small-business site, about 30 KB: a head full of tags, navigation
/// to every other page, body text, images, an embed on some pages.
fn page(i: usize, n: usize) -> String {
    let mut h = String::from("<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\"><title>Sivu</title>");
    h.push_str("<link rel=\"stylesheet\" href=\"/wp-content/themes/t/style.css\"><link rel=\"preconnect\" href=\"https://fonts.googleapis.com\">");
    h.push_str("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-BENCH12345\"></script>");
    h.push_str("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-BENCH12345');</script>");
    h.push_str("<script>!function(f,b,e,v){}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','1122334455');</script>");
    h.push_str("</head><body><header><nav><ul>");
    for j in 0..n {
        h.push_str(&format!("<li><a href=\"/sivu-{j}\">Sivu {j}</a></li>"));
    }
    h.push_str("</ul></nav></header><main>");
    for p in 0..60 {
        h.push_str(&format!("<section><h2>Otsikko {p}</h2><p>Tämä on esimerkkiteksti sivulla {i}, jossa kerrotaan palveluista, hinnoista ja aukioloajoista. <a href=\"/sivu-{}\">Lue lisää</a></p><img src=\"/wp-content/uploads/kuva-{p}.jpg\" alt=\"\"></section>", (i + p) % n));
    }
    if i % 3 == 0 {
        h.push_str("<iframe src=\"https://www.youtube-nocookie.com/embed/BenchVideo1\"></iframe>");
    }
    if i % 5 == 0 {
        h.push_str("<iframe src=\"https://www.google.com/maps/embed?pb=bench\"></iframe>");
    }
    h.push_str("</main><footer><a href=\"https://www.instagram.com/yritys\">Instagram</a><a href=\"https://facebook.com/yritys\">Facebook</a></footer></body></html>");
    h
}

pub fn run(t: &mut Table) {
    if !t.wants("scan") {
        return;
    }
    const N: usize = 25;
    let pages: Vec<(String, String)> = (0..N).map(|i| (format!("https://yritys.example/sivu-{i}"), page(i, N))).collect();
    let kib: usize = pages.iter().map(|(_, h)| h.len()).sum::<usize>() / 1024;
    let mut found = 0;
    t.time(
        "scan",
        format!("scan's own work on a 25-page site ({kib} KiB of HTML)"),
        20,
        Some(Duration::from_millis(100)),
        || found = seloste::scan::analyse_pages("yritys.example", &pages).services.len(),
    );
    t.row("scan", "services found on that site", found.to_string(), "", "", None);

    let routes: Vec<site::Route> = (0..N)
        .map(|i| site::page(&if i == 0 { "/".to_string() } else { format!("/sivu-{i}") }, &page(i, N)))
        .collect();
    let server = site::serve(routes);
    let opts = seloste::scan::Options { max_pages: N, ..Default::default() };
    let mut pages_read = 0;
    t.time(
        "scan",
        "scan_site of the same 25 pages over 127.0.0.1 (incl. HTTP)",
        5,
        None,
        || pages_read = seloste::scan::scan_site(&server.base, &opts).pages.len(),
    );
    t.row("scan", "pages read by scan_site", pages_read.to_string(), "", "25", Some(pages_read == N));
}
