//! Keeps live sessions in memory for a short while, so a scan costs no session query. Every
//! change that ends or alters a session (sign-out, revoke, user edit, language) drops the entry;
//! the time limit bounds staleness when several servers share one database.

use super::store::{SessionKind, SessionUser};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};
use uuid::Uuid;

const TTL: Duration = Duration::from_secs(30);
const MAX_ENTRIES: usize = 50_000;

#[derive(Default)]
pub struct SessionCache {
    entries: RwLock<HashMap<Vec<u8>, (SessionKind, SessionUser, Instant)>>,
}

impl SessionCache {
    /// The cached session if it is fresh, of this kind, and not idle past `idle_after`.
    pub fn get(
        &self,
        hash: &[u8],
        kind: SessionKind,
        idle_after: DateTime<Utc>,
    ) -> Option<SessionUser> {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        let (k, found, at) = entries.get(hash)?;
        (*k == kind && at.elapsed() < TTL && found.last_seen > idle_after).then(|| found.clone())
    }

    pub fn put(&self, hash: &[u8], kind: SessionKind, found: &SessionUser) {
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, (_, _, at)| at.elapsed() < TTL);
        }
        entries.insert(hash.to_vec(), (kind, found.clone(), Instant::now()));
    }

    /// Notes a fresh `last_seen` without another read.
    pub fn touched(&self, hash: &[u8], now: DateTime<Utc>) {
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if let Some((_, found, _)) = entries.get_mut(hash) {
            found.last_seen = now;
        }
    }

    pub fn forget(&self, hash: &[u8]) {
        self.entries
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(hash);
    }

    pub fn forget_user(&self, user_id: Uuid) {
        self.entries
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, (_, s, _)| s.user.id != user_id);
    }
}
