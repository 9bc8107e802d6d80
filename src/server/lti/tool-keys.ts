// The tool's RS256 signing keys: generated on first use, stored in the database, rotatable. A
// retired key stays in the published JWKS until every token it signed has expired.
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import type { TDb } from "@/server/db-client";

/** Longest lifetime of anything the tool signs (client assertions, deep-linking responses). */
export const TOOL_TOKEN_LIFETIME_SECONDS = 10 * 60;

export interface TSigningKey {
  kid: string;
  key: CryptoKey;
}

async function createToolKey(db: TDb): Promise<{ id: string; privateJwk: string }> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const row = await db.ltiToolKey.create({ data: { publicJwk: "{}", privateJwk: "{}" } });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: row.id, alg: "RS256", use: "sig" };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid: row.id, alg: "RS256" };
  return db.ltiToolKey.update({ where: { id: row.id }, data: { publicJwk: JSON.stringify(publicJwk), privateJwk: JSON.stringify(privateJwk) } });
}

/** The key that signs now: the newest unretired one, created on first use. */
export async function getSigningKey(db: TDb): Promise<TSigningKey> {
  const row = (await db.ltiToolKey.findFirst({ where: { retiredAt: null, NOT: { privateJwk: "{}" } }, orderBy: { createdAt: "desc" } })) ?? (await createToolKey(db));
  return { kid: row.id, key: (await importJWK(JSON.parse(row.privateJwk) as JWK, "RS256")) as CryptoKey };
}

/** Retires every current key and makes a new one; the old ones stay published for a while. */
export async function rotateToolKey(db: TDb, now = new Date()): Promise<string> {
  await db.ltiToolKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
  return (await createToolKey(db)).id;
}

/** The JWKS document: current keys and retired keys whose tokens may still be live. */
export async function listPublicJwks(db: TDb, now = new Date()): Promise<{ keys: JWK[] }> {
  const stillValid = new Date(now.getTime() - TOOL_TOKEN_LIFETIME_SECONDS * 1000);
  await db.ltiToolKey.deleteMany({ where: { retiredAt: { lt: stillValid } } });
  if ((await db.ltiToolKey.count({ where: { retiredAt: null } })) === 0) await getSigningKey(db);
  const rows = await db.ltiToolKey.findMany({ where: { NOT: { publicJwk: "{}" } }, orderBy: { createdAt: "desc" } });
  return { keys: rows.map((row) => JSON.parse(row.publicJwk) as JWK) };
}
