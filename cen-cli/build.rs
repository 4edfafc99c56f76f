//! With the `serve` feature, the seizure form's files are built into the binary (spec 8): the
//! page (`form/`), the JavaScript of the cen-wasm package (`bindings-wasm/js/`) and its built
//! WebAssembly (`bindings-wasm/dist/`, made by `bindings-wasm/scripts/build.sh`; or the package
//! folder `CEN_WASM_DIR` names). This writes `$OUT_DIR/form_assets.rs`: a list of URL paths and
//! `include_bytes!` of each file. Without the built package the page is still served, and
//! `cen serve` says at start that the form cannot check records.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CEN_WASM_DIR");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if std::env::var_os("CARGO_FEATURE_SERVE").is_some() {
        let root =
            PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("manifest dir")).join("..");
        let form = root.join("form");
        for name in ["index.html", "style.css", "words.json"] {
            add(&mut files, name.to_owned(), form.join(name));
        }
        walk(&form.join("src"), "src", &mut files, &|name| {
            name.ends_with(".js")
        });
        let package = std::env::var_os("CEN_WASM_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("bindings-wasm"));
        walk(&package.join("js"), "cen-wasm/js", &mut files, &|name| {
            name.ends_with(".js")
        });
        let dist = package.join("dist");
        walk(&dist, "cen-wasm/dist", &mut files, &|name| {
            name.ends_with(".js") || name.ends_with(".wasm") || name.ends_with(".txt")
        });
        for watched in [
            form.join("index.html"),
            form.join("style.css"),
            form.join("words.json"),
            form.join("src"),
            package.join("js"),
        ] {
            println!("cargo:rerun-if-changed={}", watched.display());
        }
        // The built package: watched once it exists; before, the folder that will hold it.
        if dist.is_dir() {
            println!("cargo:rerun-if-changed={}", dist.display());
        } else {
            println!("cargo:rerun-if-changed={}", package.display());
        }
    }
    files.sort();
    let mut code = String::from("/// The form's files: URL path (without the leading `/`) and contents.\npub static FILES: &[(&str, &[u8])] = &[\n");
    for (url, path) in &files {
        code.push_str(&format!(
            "    ({url:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    std::fs::write(out.join("form_assets.rs"), code).expect("write form_assets.rs");
}

fn add(files: &mut Vec<(String, PathBuf)>, url: String, path: PathBuf) {
    if path.is_file() {
        if let Ok(path) = path.canonicalize() {
            files.push((url, path));
        }
    }
}

/// Every file under `dir` whose name `keep` accepts, under the URL prefix `prefix`.
fn walk(dir: &Path, prefix: &str, files: &mut Vec<(String, PathBuf)>, keep: &dyn Fn(&str) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            walk(&path, &format!("{prefix}/{name}"), files, keep);
        } else if keep(&name) {
            add(files, format!("{prefix}/{name}"), path);
        }
    }
}
