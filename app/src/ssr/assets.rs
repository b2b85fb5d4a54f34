//! The built site's files under the names that carry their content's hash
//! (`/pkg/rounds.3f9a….css`), so browsers keep them for good and a new build is a new name.

use std::collections::HashMap;
use std::sync::Arc;

/// A family of files in `/pkg` (`rounds-forms.js` with `rounds-forms_bg.wasm`, or
/// `rounds.css`) by its stem, with the stem that names its hashed copies.
#[derive(Clone, Debug, Default)]
pub struct AssetNames(Arc<HashMap<String, String>>);

impl AssetNames {
    /// `hashed` maps a family's stem (`rounds-forms`) to its hashed stem (`rounds-forms.3f9a…`).
    pub fn new(hashed: HashMap<String, String>) -> Self {
        Self(Arc::new(hashed))
    }

    /// What a family's files are served as; the plain stem when the site was not built (tests
    /// of the API alone), which then simply finds nothing.
    pub fn stem(&self, stem: &str) -> String {
        self.0
            .get(stem)
            .cloned()
            .unwrap_or_else(|| stem.to_string())
    }

    /// The stem of an islands bundle, as the hydration script loads it: `{stem}.js` and
    /// `{stem}_bg.wasm` under `/pkg`.
    pub fn bundle(&self, name: &str) -> String {
        self.stem(&format!("rounds-{name}"))
    }

    /// The stylesheet's path.
    pub fn stylesheet(&self) -> String {
        format!("/pkg/{}.css", self.stem("rounds"))
    }
}
