//! Where a record stands with its checks, repairs and compensation, as the one viewing it may
//! see it (the rules are `crate::rounds::standing`). Every record page calls this.

use crate::error::AppResult;
use crate::inspections::{Fit, Subject};
use crate::model::{Paging, User};
use crate::rounds::standing::{record_checks, RepairNotice, Standing};
use crate::ssr::clock::{school_date, school_today};
use crate::ssr::compensation::store::CaseFilter;
use crate::ssr::inspections::may_follow;
use crate::ssr::inspections::store::ReportScope;
use crate::ssr::store::Store;

/// How many open repairs and open cases a record page lists (the reports page has the rest).
pub const OPEN_ON_PAGE: i64 = 20;

/// A record's standing: `fit` and `in_service` are what the register says of it now. Staff
/// and the one who reported see a repair in full; a teacher sees another's only as a notice.
/// Compensation cases (with children's names) are for those who manage the register.
pub async fn standing(
    school: &dyn Store,
    viewer: &User,
    subject: Subject,
    fit: Fit,
    in_service: bool,
) -> AppResult<Standing> {
    let cases = CaseFilter {
        open_only: true,
        on: Some(subject),
        ..CaseFilter::default()
    };
    let sees_cases = viewer.role.manages_register();
    let (templates, schedules, last, open, cases) = tokio::try_join!(
        school.current_templates(),
        school.coverage(),
        school.last_by_checklist(subject),
        school.damage_reports(ReportScope::OpenOn(subject), Paging::first(OPEN_ON_PAGE)),
        async {
            match sees_cases {
                true => school
                    .compensations(&cases, Paging::first(OPEN_ON_PAGE))
                    .await
                    .map(Some),
                false => Ok(None),
            }
        },
    )?;
    let last = last
        .into_iter()
        .map(|l| (l.key, (school_date(l.at), l.inspection)))
        .collect();
    let today = school_today();
    let checks = record_checks(
        subject, &fit, in_service, &templates, &schedules, &last, today,
    );
    let (repairs, others): (Vec<_>, Vec<_>) = open.into_iter().partition(|r| may_follow(viewer, r));
    Ok(Standing {
        checks,
        repairs,
        others: others
            .iter()
            .map(|r| RepairNotice::of(r, subject))
            .collect(),
        cases,
        today: today.to_string(),
    })
}
