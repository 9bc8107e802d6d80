// What the sign-up and sign-in forms accept.
import { z } from "zod";

const ZEmail = z
  .string({ error: "Email is required." })
  .trim()
  .min(1, "Email is required.")
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());

export const ZSignUpInput = z.object({
  name: z.string({ error: "Name is required." }).trim().min(1, "Name is required.").max(100, "Name is at most 100 characters."),
  email: ZEmail,
  password: z
    .string({ error: "Password is required." })
    .min(8, "Password must be at least 8 characters.")
    .max(128, "Password must be at most 128 characters."),
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string({ error: "Password is required." }).min(1, "Password is required.").max(128, "Password must be at most 128 characters."),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** Only same-site relative paths, so a sign-in link can never redirect to another site. */
export const ZReturnPath = z
  .string()
  .regex(/^\/(?!\/)[\w\-./?=&%]*$/)
  .catch("/");
