use super::Field;

crate::choice_enum!(
    /// What a room is used for; checklists and rounds are chosen by it.
    RoomKind, Field::Kind, {
        Classroom => "classroom",
        SpecialRoom => "special_room",
        Office => "office",
        Canteen => "canteen",
        Dormitory => "dormitory",
        Toilet => "toilet",
        Gate => "gate",
        Store => "store",
        Corridor => "corridor",
        Other => "other",
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;

    #[test]
    fn codes_round_trip() {
        for k in RoomKind::ALL {
            assert_eq!(RoomKind::parse(k.code()).unwrap(), *k);
        }
        assert_eq!(
            RoomKind::parse("castle").unwrap_err().problem,
            Problem::UnknownChoice
        );
    }
}
