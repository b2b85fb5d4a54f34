//! The dashboard (看板) for the asset manager and the admin, and its small version on a staff
//! member's home page: rounds counted by schedule, the tickets and compensation tallied, the
//! ledgers whose last week or month is not closed, the supplies running low. The API and the pages both call this.

pub mod store;

use crate::dashboard::{
    owed_bars, reports_since, tally, Brief, Checks, Dashboard, Progress, Unclosed,
};
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::inspections::Template;
use crate::ssr::clock::{school_midnight, school_today};
use crate::ssr::inspections::store::ReportScope;
use crate::ssr::ledgers::closings::closable;
use crate::ssr::ledgers::period::Period;
use crate::ssr::rounds::{checks, Whose};
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
use crate::ssr::visitor::Visitor;
use chrono::{Datelike, Days, NaiveDate};

/// The dashboard as of the school's today (asset manager, admin).
pub async fn dashboard(st: &AppState, v: &Visitor) -> AppResult<Dashboard> {
    v.require(|r| r.manages_register())?;
    let school = st.school(v)?;
    let today = school_today();
    let checks = Checks::of(checks(st, v, Whose::All).await?);
    let tickets = school
        .dashboard_tickets(school_midnight(reports_since(today)))
        .await?;
    let (owed_fen, owed_by_class) = owed_bars(v.lang, &school.compensation_owed().await?);
    let templates = school.current_templates().await?;
    let (supplies_low, supplies_waiting) = school.supply_figures().await?;
    Ok(Dashboard {
        today: today.to_string(),
        checks,
        tickets: tally(v.lang, &tickets, today),
        owed_fen,
        owed_by_class,
        unclosed: unclosed(school.as_ref(), v.lang, &templates, today).await?,
        supplies_low,
        supplies_waiting,
        purchasing: crate::ssr::purchases::spending(st, v, i64::from(today.year())).await?,
    })
}

/// The ledgers not closed for last week (周周清) or last month (月月清).
async fn unclosed(
    school: &dyn Store,
    lang: Lang,
    templates: &[Template],
    today: NaiveDate,
) -> AppResult<Vec<Unclosed>> {
    let this_month = Period::month_of(today);
    let last_week = Period::week_of(today - Days::new(7));
    let last_month = Period::month_of(this_month.first - Days::new(1));
    let mut out = Vec::new();
    for period in [last_week, last_month] {
        let closings = school.closings_of(&period.name).await?;
        for ledger in closable(templates) {
            let code = ledger.code();
            if closings
                .iter()
                .any(|c| c.ledger == code && c.reopened.is_none())
            {
                continue;
            }
            out.push(Unclosed {
                title: ledger.title(lang, templates),
                href: format!("/manage/ledgers?period={}", period.name),
                ledger: code,
                period: period.name.clone(),
            });
        }
    }
    Ok(out)
}

/// The home page's brief for whoever does rounds (staff and managers); none for teachers.
pub async fn brief(st: &AppState, v: &Visitor) -> AppResult<Option<Brief>> {
    let Some(user) = v.user.as_ref().filter(|u| u.role.inspects()) else {
        return Ok(None);
    };
    let school = st.school(v)?;
    let today = school_today();
    let mine = checks(st, v, Whose::Mine)
        .await?
        .iter()
        .fold(Progress::default(), |p, s| p.plus(s.progress));
    let waiting = school
        .count_damage_reports(ReportScope::AssignedTo(user.id))
        .await?;
    let tickets = school.dashboard_tickets(school_midnight(today)).await?;
    Ok(Some(Brief {
        mine,
        assigned_open: waiting,
        hazards_overdue: tally(v.lang, &tickets, today).hazards_overdue,
    }))
}
