//! Opening a source: a file or stdin, gzip undone when its magic bytes say
//! so (whatever the name), and its first bytes kept for sniffing. Whole-file
//! formats are read with a cap, so a huge file costs no more than the cap.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;

/// Bytes kept for sniffing the format.
const HEAD_BYTES: usize = 8192;

/// A readable source with its first (uncompressed) bytes.
pub struct Stream {
    pub reader: Box<dyn BufRead>,
    pub head: Vec<u8>,
}

/// Open `path` (`-` is stdin).
pub fn open(path: &Path) -> io::Result<Stream> {
    let raw: Box<dyn Read> = if path == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    from_reader(raw)
}

/// Open any byte stream (gzip undone, head kept).
pub fn from_reader(raw: Box<dyn Read>) -> io::Result<Stream> {
    let (head, raw) = peek(raw)?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let inflated: Box<dyn Read> = Box::new(MultiGzDecoder::new(raw));
        let (head, reader) = peek(inflated)?;
        return Ok(Stream {
            reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
            head,
        });
    }
    Ok(Stream {
        reader: Box::new(BufReader::with_capacity(1 << 16, raw)),
        head,
    })
}

/// A compression this reader does not undo, named from the magic bytes.
pub fn unsupported_compression(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x04\x22\x4D\x18", "LZ4"),
        (b"\x28\xB5\x2F\xFD", "Zstandard"),
        (b"BZh", "bzip2"),
        (b"\xFD7zXZ\x00", "XZ"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| head.starts_with(m))
        .map(|(_, name)| *name)
}

/// Read the first bytes and give back a reader that still starts with them.
/// A read error after some bytes (a gzip member cut short early in the
/// file) is kept for the record reader to meet where it happened.
fn peek(mut r: Box<dyn Read>) -> io::Result<(Vec<u8>, Box<dyn Read>)> {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    let rest: Box<dyn Read> = match (&mut r).take(HEAD_BYTES as u64).read_to_end(&mut head) {
        Ok(_) => r,
        Err(e) if head.is_empty() => return Err(e),
        Err(e) => Box::new(Broken {
            kind: e.kind(),
            why: e.to_string(),
        }),
    };
    let again: Box<dyn Read> = Box::new(Cursor::new(head.clone()).chain(rest));
    Ok((head, again))
}

/// A stream that already failed: every read repeats the error.
struct Broken {
    kind: io::ErrorKind,
    why: String,
}

impl Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.kind, self.why.clone()))
    }
}

/// Read the rest of a stream, refusing more than `cap` bytes.
pub fn read_capped(reader: &mut dyn BufRead, cap: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(cap as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > cap {
        return Err(format!("over the {cap}-byte limit; skipped"));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzip_is_found_by_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-extension");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"WARC/1.0\r\n").unwrap();
        std::fs::write(&path, gz.finish().unwrap()).unwrap();
        let mut s = open(&path).unwrap();
        assert!(s.head.starts_with(b"WARC/1.0"));
        let all = read_capped(&mut s.reader, 100).unwrap();
        assert_eq!(all, b"WARC/1.0\r\n");
    }

    #[test]
    fn the_cap_is_kept() {
        let mut r: &[u8] = b"0123456789";
        assert!(read_capped(&mut r, 5).is_err());
        let mut r: &[u8] = b"01234";
        assert_eq!(read_capped(&mut r, 5).unwrap(), b"01234");
    }
}
