//! The load benchmark's ceiling: a trivial axum handler that answers every GET with a fixed
//! body of the given size, so `.ci/bench` can show how close `/t/CODE` comes to it.
//!
//! `cargo run --release --example ceiling -- 127.0.0.1:4000 6000`

use axum::routing::get;
use axum::Router;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:4000".into());
    let size: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(6000);
    let body: &'static str = Box::leak("x".repeat(size).into_boxed_str());
    let app = Router::new().fallback(get(move || async move { axum::response::Html(body) }));
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .expect("the address is free");
    axum::serve(listener, app).await.expect("serves");
}
