//! The `rounds` command line: schools and their first admins, users, and generated districts
//! for benchmarks.

use app::ssr::sql::SqlStore;
use app::ssr::store::{PeopleStore, SchoolStore, Scope};
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
async fn schools_and_their_admins_come_from_the_command_line_with_the_password_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let none = rounds(
        &[
            "user", "add", "--login", "x1", "--role", "admin", "--data", data,
        ],
        "long-enough\n",
    );
    assert!(
        !none.status.success() && String::from_utf8_lossy(&none.stderr).contains("school add"),
        "a school's user needs a school"
    );
    let out = rounds(
        &[
            "school",
            "add",
            "--name",
            "龙城小学",
            "--admin",
            "Head",
            "--admin-name",
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
    assert!(user.school.is_some(), "of the new school");
    assert!(app::ssr::people::auth::verify_password("s3cret-pass".into(), Some(hash)).await);

    // With one school, --school may be left out; with two it must be given.
    let teacher = rounds(
        &[
            "user", "add", "--login", "wang", "--role", "teacher", "--data", data,
        ],
        "long-enough\n",
    );
    assert!(
        teacher.status.success(),
        "{}",
        String::from_utf8_lossy(&teacher.stderr)
    );
    let second = rounds(
        &[
            "school",
            "add",
            "--name",
            "清潭小学",
            "--admin",
            "qt-head",
            "--data",
            data,
        ],
        "long-enough\n",
    );
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let which = rounds(
        &[
            "user", "add", "--login", "li", "--role", "staff", "--data", data,
        ],
        "long-enough\n",
    );
    assert!(!which.status.success() && String::from_utf8_lossy(&which.stderr).contains("--school"));
    let named = rounds(
        &[
            "user",
            "add",
            "--login",
            "li",
            "--role",
            "staff",
            "--school",
            "清潭小学",
            "--data",
            data,
        ],
        "long-enough\n",
    );
    assert!(
        named.status.success(),
        "{}",
        String::from_utf8_lossy(&named.stderr)
    );
    let li = store.credentials("li").await.unwrap().unwrap().0;
    let qt = store.credentials("qt-head").await.unwrap().unwrap().0;
    assert_eq!(li.school, qt.school, "li is of 清潭小学");
    let district = rounds(
        &[
            "user",
            "add",
            "--login",
            "edu",
            "--role",
            "district_admin",
            "--data",
            data,
        ],
        "long-enough\n",
    );
    assert!(
        district.status.success(),
        "{}",
        String::from_utf8_lossy(&district.stderr)
    );
    assert_eq!(
        store.credentials("edu").await.unwrap().unwrap().0.school,
        None
    );
    let list = rounds(&["school", "list", "--data", data], "");
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains("龙城小学\t2\t") && list.contains("清潭小学\t2\t"),
        "{list}"
    );

    let again = rounds(
        &[
            "user",
            "add",
            "--login",
            "head",
            "--role",
            "admin",
            "--school",
            "龙城小学",
            "--data",
            data,
        ],
        "another-pass\n",
    );
    assert!(!again.status.success(), "a taken login is refused");
    let taken = rounds(
        &[
            "school",
            "add",
            "--name",
            "龙城小学",
            "--admin",
            "other",
            "--data",
            data,
        ],
        "long-enough\n",
    );
    assert!(!taken.status.success(), "a taken school name is refused");
    let short = rounds(
        &[
            "user",
            "add",
            "--login",
            "x2",
            "--role",
            "admin",
            "--school",
            "龙城小学",
            "--data",
            data,
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
async fn generate_fills_an_empty_database_with_a_district_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = rounds(
        &[
            "generate",
            "--schools",
            "3",
            "--assets",
            "3000",
            "--inspections",
            "900",
            "--data",
            data,
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let district = SqlStore::connect(&format!("sqlite://{data}/rounds.db"))
        .await
        .unwrap();
    let schools = district.schools().await.unwrap();
    assert_eq!(schools.len(), 3);
    let assets: i64 = schools.iter().map(|s| s.assets).sum();
    assert!((2_500..=3_500).contains(&assets), "{assets} assets");
    assert_eq!(schools.iter().map(|s| s.inspections).sum::<i64>(), 900);
    let first = district.for_school(schools[0].school.id);
    let page = first.list_assets(&Default::default(), None).await.unwrap();
    assert_eq!(
        page.total, schools[0].assets,
        "a school sees its own assets"
    );
    let again = rounds(&["generate", "--assets", "10", "--data", data], "");
    assert!(!again.status.success(), "a filled database is left alone");
}
