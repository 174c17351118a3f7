//! Opening a source: a file or stdin, gzip or LZ4 frames (as resiliparse
//! writes WARC, one frame per record) undone when the magic bytes say so
//! (whatever the name), and its first bytes kept for sniffing. Whole-file
//! formats are read with a cap, so a huge file costs no more than the cap.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use lz4_flex::frame::FrameDecoder;

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

/// The magic bytes of an LZ4 frame.
const LZ4_MAGIC: &[u8] = b"\x04\x22\x4D\x18";

/// Open any byte stream (gzip or LZ4 undone, head kept).
pub fn from_reader(raw: Box<dyn Read>) -> io::Result<Stream> {
    let (head, raw) = peek(raw)?;
    let inflated: Box<dyn Read> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(MultiGzDecoder::new(raw))
    } else if head.starts_with(LZ4_MAGIC) {
        Box::new(Lz4Frames::new(raw))
    } else {
        return Ok(Stream {
            reader: Box::new(BufReader::with_capacity(1 << 16, raw)),
            head,
        });
    };
    let (head, reader) = peek(inflated)?;
    Ok(Stream {
        reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
        head,
    })
}

/// LZ4 frames one after another (a WARC writes one per record), read as
/// one stream: the frame decoder stops at the end of its frame, so a new
/// one starts wherever more bytes follow.
struct Lz4Frames {
    frame: Option<FrameDecoder<BufReader<Box<dyn Read>>>>,
}

impl Lz4Frames {
    fn new(raw: Box<dyn Read>) -> Self {
        Lz4Frames {
            frame: Some(FrameDecoder::new(BufReader::new(raw))),
        }
    }
}

impl Read for Lz4Frames {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while let Some(frame) = self.frame.as_mut() {
            let n = frame.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            let mut rest = self.frame.take().map(FrameDecoder::into_inner);
            if let Some(r) = rest.as_mut()
                && !r.fill_buf()?.is_empty()
            {
                self.frame = rest.map(FrameDecoder::new);
            }
        }
        Ok(0)
    }
}

/// A compression this reader does not undo, named from the magic bytes.
pub fn unsupported_compression(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
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
    fn lz4_frames_one_after_another_read_as_one_stream() {
        let frame = |text: &[u8]| {
            let mut enc = lz4_flex::frame::FrameEncoder::new(Vec::new());
            enc.write_all(text).unwrap();
            enc.finish().unwrap()
        };
        let mut bytes = frame(b"WARC/1.0\r\nfirst record\r\n\r\n");
        bytes.extend(frame(b"WARC/1.0\r\nsecond record\r\n\r\n"));
        let mut s = from_reader(Box::new(Cursor::new(bytes))).unwrap();
        assert!(s.head.starts_with(b"WARC/1.0"));
        let all = read_capped(&mut s.reader, 1000).unwrap();
        assert_eq!(
            all,
            b"WARC/1.0\r\nfirst record\r\n\r\nWARC/1.0\r\nsecond record\r\n\r\n"
        );
    }

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
