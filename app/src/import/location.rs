//! Where a register says an asset is kept (存放地点), as a building and a room: `明德楼/一年级（1）班`,
//! `明德楼301`, `明德楼 301`, or a place on its own such as `操场`.

use crate::domain::RoomKind;

/// A building and a room, by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    pub building: String,
    pub room: String,
}

/// Splits a 存放地点 into building and room. `buildings` are the school's building names: the
/// longest one the text starts with is the building. Otherwise a `/` (or `／`, `-`) separates the
/// two, or else the room number starts at the first digit; a place without any of these is a
/// building with one room of the same name. Empty is no place.
pub fn place(raw: &str, buildings: &[String]) -> Option<Place> {
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    let split = |building: &str, room: &str| {
        let room = room.trim().trim_start_matches(['/', '／', '-', ' ']).trim();
        Place {
            building: building.trim().to_string(),
            room: if room.is_empty() {
                building.trim()
            } else {
                room
            }
            .to_string(),
        }
    };
    if let Some(known) = buildings
        .iter()
        .filter(|b| !b.is_empty() && text.starts_with(b.as_str()))
        .max_by_key(|b| b.len())
    {
        return Some(split(known, &text[known.len()..]));
    }
    if let Some((building, room)) = text.split_once(['/', '／']) {
        return Some(split(building, room));
    }
    if let Some((at, _)) = text
        .char_indices()
        .find(|(i, c)| c.is_ascii_digit() && *i > 0)
    {
        return Some(split(&text[..at], &text[at..]));
    }
    Some(split(text, text))
}

/// What kind of room a new room's name suggests (一年级（1）班 a classroom, 卫生间 a toilet …).
pub fn kind_of(room: &str) -> RoomKind {
    let has = |words: &[&str]| words.iter().any(|w| room.contains(w));
    if has(&["卫生间", "厕所", "洗手间"]) {
        RoomKind::Toilet
    } else if has(&["食堂", "餐厅", "厨房"]) {
        RoomKind::Canteen
    } else if has(&["宿舍"]) {
        RoomKind::Dormitory
    } else if has(&["仓库", "库房", "储藏", "器材室"]) {
        RoomKind::Store
    } else if has(&["走廊", "楼道", "大厅"]) {
        RoomKind::Corridor
    } else if has(&["门卫", "传达室", "校门"]) {
        RoomKind::Gate
    } else if has(&["办公室", "办公"]) {
        RoomKind::Office
    } else if has(&["班", "教室"]) {
        RoomKind::Classroom
    } else if room.ends_with('室') || room.ends_with('馆') {
        RoomKind::SpecialRoom
    } else if room.chars().all(|c| c.is_ascii_digit()) {
        RoomKind::Classroom
    } else {
        RoomKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(building: &str, room: &str) -> Option<Place> {
        Some(Place {
            building: building.into(),
            room: room.into(),
        })
    }

    #[test]
    fn places_are_split_into_building_and_room() {
        let known = vec!["明德楼".to_string(), "明德楼东".to_string()];
        assert_eq!(place("明德楼301", &known), p("明德楼", "301"));
        assert_eq!(place("明德楼东 102", &known), p("明德楼东", "102"));
        assert_eq!(
            place("明德楼/一年级（1）班", &known),
            p("明德楼", "一年级（1）班")
        );
        assert_eq!(place("致远楼／科学室", &known), p("致远楼", "科学室"));
        assert_eq!(place("致远楼204", &known), p("致远楼", "204"));
        assert_eq!(place("操场", &known), p("操场", "操场"));
        assert_eq!(place("明德楼", &known), p("明德楼", "明德楼"));
        assert_eq!(place("  ", &known), None);
        assert_eq!(
            place("3号楼", &[]),
            p("3号楼", "3号楼"),
            "a digit first names no room"
        );
    }

    #[test]
    fn a_new_rooms_kind_is_guessed_from_its_name() {
        assert_eq!(kind_of("一年级（1）班"), RoomKind::Classroom);
        assert_eq!(kind_of("301"), RoomKind::Classroom);
        assert_eq!(kind_of("教师办公室"), RoomKind::Office);
        assert_eq!(kind_of("科学实验室"), RoomKind::SpecialRoom);
        assert_eq!(kind_of("二楼男卫生间"), RoomKind::Toilet);
        assert_eq!(kind_of("体育器材室"), RoomKind::Store);
        assert_eq!(kind_of("操场"), RoomKind::Other);
    }
}
