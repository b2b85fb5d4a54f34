//! The role matrix, generated from what the server offers: every REST operation of the OpenAPI
//! document ([`rest`]) and every server function the islands and pages call ([`server_fns`]) is
//! tried by every role (anonymous included), and the answer compared with one table per entry
//! layer of who may do what. An operation the table does not decide, or a decision for one that
//! no longer exists, fails the test, so nothing new lands without a decision.
//!
//! "May" means the role check lets the caller through: any answer but 401 and 403 (the made-up
//! ids and empty forms then make most answers a 404 or 422). A refusal must be exactly 401 for
//! the anonymous caller and 403 for a signed-in one, with the matching error code. Who may see
//! which record (a teacher's own reports, one school's data) is tested where those rules live.

mod rest;
mod server_fns;

use reqwest::StatusCode;
use rounds_tests::{Answer, TestApp};
use std::collections::BTreeSet;

/// The callers, in the order of a [`Who`]'s columns.
const CALLERS: [&str; 6] = [
    "anonymous",
    "demo-teacher",
    "demo-staff",
    "demo-manager",
    "demo-admin",
    "demo-district",
];

/// Who may call an operation.
#[derive(Clone, Copy, Debug)]
enum Who {
    /// Anyone, signed in or not.
    Anyone,
    /// Every signed-in account, the district admin too.
    SignedIn,
    /// The people of a school: teachers, staff, the asset manager, the admin.
    School,
    /// Those who inspect: staff, the asset manager and the admin.
    Inspectors,
    /// Those who keep the register: the asset manager and the admin.
    Managers,
    /// The school's admin.
    Admin,
    /// The district admin.
    District,
}

impl Who {
    /// Whether each of [`CALLERS`] may call.
    fn allows(self) -> [bool; 6] {
        match self {
            Who::Anyone => [true; 6],
            Who::SignedIn => [false, true, true, true, true, true],
            Who::School => [false, true, true, true, true, false],
            Who::Inspectors => [false, false, true, true, true, false],
            Who::Managers => [false, false, false, true, true, false],
            Who::Admin => [false, false, false, false, true, false],
            Who::District => [false, false, false, false, false, true],
        }
    }
}

/// A bearer token for each of [`CALLERS`] (none for the anonymous caller).
async fn tokens(app: &TestApp) -> Vec<Option<String>> {
    let mut tokens = vec![None];
    for login in &CALLERS[1..] {
        tokens.push(Some(app.token(login).await));
    }
    tokens
}

/// Fails unless the operations offered and the operations decided are the same set.
fn every_operation_decided(offered: &BTreeSet<String>, decided: &BTreeSet<String>) {
    let undecided: Vec<_> = offered.difference(decided).collect();
    assert!(
        undecided.is_empty(),
        "operations with no decision in the table: {undecided:?}"
    );
    let stale: Vec<_> = decided.difference(offered).collect();
    assert!(
        stale.is_empty(),
        "decisions for operations the server does not offer: {stale:?}"
    );
}

/// The answers that differ from the table, gathered so one run lists them all.
#[derive(Default)]
struct Verdicts {
    wrong: Vec<String>,
}

impl Verdicts {
    /// Judges one answer of `op` to `CALLERS[caller]`; `code` reads the error code from it.
    fn judge(
        &mut self,
        op: &str,
        caller: usize,
        may: bool,
        a: &Answer,
        code: fn(&Answer) -> String,
    ) {
        let login = CALLERS[caller];
        assert!(
            !a.status.is_server_error(),
            "{op} as {login}: {} {}",
            a.status,
            a.text
        );
        let (refused, refusal) = if caller == 0 {
            (StatusCode::UNAUTHORIZED, "unauthorized")
        } else {
            (StatusCode::FORBIDDEN, "forbidden")
        };
        let let_in = a.status != StatusCode::UNAUTHORIZED && a.status != StatusCode::FORBIDDEN;
        if let_in != may || (!may && (a.status != refused || code(a) != refusal)) {
            self.wrong.push(format!(
                "{op} as {login}: {} {}",
                a.status,
                a.text.chars().take(80).collect::<String>()
            ));
        }
    }

    fn assert_none(self) {
        assert!(
            self.wrong.is_empty(),
            "{} answers differ from the table:\n{}",
            self.wrong.len(),
            self.wrong.join("\n")
        );
    }
}
