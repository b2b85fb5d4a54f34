//! The demo school, built from the logistics department's own semester plan (its 分工 table),
//! and a generator of large schools for benchmarks.

use crate::domain::{AssetCode, AssetStatus, Fen, PurchaseDate, Role, RoomKind, TagCode};
use crate::forms::{AssetFields, RoomFields};
use crate::model::{Named, Responsibility};
use crate::ssr::people::store::UserRecord;
use crate::ssr::school::store::SchoolImport;
use std::collections::HashSet;
use uuid::Uuid;

/// The password of the demo accounts, shown on the sign-in page in demo mode only.
pub const DEMO_PASSWORD: &str = "rounds-demo";

/// The people of the 分工 table and the principal: login, name, role. Those whose login starts
/// with `demo-` are the demo accounts.
const STAFF: &[(&str, &str, Role)] = &[
    ("demo-admin", "周春明", Role::Admin),
    ("demo-manager", "殷奇", Role::AssetManager),
    ("demo-staff", "程财宝", Role::Staff),
    ("demo-teacher", "王芳", Role::Teacher),
    ("shaolike", "邵理科", Role::Staff),
    ("huanhuan", "宦欢", Role::Staff),
    ("fengjing", "冯晶", Role::Staff),
    ("jingjiali", "景佳丽", Role::Staff),
    ("liping", "李萍", Role::Staff),
    ("chenshan", "陈珊", Role::Staff),
    // The principal: the second approver of a purchase above the year's threshold.
    ("demo-principal", "沈志刚", Role::Admin),
];

/// 分工明细: area, item, responsible login (blank cells inherit the row above), note.
const DUTIES: &[(&str, &str, &str, &str)] = &[
    (
        "安全保障",
        "保安队伍的管理与沟通，日常安保工作的落实，安保台账的落实与检查",
        "demo-staff",
        "保安人员会议一周一次",
    ),
    (
        "安全保障",
        "学校设施设备的检查与维护",
        "demo-staff",
        "参照物防安全隐患指南",
    ),
    (
        "安全保障",
        "配合组织好学生安全演练",
        "demo-staff",
        "门卫防爆演练每学期一次",
    ),
    (
        "安全保障",
        "校园护卫队的管理与培训",
        "demo-staff",
        "每学期一次",
    ),
    (
        "安全保障",
        "学校教师车辆安全与停放管理，大型活动时外来车辆的停放管理",
        "demo-staff",
        "",
    ),
    (
        "卫生管理",
        "教室及教室前走廊的卫生管理",
        "demo-staff",
        "保洁为主，教师为辅（与邵理科共同负责）",
    ),
    (
        "卫生管理",
        "学校卫生制度的落实，学生日常卫生教育及管理，卫生室台账",
        "shaolike",
        "",
    ),
    (
        "卫生管理",
        "校园环境卫生，教师办公室、各专用教室卫生",
        "demo-staff",
        "每月检查",
    ),
    ("卫生管理", "保洁人员的管理及工作协调", "demo-staff", ""),
    ("财产管理", "学校财产的保修与维护", "demo-staff", ""),
    ("财产管理", "资产网的管理与更新", "demo-manager", ""),
    (
        "财产管理",
        "学校各室的财产管理与定期检查（属地管理，由各室责任人负责，做到物表一致）",
        "demo-manager",
        "资产盘点",
    ),
    (
        "财产管理",
        "各室房门、室内各橱柜、设备的钥匙管理",
        "demo-manager",
        "",
    ),
    (
        "日常用品管理",
        "办公、保洁等日用品的入库登记、分类摆放、日常领用",
        "demo-manager",
        "",
    ),
    (
        "日常用品管理",
        "教具、教辅用书的日常管理与领用",
        "demo-manager",
        "",
    ),
    (
        "日常用品管理",
        "二次供水系统的定期维护、直饮水的检查与管理、纯净水的领用登记",
        "demo-staff",
        "台账资料完善",
    ),
    (
        "食堂管理",
        "食堂的日常管理与定期检查",
        "huanhuan",
        "每日小检查，每周大检查",
    ),
    ("食堂管理", "教师、学生的餐费收缴", "huanhuan", "学期前"),
    ("食堂管理", "临时用餐的沟通与安排", "huanhuan", ""),
    ("食堂管理", "每周菜单的落实与公布", "huanhuan", "每周四"),
    (
        "食堂管理",
        "师生对食堂满意度测评，师生意见的反馈",
        "huanhuan",
        "每月一次小调查，学期大调查",
    ),
    ("宿舍管理", "住宿教师的安排管理", "huanhuan", ""),
    ("宿舍管理", "住宿教师的日常管理", "huanhuan", ""),
    (
        "校车管理",
        "校车沟通联系，乘车人员的管理，乘车制度的制定",
        "huanhuan",
        "校车管理制度，值班人员安排等等",
    ),
    (
        "物品采购",
        "后勤工作的三年规划，每学期工作计划、总结，后勤部门的日常例会",
        "demo-admin",
        "",
    ),
    (
        "物品采购",
        "学校采购计划、大型维修计划的制订，设施设备、大宗物品的添置",
        "demo-admin",
        "",
    ),
    (
        "物品采购",
        "学校日常教学用品、办公用品的采购",
        "demo-admin",
        "",
    ),
    ("物品采购", "后勤部门的月、年度费用预算", "demo-admin", ""),
    (
        "物品采购",
        "教师、学生外出用车的管理与安排",
        "demo-admin",
        "",
    ),
    ("物品采购", "学校大型活动的协调与安排", "demo-admin", ""),
    ("其他后勤工作", "学校资料的领取与外送工作", "demo-staff", ""),
    ("其他后勤工作", "油印工作", "fengjing", ""),
    ("其他后勤工作", "档案工作", "jingjiali", ""),
    ("其他后勤工作", "图书馆工作", "jingjiali", ""),
    ("其他后勤工作", "财务管理", "liping", "与陈珊共同负责"),
];

const SURNAMES: &[char] = &[
    '张', '李', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何',
    '林', '高',
];
const GIVEN: &[&str] = &[
    "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
    "霞", "平", "刚", "桂英", "华",
];
const GRADES: &[&str] = &["一", "二", "三", "四", "五", "六"];

/// An asset line: category, name, model, value in yuan, how many per room.
type Kit = (&'static str, &'static str, &'static str, i64, usize);

const CLASSROOM_KIT: &[Kit] = &[
    ("课桌椅", "学生课桌椅（双人）", "KZY-120", 380, 12),
    ("教学设备", "投影机", "EB-X51", 4200, 1),
    ("教学设备", "教室电脑", "启天M430", 3800, 1),
    ("教学设备", "实物展台", "ZT-800", 1200, 1),
    ("空调", "壁挂式空调", "KFR-35GW", 2600, 1),
    ("消防器材", "干粉灭火器", "MFZ/ABC4", 90, 1),
];
const SPECIAL_KIT: &[Kit] = &[
    ("课桌椅", "实验桌凳", "SYZ-160", 650, 6),
    ("教学设备", "投影机", "EB-X51", 4200, 1),
    ("空调", "柜式空调", "KFR-72LW", 6800, 1),
    ("消防器材", "干粉灭火器", "MFZ/ABC4", 90, 2),
];
const OFFICE_KIT: &[Kit] = &[
    ("办公家具", "办公桌", "BGZ-140", 900, 4),
    ("电脑", "办公电脑", "启天M430", 3800, 4),
    ("办公设备", "激光打印机", "LJ-M233", 1600, 1),
    ("消防器材", "干粉灭火器", "MFZ/ABC4", 90, 1),
];
const CANTEEN_KIT: &[Kit] = &[
    ("厨房设备", "消毒柜", "RTP-700", 5200, 2),
    ("厨房设备", "冷藏柜", "BC-1000", 7800, 2),
    ("餐桌椅", "八人餐桌", "CZ-8", 1100, 10),
    ("消防器材", "干粉灭火器", "MFZ/ABC4", 90, 4),
    ("消防器材", "室内消火栓", "SN65", 1500, 2),
];
const CORRIDOR_KIT: &[Kit] = &[
    ("直饮水设备", "直饮水机", "ZY-3T", 6500, 1),
    ("消防器材", "干粉灭火器", "MFZ/ABC4", 90, 4),
    ("消防器材", "室内消火栓", "SN65", 1500, 2),
    ("消防器材", "应急照明灯", "ZFZD-E3W", 120, 4),
];
const DORM_KIT: &[Kit] = &[
    ("宿舍家具", "上下铺床", "SXC-90", 800, 4),
    ("宿舍家具", "衣柜", "YG-4", 600, 2),
    ("消防器材", "干粉灭火器", "MFZ/ABC4", 90, 1),
];
const PLAIN_KIT: &[Kit] = &[("消防器材", "干粉灭火器", "MFZ/ABC4", 90, 1)];

fn kit_for(kind: RoomKind) -> &'static [Kit] {
    match kind {
        RoomKind::Classroom => CLASSROOM_KIT,
        RoomKind::SpecialRoom => SPECIAL_KIT,
        RoomKind::Office => OFFICE_KIT,
        RoomKind::Canteen => CANTEEN_KIT,
        RoomKind::Corridor => CORRIDOR_KIT,
        RoomKind::Dormitory => DORM_KIT,
        _ => PLAIN_KIT,
    }
}

/// Builds a school; `scale` multiplies the classrooms (1 = the demo's ~40 rooms and ~600 assets).
struct Builder {
    school: SchoolImport,
    /// Put before every login, so that a second school's people have logins of their own.
    login_prefix: String,
    codes: HashSet<TagCode>,
    logins: Vec<(String, Uuid)>,
    asset_seq: usize,
}

impl Builder {
    fn tag(&mut self) -> TagCode {
        loop {
            let c = TagCode::random();
            if self.codes.insert(c.clone()) {
                return c;
            }
        }
    }

    fn user(&mut self, login: &str, name: &str, role: Role, hash: Option<String>) -> Uuid {
        let id = Uuid::now_v7();
        let record = UserRecord {
            login: format!("{}{login}", self.login_prefix),
            display_name: name.into(),
            role,
            active: true,
            password_hash: hash,
        };
        self.school.users.push((id, record));
        self.logins.push((login.into(), id));
        id
    }

    fn id_of(&self, login: &str) -> Option<Uuid> {
        self.logins
            .iter()
            .find(|(l, _)| l == login)
            .map(|(_, id)| *id)
    }

    fn building(&mut self, name: &str) -> Uuid {
        let id = Uuid::now_v7();
        self.school.buildings.push(Named {
            id,
            name: name.into(),
        });
        id
    }

    fn room(
        &mut self,
        building_id: Uuid,
        name: String,
        kind: RoomKind,
        floor: i64,
        custodian_id: Option<Uuid>,
    ) {
        let room_id = Uuid::now_v7();
        let tag = self.tag();
        let fields = RoomFields {
            name,
            kind,
            floor: Some(floor),
            building_id,
            custodian_id,
        };
        self.school.rooms.push((room_id, fields, tag));
        for (category, name, model, yuan, count) in kit_for(kind) {
            for _ in 0..*count {
                self.asset(room_id, category, name, model, *yuan);
            }
        }
    }

    fn asset(&mut self, room_id: Uuid, category: &str, name: &str, model: &str, yuan: i64) {
        self.asset_seq += 1;
        let seq = self.asset_seq;
        let year = 2016 + (seq % 8) as i64;
        let status = match seq % 97 {
            0 => AssetStatus::UnderRepair,
            50 => AssetStatus::Retired,
            _ => AssetStatus::InUse,
        };
        let fields = AssetFields {
            category: category.into(),
            name: name.into(),
            model: Some(model.into()),
            asset_code: AssetCode::parse(&format!("LC-{year}-{seq:06}"))
                .expect("generated codes are valid"),
            status,
            room_id: Some(room_id),
            custodian_id: None,
            purchase_date: PurchaseDate::parse(&format!("{year}-0{}-1{}", 1 + seq % 9, seq % 10))
                .ok(),
            value: Fen::new(yuan * 100).expect("demo values are in range"),
            notes: None,
        };
        let tag = self.tag();
        self.school.assets.push((Uuid::now_v7(), fields, tag));
    }
}

/// The district admin's demo account: adds schools, sees every school's figures.
pub const DISTRICT_LOGIN: &str = "demo-district";

/// The login prefix of the second demo school's people (`qt-demo-admin` …).
pub const SECOND_SCHOOL_PREFIX: &str = "qt-";

/// The demo district's two schools. Each has the 分工 table's people and duties, ~43 rooms,
/// ~600 assets and 20 blank tags; the second school's logins start with
/// [`SECOND_SCHOOL_PREFIX`]. `demo_hash` is the argon2 hash of [`DEMO_PASSWORD`] for the
/// demo accounts of each.
pub fn demo_schools(demo_hash: &str) -> [SchoolImport; 2] {
    [
        school(1, demo_hash, "常州市龙城小学", ""),
        school(1, demo_hash, "常州市清潭小学", SECOND_SCHOOL_PREFIX),
    ]
}

/// The district admin of the demo, with the demo password.
pub fn district_admin(demo_hash: &str) -> UserRecord {
    UserRecord {
        login: DISTRICT_LOGIN.into(),
        display_name: "区教育局".into(),
        role: Role::DistrictAdmin,
        active: true,
        password_hash: Some(demo_hash.into()),
    }
}

/// A district of `schools` schools with about `assets` assets in all, for load tests: schools
/// of two or three sizes, as a real district's are. The first is the demo's first school
/// (its `demo-*` accounts); the others' logins start with `sNN-` (`s01-demo-staff` …).
pub fn generated_district(schools: usize, assets: usize, demo_hash: &str) -> Vec<SchoolImport> {
    const PER_WING: usize = 530;
    const FIXED: usize = 70;
    let mut made = 0;
    (0..schools.max(1))
        .map(|i| {
            let due = assets * (i + 1) / schools.max(1);
            let wings = (due.saturating_sub(made + FIXED) + PER_WING / 2) / PER_WING;
            let (name, prefix) = match i {
                0 => ("常州市龙城小学".to_string(), String::new()),
                _ => (format!("常州市第{}实验小学", i + 1), format!("s{i:02}-")),
            };
            let s = school(wings.max(1), demo_hash, &name, &prefix);
            made += s.assets.len();
            s
        })
        .collect()
}

fn school(scale: usize, demo_hash: &str, name: &str, login_prefix: &str) -> SchoolImport {
    let mut b = Builder {
        school: SchoolImport::default(),
        login_prefix: login_prefix.to_string(),
        codes: HashSet::new(),
        logins: vec![],
        asset_seq: 0,
    };
    b.school.school_name = name.into();
    for (login, name, role) in STAFF {
        let demo = login.starts_with("demo-");
        b.user(login, name, *role, demo.then(|| demo_hash.to_string()));
    }
    let teacher = b.id_of("demo-teacher");
    let staff = b.id_of("demo-staff");
    let canteen = b.id_of("huanhuan");
    let manager = b.id_of("demo-manager");
    let library = b.id_of("jingjiali");

    for wing in 0..scale {
        let suffix = if scale == 1 {
            String::new()
        } else {
            format!("（{}区）", wing + 1)
        };
        let teaching = b.building(&format!("明德楼{suffix}"));
        let science = b.building(&format!("博学楼{suffix}"));
        for (g, grade) in GRADES.iter().enumerate() {
            for class in 1..=4 {
                let n = g * 4 + class;
                let custodian = if wing == 0 && g == 2 && class == 2 {
                    teacher
                } else {
                    let name = format!(
                        "{}{}",
                        SURNAMES[(n + wing) % SURNAMES.len()],
                        GIVEN[(n * 7 + wing) % GIVEN.len()]
                    );
                    Some(b.user(&format!("t{wing:03}-{n:02}"), &name, Role::Teacher, None))
                };
                let building = if g < 3 { teaching } else { science };
                b.room(
                    building,
                    format!("{grade}年级（{class}）班"),
                    RoomKind::Classroom,
                    (g % 3 + 1) as i64,
                    custodian,
                );
            }
        }
        for floor in 1..=3 {
            b.room(
                teaching,
                format!("{floor}楼走廊"),
                RoomKind::Corridor,
                floor,
                staff,
            );
            b.room(
                science,
                format!("{floor}楼走廊"),
                RoomKind::Corridor,
                floor,
                staff,
            );
        }
        for (name, floor, who) in [
            ("音乐教室", 4, staff),
            ("美术教室", 4, staff),
            ("科学实验室", 1, staff),
            ("计算机教室", 2, manager),
            ("劳动工作室", 1, staff),
        ] {
            b.room(science, name.into(), RoomKind::SpecialRoom, floor, who);
        }
        b.room(science, "图书馆".into(), RoomKind::SpecialRoom, 3, library);
        b.room(
            teaching,
            "男卫生间（一楼）".into(),
            RoomKind::Toilet,
            1,
            staff,
        );
        b.room(
            teaching,
            "女卫生间（一楼）".into(),
            RoomKind::Toilet,
            1,
            staff,
        );
    }
    let admin = b.building("行政楼");
    b.room(admin, "后勤部办公室".into(), RoomKind::Office, 1, manager);
    b.room(admin, "教师办公室（一）".into(), RoomKind::Office, 2, staff);
    b.room(
        admin,
        "财务室".into(),
        RoomKind::Office,
        2,
        b.id_of("liping"),
    );
    b.room(admin, "器材仓库".into(), RoomKind::Store, 1, manager);
    b.room(admin, "后勤物资仓库".into(), RoomKind::Store, 1, manager);
    let canteen_b = b.building("食堂");
    b.room(canteen_b, "学生食堂".into(), RoomKind::Canteen, 1, canteen);
    b.room(canteen_b, "教工餐厅".into(), RoomKind::Canteen, 2, canteen);
    let dorm = b.building("教师宿舍楼");
    for n in 1..=2 {
        b.room(dorm, format!("10{n}宿舍"), RoomKind::Dormitory, 1, canteen);
    }
    let gate = b.building("门卫");
    b.room(gate, "南门门卫室".into(), RoomKind::Gate, 1, staff);

    for (area, item, login, note) in DUTIES {
        let user = b.logins.iter().find(|(l, _)| l == login).map(|(l, id)| {
            let name = STAFF
                .iter()
                .find(|s| s.0 == l)
                .map(|s| s.1)
                .unwrap_or_default();
            Named {
                id: *id,
                name: name.into(),
            }
        });
        b.school.responsibilities.push(Responsibility {
            id: Uuid::now_v7(),
            area: (*area).into(),
            item: (*item).into(),
            user,
            cadence: (!note.is_empty()).then(|| (*note).into()),
        });
    }
    for _ in 0..20 {
        let tag = b.tag();
        b.school.blank_tags.push(tag);
    }
    b.school
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_school_has_the_size_the_brief_asks_for() {
        let [s, _] = demo_schools("x");
        assert!(
            (38..=50).contains(&s.rooms.len()),
            "{} rooms",
            s.rooms.len()
        );
        assert!(
            (550..=700).contains(&s.assets.len()),
            "{} assets",
            s.assets.len()
        );
        assert_eq!(s.responsibilities.len(), DUTIES.len());
        let teacher_room = s
            .rooms
            .iter()
            .find(|r| r.1.name == "三年级（2）班")
            .unwrap();
        assert_eq!(
            teacher_room.1.custodian_id,
            s.users
                .iter()
                .find(|u| u.1.login == "demo-teacher")
                .map(|u| u.0)
        );
    }

    #[test]
    fn the_second_demo_school_has_logins_of_its_own() {
        let [first, second] = demo_schools("x");
        assert_ne!(first.school_name, second.school_name);
        assert!(second
            .users
            .iter()
            .all(|u| u.1.login.starts_with(SECOND_SCHOOL_PREFIX)));
        let logins: HashSet<&str> = first.users.iter().map(|u| u.1.login.as_str()).collect();
        assert!(second
            .users
            .iter()
            .all(|u| !logins.contains(u.1.login.as_str())));
        assert!(second.responsibilities.iter().all(|r| r.user.is_none()
            || second
                .users
                .iter()
                .any(|u| Some(u.0) == r.user.as_ref().map(|n| n.id))));
    }

    #[test]
    fn a_generated_district_has_about_the_asked_size() {
        let district = generated_district(8, 10_000, "x");
        assert_eq!(district.len(), 8);
        let assets: usize = district.iter().map(|s| s.assets.len()).sum();
        assert!((9_000..=11_000).contains(&assets), "{assets}");
        let logins: HashSet<&str> = district
            .iter()
            .flat_map(|s| s.users.iter().map(|u| u.1.login.as_str()))
            .collect();
        let users: usize = district.iter().map(|s| s.users.len()).sum();
        assert_eq!(logins.len(), users, "every login is the server's only one");
        assert!(logins.contains("demo-staff") && logins.contains("s07-demo-staff"));
    }
}
