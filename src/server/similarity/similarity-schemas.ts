// What a similarity report stores as JSON, read back through zod: the matched line ranges of a
// pair and the courses compared against.
import { z } from "zod";

const ZLineRange = z.object({ startLine: z.number().int().min(0), endLine: z.number().int().min(0) });
export const ZSimilarityFragments = z.array(z.object({ left: ZLineRange, right: ZLineRange }));
export type TSimilarityFragments = z.infer<typeof ZSimilarityFragments>;

export const ZComparisonCourseIds = z.array(z.string().min(1).max(64)).max(10);
