//! End to end in a real browser: headless Chromium, driven over WebDriver
//! (chromedriver), searches, opens an article and an entity page, and checks
//! that hostile article content is shown as text and never runs.
//!
//! Needs the Debian packages `chromium` and `chromium-driver`
//! (`scripts/test.sh` installs them); skips with a message when they are
//! missing. The WebDriver client is a few lines of JSON over HTTP below, so
//! the test adds no dependencies.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tidings_model::{
    Document, Entity, EntityType, Mention, MentionKind, Quote, QuoteKind, Span, Speaker, Timex,
    TimexType,
};
use tidings_store::{Provenance, SqliteStore, Store, synth};

const HOSTILE_TITLE: &str = "<script>document.body.dataset.pwned='title'</script>Grain <b>deal</b>";
const HOSTILE_QUOTE: &str =
    "<img src=x onerror=\"document.body.dataset.pwned='quote'\"> the corridor stays open";

fn find(text: &str, needle: &str) -> Span {
    let s = text.find(needle).expect("needle in text");
    Span::new(s, s + needle.len())
}

/// An article written to attack the page: markup in the title, a quote, a
/// speaker's name and the URL.
fn hostile() -> Document {
    let text = format!(
        "Grain talks\n\n\"{HOSTILE_QUOTE}\", said Minister Zoë <i>Okafor</i> on Tuesday in Mombasa."
    );
    let mut doc = Document::new("hostile", text.clone());
    doc.meta.title = Some(HOSTILE_TITLE.into());
    doc.meta.published = Some("2025-06-10".into());
    doc.meta.url = Some("javascript:document.body.dataset.pwned='url'".into());
    let name = "Zoë <i>Okafor</i>";
    doc.entities = vec![
        Entity {
            id: "e1".into(),
            name: name.into(),
            etype: EntityType::Per,
            subtype: None,
            key: "PER:zoe okafor".into(),
            mentions: vec![Mention {
                span: find(&text, name),
                kind: MentionKind::Name,
                metonym: false,
            }],
        },
        Entity {
            id: "e2".into(),
            name: "Mombasa".into(),
            etype: EntityType::Loc,
            subtype: Some("city".into()),
            key: "LOC:mombasa".into(),
            mentions: vec![Mention {
                span: find(&text, "Mombasa"),
                kind: MentionKind::Name,
                metonym: false,
            }],
        },
    ];
    doc.quotes = vec![Quote::whole(
        find(&text, HOSTILE_QUOTE),
        QuoteKind::Direct,
        Some(Speaker::named(
            Some("e1".into()),
            Some(name.into()),
            Some(find(&text, name)),
        )),
        Some(find(&text, "said")),
    )];
    doc.timexes = vec![Timex {
        span: find(&text, "Tuesday"),
        ttype: TimexType::Date,
        value: "2025-06-10".into(),
    }];
    doc
}

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for n in names {
            let p = dir.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 request with `Connection: close`; the JSON body of the reply.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Value> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n{payload}",
        payload.len()
    )?;
    // Read the head, then exactly the body (servers may keep the connection open).
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::other("connection closed before the reply"));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let body = &raw[head_end..];
        let done = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.ends_with(b"0\r\n\r\n"),
            None => false,
        };
        if done {
            break;
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let body = String::from_utf8_lossy(&raw[head_end..]).into_owned();
    let body = if chunked { dechunk(&body) } else { body };
    Ok(serde_json::from_str(&body).unwrap_or(Value::Null))
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A WebDriver session on a chromedriver we started.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Browser {
    fn start(driver: &Path, chromium: &Path) -> Browser {
        let port = free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + Duration::from_secs(20);
        while http(port, "GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not come up");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                         "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--window-size=1200,900",
                         format!("--user-data-dir={}", profile.path().display())]
            }
        }}});
        let r = http(port, "POST", "/session", Some(&caps)).expect("session request");
        let session = r["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {r}"))
            .to_string();
        Browser {
            driver: child,
            port,
            session,
            _profile: profile,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("/session/{}{path}", self.session);
        let r = http(self.port, method, &url, body.as_ref()).expect("webdriver reachable");
        if r["value"]["error"].is_string() {
            panic!("webdriver {method} {path}: {}", r["value"]);
        }
        r["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Wait until the page has rendered a view holding `selector`.
    fn wait_for(&self, selector: &str) {
        let script = format!(
            "return document.body.dataset.ready === '1' && !!document.querySelector({})",
            json!(selector)
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.js(&script) != Value::Bool(true) {
            if Instant::now() > deadline {
                let main = self.js("return document.getElementById('main').outerHTML");
                panic!("timed out waiting for {selector}; page: {main}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn element(&self, selector: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": selector })),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(|id| id.as_str())
            .unwrap_or_else(|| panic!("no element {selector}"))
            .to_string()
    }

    fn click(&self, selector: &str) {
        let id = self.element(selector);
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn type_into(&self, selector: &str, text: &str) {
        let id = self.element(selector);
        self.cmd("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn text(&self, selector: &str) -> String {
        let id = self.element(selector);
        self.cmd("GET", &format!("/element/{id}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn not_pwned(&self) {
        assert_eq!(
            self.js("return document.body.dataset.pwned || null"),
            Value::Null,
            "article content ran as code"
        );
        assert_eq!(
            self.js(
                "return document.querySelectorAll('main img, main script, main b, main i').length"
            ),
            json!(0),
            "article markup became elements"
        );
    }
}

#[test]
fn the_page_searches_shows_articles_and_entities_and_escapes_everything() {
    let (Some(driver), Some(chromium)) = (
        which(&["chromedriver"]),
        which(&["chromium", "chromium-browser"]),
    ) else {
        eprintln!(
            "skipping the browser test: chromium and chromedriver are not installed \
             (apt-get install chromium chromium-driver, or run scripts/test.sh)"
        );
        return;
    };

    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("web.db")).unwrap();
    let src = Provenance {
        source: "test".into(),
    };
    for i in 0..40 {
        store.put(&synth::article(i), &src).unwrap();
    }
    store.put(&hostile(), &src).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    rt.spawn(tidings_serve::serve(listener, Arc::new(store)));

    let b = Browser::start(&driver, &chromium);

    // Home: counts and people.
    b.goto(&format!("{base}/"));
    b.wait_for("#people li");
    assert!(b.text("#stats").starts_with("41 articles"));

    // Search by typing and clicking, as a person would.
    b.type_into("#q", "corridor");
    b.click("#go");
    b.wait_for("#quotes li");
    let hit = b.text("#quotes li");
    assert!(
        hit.contains(HOSTILE_QUOTE),
        "the quote is shown as text: {hit}"
    );
    assert!(hit.contains("Zoë <i>Okafor</i>"), "{hit}");
    b.not_pwned();

    // Open the article from the hit.
    b.click("#quotes li .meta a[href^='#/article/']");
    b.wait_for("#text mark.quote");
    assert_eq!(b.text("#title"), HOSTILE_TITLE);
    assert_eq!(b.text("#text mark.quote"), HOSTILE_QUOTE);
    assert_eq!(b.text("#text mark.date"), "Tuesday");
    assert_eq!(b.text("#text mark.speaker"), "Zoë <i>Okafor</i>");
    assert_eq!(b.text("#text mark.LOC"), "Mombasa");
    assert_eq!(
        b.js("return document.querySelector('.meta a').getAttribute('href')"),
        json!("#"),
        "a javascript: URL is made inert"
    );
    assert_eq!(b.js("return document.scripts.length"), json!(1));
    b.not_pwned();

    // The speaker's entity page, from the highlighted name.
    b.click("#text mark.speaker a");
    b.wait_for("#chart .bar");
    assert_eq!(b.text("#title"), "Zoë <i>Okafor</i>");
    assert!(b.text("#entity-quotes").contains("the corridor stays open"));
    b.not_pwned();

    // A synthetic person: quotes over time and the actors met in events.
    b.goto(&format!("{base}/#/search?q=Njoroge"));
    b.wait_for("#people li a");
    b.click("#people li a");
    b.wait_for("#co-actors li");
    assert!(
        b.js("return document.querySelectorAll('#chart .bar').length")
            .as_u64()
            >= Some(1)
    );
    assert!(!b.text("#entity-events").is_empty());
}
