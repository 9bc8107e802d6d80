"use server";
// Registering an LMS from the admin page: the same operation as `npm run lti:register`.
import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";
import { AppError, toAppError } from "@/server/errors";
import { registerPlatform, ZRegisterPlatformInput } from "@/server/lti/register-platform";
import { canRegisterLtiPlatform } from "@/server/permissions/lti-permissions";

export async function registerLtiPlatformAction(form: FormData): Promise<void> {
  const user = await requireUser();
  if (!canRegisterLtiPlatform(user)) throw new AppError("forbidden", "notFound");
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  let outcome: string;
  try {
    const input = ZRegisterPlatformInput.parse({
      issuer: text("issuer"),
      clientId: text("clientId"),
      deploymentId: text("deploymentId"),
      authLoginUrl: text("authLoginUrl"),
      authTokenUrl: text("authTokenUrl"),
      jwksUrl: text("jwksUrl"),
      name: text("name"),
    });
    outcome = `registered=${encodeURIComponent((await registerPlatform(db, input)).platformId)}`;
  } catch (error) {
    outcome = `error=${encodeURIComponent(toAppError(error).message)}`;
  }
  redirect(`/admin/lti?${outcome}`);
}
