use super::Field;

crate::choice_enum!(
    /// What a user may do; checked on the server for every action.
    Role, Field::Role, {
        DistrictAdmin => "district_admin",
        Admin => "admin",
        AssetManager => "asset_manager",
        Staff => "staff",
        Teacher => "teacher",
    }
);

impl Role {
    /// The roles of a school's own people (what a school's admin may give).
    pub const SCHOOL: &'static [Role] =
        &[Role::Admin, Role::AssetManager, Role::Staff, Role::Teacher];

    /// Adding schools and seeing every school's figures; a district admin belongs to no school
    /// and sees no school's records.
    pub fn manages_district(self) -> bool {
        matches!(self, Role::DistrictAdmin)
    }

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
