//! The demo school's key cabinet: door keys of the special rooms and stores, a cabinet's and a
//! piano's keys, and the switch room's; one key out today and one overdue since yesterday.

use crate::error::AppResult;
use crate::keys::due::{default_due, NewLoan};
use crate::keys::{KeyKind, NewKey};
use crate::ssr::clock::{school_instant, school_local};
use crate::ssr::store::{Actor, Store};
use chrono::{Duration, Utc};
use uuid::Uuid;

/// One key of the demo cabinet: name, kind, the room it opens (by the end of its name), its
/// hook, and how many keys hang on its ring.
type DemoKey = (
    &'static str,
    KeyKind,
    Option<&'static str>,
    &'static str,
    i64,
);

const KEYS: &[DemoKey] = &[
    (
        "计算机教室门钥匙",
        KeyKind::Door,
        Some("计算机教室"),
        "A-01",
        2,
    ),
    (
        "科学实验室门钥匙",
        KeyKind::Door,
        Some("科学实验室"),
        "A-02",
        2,
    ),
    ("器材仓库钥匙", KeyKind::Door, Some("器材仓库"), "A-03", 1),
    (
        "后勤物资仓库钥匙",
        KeyKind::Door,
        Some("后勤物资仓库"),
        "A-04",
        1,
    ),
    (
        "音乐教室钢琴钥匙",
        KeyKind::Equipment,
        Some("音乐教室"),
        "B-01",
        1,
    ),
    (
        "图书馆书柜钥匙",
        KeyKind::Cabinet,
        Some("图书馆"),
        "B-02",
        6,
    ),
    ("配电房钥匙", KeyKind::Door, None, "C-01", 1),
];

/// Hangs the demo keys in the cabinet of `school` as its keeper; `lender` (the staff on duty)
/// has lent the laboratory's key this morning and the equipment store's two days ago.
pub async fn hang(school: &dyn Store, keeper: Uuid, lender: Uuid) -> AppResult<()> {
    let rooms = school.room_choices().await?;
    let mut ids = Vec::with_capacity(KEYS.len());
    for (name, kind, room, hook, pieces) in KEYS {
        let room_id = room.and_then(|r| rooms.iter().find(|n| n.name.ends_with(r)).map(|n| n.id));
        let key = NewKey {
            name: (*name).into(),
            kind: *kind,
            room_id,
            hook: Some((*hook).into()),
            pieces: *pieces,
            note: room.is_none().then(|| "电工专用，借用须登记".into()),
        };
        let id = Uuid::now_v7();
        school.add_key(Actor(Some(keeper)), id, key).await?;
        ids.push(id);
    }
    let now = Utc::now();
    let today = school_local(now);
    let lent = [
        (
            1,
            "王老师（科学组）",
            now - Duration::hours(1),
            default_due(today),
        ),
        (
            2,
            "周老师（体育组）",
            now - Duration::days(2),
            default_due(today) - Duration::days(1),
        ),
    ];
    for (index, borrower, at, due) in lent {
        let loan = NewLoan {
            borrower: borrower.into(),
            due,
            note: None,
        };
        let at = at.min(school_instant(due) - Duration::hours(1));
        school
            .lend_key(Actor(Some(lender)), (Uuid::now_v7(), ids[index]), loan, at)
            .await?;
    }
    Ok(())
}
