// The page's own words in the six languages (words.json: data, one object per language, the
// same keys in each). Labels and help of fields and values come from the core's form model.

/** Languages written right to left. */
export const RTL = new Set(["ar"]);

let all = null;

/** Loads words.json (once). */
export async function loadWords(url = new URL("../words.json", import.meta.url)) {
  all ??= await (await fetch(url)).json();
  return all;
}

/** The words of `lang`, with `{name}` parameters filled: words(lang)("counts", { error: 2 }). */
export function wordsOf(lang) {
  const table = all[lang] ?? all.en;
  return (key, params = {}) => {
    const text = table[key] ?? all.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  };
}
