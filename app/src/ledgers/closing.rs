//! Closing a period (周周清、月月清): which ledgers close, who may close and reopen them, what
//! is still open in a period when it closes, and the lines an export of a closed period ends
//! with. Once closed, a period's records are not edited: a late inspection is a new record that
//! names its period and shows as late; reopening is the admin's, with a reason.

use super::repairs::RepairEntry;
use crate::domain::{Fen, Field, Invalid, Problem, Role};
use crate::duties::{round_duty, DEFAULT_DUTY};
use crate::i18n::{Lang, Msg};
use crate::inspections::{DamageStatus, Template};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A ledger that is closed a week or a month at a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosableLedger {
    /// 维修台账, with the compensation cases its reports opened.
    Repairs,
    /// 安全隐患整改台账.
    Hazards,
    /// The inspection record of one checklist (by its key).
    Inspections(String),
}

/// The 分工 duty that answers for the hazards found on rounds.
const HAZARD_DUTY: &str = "设施设备的检查";

impl ClosableLedger {
    /// `repairs`, `hazards` or `inspections:KEY`.
    pub fn code(&self) -> String {
        match self {
            ClosableLedger::Repairs => "repairs".into(),
            ClosableLedger::Hazards => "hazards".into(),
            ClosableLedger::Inspections(key) => format!("inspections:{key}"),
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "repairs" => Ok(ClosableLedger::Repairs),
            "hazards" => Ok(ClosableLedger::Hazards),
            other => match other.strip_prefix("inspections:") {
                Some(key) if !key.is_empty() && key.len() <= 60 => {
                    Ok(ClosableLedger::Inspections(key.to_string()))
                }
                _ => Err(Invalid::new(Field::Ledger, Problem::UnknownChoice)),
            },
        }
    }

    /// Its title, as its export and the ledgers page name it: a checklist's record by the
    /// checklist's name (its key when the checklist is gone).
    pub fn title(&self, lang: Lang, templates: &[Template]) -> String {
        match self {
            ClosableLedger::Repairs => lang.t(Msg::LedgerRepairs).into(),
            ClosableLedger::Hazards => lang.t(Msg::LedgerHazards).into(),
            ClosableLedger::Inspections(key) => {
                let name = templates
                    .iter()
                    .find(|t| &t.key == key)
                    .map_or(key.as_str(), |t| t.name.as_str());
                format!("{}-{name}", lang.t(Msg::LedgerInspections))
            }
        }
    }

    /// The line of the 分工 table whose holder closes this ledger (managers always may); a
    /// checklist's by the categories and room kinds it covers.
    pub fn duty(
        &self,
        checklist_categories: &[String],
        checklist_kinds: &[String],
    ) -> &'static str {
        match self {
            ClosableLedger::Repairs => DEFAULT_DUTY,
            ClosableLedger::Hazards => HAZARD_DUTY,
            ClosableLedger::Inspections(_) => {
                round_duty(&[], &[], checklist_categories, checklist_kinds)
            }
        }
    }
}

/// The asset manager and the admin close any ledger; a staff member the ledgers of the duties
/// the 分工 table gives them.
pub fn may_close(role: Role, holds_duty: bool) -> bool {
    role.manages_register() || (role == Role::Staff && holds_duty)
}

/// Only the admin reopens a closed period.
pub fn may_reopen(role: Role) -> bool {
    role == Role::Admin
}

/// Something still open in a period when it closes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OpenItem {
    /// A damage report or repair ticket not yet closed.
    Repair {
        description: String,
        place: Option<String>,
        status: DamageStatus,
    },
    /// A hazard not yet cleared, due on `due_on`.
    Hazard {
        description: String,
        place: Option<String>,
        due_on: Option<String>,
    },
    /// Something a checklist covers that was not checked in the period (overdue).
    Unchecked { name: String, place: Option<String> },
    /// A compensation case not yet paid.
    Unpaid { party: String, amount: Fen },
}

impl OpenItem {
    /// One line for the closing page and the history.
    pub fn describe(&self, lang: Lang) -> String {
        let at = |place: &Option<String>| {
            place
                .as_deref()
                .map(|p| format!("{p}："))
                .unwrap_or_default()
        };
        match self {
            OpenItem::Repair {
                description,
                place,
                status,
            } => format!(
                "{}{description}（{}）",
                at(place),
                lang.t(Msg::damage_status(*status))
            ),
            OpenItem::Hazard {
                description,
                place,
                due_on,
            } => {
                let due = due_on
                    .as_deref()
                    .map(|d| format!("（{} {d}）", lang.t(Msg::RectifyBy)))
                    .unwrap_or_default();
                format!("{}{description}{due}", at(place))
            }
            OpenItem::Unchecked { name, place } => {
                format!("{}{name}：{}", at(place), lang.t(Msg::NotInspected))
            }
            OpenItem::Unpaid { party, amount } => {
                format!(
                    "{party}：{} {}",
                    lang.t(Msg::CaseOpen),
                    amount.yuan_string()
                )
            }
        }
    }

    /// What kind of open item it is, as the page groups them.
    pub fn heading(&self) -> Msg {
        match self {
            OpenItem::Repair { .. } => Msg::OpenRepairs,
            OpenItem::Hazard { .. } => Msg::OpenHazards,
            OpenItem::Unchecked { .. } => Msg::OpenChecks,
            OpenItem::Unpaid { .. } => Msg::OpenCompensation,
        }
    }
}

/// The repair ledger's open items: reports not closed (rejected ones are settled) and their
/// compensation cases not paid.
pub fn open_repairs(entries: &[RepairEntry]) -> Vec<OpenItem> {
    let mut items = Vec::new();
    for e in entries {
        if !matches!(e.status, DamageStatus::Closed | DamageStatus::Rejected) {
            items.push(OpenItem::Repair {
                description: e.description.clone(),
                place: e.place.clone(),
                status: e.status,
            });
        }
        if let (true, Some(amount)) = (e.compensation_open, e.compensation) {
            items.push(OpenItem::Unpaid {
                party: e.liable.clone().unwrap_or_default(),
                amount,
            });
        }
    }
    items
}

/// The hazard ledger's open items: hazards not cleared.
pub fn open_hazards(entries: &[RepairEntry]) -> Vec<OpenItem> {
    entries
        .iter()
        .filter(|e| super::hazards::is_hazard(e) && e.status != DamageStatus::Closed)
        .map(|e| OpenItem::Hazard {
            description: e.description.clone(),
            place: e.place.clone(),
            due_on: e.due_on.clone(),
        })
        .collect()
}

/// A period closed: who closed it, when, what was open, and the SHA-256 of the ledger's CSV
/// export (Chinese headers) as it stood.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Closing {
    pub id: Uuid,
    /// [`ClosableLedger::code`].
    pub ledger: String,
    /// `2026-12` or `2026-W49`.
    pub period: String,
    pub closed_by: Named,
    pub closed_at: String,
    pub open_items: Vec<OpenItem>,
    pub sha256: String,
    pub reopened: Option<Reopening>,
}

/// The admin's reopening of a closed period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reopening {
    pub by: Named,
    pub at: String,
    pub reason: String,
}

impl Closing {
    /// The lines an export of the closed period ends with.
    pub fn footer(&self, lang: Lang) -> Vec<String> {
        let at = crate::components::fields::minute(&self.closed_at);
        vec![
            lang.t(Msg::ClosedFooter)
                .replace("{at}", &at)
                .replace("{by}", &self.closed_by.name)
                .replace("{n}", &self.open_items.len().to_string()),
            format!("SHA-256: {}", self.sha256),
        ]
    }
}

/// A closable ledger of a period as the closing page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerState {
    /// [`ClosableLedger::code`].
    pub ledger: String,
    pub title: String,
    /// Whether the asker may close it (a manager, or the 分工 person of its duty).
    pub may_close: bool,
    /// The closing in force.
    pub closing: Option<Closing>,
    /// Earlier closings, reopened by the admin.
    pub reopened: Vec<Closing>,
    /// What is open in it now.
    pub open_items: Vec<OpenItem>,
}

/// Every closable ledger of a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosingDesk {
    pub period: String,
    /// The period's first and last day, `YYYY-MM-DD`.
    pub first: String,
    pub last: String,
    pub ledgers: Vec<LedgerState>,
    pub may_reopen: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledgers_are_named_by_code_and_a_checklists_by_its_key() {
        for code in ["repairs", "hazards", "inspections:fire_equipment"] {
            assert_eq!(ClosableLedger::parse(code).unwrap().code(), code);
        }
        for bad in ["", "inspections:", "register", "inspections"] {
            assert_eq!(
                ClosableLedger::parse(bad).unwrap_err().field,
                Field::Ledger,
                "{bad}"
            );
        }
        let fire = ClosableLedger::Inspections("fire_equipment".into());
        assert_eq!(fire.duty(&["消防器材".into()], &[]), DEFAULT_DUTY);
        let canteen = ClosableLedger::Inspections("canteen".into());
        assert_eq!(canteen.duty(&[], &["canteen".into()]), "食堂的日常管理");
    }

    #[test]
    fn managers_close_any_ledger_staff_their_duties_and_only_the_admin_reopens() {
        assert!(may_close(Role::AssetManager, false));
        assert!(may_close(Role::Admin, false));
        assert!(may_close(Role::Staff, true));
        assert!(!may_close(Role::Staff, false));
        assert!(!may_close(Role::Teacher, true));
        assert!(may_reopen(Role::Admin));
        assert!(!may_reopen(Role::AssetManager));
    }

    fn entry(status: DamageStatus, from_inspection: bool) -> RepairEntry {
        RepairEntry {
            reported_on: "2026-12-01".into(),
            reporter: "王芳".into(),
            place: Some("明德楼 · 301".into()),
            asset_code: None,
            asset_name: None,
            description: "窗户玻璃破裂".into(),
            liable: Some("李明 三年级（2）班".into()),
            compensation: Some(Fen::new(12_050).unwrap()),
            compensation_open: true,
            assignee: None,
            status,
            from_inspection,
            measure: None,
            due_on: Some("2026-12-08".into()),
            repaired_on: None,
            accepted: None,
        }
    }

    #[test]
    fn a_repair_not_closed_a_hazard_not_cleared_and_an_unpaid_case_stay_open() {
        let open = open_repairs(&[entry(DamageStatus::InRepair, false)]);
        assert_eq!(open.len(), 2);
        assert_eq!(
            open[0].describe(Lang::Zh),
            "明德楼 · 301：窗户玻璃破裂（维修中）"
        );
        assert_eq!(
            open[1].describe(Lang::Zh),
            "李明 三年级（2）班：未缴 120.50"
        );
        let mut closed = entry(DamageStatus::Closed, true);
        closed.compensation_open = false;
        assert!(open_repairs(std::slice::from_ref(&closed)).is_empty());
        assert!(open_hazards(&[closed]).is_empty());
        let hazards = open_hazards(&[
            entry(DamageStatus::Repaired, true),
            entry(DamageStatus::Rejected, true),
            entry(DamageStatus::Reported, false),
        ]);
        assert_eq!(hazards.len(), 1);
        assert_eq!(
            hazards[0].describe(Lang::Zh),
            "明德楼 · 301：窗户玻璃破裂（整改期限 2026-12-08）"
        );
    }
}
