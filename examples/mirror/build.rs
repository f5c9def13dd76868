//! For Windows targets, builds the handler's icon into the DLL: `ICON` resource 101, which
//! `#[sync_handler(icon = 101)]` in `src/lib.rs` names. The icon is drawn here (16 × 16, 32-bit),
//! so the repository holds no binary file; `embed-resource` compiles the `.rc` file with the
//! target's resource compiler (`windres` for the GNU targets, `rc.exe` for MSVC) and links it
//! into the cdylib. Other targets have no resources.

use std::path::PathBuf;

/// The icon's resource id: the `icon = …` of the attribute.
const ICON_ID: u16 = 101;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let icon = out.join("mirror.ico");
    std::fs::write(&icon, icon_file()).expect("OUT_DIR is writable");
    let rc = out.join("mirror.rc");
    let path = icon.display().to_string().replace('\\', "/");
    std::fs::write(&rc, format!("{ICON_ID} ICON \"{path}\"\n")).expect("OUT_DIR is writable");
    // Without a resource compiler (`cargo check` on a machine without mingw-w64, say) the DLL
    // simply has no icon: `GetHandlerInfo` then gives none, which the Wine end to end reports.
    if let Err(error) =
        embed_resource::compile_for_cdylib(&rc, embed_resource::NONE).manifest_optional()
    {
        println!("cargo:warning=the mirror's icon is not built in ({error})");
    }
}

/// An `.ico` file with one 16 × 16 32-bit image: two folders (the mirror's source and
/// destination), blue on the left, green on the right, on a transparent background.
fn icon_file() -> Vec<u8> {
    const SIDE: u32 = 16;
    let pixels = (SIDE * SIDE * 4) as usize;
    // The AND mask: one bit per pixel, rows padded to 32 bits; all 0 (alpha decides).
    let mask = (SIDE * 4) as usize;
    let image = 40 + pixels + mask;
    let mut file = Vec::with_capacity(6 + 16 + image);
    // ICONDIR: reserved, type 1 (icon), one image.
    for word in [0_u16, 1, 1] {
        file.extend_from_slice(&word.to_le_bytes());
    }
    // ICONDIRENTRY: 16 × 16, no palette, 1 plane, 32 bits, size, offset.
    file.extend_from_slice(&[16, 16, 0, 0]);
    file.extend_from_slice(&1_u16.to_le_bytes());
    file.extend_from_slice(&32_u16.to_le_bytes());
    file.extend_from_slice(&u32::try_from(image).unwrap_or(0).to_le_bytes());
    file.extend_from_slice(&22_u32.to_le_bytes());
    // BITMAPINFOHEADER: the height counts the image and its mask.
    for value in [40_u32, SIDE, SIDE * 2] {
        file.extend_from_slice(&value.to_le_bytes());
    }
    file.extend_from_slice(&1_u16.to_le_bytes());
    file.extend_from_slice(&32_u16.to_le_bytes());
    file.extend_from_slice(&[0; 24]);
    // The pixels, bottom row first, BGRA.
    for y in (0..SIDE).rev() {
        for x in 0..SIDE {
            let folder = (3..13).contains(&y) && !(7..=8).contains(&x);
            let pixel: [u8; 4] = match (folder, x < 8) {
                (true, true) => [0xD0, 0x70, 0x20, 0xFF],
                (true, false) => [0x40, 0xB0, 0x30, 0xFF],
                (false, _) => [0, 0, 0, 0],
            };
            file.extend_from_slice(&pixel);
        }
    }
    file.extend(std::iter::repeat_n(0, mask));
    file
}
