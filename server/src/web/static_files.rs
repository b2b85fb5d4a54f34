//! The built site (CSS, wasm, icons) held in memory and sent precompressed: the files are small,
//! fixed for a build, and served far more often than they change.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

struct StaticFile {
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: &'static str,
    etag: String,
}

/// Every file under the site root, by URL path.
#[derive(Clone, Default)]
pub struct StaticFiles(Arc<HashMap<String, StaticFile>>);

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" | "webmanifest" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn walk(root: &Path, dir: &Path, out: &mut HashMap<String, StaticFile>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, out)?;
            continue;
        }
        let name = path.to_string_lossy();
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let url = format!(
            "/{}",
            path.strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/")
        );
        let plain = Bytes::from(std::fs::read(&path)?);
        let sibling = |ext: &str| std::fs::read(format!("{name}.{ext}")).ok().map(Bytes::from);
        let digest = plain.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
        });
        out.insert(
            url.clone(),
            StaticFile {
                content_type: content_type(&url),
                etag: format!("\"{digest:016x}\""),
                brotli: sibling("br"),
                gzip: sibling("gz"),
                plain,
            },
        );
    }
    Ok(())
}

impl StaticFiles {
    /// Reads the site root once at start; a missing root (tests of the API alone) serves nothing.
    pub fn load(root: &str) -> Self {
        let mut files = HashMap::new();
        if let Err(e) = walk(Path::new(root), Path::new(root), &mut files) {
            tracing::warn!("no built site at {root} ({e}): run .ci/build-site for CSS and wasm");
        }
        Self(Arc::new(files))
    }

    /// The file at `path` in the best encoding the browser accepts, or `None`.
    pub fn respond(&self, path: &str, headers: &HeaderMap) -> Option<Response> {
        let file = self.0.get(path)?;
        let mut builder = Response::builder()
            .header(header::CONTENT_TYPE, file.content_type)
            .header(header::ETAG, &file.etag)
            .header(header::CACHE_CONTROL, "no-cache")
            .header(header::VARY, "accept-encoding");
        if headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            == Some(file.etag.as_str())
        {
            return builder
                .status(StatusCode::NOT_MODIFIED)
                .body(Body::empty())
                .ok();
        }
        let accepts = headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let (body, encoding) = match (&file.brotli, &file.gzip) {
            (Some(br), _) if accepts.contains("br") => (br.clone(), Some("br")),
            (_, Some(gz)) if accepts.contains("gzip") => (gz.clone(), Some("gzip")),
            _ => (file.plain.clone(), None),
        };
        if let Some(enc) = encoding {
            builder = builder.header(header::CONTENT_ENCODING, HeaderValue::from_static(enc));
        }
        builder.body(Body::from(body)).ok()
    }
}
