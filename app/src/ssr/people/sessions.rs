//! Signing a user out everywhere: every browser session and API token ends at once.

use crate::error::AppResult;
use crate::ssr::state::AppState;
use crate::ssr::visitor::Visitor;
use uuid::Uuid;

/// Ends every session of `user_id`: the user may do it for themself, an admin for a user of
/// their school. How many sessions were still open.
pub async fn end_sessions(st: &AppState, v: &Visitor, user_id: Uuid) -> AppResult<u64> {
    let me = v.signed_in()?;
    if me.id != user_id {
        v.require(|r| r.manages_users())?;
    }
    st.store_of(me)
        .end_sessions(v.actor(), user_id, st.clock.now())
        .await
}
