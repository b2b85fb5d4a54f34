//! Passwords (argon2id), session tokens (random, stored only as SHA-256), how long sessions
//! live, and the sign-in throttle.

use crate::error::{AppError, AppResult};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Hashes off the async threads; argon2 is deliberately slow.
pub async fn hash_password(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}

/// A hash to verify against when the login does not exist, so timing does not tell.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2cJ6Gq1xBvG1hTfQdH5r8b5KQ0yZzcGQKkqgq8zv6Ys";

/// True when `password` matches `hash`; a locked account (`!`) never matches.
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_string());
        let Ok(parsed) = PasswordHash::new(&hash) else {
            let _ = PasswordHash::new(DUMMY_HASH)
                .map(|d| Argon2::default().verify_password(password.as_bytes(), &d));
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

/// A new session token (sent once) and its hash (stored).
pub fn new_token() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Checks the password (throttled per account and per address) and starts a new session.
/// The failures are counted in the database, so every server process sharing it counts them.
pub async fn check_credentials(
    state: &crate::ssr::state::AppState,
    login: &str,
    password: String,
    peer: &str,
) -> AppResult<crate::model::User> {
    let login = login.trim().to_ascii_lowercase();
    let keys = [format!("login:{login}"), format!("ip:{peer}")];
    let now = state.clock.now();
    let failures = state.district.sign_in_failures(&keys).await?;
    if failures.iter().any(|f| throttle::waiting(f, now)) {
        return Err(AppError::TooManyAttempts);
    }
    let found = state.district.credentials(&login).await?;
    let (user, hash) = match found {
        Some((u, h)) if u.active => (Some(u), Some(h)),
        _ => (None, None),
    };
    if verify_password(password, hash).await {
        if let Some(user) = user {
            state.district.clear_sign_in_failures(&keys[0]).await?;
            return Ok(user);
        }
    }
    let forget_before = now - throttle::MAX_WAIT;
    state
        .district
        .count_sign_in_failure(&keys, now, forget_before)
        .await?;
    Err(AppError::BadCredentials)
}

/// The rules that slow repeated failed sign-ins per account and per address: after a few free
/// tries each further failure doubles the wait, up to 15 minutes; a failure older than that
/// starts the count again.
pub mod throttle {
    use crate::ssr::people::store::SignInFailures;
    use chrono::{DateTime, Duration, Utc};

    pub const FREE_TRIES: u32 = 5;
    pub const MAX_WAIT: Duration = Duration::minutes(15);

    /// How long to wait after the `count`th failure in a row.
    pub fn wait_for(count: u32) -> Duration {
        if count < FREE_TRIES {
            return Duration::zero();
        }
        Duration::seconds(1i64 << (count - FREE_TRIES).min(10)).min(MAX_WAIT)
    }

    /// Whether a key must still wait out its last failure at `now`.
    pub fn waiting(f: &SignInFailures, now: DateTime<Utc>) -> bool {
        now - f.last_at < wait_for(f.count)
    }
}

/// How long a session lives: a browser's ends 12 hours after its last request and, however
/// busy, 7 days after sign-in; an API token's 30 days after its last use and a year after it was
/// issued. Revoking ends either at once.
pub mod lifetime {
    use crate::ssr::people::store::SessionKind;
    use chrono::{DateTime, Duration, Utc};

    pub const COOKIE_IDLE: Duration = Duration::hours(12);
    pub const COOKIE_LIFETIME: Duration = Duration::days(7);
    pub const TOKEN_IDLE: Duration = Duration::days(30);
    pub const TOKEN_LIFETIME: Duration = Duration::days(365);

    /// What a session of some kind must have to be live at some moment: a request after
    /// `seen_after` and a sign-in after `made_after`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Live {
        pub seen_after: DateTime<Utc>,
        pub made_after: DateTime<Utc>,
    }

    pub fn live_at(kind: SessionKind, now: DateTime<Utc>) -> Live {
        let (idle, lifetime) = match kind {
            SessionKind::Cookie => (COOKIE_IDLE, COOKIE_LIFETIME),
            SessionKind::Token => (TOKEN_IDLE, TOKEN_LIFETIME),
        };
        Live {
            seen_after: now - idle,
            made_after: now - lifetime,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn a_browser_session_lives_half_a_day_idle_and_a_week_at_most() {
        use super::lifetime::live_at;
        use crate::ssr::people::store::SessionKind;
        let now = Utc::now();
        let cookie = live_at(SessionKind::Cookie, now);
        assert_eq!(now - cookie.seen_after, chrono::Duration::hours(12));
        assert_eq!(now - cookie.made_after, chrono::Duration::days(7));
        let token = live_at(SessionKind::Token, now);
        assert_eq!(now - token.seen_after, chrono::Duration::days(30));
        assert_eq!(now - token.made_after, chrono::Duration::days(365));
    }

    #[tokio::test]
    async fn passwords_verify_and_locked_accounts_never_do() {
        let hash = hash_password("rounds-demo".into()).await.unwrap();
        assert!(verify_password("rounds-demo".into(), Some(hash.clone())).await);
        assert!(!verify_password("wrong".into(), Some(hash)).await);
        assert!(!verify_password("rounds-demo".into(), Some("!".into())).await);
        assert!(!verify_password("rounds-demo".into(), None).await);
    }

    #[test]
    fn the_sixth_failure_in_a_row_must_wait_and_the_wait_doubles() {
        use super::throttle::{wait_for, waiting, MAX_WAIT};
        use crate::ssr::people::store::SignInFailures;
        let now = Utc::now();
        let after = |count, secs_ago| SignInFailures {
            count,
            last_at: now - chrono::Duration::seconds(secs_ago),
        };
        assert!(
            !waiting(&after(5 - 1, 0), now),
            "four failures cost nothing"
        );
        assert!(
            waiting(&after(5, 0), now),
            "the fifth makes the next one wait"
        );
        assert!(!waiting(&after(5, 2), now), "for a second");
        assert_eq!(wait_for(7), chrono::Duration::seconds(4));
        assert_eq!(wait_for(40), MAX_WAIT);
    }
}
