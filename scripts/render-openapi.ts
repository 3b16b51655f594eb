import { stringify } from "yaml";
import { createApp } from "../src/app";
import { OPENAPI_CONFIG } from "../src/openapi";

export function openApiDocument() {
  return createApp().getOpenAPI31Document(OPENAPI_CONFIG);
}

export function renderOpenApiYaml(): string {
  return stringify(openApiDocument(), { aliasDuplicateObjects: false, lineWidth: 0 });
}
