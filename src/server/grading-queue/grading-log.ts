// Structured logs of the grading processes: one JSON object per line on stdout (errors on
// stderr), so a log shipper or `jq` can follow one submission across web server and workers.
export type TLogLevel = "info" | "warn" | "error";

export function logGrading(level: TLogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), component: "grading", msg, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
}
