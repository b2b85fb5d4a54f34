//! Label printing, the parts the page and the server share: label stocks (sheets and rolls),
//! print jobs and what they select. Drawing (QR, font, PDF, preview) is server-only, in
//! `ssr::labels`.

mod job;
mod stock;

pub use job::{
    too_many, AssetFilter, LabelItem, LabelJob, LabelKind, Selection, StockChoice, MAX_LABELS,
};
pub use stock::{custom_stock_name, Length, Stock, StockSpec, BUILT_IN};
