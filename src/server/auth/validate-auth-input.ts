// Field limits for better-auth's own endpoints, which accept any JSON: the same name rule as the
// sign-up form, on every path that writes a name (HTTP and server actions alike). A ZodError thrown
// here leaves better-auth (onAPIError.throw) and becomes a 400 in the one error shape.
import { createAuthMiddleware } from "better-auth/api";
import { z } from "zod";
import { ZName } from "@/server/accounts/account-schemas";

const ZSignUpFields = z.object({ name: ZName }, { error: "requestInvalid" });
const ZUpdateUserFields = z.object({ name: ZName.optional() }, { error: "requestInvalid" });

export const validateAuthInput = createAuthMiddleware(async (ctx) => {
  if (ctx.path === "/sign-up/email") ZSignUpFields.parse(ctx.body);
  if (ctx.path === "/update-user") ZUpdateUserFields.parse(ctx.body);
});
