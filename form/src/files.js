// "Check a file": a .xlsx, .csv, .ndjson or .json file dropped on the page is read and
// validated in the browser by cen-files compiled to WebAssembly (cen-wasm's checkFile), in a
// Web Worker so that the page stays responsive; every row's issues are shown in a table that
// can be filtered by rule and column and downloaded as CSV. Nothing is sent anywhere.

const $ = (id) => document.getElementById(id);

/** Files larger than this are not read in the browser (the command line streams any size). */
export const MAX_FILE_MB = 32;
const EXTENSIONS = /\.(xlsx|xlsm|csv|ndjson|jsonl|json)$/i;
/** Rows of the table drawn at once; the filters and the CSV download see every issue. */
const MAX_ROWS = 2000;

let worker = null;
let pending = null;
let result = null;
let ctx = null;
/** Timings the browser test reads: [{ name, bytes, records, ms }]. */
export const fileTimings = [];

function freshWorker() {
  worker?.terminate();
  worker = new Worker(new URL("./check-worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("message", (event) => {
    const done = pending;
    pending = null;
    done?.(event.data);
  });
  worker.addEventListener("error", (event) => {
    const done = pending;
    pending = null;
    done?.({ error: event.message || "the checker stopped" });
    worker = null; // a new one next time
  });
}

function runInWorker(message) {
  if (!worker) freshWorker();
  return new Promise((resolve) => {
    pending = resolve;
    worker.postMessage(message, message.bytes ? [message.bytes] : []);
  });
}

/**
 * Starts the worker and loads its module now, while the page is idle, so that checking a file
 * later fetches nothing at all. Resolves when it is ready (or could not start: it is then
 * started again for the first file).
 */
export async function warmUp() {
  const answer = await runInWorker({ ping: true });
  return !answer.error;
}

function say(text, kind = "info") {
  const box = $("file-status");
  box.textContent = text;
  box.className = `notice ${kind}`;
  box.hidden = false;
}

export async function checkFile(file) {
  const words = ctx.words();
  $("file-result").hidden = true;
  result = null;
  if (!EXTENSIONS.test(file.name)) {
    say(words("fileType", { file: file.name }), "error");
    return;
  }
  if (file.size > MAX_FILE_MB * 1024 * 1024) {
    say(words("fileTooLarge", { file: file.name, size: (file.size / 1048576).toFixed(1), limit: MAX_FILE_MB }), "error");
    return;
  }
  say(words("reading", { file: file.name }));
  document.body.dataset.fileCheck = "running";
  const started = performance.now();
  const bytes = await file.arrayBuffer();
  const answer = await runInWorker({ bytes, name: file.name, options: ctx.options() });
  const ms = performance.now() - started;
  if (answer.error) {
    say(ctx.words()("fileUnreadable", { file: file.name, message: answer.error }), "error");
    document.body.dataset.fileCheck = "failed";
    return;
  }
  result = { ...answer.result, name: file.name };
  fileTimings.push({ name: file.name, bytes: file.size, records: result.records, ms });
  showResult();
  document.body.dataset.fileCheck = "done";
}

function fill(select, values, all) {
  const kept = select.value;
  select.replaceChildren(new Option(all, ""), ...values.map((value) => new Option(value, value)));
  select.value = values.includes(kept) ? kept : "";
}

function filtered() {
  const rule = $("filter-rule").value;
  const column = $("filter-column").value;
  return result.issues.filter((issue) => (!rule || issue.rule === rule) && (!column || (issue.column ?? "") === column));
}

function showResult() {
  const words = ctx.words();
  say(words("fileSummary", {
    file: result.name, records: result.records, valid: result.valid, invalid: result.invalid, issues: result.issues.length,
  }), result.invalid === 0 ? "ok" : "info");
  const notes = $("file-notes");
  notes.replaceChildren(
    ...result.warnings.map((warning) => Object.assign(document.createElement("li"), { textContent: words("fileWarning", { message: warning }) })),
    ...(result.stopped ? [Object.assign(document.createElement("li"), { className: "error", textContent: words("fileStopped", { message: result.stopped }) })] : []),
  );
  const rules = [...new Set(result.issues.map((issue) => issue.rule))].sort();
  const columns = [...new Set(result.issues.map((issue) => issue.column ?? "").filter(Boolean))].sort();
  fill($("filter-rule"), rules, words("all"));
  fill($("filter-column"), columns, words("all"));
  drawTable();
  $("file-result").hidden = false;
}

function drawTable() {
  const words = ctx.words();
  const issues = filtered();
  const body = $("file-issues").tBodies[0];
  const rows = issues.slice(0, MAX_ROWS).map((issue) => {
    const row = document.createElement("tr");
    row.className = `sev-${issue.severity}`;
    for (const value of [issue.record, issue.line, issue.rule, ctx.severity(issue.severity), issue.column ?? issue.path, issue.message]) {
      const cell = document.createElement("td");
      cell.textContent = value ?? "";
      row.append(cell);
    }
    return row;
  });
  body.replaceChildren(...rows);
  $("file-shown").textContent = words("shown", { shown: rows.length, total: issues.length });
}

const csvCell = (value) => {
  const text = value === undefined || value === null ? "" : String(value);
  // Quoted when needed; a leading =, +, - or @ is prefixed so that a spreadsheet does not run it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

function downloadCsv() {
  if (!result) return;
  const head = ["record", "line", "rule", "severity", "path", "column", "message"];
  const lines = [head.join(",")];
  for (const issue of filtered()) {
    lines.push([issue.record, issue.line, issue.rule, issue.severity, issue.path, issue.column ?? "", issue.message].map(csvCell).join(","));
  }
  const blob = new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `${result.name.replace(/\.[^.]+$/, "")}-issues.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Shows the result again in the page's current language. */
export function refreshFileCheck() {
  if (result) showResult();
}

/** Wires the panel. `context`: { words(), severity(word), options() }. */
export function startFileCheck(context) {
  ctx = context;
  const drop = $("drop");
  const input = $("check-file");
  $("choose-check-file").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    if (input.files[0]) checkFile(input.files[0]);
    input.value = "";
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    const file = event.dataTransfer?.files?.[0];
    if (file) checkFile(file);
  });
  $("filter-rule").addEventListener("change", drawTable);
  $("filter-column").addEventListener("change", drawTable);
  $("download-csv").addEventListener("click", downloadCsv);
  window.cenForm.fileTimings = fileTimings;
}
