//! Test helpers: the real server on a free port with a fresh demo database, and clients that
//! talk to it like a phone (cookies) or a script (bearer token).

pub mod pdf;

use reqwest::{redirect, Client, Method, StatusCode};
use serde_json::Value;
use server::config::ServeArgs;
use std::path::PathBuf;
use tempfile::TempDir;

pub const PASSWORD: &str = "rounds-demo";

/// The four demo accounts and whether each manages the register (asset manager and admin).
pub const REGISTER_MANAGERS: [(&str, bool); 4] = [
    ("demo-admin", true),
    ("demo-manager", true),
    ("demo-staff", false),
    ("demo-teacher", false),
];

/// A running server and its data folder (removed when dropped).
pub struct TestApp {
    pub base: String,
    pub data: TempDir,
}

/// Starts the app on port 0 with the demo school loaded, like `rounds serve --demo`.
pub async fn spawn_app() -> TestApp {
    spawn_app_behind(None).await
}

/// The same, with labels and cookies made for `public_url` (say, an https proxy in front).
pub async fn spawn_app_behind(public_url: Option<&str>) -> TestApp {
    let data = tempfile::tempdir().expect("a temp folder");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("the bound address");
    let base = format!("http://{addr}");
    let args = ServeArgs {
        addr,
        data: data.path().to_path_buf(),
        database_url: None,
        public_url: Some(
            public_url
                .map(str::to_string)
                .unwrap_or_else(|| base.clone()),
        ),
        demo: true,
        label_font: None,
        site_root: PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../target/site")
            .display()
            .to_string(),
    };
    let state = server::prepare(&args).await.expect("the app starts");
    tokio::spawn(server::serve_on(listener, state));
    TestApp { base, data }
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

    /// Runs one SQL query against the test database and returns the first column as text.
    pub async fn sql(&self, query: &str) -> Vec<String> {
        let url = format!("sqlite://{}", self.data.path().join("rounds.db").display());
        let pool = sqlx::SqlitePool::connect(&url)
            .await
            .expect("the test database opens");
        let rows: Vec<(String,)> = sqlx::query_as(query)
            .fetch_all(&pool)
            .await
            .expect("the query runs");
        pool.close().await;
        rows.into_iter().map(|r| r.0).collect()
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

    /// A tag of the demo school that is linked to nothing.
    pub async fn blank_tag(&self) -> String {
        let codes = self
            .sql("SELECT code FROM tags WHERE room_id IS NULL AND asset_id IS NULL LIMIT 1")
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

    /// How many history rows one record has.
    pub async fn history_len(&self, entity: &str, id: &str, token: &str) -> usize {
        let a = self
            .api(
                Method::GET,
                &format!("/{entity}/{id}/history"),
                Some(token),
                None,
            )
            .await;
        a.json().as_array().map(Vec::len).unwrap_or(0)
    }
}
