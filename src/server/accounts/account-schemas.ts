// What the sign-up and sign-in forms accept.
import { z } from "zod";

export const ZEmail = z
  .string({ error: "emailRequired" })
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailTooLong")
  .pipe(z.email("emailInvalid"))
  .transform((email) => email.toLowerCase());

export const ZSignUpInput = z.object({
  name: z.string({ error: "nameRequired" }).trim().min(1, "nameRequired").max(100, "nameTooLong"),
  email: ZEmail,
  password: z
    .string({ error: "passwordRequired" })
    .min(8, "passwordTooShort")
    .max(128, "passwordTooLong"),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string({ error: "passwordRequired" }).min(1, "passwordRequired").max(128, "passwordTooLong"),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** Only same-site relative paths, so a sign-in link can never redirect to another site. */
export const ZReturnPath = z
  .string()
  .regex(/^\/(?!\/)[\w\-./?=&%]*$/)
  .catch("/");
