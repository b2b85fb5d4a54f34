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
