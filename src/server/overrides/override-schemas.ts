// A score set by hand as staff enter it: the points (not above the exercise's, checked against the
// assignment where it is saved) and a comment the student will read, which is required.
import { z } from "zod";

export const ZScoreOverrideInput = z.object({
  score: z
    .string({ error: "overrideScoreInvalid" })
    .trim()
    .min(1, "overrideScoreInvalid")
    .transform(Number)
    .pipe(z.number({ error: "overrideScoreInvalid" }).finite("overrideScoreInvalid").min(0, "overrideScoreInvalid")),
  comment: z.string({ error: "overrideCommentRequired" }).trim().min(1, "overrideCommentRequired").max(1000, "overrideCommentTooLong"),
});

export type TScoreOverrideInput = z.infer<typeof ZScoreOverrideInput>;
