//! The compensation pages' data and actions (asset manager and admin; waiving is the admin's).

use super::Saved;
use crate::error::AppError;
use crate::inspections::compensation::Compensation;
use crate::inspections::DamageReport;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseBook {
    pub semester: String,
    pub cases: Vec<Compensation>,
    pub can_waive: bool,
}

#[server(prefix = "/sf", endpoint = "compensation_desk")]
pub async fn compensation_desk(semester: String) -> Result<CaseBook, AppError> {
    let v = crate::ssr::visitor::visitor();
    let user = v.require(|r| r.manages_register())?;
    let st = crate::ssr::visitor::state()?;
    let semester = if semester.trim().is_empty() {
        crate::ssr::compensation::current_semester()
    } else {
        semester
    };
    Ok(CaseBook {
        cases: crate::ssr::compensation::cases(
            &st,
            &v,
            &crate::ssr::compensation::store::CaseFilter {
                semester: Some(semester.clone()),
                open_only: false,
                on: None,
            },
            crate::model::Paging::ALL,
        )
        .await?,
        semester,
        can_waive: user.role.manages_users(),
    })
}

#[server(prefix = "/sf", endpoint = "case_report")]
pub async fn case_report(report: String) -> Result<DamageReport, AppError> {
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_register())?;
    let st = crate::ssr::visitor::state()?;
    crate::ssr::inspections::one_report(&st, &v, super::parse_id(&report)?).await
}

#[server(prefix = "/sf", endpoint = "open_case")]
pub async fn open_case(
    report: String,
    party_kind: String,
    party_name: String,
    party_class: String,
    basis: String,
    amount: String,
) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let req = crate::ssr::compensation::CaseRequest {
        damage_report_id: super::parse_id(&report)?,
        party_kind,
        party_name,
        party_class,
        basis,
        amount,
    };
    let case = crate::ssr::compensation::open(&st, &v, req).await?;
    Ok(Saved {
        url: format!("/compensations?semester={}#case-{}", case.semester, case.id),
    })
}

#[server(prefix = "/sf", endpoint = "pay_case")]
pub async fn pay_case(
    id: String,
    paid_on: String,
    receipt_no: String,
    received_by: String,
) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let req = crate::ssr::compensation::PayRequest {
        paid_on,
        receipt_no,
        received_by,
    };
    let case = crate::ssr::compensation::pay(&st, &v, super::parse_id(&id)?, req).await?;
    Ok(settled(&case))
}

/// Back to the case list, reloaded (the query differs from the page the form was on).
#[cfg(feature = "ssr")]
fn settled(case: &Compensation) -> Saved {
    Saved {
        url: format!(
            "/compensations?semester={}&settled={}#case-{}",
            case.semester, case.id, case.id
        ),
    }
}

#[server(prefix = "/sf", endpoint = "waive_case")]
pub async fn waive_case(id: String, reason: String) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let req = crate::ssr::compensation::WaiveRequest { reason };
    let case = crate::ssr::compensation::waive(&st, &v, super::parse_id(&id)?, req).await?;
    Ok(settled(&case))
}
