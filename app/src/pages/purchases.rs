//! `/purchases`: purchasing (采购 → 审批 → 验收 → 入库 → 报销) — the purchases waiting for
//! approval first, the year's budget against what was spent, and the form to ask for one;
//! `/purchases/:id`: one purchase with every step it took, where an admin approves or refuses
//! it, the keeper accepts the delivery and marks it reimbursed, and the new assets' labels are
//! a tap away.

use super::{loaded, param, query};
use crate::components::answer_forms::{answer_button, decide_forms};
use crate::components::fields::{choices, indexed_input, minute, SelectInput, TextInput};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::saving_form::SavingForm;
use crate::i18n::{Lang, Msg};
use crate::model::Named;
use crate::purchases::{
    BudgetLine, LineKind, PurchaseLine, PurchaseState, PurchaseSummary, Spending,
};
use crate::server_fns::purchases::{
    purchase_card, purchase_desk, AcceptPurchase, AnswerPurchase, PurchaseView, PurchasesView,
    ReimbursePurchase, RequestPurchase, SavePurchaseBudget,
};
use crate::session::use_session;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Rows of the request form; a request of more lines goes through the API.
const FORM_LINES: usize = 4;

/// An amount in fen as a form shows it: `3500.00`.
fn plain_yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// An amount in fen as yuan: `¥3500.00`.
fn yuan(fen: i64) -> String {
    format!("¥{}", plain_yuan(fen))
}

fn state_text(lang: Lang, state: PurchaseState) -> &'static str {
    lang.t(match state {
        PurchaseState::Requested => Msg::PurchaseRequested,
        PurchaseState::Approving => Msg::PurchaseApproving,
        PurchaseState::Approved => Msg::PurchaseApproved,
        PurchaseState::Refused => Msg::RequestRefused,
        PurchaseState::Withdrawn => Msg::RequestWithdrawn,
        PurchaseState::Accepted => Msg::PurchaseAccepted,
        PurchaseState::Reimbursed => Msg::PurchaseReimbursed,
    })
}

fn budget_text(lang: Lang, line: BudgetLine) -> &'static str {
    lang.t(match line {
        BudgetLine::Month => Msg::BudgetMonth,
        BudgetLine::Year => Msg::BudgetYear,
    })
}

fn state_badge(lang: Lang, state: PurchaseState) -> impl IntoView {
    view! { <span class=format!("status status-purchase-{}", state.code())>{state_text(lang, state)}</span> }
}

#[component]
pub fn PurchasesPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <p class="eyebrow"><a href="/supplies">{s.t(Msg::Supplies)}</a></p>
            <h1>{s.t(Msg::Purchases)}</h1>
            {loaded(purchase_desk(query("state")), move |desk| desk_view(lang, desk))}
        </Frame>
    }
}

fn desk_view(lang: Lang, desk: PurchasesView) -> impl IntoView {
    let list = if desk.purchases.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoPurchases)}</p> }.into_any()
    } else {
        let rows = desk
            .purchases
            .into_iter()
            .map(|p| summary_row(lang, p))
            .collect_view();
        view! { <ul class="list purchases">{rows}</ul> }.into_any()
    };
    let approves = desk.approves;
    view! {
        <IslandScripts bundle=Bundle::Forms/>
        {desk.spending.map(|s| budget_card(lang, s, approves))}
        <section>
            <h2>{lang.t(Msg::PurchaseList)}</h2>
            {list}
        </section>
        <details class="card" id="new-purchase">
            <summary>{lang.t(Msg::NewPurchase)}</summary>
            <RequestForm lang items=desk.items/>
        </details>
    }
}

/// The year's budget against what was spent; an admin's form to set it.
fn budget_card(lang: Lang, s: Spending, approves: bool) -> impl IntoView {
    let over = s.over();
    let line = |label: Msg, spent: i64, budget: Option<i64>| {
        let of = budget.map_or_else(|| lang.t(Msg::NoBudget).to_string(), yuan);
        view! { <div class="item"><dt>{lang.t(label)}</dt><dd>{format!("{} / {of}", yuan(spent))}</dd></div> }
    };
    let budget = s.budget;
    let form = approves.then(move || {
        let b = budget.unwrap_or_default();
        let amount = move |fen: i64| budget.map(|_| plain_yuan(fen));
        view! {
            <details>
                <summary>{lang.t(Msg::SetBudget)}</summary>
                <SavingForm lang action=SavePurchaseBudget::url() class="form budget-form">
                    <input type="hidden" name="year" value=s.year.to_string()/>
                    <TextInput label=lang.t(Msg::MonthlyBudgetYuan) name="monthly" value=amount(b.monthly_fen).unwrap_or_default() required=true/>
                    <TextInput label=lang.t(Msg::YearlyBudgetYuan) name="yearly" value=amount(b.yearly_fen).unwrap_or_default() required=true/>
                    <TextInput label=lang.t(Msg::ThresholdYuan) name="threshold" value=amount(b.threshold_fen).unwrap_or_default() required=true/>
                    <button type="submit">{lang.t(Msg::Save)}</button>
                </SavingForm>
            </details>
        }
    });
    view! {
        <section class="card budget" id="budget">
            <h2>{lang.t(Msg::PurchaseBudget).replace("{n}", &s.year.to_string())}</h2>
            <dl class="record">
                {line(Msg::SpentThisMonth, s.month_spent_fen, budget.map(|b| b.monthly_fen))}
                {line(Msg::SpentThisYear, s.year_spent_fen, budget.map(|b| b.yearly_fen))}
                {budget.map(|b| view! { <div class="item"><dt>{lang.t(Msg::FieldThreshold)}</dt><dd>{yuan(b.threshold_fen)}</dd></div> })}
            </dl>
            {over.then(|| view! { <p class="status status-low">{lang.t(Msg::OverBudget)}</p> })}
            {form}
        </section>
    }
}

fn summary_row(lang: Lang, p: PurchaseSummary) -> impl IntoView {
    let amount = yuan(p.actual_fen.unwrap_or(p.estimate_fen));
    view! {
        <li class="purchase" id=format!("purchase-{}", p.id)>
            <p>
                <a href=format!("/purchases/{}", p.id)><strong>{p.number}</strong>" "{p.reason}</a>" "
                {state_badge(lang, p.state)}
            </p>
            <p class="muted">{format!("{amount} · {} · {} · {}", budget_text(lang, p.budget), p.requested_by.name, minute(&p.requested_at))}</p>
        </li>
    }
}

/// The request form: a reason, the budget, and up to [`FORM_LINES`] lines.
#[component]
fn RequestForm(lang: Lang, items: Vec<Named>) -> impl IntoView {
    let budgets = choices(BudgetLine::ALL, BudgetLine::code, |b| budget_text(lang, b));
    let mut what = vec![(String::new(), lang.t(Msg::NewAssetLine).to_string())];
    what.extend(items.into_iter().map(|i| (i.id.to_string(), i.name)));
    let rows = (0..FORM_LINES)
        .map(|n| {
            let name = |field: &str| format!("form[lines][{n}][{field}]");
            view! {
                <fieldset class="line">
                    <legend>{lang.t(Msg::PurchaseLineN).replace("{n}", &(n + 1).to_string())}</legend>
                    <label class="field">
                        <span>{lang.t(Msg::FieldItem)}</span>
                        <select name=name("item")>
                            {what.iter().map(|(v, t)| view! { <option value=v.clone()>{t.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                    {indexed_input(lang.t(Msg::NewAssetName), name("name"), String::new(), "text")}
                    {indexed_input(lang.t(Msg::FieldCategory), name("category"), String::new(), "text")}
                    {indexed_input(lang.t(Msg::FieldQuantity), name("quantity"), String::new(), "number")}
                    {indexed_input(lang.t(Msg::EstimateYuan), name("price"), String::new(), "text")}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <SavingForm lang action=RequestPurchase::url() class="form purchase-form">
            <TextInput label=lang.t(Msg::PurchaseReason) name="form[reason]" value="" required=true/>
            <SelectInput lang label=lang.t(Msg::FieldBudget) name="form[budget]" value=BudgetLine::Month.code().to_string() choices=budgets/>
            <TextInput label=lang.t(Msg::FieldSupplier) name="form[supplier]" value=""/>
            <p class="muted">{lang.t(Msg::PurchaseLinesHint)}</p>
            {rows}
            <button type="submit">{lang.t(Msg::SubmitPurchase)}</button>
        </SavingForm>
    }
}

#[component]
pub fn PurchasePage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            {loaded(purchase_card(param("id")), move |card| card_view(lang, card))}
        </Frame>
    }
}

/// A step of the purchase: what, who, when.
fn step_item(lang: Lang, label: Msg, who: Option<Named>, at: Option<String>) -> Option<AnyView> {
    let who = who?;
    let at = at.map(|a| format!(" · {}", minute(&a))).unwrap_or_default();
    Some(
        view! { <div class="item"><dt>{lang.t(label)}</dt><dd>{who.name}{at}</dd></div> }
            .into_any(),
    )
}

fn card_view(lang: Lang, card: PurchaseView) -> impl IntoView {
    let p = card.purchase;
    let id = p.summary.id.to_string();
    let state = p.summary.state;
    let waiting = matches!(state, PurchaseState::Requested | PurchaseState::Approving);
    let lines = p
        .items
        .iter()
        .cloned()
        .map(|l| line_row(lang, l))
        .collect_view();
    let to = (AnswerPurchase::url(), id.as_str());
    let decide =
        (waiting && card.approves).then(|| decide_forms(lang, to, ("approve", Msg::Approve)));
    let withdraw = (waiting && card.mine)
        .then(|| answer_button(lang, to, "withdraw", Msg::Withdraw, "button secondary"));
    let accept = (state == PurchaseState::Approved && card.keeps)
        .then(|| accept_form(lang, id.clone(), &p.items));
    let reimburse = (state == PurchaseState::Accepted && card.keeps).then(|| {
        view! {
            <details class="card" open=true>
                <summary>{lang.t(Msg::Reimburse)}</summary>
                <SavingForm lang action=ReimbursePurchase::url() class="form reimburse-form">
                    <input type="hidden" name="id" value=id.clone()/>
                    <TextInput label=lang.t(Msg::FieldVoucher) name="voucher" value="" required=true hint="记-2026-12-018"/>
                    <button type="submit">{lang.t(Msg::Reimburse)}</button>
                </SavingForm>
            </details>
        }
    });
    let assets = (!p.assets.is_empty()).then(|| {
        let tags = p.assets.iter().map(|a| a.tag.clone()).collect::<Vec<_>>().join(",");
        let rows = p
            .assets
            .iter()
            .map(|a| view! { <li><a href=format!("/assets/{}", a.id)>{a.asset_code.clone()}</a>" "{a.name.clone()}<span class="muted">" · "{a.tag.clone()}</span></li> })
            .collect_view();
        view! {
            <section id="bought-assets">
                <h2>{lang.t(Msg::BoughtAssets)}</h2>
                <ul class="list">{rows}</ul>
                {card.keeps.then(|| view! { <p class="actions"><a href=format!("/manage/labels?what=tags&stock=a4-3x8&tags={tags}")>{lang.t(Msg::PrintTheirLabels)}</a></p> })}
            </section>
        }
    });
    let amount = p.summary.actual_fen.map(|f| {
        view! { <div class="item"><dt>{lang.t(Msg::ActualAmount)}</dt><dd>{yuan(f)}</dd></div> }
    });
    let second = (state == PurchaseState::Approving)
        .then(|| view! { <p class="muted">{lang.t(Msg::NeedsSecondApproval)}</p> });
    view! {
        <p class="eyebrow"><a href="/purchases">{lang.t(Msg::Purchases)}</a></p>
        <h1>{p.summary.number.clone()}" "{state_badge(lang, state)}</h1>
        <p>{p.summary.reason.clone()}</p>
        {second}
        <dl class="card record">
            <div class="item"><dt>{lang.t(Msg::EstimateAmount)}</dt><dd>{yuan(p.summary.estimate_fen)}</dd></div>
            {amount}
            <div class="item"><dt>{lang.t(Msg::FieldBudget)}</dt><dd>{format!("{} · {}", budget_text(lang, p.summary.budget), p.budget_month)}</dd></div>
            <div class="item"><dt>{lang.t(Msg::FieldSupplier)}</dt><dd>{p.supplier.clone().unwrap_or_default()}</dd></div>
            {step_item(lang, Msg::RequestedBy, Some(p.summary.requested_by.clone()), Some(p.summary.requested_at.clone()))}
            {step_item(lang, Msg::FirstApprovedBy, p.first_approved_by.clone(), None)}
            {step_item(lang, Msg::ApprovedBy, p.approved_by.clone(), p.approved_at.clone())}
            {step_item(lang, Msg::DecidedBy, p.decided_by.clone(), p.decided_at.clone())}
            {step_item(lang, Msg::AcceptedBy, p.accepted_by.clone(), p.accepted_at.clone())}
            {step_item(lang, Msg::ReimbursedBy, p.reimbursed_by.clone(), p.reimbursed_at.clone())}
            {p.voucher.clone().map(|v| view! { <div class="item"><dt>{lang.t(Msg::FieldVoucher)}</dt><dd>{v}</dd></div> })}
            {p.refusal.clone().map(|r| view! { <div class="item"><dt>{lang.t(Msg::FieldReason)}</dt><dd>{r}</dd></div> })}
            {p.accept_note.clone().map(|r| view! { <div class="item"><dt>{lang.t(Msg::FieldNotes)}</dt><dd>{r}</dd></div> })}
        </dl>
        <IslandScripts bundle=Bundle::Forms/>
        {decide}
        {withdraw}
        <section>
            <h2>{lang.t(Msg::FieldLines)}</h2>
            <ul class="list purchase-lines">{lines}</ul>
        </section>
        {accept}
        {reimburse}
        {assets}
    }
}

fn line_row(lang: Lang, l: PurchaseLine) -> impl IntoView {
    let kind = match l.kind {
        LineKind::Supply => lang.t(Msg::SupplyLine),
        LineKind::Asset => lang.t(Msg::AssetLine),
    };
    let what = match (l.kind, l.item_id) {
        (LineKind::Supply, Some(item)) => {
            view! { <a href=format!("/supplies/{item}")>{l.name.clone()}</a> }.into_any()
        }
        _ => view! { <span>{l.name.clone()}</span> }.into_any(),
    };
    let came = l.received.map(|r| {
        let price = l.unit_price_fen.map(yuan).unwrap_or_default();
        lang.t(Msg::ReceivedAt)
            .replace("{n}", &r.to_string())
            .replace("{price}", &price)
    });
    view! {
        <li class="purchase-line">
            <p><strong>{what}</strong>{format!(" × {} · {} · {}", l.quantity, yuan(l.estimate_fen), kind)}{l.category.map(|c| format!(" · {c}"))}</p>
            {came.map(|c| view! { <p class="muted">{c}{l.room.map(|r| format!(" · {}", r.name))}</p> })}
        </li>
    }
}

/// The keeper's acceptance of the delivery: how many came of each line, at what price.
fn accept_form(lang: Lang, id: String, lines: &[PurchaseLine]) -> impl IntoView {
    let rows = lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let name = |field: &str| format!("form[lines][{n}][{field}]");
            let legend = format!("{} × {}", l.name, l.quantity);
            view! {
                <fieldset class="line">
                    <legend>{legend}</legend>
                    <input type="hidden" name=name("line") value=l.id.to_string()/>
                    {indexed_input(lang.t(Msg::ReceivedCount), name("received"), l.quantity.to_string(), "number")}
                    {indexed_input(lang.t(Msg::UnitPriceYuan), name("price"), plain_yuan(l.estimate_fen), "text")}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <details class="card" open=true id="accept">
            <summary>{lang.t(Msg::AcceptDelivery)}</summary>
            <p class="muted">{lang.t(Msg::AcceptHint)}</p>
            <SavingForm lang action=AcceptPurchase::url() class="form accept-form">
                <input type="hidden" name="form[id]" value=id/>
                {rows}
                <TextInput label=lang.t(Msg::FieldNotes) name="form[note]" value=""/>
                <button type="submit">{lang.t(Msg::AcceptDelivery)}</button>
            </SavingForm>
        </details>
    }
}
