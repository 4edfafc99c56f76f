// Drafts in the browser's localStorage: the record as typed and the choices that shape the form
// (form, source, language, profile), saved on every change and restored when the page loads.
// Nothing leaves the browser.

const KEY = "cen-form/draft/v1";

/** The saved draft, or null (none, or unreadable: then it is ignored, not fatal). */
export function loadDraft(storage = globalThis.localStorage) {
  try {
    const text = storage?.getItem(KEY);
    if (!text) return null;
    const draft = JSON.parse(text);
    return draft && typeof draft === "object" && draft.record && typeof draft.record === "object" ? draft : null;
  } catch {
    return null;
  }
}

/** Saves the draft; false when the browser refuses (storage full or disabled). */
export function saveDraft(draft, storage = globalThis.localStorage) {
  try {
    storage.setItem(KEY, JSON.stringify({ ...draft, saved: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage = globalThis.localStorage) {
  try {
    storage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
