import { describe, expect, it } from "vitest";
import { ProblemError } from "../../src/lib/problem";
import { refuseUnkeptQueryKeys } from "../../src/lib/query-keys";

const refusal = (url: string) => {
  try {
    refuseUnkeptQueryKeys(url);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).init;
  }
  return undefined;
};

describe("refuseUnkeptQueryKeys", () => {
  it("refuses an empty key and __proto__ together, each named once", () => {
    expect(refusal("https://edge.test/x?name=x&=a&__proto__=b&=c")).toMatchObject({
      status: 400,
      errors: [
        { location: "query", field: "(empty)", message: "a query parameter needs a name" },
        { location: "query", field: "__proto__", message: "cannot be used as a filter name" },
      ],
    });
  });

  it("lets every other key through, constructor included", () => {
    expect(refusal("https://edge.test/x?name=x&sort_key=name&constructor=y&proto=z")).toBeUndefined();
    expect(refusal("https://edge.test/x")).toBeUndefined();
  });
});
