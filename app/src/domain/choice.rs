//! A macro for the register's closed lists (roles, statuses, room kinds): one stored code each.

/// Declares an enum whose variants are stored and sent as fixed snake_case codes.
#[macro_export]
macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident, $field:expr, { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order forms list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code kept in the database and the API.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Reads a stored or submitted code.
            pub fn parse(raw: &str) -> Result<Self, $crate::domain::Invalid> {
                match raw.trim() {
                    $($code => Ok($name::$variant),)+
                    "" => Err($crate::domain::Invalid::new($field, $crate::domain::Problem::Required)),
                    _ => Err($crate::domain::Invalid::new($field, $crate::domain::Problem::UnknownChoice)),
                }
            }
        }
    };
}
