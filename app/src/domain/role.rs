use super::Field;

crate::choice_enum!(
    /// What a user may do; checked on the server for every action.
    Role, Field::Role, {
        Admin => "admin",
        AssetManager => "asset_manager",
        Staff => "staff",
        Teacher => "teacher",
    }
);

impl Role {
    /// Creating and editing buildings, rooms and assets.
    pub fn manages_register(self) -> bool {
        matches!(self, Role::Admin | Role::AssetManager)
    }

    /// Creating users and changing roles or passwords.
    pub fn manages_users(self) -> bool {
        matches!(self, Role::Admin)
    }
}
