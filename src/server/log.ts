// The one structured log of the server side: one JSON object per line on stdout (warnings and
// errors on stderr), so a log shipper or `jq` can follow a submission or a regrade across the
// web server and the workers. `component` says which part wrote the line.
export type TLogLevel = "info" | "warn" | "error";
export type TLogComponent = "grading" | "regrade" | "http" | "exercises" | "mail" | "lti" | "rate-limits" | "similarity";

export function log(component: TLogComponent, level: TLogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), component, msg, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
}
