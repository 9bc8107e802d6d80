// What the sign-up and sign-in forms accept.
import { z } from "zod";

export const ZEmail = z
  .string({ error: "emailRequired" })
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailTooLong")
  .pipe(z.email("emailInvalid"))
  .transform((email) => email.toLowerCase());

/** A person's display name: also enforced on better-auth's own endpoints (auth/validate-auth-input.ts). */
export const ZName = z.string({ error: "nameRequired" }).trim().min(1, "nameRequired").max(100, "nameTooLong");

export const ZSignUpInput = z.object({
  name: ZName,
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

export const ZForgotPasswordInput = z.object({ email: ZEmail });
export type TForgotPasswordInput = z.infer<typeof ZForgotPasswordInput>;

export const ZResetPasswordInput = z.object({
  // better-auth's reset tokens are 24 characters; anything far longer is not one.
  token: z.string({ error: "resetTokenMissing" }).trim().min(1, "resetTokenMissing").max(200, "resetTokenMissing"),
  newPassword: ZSignUpInput.shape.password,
});
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;
