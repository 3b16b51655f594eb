export interface RouteTemplate {
  path: string;
  pattern: RegExp;
  methods: Set<string>;
}

interface RegistryDefinition {
  type: string;
  route?: { method: string; path: string };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One matcher per documented path with the methods it serves, for 405 (Allow) and 308 (slash) answers. */
export function buildRouteTable(
  definitions: readonly RegistryDefinition[],
  extra: { method: string; path: string }[] = [],
) {
  const byPath = new Map<string, RouteTemplate>();
  const routes = [...definitions.flatMap((d) => (d.type === "route" && d.route ? [d.route] : [])), ...extra];
  for (const { method, path } of routes) {
    let template = byPath.get(path);
    if (!template) {
      const source = path
        .split(/\{[^}]+\}/)
        .map(escapeRegex)
        .join("[^/]+");
      template = { path, pattern: new RegExp(`^${source}$`), methods: new Set() };
      byPath.set(path, template);
    }
    template.methods.add(method.toUpperCase());
  }
  const templates = [...byPath.values()];
  return {
    match: (path: string) => templates.find((t) => t.pattern.test(path)),
    allowHeader: (template: RouteTemplate) => {
      const methods = new Set(template.methods);
      if (methods.has("GET")) methods.add("HEAD");
      methods.add("OPTIONS");
      return [...methods].join(", ");
    },
  };
}
