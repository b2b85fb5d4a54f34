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

    /// Recording inspections and moving repair tickets and damage reports along; seeing every
    /// report and photo.
    pub fn inspects(self) -> bool {
        matches!(self, Role::Admin | Role::AssetManager | Role::Staff)
    }

    /// Creating users and changing roles or passwords.
    pub fn manages_users(self) -> bool {
        matches!(self, Role::Admin)
    }
}
