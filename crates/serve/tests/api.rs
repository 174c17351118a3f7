//! The API through its router: status codes, JSON errors, paging, escaping
//! headers, and the OpenAPI document. One test also goes over a real socket.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tidings_store::{Provenance, SqliteStore, Store, synth};
use tower::ServiceExt;

/// A store of `n` synthetic articles in a temporary folder.
fn store(n: u64) -> (tempfile::TempDir, Arc<SqliteStore>) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("api.db")).unwrap();
    let src = Provenance {
        source: "test".into(),
    };
    for i in 0..n {
        store.put(&synth::article(i), &src).unwrap();
    }
    (dir, Arc::new(store))
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    let res = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, body)
}

#[tokio::test]
async fn lists_are_paged_and_bounded() {
    let (_dir, store) = store(60);
    let app = tidings_serve::app(store);
    let (s, p1) = get(&app, "/api/quotes?limit=50").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(p1["items"].as_array().unwrap().len(), 50);
    assert_eq!(p1["next_offset"], 50);
    let (_, p3) = get(&app, "/api/quotes?limit=50&offset=100").await;
    assert_eq!(p3["items"].as_array().unwrap().len(), 20);
    assert_eq!(p3["next_offset"], Value::Null);
    let (_, dflt) = get(&app, "/api/articles").await;
    assert_eq!(dflt["limit"], 20);
    // Newest first.
    let dates: Vec<&str> = p1["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["published"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
    let (s, _) = get(&app, "/api/quotes?limit=201").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bad_parameters_get_json_400s_that_name_them() {
    let (_dir, store) = store(3);
    let app = tidings_serve::app(store);
    for (uri, names) in [
        ("/api/quotes?limit=0", "limit"),
        ("/api/quotes?limit=ten", "limit"),
        ("/api/quotes?offset=-1", "offset"),
        ("/api/quotes?from=2025-13-01", "from"),
        ("/api/quotes?from=2025-05-01&to=2025-01-01", "from"),
        ("/api/quotes?speker=Berg", "speker"),
        ("/api/quotes?q=a&q=b", "q"),
        ("/api/events?type=ACC%20USE", "type"),
        ("/api/entities?type=PERSONS", "type"),
        ("/api/entities/x1", "id"),
        ("/api/articles/0", "id"),
        ("/api/articles?to=tomorrow", "to"),
    ] {
        let (s, body) = get(&app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(body["error"]["code"], "bad_parameter", "{uri}");
        let msg = body["error"]["message"].as_str().unwrap();
        assert!(msg.contains(names), "{uri}: {msg}");
    }
}

#[tokio::test]
async fn missing_things_are_json_404s() {
    let (_dir, store) = store(3);
    let app = tidings_serve::app(store);
    for uri in ["/api/articles/999", "/api/entities/999", "/api/nothing"] {
        let (s, body) = get(&app, uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(body["error"]["code"], "not_found");
    }
}

#[tokio::test]
async fn searches_filter_by_speaker_words_type_and_date() {
    let (_dir, store) = store(200);
    let app = tidings_serve::app(store.clone());
    let (_, people) = get(&app, "/api/entities?q=njor&type=PER").await;
    let first = &people["items"][0];
    assert!(first["name"].as_str().unwrap().ends_with("Njoroge"));
    let id = first["id"].as_i64().unwrap();
    let (s, e) = get(&app, &format!("/api/entities/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(!e["quotes_by_month"].as_array().unwrap().is_empty());
    let (_, by) = get(&app, "/api/quotes?speaker=Njoroge&limit=200").await;
    for q in by["items"].as_array().unwrap() {
        assert!(q["speaker"]["name"].as_str().unwrap().contains("Njoroge"));
    }
    let (_, dated) = get(
        &app,
        "/api/quotes?q=agreement&from=2025-01-01&to=2025-01-31",
    )
    .await;
    for q in dated["items"].as_array().unwrap() {
        assert!(q["published"].as_str().unwrap().starts_with("2025-01"));
        assert!(q["text"].as_str().unwrap().contains("agreement"));
    }
    let (_, ev) = get(&app, "/api/events?type=accuse&limit=5").await;
    assert!(
        ev["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["type"] == "ACCUSE")
    );
    let aid = ev["items"][0]["article"].as_i64().unwrap();
    let (s, art) = get(&app, &format!("/api/articles/{aid}")).await;
    assert_eq!(s, StatusCode::OK);
    let text: Vec<char> = art["text"].as_str().unwrap().chars().collect();
    // A quote's text is its parts' words joined by one space.
    for q in art["quotes"].as_array().unwrap() {
        let parts: Vec<String> = q["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let (a, b) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
                text[a as usize..b as usize].iter().collect()
            })
            .collect();
        assert_eq!(parts.join(" "), q["text"].as_str().unwrap());
    }
}

#[tokio::test]
async fn quotes_filter_by_unnamed_sources_and_events_by_actor_codes() {
    let (_dir, store) = store(40);
    let app = tidings_serve::app(store.clone());
    let (s, unnamed) = get(&app, "/api/quotes?anonymous=true&limit=200").await;
    assert_eq!(s, StatusCode::OK);
    let unnamed = unnamed["items"].as_array().unwrap();
    assert!(!unnamed.is_empty());
    for q in unnamed {
        assert_eq!(q["speaker"]["anonymous"], true);
        assert_eq!(q["speaker"]["name"], Value::Null);
        assert!(q["speaker"]["description"].as_str().is_some());
    }
    let (_, named) = get(&app, "/api/quotes?anonymous=false&limit=200").await;
    assert!(
        named["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["speaker"]["anonymous"] == false)
    );
    let (s, ev) = get(&app, "/api/events?country=prt&sector=GOV&limit=200").await;
    assert_eq!(s, StatusCode::OK);
    let ev = ev["items"].as_array().unwrap();
    assert!(!ev.is_empty());
    for e in ev {
        let coded = |side: &str| e[side]["country"] == "PRT" && e[side]["sector"] == "GOV";
        assert!(coded("source") || coded("target"), "{e}");
    }
    for bad in [
        "/api/quotes?anonymous=maybe",
        "/api/events?country=Russia",
        "/api/events?sector=G0V",
    ] {
        let (s, body) = get(&app, bad).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
        assert!(body["error"]["message"].as_str().is_some(), "{bad}: {body}");
    }
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let (_dir, store) = store(1);
    let app = tidings_serve::app(store);
    for (uri, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/api/openapi.json", "application/json"),
    ] {
        let res = app
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{uri}");
        let h = res.headers();
        assert!(
            h["content-type"].to_str().unwrap().starts_with(kind),
            "{uri}"
        );
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
        assert_eq!(h["x-content-type-options"], "nosniff");
    }
    let js = tidings_serve::web_asset("app.js").unwrap();
    assert!(
        !js.contains("innerHTML"),
        "the page never parses data as HTML"
    );
}

#[tokio::test]
async fn the_openapi_document_lists_every_endpoint() {
    let (_dir, store) = store(1);
    let app = tidings_serve::app(store);
    let (s, doc) = get(&app, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/articles",
        "/api/articles/{id}",
        "/api/quotes",
        "/api/entities",
        "/api/entities/{id}",
        "/api/events",
        "/api/stats",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} documented");
    }
}

#[test]
fn a_real_socket_serves_the_api() {
    let (_dir, store) = store(2);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(tidings_serve::serve(listener, store));
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    assert!(out.contains("\"articles\":2"), "{out}");
}
