//! The CJK font labels are printed in: Noto Sans CJK SC (SIL OFL) from Debian's
//! fonts-noto-cjk, read once and kept; each PDF embeds only the glyphs it uses.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Where Debian puts the font; `--label-font` overrides.
pub const DEFAULT_FONT_PATHS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
];

/// The family picked from a collection: simplified Chinese first.
const FAMILY: &str = "Noto Sans CJK SC";

/// A font file and the face within it, with the metrics layout needs.
pub struct LabelFont {
    pub data: Vec<u8>,
    pub index: u32,
    /// PostScript name, for the PDF's BaseFont.
    pub name: String,
    pub units_per_em: f32,
    pub ascender: f32,
    pub descender: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
}

impl LabelFont {
    /// Reads `path` and picks the simplified-Chinese face of a collection.
    pub fn load(path: &Path) -> Result<Self, String> {
        let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let faces = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let family_of = |i: u32| {
            let face = ttf_parser::Face::parse(&data, i).ok()?;
            face.names()
                .into_iter()
                .filter(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
                .find_map(|n| n.to_string())
        };
        let index = (0..faces)
            .find(|&i| family_of(i).as_deref() == Some(FAMILY))
            .unwrap_or(0);
        let face = ttf_parser::Face::parse(&data, index)
            .map_err(|e| format!("{}: not a usable font ({e})", path.display()))?;
        let name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| "NotoSansCJKsc-Regular".into());
        let upem = f32::from(face.units_per_em());
        let bbox = face.global_bounding_box();
        let scaled = |v: i16| f32::from(v) * 1000.0 / upem;
        let font = LabelFont {
            index,
            name: name.chars().filter(char::is_ascii_alphanumeric).collect(),
            units_per_em: upem,
            ascender: scaled(face.ascender()),
            descender: scaled(face.descender()),
            cap_height: scaled(face.capital_height().unwrap_or(face.ascender())),
            bbox: [
                scaled(bbox.x_min),
                scaled(bbox.y_min),
                scaled(bbox.x_max),
                scaled(bbox.y_max),
            ],
            data: Vec::new(),
        };
        if face.glyph_index('校').is_none() {
            return Err(format!("{}: has no Chinese glyphs", path.display()));
        }
        Ok(LabelFont { data, ..font })
    }

    pub fn face(&self) -> ttf_parser::Face<'_> {
        // Parsed once successfully in `load`, so this cannot fail on the same bytes.
        ttf_parser::Face::parse(&self.data, self.index).expect("font parsed at load")
    }
}

static FONT: OnceLock<Result<Arc<LabelFont>, String>> = OnceLock::new();

/// The label font, loaded on first use from `configured` or Debian's path. The error says
/// which files were tried.
pub fn label_font(configured: Option<&PathBuf>) -> Result<Arc<LabelFont>, String> {
    FONT.get_or_init(|| {
        let candidates: Vec<PathBuf> = match configured {
            Some(path) => vec![path.clone()],
            None => DEFAULT_FONT_PATHS.iter().map(PathBuf::from).collect(),
        };
        let mut errors = Vec::new();
        for path in &candidates {
            match LabelFont::load(path) {
                Ok(font) => return Ok(Arc::new(font)),
                Err(e) => errors.push(e),
            }
        }
        Err(errors.join("; "))
    })
    .clone()
}
