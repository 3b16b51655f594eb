import { describe, expect, it } from "vitest";
import readme from "../README.md?raw";
import committedYaml from "../openapi.yaml?raw";
import licenseText from "../LICENSE?raw";
import rootPackage from "../package.json";
import clientPackage from "../clients/typescript/package.json";
import { openApiDocument, renderOpenApiYaml } from "../scripts/render-openapi";
import { PROBLEM_TITLES, type ProblemCode, problemType } from "../src/lib/problem";

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; description?: string; example?: unknown; schema?: { example?: unknown } }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};

const document = openApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
);

describe("openapi.yaml", () => {
  it("is what the route definitions generate (run `npm run openapi` after changing a route)", () => {
    expect(committedYaml).toBe(renderOpenApiYaml());
  });

  it("documents the routes with Horizon's trailing slash", () => {
    for (const { path } of operations) expect(path).toMatch(/^\/api\/glance\/.*\/$/);
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.operation] as const))(
    "%s has an operationId, a tag, a summary, a description and problem responses",
    (_name, operation) => {
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.tags?.length).toBeGreaterThan(0);
      expect(operation.summary).toBeTruthy();
      expect(operation.description?.length).toBeGreaterThan(40);
      for (const status of ["500", "502", "504"]) {
        expect(operation.responses[status]?.content).toHaveProperty(["application/problem+json"]);
      }
      for (const parameter of operation.parameters ?? []) {
        expect(parameter.description, `${parameter.name} description`).toBeTruthy();
        expect(parameter.example ?? parameter.schema?.example, `${parameter.name} example`).not.toBeUndefined();
      }
    },
  );

  it("requires the Keystone token everywhere except the version lookup (optional: needed only to read the catalog) and tus discovery (OPTIONS), and says 401 where it does", () => {
    for (const { path, method, operation } of operations) {
      if (method === "options") {
        expect(path).toMatch(/\/uploads\//);
        expect(operation.security).toEqual([{}]);
        continue;
      }
      if (path === "/api/glance/version/") {
        expect(operation.security).toEqual([{}, { KeystoneToken: [] }]);
        expect(operation.responses["401"]?.content).toHaveProperty(["application/problem+json"]);
        continue;
      }
      expect(operation.security).toEqual([{ KeystoneToken: [] }]);
      expect(operation.responses["401"]?.content).toHaveProperty(["application/problem+json"]);
    }
  });

  it("names the closed set of problem types, each of which README's Errors section explains", () => {
    const codes = Object.keys(PROBLEM_TITLES) as ProblemCode[];
    const schemas = document.components?.schemas as Record<string, { properties: { type: { enum?: string[] } } }>;
    expect(schemas.Problem.properties.type.enum).toEqual(codes.map(problemType));
    const errors = readme.slice(readme.indexOf("## Errors"), readme.indexOf("\n## ", readme.indexOf("## Errors") + 1));
    for (const code of codes) expect(errors, code).toContain(`\`${code}\``);
  });
});

describe("license", () => {
  it("LICENSE is the full Apache License 2.0 text that info.license names, and both packages declare it", () => {
    expect(document.info.license).toEqual({ name: "Apache-2.0", identifier: "Apache-2.0" });
    expect(licenseText.trim()).toMatch(
      /^Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//,
    );
    for (const section of [
      "1. Definitions.",
      "2. Grant of Copyright License.",
      "9. Accepting Warranty or Additional Liability.",
    ])
      expect(licenseText).toContain(section);
    expect(licenseText).toContain("END OF TERMS AND CONDITIONS");
    expect(licenseText).toContain("APPENDIX: How to apply the Apache License to your work.");
    expect(rootPackage.license).toBe(document.info.license?.identifier);
    expect(clientPackage.license).toBe(document.info.license?.identifier);
  });
});
