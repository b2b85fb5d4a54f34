//! Test helpers: the real server on a free port with a fresh demo database, and clients that
//! talk to it like a phone (cookies) or a script (bearer token).

pub mod pdf;

use reqwest::{redirect, Client, Method, StatusCode};
use serde_json::Value;
use server::config::{DatabaseArgs, ServeArgs};
use std::path::PathBuf;
use std::sync::Arc;
use tempfile::TempDir;

pub const PASSWORD: &str = "rounds-demo";

/// The demo's first school (loaded first, so its UUIDv7 is the smaller): the school of the
/// `demo-*` accounts. Tests that read the database directly keep to it with
/// `school_id = {HOME_SCHOOL}`.
pub const HOME_SCHOOL: &str = "(SELECT id FROM schools ORDER BY id LIMIT 1)";

/// The demo accounts of the register's work, and whether each may do it (the asset manager and
/// the admin may; staff and teachers may not).
pub const REGISTER_KEEPERS: [(&str, bool); 4] = [
    ("demo-admin", true),
    ("demo-manager", true),
    ("demo-staff", false),
    ("demo-teacher", false),
];

/// The demo's second school, whose accounts start with `qt-`.
pub const OTHER_SCHOOL: &str = "(SELECT id FROM schools ORDER BY id DESC LIMIT 1)";

/// The store of the demo's first school, from the district's.
pub async fn home_store(district: &dyn app::ssr::store::Store) -> Arc<dyn app::ssr::store::Store> {
    let schools = district.schools().await.expect("the schools");
    let home = schools
        .iter()
        .min_by_key(|s| s.school.id)
        .expect("a school");
    district.for_school(home.school.id)
}

/// The four demo accounts and whether each manages the register (asset manager and admin).
pub const REGISTER_MANAGERS: [(&str, bool); 4] = [
    ("demo-admin", true),
    ("demo-manager", true),
    ("demo-staff", false),
    ("demo-teacher", false),
];

/// A running server, its data folder and its database (both removed when dropped).
pub struct TestApp {
    pub base: String,
    pub data: Arc<TempDir>,
    database_url: String,
    _postgres: Option<Arc<PostgresDatabase>>,
    /// A replica's own `rounds serve` process, stopped when the app is dropped.
    _process: Option<ServerProcess>,
    /// The clock sessions and sign-in go by in this test's server; tests move it forward.
    pub clock: app::ssr::clock::Clock,
}

/// A `rounds serve` process of a test's, killed with the test.
struct ServerProcess(std::process::Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The `rounds` binary of this build: beside the test binary's `deps/` folder.
fn rounds_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>");
    let binary = dir.join("rounds");
    assert!(
        binary.exists(),
        "{} is missing: build it first (cargo build --release -p server)",
        binary.display()
    );
    binary
}

/// Where the PostgreSQL server for the tests is (trust auth), unless `ROUNDS_TEST_POSTGRES`
/// names another.
const POSTGRES: &str = "postgres://postgres@127.0.0.1:5432";

/// Whether this run of the tests is on PostgreSQL (`ROUNDS_TEST_DATABASE=postgres`) rather
/// than SQLite.
pub fn on_postgres() -> bool {
    std::env::var("ROUNDS_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// A fresh PostgreSQL database for one test, dropped with it.
struct PostgresDatabase {
    server: String,
    name: String,
}

impl PostgresDatabase {
    async fn create() -> Self {
        use sqlx::Connection;
        let server = std::env::var("ROUNDS_TEST_POSTGRES").unwrap_or_else(|_| POSTGRES.into());
        let name = format!("rounds_test_{}", uuid::Uuid::now_v7().simple());
        let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
            .await
            .expect("the PostgreSQL server for the tests answers (ROUNDS_TEST_POSTGRES)");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("a test database is created");
        let _ = admin.close().await;
        PostgresDatabase { server, name }
    }

    fn url(&self) -> String {
        format!("{}/{}", self.server, self.name)
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let admin = format!("{}/postgres", self.server);
        let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // The test's own runtime is still running here; drop the database from another thread.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            rt.block_on(async {
                use sqlx::Connection;
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::query(&drop).execute(&mut conn).await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

/// Starts the app on port 0 with the demo school loaded, like `rounds serve --demo`.
pub async fn spawn_app() -> TestApp {
    spawn_app_behind(None).await
}

/// The same, with labels and cookies made for `public_url` (say, an https proxy in front).
pub async fn spawn_app_behind(public_url: Option<&str>) -> TestApp {
    // The server's errors (an internal error's cause is only logged) show with a failing test.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(std::env::var("RUST_LOG").unwrap_or_else(|_| "error".into()))
        .with_test_writer()
        .try_init();
    let data = Arc::new(tempfile::tempdir().expect("a temp folder"));
    let postgres = match on_postgres() {
        true => Some(Arc::new(PostgresDatabase::create().await)),
        false => None,
    };
    let database_url = match &postgres {
        Some(pg) => pg.url(),
        None => format!("sqlite://{}", data.path().join("rounds.db").display()),
    };
    serve(data, database_url, postgres, public_url).await
}

/// Starts a server on a free port on the given data folder and database.
async fn serve(
    data: Arc<TempDir>,
    database_url: String,
    postgres: Option<Arc<PostgresDatabase>>,
    public_url: Option<&str>,
) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("the bound address");
    let base = format!("http://{addr}");
    let args = ServeArgs {
        addr,
        data: data.path().to_path_buf(),
        database_url: Some(database_url.clone()),
        public_url: Some(
            public_url
                .map(str::to_string)
                .unwrap_or_else(|| base.clone()),
        ),
        demo: true,
        label_font: None,
        tls_cert: None,
        tls_key: None,
        site_root: PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../target/site")
            .display()
            .to_string(),
    };
    let state = server::prepare(&args).await.expect("the app starts");
    let clock = state.clock.clone();
    tokio::spawn(server::serve_on(listener, state));
    TestApp {
        base,
        data,
        database_url,
        _postgres: postgres,
        _process: None,
        clock,
    }
}

/// One HTTP answer, with the body as text and (when it parses) as JSON.
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }

    pub fn location(&self) -> String {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    pub fn browser(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .build()
            .expect("a client")
    }

    pub async fn send(
        &self,
        client: &Client,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut req = client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("the server answers");
        Answer {
            status: res.status(),
            headers: res.headers().clone(),
            text: res.text().await.unwrap_or_default(),
        }
    }

    /// A JSON API call with an optional bearer token.
    pub async fn api(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        self.send(
            &Client::new(),
            method,
            &format!("/api/v1{path}"),
            token,
            body,
        )
        .await
    }

    /// `GET /api/v1{path}` with a bearer token, expecting 200: the JSON answer.
    pub async fn get_json(&self, token: &str, path: &str) -> Value {
        let a = self.api(Method::GET, path, Some(token), None).await;
        assert_eq!(a.status, StatusCode::OK, "GET {path}: {}", a.text);
        a.json()
    }

    /// Sends every body to `POST /api/v1{path}` at once, as `token`: how many answered 201
    /// Created, and how many 409 Conflict (a race's winners and losers).
    pub async fn race(&self, token: &str, path: &str, bodies: Vec<Value>) -> (usize, usize) {
        let mut racing = tokio::task::JoinSet::new();
        for body in bodies {
            let (url, token) = (self.url(&format!("/api/v1{path}")), token.to_string());
            racing.spawn(async move {
                Client::new()
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .expect("the server answers")
                    .status()
            });
        }
        let mut answers = Vec::new();
        while let Some(status) = racing.join_next().await {
            answers.push(status.expect("the request task ends"));
        }
        let count = |code| answers.iter().filter(|s| **s == code).count();
        let counted = (count(StatusCode::CREATED), count(StatusCode::CONFLICT));
        assert_eq!(counted.0 + counted.1, answers.len(), "{answers:?}");
        counted
    }

    /// `POST /api/v1/labels`: the status, headers and raw body (a PDF, or a JSON error).
    pub async fn print_labels(
        &self,
        token: &str,
        job: Value,
    ) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
        let res = Client::new()
            .post(self.url("/api/v1/labels"))
            .bearer_auth(token)
            .json(&job)
            .send()
            .await
            .expect("the server answers");
        let (status, headers) = (res.status(), res.headers().clone());
        let body = res.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        (status, headers, body)
    }

    pub async fn token(&self, login: &str) -> String {
        let body = serde_json::json!({ "login": login, "password": PASSWORD });
        let a = self
            .api(Method::POST, "/auth/token", None, Some(body))
            .await;
        assert_eq!(a.status, StatusCode::OK, "token for {login}: {}", a.text);
        a.json()["token"].as_str().expect("a token").to_string()
    }

    /// A browser signed in through the sign-in form.
    pub async fn signed_in_browser(&self, login: &str) -> Client {
        let client = self.browser();
        let res = client
            .post(self.url("/auth/signin"))
            .form(&[("login", login), ("password", PASSWORD), ("next", "/")])
            .send()
            .await
            .expect("sign-in answers");
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()["location"], "/", "{login} signed in");
        client
    }

    /// A page as a signed-in browser sees it.
    pub async fn page(&self, client: &Client, path: &str) -> Answer {
        self.send(client, Method::GET, path, None, None).await
    }

    /// A second server, an OS process of its own (`rounds serve`), on the same database and
    /// data folder, as a load balancer would have beside this one; it shares nothing else with
    /// it.
    pub async fn replica(&self) -> TestApp {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let base = format!("http://127.0.0.1:{port}");
        let child = std::process::Command::new(rounds_binary())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--data"])
            .arg(self.data.path())
            .args(["--database-url", &self.database_url, "--public-url", &base])
            .env("RUST_LOG", "error")
            .spawn()
            .expect("rounds serve starts");
        let process = ServerProcess(child);
        let client = Client::new();
        for _ in 0..300 {
            let answer = client.get(format!("{base}/healthz")).send().await;
            if answer.is_ok_and(|a| a.status().is_success()) {
                return TestApp {
                    base,
                    data: self.data.clone(),
                    database_url: self.database_url.clone(),
                    _postgres: self._postgres.clone(),
                    _process: Some(process),
                    // Another process: its clock is the system's and cannot be moved.
                    clock: Default::default(),
                };
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the replica at {base} did not answer");
    }

    /// The database this app runs on, as the `rounds` subcommands take it.
    pub fn database_args(&self) -> DatabaseArgs {
        DatabaseArgs {
            data: self.data.path().to_path_buf(),
            database_url: Some(self.database_url.clone()),
        }
    }

    /// Runs one SQL query against the test database and returns the first column as text.
    /// Tests write it as SQLite does; on PostgreSQL the few SQLite-only spellings they use
    /// are translated ([`for_postgres`]).
    pub async fn sql(&self, query: &str) -> Vec<String> {
        use app::ssr::db::{Dialect, Value};
        let db = open_db(&self.database_url).await;
        let query = match db.dialect() {
            Dialect::Postgres => for_postgres(query),
            Dialect::Sqlite => query.to_string(),
        };
        let rows = app::ssr::db::query(query)
            .fetch_all(&db)
            .await
            .expect("the query runs");
        rows.iter()
            .map(
                |r| match r.try_get::<Value, _>(0).expect("a first column") {
                    Value::Bytes(b) if b.len() == 16 => {
                        uuid::Uuid::from_slice(&b).unwrap().to_string()
                    }
                    Value::Uuid(u) => u.to_string(),
                    Value::Int(i) => i.to_string(),
                    v => app::ssr::db::FromValue::from_value(v).expect("text"),
                },
            )
            .collect()
    }

    /// Calls a server function the way a form without JavaScript does.
    pub async fn post_form(
        &self,
        client: &Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .expect("the server answers")
    }

    /// POSTs a multipart form (a file and its fields) to `/api/v1{path}` with a bearer token,
    /// asking for Chinese; the status and the JSON answer (null when there is none).
    pub async fn upload(
        &self,
        path: &str,
        token: &str,
        form: reqwest::multipart::Form,
    ) -> (StatusCode, Value) {
        let res = Client::new()
            .post(self.url(&format!("/api/v1{path}")))
            .bearer_auth(token)
            .header("accept-language", "zh-CN")
            .multipart(form)
            .send()
            .await
            .expect("the server answers");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// A tag of the demo school that is linked to nothing.
    pub async fn blank_tag(&self) -> String {
        let codes = self
            .sql("SELECT code FROM tags WHERE room_id IS NULL AND asset_id IS NULL AND shelf_id IS NULL LIMIT 1")
            .await;
        codes
            .into_iter()
            .next()
            .expect("the demo school has blank tags")
    }

    /// The first asset of the demo school, as the API returns it.
    pub async fn some_asset(&self, token: &str) -> Value {
        let a = self
            .api(Method::GET, "/assets?limit=1", Some(token), None)
            .await;
        a.json()["items"][0].clone()
    }

    pub async fn some_room(&self, token: &str) -> Value {
        let a = self
            .api(Method::GET, "/rooms?limit=1", Some(token), None)
            .await;
        a.json()["items"][0].clone()
    }

    /// Checks that the list at `path` pages as every list does: `limit` rows from `offset`, in
    /// a stable order (the ids of a page are the same ids at the same places in the whole
    /// list), nothing past the end, and a bad `limit` or `offset` a 422 naming it. Needs two
    /// rows or more; answers the whole list.
    pub async fn pages_through(&self, token: &str, path: &str) -> Vec<Value> {
        let join = if path.contains('?') { '&' } else { '?' };
        let get = |limit: &str, offset: &str| {
            let url = format!("{path}{join}limit={limit}&offset={offset}");
            async move { self.api(Method::GET, &url, Some(token), None).await }
        };
        let ids = |a: &Answer| -> Vec<String> {
            assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text);
            a.json()
                .as_array()
                .unwrap_or_else(|| panic!("{path} answers an array: {}", a.text))
                .iter()
                .map(|row| row["id"].as_str().expect("each row has an id").to_string())
                .collect()
        };
        let whole = get("200", "0").await;
        let all = ids(&whole);
        assert!(
            all.len() >= 2,
            "{path}: two rows to page through, not {}",
            all.len()
        );
        assert_eq!(ids(&get("1", "0").await), all[..1], "{path}: the first row");
        assert_eq!(
            ids(&get("1", "1").await),
            all[1..2],
            "{path}: the second row"
        );
        let rest = ids(&get("200", "1").await);
        assert_eq!(rest, all[1..], "{path}: everything after the first");
        let end = all.len().to_string();
        assert!(
            ids(&get("1", &end).await).is_empty(),
            "{path}: past the end"
        );
        for (limit, offset, field) in [
            ("0", "0", "limit"),
            ("201", "0", "limit"),
            ("x", "0", "limit"),
            ("1", "-1", "offset"),
        ] {
            let refused = get(limit, offset).await;
            assert_eq!(
                refused.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} limit={limit} offset={offset}: {}",
                refused.text
            );
            assert_eq!(refused.json()["error"]["field"], field, "{path}");
        }
        whole.json().as_array().cloned().unwrap_or_default()
    }

    /// How many history rows one record has.
    pub async fn history_len(&self, entity: &str, id: &str, token: &str) -> usize {
        let a = self
            .api(
                Method::GET,
                &format!("/{entity}/{id}/history?limit=200"),
                Some(token),
                None,
            )
            .await;
        a.json().as_array().map(Vec::len).unwrap_or(0)
    }
}

/// A plain connection pool to a test database, SQLite or PostgreSQL by its URL.
async fn open_db(url: &str) -> app::ssr::db::Db {
    use app::ssr::db::{Db, Pool};
    Db::new(if url.starts_with("postgres") {
        Pool::Postgres(
            sqlx::PgPool::connect(url)
                .await
                .expect("the database opens"),
        )
    } else {
        Pool::Sqlite(
            sqlx::SqlitePool::connect(url)
                .await
                .expect("the database opens"),
        )
    })
}

/// An empty data folder, and database of the kind the tests run on, with no server: what a
/// restore goes into. Both are removed when it is dropped.
pub struct Scratch {
    pub db: DatabaseArgs,
    _folder: TempDir,
    _postgres: Option<PostgresDatabase>,
}

pub async fn scratch_database() -> Scratch {
    let folder = tempfile::tempdir().expect("a temp folder");
    let postgres = match on_postgres() {
        true => Some(PostgresDatabase::create().await),
        false => None,
    };
    let url = match &postgres {
        Some(pg) => pg.url(),
        None => format!(
            "sqlite://{}",
            folder.path().join("data/rounds.db").display()
        ),
    };
    Scratch {
        db: DatabaseArgs {
            data: folder.path().join("data"),
            database_url: Some(url),
        },
        _folder: folder,
        _postgres: postgres,
    }
}

impl Scratch {
    /// A plain connection pool to its database.
    pub async fn open(&self) -> app::ssr::db::Db {
        open_db(self.db.database_url.as_deref().unwrap_or_default()).await
    }
}

/// A test's SQLite query in PostgreSQL's words: ids as hex (`lower(hex(id))`, `hex(id)`), and
/// a stored JSON document searched as text.
fn for_postgres(query: &str) -> String {
    let mut out = query.to_string();
    for (open, case) in [("lower(hex(", "lower"), ("hex(", "upper")] {
        while let Some(at) = out.find(open) {
            let from = at + open.len();
            let Some(len) = out[from..].find(')') else {
                break;
            };
            let column = out[from..from + len].to_string();
            let close = if case == "lower" { 2 } else { 1 };
            let end = (from + len + close).min(out.len());
            let with = format!("{case}(replace(({column})::text, '-', ''))");
            out.replace_range(at..end, &with);
        }
    }
    ["after", "before"].iter().fold(out, |q, doc| {
        q.replace(&format!("{doc} LIKE"), &format!("{doc}::text LIKE"))
    })
}
