// How instructor pages refuse: anything the domain refuses (not staff, not found, not allowed)
// and any malformed URL parameter shows the ordinary "not found" page, which tells a student
// nothing about what exists.
import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/server/errors";

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

const ZIdParam = z.string().regex(/^[\w-]{1,64}$/);
const PARAM_SCHEMAS = {
  courseId: ZIdParam,
  assignmentId: ZIdParam,
  studentId: ZIdParam,
  jobId: ZIdParam,
  reportId: ZIdParam,
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** a diagnosis code, e.g. flipped-kernel */
  code: z.string().regex(/^[a-z0-9-]{1,64}$/),
} as const;

export async function readPageParams<K extends keyof typeof PARAM_SCHEMAS>(params: Promise<Record<K, string>>): Promise<Record<K, string>> {
  const raw = await params;
  const isValid = (Object.keys(raw) as K[]).every((name) => PARAM_SCHEMAS[name].safeParse(raw[name]).success);
  if (!isValid) notFound();
  return raw;
}

/** `?submission=<id>`, which preselects one submission; anything else selects none rather than failing the page. */
export function readSubmissionParam(searchParams: Record<string, string | string[] | undefined>): string | null {
  const parsed = ZIdParam.safeParse(searchParams.submission);
  return parsed.success ? parsed.data : null;
}
