//! One error type for every action: what the user is told, in their language, and the HTTP status.

use crate::domain::Invalid;
use crate::i18n::{invalid_message, Lang, Msg};
use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// Why an action did not happen. Internal details are logged on the server, never sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("not signed in")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many attempts")]
    TooManyAttempts,
    #[error("bad credentials")]
    BadCredentials,
    #[error("conflict on {field:?}")]
    Conflict { field: crate::domain::Field },
    #[error("invalid {0:?}")]
    Invalid(Invalid),
    /// An upload over the size limit (in MB).
    #[error("too large")]
    TooLarge { max_mb: usize },
    #[error("label font missing")]
    LabelFontMissing,
    #[error("internal error")]
    Internal,
    #[error("transport: {detail}")]
    Transport { detail: String },
    /// A request the server cannot read: broken JSON, a form or query that does not parse.
    #[error("malformed request")]
    Malformed,
    /// A request body over the route's limit.
    #[error("request too large")]
    BodyTooLarge,
}

/// The result of every store call and server function.
pub type AppResult<T> = Result<T, AppError>;

impl From<Invalid> for AppError {
    fn from(i: Invalid) -> Self {
        AppError::Invalid(i)
    }
}

impl AppError {
    /// The HTTP status the API answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthorized | AppError::BadCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict { .. } => 409,
            AppError::Invalid(i) if i.problem.is_state() => 409,
            AppError::Invalid(_) => 422,
            AppError::TooManyAttempts => 429,
            AppError::TooLarge { .. } | AppError::BodyTooLarge => 413,
            AppError::LabelFontMissing => 503,
            AppError::Internal => 500,
            AppError::Transport { .. } | AppError::Malformed => 400,
        }
    }

    /// A stable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not_found",
            AppError::TooManyAttempts => "too_many_attempts",
            AppError::BadCredentials => "bad_credentials",
            AppError::Conflict { .. } => "conflict",
            AppError::Invalid(_) => "invalid",
            AppError::TooLarge { .. } | AppError::BodyTooLarge => "too_large",
            AppError::LabelFontMissing => "label_font_missing",
            AppError::Internal => "internal",
            AppError::Transport { .. } => "bad_request",
            AppError::Malformed => "malformed",
        }
    }

    /// The input the error is about, if any (a form or client points at it).
    pub fn field(&self) -> Option<crate::domain::Field> {
        match self {
            AppError::Invalid(i) => Some(i.field),
            AppError::Conflict { field } => Some(*field),
            _ => None,
        }
    }

    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Unauthorized => lang.t(Msg::Unauthorized).into(),
            AppError::Forbidden => lang.t(Msg::Forbidden).into(),
            AppError::NotFound => lang.t(Msg::NotFound).into(),
            AppError::TooManyAttempts => lang.t(Msg::TooManyAttempts).into(),
            AppError::BadCredentials => lang.t(Msg::BadCredentials).into(),
            AppError::Conflict { field } => {
                format!("{}{}", lang.t(Msg::Conflict), lang.t(Msg::field(*field)))
            }
            AppError::Invalid(i) => invalid_message(lang, i),
            AppError::TooLarge { max_mb } => {
                lang.t(Msg::TooLarge).replace("{n}", &max_mb.to_string())
            }
            AppError::LabelFontMissing => lang.t(Msg::LabelFontMissing).into(),
            AppError::Internal => lang.t(Msg::Internal).into(),
            AppError::Transport { .. } => lang.t(Msg::Network).into(),
            AppError::Malformed => lang.t(Msg::MalformedRequest).into(),
            AppError::BodyTooLarge => lang.t(Msg::BodyTooLarge).into(),
        }
    }

    /// Logs an unexpected failure and hides it behind [`AppError::Internal`].
    #[cfg(feature = "ssr")]
    pub fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!("internal error: {e}");
        AppError::Internal
    }
}

/// A database failure the caller cannot act on: logged, answered as [`AppError::Internal`].
/// (Unique violations that mean "already taken" are mapped by the store before this.)
#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::internal(e)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// A form whose fields do not parse as the function's arguments is the sender's mistake
    /// ([`AppError::Malformed`]); anything else on the way there or back is the network's.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::Malformed,
            other => AppError::Transport {
                detail: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Field, Problem};

    /// Server functions send errors as JSON; a variant that cannot be serialized would panic
    /// the request instead (internally tagged enums refuse newtype variants of strings).
    #[test]
    fn every_error_serializes_and_reads_back() {
        let all = [
            AppError::Unauthorized,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::TooManyAttempts,
            AppError::BadCredentials,
            AppError::Conflict { field: Field::Tag },
            AppError::Invalid(Invalid::new(Field::Value, Problem::TooLong { max: 3 })),
            AppError::TooLarge { max_mb: 15 },
            AppError::LabelFontMissing,
            AppError::Internal,
            AppError::Transport {
                detail: "bad form".into(),
            },
            AppError::Malformed,
            AppError::BodyTooLarge,
        ];
        for e in all {
            let json = serde_json::to_string(&e).expect("serializes");
            let back: AppError = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back, e);
        }
    }
}
