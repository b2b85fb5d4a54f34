//! Every user-facing string, zh-CN first and English second. Keys are an enum, so a missing
//! translation is a compile error, not a blank on a phone.

use crate::domain::{AssetStatus, Field, Invalid, Problem, Role, RoomKind};
use serde::{Deserialize, Serialize};

/// The interface language; Chinese unless the user or browser chose English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The code kept in the cookie and the user's record.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Anything but English falls back to Chinese.
    pub fn parse(raw: &str) -> Self {
        if raw.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The other language, offered by the switch.
    pub fn other(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self)
    }
}

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)+) => {
        /// A translatable text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($key),+ }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Zh) => $zh, (Msg::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

messages! {
    AppName => "校园巡检", "Rounds";
    LangSwitch => "English", "中文";
    SignIn => "登录", "Sign in";
    SignOut => "退出", "Sign out";
    BodyTooLarge => "请求内容太大，超出了这一操作允许的大小。", "The request is larger than this action allows.";
    MalformedRequest => "请求无法读取：JSON、表单或网址参数格式不正确。", "The request could not be read: its JSON, form or URL parameters are malformed.";
    SignOutEverywhere => "在所有设备上退出", "Sign out on every device";
    SignOutEverywhereHint => "结束你在每部手机、每台电脑上的登录和 API 令牌，包括这一个。", "Ends your sign-ins on every phone and computer, and your API tokens, this one too.";
    EndUserSessions => "结束此用户的所有登录", "End all of this user's sign-ins";
    SessionsEnded => "已结束 {n} 个登录。", "{n} sign-in(s) ended.";
    FieldSessions => "登录", "Sign-ins";
    LoginLabel => "账号", "Login";
    PasswordLabel => "密码", "Password";
    BadCredentials => "账号或密码不正确。", "Wrong login or password.";
    TooManyAttempts => "尝试次数过多，请稍后再试。", "Too many attempts; please wait a little and try again.";
    SignedOutNote => "请先登录，再查看此记录。", "Please sign in to see this record.";
    DemoAccounts => "演示账号（密码 rounds-demo）", "Demo accounts (password rounds-demo)";
    Home => "首页", "Home";
    Manage => "管理", "Manage";
    SearchPlaceholder => "扫码、输入标签码或名称", "Scan, type a tag code or a name";
    Search => "搜索", "Search";
    SearchResults => "搜索结果", "Search results";
    NoResults => "没有找到匹配的记录。", "Nothing matches.";
    MyRooms => "我负责的房间", "My rooms";
    MyResponsibilities => "我的分工", "My responsibilities";
    NoRooms => "暂无。", "None yet.";
    Hello => "你好", "Hello";
    Room => "房间", "Room";
    Rooms => "房间", "Rooms";
    Asset => "资产", "Asset";
    Assets => "资产", "Assets";
    Building => "楼栋", "Building";
    Buildings => "楼栋", "Buildings";
    Users => "用户", "Users";
    Floor => "楼层", "Floor";
    Kind => "类型", "Kind";
    Custodian => "责任人", "Custodian";
    NoCustodian => "未指定", "Not assigned";
    Category => "类别", "Category";
    Name => "名称", "Name";
    Model => "型号", "Model";
    AssetCodeLabel => "资产编号", "Asset code";
    Status => "状态", "Status";
    PurchaseDate => "购置日期", "Purchase date";
    Value => "价值（元）", "Value (yuan)";
    Notes => "备注", "Notes";
    TagLabel => "标签码", "Tag code";
    History => "历史记录", "History";
    NoHistory => "暂无记录。", "No history yet.";
    AssetsInRoom => "室内资产", "Assets in this room";
    Edit => "编辑", "Edit";
    Save => "保存", "Save";
    Saved => "已保存。", "Saved.";
    Create => "新建", "Create";
    NewRoom => "新建房间", "New room";
    NewAsset => "新建资产", "New asset";
    NewBuilding => "新建楼栋", "New building";
    NewUser => "新建用户", "New user";
    EditRoom => "编辑房间", "Edit room";
    EditAsset => "编辑资产", "Edit asset";
    EditUser => "编辑用户", "Edit user";
    Rename => "改名", "Rename";
    DisplayName => "姓名", "Name";
    RoleLabel => "角色", "Role";
    Active => "启用", "Active";
    Inactive => "已停用", "Disabled";
    NewPasswordHint => "新密码（留空则不修改）", "New password (leave empty to keep)";
    Choose => "请选择", "Choose…";
    None_ => "无", "None";
    Previous => "上一页", "Previous";
    Next => "下一页", "Next";
    NotFoundTitle => "找不到页面", "Page not found";
    NotFoundBody => "这个地址没有内容。请检查链接，或用上方的搜索框查找。", "There is nothing at this address. Check the link or use the search box above.";
    OtherSchoolTagTitle => "其他学校的标签", "Another school's tag";
    OtherSchoolTagBody => "这个标签属于{school}，不在您所在学校的登记中。", "This tag belongs to {school}, not to your school's register.";
    DistrictTitle => "学校一览", "Schools";
    DistrictIntro => "本区各校的登记与巡检数字。", "The register and inspection figures of every school in the district.";
    SchoolColumn => "学校", "School";
    UsersColumn => "账号", "Accounts";
    AssetsColumn => "资产", "Assets";
    InspectionsColumn => "检查", "Inspections";
    OpenReportsColumn => "未结报修", "Open reports";
    AddSchool => "添加学校", "Add a school";
    SchoolName => "学校名称", "School name";
    FirstAdminLogin => "学校管理员账号", "The school admin's login";
    FirstAdminName => "学校管理员姓名", "The school admin's name";
    FirstAdminPassword => "学校管理员初始密码", "The school admin's first password";
    NoSchools => "还没有学校。", "No schools yet.";
    StocktakesTitle => "资产盘点", "Stocktakes";
    NoStocktakes => "还没有盘点。", "No stocktakes yet.";
    StocktakeCounting => "盘点中", "Counting";
    StocktakeFinished => "已结束", "Finished";
    ExpectedColumn => "应盘", "Expected";
    CountedColumn => "已盘", "Counted";
    MisplacedColumn => "位置不符", "Misplaced";
    MiscountedColumn => "数量不符", "Count differs";
    BookQuantityColumn => "账面数量", "Register quantity";
    DifferenceColumn => "差异", "Difference";
    SettleRecount => "按实盘数量调账", "Set the register to the count";
    HowManyCounted => "批量登记：实盘数量是多少？", "A batch record: how many are here?";
    CountBounds => "请填 1 到 100000 之间的整数。", "Give a whole number from 1 to 100000.";
    SurplusColumn => "盘盈", "Surplus";
    MissingColumn => "未盘", "Not counted";
    DamagedColumn => "损坏", "Damaged";
    DamagedTitle => "有损坏（盘点时报告）", "Damaged while counting";
    ReportedAtColumn => "报告时间", "Reported at";
    CounterColumn => "盘点人", "Counted by";
    WholeSchool => "全校", "Whole school";
    StartStocktake => "开始盘点", "Start the stocktake";
    NewStocktake => "新的盘点", "New stocktake";
    FinishStocktake => "结束盘点", "Finish the stocktake";
    ReportLink => "盘点报告", "Stocktake report";
    DifferencesTitle => "差异处理", "Settling the differences";
    MissingTitle => "盘亏（应盘而未找到）", "Missing (expected, never counted)";
    SettleMove => "按实际位置改登记", "Move it in the register";
    SettleFound => "已找到", "Found after all";
    SettleWriteOff => "报损", "Write off";
    RegisterSurplus => "登记为新资产", "Register as a new asset";
    SettleRegistered => "已登记，记为已处理", "Registered: mark it settled";
    ApproveWriteOff => "批准报损", "Approve the write-off";
    RefuseWriteOff => "驳回报损", "Refuse the write-off";
    SettledDone => "已处理", "Settled";
    SettledPending => "报损待管理员批准", "Write-off awaiting the admin";
    SettledRejected => "报损被驳回", "Write-off refused";
    NoDifferences => "没有差异：物表一致。", "No differences: the rooms match the register.";
    FoundIn => "实际在 ", "Found in ";
    SummarySheet => "汇总", "Summary";
    TotalRow => "合计", "Total";
    RegisteredRoom => "登记房间", "Registered room";
    FoundRoom => "实际房间", "Found in";
    ScannedAtColumn => "扫描时间", "Scanned at";
    ScansColumn => "扫描次数", "Scans";
    TagColumn => "标签码", "Tag";
    DownloadXlsx => "下载盘点报告（Excel）", "Download the report (Excel)";
    PrintReportPdf => "打印盘点报告（PDF）", "Print the report (PDF)";
    MissingSheet => "盘亏", "Missing";
    SignCounter => "盘点人：", "Counted by:";
    SignSupervisor => "监盘人：", "Supervised by:";
    SignHead => "负责人：", "Approved by:";
    SignDate => "日期：", "Date:";
    PageOf => "第 {n} 页 / 共 {total} 页", "Page {n} of {total}";
    StartedOn => "开始于", "Started";
    FinishedOn => "结束于", "Finished";
    StartedBy => "发起人", "Started by";
    PrintedOn => "打印于", "Printed";
    ScanTitle => "扫码", "Scan";
    ScanHint => "对准资产或门牌上的标签，读到后直接打开记录；也可以在上方输入标签码。", "Point at the label on an asset or a door: its record opens as soon as it is read. Or type the tag code above.";
    CountRoomTitle => "清点房间", "Count a room";
    CountRooms => "开始清点", "Count rooms";
    PickRoom => "选择房间，或扫描门牌", "Pick the room, or scan its door tag";
    ThisRoom => "本房间", "This room";
    WholeStocktake => "全部", "Whole stocktake";
    ScanWithCamera => "用相机扫码", "Scan with the camera";
    CaptureCode => "扫码枪或输入标签码", "Scanner gun or typed tag code";
    CountIt => "记入", "Count it";
    Torch => "手电筒", "Torch";
    Zoom => "缩放", "Zoom";
    Camera => "相机", "Camera";
    StopScanning => "停止扫码", "Stop scanning";
    AimAtLabels => "把标签对准画面即可，不用点按；一次可扫多个。", "Point the camera at the labels; no tap needed, several at once.";
    CameraInsecure => "此页面通过 http 打开，手机只在 https 下允许使用相机。请用扫码枪或输入标签码，或请管理员为服务器配置 https。", "This page was opened over plain http, and phones allow the camera only over https. Use a scanner gun or type the tag code, or ask the administrator to set up https.";
    CameraDenied => "没有使用相机的权限：请在浏览器设置中允许本站使用相机。", "The camera was not allowed: allow this site to use the camera in the browser's settings.";
    CameraNone => "找不到可用的相机。", "No camera could be opened.";
    ClassOutOfScope => "不在范围", "Out of scope";
    ClassRepeat => "已盘过", "Already counted";
    ClassUnlisted => "不在清单（同步后确认）", "Not on the list (confirmed on sync)";
    RegisteredIn => "登记在 ", "Registered in ";
    RoomPicked => "已选房间：", "Room: ";
    PickRoomFirst => "请先选择房间或扫描门牌。", "Pick the room or scan its door tag first.";
    NotATagCode => "不是标签码：", "Not a tag code: ";
    Undo => "撤销", "Undo";
    MarkDamaged => "有损坏", "Damaged";
    NotSynced => "未同步", "not synced";
    ListKept => "清单已存到本机：没有信号也能清点，恢复联网后自动同步。", "The list is kept on this phone: count with no signal; scans sync when it returns.";
    ListKeptTyping => "清单已存到本机：没有信号也能输入或用扫码枪清点，恢复联网后自动同步。联网时打开一次摄像头，之后没有信号也能用摄像头扫码。", "The list is kept on this phone: with no signal, count by typing codes or with a hand scanner; scans sync when it returns. Open the camera once while online and it scans with no signal too.";
    NoListOnPhone => "本机没有这次盘点的清单：请在有信号时打开一次此页面。", "This phone has no copy of the list: open this page once with a signal.";
    HandIn => "交回清点", "Hand in";
    HandInHint => "本机的扫描全部同步后交回，盘点才能结束。", "Hand in once this phone's scans are all synced: the stocktake cannot finish before.";
    HandedIn => "已交回。", "Handed in.";
    StillCountingTitle => "还在清点", "Still counting";
    CountingClosed => "这次盘点已结束，不能再清点。", "This stocktake is finished; nothing more can be counted.";
    UnknownTagTitle => "未知标签", "Unknown tag";
    UnknownTagBody => "这个标签码不在本校的登记中。请核对标签上的字符，或联系资产管理员。", "This tag code is not in the school's register. Check the characters on the label or ask the asset manager.";
    UnassignedTitle => "空白标签", "Unassigned tag";
    UnassignedBody => "这个标签还没有绑定到任何房间或资产。请联系资产管理员绑定。", "This tag is not linked to a room or an asset yet. Ask the asset manager to link it.";
    ClaimTag => "绑定此标签", "Link this tag";
    ClaimToRoom => "绑定到已有房间", "Link to an existing room";
    ClaimToAsset => "绑定到已有资产（资产编号）", "Link to an existing asset (asset code)";
    ClaimNewAsset => "或新建资产并绑定", "Or create a new asset with this tag";
    Forbidden => "你没有权限执行此操作。", "You are not allowed to do this.";
    Unauthorized => "请先登录。", "Please sign in first.";
    NotFound => "记录不存在。", "That record does not exist.";
    Conflict => "与已有记录冲突：", "Conflicts with an existing record: ";
    Internal => "服务器出错了，请稍后再试。已记录此问题。", "Something went wrong on the server; please try again. It has been logged.";
    Network => "网络连接失败，请检查信号后重试。", "Could not reach the server; check the signal and try again.";
    ProblemRequired => "必填。", "is required.";
    ProblemTooLong => "太长，最多 {n} 个字。", "is too long (at most {n} characters).";
    ProblemControlCharacter => "含有不可见的控制字符（如制表符），请删去后重试。", "holds an invisible control character (such as a tab); remove it and try again.";
    ProblemTooShort => "太短，至少 {n} 个字符。", "is too short (at least {n} characters).";
    ProblemBadTag => "应为 8 位标签码（数字和字母，如 7K3M9QX2）。", "should be an 8-character tag code (digits and letters, e.g. 7K3M9QX2).";
    ProblemBadAssetCode => "只能包含字母、数字和 - _ . /。", "may contain only letters, digits and - _ . /.";
    ProblemBadMoney => "应为金额（元），最多两位小数，如 1200.50。", "should be an amount in yuan with at most two decimals, e.g. 1200.50.";
    ProblemBadDate => "应为日期，格式 2023-09-01。", "should be a date like 2023-09-01.";
    ProblemBadLogin => "应为 2–32 位小写字母、数字或 . _ -。", "should be 2–32 lower-case letters, digits or . _ -.";
    ProblemUnknownChoice => "不是可选的值。", "is not one of the choices.";
    ProblemOutOfRange => "超出允许范围。", "is out of the allowed range.";
    ProblemMalformed => "格式不正确。", "is not in the expected form.";
    ProblemConflicting => "与其他选择冲突，只能选其一。", "conflicts with another choice; pick one.";
    ProblemOffPage => "按此行列、边距和间距排版后超出纸张。", "makes the labels run off the page with these rows, columns, margins and gaps.";
    ProblemAtMost => "不能超过 {n}。", "must be at most {n}.";
    ProblemTooMany => "超过单次上限 {n} 张，请分批打印。", "is over the limit of {n} labels a job; print it in parts.";
    ProblemEmpty => "没有符合条件的标签。", "matches no labels.";
    ProblemNotAnImage => "不是可用的图片（支持 JPEG、PNG、WebP），或图片已损坏。", "is not a usable picture (JPEG, PNG or WebP), or it is damaged.";
    ProblemTooManyPixels => "像素太多，最多 {n} 百万像素。", "has too many pixels (at most {n} megapixels).";
    ProblemItemIncomplete => "中的「{n}」没有填写完整（需要回答，或需要照片）。", "is incomplete at “{n}” (an answer, or a photo, is missing).";
    ProblemNotASpreadsheet => "不是可以读取的表格（支持 XLSX、XLS、ODS，以及 UTF-8 或 GBK 编码的 CSV），或文件已损坏。", "is not a spreadsheet we read (XLSX, XLS, ODS, or CSV in UTF-8 or GBK), or it is damaged.";
    ProblemEmptySheet => "里没有任何内容。", "has nothing in it.";
    ProblemFileTooLarge => "太大，最多 {n} MB。", "is too large (at most {n} MB).";
    ColumnAssetCode => "资产编号", "Asset code";
    ColumnName => "资产名称", "Name";
    ColumnCategory => "资产分类", "Category";
    ColumnClassCode => "分类代码", "Classification code";
    ColumnModel => "规格型号", "Model";
    ColumnBrand => "品牌", "Brand";
    ColumnUnit => "计量单位", "Unit";
    ColumnQuantity => "数量", "Quantity";
    ColumnUnitPrice => "单价", "Unit price";
    ColumnValue => "价值", "Value";
    ColumnAcquiredOn => "取得日期", "Acquired on";
    ColumnDepartment => "使用部门", "Department";
    ColumnCustodian => "使用人", "Custodian";
    ColumnLocation => "存放地点", "Location";
    ColumnStatus => "使用状况", "Status";
    ColumnBookedOn => "财务入账日期", "Booked on";
    ColumnVoucher => "凭证号", "Voucher no.";
    ColumnNote => "备注", "Note";
    ImportRow => "第 {n} 行", "Row {n}";
    ImportColumn => " {n} 列", ", column {n}";
    ProblemNoHeader => "里找不到表头行：要有“资产名称”和另外至少两列（如资产编号、存放地点），或选一个导入方案。", "has no header row: it needs 资产名称 (name) and at least two more known columns (such as 资产编号, 存放地点), or choose an import profile.";
    FieldProfile => "导入方案", "Import profile";
    FieldPeriod => "期间（如 2026-12 或 2026-W49）", "The period (such as 2026-12 or 2026-W49)";
    ProblemDuplicateOf => "与第 {n} 行重复。", "is the same as in row {n}.";
    ProblemMissingColumn => "这一列在文件中找不到，请在列对应中指定。", "is a column the file does not have; choose it in the column mapping.";
    ProblemMappedTwice => "对应了不止一列，请只保留一列。", "is mapped from more than one column; keep only one.";
    ProblemBadTransition => "不允许这一步（当前状态不能这样处理）。", "does not allow this step from its current state.";
    ProblemNotRegistered => "中的 {n} 不在登记中。", "includes {n}, which is not in the register.";
    ProblemStillCounting => "：{n} 还没有交回清点（手机上可能有未同步的扫描）。请他们联网后点“交回清点”，或由资产管理员代为交回。", "— not yet handed in by {n} (their phones may hold scans not synced). Ask them to go online and tap “Hand in”, or hand in for them.";
    DemoSecondSchool => "第二所学校（清潭小学）的演示账号在前面加 qt-，例如 qt-demo-admin。", "The second school's (Qingtan) demo accounts start with qt-, e.g. qt-demo-admin.";
    RoleDistrictAdmin => "教育局管理员", "District administrator";
    RoleAdmin => "管理员", "Administrator";
    RoleAssetManager => "资产管理员", "Asset manager";
    RoleStaff => "后勤人员", "Logistics staff";
    RoleTeacher => "教师", "Teacher";
    StatusInUse => "在用", "In use";
    StatusUnderRepair => "维修中", "Under repair";
    StatusLost => "遗失", "Lost";
    StatusRetired => "已报废", "Retired";
    KindClassroom => "教室", "Classroom";
    KindSpecialRoom => "专用教室", "Special room";
    KindOffice => "办公室", "Office";
    KindCanteen => "食堂", "Canteen";
    KindDormitory => "宿舍", "Dormitory";
    KindToilet => "卫生间", "Toilet";
    KindGate => "门卫", "Gate";
    KindStore => "仓库", "Store";
    KindCorridor => "走廊", "Corridor";
    KindOther => "其他", "Other";
    FieldName => "名称", "Name";
    FieldCategory => "类别", "Category";
    FieldModel => "型号", "Model";
    FieldAssetCode => "资产编号", "Asset code";
    FieldStatus => "状态", "Status";
    FieldRoom => "房间", "Room";
    FieldBuilding => "楼栋", "Building";
    FieldCustodian => "责任人", "Custodian";
    FieldPurchaseDate => "购置日期", "Purchase date";
    FieldValue => "金额", "Amount";
    FieldNotes => "备注", "Notes";
    FieldKind => "类型", "Kind";
    FieldFloor => "楼层", "Floor";
    FieldLogin => "账号", "Login";
    FieldDisplayName => "姓名", "Name";
    FieldPassword => "密码", "Password";
    FieldRole => "角色", "Role";
    FieldTag => "标签码", "Tag code";
    FieldQuery => "搜索词", "Search";
    FieldLimit => "每页条数（limit，1–200）", "Page size (limit, 1–200)";
    FieldOffset => "起始位置（offset，不小于 0）", "Start (offset, 0 or more)";
    FieldBody => "请求内容", "Request";
    FieldStock => "标签纸", "Label stock";
    FieldSkip => "跳过的位置", "Skipped positions";
    FieldSelection => "打印内容", "Selection";
    FieldTags => "标签码列表", "Tag list";
    FieldNewTags => "新标签数量", "Number of new tags";
    FieldPageWidth => "纸张宽度", "Page width";
    FieldPageHeight => "纸张高度", "Page height";
    FieldColumns => "列数", "Columns";
    FieldRows => "行数", "Rows";
    FieldMarginLeft => "左边距", "Left margin";
    FieldMarginTop => "上边距", "Top margin";
    FieldGapX => "横向间距", "Horizontal gap";
    FieldGapY => "纵向间距", "Vertical gap";
    FieldLabelWidth => "标签宽度", "Label width";
    FieldLabelHeight => "标签高度", "Label height";
    FieldPhoto => "照片", "Photo";
    FieldTemplate => "检查表", "Checklist";
    FieldAnswers => "检查结果", "Answers";
    FieldDescription => "情况描述", "Description";
    FieldReason => "原因", "Reason";
    FieldTarget => "检查对象", "What was checked";
    ActionCreate => "新建", "created";
    ActionUpdate => "修改", "updated";
    ActionClaim => "绑定标签", "tag linked";
    ActionImport => "导入", "imported";
    SystemActor => "系统", "System";
    Area => "项目领域", "Area";
    Cadence => "频次", "Cadence";
    Labels => "标签打印", "Labels";
    LabelsIntro => "选择要打印的内容和标签纸，先预览，再下载 PDF。打印时选“实际尺寸 / 100%”，不要“适合页面”。", "Pick what to print and the label stock, preview, then download the PDF. Print at actual size (100 %), not “fit to page”.";
    LabelLimit => "单次最多 {n} 张标签；更多请分批打印。", "At most {n} labels a job; print more in parts.";
    LabelUrlNote => "二维码指向：", "QR codes open: ";
    LabelUrlLoopback => "这是本机地址，手机扫码打不开。请先用 --public-url（或 ROUNDS_PUBLIC_URL）设置师生手机能访问的学校地址，再打印。", "This is a local address that phones cannot open. Set the school's address with --public-url (or ROUNDS_PUBLIC_URL) before printing.";
    LabelWhat => "打印内容", "What to print";
    LabelWhatAssets => "资产标签", "Asset labels";
    LabelWhatDoors => "门牌（房间标签）", "Door labels (rooms)";
    LabelWhatTags => "指定的标签码", "Listed tag codes";
    LabelWhatNew => "新空白标签（先印后绑定）", "New blank tags (print now, link by scanning)";
    LabelWhatReprint => "重印这次打印的全部标签", "Reprint every label of this print";
    Reprint => "重印", "Reprint";
    AllOption => "全部", "All";
    NeverPrinted => "只打印从未打印过的", "Only tags never printed";
    TagListHint => "标签码，每行一个（补印用）", "Tag codes, one a line (for reprints)";
    NewTagCount => "新空白标签数量", "Number of new blank tags";
    StockLabel => "标签纸", "Label stock";
    SkipLabel => "跳过前面几个位置（用过一部分的标签纸）", "Skip the first positions (a half-used sheet)";
    PrintCustodian => "印上责任人", "Print the custodian";
    Preview => "预览", "Preview";
    PreviewSummary => "共 {n} 张标签，{p} 页。", "{n} labels on {p} pages.";
    PreviewFirstPages => "下面是前几页，与 PDF 一致：", "The first pages, as the PDF prints them:";
    DownloadPdf => "下载 PDF", "Download PDF";
    Generating => "正在生成标签，请稍候…", "Making the labels…";
    Downloading => "正在下载", "Downloading";
    Downloaded => "已下载。若没有自动保存，请点这里：", "Downloaded. If it was not saved, use this link: ";
    RecentPrints => "最近打印", "Recent prints";
    NoPrints => "还没有打印记录。", "Nothing printed yet.";
    LabelsCount => "张", " labels";
    CustomStocks => "自定义标签纸", "Custom label stocks";
    CustomStockHint => "按标签纸包装上的尺寸填写，单位毫米。同名的会被替换。", "Enter the sizes from the label pack, in millimetres. A stock of the same name is replaced.";
    SheetStock => "A4 不干胶", "A4 sheet";
    RollStock => "热敏标签", "Thermal roll";
    PerPage => "每页", "a page: ";
    RecordInspection => "记录检查", "Record inspection";
    ReportDamage => "报告损坏", "Report damage";
    ChooseChecklist => "选择检查表", "Choose a checklist";
    NoChecklist => "没有适用于此对象的检查表。", "No checklist applies to this.";
    AnswerPass => "合格", "Pass";
    AnswerFail => "不合格", "Fail";
    AnswerNa => "不适用", "N/A";
    AllowedRange => "合格范围", "Allowed";
    ItemNote => "情况说明", "What is wrong";
    AddPhoto => "拍照或选择照片", "Take or choose a photo";
    PhotoRequired => "需要照片", "Photo required";
    Uploading => "正在上传…", "Uploading…";
    InspectionNotes => "备注", "Notes";
    InspectionSaved => "检查已保存。", "Inspection saved.";
    TicketsOpened => "{n} 项不合格，已生成维修单。", "{n} failed; repair tickets opened.";
    BackToRecord => "返回记录", "Back to the record";
    DamageWhat => "损坏情况", "What is damaged";
    DamageWhen => "发生时间", "When it happened";
    DamageCause => "可能原因", "Suspected cause";
    DamageLiable => "可能的责任方（学生及班级、教职工或校外人员，可不填）", "Possibly liable (a student and class, a staff member, an outside party; optional)";
    Submit => "提交", "Submit";
    ReportSent => "已提交，处理人：", "Sent; it goes to: ";
    MyReports => "我的报修", "My reports";
    Reports => "报修", "Repairs";
    AssignedReports => "待我处理", "Assigned to me";
    AllReports => "全部报修", "All reports";
    NoReports => "暂无报修。", "No reports.";
    Reporter => "报告人", "Reported by";
    Assignee => "处理人", "Handled by";
    FromInspection => "检查发现", "From an inspection";
    DamageReported => "已报告", "Reported";
    DamageAccepted => "已受理", "Accepted";
    DamageInRepair => "维修中", "In repair";
    DamageRepaired => "已修好", "Repaired";
    DamageClosed => "已关闭", "Closed";
    DamageRejected => "已驳回", "Rejected";
    StepAccept => "受理", "Accept";
    StepRepair => "开始维修", "Start repair";
    StepRepaired => "已修好", "Repaired";
    StepClose => "关闭", "Close";
    StepReopen => "重新维修", "Back to repair";
    StepReject => "驳回", "Reject";
    RejectReason => "驳回原因", "Reason for rejecting";
    Compensation => "赔偿", "Compensation";
    OpenCase => "开具赔偿单", "Open a compensation case";
    PartyKindLabel => "赔偿方类型", "Liable party";
    PartyStudent => "学生", "Student";
    PartyStaff => "教职工", "Staff member";
    PartyOutside => "校外人员", "Outside party";
    PartyName => "姓名或单位", "Name";
    PartyClass => "班级（学生必填）", "Class (for a student)";
    BasisLabel => "赔偿依据", "Basis";
    BasisRepair => "维修费用", "Repair cost";
    BasisReplacement => "重置价值（按购置价值折旧）", "Replacement value (purchase value, depreciated)";
    AmountYuan => "金额（元；按重置价值可留空自动计算）", "Amount in yuan (empty: worked out from the value)";
    Semester => "学期", "Semester";
    CaseOpen => "未缴", "Outstanding";
    CasePaid => "已缴", "Paid";
    CaseWaived => "已免除", "Waived";
    Notice => "赔偿通知单（PDF）", "Notice (PDF)";
    MarkPaid => "登记缴费", "Mark paid";
    PaidOn => "缴费日期", "Paid on";
    ReceiptNo => "收据号", "Receipt number";
    ReceivedBy => "收款人", "Received by";
    Waive => "免除", "Waive";
    WaiveReason => "免除原因", "Reason for waiving";
    ExportCsv => "导出 CSV（本学期）", "Export CSV (this semester)";
    ExportOpen => "导出未缴", "Export outstanding";
    NoCases => "本学期没有赔偿单。", "No cases this semester.";
    Checklists => "检查表", "Checklists";
    NewChecklist => "新建检查表", "New checklist";
    EditChecklist => "编辑检查表", "Edit checklist";
    ChecklistCategories => "适用的资产类别（用顿号分隔，如：消防器材）", "Asset categories it applies to (separated by 、 or commas)";
    ChecklistRoomKinds => "适用的房间类型（如：教室、食堂）", "Room kinds it applies to (e.g. 教室、食堂)";
    ChecklistItems => "检查项，每行一项", "Items, one a line";
    ChecklistSyntax => "默认为“合格/不合格”。读数写成“冷藏温度 [数值 ℃ 0~8]”，文字写成“床铺数量 [文字]”，需要照片加“[拍照]”。保存后成为新版本，已有检查记录保留原来的措辞。", "Items are pass/fail unless marked: a reading as “Fridge [number ℃ 0~8]”, text as “Beds [text]”, a required photo with “[photo]”. Saving makes a new version; earlier inspections keep their wording.";
    SaveNewVersion => "保存为新版本", "Save as a new version";
    LabelBlankTitle => "扫码登记", "Scan to register";
    LabelCustodianPrefix => "责任人：", "Custodian: ";
    TooLarge => "文件太大，最多 {n} MB。", "The file is too large (at most {n} MB).";
    LabelFontMissing => "服务器没有安装标签字体（Debian 软件包 fonts-noto-cjk），暂时无法生成标签。请联系管理员。", "The server has no label font installed (Debian package fonts-noto-cjk), so labels cannot be made yet. Ask the administrator.";
    FieldScope => "检查范围", "Scope";
    FieldCadence => "频次", "Cadence";
    FieldAssignee => "负责人", "Assigned to";
    FieldDue => "截止日期", "Due date";
    FieldFile => "文件", "The file";
    RoundsNav => "巡检", "Rounds";
    TodaysRounds => "今日巡检", "Today's rounds";
    RoundsIntro => "打开本页后，巡检清单、检查表和相关记录都会保存在手机上：没有信号时也能扫码或从清单打开、填写检查、拍照、报告损坏，联网后自动同步。", "Once this page is open, the round's list, checklists and records are kept on this phone: with no signal you can still scan or pick an item, fill checklists, take photos and report damage; everything syncs by itself when the connection returns.";
    NothingDue => "今天没有需要你检查的项目。", "Nothing is due for you today.";
    ProgressDone => "已完成", "Done";
    StateDone => "已完成", "Done";
    StateOpen => "本期待检", "Open";
    StateDueToday => "今日到期", "Due today";
    StateOverdue => "已逾期", "Overdue";
    DueBy => "截止", "Due";
    LastInspected => "上次检查", "Last inspected";
    NeverInspected => "从未检查", "Never inspected";
    ChecksTitle => "检查情况", "Checks";
    NotScheduled => "不在巡检计划中", "In no schedule";
    FailedItemsCount => "{n} 项不合格", "{n} failed";
    InspectNow => "检查", "Inspect";
    OpenRepairsTitle => "未完成的维修", "Open repairs";
    NoOpenRepairs => "没有未完成的维修。", "No open repairs.";
    AlreadyReported => "以下损坏已有人报修，不必重复报告。", "This damage is already reported; no need to report it again.";
    ReportedAt => "报修于", "Reported";
    OpenCasesTitle => "未结赔偿", "Open compensation";
    OfflineReady => "已保存到手机，可离线巡检。", "Kept on this phone: works offline.";
    OfflineNotReady => "此浏览器不支持离线打开页面；记录仍会保存在手机上，页面打开时联网自动同步。", "This browser cannot reopen pages offline; records are still kept on the phone and sync while the page is open.";
    PendingCount => "待同步", "Waiting to sync";
    LastSync => "上次同步", "Last sync";
    NeverSynced => "尚未同步", "Not synced yet";
    SyncNow => "立即同步", "Sync now";
    Syncing => "正在同步…", "Syncing…";
    OfflineNow => "无网络：记录先保存在手机上。", "Offline: records are kept on the phone.";
    SyncFailed => "同步没有完成，稍后会自动重试。", "Sync did not finish; it will try again by itself.";
    SignInAgain => "登录已过期：请重新登录后再同步（记录仍在手机上）。", "Signed out: sign in again to sync (the records stay on the phone).";
    SavedOnPhone => "已保存在手机上，联网后自动同步。", "Saved on this phone; it syncs when the connection returns.";
    RecordedLocally => "已记录，待同步", "Recorded, waiting to sync";
    SyncRefused => "未被服务器接受：", "Refused by the server: ";
    Discard => "删除此记录", "Discard this record";
    NotInRound => "此标签不在今天的巡检中；联网后可打开它的记录。", "This tag is not in today's rounds; open its record once online.";
    OpenByCode => "输入标签码打开", "Open by tag code";
    Open => "打开", "Open";
    Cancel => "取消", "Cancel";
    RoundProgress => "巡检进度", "Round progress";
    OverdueItems => "逾期项目", "Overdue items";
    NoOverdue => "没有逾期项目。", "Nothing overdue.";
    SyncConflicts => "同步冲突", "Sync conflicts";
    NoConflicts => "没有待处理的同步冲突。", "No sync conflicts to look at.";
    MarkResolved => "已核实", "Checked";
    ConflictMoved => "记录期间资产已被移到其他房间", "The asset was moved to another room meanwhile";
    ConflictRetired => "记录期间资产已报废或登记丢失", "The asset was retired or reported lost meanwhile";
    ConflictTemplateChanged => "检查表已有新版本，记录按旧版本填写", "The checklist has a newer version; this was filled on the old one";
    ConflictNotApplicable => "检查表已不适用于此记录", "The checklist no longer applies to this record";
    RecordInspectionKind => "检查记录", "Inspection";
    RecordDamageKind => "损坏报告", "Damage report";
    RecordScanKind => "盘点扫码", "Stocktake scan";
    Schedules => "巡检计划", "Schedules";
    NewSchedule => "新建巡检计划", "New schedule";
    NoSchedules => "还没有巡检计划。", "No schedules yet.";
    CadenceDaily => "每天", "Daily";
    CadenceWeekly => "每周", "Weekly";
    CadenceMonthly => "每月", "Monthly";
    CadenceMonths => "学期中的指定月份", "In given months of the semester";
    CadenceOnce => "一次", "Once";
    Weekdays => "星期（周几，如 1,5）", "Weekdays (1 = Monday, e.g. 1,5)";
    DayOfMonth => "几号截止（留空为月底）", "Due on day (empty: month end)";
    MonthsList => "月份（如 9,10,11,12,1）", "Months (e.g. 9,10,11,12,1)";
    OnDate => "日期（一次性）", "Date (one-off)";
    ScopeCategories => "资产类别（用顿号或逗号分隔）", "Asset categories (separated by 、 or commas)";
    ScopeRoomKinds => "房间类型", "Room kinds";
    ScopeTags => "或指定的标签码（每行一个）", "Or listed tag codes (one a line)";
    AssignPerson => "指定人员", "A person";
    AssignRole => "或指定角色", "Or a role";
    AssignDuty => "按分工表", "From the duty table";
    EndSchedule => "停用", "Stop";
    Ended => "已停用", "Stopped";
    WeekdayNames => "一 二 三 四 五 六 日", "Mon Tue Wed Thu Fri Sat Sun";
    Month => " 月", " (months)";
    EveryMonthOn => "{n} 日前", "by day {n}";
    MonthEnd => "月底前", "by month end";
    ImportTitle => "导入资产登记表", "Import the register";
    ImportIntro => "选择从资产系统或 Excel 导出的登记表（XLSX、XLS、ODS，或 UTF-8、GBK 编码的 CSV）。先看预览，确认无误再导入：导入要么全部完成，要么什么都不改；同一个文件再导入一次不会有变化。", "Choose the register as exported from the asset system or Excel (XLSX, XLS, ODS, or CSV in UTF-8 or GBK). Check the preview, then import: an import is done whole or not at all, and importing the same file again changes nothing.";
    ImportFile => "登记表文件", "Register file";
    ImportQuantities => "数量大于 1 的行", "Rows with a quantity over 1";
    QuantitiesEach => "拆成单件资产，每件一个标签", "Single assets, one tag each";
    QuantitiesBatch => "一条批量记录，一个标签，盘点时按数量清点", "One batch record with one tag, counted by number";
    ImportProfileAuto => "自动识别各列", "Recognise the columns";
    ImportReading => "正在读取文件…", "Reading the file…";
    ImportChooseFile => "请先选择登记表文件。", "Choose the register file first.";
    ImportHeaderAt => "表头在第 {n} 行", "Header in row {n}";
    ImportRowsCount => "资产行", "Asset rows";
    ImportNewAssets => "新建资产", "New assets";
    ImportNewRooms => "新建房间", "New rooms";
    ImportNewBuildings => "新建楼栋", "New buildings";
    ImportNewTags => "新标签", "New tags";
    ImportChanged => "修改的资产", "Changed assets";
    ImportUnchanged => "不变的资产", "Unchanged assets";
    ImportErrorsCount => "错误", "Errors";
    ImportErrorsTitle => "文件中的错误", "Errors in the file";
    ImportColumns => "列对应", "Column mapping";
    ImportColumnsHint => "识别有误的列，请选择它实际的内容；改动后重新预览。", "Where a column is read wrongly, choose what it holds; the preview runs again.";
    ImportLeaveOut => "不导入", "Leave out";
    ImportSaveProfile => "保存为导入方案", "Save as an import profile";
    ImportProfileSaved => "已保存导入方案「{n}」，下次可直接选用。", "Saved the import profile “{n}”; choose it next time.";
    ImportCommit => "确认导入", "Import";
    ImportFixFirst => "请先改正上面的错误（在文件里，或在列对应中），再导入。", "Correct the errors above (in the file, or in the column mapping) before importing.";
    ImportNothingToDo => "这个文件与登记一致，没有要导入的内容。", "The register already matches this file; there is nothing to import.";
    ImportDone => "导入完成。", "Imported.";
    ImportPrintLabels => "打印新标签", "Print the new labels";
    ImportSeeAssets => "查看资产", "See the assets";
    ImportedBefore => "这个文件曾于 {at} 由 {by} 导入。", "This file was imported on {at} by {by}.";
    ImportMore => "……另有 {n} 条", "… and {n} more";
    RecentImports => "导入记录", "Imports";
    NoImports => "还没有导入过登记表。", "No register has been imported yet.";
    ImportRegister => "导入登记表", "Import register";
    ExportRegister => "导出登记表", "Export the register";
    Yes => "是", "Yes";
    No => "否", "No";
    LedgerReportedOn => "报修日期", "Reported on";
    LedgerReporter => "报修人", "Reported by";
    LedgerPlace => "部位/房间", "Place";
    LedgerFault => "故障描述", "Fault";
    LedgerHumanDamage => "人为损坏", "Caused by someone";
    LedgerLiable => "责任人", "Liable";
    LedgerCompensation => "赔偿金额", "Compensation";
    LedgerRepairer => "维修人", "Repaired by";
    LedgerRepairedOn => "完成日期", "Repaired on";
    LedgerAccepted => "验收", "Accepted";
    LedgerRepairs => "维修台账", "Repair ledger";
    FieldMeasure => "整改措施", "Measure";
    RectifyBy => "整改期限", "Put right by";
    LedgerFoundOn => "日期", "Found on";
    LedgerHazard => "隐患描述", "Hazard";
    LedgerResponsible => "责任人", "Responsible";
    LedgerDeadline => "期限", "Deadline";
    HazardOpen => "未整改", "Not yet put right";
    HazardCleared => "已销号", "Cleared";
    LedgerReviewer => "复查人", "Reviewed by";
    LedgerHazards => "安全隐患整改台账", "Hazard rectification ledger";
    FieldLedger => "台账", "Ledger";
    ProblemPeriodClosed => "属于已结账的 {n}，不能再修改；需要更正请新建记录，或请管理员重新开账。", "belongs to {n}, which is closed; record a correction as a new record, or ask the admin to reopen the period.";
    ProblemAlreadyClosed => "本期已经结账。", "is closed for this period already.";
    ProblemNotYet => "的这一期还没有开始，不能结账。", "cannot be closed for a period that has not begun.";
    FieldRecord => "这条记录", "This record";
    FieldCounted => "实盘数量", "Number counted";
    FieldQuantity => "数量", "Quantity";
    FieldUnit => "单位", "Unit";
    FieldShelf => "货架", "Shelf";
    FieldMinStock => "最低库存", "Minimum stock";
    FieldSupplier => "供货单位", "Supplier";
    FieldPrice => "单价", "Unit price";
    FieldIssuedTo => "领用班级或部门", "Class or office";
    FieldClass => "班级", "Class";
    FieldBudget => "预算", "Budget";
    FieldLines => "采购明细", "Lines";
    FieldVoucher => "凭证号", "Voucher number";
    FieldThreshold => "二审金额", "Two-approval threshold";
    FieldItem => "物品", "Item";
    Keys => "钥匙管理", "Keys";
    Services => "后勤服务", "Services";
    KeyDoor => "门钥匙", "Door key";
    KeyCabinetKind => "柜子钥匙", "Cabinet key";
    KeyEquipment => "设备钥匙", "Equipment key";
    KeyOther => "其他钥匙", "Other key";
    KeyIn => "在柜", "In the cabinet";
    KeyLentTo => "借给 {who}，{due} 前归还", "Lent to {who}, due {due}";
    AllKeys => "全部钥匙", "All keys";
    KeysOut => "只看借出的", "Only those lent";
    KeysShowingFirst => "共 {total} 把，这里列出前 {n} 把；搜索名称、挂钩或房间可找到其余的。", "{total} keys; the first {n} are listed here — search by name, hook or room for the rest.";
    NoKeys => "还没有登记钥匙。", "No keys registered yet.";
    OverdueKeys => "逾期未还", "Overdue";
    KeySearch => "搜索钥匙、挂钩或房间", "Search keys, hooks or rooms";
    KeyLabels => "打印钥匙标签", "Print key labels";
    KeyList => "钥匙一览", "Every key";
    AddKey => "登记钥匙", "Register a key";
    KeyReturnedAt => "{at} 由 {who} 收回", "returned {at} to {who}";
    KeyLentAt => "{at} 由 {who} 借出", "lent {at} by {who}";
    FieldHook => "挂钩位置", "Hook";
    FieldPieces => "钥匙数（把）", "Keys on the ring";
    FieldBorrower => "借用人", "Borrower";
    FieldKey => "钥匙", "Key";
    ReturnKey => "归还入柜", "Return to the cabinet";
    LendKey => "借出", "Lend";
    KeyDueHint => "归还时间（留空为今天放学）", "Due back (empty: end of the school day)";
    NoLoans => "还没有借用记录。", "Not lent yet.";
    KeyLoans => "借用记录", "Loans";
    LabelWhatKeys => "钥匙柜的钥匙", "The key cabinet's keys";
    Drills => "安全演练", "Drills";
    DrillFire => "防火演练", "Fire drill";
    DrillSchoolBus => "校车安全演练", "School bus drill";
    DrillEarthquake => "防震演练", "Earthquake drill";
    DrillSecurity => "门卫防爆演练", "Gate security drill";
    DrillEvacuation => "疏散演练", "Evacuation drill";
    DrillOther => "其他演练", "Other drill";
    DrillHeld => "已完成", "Held";
    DrillDue => "本月进行", "This month";
    DrillPlanned => "未到", "Planned";
    DrillHeldLine => "{on} 举行 · {n} 人参加 · {m} 分钟", "held {on} · {n} took part · {m} minutes";
    DrillsToHold => "待举行的演练", "Drills to hold";
    NoDrills => "本学期还没有演练。", "No drills this semester.";
    PlanDrill => "计划一次演练", "Plan a drill";
    DrillMonth => "计划月份", "Month";
    DrillsHint => "{s} 学期，按安全教育行事历安排；每次演练后登记举行情况和发现的问题。", "Semester {s}, from the safety education calendar; record each drill and the problems it found.";
    RepairOpened => "已报修", "Repair opened";
    DrillFindings => "发现的问题", "Problems found";
    FieldParticipants => "参加人数", "Participants";
    FieldMinutes => "用时（分钟）", "Minutes";
    FieldHeldOn => "举行日期", "Held on";
    DrillSummary => "情况小结", "Summary";
    RecordedBy => "登记人", "Recorded by";
    NoRoom => "不涉及房间", "No room";
    DrillFindingN => "问题 {n}", "Problem {n}";
    RecordDrill => "登记演练情况", "Record the drill";
    DrillFindingsHint => "写明发现的问题；选了房间的，会按分工转给负责人报修。", "Describe each problem; one with a room goes to its repairer by the duty table.";
    ProblemAlreadyLent => "已借给 {n}，须先归还。", "is lent to {n}; it must be returned first.";
    ProblemNeedsAnotherApprover => "须由申请人以外的另一位管理员审批。", "needs the approval of another admin (not the requester, not the first approver).";
    ProblemNotEnoughStock => "超过库存，现在只剩 {n}。", "is more than the store has: {n} left.";
    Purchases => "采购", "Purchasing";
    PurchaseList => "采购申请", "Purchases";
    NoPurchases => "还没有采购申请。", "No purchases yet.";
    NewPurchase => "申请采购", "Ask for a purchase";
    PurchaseRequested => "待审批", "Waiting for approval";
    PurchaseApproving => "待二审", "Waiting for a second approval";
    PurchaseApproved => "已批准，待验收", "Approved, waiting for delivery";
    PurchaseAccepted => "已验收入库，待报销", "Accepted, waiting for reimbursement";
    PurchaseReimbursed => "已报销", "Reimbursed";
    BudgetMonth => "月度预算", "Month's budget";
    BudgetYear => "年度预算", "Year's budget";
    NoBudget => "未设预算", "no budget set";
    SetBudget => "设置预算", "Set the budget";
    MonthlyBudgetYuan => "每月预算（元）", "Monthly budget (yuan)";
    YearlyBudgetYuan => "年度预算（元）", "Yearly budget (yuan)";
    ThresholdYuan => "超过此金额需两位管理员审批（元）", "Above this, two admins approve (yuan)";
    PurchaseBudget => "{n} 年后勤费用预算", "Budget {n}";
    SpentThisMonth => "本月已用（月度预算）", "Spent this month (month's budget)";
    SpentThisYear => "本年已用（全部）", "Spent this year (all)";
    OverBudget => "已超出预算。", "Over budget.";
    NewAssetLine => "— 新资产（填写名称和类别）—", "— New assets (give a name and category) —";
    PurchaseLineN => "第 {n} 项", "Line {n}";
    NewAssetName => "新资产名称", "New asset's name";
    EstimateYuan => "预估单价（元）", "Estimated unit price (yuan)";
    PurchaseReason => "采购理由", "Why it is needed";
    PurchaseLinesHint => "每项选库房物品，或填写新资产的名称和类别；不填数量的项不提交。", "Pick a store item for each line, or name new assets and their category; lines without a quantity are left out.";
    SubmitPurchase => "提交申请", "Submit";
    Approve => "批准", "Approve";
    Reimburse => "报销登记", "Mark reimbursed";
    BoughtAssets => "登记的新资产", "Assets registered";
    PrintTheirLabels => "打印这些资产的标签", "Print their labels";
    ActualAmount => "实际金额", "Amount paid";
    EstimateAmount => "预估金额", "Estimate";
    NeedsSecondApproval => "金额超过二审金额：还需另一位管理员批准。", "Above the threshold: another admin must approve too.";
    RequestedBy => "申请", "Asked by";
    FirstApprovedBy => "初审", "First approval";
    ApprovedBy => "批准", "Approved by";
    DecidedBy => "不同意或撤回", "Refused or withdrawn by";
    AcceptedBy => "验收", "Accepted by";
    ReimbursedBy => "报销", "Reimbursed by";
    SupplyLine => "库房物品", "store item";
    AssetLine => "新资产", "new assets";
    ReceivedAt => "到货 {n}，单价 {price}", "{n} came at {price} each";
    ReceivedCount => "到货数量", "Received";
    AcceptDelivery => "验收入库", "Accept the delivery";
    AcceptHint => "按实际到货填写；库房物品入库，新资产登记入册并生成标签。", "Enter what came: store items go into stock, new assets are registered with their tags.";
    PurchasesWaiting => "{n} 份采购待审批", "{n} to approve";
    Supplies => "物品库房", "Supplies store";
    SuppliesNav => "领用", "Supplies";
    SupplyOffice => "办公用品", "Office supplies";
    SupplyCleaning => "保洁用品", "Cleaning supplies";
    SupplyTeaching => "教具教辅", "Teaching aids";
    SupplyWater => "纯净水", "Drinking water";
    SupplyOther => "其他", "Other";
    RequestWaiting => "待发放", "Waiting";
    RequestIssued => "已发放", "Issued";
    RequestRefused => "未同意", "Refused";
    RequestWithdrawn => "已撤回", "Withdrawn";
    AllSupplies => "全部物品", "All items";
    LowOnly => "只看库存不足", "Low stock only";
    NoSupplies => "没有符合的物品。", "No items match.";
    WaitingRequests => "待发放的申领", "Requests waiting";
    MyRequests => "我的申领", "My requests";
    SupplyRequests => "申领记录", "Requests";
    NoRequests => "没有申领。", "No requests.";
    ShowingFirst => "共 {total} 项，这里列出前 {n} 项；搜索名称或货架可找到其余的。", "{total} items; the first {n} are listed here — search by name or shelf for the rest.";
    ShelfTitle => "货架 {n}", "Shelf {n}";
    LedgerSupplies => "物品出入库台账", "Supplies ledger";
    LedgerSupplyMoves => "出入库明细", "Moves";
    LedgerSupplyBalances => "月末结存", "Balances";
    LedgerDay => "日期", "Date";
    LedgerLeft => "结存", "Left";
    LedgerCounterpart => "供货单位或领用部门", "Supplier or recipient";
    LedgerAmount => "金额（元）", "Amount (yuan)";
    LedgerHandledBy => "经手人", "Handled by";
    LedgerOpening => "月初结存", "At the start";
    LedgerClosing => "月末结存", "At the end";
    ShelfHint => "点物品即可申领。", "Tap an item to ask for it.";
    ShelfLabels => "打印货架标签", "Print shelf labels";
    LabelWhatShelves => "物品库房的货架", "The store's shelves";
    NoMoves => "还没有出入库记录。", "No stock has moved yet.";
    SupplySearch => "物品名称或货架", "Item name or shelf";
    SupplyItems => "库存", "Stock";
    AddSupplyItem => "新增物品", "Add an item";
    WaitingCount => "{n} 份申领待发放", "{n} waiting";
    LowStock => "库存不足", "Low stock";
    IssueNow => "发放", "Issue";
    Refuse => "不同意", "Refuse";
    Withdraw => "撤回", "Withdraw";
    IssueSupplies => "领用发放", "Issue";
    ReceiveSupplies => "入库登记", "Receive stock";
    RequestSupplies => "申领", "Request";
    UnitPriceYuan => "单价（元）", "Unit price (yuan)";
    SupplyMoves => "出入库记录", "Stock moves";
    OnHand => "现有库存", "On hand";
    OnHandAfter => "结存 {n}", "{n} left after";
    MoveReceived => "入库", "received";
    MoveIssued => "领用", "issued";
    OpenRepairs => "未关闭的报修", "Repairs not closed";
    OpenHazards => "未整改的隐患", "Hazards not put right";
    OpenChecks => "逾期未做的检查", "Checks not done";
    OpenCompensation => "未缴的赔偿", "Compensation unpaid";
    ClosedFooter => "本期台账已于 {at} 由 {by} 结账，结账时未完成 {n} 项；结账时本期台账（CSV）的 SHA-256 如下。", "This period was closed on {at} by {by}, with {n} item(s) still open; the SHA-256 of the period's ledger (CSV) at closing follows.";
    LateRecord => "补录（属 {n}，结账后录入）", "Late (for {n}, recorded after closing)";
    ClosePeriod => "结账", "Close the period";
    CloseLedgerTitle => "结账：{n}", "Close: {n}";
    CloseIntro => "结账前请看清还未完成的事项。结账后本期记录不再修改：迟到的检查作为补录记入，更正需管理员重新开账。", "Before closing, look at what is still open. Once closed, the period's records are not edited: a late check is recorded as late, and a correction needs the admin to reopen the period.";
    NothingOpen => "本期没有未完成的事项。", "Nothing is open in this period.";
    ClosedBy => "{by} 于 {at} 结账", "Closed by {by} on {at}";
    NotClosed => "未结账", "Not closed";
    ReopenPeriod => "重新开账", "Reopen";
    ReopenReason => "重新开账的原因", "Why reopen";
    ReopenedBy => "{by} 于 {at} 重新开账：{reason}", "Reopened by {by} on {at}: {reason}";
    OpenAtClosing => "结账时未完成", "Open at closing";
    LedgerSeq => "序号", "No.";
    LedgerFacility => "设施名称", "Facility";
    LedgerCode => "编号", "Code";
    LedgerResult => "检查结果", "Result";
    LedgerInspector => "检查人", "Checked by";
    LedgerInspectedOn => "检查日期", "Checked on";
    NotInspected => "未检查", "Not checked";
    LedgerInspections => "检查记录表", "Inspection record";
    Ledgers => "台账", "Ledgers";
    LedgersIntro => "选择月份或周，下载这一期的台账：Excel、WPS 都能打开，中文不乱码。", "Choose a month or a week and download its ledgers; Excel and WPS open them with the Chinese intact.";
    LedgerMonth => "月份", "Month";
    LedgerWeek => "周", "Week";
    ShowPeriod => "查看", "Show";
    LedgerRegister => "资产登记表（全部资产）", "The register (every asset)";
    ExportXlsx => "导出 Excel（本学期）", "Export XLSX (this semester)";
    ExportRegisterHint => "全部资产按资产卡片的列导出，Excel、WPS 都能打开；改好后可以在上面再导入。", "Every asset in the asset card's columns, for Excel or WPS; edited, it can be imported again above.";
    Dashboard => "看板", "Dashboard";
    DashboardIntro => "本周、本月的检查，未完成的维修和隐患，未缴的赔偿，未结账的台账；点数字可以看明细。", "This week's and month's checks, open repairs and hazards, compensation owed and ledgers not closed; tap a figure for its list.";
    ChecksThisWeek => "本周检查", "Checks this week";
    ChecksThisMonth => "本月检查", "Checks this month";
    ChecksDue => "待检", "To do";
    ChecksBySchedule => "各巡检计划本期进度", "Each schedule's current round";
    RepairsByAge => "未完成的维修 · 按时长", "Open repairs by age";
    RepairsByCategory => "未完成的维修 · 按类别", "Open repairs by category";
    ReportsByMonth => "报修 · 近六个月", "Damage reports, last six months";
    ReportsByCategory => "报修 · 近六个月按类别", "Damage reports by category, last six months";
    AgeWeek => "7天内", "Within 7 days";
    AgeMonth => "8–30天", "8–30 days";
    AgeQuarter => "31–90天", "31–90 days";
    AgeOlder => "90天以上", "Over 90 days";
    HazardsOpen => "未整改的隐患", "Hazards not put right";
    HazardsOverdue => "超过整改期限", "Past their deadline";
    OwedByClass => "未缴赔偿 · 按班级", "Compensation owed by class";
    OwedTotal => "未缴合计", "Owed in all";
    UnclosedLedgers => "未结账的台账", "Ledgers not closed";
    AllClosed => "上周和上月的台账都已结账。", "Last week's and last month's ledgers are all closed.";
    NoFigures => "这段时间没有记录。", "Nothing recorded in this time.";
    MyChecks => "我的巡检", "My checks";
    WaitingForMe => "待我处理的报修", "Reports waiting for me";
    OpenDashboard => "查看看板", "Open the dashboard";
    OpenReports => "未完成", "Open";
    HazardReports => "隐患", "Hazards";
}

impl Msg {
    pub fn role(r: Role) -> Msg {
        match r {
            Role::DistrictAdmin => Msg::RoleDistrictAdmin,
            Role::Admin => Msg::RoleAdmin,
            Role::AssetManager => Msg::RoleAssetManager,
            Role::Staff => Msg::RoleStaff,
            Role::Teacher => Msg::RoleTeacher,
        }
    }

    pub fn status(s: AssetStatus) -> Msg {
        match s {
            AssetStatus::InUse => Msg::StatusInUse,
            AssetStatus::UnderRepair => Msg::StatusUnderRepair,
            AssetStatus::Lost => Msg::StatusLost,
            AssetStatus::Retired => Msg::StatusRetired,
        }
    }

    pub fn room_kind(k: RoomKind) -> Msg {
        match k {
            RoomKind::Classroom => Msg::KindClassroom,
            RoomKind::SpecialRoom => Msg::KindSpecialRoom,
            RoomKind::Office => Msg::KindOffice,
            RoomKind::Canteen => Msg::KindCanteen,
            RoomKind::Dormitory => Msg::KindDormitory,
            RoomKind::Toilet => Msg::KindToilet,
            RoomKind::Gate => Msg::KindGate,
            RoomKind::Store => Msg::KindStore,
            RoomKind::Corridor => Msg::KindCorridor,
            RoomKind::Other => Msg::KindOther,
        }
    }

    pub fn field(f: Field) -> Msg {
        match f {
            Field::Name => Msg::FieldName,
            Field::Category => Msg::FieldCategory,
            Field::Model => Msg::FieldModel,
            Field::AssetCode => Msg::FieldAssetCode,
            Field::Status => Msg::FieldStatus,
            Field::Room => Msg::FieldRoom,
            Field::Building => Msg::FieldBuilding,
            Field::Custodian => Msg::FieldCustodian,
            Field::PurchaseDate => Msg::FieldPurchaseDate,
            Field::Value => Msg::FieldValue,
            Field::Notes => Msg::FieldNotes,
            Field::Kind => Msg::FieldKind,
            Field::Floor => Msg::FieldFloor,
            Field::Login => Msg::FieldLogin,
            Field::DisplayName => Msg::FieldDisplayName,
            Field::Password => Msg::FieldPassword,
            Field::Role => Msg::FieldRole,
            Field::Tag => Msg::FieldTag,
            Field::Query => Msg::FieldQuery,
            Field::Limit => Msg::FieldLimit,
            Field::Offset => Msg::FieldOffset,
            Field::Body => Msg::FieldBody,
            Field::Stock => Msg::FieldStock,
            Field::Skip => Msg::FieldSkip,
            Field::Selection => Msg::FieldSelection,
            Field::Tags => Msg::FieldTags,
            Field::NewTags => Msg::FieldNewTags,
            Field::PageWidth => Msg::FieldPageWidth,
            Field::PageHeight => Msg::FieldPageHeight,
            Field::Columns => Msg::FieldColumns,
            Field::Rows => Msg::FieldRows,
            Field::MarginLeft => Msg::FieldMarginLeft,
            Field::MarginTop => Msg::FieldMarginTop,
            Field::GapX => Msg::FieldGapX,
            Field::GapY => Msg::FieldGapY,
            Field::LabelWidth => Msg::FieldLabelWidth,
            Field::LabelHeight => Msg::FieldLabelHeight,
            Field::Photo => Msg::FieldPhoto,
            Field::Template => Msg::FieldTemplate,
            Field::Answers => Msg::FieldAnswers,
            Field::Description => Msg::FieldDescription,
            Field::Reason => Msg::FieldReason,
            Field::Target => Msg::FieldTarget,
            Field::Scope => Msg::FieldScope,
            Field::Cadence => Msg::FieldCadence,
            Field::Assignee => Msg::FieldAssignee,
            Field::Due => Msg::FieldDue,
            Field::File => Msg::FieldFile,
            Field::Profile => Msg::FieldProfile,
            Field::Period => Msg::FieldPeriod,
            Field::Measure => Msg::FieldMeasure,
            Field::Ledger => Msg::FieldLedger,
            Field::Record => Msg::FieldRecord,
            Field::Counted => Msg::FieldCounted,
            Field::Quantity => Msg::FieldQuantity,
            Field::Unit => Msg::FieldUnit,
            Field::Shelf => Msg::FieldShelf,
            Field::MinStock => Msg::FieldMinStock,
            Field::Supplier => Msg::FieldSupplier,
            Field::Price => Msg::FieldPrice,
            Field::IssuedTo => Msg::FieldIssuedTo,
            Field::Class => Msg::FieldClass,
            Field::Budget => Msg::FieldBudget,
            Field::Lines => Msg::FieldLines,
            Field::Voucher => Msg::FieldVoucher,
            Field::Threshold => Msg::FieldThreshold,
            Field::Item => Msg::FieldItem,
            Field::Key => Msg::FieldKey,
            Field::Borrower => Msg::FieldBorrower,
            Field::Hook => Msg::FieldHook,
            Field::Pieces => Msg::FieldPieces,
            Field::Participants => Msg::FieldParticipants,
            Field::Minutes => Msg::FieldMinutes,
            Field::HeldOn => Msg::FieldHeldOn,
        }
    }

    /// A register column by the asset card's name for it.
    pub fn register_column(c: crate::import::columns::RegisterColumn) -> Msg {
        use crate::import::columns::RegisterColumn::*;
        match c {
            AssetCode => Msg::ColumnAssetCode,
            Name => Msg::ColumnName,
            Category => Msg::ColumnCategory,
            ClassCode => Msg::ColumnClassCode,
            Model => Msg::ColumnModel,
            Brand => Msg::ColumnBrand,
            Unit => Msg::ColumnUnit,
            Quantity => Msg::ColumnQuantity,
            UnitPrice => Msg::ColumnUnitPrice,
            Value => Msg::ColumnValue,
            AcquiredOn => Msg::ColumnAcquiredOn,
            Department => Msg::ColumnDepartment,
            Custodian => Msg::ColumnCustodian,
            Location => Msg::ColumnLocation,
            Status => Msg::ColumnStatus,
            BookedOn => Msg::ColumnBookedOn,
            Voucher => Msg::ColumnVoucher,
            Note => Msg::ColumnNote,
        }
    }

    /// What a kind of supply is called.
    pub fn supply_kind(kind: crate::supplies::SupplyKind) -> Msg {
        use crate::supplies::SupplyKind::*;
        match kind {
            Office => Msg::SupplyOffice,
            Cleaning => Msg::SupplyCleaning,
            Teaching => Msg::SupplyTeaching,
            Water => Msg::SupplyWater,
            Other => Msg::SupplyOther,
        }
    }

    pub fn damage_status(s: crate::inspections::DamageStatus) -> Msg {
        use crate::inspections::DamageStatus::*;
        match s {
            Reported => Msg::DamageReported,
            Accepted => Msg::DamageAccepted,
            InRepair => Msg::DamageInRepair,
            Repaired => Msg::DamageRepaired,
            Closed => Msg::DamageClosed,
            Rejected => Msg::DamageRejected,
        }
    }

    /// The button that moves a report to `to`.
    pub fn damage_step(to: crate::inspections::DamageStatus) -> Msg {
        use crate::inspections::DamageStatus::*;
        match to {
            Reported | Accepted => Msg::StepAccept,
            InRepair => Msg::StepRepair,
            Repaired => Msg::StepRepaired,
            Closed => Msg::StepClose,
            Rejected => Msg::StepReject,
        }
    }

    /// What changed meanwhile, as the manager and the phone read it.
    pub fn conflict(reason: crate::rounds::sync::ConflictReason) -> Msg {
        use crate::rounds::sync::ConflictReason::*;
        match reason {
            Moved => Msg::ConflictMoved,
            Retired => Msg::ConflictRetired,
            TemplateChanged => Msg::ConflictTemplateChanged,
            NotApplicable => Msg::ConflictNotApplicable,
        }
    }

    /// Where a round's item stands.
    pub fn item_state(state: crate::rounds::ItemState) -> Msg {
        use crate::rounds::ItemState::*;
        match state {
            Done => Msg::StateDone,
            Open => Msg::StateOpen,
            DueToday => Msg::StateDueToday,
            Overdue => Msg::StateOverdue,
        }
    }

    /// The history action codes the store writes.
    pub fn action(code: &str) -> Msg {
        match code {
            "create" => Msg::ActionCreate,
            "claim" => Msg::ActionClaim,
            "import" => Msg::ActionImport,
            _ => Msg::ActionUpdate,
        }
    }
}

/// A cadence as the schedules page says it: "每周 一、五", "9、10、11、12、1 月 · 月底前".
pub fn cadence_text(lang: Lang, cadence: &crate::rounds::Cadence) -> String {
    use crate::rounds::Cadence;
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let by_day = |day: Option<u8>| match day {
        Some(d) if d < 31 => lang.t(Msg::EveryMonthOn).replace("{n}", &d.to_string()),
        _ => lang.t(Msg::MonthEnd).to_string(),
    };
    match cadence {
        Cadence::Daily => lang.t(Msg::CadenceDaily).to_string(),
        Cadence::Weekly { weekdays } => {
            let names: Vec<&str> = lang.t(Msg::WeekdayNames).split_whitespace().collect();
            let days: Vec<&str> = weekdays
                .iter()
                .filter_map(|d| names.get(usize::from(*d).wrapping_sub(1)).copied())
                .collect();
            format!("{} {}", lang.t(Msg::CadenceWeekly), days.join(sep))
        }
        Cadence::Monthly { day } => {
            format!("{} · {}", lang.t(Msg::CadenceMonthly), by_day(Some(*day)))
        }
        Cadence::Months { months, day } => {
            let list: Vec<String> = months.iter().map(|m| m.to_string()).collect();
            format!(
                "{}{} · {}",
                list.join(sep),
                lang.t(Msg::Month),
                by_day(*day)
            )
        }
        Cadence::Once { date } => format!("{} {date}", lang.t(Msg::CadenceOnce)),
    }
}

/// "Asset code: may contain only letters…" in the user's language.
pub fn invalid_message(lang: Lang, invalid: &Invalid) -> String {
    let sep = if lang == Lang::Zh { "" } else { " " };
    format!(
        "{}{sep}{}",
        Msg::field(invalid.field).text(lang),
        problem_text(lang, &invalid.problem)
    )
}

/// "第 7 行 F 列（取得日期）不是有效日期。": a problem in an imported file, where Excel shows it.
pub fn row_error_message(lang: Lang, e: &crate::import::RowError) -> String {
    let header = e.header.clone().filter(|h| !h.is_empty()).or_else(|| {
        e.reads
            .map(|c| Msg::register_column(c).text(lang).to_string())
    });
    let mut at = lang.t(Msg::ImportRow).replace("{n}", &e.row.to_string());
    if let Some(column) = &e.column {
        at.push_str(&lang.t(Msg::ImportColumn).replace("{n}", column));
    }
    if let Some(header) = header {
        at.push_str(&format!("（{header}）"));
    }
    let sep = if lang == Lang::Zh { "" } else { " " };
    format!("{at}{sep}{}", problem_text(lang, &e.problem))
}

/// What is wrong, as the end of a sentence that starts with what it is wrong with.
fn problem_text(lang: Lang, problem: &Problem) -> String {
    let (msg, n) = match problem {
        Problem::Required => (Msg::ProblemRequired, None),
        Problem::TooLong { max } => (Msg::ProblemTooLong, Some(max.to_string())),
        Problem::TooShort { min } => (Msg::ProblemTooShort, Some(min.to_string())),
        Problem::BadTagCode => (Msg::ProblemBadTag, None),
        Problem::BadAssetCode => (Msg::ProblemBadAssetCode, None),
        Problem::BadMoney => (Msg::ProblemBadMoney, None),
        Problem::BadDate => (Msg::ProblemBadDate, None),
        Problem::BadLogin => (Msg::ProblemBadLogin, None),
        Problem::UnknownChoice => (Msg::ProblemUnknownChoice, None),
        Problem::OutOfRange => (Msg::ProblemOutOfRange, None),
        Problem::Malformed => (Msg::ProblemMalformed, None),
        Problem::Conflicting => (Msg::ProblemConflicting, None),
        Problem::OffPage => (Msg::ProblemOffPage, None),
        Problem::AtMost { max } => (Msg::ProblemAtMost, Some(max.to_string())),
        Problem::TooMany { max } => (Msg::ProblemTooMany, Some(max.to_string())),
        Problem::Empty => (Msg::ProblemEmpty, None),
        Problem::NotRegistered { code } => (Msg::ProblemNotRegistered, Some(code.clone())),
        Problem::StillCounting { who } => (Msg::ProblemStillCounting, Some(who.clone())),
        Problem::NotAnImage => (Msg::ProblemNotAnImage, None),
        Problem::TooManyPixels { max } => (Msg::ProblemTooManyPixels, Some(max.to_string())),
        Problem::ItemIncomplete { item } => (Msg::ProblemItemIncomplete, Some(item.clone())),
        Problem::BadTransition => (Msg::ProblemBadTransition, None),
        Problem::NotASpreadsheet => (Msg::ProblemNotASpreadsheet, None),
        Problem::EmptySheet => (Msg::ProblemEmptySheet, None),
        Problem::FileTooLarge { max } => (Msg::ProblemFileTooLarge, Some(max.to_string())),
        Problem::DuplicateOf { first } => (Msg::ProblemDuplicateOf, Some(first.to_string())),
        Problem::MissingColumn => (Msg::ProblemMissingColumn, None),
        Problem::MappedTwice => (Msg::ProblemMappedTwice, None),
        Problem::NoHeader => (Msg::ProblemNoHeader, None),
        Problem::PeriodClosed { period } => (Msg::ProblemPeriodClosed, Some(period.clone())),
        Problem::AlreadyClosed => (Msg::ProblemAlreadyClosed, None),
        Problem::NotYet => (Msg::ProblemNotYet, None),
        Problem::ControlCharacter => (Msg::ProblemControlCharacter, None),
        Problem::NotEnoughStock { left } => (Msg::ProblemNotEnoughStock, Some(left.to_string())),
        Problem::NeedsAnotherApprover => (Msg::ProblemNeedsAnotherApprover, None),
        Problem::AlreadyLent { to } => (Msg::ProblemAlreadyLent, Some(to.clone())),
    };
    let text = msg.text(lang);
    match n {
        Some(n) => text.replace("{n}", &n),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_sentences_in_both_languages() {
        let inv = Invalid::new(Field::Name, Problem::TooLong { max: 80 });
        assert_eq!(invalid_message(Lang::Zh, &inv), "名称太长，最多 80 个字。");
        assert_eq!(
            invalid_message(Lang::En, &inv),
            "Name is too long (at most 80 characters)."
        );
    }

    #[test]
    fn cadences_read_as_the_schedules_page_shows_them() {
        use crate::rounds::Cadence;
        let fire = Cadence::Months {
            months: vec![9, 10, 11, 12, 1],
            day: None,
        };
        assert_eq!(
            cadence_text(Lang::Zh, &fire),
            "9、10、11、12、1 月 · 月底前"
        );
        let canteen = Cadence::Weekly {
            weekdays: vec![1, 5],
        };
        assert_eq!(cadence_text(Lang::Zh, &canteen), "每周 一、五");
        assert_eq!(cadence_text(Lang::En, &canteen), "Weekly Mon, Fri");
        let monthly = Cadence::Monthly { day: 15 };
        assert_eq!(cadence_text(Lang::Zh, &monthly), "每月 · 15 日前");
        let month_end = Cadence::Monthly { day: 31 };
        assert_eq!(cadence_text(Lang::En, &month_end), "Monthly · by month end");
    }

    #[test]
    fn unknown_languages_fall_back_to_chinese() {
        assert_eq!(Lang::parse("fr"), Lang::Zh);
        assert_eq!(Lang::parse("EN"), Lang::En);
    }
}
