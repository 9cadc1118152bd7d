//! A small web site on 127.0.0.1 for the website-check test: fixed pages, served by a thread
//! until the `Site` is dropped. Every loop is bounded.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub struct Site {
    pub base: String,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// Serve `pages` (path, HTML) as `text/html`; any other path is a 404.
pub fn serve(pages: &[(&str, &str)]) -> Site {
    let pages: Arc<Vec<(String, String)>> =
        Arc::new(pages.iter().map(|(p, b)| (p.to_string(), b.to_string())).collect());
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let stop = Arc::new(AtomicBool::new(false));
    let st = stop.clone();
    let handle = std::thread::spawn(move || {
        let started = Instant::now();
        // Bounded: dropped by the test, and never alive longer than five minutes.
        while !st.load(Ordering::Relaxed) && started.elapsed() < Duration::from_secs(300) {
            match listener.accept() {
                Ok((s, _)) => answer(s, &pages),
                Err(_) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    Site { base, stop, handle: Some(handle) }
}

fn answer(mut s: TcpStream, pages: &[(String, String)]) {
    let _ = s.set_nonblocking(false);
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16_384 {
        match s.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, body) = match pages.iter().find(|(p, _)| *p == path) {
        Some((_, b)) => ("200 OK", b.as_str()),
        None => ("404 Not Found", "<html><body>Not found</body></html>"),
    };
    let _ = write!(
        s,
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}
