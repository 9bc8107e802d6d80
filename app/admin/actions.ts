"use server";
// Server actions of the admin page: granting and revoking the instructor role by email.
import { revalidatePath } from "next/cache";
import { adminMessages } from "@/i18n/admin";
import { getLocale } from "@/i18n/server";
import { ZEmail } from "@/server/accounts/account-schemas";
import { runAction, type TActionState } from "@/server/action-state";
import { setInstructorRole } from "@/server/admin/set-instructor-role";
import { requireUser } from "@/server/auth/current-user";
import { db } from "@/server/db";

async function changeRole(form: FormData, grant: boolean): Promise<TActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const email = ZEmail.parse(form.get("email"));
    await setInstructorRole(db, { user, email, grant });
    revalidatePath("/admin");
    const t = adminMessages(await getLocale());
    return { status: "ok", message: grant ? t.granted : t.revoked };
  });
}

export async function grantInstructorAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return changeRole(form, true);
}

export async function revokeInstructorAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  return changeRole(form, false);
}
