// `npm run lti:register` as an LMS admin runs it: the --json line, idempotence per issuer + client
// id, a second deployment added, and https required outside localhost.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase, root, type TTestDatabase } from "../support/test-database";

let database: TTestDatabase;

beforeAll(async () => {
  database = await createSqliteDatabase("lti-register");
});
afterAll(async () => {
  await database?.drop();
});

async function register(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("npm", ["run", "--silent", "lti:register", "--", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_URL: "https://convlab.example.edu" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const platform = (deploymentId: string) => [
  "--issuer", "https://lms.example.edu",
  "--client-id", "10000000000042",
  "--deployment-id", deploymentId,
  "--auth-login-url", "https://lms.example.edu/api/lti/authorize_redirect",
  "--auth-token-url", "https://lms.example.edu/login/oauth2/token",
  "--jwks-url", "https://lms.example.edu/api/lti/security/jwks",
];

describe("lti:register", () => {
  it("prints the platform id and the tool URLs from BETTER_AUTH_URL, and is idempotent", async () => {
    const first = await register([...platform("1:abc"), "--name", "Canvas", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const printed = JSON.parse(first.stdout.trim().split("\n").at(-1)!);
    expect(printed.toolUrls).toEqual({
      login: "https://convlab.example.edu/api/lti/login",
      launch: "https://convlab.example.edu/api/lti/launch",
      jwks: "https://convlab.example.edu/api/lti/jwks",
      deepLink: "https://convlab.example.edu/api/lti/launch",
    });
    const again = await register([...platform("2:def"), "--json"]);
    expect(JSON.parse(again.stdout.trim().split("\n").at(-1)!).platformId).toBe(printed.platformId);
    expect(await database.db.ltiPlatform.count()).toBe(1);
    expect((await database.db.ltiDeployment.findMany({ orderBy: { deploymentId: "asc" } })).map((d) => d.deploymentId)).toEqual(["1:abc", "2:def"]);
    expect((await database.db.ltiPlatform.findFirstOrThrow()).name).toBe("Canvas");
  });

  it("refuses plain http outside localhost, and missing flags, with exit code 2 and nothing written", async () => {
    const args = platform("3:ghi");
    args[args.indexOf("--jwks-url") + 1] = "http://lms.example.edu/jwks";
    const insecure = await register(args);
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toContain("--jwks-url: LMS URLs must use https://");
    const missing = await register(["--issuer", "https://lms.example.edu"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--client-id");
    expect(await database.db.ltiDeployment.count()).toBe(2);
  });
});
