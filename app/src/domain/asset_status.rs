use super::Field;

crate::choice_enum!(
    /// Where an asset stands in its life.
    AssetStatus, Field::Status, {
        InUse => "in_use",
        UnderRepair => "under_repair",
        Lost => "lost",
        Retired => "retired",
    }
);

impl AssetStatus {
    /// Still in the school's service (in use or being repaired): rounds inspect it; a lost or
    /// retired asset drops out of every round.
    pub fn in_service(self) -> bool {
        matches!(self, AssetStatus::InUse | AssetStatus::UnderRepair)
    }
}
