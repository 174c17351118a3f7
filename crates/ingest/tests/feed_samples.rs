//! The feed samples in `../shared/data/ingest/feeds`: every file gives items
//! or one error, never a panic; where feed-rs ships its expected parse
//! (`*.serde.json`), the item count matches it.

use std::path::Path;

use tidings_ingest::read::feed::read_feed;

#[test]
fn every_feed_sample_reads() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ingest/feeds"
    ));
    if !dir.exists() {
        eprintln!("skipping: {} is absent", dir.display());
        return;
    }
    let (mut files, mut items, mut failed, mut checked) = (0, 0, 0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".serde.json") || name.starts_with("LICENSE") || name.ends_with(".md")
            {
                continue;
            }
            files += 1;
            let bytes = std::fs::read(&path).unwrap();
            match read_feed(&bytes) {
                Ok(list) => {
                    items += list.len();
                    let expected = path.with_file_name(
                        name.rsplit_once('.').unwrap().0.to_string() + ".serde.json",
                    );
                    if let Ok(json) = std::fs::read(&expected) {
                        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
                        if let Some(entries) = v["entries"].as_array() {
                            assert_eq!(entries.len(), list.len(), "{name}");
                            checked += 1;
                        }
                    }
                }
                Err(e) => {
                    eprintln!("{name}: {e}");
                    failed += 1;
                }
            }
        }
    }
    eprintln!(
        "{files} files, {items} items, {failed} unreadable, {checked} checked against feed-rs"
    );
    assert!(files >= 60 && items >= 100, "{files} files, {items} items");
    assert!(failed * 10 < files, "{failed} of {files} failed");
}
