// Registers an LMS (an LTI 1.3 platform) headless, as the admin page does:
//   npm run --silent lti:register -- --issuer <iss> --client-id <id> --deployment-id <id> \
//     --auth-login-url <url> --auth-token-url <url> --jwks-url <url> [--name <text>] [--json]
// Idempotent: the same issuer + client id updates the registration, a new deployment id is added.
// Exit code: 0 registered, 2 usage error.
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/server/db-client";
import { registerPlatform, ZRegisterPlatformInput } from "@/server/lti/register-platform";
import { validationMessages } from "@/i18n/validation";

const USAGE =
  "Usage: npm run --silent lti:register -- --issuer <iss> --client-id <id> --deployment-id <id> --auth-login-url <url> --auth-token-url <url> --jwks-url <url> [--name <text>] [--json]";

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        issuer: { type: "string" },
        "client-id": { type: "string" },
        "deployment-id": { type: "string" },
        "auth-login-url": { type: "string" },
        "auth-token-url": { type: "string" },
        "jwks-url": { type: "string" },
        name: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = ZRegisterPlatformInput.safeParse({
    issuer: values.issuer,
    clientId: values["client-id"],
    deploymentId: values["deployment-id"],
    authLoginUrl: values["auth-login-url"],
    authTokenUrl: values["auth-token-url"],
    jwksUrl: values["jwks-url"],
    name: values.name,
  });
  if (!parsed.success) {
    const messages = validationMessages("en") as Record<string, string>;
    for (const issue of parsed.error.issues) {
      const flag = `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      console.error(`${flag}: ${messages[issue.message] ?? (issue.code === "invalid_type" ? "is required" : issue.message)}`);
    }
    console.error(USAGE);
    return 2;
  }
  const db = createPrismaClient();
  try {
    const result = await registerPlatform(db, parsed.data);
    if (values.json) {
      console.log(JSON.stringify(result));
    } else {
      console.log(`Registered platform ${result.platformId} (${parsed.data.issuer}, client id ${parsed.data.clientId}, deployment ${parsed.data.deploymentId}).`);
      console.log("Paste these into the LMS:");
      for (const [what, url] of Object.entries(result.toolUrls)) console.log(`  ${what.padEnd(8)} ${url}`);
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
