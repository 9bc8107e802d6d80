// Registering an LMS (a "platform"): issuer + client id identify the registration, so running it
// again updates the URLs, and a new deployment id is added beside the existing ones.
import { z } from "zod";
import type { TDb } from "@/server/db-client";
import { buildToolUrls, type TToolUrls } from "./tool-urls";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https everywhere; plain http only for a platform on this machine (tests, local trials). */
const ZPlatformUrl = z
  .string()
  .trim()
  .url("ltiUrlInvalid")
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  }, "ltiUrlNeedsHttps");

export const ZRegisterPlatformInput = z.object({
  issuer: ZPlatformUrl,
  clientId: z.string().trim().min(1, "ltiClientIdRequired").max(255),
  deploymentId: z.string().trim().min(1, "ltiDeploymentIdRequired").max(255),
  authLoginUrl: ZPlatformUrl,
  authTokenUrl: ZPlatformUrl,
  jwksUrl: ZPlatformUrl,
  name: z.string().trim().min(1).max(120).optional(),
});
export type TRegisterPlatformInput = z.infer<typeof ZRegisterPlatformInput>;

export interface TRegisteredPlatform {
  platformId: string;
  toolUrls: TToolUrls;
}

export async function registerPlatform(db: TDb, input: TRegisterPlatformInput): Promise<TRegisteredPlatform> {
  const fields = { authLoginUrl: input.authLoginUrl, authTokenUrl: input.authTokenUrl, jwksUrl: input.jwksUrl };
  const platform = await db.$transaction(async (tx) => {
    const saved = await tx.ltiPlatform.upsert({
      where: { issuer_clientId: { issuer: input.issuer, clientId: input.clientId } },
      create: { issuer: input.issuer, clientId: input.clientId, name: input.name ?? new URL(input.issuer).host, ...fields },
      update: { ...fields, ...(input.name ? { name: input.name } : {}) },
    });
    await tx.ltiDeployment.upsert({
      where: { platformId_deploymentId: { platformId: saved.id, deploymentId: input.deploymentId } },
      create: { platformId: saved.id, deploymentId: input.deploymentId },
      update: {},
    });
    return saved;
  });
  return { platformId: platform.id, toolUrls: buildToolUrls() };
}
