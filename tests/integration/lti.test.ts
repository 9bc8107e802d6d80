// LTI 1.3 against the stand-in LMS (tests/support/lti-platform.ts), on a real SQLite database:
// registration, login + launch, every refused input (nothing created), deep linking, NRPS and
// AGS passback with a platform that fails, all through real HTTP between tool code and platform.
import { randomUUID } from "node:crypto";
import { generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncExercises } from "@/server/exercises/sync-exercises";
import { setScoreOverride } from "@/server/overrides/set-score-override";
import { readGradingConfig } from "@/server/grading-queue/grading-config";
import { recomputeProgress } from "@/server/grading-queue/recompute-progress";
import { startGradingBoss } from "@/server/grading-queue/pg-boss-grading";
import { startGrader } from "@/server/grading-queue/start-grader";
import { applyLaunch, type TAppliedLaunch } from "@/server/lti/apply-launch";
import { buildDeepLinkingResponse, createDeepLinkRequestToken, readDeepLinkRequestToken } from "@/server/lti/deep-linking";
import { frameAncestorsDirective, listFrameAncestors, setFrameOrigins } from "@/server/lti/frame-ancestors";
import { createLaunchTicket, redeemLaunchTicket } from "@/server/lti/launch-ticket";
import { LtiFailure } from "@/server/lti/lti-failure";
import { relinkContext } from "@/server/lti/relink-context";
import { registerPlatform, ZRegisterPlatformInput } from "@/server/lti/register-platform";
import { backoffMs, processDueScoreSyncs, resendScores } from "@/server/lti/score-sync";
import { deliverScoreSyncJob, enqueueScoreSyncs, LTI_SCORE_QUEUE } from "@/server/lti/score-sync-jobs";
import { startLogin } from "@/server/lti/start-login";
import { syncCourseRoster } from "@/server/lti/sync-course-roster";
import { syncRoster } from "@/server/lti/sync-roster";
import { listPublicJwks, rotateToolKey } from "@/server/lti/tool-keys";
import { buildToolUrls } from "@/server/lti/tool-urls";
import { validateLaunch, type TValidatedLaunch } from "@/server/lti/validate-launch";
import { waitFor } from "../support/course-fixtures";
import { LtiPlatform, ROLE, type TLaunchSpec, type TPlatformUser } from "../support/lti-platform";
import { createPostgresDatabase, createSqliteDatabase, pgServerUrl, type TTestDatabase } from "../support/test-database";

/** SQLite always; PostgreSQL too when a test server is configured (CONVLAB_TEST_PG_URL). */
const PROVIDERS = pgServerUrl ? (["sqlite", "postgresql"] as const) : (["sqlite"] as const);

describe.each(PROVIDERS)("LTI on %s", (provider) => {

let database: TTestDatabase;
let platform: LtiPlatform;
const urls = buildToolUrls();
/** The queue process these tests post scores as. */
const TOKEN = "lti-test@queue";

const instructor: TPlatformUser = { sub: "inst-1", name: "Ada Instructor", email: "ada@lms.test", roles: [ROLE.instructor] };
const student: TPlatformUser = { sub: "stu-1", name: "Bo Student", email: "bo@lms.test", roles: [ROLE.learner, ROLE.institutionInstructor] };
const ta: TPlatformUser = { sub: "ta-1", name: "Cy TA", roles: [ROLE.instructor, ROLE.taSubRole] };

beforeAll(async () => {
  database = provider === "postgresql" ? await createPostgresDatabase("lti") : await createSqliteDatabase("lti");
  await syncExercises(database.db);
  platform = await new LtiPlatform({ toolJwks: () => listPublicJwks(database.db), toolLaunchUrl: urls.launch, toolLoginUrl: urls.login }).start();
  await registerPlatform(database.db, { issuer: platform.issuer, clientId: platform.clientId, deploymentId: platform.deploymentId, authLoginUrl: platform.authLoginUrl, authTokenUrl: platform.authTokenUrl, jwksUrl: platform.jwksUrl });
});

afterAll(async () => {
  await platform?.stop();
  await database?.drop();
});

/** Login initiation → the platform's authorization endpoint → the form post's id_token and state. */
async function loginThroughPlatform(spec: TLaunchSpec): Promise<{ idToken: string; state: string; nonce: string }> {
  const hint = platform.prepareLaunch(spec);
  const params = Object.fromEntries(new URL(platform.loginInitiationUrl(hint)).searchParams);
  const { redirectUrl, state } = await startLogin(database.db, params);
  const html = await (await fetch(redirectUrl)).text();
  const idToken = /name="id_token" value="([^"]+)"/.exec(html)?.[1];
  expect(idToken, html).toBeTruthy();
  expect(/name="state" value="([^"]+)"/.exec(html)?.[1]).toBe(state);
  return { idToken: idToken!, state, nonce: new URL(redirectUrl).searchParams.get("nonce")! };
}

async function launch(spec: TLaunchSpec): Promise<{ launch: TValidatedLaunch; applied: TAppliedLaunch }> {
  const { idToken, state } = await loginThroughPlatform(spec);
  const validated = await validateLaunch(database.db, { idToken, state, stateCookie: state });
  return { launch: validated, applied: await applyLaunch(database.db, validated) };
}

async function counts() {
  const db = database.db;
  return { users: await db.user.count(), courses: await db.course.count(), enrollments: await db.enrollment.count(), links: await db.ltiResourceLink.count() };
}

async function expectRefused(reason: string, attempt: () => Promise<unknown>): Promise<void> {
  const before = await counts();
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LtiFailure);
  expect((error as LtiFailure).reason).toBe(reason);
  expect(await counts()).toEqual(before);
}

describe("registration", () => {
  it("is idempotent per issuer + client id and adds a second deployment", async () => {
    const input = { issuer: platform.issuer, clientId: platform.clientId, deploymentId: "deployment-2", authLoginUrl: platform.authLoginUrl, authTokenUrl: platform.authTokenUrl, jwksUrl: platform.jwksUrl };
    const first = await registerPlatform(database.db, input);
    const second = await registerPlatform(database.db, input);
    expect(second.platformId).toBe(first.platformId);
    expect(await database.db.ltiDeployment.count({ where: { platformId: first.platformId } })).toBe(2);
    expect(first.toolUrls).toEqual({ login: urls.login, launch: urls.launch, jwks: urls.jwks, deepLink: urls.launch });
  });

  it("accepts http only for localhost and 127.0.0.1", () => {
    const base = { issuer: "https://lms.example.edu", clientId: "c", deploymentId: "d", authLoginUrl: "https://lms.example.edu/auth", authTokenUrl: "https://lms.example.edu/token", jwksUrl: "https://lms.example.edu/jwks" };
    expect(ZRegisterPlatformInput.safeParse(base).success).toBe(true);
    expect(ZRegisterPlatformInput.safeParse({ ...base, jwksUrl: "http://localhost:8080/jwks" }).success).toBe(true);
    const plain = ZRegisterPlatformInput.safeParse({ ...base, authTokenUrl: "http://lms.example.edu/token" });
    expect(plain.success).toBe(false);
    expect(plain.error?.issues[0]?.message).toBe("ltiUrlNeedsHttps");
  });
});

describe("framing and the new-window ticket", () => {
  it("lets each platform's launches be framed by that platform's sites only, derived by default, set by the admin", async () => {
    const own = await database.db.ltiPlatform.findFirstOrThrow({ where: { issuer: platform.issuer } });
    // Canvas: issuer and login URL on Instructure's hosts, while the iframe sits in the school's own Canvas site.
    const canvas = await registerPlatform(database.db, {
      issuer: "https://canvas.instructure.com",
      clientId: "10000000000001",
      deploymentId: "1:abc",
      authLoginUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect",
      authTokenUrl: "https://sso.canvaslms.com/login/oauth2/token",
      jwksUrl: "https://sso.canvaslms.com/api/lti/security/jwks",
    });
    expect(await listFrameAncestors(database.db, own.id)).toEqual([platform.url]);
    expect(await listFrameAncestors(database.db, canvas.platformId)).toEqual(["https://canvas.instructure.com", "https://sso.canvaslms.com"]);
    expect(await setFrameOrigins(database.db, { platformId: canvas.platformId, text: "https://school.instructure.com/\nhttps://school.instructure.com  https://canvas.school.edu:8443" })).toEqual([
      "https://canvas.school.edu:8443",
      "https://school.instructure.com",
    ]);
    expect(await listFrameAncestors(database.db, canvas.platformId)).toEqual(["https://canvas.school.edu:8443", "https://school.instructure.com"]);
    // one platform's setting never lets it frame another's launches
    expect(await listFrameAncestors(database.db, own.id)).toEqual([platform.url]);
    // the error page (platform not known yet) may be framed by any registered platform
    expect(await listFrameAncestors(database.db)).toEqual(["https://canvas.school.edu:8443", "https://school.instructure.com", platform.url].sort());
    expect(frameAncestorsDirective([platform.url])).toBe(`frame-ancestors ${platform.url}`);
    expect(frameAncestorsDirective([])).toBe("frame-ancestors 'none'");

    for (const [text, key] of [
      ["https://school.instructure.com/courses/1", "ltiFrameOriginInvalid"],
      ["school.instructure.com", "ltiFrameOriginInvalid"],
      ["http://school.instructure.com", "ltiFrameOriginNeedsHttps"],
      ["https://a.edu 'unsafe-inline'", "ltiFrameOriginInvalid"],
    ] as const) {
      await expect(setFrameOrigins(database.db, { platformId: canvas.platformId, text })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: key })] });
    }
    expect(await listFrameAncestors(database.db, canvas.platformId)).toEqual(["https://canvas.school.edu:8443", "https://school.instructure.com"]);
    // empty goes back to the derived default
    expect(await setFrameOrigins(database.db, { platformId: canvas.platformId, text: "  " })).toEqual(["https://canvas.instructure.com", "https://sso.canvaslms.com"]);
    await database.db.ltiPlatform.delete({ where: { id: canvas.platformId } });
  });

  it("redeems a launch ticket once, and never after it expires", async () => {
    const user = await database.db.user.create({ data: { name: "Ticket", email: `t-${randomUUID()}@convlab.test` } });
    const token = await createLaunchTicket(database.db, { userId: user.id, redirectTo: "/assignments/a/convolution" });
    expect(await redeemLaunchTicket(database.db, token)).toEqual({ userId: user.id, redirectTo: "/assignments/a/convolution" });
    await expect(redeemLaunchTicket(database.db, token)).rejects.toMatchObject({ reason: "ticketInvalid" });
    const late = await createLaunchTicket(database.db, { userId: user.id, redirectTo: "/" });
    await expect(redeemLaunchTicket(database.db, late, new Date(Date.now() + 3 * 60_000))).rejects.toMatchObject({ reason: "ticketInvalid" });
    await expect(redeemLaunchTicket(database.db, "forged")).rejects.toMatchObject({ reason: "ticketInvalid" });
  });
});

describe("refused launches create nothing", () => {
  let nonceState: { state: string; nonce: string };
  const claims = (nonce: string, overrides: JWTPayload = {}) => ({ ...platform.launchClaims({ user: instructor, messageType: "LtiDeepLinkingRequest" }, nonce), ...overrides });

  beforeEach(async () => {
    const hint = platform.prepareLaunch({ user: instructor, messageType: "LtiDeepLinkingRequest" });
    const { redirectUrl, state } = await startLogin(database.db, Object.fromEntries(new URL(platform.loginInitiationUrl(hint)).searchParams));
    nonceState = { state, nonce: new URL(redirectUrl).searchParams.get("nonce")! };
  });
  const validate = (idToken: string, stateCookie: string | null = nonceState.state) => validateLaunch(database.db, { idToken, state: nonceState.state, stateCookie });

  it("an expired token", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused("tokenExpired", async () => validate(await platform.signIdToken(claims(nonceState.nonce), { iat: now - 900, exp: now - 600 })));
  });
  it("a future-dated token", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused("tokenFromFuture", async () => validate(await platform.signIdToken(claims(nonceState.nonce), { iat: now + 600, exp: now + 900 })));
  });
  it("an unsigned token (alg none)", async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    await expectRefused("algorithmRefused", async () => validate(`${encode({ alg: "none", typ: "JWT" })}.${encode({ ...claims(nonceState.nonce), iat: now, exp: now + 300 })}.`));
  });
  it("an HS256 token", async () => {
    const forged = await new SignJWT(claims(nonceState.nonce)).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime("5m").sign(new TextEncoder().encode("a shared secret anyone could guess"));
    await expectRefused("algorithmRefused", () => validate(forged));
  });
  it("a wrong signature (another key under the platform's kid)", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT(claims(nonceState.nonce)).setProtectedHeader({ alg: "RS256", kid: platform.currentKid }).setIssuedAt().setExpirationTime("5m").sign(privateKey);
    await expectRefused("signatureInvalid", () => validate(forged));
  });
  it("a wrong aud", async () => {
    await expectRefused("audienceWrong", async () => validate(await platform.signIdToken(claims(nonceState.nonce, { aud: "someone-else" }))));
  });
  it("several audiences without our azp", async () => {
    await expectRefused("audienceWrong", async () => validate(await platform.signIdToken(claims(nonceState.nonce, { aud: [platform.clientId, "other"], azp: "other" }))));
  });
  it("a wrong iss", async () => {
    await expectRefused("platformUnknown", async () => validate(await platform.signIdToken(claims(nonceState.nonce, { iss: "https://evil.example" }))));
  });
  it("a replayed nonce", async () => {
    const token = await platform.signIdToken(claims(nonceState.nonce));
    await validate(token);
    await expectRefused("nonceReplayed", () => validate(token));
  });
  it("a missing state cookie", async () => {
    await expectRefused("stateMissing", async () => validate(await platform.signIdToken(claims(nonceState.nonce)), null));
  });
  it("an unknown deployment", async () => {
    await expectRefused("deploymentUnknown", async () => validate(await platform.signIdToken(claims(nonceState.nonce, { "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "not-registered" }))));
  });
  it("missing claims", async () => {
    await expectRefused("claimsMissing", async () => validate(await platform.signIdToken(claims(nonceState.nonce, { "https://purl.imsglobal.org/spec/lti/claim/roles": undefined }))));
  });
  it("a wrong LTI version", async () => {
    await expectRefused("versionUnsupported", async () => validate(await platform.signIdToken(claims(nonceState.nonce, { "https://purl.imsglobal.org/spec/lti/claim/version": "1.1" }))));
  });
  it("a platform JWKS that cannot be reached", async () => {
    await platform.rotateKeys();
    platform.jwksReachable = false;
    try {
      await expectRefused("jwksUnreachable", async () => validate(await platform.signIdToken(claims(nonceState.nonce))));
    } finally {
      platform.jwksReachable = true;
    }
  });
  it("a student of a context no instructor has launched from", async () => {
    const { idToken, state } = await loginThroughPlatform({ user: { ...student, sub: `s-${randomUUID()}` }, messageType: "LtiResourceLinkRequest", resourceLinkId: "never-linked" });
    // the context exists only after an instructor launch: validate passes, mapping refuses
    const validated = await validateLaunch(database.db, { idToken, state, stateCookie: state });
    const otherContext = { ...validated, claims: { ...validated.claims, "https://purl.imsglobal.org/spec/lti/claim/context": { id: "unlinked-context" } } };
    await expectRefused("courseNotLinked", () => applyLaunch(database.db, otherContext as TValidatedLaunch));
  });
});

describe("launch, deep linking, roster and grade passback", () => {
  let resourceLinkId: string;
  let assignmentId: string;

  /** The LMS instructor sets the student's score on the linked assignment's exercise by hand. */
  async function overrideStudentScore(score: number, comment: string): Promise<void> {
    const studentUser = await database.db.ltiUser.findFirstOrThrow({ where: { sub: student.sub } });
    const instructorUser = await database.db.user.findFirstOrThrow({ where: { ltiUsers: { some: { sub: instructor.sub } } } });
    const assignment = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    await setScoreOverride(database.db, {
      user: { id: instructorUser.id, email: instructorUser.email, name: instructorUser.name, role: instructorUser.role },
      courseId: assignment.courseId,
      assignmentId,
      studentId: studentUser.userId,
      slug: "convolution",
      input: { score, comment },
    });
  }

  it("accepts a token under a rotated platform key (refetches the JWKS once)", async () => {
    await launch({ user: instructor, messageType: "LtiDeepLinkingRequest" });
    const cachedFetches = platform.jwksFetchCount;
    await launch({ user: instructor, messageType: "LtiDeepLinkingRequest" });
    expect(platform.jwksFetchCount).toBe(cachedFetches);
    await platform.rotateKeys();
    const { applied } = await launch({ user: instructor, messageType: "LtiDeepLinkingRequest" });
    expect(applied.role).toBe("instructor");
    expect(platform.jwksFetchCount).toBe(cachedFetches + 1);
  });

  it("creates the course on the first instructor launch and deep-links an assignment with its points", async () => {
    const { launch: validated, applied } = await launch({ user: instructor, messageType: "LtiDeepLinkingRequest" });
    const course = await database.db.course.findUniqueOrThrow({ where: { id: applied.courseId } });
    expect(course.title).toBe("Deep Learning 101");
    const user = await database.db.user.findUniqueOrThrow({ where: { id: applied.userId }, include: { accounts: true } });
    expect(user.accounts).toHaveLength(0);
    const exercise = await database.db.exercise.findUniqueOrThrow({ where: { slug: "convolution" } });
    const assignment = await database.db.assignment.create({
      data: { courseId: applied.courseId, title: "Convolution HW", opensAt: new Date(Date.now() - 86400_000), dueAt: new Date(Date.now() + 7 * 86400_000), exercises: { create: [{ exerciseId: exercise.id, points: 10 }] } },
    });
    assignmentId = assignment.id;
    const request = await readDeepLinkRequestToken(database.db, await createDeepLinkRequestToken(database.db, validated, applied));
    const jwt = await buildDeepLinkingResponse(database.db, request, assignment.id);
    const response = await fetch(request.returnUrl, { method: "POST", body: new URLSearchParams({ JWT: jwt }) });
    const html = await response.text();
    expect(response.status, html).toBe(200);
    resourceLinkId = /data-id="([^"]+)"/.exec(html)![1]!;
    const link = platform.resourceLinks.get(resourceLinkId)!;
    expect(link.custom).toEqual({ convlab_assignment_id: assignment.id });
    expect(platform.lineItems.get(link.lineItemId!)?.scoreMaximum).toBe(10);
  });

  it("signs a student in on the linked assignment; institution roles do not make them staff", async () => {
    const { applied } = await launch({ user: student, messageType: "LtiResourceLinkRequest", resourceLinkId });
    expect(applied).toMatchObject({ role: "student", assignmentId });
    const stored = await database.db.ltiResourceLink.findFirstOrThrow({ where: { resourceLinkId } });
    expect(stored.lineItemUrl).toContain(platform.resourceLinks.get(resourceLinkId)!.lineItemId!);
  });

  it("makes Canvas's Instructor + TeachingAssistant a TA", async () => {
    const { applied } = await launch({ user: ta, messageType: "LtiResourceLinkRequest", resourceLinkId });
    expect(applied.role).toBe("ta");
    expect((await database.db.enrollment.findFirstOrThrow({ where: { userId: applied.userId } })).role).toBe("ta");
  });

  it("posts a changed score once, and retries a platform that fails the first two posts", async () => {
    const studentUser = await database.db.ltiUser.findFirstOrThrow({ where: { sub: student.sub } });
    const exercise = await database.db.exercise.findUniqueOrThrow({ where: { slug: "convolution" } });
    const course = await database.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    await database.db.$transaction(async (tx) => {
      await tx.submission.create({ data: { userId: studentUser.userId, exerciseId: exercise.id, assignmentId, courseId: course.courseId, code: "x", seed: 1, mode: "submit", status: "failed", score: 3, maxScore: 4, finishedAt: new Date() } });
      await recomputeProgress(tx, { userId: studentUser.userId, exerciseId: exercise.id, courseId: course.courseId, maxScore: 4 });
    });
    platform.failNextScorePosts = 2;
    let now = new Date();
    expect(await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now })).toBe(1);
    let sync = await database.db.ltiScoreSync.findFirstOrThrow({ where: { userId: studentUser.userId } });
    expect(sync).toMatchObject({ status: "pending", attempts: 1 });
    expect(sync.lastError).toContain("503");
    expect(await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now })).toBe(0); // backing off
    now = new Date(now.getTime() + backoffMs(1) + 1);
    await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now });
    now = new Date(now.getTime() + backoffMs(2) + 1);
    await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now });
    sync = await database.db.ltiScoreSync.findFirstOrThrow({ where: { userId: studentUser.userId } });
    expect(sync).toMatchObject({ status: "sent", attempts: 3, sentScore: 7.5 });
    expect(platform.scorePostCount).toBe(3);
    expect(platform.gradeOf(resourceLinkId, student.sub)).toMatchObject({ userId: student.sub, scoreGiven: 7.5, scoreMaximum: 10, activityProgress: "Completed", gradingProgress: "FullyGraded" });

    // the same score again (a regrade that changes nothing) posts nothing
    await database.db.$transaction((tx) => recomputeProgress(tx, { userId: studentUser.userId, exerciseId: exercise.id, courseId: course.courseId, maxScore: 4 }));
    expect(await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now: new Date(now.getTime() + 1) })).toBe(0);
    expect(platform.scorePostCount).toBe(3);

    // an instructor's resend posts it again; one line item per resource link throughout
    expect(await resendScores(database.db, { ltiResourceLinkId: sync.ltiResourceLinkId })).toBe(1);
    await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now: new Date(now.getTime() + 2) });
    expect(platform.scorePostCount).toBe(4);
    expect([...platform.lineItems.values()].filter((item) => item.resourceLinkId === resourceLinkId)).toHaveLength(1);
  });

  it("posts a score an instructor sets by hand, as the matrix and the exports show it", async () => {
    const postsBefore = platform.scorePostCount;
    await overrideStudentScore(9, "Partial credit for the write-up.");
    expect(await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now: new Date(Date.now() + 60 * 60_000) })).toBe(1);
    expect(platform.scorePostCount).toBe(postsBefore + 1);
    expect(platform.gradeOf(resourceLinkId, student.sub)).toMatchObject({ scoreGiven: 9, scoreMaximum: 10, gradingProgress: "FullyGraded" });
  });

  it("waits as long as an LMS's 429 Retry-After asks before posting again", async () => {
    const postsBefore = platform.scorePostCount;
    await overrideStudentScore(8.5, "Throttled.");
    platform.throttleNextScorePost = 120;
    // after the clock of the test before, whose score the LMS holds
    const base = new Date(Date.now() + 61 * 60_000);
    expect(await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now: base })).toBe(1);
    const sync = await database.db.ltiScoreSync.findFirstOrThrow({ where: { user: { ltiUsers: { some: { sub: student.sub } } }, resourceLink: { resourceLinkId } } });
    expect(sync).toMatchObject({ status: "pending", attempts: 1 });
    expect(sync.lastError).toContain("HTTP 429");
    expect(sync.nextAttemptAt.getTime()).toBe(base.getTime() + 120_000);
    expect(await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now: new Date(base.getTime() + 60_000) })).toBe(0);
    expect(await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now: new Date(base.getTime() + 120_000) })).toBe(1);
    expect(platform.scorePostCount).toBe(postsBefore + 2);
    expect(platform.gradeOf(resourceLinkId, student.sub)).toMatchObject({ scoreGiven: 8.5, scoreMaximum: 10 });
  });

  it("shows a 4xx that will never succeed to the instructor as failed, with the LMS's answer", async () => {
    const studentUser = await database.db.ltiUser.findFirstOrThrow({ where: { sub: student.sub } });
    const sync = await database.db.ltiScoreSync.findFirstOrThrow({ where: { userId: studentUser.userId } });
    await database.db.ltiResourceLink.update({ where: { id: sync.ltiResourceLinkId }, data: { lineItemUrl: `${platform.url}/contexts/${platform.contextId}/lineitems/deleted-item` } });
    await resendScores(database.db, { ltiResourceLinkId: sync.ltiResourceLinkId, userId: studentUser.userId });
    await processDueScoreSyncs(database.db, { ownerToken: TOKEN, now: new Date(Date.now() + 10 * 60_000) });
    const failed = await database.db.ltiScoreSync.findUniqueOrThrow({ where: { id: sync.id } });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toContain("404");
    expect(failed.lastError).toContain("no such line item");
  });

  it("posts through the job queue: a platform that fails twice then recovers, one line item, unchanged scores not resent", async () => {
    // The real queue of this provider: the in-process grading queue on SQLite, a pg-boss worker on PostgreSQL.
    const config = readGradingConfig({ ...process.env, DATABASE_URL: database.url, CONVLAB_GRADE_IN_PROCESS: "true", RUNNER_POOL_SIZE: "1", CONVLAB_GRADING_POLL_MS: "100", CONVLAB_MAINTENANCE_SECONDS: "1" });
    const grader = await startGrader(config, { role: "web", db: database.db });
    try {
      const studentUser = await database.db.ltiUser.findFirstOrThrow({ where: { sub: student.sub } });
      // Forget the stored line item: it must be found again by resourceLinkId, not created twice.
      await database.db.ltiResourceLink.updateMany({ where: { resourceLinkId }, data: { lineItemUrl: null } });
      // The tests before posted under clocks set ahead, and an LMS refuses a score older than the one it holds (AGS §3.4.7).
      for (const item of platform.lineItems.values()) item.scores.delete(student.sub);
      const postsBefore = platform.scorePostCount;
      platform.failNextScorePosts = 2;
      const setScore = async (score: number) => {
        await overrideStudentScore(score, "Queue test.");
        await grader.notifyScoreSyncs();
      };
      await setScore(4);
      // 503, 503 (backing off 1 s, then 2 s), then accepted: no one pressed a button.
      await waitFor("the score in the LMS gradebook", async () => platform.gradeOf(resourceLinkId, student.sub)?.scoreGiven === 4, 20_000);
      const sync = await database.db.ltiScoreSync.findFirstOrThrow({ where: { userId: studentUser.userId, resourceLink: { resourceLinkId } } });
      expect(sync).toMatchObject({ status: "sent", attempts: 3, sentScore: 4, lastError: null });
      expect(sync.ownerToken).toBeTruthy();
      expect(platform.scorePostCount).toBe(postsBefore + 3);
      expect([...platform.lineItems.values()].filter((item) => item.resourceLinkId === resourceLinkId)).toHaveLength(1);

      // The same score again queues nothing and posts nothing.
      await setScore(4);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(platform.scorePostCount).toBe(postsBefore + 3);
      expect(await database.db.ltiScoreSync.findUniqueOrThrow({ where: { id: sync.id } })).toMatchObject({ status: "sent", attempts: 3 });

      // A changed score goes out once more.
      await setScore(8);
      await waitFor("the changed score", async () => platform.gradeOf(resourceLinkId, student.sub)?.scoreGiven === 8, 10_000);
      expect(platform.scorePostCount).toBe(postsBefore + 4);
    } finally {
      await grader.stop();
    }
  });

  it.runIf(provider === "postgresql")("re-sends the pg-boss job of a row whose poster died, once however often the reconciler sends it", async () => {
    const boss = await startGradingBoss({ url: database.url, role: "worker", maintenanceSeconds: 1 });
    try {
      const studentUser = await database.db.ltiUser.findFirstOrThrow({ where: { sub: student.sub } });
      const sync = await database.db.ltiScoreSync.findFirstOrThrow({ where: { userId: studentUser.userId, resourceLink: { resourceLinkId } } });
      // A delivery claimed the row (its lease ended a moment ago) and died mid-post: no job is left for it.
      await database.db.ltiScoreSync.update({ where: { id: sync.id }, data: { status: "pending", scoreGiven: 7, ownerToken: "lti:dead-delivery@gone", nextAttemptAt: new Date(Date.now() - 1000) } });
      // What a grading announces is fresh scores only; the reconciler sends every pending row, idempotently.
      expect(await enqueueScoreSyncs(boss, database.db)).toBe(0);
      expect(await enqueueScoreSyncs(boss, database.db, { all: true })).toBe(1);
      expect(await enqueueScoreSyncs(boss, database.db, { all: true })).toBe(1);
      const jobs = await boss.fetch(LTI_SCORE_QUEUE, { batchSize: 10 });
      expect(jobs).toHaveLength(1);
      expect(await deliverScoreSyncJob(boss, database.db, { data: jobs[0]!.data, ownerToken: "lti:next-delivery@here" })).toBe("sent");
      expect(platform.gradeOf(resourceLinkId, student.sub)).toMatchObject({ scoreGiven: 7, scoreMaximum: 10 });
      // A second delivery of the same job (pg-boss retries an expired one) finds nothing to claim.
      expect(await deliverScoreSyncJob(boss, database.db, { data: jobs[0]!.data, ownerToken: "lti:late-delivery@here" })).toBe("not-claimed");
      await boss.complete(LTI_SCORE_QUEUE, jobs[0]!.id);
    } finally {
      await boss.stop({ graceful: false });
    }
  });

  it("syncs the roster through NRPS: members enrolled with their roles, leavers marked removed, never deleted", async () => {
    const context = await database.db.ltiContext.findFirstOrThrow({ where: { contextId: platform.contextId } });
    platform.members.push({ sub: "stu-2", name: "Dee New", roles: [ROLE.learner] });
    let result = await syncRoster(database.db, context.id);
    expect(result.removed).toBe(0);
    const newcomer = await database.db.ltiUser.findFirstOrThrow({ where: { sub: "stu-2" } });
    expect((await database.db.enrollment.findFirstOrThrow({ where: { userId: newcomer.userId, courseId: context.courseId } })).role).toBe("student");
    platform.members = platform.members.map((m) => (m.sub === "stu-2" ? { ...m, status: "Inactive" } : m));
    result = await syncRoster(database.db, context.id);
    expect(result.removed).toBe(1);
    const left = await database.db.enrollment.findFirstOrThrow({ where: { userId: newcomer.userId, courseId: context.courseId } });
    expect(left.removedAt).not.toBeNull();
  });

  it("syncs the roster on the instructor's request: paged NRPS, a clear result, the LMS's refusal shown, staff only", async () => {
    const context = await database.db.ltiContext.findFirstOrThrow({ where: { contextId: platform.contextId } });
    const ltiInstructor = await database.db.ltiUser.findFirstOrThrow({ where: { sub: instructor.sub }, include: { user: true } });
    const actor = { id: ltiInstructor.userId, email: ltiInstructor.user.email, name: ltiInstructor.user.name, role: "instructor" as const };
    const courseId = context.courseId;
    platform.members.push({ sub: "stu-3", name: "Eve Paged", roles: [ROLE.learner] }, { sub: "stu-4", name: "Fay Paged", roles: [ROLE.learner] });
    platform.membersPageSize = 2;
    const requestsBefore = platform.membershipRequests;
    const result = await syncCourseRoster(database.db, { user: actor, courseId });
    const activeMembers = platform.members.filter((m) => (m.status ?? "Active") === "Active");
    expect(result).toEqual({ active: activeMembers.length, removed: 0 });
    expect(platform.membershipRequests - requestsBefore).toBe(Math.ceil(platform.members.length / 2));
    const paged = await database.db.ltiUser.findFirstOrThrow({ where: { sub: "stu-4" } });
    expect(await database.db.enrollment.findFirstOrThrow({ where: { userId: paged.userId, courseId } })).toMatchObject({ role: "student", removedAt: null });
    platform.membersPageSize = null;

    // A student may not (the page does not exist for them); the LMS's refusal is shown with its answer and changes nobody.
    const studentUser = await database.db.ltiUser.findFirstOrThrow({ where: { sub: student.sub }, include: { user: true } });
    await expect(syncCourseRoster(database.db, { user: { id: studentUser.userId, email: studentUser.user.email, name: studentUser.user.name, role: "student" }, courseId })).rejects.toMatchObject({ code: "not_found" });
    platform.members = platform.members.filter((m) => m.sub !== "stu-4");
    platform.membershipsFailure = 403;
    const enrollmentsBefore = await database.db.enrollment.findMany({ where: { courseId }, orderBy: { id: "asc" } });
    const refused = await syncCourseRoster(database.db, { user: actor, courseId }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "unavailable", key: "ltiRosterLmsFailed" });
    expect((refused as Error).message).toContain("HTTP 403");
    expect((refused as Error).message).toContain("not enabled for this tool");
    expect(await database.db.enrollment.findMany({ where: { courseId }, orderBy: { id: "asc" } })).toEqual(enrollmentsBefore);
    platform.membershipsFailure = null;

    // A launch that offered no NRPS endpoint: the instructor is told to ask the LMS admin.
    await database.db.ltiContext.update({ where: { id: context.id }, data: { membershipsUrl: null } });
    await expect(syncCourseRoster(database.db, { user: actor, courseId })).rejects.toMatchObject({ code: "bad_request", key: "ltiRosterNoService" });
    await database.db.ltiContext.update({ where: { id: context.id }, data: { membershipsUrl: context.membershipsUrl } });
    expect((await syncCourseRoster(database.db, { user: actor, courseId })).removed).toBe(1);
  });

  it("links the LMS course to another course the instructor teaches; an empty auto-created course goes", async () => {
    const context = await database.db.ltiContext.findFirstOrThrow({ where: { contextId: platform.contextId } });
    const ltiInstructor = await database.db.ltiUser.findFirstOrThrow({ where: { sub: instructor.sub }, include: { user: true } });
    const actor = { id: ltiInstructor.userId, email: ltiInstructor.user.email, name: ltiInstructor.user.name, role: "instructor" as const };
    const mine = await database.db.course.create({ data: { title: "My existing course", code: `X${randomUUID().slice(0, 8).toUpperCase()}`, enrollments: { create: { userId: actor.id, role: "instructor" } } } });
    const empty = await database.db.course.create({ data: { title: "Empty", code: `E${randomUUID().slice(0, 8).toUpperCase()}`, enrollments: { create: { userId: actor.id, role: "instructor" } } } });
    const studentUser = await database.db.ltiUser.findFirstOrThrow({ where: { sub: student.sub }, include: { user: true } });
    await expect(relinkContext(database.db, { user: { id: studentUser.userId, email: studentUser.user.email, name: studentUser.user.name, role: "student" }, ltiContextId: context.id, courseId: mine.id })).rejects.toMatchObject({ code: "forbidden" });

    await relinkContext(database.db, { user: actor, ltiContextId: context.id, courseId: empty.id });
    // the first course has assignments and submissions: kept
    expect(await database.db.course.findUnique({ where: { id: context.courseId } })).not.toBeNull();
    await relinkContext(database.db, { user: actor, ltiContextId: context.id, courseId: mine.id });
    expect((await database.db.ltiContext.findUniqueOrThrow({ where: { id: context.id } })).courseId).toBe(mine.id);
    expect(await database.db.course.findUnique({ where: { id: empty.id } })).toBeNull();
    await relinkContext(database.db, { user: actor, ltiContextId: context.id, courseId: context.courseId });
  });

  it("keeps a rotated tool key in the JWKS while its tokens may live", async () => {
    const before = (await listPublicJwks(database.db)).keys.map((k) => k.kid);
    const newKid = await rotateToolKey(database.db);
    const after = (await listPublicJwks(database.db)).keys.map((k) => k.kid);
    expect(after).toContain(newKid);
    for (const kid of before) expect(after).toContain(kid);
    const later = (await listPublicJwks(database.db, new Date(Date.now() + 11 * 60_000))).keys.map((k) => k.kid);
    expect(later).toEqual([newKid]);
  });
});
});
