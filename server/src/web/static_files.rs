//! The built site (CSS, wasm, icons) held in memory and sent precompressed: the files are small,
//! fixed for a build, and served far more often than they change. The stylesheet and the
//! islands bundles in `/pkg` are also served under names that carry their content's hash
//! (`/pkg/rounds-forms.3f9a….js` with `/pkg/rounds-forms.3f9a…_bg.wasm`), which the pages link
//! and browsers keep for good (`immutable`): a second visit costs only the page.

use app::ssr::assets::AssetNames;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

#[derive(Clone)]
struct StaticFile {
    plain: Bytes,
    /// Served under a hashed name: never changes, kept for a year.
    immutable: bool,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    content_type: &'static str,
    etag: String,
}

/// Every file under the site root, by URL path (the hashed names included).
#[derive(Clone, Default)]
pub struct StaticFiles {
    files: Arc<HashMap<String, StaticFile>>,
    names: AssetNames,
}

/// One year, the longest a browser is asked to keep a file.
const FOR_GOOD: &str = "public, max-age=31536000, immutable";

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

/// A 64-bit FNV-1a digest, enough to tell one build's file from another's.
fn digest(bytes: &[u8], start: u64) -> u64 {
    bytes.iter().fold(start, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The family a `/pkg` file belongs to and the rest of its name: `rounds-forms_bg.wasm` is
/// (`rounds-forms`, `_bg.wasm`), `rounds.css` is (`rounds`, `.css`).
fn family(name: &str) -> (&str, &str) {
    let stem_end = name.find('.').unwrap_or(name.len());
    let stem = name[..stem_end]
        .strip_suffix("_bg")
        .unwrap_or(&name[..stem_end]);
    (stem, &name[stem.len()..])
}

/// Adds each `/pkg` family's files again under `/pkg/{stem}.{hash}{rest}`, the hash taken
/// over all the family's files, and returns the hashed stems.
fn add_hashed(files: &mut HashMap<String, StaticFile>) -> HashMap<String, String> {
    let mut families: HashMap<String, Vec<String>> = HashMap::new();
    for url in files.keys() {
        if let Some(name) = url.strip_prefix("/pkg/").filter(|n| !n.contains('/')) {
            families
                .entry(family(name).0.to_string())
                .or_default()
                .push(name.to_string());
        }
    }
    let mut hashed = HashMap::new();
    for (stem, mut names) in families {
        names.sort();
        let hash = names.iter().fold(FNV_START, |h, name| {
            digest(
                &files[&format!("/pkg/{name}")].plain,
                digest(name.as_bytes(), h),
            )
        });
        let new_stem = format!("{stem}.{hash:016x}");
        for name in names {
            let file = &files[&format!("/pkg/{name}")];
            let copy = StaticFile {
                immutable: true,
                ..StaticFile::clone(file)
            };
            let rest = family(&name).1;
            files.insert(format!("/pkg/{new_stem}{rest}"), copy);
        }
        hashed.insert(stem, new_stem);
    }
    hashed
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
        let digest = digest(&plain, FNV_START);
        out.insert(
            url.clone(),
            StaticFile {
                content_type: content_type(&url),
                etag: format!("\"{digest:016x}\""),
                brotli: sibling("br"),
                gzip: sibling("gz"),
                plain,
                immutable: false,
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
        let names = AssetNames::new(add_hashed(&mut files));
        Self {
            files: Arc::new(files),
            names,
        }
    }

    /// The hashed names the pages link.
    pub fn names(&self) -> AssetNames {
        self.names.clone()
    }

    /// The file at `path` in the best encoding the browser accepts, or `None`.
    pub fn respond(&self, path: &str, headers: &HeaderMap) -> Option<Response> {
        let file = self.files.get(path)?;
        let cache = if file.immutable { FOR_GOOD } else { "no-cache" };
        let mut builder = Response::builder()
            .header(header::CONTENT_TYPE, file.content_type)
            .header(header::ETAG, &file.etag)
            .header(header::CACHE_CONTROL, cache)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file(body: &str) -> StaticFile {
        StaticFile {
            plain: Bytes::from(body.to_string()),
            immutable: false,
            brotli: None,
            gzip: None,
            content_type: "text/plain",
            etag: String::new(),
        }
    }

    #[test]
    fn a_bundle_s_script_and_wasm_are_one_family() {
        assert_eq!(family("rounds-forms.js"), ("rounds-forms", ".js"));
        assert_eq!(family("rounds-forms_bg.wasm"), ("rounds-forms", "_bg.wasm"));
        assert_eq!(family("rounds.css"), ("rounds", ".css"));
    }

    fn hashed_site(wasm: &str) -> (HashMap<String, StaticFile>, HashMap<String, String>) {
        let mut files = HashMap::from([
            ("/pkg/rounds-forms.js".to_string(), file("js")),
            ("/pkg/rounds-forms_bg.wasm".to_string(), file(wasm)),
            ("/pkg/rounds.css".to_string(), file("css")),
            ("/sw.js".to_string(), file("worker")),
        ]);
        let stems = add_hashed(&mut files);
        (files, stems)
    }

    #[test]
    fn each_family_is_served_again_under_one_hash_of_all_its_files() {
        let (files, stems) = hashed_site("wasm");
        let forms = &stems["rounds-forms"];
        assert!(forms.starts_with("rounds-forms.") && forms.len() == "rounds-forms.".len() + 16);
        for name in [format!("/pkg/{forms}.js"), format!("/pkg/{forms}_bg.wasm")] {
            assert!(files[&name].immutable, "{name}");
        }
        assert_eq!(files[&format!("/pkg/{forms}_bg.wasm")].plain, "wasm");
        assert!(!files["/pkg/rounds-forms.js"].immutable);
        assert!(stems.contains_key("rounds") && !stems.contains_key("sw"));
        assert_eq!(files.len(), 4 + 3);
        let (_, rebuilt) = hashed_site("other wasm");
        assert_ne!(rebuilt["rounds-forms"], *forms, "a new build is a new name");
        assert_eq!(
            rebuilt["rounds"], stems["rounds"],
            "an unchanged stylesheet keeps its name"
        );
    }
}
