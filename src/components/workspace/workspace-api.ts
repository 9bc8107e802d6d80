// The exercise page's calls to the workspace API: every failure becomes one message to show.
import type { TGradingResult } from "@/grading/result-schema";
import type { TSubmissionView } from "@/server/submissions/get-submission-view";

export type TApiResult<T> = { ok: true; data: T } | { ok: false; message: string };

export async function callApi<T>(url: string, init: RequestInit, networkError: string): Promise<TApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    return { ok: false, message: networkError };
  }
  const body = (await response.json().catch(() => null)) as ({ error?: { message?: string } } & T) | null;
  if (!response.ok || body === null) {
    return { ok: false, message: body?.error?.message ?? `${networkError} (HTTP ${response.status})` };
  }
  return { ok: true, data: body };
}

export function createWorkspaceApi(options: { assignmentId: string; slug: string; networkError: string }) {
  const base = `/api/assignments/${encodeURIComponent(options.assignmentId)}/exercises/${encodeURIComponent(options.slug)}`;
  return {
    saveDraft: (code: string) => callApi<{ savedAt: string }>(`${base}/draft`, { method: "PUT", body: JSON.stringify({ code }) }, options.networkError),
    runSamples: (code: string) => callApi<TGradingResult>(`${base}/run`, { method: "POST", body: JSON.stringify({ code }) }, options.networkError),
    submit: (code: string, clientToken: string) =>
      callApi<{ id: string }>(`${base}/submissions`, { method: "POST", body: JSON.stringify({ code, clientToken }) }, options.networkError),
    /**
     * With `wait` (the status last seen) the server answers when it changes, or after about 10 s;
     * `hasSeenLonger`: the page already shows that it is taking longer than usual.
     */
    getSubmission: (id: string, wait?: "queued" | "running", hasSeenLonger = false) =>
      callApi<TSubmissionView>(
        `/api/submissions/${encodeURIComponent(id)}${wait ? `?wait=${wait}${hasSeenLonger ? "&longer=1" : ""}` : ""}`,
        { method: "GET" },
        options.networkError,
      ),
  };
}
