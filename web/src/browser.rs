//! Every browser side effect the planner has: fetching the snapshot, the
//! browser's local storage, the clock, files offered for download and
//! files read for import, the console. Each is a thin call into the
//! browser; what to do with the result is decided by pure, natively
//! tested code ([`crate::storage`], [`crate::snapshot`], the state's
//! reducer) and the components that call these.

use gloo::net::http::Request;
use kinerja_skenario::ScenarioFile;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Notice;
use crate::storage;

/// Now as ISO 8601, from the browser's clock.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The text at `url` (beside `index.html`), or why the snapshot could not
/// be fetched: the browser's reason, or the server's HTTP status.
pub async fn fetch_snapshot(url: &str) -> Result<String, Notice> {
    match Request::get(url).send().await {
        Err(e) => Err(Notice::SnapshotTidakTerambil(e.to_string())),
        Ok(r) if !r.ok() => Err(Notice::SnapshotHttp(r.status())),
        Ok(r) => r.text().await.map_err(|e| Notice::SnapshotTidakTerambil(e.to_string())),
    }
}

/// The text of a file the user chose (empty if it cannot be read).
pub async fn read_file(file: web_sys::File) -> String {
    JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// Offers text to the user as a file download.
pub fn download(file_name: &str, contents: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(doc) = web_sys::window().and_then(|w| w.document())
        && let Ok(a) = doc.create_element("a")
    {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", file_name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Writes a line to the browser's console as an error.
pub fn log_error(text: &str) {
    gloo::console::error!(text);
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads the saved scenarios from local storage, backing up the original
/// under a new key first when it cannot be fully read
/// ([`storage::restore`] decides). Returns what was read, the backup key if
/// one was made, and whether the app may write.
pub fn read_saved() -> storage::Outcome {
    let Some(ls) = local_storage() else { return storage::unavailable() };
    let text = ls.get_item(storage::KEY).ok().flatten();
    storage::restore(text, |original| {
        let key = storage::backup_key(&now());
        ls.set_item(&key, original).is_ok().then_some(key)
    })
}

/// Writes the saved scenarios to local storage, or says why not for the
/// console (a developer's line; the user is told by a [`Notice`]).
pub fn write_saved(file: &ScenarioFile) -> Result<(), &'static str> {
    let ls = local_storage().ok_or("local storage is unavailable")?;
    ls.set_item(storage::KEY, &storage::stored_text(file)).map_err(|_| "local storage is full or refused the write")
}
