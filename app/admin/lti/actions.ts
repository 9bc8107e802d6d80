"use server";
// The admin page's LMS operations: registering (the same operation as `npm run lti:register`),
// the sites that may frame a platform's launches, and rotating ConvLab's signing key. Each ends
// in a redirect back to the page with what happened, or the error to show.
import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { AppError, toAppError } from "@/server/errors";
import { setFrameOrigins } from "@/server/lti/frame-ancestors";
import { registerPlatform, ZRegisterPlatformInput } from "@/server/lti/register-platform";
import { rotateToolKey } from "@/server/lti/tool-keys";
import { canRegisterLtiPlatform } from "@/server/permissions/lti-permissions";

/** Runs an admin-only operation and redirects to the page with `<outcome>` or `error=<message>`. */
async function runAdminLtiAction(operation: () => Promise<string>): Promise<never> {
  const user = await requireUser();
  if (!canRegisterLtiPlatform(user)) throw new AppError("forbidden", "notFound");
  let outcome: string;
  try {
    outcome = await operation();
  } catch (error) {
    outcome = `error=${encodeURIComponent(toAppError(error).message)}`;
  }
  redirect(`/admin/lti?${outcome}`);
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export async function registerLtiPlatformAction(form: FormData): Promise<void> {
  await runAdminLtiAction(async () => {
    const input = ZRegisterPlatformInput.parse({
      issuer: text(form, "issuer"),
      clientId: text(form, "clientId"),
      deploymentId: text(form, "deploymentId"),
      authLoginUrl: text(form, "authLoginUrl"),
      authTokenUrl: text(form, "authTokenUrl"),
      jwksUrl: text(form, "jwksUrl"),
      name: text(form, "name"),
    });
    return `registered=${encodeURIComponent((await registerPlatform(db, input)).platformId)}`;
  });
}

export async function setLtiFrameOriginsAction(form: FormData): Promise<void> {
  await runAdminLtiAction(async () => {
    await setFrameOrigins(db, { platformId: text(form, "platformId") ?? "", text: text(form, "frameOrigins") ?? "" });
    return "framing=saved";
  });
}

export async function rotateLtiKeyAction(): Promise<void> {
  await runAdminLtiAction(async () => `rotated=${encodeURIComponent(await rotateToolKey(db))}`);
}
