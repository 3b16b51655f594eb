import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DOCS_PATH } from "../../src/docs/docs-page";
import { type HeadlessBrowser, launchChromium } from "./support/browser";
import { e2e } from "./support/context";
import { tokenOf } from "./support/http";
import { REPO_ROOT } from "./support/worker";

const UI_TIMEOUT_MS = 60_000;
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** Every "METHOD path" of the committed openapi.yaml. */
function documentedOperations(): string[] {
  const document = parse(readFileSync(join(REPO_ROOT, "openapi.yaml"), "utf8")) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => HTTP_METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    )
    .sort();
}

let browser: HeadlessBrowser;
let page: Page;
const requests: SeenRequest[] = [];
const failures: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("request", (request) => {
    if (!request.url().startsWith("data:"))
      requests.push({ method: request.method(), url: request.url(), headers: request.headers() });
  });
  page.on("requestfailed", (request) =>
    failures.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400)
      failures.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") failures.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  await page.goto(`${e2e().baseUrl}${DOCS_PATH}`, { waitUntil: "load", timeout: UI_TIMEOUT_MS });
  await page.locator(".opblock").first().waitFor({ timeout: UI_TIMEOUT_MS });
});

afterAll(async () => {
  await browser?.close();
});

/** Expands an operation, presses "Try it out" and "Execute", and answers the status the page shows. */
async function tryItOut(operationBlockId: string, fill?: (block: ReturnType<Page["locator"]>) => Promise<void>) {
  const block = page.locator(`#${operationBlockId}`);
  await block.locator(".opblock-summary-control").click();
  await block.locator("button.try-out__btn").click();
  await fill?.(block);
  await block.locator("button.execute").click();
  const status = block.locator(".live-responses-table .response .response-col_status").first();
  await status.waitFor({ timeout: UI_TIMEOUT_MS });
  return (await status.innerText()).trim();
}

describe(`the docs page (${DOCS_PATH}) in headless Chromium`, () => {
  it("loads everything from its own origin, with no failed request", () => {
    const origin = new URL(e2e().baseUrl).origin;
    const urls = requests.map((request) => request.url);
    expect(urls).toContain(`${origin}${DOCS_PATH}`);
    expect(urls).toContain(`${origin}/api/glance/openapi.json`);
    expect(urls.some((url) => url.endsWith("/swagger-ui-bundle.js"))).toBe(true);
    expect(urls.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("lists every operation of openapi.yaml", async () => {
    const shown = await page.locator(".opblock").evaluateAll((blocks) =>
      blocks.map((block) => {
        const method = block.querySelector(".opblock-summary-method")?.textContent ?? "";
        const path = block.querySelector(".opblock-summary-path")?.getAttribute("data-path") ?? "";
        return `${method.toUpperCase()} ${path}`;
      }),
    );
    expect(shown.sort()).toEqual(documentedOperations());
  });

  it("'Try it out' on the version route calls this origin and shows 200", async () => {
    const before = requests.length;
    expect(await tryItOut("operations-version-getGlanceVersion")).toBe("200");
    const calls = requests.slice(before).filter((request) => new URL(request.url).pathname === "/api/glance/version/");
    expect(calls).toEqual([expect.objectContaining({ method: "GET", url: `${e2e().baseUrl}/api/glance/version/` })]);
    expect(failures).toEqual([]);
  });

  it("'Authorize' once with a token, and 'Try it out' sends it as X-Auth-Token (resource types: 200)", async () => {
    const token = tokenOf("demo");
    await page.locator(".auth-wrapper button.authorize").click();
    const dialog = page.locator(".dialog-ux .modal-ux");
    await dialog.locator("input").first().fill(token);
    await dialog.locator("button.authorize").click();
    await dialog.locator("button.btn-done").click();

    const before = requests.length;
    // A route without parameters: "Try it out" pre-fills every parameter with its documented example.
    expect(await tryItOut("operations-metadefs-listMetadefsResourceTypes")).toBe("200");
    const calls = requests
      .slice(before)
      .filter((request) => new URL(request.url).pathname === "/api/glance/metadefs/resourcetypes/");
    expect(calls).toHaveLength(1);
    expect(calls[0].headers["x-auth-token"]).toBe(token);
    // The token lives in the page only: nothing in this origin's storage (where Horizon's pages could read it).
    const stored = await page.evaluate(
      "({ local: Object.entries(localStorage), session: Object.entries(sessionStorage) })",
    );
    expect(stored).toEqual({ local: [], session: [] });
    expect(JSON.stringify(await browser.context.cookies())).not.toContain(token);
    expect(failures).toEqual([]);
  });
});
