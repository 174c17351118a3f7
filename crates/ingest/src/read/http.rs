//! The HTTP message stored in a WARC `response` record: status, headers,
//! and the body with chunked transfer-encoding undone (falling back to the
//! raw bytes when the chunks are malformed, as archived servers often are).

/// A parsed HTTP response.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HttpResponse {
    pub status: Option<u16>,
    /// `(name lower-cased, value)`.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// First header value by (lower-case) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The `charset` parameter of `Content-Type`.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.header("content-type")?;
        ct.split(';').find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches('"'))
        })
    }

    /// The media type of `Content-Type`, lower-cased.
    pub fn media_type(&self) -> Option<String> {
        self.header("content-type").map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }
}

/// Split an HTTP response message; None when it does not start with a status line.
pub fn parse_response(block: &[u8]) -> Option<HttpResponse> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head_end, sep) = find(block, b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| find(block, b"\n\n").map(|p| (p, 2)))
        .unwrap_or((block.len(), 0));
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let raw = &block[(head_end + sep).min(block.len())..];
    let mut resp = HttpResponse {
        status,
        headers,
        body: Vec::new(),
    };
    let chunked = resp
        .header("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(raw).unwrap_or_else(|| raw.to_vec())
    } else {
        raw.to_vec()
    };
    let encoding = resp.header("content-encoding").map(str::to_ascii_lowercase);
    resp.body = match encoding.as_deref() {
        Some("gzip" | "x-gzip") => {
            inflate(flate2::read::MultiGzDecoder::new(&body[..])).unwrap_or(body)
        }
        Some("deflate") => inflate(flate2::read::ZlibDecoder::new(&body[..]))
            .or_else(|| inflate(flate2::read::DeflateDecoder::new(&body[..])))
            .unwrap_or(body),
        _ => body,
    };
    Some(resp)
}

/// Largest decompressed body kept.
const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

/// Decompress a `Content-Encoding`d body, bounded; None when it does not decode.
fn inflate(decoder: impl std::io::Read) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    decoder
        .take(MAX_INFLATED_BYTES)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Undo chunked transfer-encoding; None when the chunks do not parse.
pub fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    loop {
        let line_end = find(raw, b"\n")?;
        let line = std::str::from_utf8(&raw[..line_end]).ok()?.trim();
        let size_hex = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        raw = &raw[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        if raw.len() < size {
            return None;
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[size..];
        if raw.starts_with(b"\r\n") {
            raw = &raw[2..];
        } else if raw.starts_with(b"\n") {
            raw = &raw[1..];
        }
        if raw.is_empty() {
            return Some(out);
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headers_charset_and_chunks() {
        let msg = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n";
        let r = parse_response(msg).unwrap();
        assert_eq!(r.status, Some(200));
        assert_eq!(r.charset(), Some("ISO-8859-1"));
        assert_eq!(r.media_type().as_deref(), Some("text/html"));
        assert_eq!(r.body, b"Hello world");
    }

    #[test]
    fn gzip_content_encoding_is_undone() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>Packed</p>").unwrap();
        let mut msg = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        msg.extend(gz.finish().unwrap());
        assert_eq!(parse_response(&msg).unwrap().body, b"<p>Packed</p>");
    }

    #[test]
    fn bad_chunks_fall_back_to_raw() {
        let msg = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>not chunked</html>";
        assert_eq!(
            parse_response(msg).unwrap().body,
            b"<html>not chunked</html>"
        );
    }
}
