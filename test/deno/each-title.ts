/** Titles of `.each` tests, following vitest's placeholder rules. */
function display(value: unknown, quoteStrings: boolean): string {
  if (typeof value === "string") return quoteStrings ? `'${value}'` : value;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined || value === null || typeof value !== "object") return String(value);
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
  } catch {
    return String(value);
  }
}

function pathValue(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split(".")) v = v == null ? undefined : (v as Record<string, unknown>)[key];
  return v;
}

/** Formats an .each title: %s %d %i %f %j %o %O %# %$ %% and $name / $a.b for object rows. */
export function formatEachTitle(template: string, items: readonly unknown[], index: number): string {
  const first = items[0];
  const objectRow = items.length === 1 && first !== null && typeof first === "object" && !Array.isArray(first);
  let i = 0;
  return template.replace(/%[sdifjoO#$%]|\$([\w.]+)/g, (token: string, path: string | undefined) => {
    if (path !== undefined) {
      if (objectRow) return display(pathValue(first, path), true);
      if (/^\d+$/.test(path)) return display(items[Number(path)], true);
      return token;
    }
    switch (token) {
      case "%%":
        return "%";
      case "%#":
        return String(index);
      case "%$":
        return String(index + 1);
    }
    if (i >= items.length) return token;
    const v = items[i++];
    switch (token) {
      case "%d":
      case "%i":
        return typeof v === "bigint" ? `${v}n` : String(token === "%i" ? Math.trunc(Number(v)) : Number(v));
      case "%f":
        return String(Number(v));
      case "%j":
        return display(v, false);
      case "%s":
        return display(v, false);
      default:
        return display(v, true);
    }
  });
}
