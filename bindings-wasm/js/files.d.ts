// TypeScript declarations of cen-wasm/files: checking a whole file of records (see files.js).

import type { OptionsInput, Severity } from "./cen.js";

/** One issue of a record of the file. */
export interface FileIssue {
  /** The record's index in the file, from 0 (as `cen validate` and CEN-DUP-001's `first` count). */
  record: number;
  /** The line (text formats) or row (Excel) where the record starts, from 1. */
  line: number;
  rule: string;
  severity: Severity;
  /** JSON Pointer in the record. */
  path: string;
  /** The column of a flat file (CSV, Excel), when the path has one; null otherwise. */
  column: string | null;
  message: string;
}

/** What `checkFile` found. */
export interface FileCheck {
  format: "json" | "ndjson" | "csv" | "xlsx";
  records: number;
  valid: number;
  invalid: number;
  /** What a person should know of the file's header (an unknown column, ...). */
  warnings: string[];
  /** Why reading stopped before the end of the file (after the records before it), or null. */
  stopped: string | null;
  issues: FileIssue[];
}

/** Loads the module (by default the `.wasm` beside its glue). */
export default function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Loads the module synchronously from its bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;
/**
 * Reads and validates a whole file, as `cen validate` does. The file's name says its format
 * (.json, .ndjson, .jsonl, .csv, .xlsx). Option `tables`: a `Tables` of cen-wasm's
 * `loadTables` (loaded into this module once, and kept while it lives) or a pack's bytes (loaded
 * for the call). Throws an Error for bad options and for a file that
 * cannot be read at all (not what its name says, a zip bomb, empty).
 */
export function checkFile(bytes: Uint8Array | ArrayBuffer, fileName: string, options?: OptionsInput): FileCheck;
