/** Dotted paths of every own `__proto__` key in a parsed JSON value; iterative, so deep nesting cannot overflow the stack. */
export function protoKeyPaths(root: unknown): string[] {
  const found: string[] = [];
  const pending: [unknown, string[]][] = [[root, []]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [value, path] = item;
    if (typeof value !== "object" || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === "__proto__") found.push([...path, key].join("."));
      pending.push([child, [...path, key]]);
    }
  }
  return found.sort();
}
