// What the browser tests share: the page served on localhost, Debian's Chromium driven headless
// by playwright-core (nothing downloaded), a fresh profile per test file, every request the page
// makes recorded, and the output folder for screenshots and measurements (form/test-output/,
// git-ignored).

import { mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";
import { serve } from "../serve.mjs";
import { launchChromium } from "./chromium.mjs";

export const output = fileURLToPath(new URL("../test-output/", import.meta.url));
export const repo = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Starts the server and a browser; `open()` gives a page (with `requests`) at the form. With
 * `origin`, the page comes from a server already running there (`cen serve`) instead.
 */
export async function start({ origin: given } = {}) {
  mkdirSync(output, { recursive: true });
  const server = given ? null : await serve(0);
  const origin = given ?? `http://127.0.0.1:${server.address().port}`;
  const { context, close } = await launchChromium(chromium, { prefix: "cen-form-chromium-", acceptDownloads: true });
  const errors = [];
  async function open(path = "/") {
    const page = await context.newPage();
    page.requests = [];
    page.on("request", (request) => page.requests.push({ url: request.url(), method: request.method(), at: Date.now() }));
    page.on("pageerror", (error) => errors.push(error));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(new Error(message.text()));
    });
    await page.goto(origin + path);
    await page.waitForSelector("body[data-loaded=true]", { timeout: 60_000 });
    return page;
  }
  async function stop() {
    await close();
    server?.close();
  }
  return { open, stop, origin, errors, context };
}

const field = (pointer) => `#f${pointer.replace(/[^A-Za-z0-9_]/g, "-")}`;
export { field };

/**
 * Picks `code` in the picker of `pointer` by typing `query` and moving to it with the keyboard
 * (ArrowDown until it is the active option, then Enter), as a person without a mouse would.
 */
export async function pick(page, pointer, query, code) {
  const input = page.locator(field(pointer));
  await input.fill("");
  await input.pressSequentially(query, { delay: 10 });
  const listbox = `#${await input.getAttribute("aria-controls")}`;
  const option = page.locator(`${listbox} [role=option][data-value="${code}"]`);
  await option.waitFor({ timeout: 10_000 });
  const index = await option.evaluate((element) => [...element.parentElement.children].indexOf(element));
  for (let i = 0; i <= index; i++) await input.press("ArrowDown");
  const active = await input.getAttribute("aria-activedescendant");
  if (active !== (await option.getAttribute("id"))) throw new Error(`the active option is ${active}, not ${code}`);
  await input.press("Enter");
  const value = await input.inputValue();
  if (value !== code) throw new Error(`picked ${value}, not ${code}`);
}

/** Records a measurement in test-output/measurements.json (merged with what is there). */
export function record(name, value) {
  const file = join(output, "measurements.json");
  const all = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  all[name] = value;
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
