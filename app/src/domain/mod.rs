//! Plain values shared by the server and the browser; each one parses its raw form or says why not.

mod asset_code;
mod asset_status;
mod choice;
mod money;
mod purchase_date;
mod role;
mod room_kind;
mod tag_code;
mod text;

pub use asset_code::AssetCode;
pub use asset_status::AssetStatus;
pub use money::Fen;
pub use purchase_date::PurchaseDate;
pub use role::Role;
pub use room_kind::RoomKind;
pub use tag_code::TagCode;
pub use text::{bounded_text, optional_text, Login, Password};

use serde::{Deserialize, Serialize};

/// Which input a validation problem belongs to, so the form can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Category,
    Model,
    AssetCode,
    Status,
    Room,
    Building,
    Custodian,
    PurchaseDate,
    Value,
    Notes,
    Kind,
    Floor,
    Login,
    DisplayName,
    Password,
    Role,
    Tag,
    Query,
    /// A list's page size.
    Limit,
    /// Where a list's page starts.
    Offset,
    Body,
    Stock,
    Skip,
    Selection,
    Tags,
    NewTags,
    PageWidth,
    PageHeight,
    Columns,
    Rows,
    MarginLeft,
    MarginTop,
    GapX,
    GapY,
    LabelWidth,
    LabelHeight,
    Photo,
    Template,
    Answers,
    Description,
    Reason,
    Target,
    Scope,
    Cadence,
    Assignee,
    Due,
    /// An uploaded file (a register to import).
    File,
    /// A saved column mapping of imports.
    Profile,
    /// The week or month a ledger covers.
    Period,
    /// How a hazard is to be put right (整改措施).
    Measure,
    /// Which ledger (closing a period).
    Ledger,
    /// The record as a whole (one of a closed period).
    Record,
    /// How many of a batch record were counted in a stocktake (实盘数量).
    Counted,
    /// How many units of a supply are received, issued or asked for.
    Quantity,
    /// What a supply is counted in (包, 桶).
    Unit,
    /// Where a supply is kept.
    Shelf,
    /// At or below this many, a supply is low.
    MinStock,
    /// Who delivered a supply.
    Supplier,
    /// The price of one unit, in fen.
    Price,
    /// The class or office a supply goes to.
    IssuedTo,
    /// A liable student's class (班级).
    Class,
    /// Which budget a purchase is charged to, or a budget's amount.
    Budget,
    /// The lines of a purchase.
    Lines,
    /// A reimbursement's voucher number (凭证号).
    Voucher,
    /// The estimate above which a purchase needs two approvals.
    Threshold,
    /// The store's item a purchase line buys more of.
    Item,
    /// A key of the key cabinet (lending one).
    Key,
    /// Who a key is lent to.
    Borrower,
    /// A key's hook in the key cabinet.
    Hook,
    /// How many keys a key set holds.
    Pieces,
    /// How many took part in a drill.
    Participants,
    /// How long a drill took, in minutes.
    Minutes,
    /// The day a drill was held.
    HeldOn,
}

/// What is wrong with a value; rendered through the translations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    BadTagCode,
    BadAssetCode,
    BadMoney,
    BadDate,
    BadLogin,
    UnknownChoice,
    OutOfRange,
    Malformed,
    /// Two choices that exclude each other were both made.
    Conflicting,
    /// Labels laid out with these numbers run off the page.
    OffPage,
    AtMost {
        max: usize,
    },
    /// More labels than one job prints.
    TooMany {
        max: usize,
    },
    /// The selection matched nothing.
    Empty,
    /// A tag code that is well-formed but not in the register.
    NotRegistered {
        code: String,
    },
    /// People still counting who have not handed in (their phones may hold unsynced scans).
    StillCounting {
        who: String,
    },
    /// Not a picture in a format we read (JPEG, PNG, WebP), or a damaged one.
    NotAnImage,
    /// More megapixels than a phone camera makes.
    TooManyPixels {
        max: usize,
    },
    /// A checklist item left unanswered, answered in the wrong form, or without its photo.
    ItemIncomplete {
        item: String,
    },
    /// A step the record's current state does not allow.
    BadTransition,
    /// Not a file we read as a spreadsheet (XLSX, XLS, ODS, CSV in UTF-8 or GBK).
    NotASpreadsheet,
    /// A spreadsheet without a filled cell.
    EmptySheet,
    /// A file over the size we take, in MB.
    FileTooLarge {
        max: usize,
    },
    /// The same value as an earlier row of the file (as Excel numbers it).
    DuplicateOf {
        first: usize,
    },
    /// A column the file must have and does not (or that no column was mapped to).
    MissingColumn,
    /// Two of the file's columns mapped to one of ours.
    MappedTwice,
    /// No row that reads as the register's header.
    NoHeader,
    /// The record belongs to a period whose ledger is closed (周周清、月月清).
    PeriodClosed {
        period: String,
    },
    /// The period is closed already.
    AlreadyClosed,
    /// The period has not begun.
    NotYet,
    /// A control character (a tab, a NUL …) in a text that holds none.
    ControlCharacter,
    /// More asked of the store than it has: `left` units on hand.
    NotEnoughStock {
        left: i64,
    },
    /// An approval by the requester, or a second one by the first approver.
    NeedsAnotherApprover,
    /// A key that is out already, lent `to` someone.
    AlreadyLent {
        to: String,
    },
}

impl Problem {
    /// A refusal for the record's current state (a step out of order, a closed period, people
    /// still counting), not for the input itself: the same request may succeed later.
    pub fn is_state(&self) -> bool {
        matches!(
            self,
            Problem::BadTransition
                | Problem::StillCounting { .. }
                | Problem::PeriodClosed { .. }
                | Problem::AlreadyClosed
                | Problem::NotYet
                | Problem::NotEnoughStock { .. }
                | Problem::NeedsAnotherApprover
                | Problem::AlreadyLent { .. }
        )
    }
}

/// One rejected input: the field and the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invalid {
    pub field: Field,
    #[serde(flatten)]
    pub problem: Problem,
}

impl Invalid {
    /// Shorthand used by every parser.
    pub fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }
}
