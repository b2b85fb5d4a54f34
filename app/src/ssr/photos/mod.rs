//! Photos from phones: checked, turned upright by their EXIF orientation, re-encoded (which
//! drops every byte of metadata, GPS included), cut to 1600 px on the long edge with a 320 px
//! thumbnail, and kept under the data folder by content hash.

pub mod store;

use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// Uploads larger than this are refused before they are read whole.
pub const MAX_UPLOAD_BYTES: usize = 15 * 1024 * 1024;
/// More pixels than this (a 40 MP camera) is refused before decoding: no pixel floods.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The long edge of a stored photo, in pixels: larger uploads are scaled down to it.
pub const LONG_EDGE: u32 = 1600;
const THUMB_EDGE: u32 = 320;
const JPEG_QUALITY: u8 = 82;

/// A photo ready to store: the full-size and thumbnail JPEGs and what identifies them.
pub struct ProcessedPhoto {
    pub sha256: String,
    pub width: u32,
    pub height: u32,
    pub full: Vec<u8>,
    pub thumb: Vec<u8>,
}

fn not_an_image() -> AppError {
    Invalid::new(Field::Photo, Problem::NotAnImage).into()
}

fn jpeg(img: &DynamicImage) -> AppResult<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    img.to_rgb8()
        .write_with_encoder(encoder)
        .map_err(AppError::internal)?;
    Ok(out.into_inner())
}

/// A JPEG cut short (an upload that broke off) lacks the end-of-image marker after its last
/// scan; the decoder would fill the rest with grey rather than fail.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let last = |marker: u8| bytes.windows(2).rposition(|w| w == [0xFF, marker]);
    matches!((last(0xDA), last(0xD9)), (Some(scan), Some(end)) if end > scan)
}

/// Decodes, checks, rotates, strips and resizes one upload. CPU-heavy: call it off the async
/// threads.
pub fn process(bytes: &[u8]) -> AppResult<ProcessedPhoto> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| not_an_image())?;
    match reader.format() {
        None => return Err(not_an_image()),
        Some(image::ImageFormat::Jpeg) if !jpeg_is_whole(bytes) => return Err(not_an_image()),
        Some(_) => {}
    }
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| not_an_image())?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        let max = (MAX_PIXELS / 1_000_000) as usize;
        return Err(Invalid::new(Field::Photo, Problem::TooManyPixels { max }).into());
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| not_an_image())?;
    img.apply_orientation(orientation);
    if img.width().max(img.height()) > LONG_EDGE {
        img = img.resize(LONG_EDGE, LONG_EDGE, image::imageops::FilterType::Triangle);
    }
    let thumb = img.thumbnail(THUMB_EDGE, THUMB_EDGE);
    let full = jpeg(&img)?;
    let sha256 = Sha256::digest(&full)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(ProcessedPhoto {
        sha256,
        width: img.width(),
        height: img.height(),
        thumb: jpeg(&thumb)?,
        full,
    })
}

/// Where a photo's files live: `{data}/photos/ab/abcdef….jpg` and `…-thumb.jpg`.
pub fn photo_path(data: &Path, sha256: &str, thumb: bool) -> PathBuf {
    let name = if thumb {
        format!("{sha256}-thumb.jpg")
    } else {
        format!("{sha256}.jpg")
    };
    data.join("photos")
        .join(sha256.get(..2).unwrap_or("00"))
        .join(name)
}

/// Writes both files (once per content: an identical photo is already there).
pub fn save_files(data: &Path, photo: &ProcessedPhoto) -> AppResult<()> {
    for (thumb, bytes) in [(false, &photo.full), (true, &photo.thumb)] {
        let path = photo_path(data, &photo.sha256, thumb);
        if path.exists() {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(AppError::internal)?;
        }
        // Written aside and renamed, so a reader never sees half a file.
        let partial = path.with_extension("part");
        std::fs::write(&partial, bytes).map_err(AppError::internal)?;
        std::fs::rename(&partial, &path).map_err(AppError::internal)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, _| {
            if x < w / 2 {
                image::Rgb([200, 30, 30])
            } else {
                image::Rgb([30, 30, 200])
            }
        });
        jpeg(&DynamicImage::ImageRgb8(img)).unwrap()
    }

    #[test]
    fn large_photos_shrink_and_get_a_thumbnail() {
        let p = process(&sample_jpeg(2400, 1200)).unwrap();
        assert_eq!((p.width, p.height), (1600, 800));
        let thumb = image::load_from_memory(&p.thumb).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (320, 160));
        assert_eq!(p.sha256.len(), 64);
    }

    #[test]
    fn what_is_not_a_whole_image_is_refused() {
        let field = |bytes: &[u8]| match process(bytes) {
            Err(AppError::Invalid(i)) => i.problem,
            other => panic!("expected a refusal, got {:?}", other.map(|p| p.width)),
        };
        assert_eq!(
            field(b"just some text, named photo.jpg"),
            Problem::NotAnImage
        );
        let whole = sample_jpeg(400, 300);
        assert_eq!(field(&whole[..whole.len() / 2]), Problem::NotAnImage);
        assert_eq!(field(&[]), Problem::NotAnImage);
    }
}
