//! Settings from flags and environment variables, with defaults that serve a demo locally.

use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;

/// `rounds serve` flags; each also reads an environment variable.
#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "ROUNDS_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Folder for photos, and for the SQLite database unless `DATABASE_URL` names another.
    #[arg(long, env = "ROUNDS_DATA", default_value = "data")]
    pub data: PathBuf,
    /// Database URL, `sqlite://…` or `postgres://…`; defaults to `sqlite://{data}/rounds.db`.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// The address printed on labels: tag URLs are `{public_url}/t/{CODE}`.
    #[arg(long, env = "ROUNDS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Load the demo school into an empty database and show the demo accounts.
    #[arg(long, env = "ROUNDS_DEMO")]
    pub demo: bool,
    /// The CJK font printed on labels (an OpenType/TrueType file or collection); defaults to
    /// Debian's fonts-noto-cjk Noto Sans CJK SC.
    #[arg(long, env = "ROUNDS_LABEL_FONT")]
    pub label_font: Option<PathBuf>,
    /// Serve https with this certificate chain (PEM); phones allow the camera only over https.
    /// Needs `--tls-key`. Without both, plain http (behind a reverse proxy that speaks https).
    #[arg(long, env = "ROUNDS_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM: PKCS#8, PKCS#1 or SEC1).
    #[arg(long, env = "ROUNDS_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Where the built site (CSS, wasm, static files) is; relative to the working folder.
    #[arg(long, env = "ROUNDS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
}

/// The database to open: the URL given, or a SQLite file in the data folder.
#[derive(Args, Clone, Debug)]
pub struct DatabaseArgs {
    #[arg(long, env = "ROUNDS_DATA", default_value = "data")]
    pub data: PathBuf,
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
}

impl DatabaseArgs {
    pub fn url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data.join("rounds.db").display()))
    }
}

impl ServeArgs {
    pub fn database(&self) -> DatabaseArgs {
        DatabaseArgs {
            data: self.data.clone(),
            database_url: self.database_url.clone(),
        }
    }

    /// The public URL without a trailing slash; defaults to the listening address.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| {
                let scheme = if self.tls_cert.is_some() {
                    "https"
                } else {
                    "http"
                };
                format!("{scheme}://{}", self.addr)
            })
            .trim_end_matches('/')
            .to_string()
    }
}
