//! A tiny HTTP/1.1 server on 127.0.0.1 for the scan tests: fixed routes, optional delays,
//! stopped and joined when dropped. Only for tests; every loop is bounded.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

#[derive(Clone)]
pub struct Route {
    pub path: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Arc<Vec<u8>>,
    pub delay: Duration,
}

pub fn page(path: &str, html: &str) -> Route {
    Route {
        path: path.into(),
        status: 200,
        headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
        body: Arc::new(html.as_bytes().to_vec()),
        delay: Duration::ZERO,
    }
}

pub fn redirect(path: &str, to: &str) -> Route {
    Route {
        path: path.into(),
        status: 302,
        headers: vec![("Location".into(), to.into())],
        body: Arc::new(Vec::new()),
        delay: Duration::ZERO,
    }
}

impl Route {
    /// Add a header; a Content-Type replaces the one `page` set.
    pub fn header(mut self, k: &str, v: &str) -> Route {
        if k.eq_ignore_ascii_case("content-type") {
            self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(k));
        }
        self.headers.push((k.into(), v.into()));
        self
    }
    pub fn status(mut self, s: u16) -> Route {
        self.status = s;
        self
    }
    pub fn delay(mut self, d: Duration) -> Route {
        self.delay = d;
        self
    }
}

pub struct Server {
    pub base: String,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

pub fn serve(routes: Vec<Route>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let stop = Arc::new(AtomicBool::new(false));
    let st = stop.clone();
    let handle = std::thread::spawn(move || {
        let started = Instant::now();
        let mut workers = Vec::new();
        // Bounded: the test stops the server, and it never lives longer than a minute.
        while !st.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(60) {
            match listener.accept() {
                Ok((s, _)) => {
                    let routes = routes.clone();
                    let st = st.clone();
                    workers.push(std::thread::spawn(move || handle(s, &routes, &st)));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(2)),
            }
        }
        for w in workers {
            let _ = w.join();
        }
    });
    Server { base, stop, handle: Some(handle) }
}

fn handle(mut s: TcpStream, routes: &[Route], stop: &AtomicBool) {
    let _ = s.set_nonblocking(false);
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16_384 {
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
        // A TLS handshake on this plain-HTTP port: answer in plain HTTP, as web servers do.
        if buf.first() == Some(&0x16) {
            let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }
    }
    let req = String::from_utf8_lossy(&buf);
    let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
    let route = routes.iter().find(|r| r.path == path);
    let (status, headers, body, delay) = match route {
        Some(r) => (r.status, r.headers.clone(), r.body.clone(), r.delay),
        None => (404, vec![("Content-Type".into(), "text/html".into())], Arc::new(b"<h1>404</h1>".to_vec()), Duration::ZERO),
    };
    let until = Instant::now() + delay;
    while Instant::now() < until && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut head = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (k, v) in &headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(&body);
}
