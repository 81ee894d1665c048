import * as v from "valibot";

export interface IssueLine {
  /** Dot path of the failing value, e.g. "ltv.A01.0.value"; "" for the whole object. */
  readonly path: string;
  readonly message: string;
}

/** valibot issues as "path: reason" lines (union failures expanded to their branches' issues). */
export function issueLines(issues: readonly v.BaseIssue<unknown>[]): IssueLine[] {
  const out: IssueLine[] = [];
  for (const issue of issues) {
    if (issue.type === "union" && issue.issues && issue.issues.length > 0) {
      out.push(...issueLines(issue.issues));
      continue;
    }
    out.push({ path: v.getDotPath(issue) ?? "", message: issue.message });
  }
  return out;
}

/** Joins issue lines into one readable sentence, prefixing each path with `label`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], label: (path: string) => string): string {
  return issueLines(issues)
    .map((l) => `${label(l.path)}: ${l.message}`)
    .join("; ");
}
