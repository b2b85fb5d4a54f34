//! Passwords (argon2id), session tokens (random, stored only as SHA-256) and the sign-in throttle.

use crate::error::{AppError, AppResult};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
pub async fn check_credentials(
    state: &crate::ssr::state::AppState,
    login: &str,
    password: String,
    peer: &str,
) -> AppResult<crate::model::User> {
    let login = login.trim().to_ascii_lowercase();
    let keys = [format!("login:{login}"), format!("ip:{peer}")];
    state.throttle.check(&keys)?;
    let found = state.store.credentials(&login).await?;
    let (user, hash) = match found {
        Some((u, h)) if u.active => (Some(u), Some(h)),
        _ => (None, None),
    };
    if verify_password(password, hash).await {
        if let Some(user) = user {
            state.throttle.succeeded(&keys[0]);
            return Ok(user);
        }
    }
    state.throttle.failed(&keys);
    Err(AppError::BadCredentials)
}

/// Slows repeated failed sign-ins per account and per address: after a few free tries each
/// further failure doubles the wait, up to 15 minutes.
#[derive(Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl Throttle {
    const FREE_TRIES: u32 = 5;
    const MAX_WAIT: Duration = Duration::from_secs(15 * 60);

    fn wait_for(count: u32) -> Duration {
        if count < Self::FREE_TRIES {
            return Duration::ZERO;
        }
        Duration::from_secs(1u64 << (count - Self::FREE_TRIES).min(10)).min(Self::MAX_WAIT)
    }

    /// Refuses while any key is still waiting out its last failure.
    pub fn check(&self, keys: &[String]) -> AppResult<()> {
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for key in keys {
            if let Some((count, at)) = map.get(key) {
                if at.elapsed() < Self::wait_for(*count) {
                    return Err(AppError::TooManyAttempts);
                }
            }
        }
        Ok(())
    }

    pub fn failed(&self, keys: &[String]) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            map.retain(|_, (_, at)| at.elapsed() < Self::MAX_WAIT);
        }
        for key in keys {
            let entry = map.entry(key.clone()).or_insert((0, Instant::now()));
            if entry.1.elapsed() > Self::MAX_WAIT {
                entry.0 = 0;
            }
            entry.0 += 1;
            entry.1 = Instant::now();
        }
    }

    pub fn succeeded(&self, account_key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(account_key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_verify_and_locked_accounts_never_do() {
        let hash = hash_password("rounds-demo".into()).await.unwrap();
        assert!(verify_password("rounds-demo".into(), Some(hash.clone())).await);
        assert!(!verify_password("wrong".into(), Some(hash)).await);
        assert!(!verify_password("rounds-demo".into(), Some("!".into())).await);
        assert!(!verify_password("rounds-demo".into(), None).await);
    }

    #[test]
    fn the_sixth_failure_must_wait() {
        let t = Throttle::default();
        let keys = vec!["login:a".to_string()];
        for _ in 0..5 {
            t.check(&keys).unwrap();
            t.failed(&keys);
        }
        assert_eq!(t.check(&keys), Err(AppError::TooManyAttempts));
        t.succeeded("login:a");
        assert!(t.check(&keys).is_ok());
    }
}
