import { describe, expect, it } from "vitest";
import { plainLines, upstreamErrorDetail } from "../../src/upstream/error-detail";

describe("upstreamErrorDetail", () => {
  it("reads webob's JSON and drops the <br /> residue", () => {
    const body = JSON.stringify({
      message: "No image found with ID nope<br /><br />\n\n\n",
      code: "404 Not Found",
      title: "Not Found",
    });
    expect(upstreamErrorDetail(body, 404)).toBe("No image found with ID nope");
  });

  it("reads keystonemiddleware's JSON", () => {
    const body = JSON.stringify({
      error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." },
    });
    expect(upstreamErrorDetail(body, 401)).toBe("The request you have made requires authentication.");
  });

  it("reads webob's HTML page, dropping the status line and repeated lines", () => {
    const body =
      "<html>\n <head>\n  <title>400 Bad Request</title>\n </head>\n <body>\n  <h1>400 Bad Request</h1>\n  Invalid sort key: foo. It must be one of the following: name, status.<br /><br />\n\n\n\n </body>\n</html>";
    expect(upstreamErrorDetail(body, 400)).toBe(
      "Invalid sort key: foo. It must be one of the following: name, status.",
    );
  });

  it("reads text/plain and decodes entities", () => {
    expect(upstreamErrorDetail("403 Forbidden\n\nAttribute &#39;os_glance_x&#39; is reserved.\n\n   ", 403)).toBe(
      "Attribute 'os_glance_x' is reserved.",
    );
  });

  it("falls back to the status for an empty body", () => {
    expect(upstreamErrorDetail("", 409, "Conflict")).toBe("Glance answered 409 Conflict");
  });

  it("keeps an entity outside Unicode as it is instead of failing", () => {
    expect(upstreamErrorDetail("bad &#1114112; and &#x110000; here", 400)).toBe("bad &#1114112; and &#x110000; here");
  });

  it("strips scripts and tags from hostile HTML", () => {
    expect(plainLines("<script>alert(1)</script><b>bold</b> &amp; plain")).toEqual(["bold", "& plain"]);
  });
});
