//! The `rounds` command line: the first admin, and generated schools for benchmarks.

use app::ssr::sql::SqlStore;
use app::ssr::store::{PeopleStore, RegisterStore};
use std::io::Write;
use std::process::{Command, Stdio};

fn rounds(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rounds"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rounds runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("password written");
    child.wait_with_output().expect("rounds finishes")
}

#[tokio::test]
async fn the_first_admin_comes_from_the_command_line_with_the_password_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = rounds(
        &[
            "user",
            "add",
            "--login",
            "Head",
            "--role",
            "admin",
            "--name",
            "周主任",
            "--data",
            data,
        ],
        "s3cret-pass\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = SqlStore::connect(&format!("sqlite://{data}/rounds.db"))
        .await
        .unwrap();
    let (user, hash) = store
        .credentials("head")
        .await
        .unwrap()
        .expect("the admin exists");
    assert_eq!(user.display_name, "周主任");
    assert!(app::ssr::people::auth::verify_password("s3cret-pass".into(), Some(hash)).await);

    let again = rounds(
        &[
            "user", "add", "--login", "head", "--role", "admin", "--data", data,
        ],
        "another-pass\n",
    );
    assert!(!again.status.success(), "a taken login is refused");
    let short = rounds(
        &[
            "user", "add", "--login", "x2", "--role", "admin", "--data", data,
        ],
        "short\n",
    );
    assert!(!short.status.success() && String::from_utf8_lossy(&short.stderr).contains("8 to 128"));
    let role = rounds(
        &[
            "user", "add", "--login", "x3", "--role", "king", "--data", data,
        ],
        "long-enough\n",
    );
    assert!(!role.status.success());
}

#[tokio::test]
async fn generate_fills_an_empty_database_with_a_school_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = rounds(&["generate", "--assets", "3000", "--data", data], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = SqlStore::connect(&format!("sqlite://{data}/rounds.db"))
        .await
        .unwrap();
    let page = store.list_assets(&Default::default(), None).await.unwrap();
    assert!(page.total >= 3000, "{} assets", page.total);
    let again = rounds(&["generate", "--assets", "10", "--data", data], "");
    assert!(!again.status.success(), "a filled database is left alone");
}
