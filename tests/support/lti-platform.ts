// A stand-in LMS for the LTI tests, written from the IMS specs (LTI Core 1.3, Security Framework
// 1.0, AGS 2.0, NRPS 2.0, Deep Linking 2.0) with jose and node:http: the OIDC authorization
// endpoint and the platform's JWKS, a token endpoint that verifies the tool's private_key_jwt
// assertion (aud must be the token URL, as Canvas requires), AGS line items and scores, NRPS
// memberships, the deep-linking return, and a course page that frames the tool. It is not an
// LMS: it keeps its state in memory and knows only what these tests need.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK, type JWTPayload } from "jose";

export const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
export const ROLE = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  taSubRole: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
  institutionInstructor: "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
};

export interface TPlatformUser {
  sub: string;
  name: string;
  email?: string;
  roles: string[];
  status?: "Active" | "Inactive" | "Deleted";
}

export interface TLaunchSpec {
  user: TPlatformUser;
  messageType: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  /** for resource-link launches */
  resourceLinkId?: string;
}

export interface TResourceLink {
  id: string;
  title: string;
  custom: Record<string, string>;
  lineItemId: string | null;
}

export interface TLineItem {
  id: string;
  scoreMaximum: number;
  label: string;
  resourceLinkId?: string;
  resourceId?: string;
  scores: Map<string, Record<string, unknown>>;
}

export interface TPlatformOptions {
  /** the tool's JWKS: a URL the platform fetches, or a function (integration tests without a server) */
  toolJwks: string | (() => Promise<JSONWebKeySet>);
  /** the tool's redirect URI: the only one the authorization endpoint accepts */
  toolLaunchUrl: string;
  toolLoginUrl: string;
  clientId?: string;
  deploymentId?: string;
  contextId?: string;
  /** host to bind; the e2e test uses 127.0.0.1 so the platform is another site than localhost */
  host?: string;
}

export class LtiPlatform {
  readonly clientId: string;
  readonly deploymentId: string;
  readonly contextId: string;
  readonly resourceLinks = new Map<string, TResourceLink>();
  readonly lineItems = new Map<string, TLineItem>();
  members: TPlatformUser[] = [];
  /** how many of the next score posts answer 503 (a platform having a bad minute) */
  failNextScorePosts = 0;
  /** the next score post answers 429 Too Many Requests with this Retry-After (seconds), once */
  throttleNextScorePost: number | null = null;
  /** the status the memberships endpoint answers instead of the roster (e.g. 403: NRPS not enabled for the tool), or null */
  membershipsFailure: number | null = null;
  /** NRPS §2.4.2: members per page, linked by `Link: <…>; rel="next"`; null sends all at once */
  membersPageSize: number | null = null;
  membershipRequests = 0;
  jwksReachable = true;
  scorePostCount = 0;
  jwksFetchCount = 0;
  tokenRequests = 0;
  private keys: { kid: string; privateKey: CryptoKey; publicJwk: JWK }[] = [];
  private readonly hints = new Map<string, TLaunchSpec>();
  private readonly tokens = new Map<string, { scopes: string[]; expiresAt: number }>();
  private readonly usedJtis = new Set<string>();
  private server: Server | null = null;
  url = "";

  constructor(private readonly options: TPlatformOptions) {
    this.clientId = options.clientId ?? `client-${randomUUID().slice(0, 8)}`;
    this.deploymentId = options.deploymentId ?? "deployment-1";
    this.contextId = options.contextId ?? "course-101";
  }

  get issuer(): string {
    return this.url;
  }
  get authLoginUrl(): string {
    return `${this.url}/auth`;
  }
  get authTokenUrl(): string {
    return `${this.url}/token`;
  }
  get jwksUrl(): string {
    return `${this.url}/jwks`;
  }
  get currentKid(): string {
    return this.keys.at(-1)!.kid;
  }

  async start(): Promise<this> {
    await this.rotateKeys();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, this.options.host ?? "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://${this.options.host ?? "127.0.0.1"}:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A new signing key; the old one stays in the JWKS (as platforms do while rotating). */
  async rotateKeys(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const kid = `platform-key-${this.keys.length + 1}-${randomUUID().slice(0, 6)}`;
    this.keys.push({ kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } });
    return kid;
  }

  /** A launch the course page or a test can start: returns the lti_message_hint naming it. */
  prepareLaunch(spec: TLaunchSpec): string {
    const hint = randomUUID();
    this.hints.set(hint, spec);
    if (!this.members.some((m) => m.sub === spec.user.sub)) this.members.push(spec.user);
    return hint;
  }

  /** The tool's login initiation URL for a prepared launch (third-party initiated login, GET form). */
  loginInitiationUrl(hint: string): string {
    const url = new URL(this.options.toolLoginUrl);
    const spec = this.hints.get(hint)!;
    url.searchParams.set("iss", this.issuer);
    url.searchParams.set("login_hint", spec.user.sub);
    url.searchParams.set("target_link_uri", this.options.toolLaunchUrl);
    url.searchParams.set("lti_message_hint", hint);
    url.searchParams.set("client_id", this.clientId);
    url.searchParams.set("lti_deployment_id", this.deploymentId);
    return url.toString();
  }

  /** The id_token claims the platform sends for a launch (LTI Core §5.3, Deep Linking §4.4). */
  launchClaims(spec: TLaunchSpec, nonce: string): JWTPayload {
    const common: JWTPayload = {
      iss: this.issuer,
      aud: this.clientId,
      sub: spec.user.sub,
      nonce,
      name: spec.user.name,
      ...(spec.user.email ? { email: spec.user.email } : {}),
      [`${LTI}deployment_id`]: this.deploymentId,
      [`${LTI}version`]: "1.3.0",
      [`${LTI}message_type`]: spec.messageType,
      [`${LTI}roles`]: spec.user.roles,
      [`${LTI}context`]: { id: this.contextId, label: "DL101", title: "Deep Learning 101", type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"] },
      [`${LTI}target_link_uri`]: this.options.toolLaunchUrl,
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": { context_memberships_url: `${this.url}/contexts/${this.contextId}/memberships`, service_versions: ["2.0"] },
    };
    const ags = {
      scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score", "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"],
      lineitems: `${this.url}/contexts/${this.contextId}/lineitems`,
    };
    if (spec.messageType === "LtiDeepLinkingRequest") {
      return {
        ...common,
        "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": ags,
        [`${DL}deep_linking_settings`]: { deep_link_return_url: `${this.url}/deep-link-return`, accept_types: ["ltiResourceLink"], accept_presentation_document_targets: ["iframe", "window"], accept_multiple: false, data: `dl-${randomUUID()}` },
      };
    }
    const link = this.resourceLinks.get(spec.resourceLinkId!);
    return {
      ...common,
      [`${LTI}resource_link`]: { id: spec.resourceLinkId, title: link?.title ?? "Link" },
      [`${LTI}custom`]: link?.custom ?? {},
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": { ...ags, ...(link?.lineItemId ? { lineitem: `${this.url}/contexts/${this.contextId}/lineitems/${link.lineItemId}` } : {}) },
    };
  }

  /** Signs claims as this platform would (RS256, current kid, 5 minutes); tests override parts. */
  async signIdToken(claims: JWTPayload, options: { kid?: string; iat?: number; exp?: number } = {}): Promise<string> {
    const key = options.kid ? this.keys.find((k) => k.kid === options.kid)! : this.keys.at(-1)!;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
      .setIssuedAt(options.iat ?? now)
      .setExpirationTime(options.exp ?? now + 300)
      .sign(key.privateKey);
  }

  /** Adds a resource link by hand (as an LMS admin would with a custom parameter). */
  addResourceLink(link: Omit<TResourceLink, "lineItemId"> & { lineItemId?: string | null }): void {
    this.resourceLinks.set(link.id, { ...link, lineItemId: link.lineItemId ?? null });
  }

  /** The gradebook: the score given to `sub` on the line item of a resource link. */
  gradeOf(resourceLinkId: string, sub: string): Record<string, unknown> | undefined {
    return [...this.lineItems.values()].find((item) => item.resourceLinkId === resourceLinkId)?.scores.get(sub);
  }

  private async toolKeySet() {
    const source = this.options.toolJwks;
    const jwks = typeof source === "string" ? ((await (await fetch(source)).json()) as JSONWebKeySet) : await source();
    return createLocalJWKSet(jwks);
  }

  private requireToken(req: IncomingMessage, scope: string): boolean {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const grant = token ? this.tokens.get(token) : undefined;
    return !!grant && grant.expiresAt > Date.now() && grant.scopes.includes(scope);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, this.url);
    const path = url.pathname;
    const context = `/contexts/${this.contextId}`;
    if (req.method === "GET" && path === "/jwks") {
      this.jwksFetchCount += 1;
      if (!this.jwksReachable) return send(res, 503, { error: "down" });
      return send(res, 200, { keys: this.keys.map((k) => k.publicJwk) });
    }
    if (req.method === "GET" && path === "/auth") return this.authorize(url, res);
    if (req.method === "POST" && path === "/token") return this.issueToken(await readForm(req), res);
    if (req.method === "GET" && path === "/course") return this.coursePage(url, res);
    if (req.method === "GET" && path === "/gradebook") return this.gradebookPage(res);
    if (req.method === "POST" && path === "/deep-link-return") return this.deepLinkReturn(await readForm(req), res);
    if (req.method === "GET" && path === `${context}/memberships`) {
      if (!this.requireToken(req, "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly")) return send(res, 401, { error: "unauthorized" });
      this.membershipRequests += 1;
      if (this.membershipsFailure !== null) return send(res, this.membershipsFailure, { error: "the Names and Role Provisioning Service is not enabled for this tool" });
      const all = this.members.map((m) => ({ user_id: m.sub, name: m.name, email: m.email, roles: m.roles, status: m.status ?? "Active" }));
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const size = this.membersPageSize ?? all.length;
      const members = all.slice(offset, offset + size);
      const headers: Record<string, string> = {};
      if (offset + size < all.length) {
        const next = new URL(url);
        next.searchParams.set("offset", String(offset + size));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      return send(res, 200, { id: url.toString(), context: { id: this.contextId }, members }, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", headers);
    }
    if (path === `${context}/lineitems`) {
      if (!this.requireToken(req, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem")) return send(res, 401, { error: "unauthorized" });
      if (req.method === "GET") {
        const wanted = url.searchParams.get("resource_link_id");
        const items = [...this.lineItems.values()].filter((item) => !wanted || item.resourceLinkId === wanted);
        return send(res, 200, items.map((item) => this.lineItemJson(item)), "application/vnd.ims.lis.v2.lineitemcontainer+json");
      }
      if (req.method === "POST") {
        const body = JSON.parse(await readBody(req)) as Partial<TLineItem>;
        if (typeof body.scoreMaximum !== "number" || body.scoreMaximum <= 0 || !body.label) return send(res, 400, { error: "scoreMaximum and label are required" });
        const item = this.createLineItem({ scoreMaximum: body.scoreMaximum, label: body.label, resourceLinkId: body.resourceLinkId, resourceId: body.resourceId });
        return send(res, 201, this.lineItemJson(item), "application/vnd.ims.lis.v2.lineitem+json");
      }
    }
    const scoreMatch = new RegExp(`^${context}/lineitems/([^/]+)/scores$`).exec(path);
    if (req.method === "POST" && scoreMatch) return this.postScore(req, res, scoreMatch[1]!);
    send(res, 404, { error: `no route ${req.method} ${path}` });
  }

  private createLineItem(fields: Omit<TLineItem, "id" | "scores">): TLineItem {
    const item: TLineItem = { id: randomUUID(), scores: new Map(), ...fields };
    this.lineItems.set(item.id, item);
    return item;
  }

  private lineItemJson(item: TLineItem) {
    return { id: `${this.url}/contexts/${this.contextId}/lineitems/${item.id}`, scoreMaximum: item.scoreMaximum, label: item.label, resourceLinkId: item.resourceLinkId, resourceId: item.resourceId };
  }

  /** OIDC authorization endpoint (Security Framework §5.1.1.2): answers with a form post to the tool. */
  private async authorize(url: URL, res: ServerResponse): Promise<void> {
    const p = (name: string) => url.searchParams.get(name);
    const problems = [
      p("scope") !== "openid" && "scope",
      p("response_type") !== "id_token" && "response_type",
      p("response_mode") !== "form_post" && "response_mode",
      p("prompt") !== "none" && "prompt",
      p("client_id") !== this.clientId && "client_id",
      p("redirect_uri") !== this.options.toolLaunchUrl && "redirect_uri",
      !p("nonce") && "nonce",
      !p("state") && "state",
    ].filter(Boolean);
    const spec = this.hints.get(p("lti_message_hint") ?? "");
    if (!spec || spec.user.sub !== p("login_hint")) problems.push("login_hint");
    if (problems.length > 0) return send(res, 400, { error: "invalid_request", fields: problems });
    const idToken = await this.signIdToken(this.launchClaims(spec!, p("nonce")!));
    sendHtml(res, autoPost(this.options.toolLaunchUrl, { id_token: idToken, state: p("state")! }));
  }

  /** Token endpoint (Security Framework §4.1.1): client_credentials with a JWT client assertion. */
  private async issueToken(form: URLSearchParams, res: ServerResponse): Promise<void> {
    this.tokenRequests += 1;
    if (form.get("grant_type") !== "client_credentials") return send(res, 400, { error: "unsupported_grant_type" });
    if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return send(res, 400, { error: "invalid_client" });
    try {
      const { payload } = await jwtVerify(form.get("client_assertion") ?? "", await this.toolKeySet(), { algorithms: ["RS256"], audience: this.authTokenUrl, issuer: this.clientId, subject: this.clientId, requiredClaims: ["jti", "exp", "iat"] });
      if (this.usedJtis.has(payload.jti!)) return send(res, 400, { error: "invalid_client", error_description: "jti replayed" });
      this.usedJtis.add(payload.jti!);
    } catch (error) {
      return send(res, 401, { error: "invalid_client", error_description: String(error) });
    }
    const token = randomUUID();
    this.tokens.set(token, { scopes: (form.get("scope") ?? "").split(" "), expiresAt: Date.now() + 3600_000 });
    send(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") });
  }

  private async postScore(req: IncomingMessage, res: ServerResponse, lineItemId: string): Promise<void> {
    if (!this.requireToken(req, "https://purl.imsglobal.org/spec/lti-ags/scope/score")) return send(res, 401, { error: "unauthorized" });
    if (req.headers["content-type"] !== "application/vnd.ims.lis.v1.score+json") return send(res, 415, { error: "content type must be application/vnd.ims.lis.v1.score+json" });
    const item = this.lineItems.get(lineItemId);
    if (!item) return send(res, 404, { error: "no such line item" });
    const score = JSON.parse(await readBody(req)) as Record<string, unknown>;
    this.scorePostCount += 1;
    if (this.throttleNextScorePost !== null) {
      const retryAfter = String(this.throttleNextScorePost);
      this.throttleNextScorePost = null;
      return send(res, 429, { error: "rate limited" }, "application/json", { "retry-after": retryAfter });
    }
    if (this.failNextScorePosts > 0) {
      this.failNextScorePosts -= 1;
      return send(res, 503, { error: "temporarily unavailable" });
    }
    const required = ["userId", "activityProgress", "gradingProgress", "timestamp"];
    const missing = required.filter((field) => score[field] === undefined);
    if (missing.length > 0) return send(res, 400, { error: `missing ${missing.join(", ")}` });
    if (score.scoreGiven !== undefined && typeof score.scoreMaximum !== "number") return send(res, 400, { error: "scoreMaximum is required with scoreGiven" });
    const previous = item.scores.get(score.userId as string);
    // AGS §3.4.7: a score older than the one held is refused.
    if (previous && Date.parse(previous.timestamp as string) > Date.parse(score.timestamp as string)) return send(res, 409, { error: "timestamp older than the current score" });
    item.scores.set(score.userId as string, score);
    send(res, 204, null);
  }

  /** Deep Linking §4.2: the tool's signed LtiDeepLinkingResponse comes back as a form post. */
  private async deepLinkReturn(form: URLSearchParams, res: ServerResponse): Promise<void> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(form.get("JWT") ?? "", await this.toolKeySet(), { algorithms: ["RS256"], audience: this.issuer, issuer: this.clientId }));
    } catch (error) {
      return sendHtml(res, `<p id="dl-error">${escape(String(error))}</p>`, 400);
    }
    if (payload[`${LTI}message_type`] !== "LtiDeepLinkingResponse" || payload[`${LTI}version`] !== "1.3.0" || payload[`${LTI}deployment_id`] !== this.deploymentId) {
      return sendHtml(res, `<p id="dl-error">bad deep-linking response claims</p>`, 400);
    }
    const items = (payload[`${DL}content_items`] ?? []) as { type: string; title?: string; custom?: Record<string, string>; lineItem?: { scoreMaximum: number; label?: string; resourceId?: string } }[];
    const created: string[] = [];
    for (const item of items.filter((i) => i.type === "ltiResourceLink")) {
      const id = `link-${randomUUID().slice(0, 8)}`;
      // Like Canvas and Moodle: a lineItem in the content item makes the platform create the column.
      const lineItem = item.lineItem ? this.createLineItem({ scoreMaximum: item.lineItem.scoreMaximum, label: item.lineItem.label ?? item.title ?? id, resourceLinkId: id, resourceId: item.lineItem.resourceId }) : null;
      this.resourceLinks.set(id, { id, title: item.title ?? id, custom: item.custom ?? {}, lineItemId: lineItem?.id ?? null });
      created.push(id);
    }
    sendHtml(res, `<h1>Content added</h1><ul>${created.map((id) => `<li class="dl-link" data-id="${id}">${escape(this.resourceLinks.get(id)!.title)}</li>`).join("")}</ul>`);
  }

  /** The LMS course page: the tool framed in an iframe, as Canvas and Moodle show it. */
  private coursePage(url: URL, res: ServerResponse): void {
    const hint = url.searchParams.get("hint") ?? "";
    if (!this.hints.has(hint)) return send(res, 404, { error: "unknown launch" });
    sendHtml(res, `<h1>Deep Learning 101 (LMS)</h1><iframe id="tool" name="tool" title="ConvLab" src="${escape(this.loginInitiationUrl(hint))}" style="width:100%;height:800px" allow="clipboard-write"></iframe>`);
  }

  private gradebookPage(res: ServerResponse): void {
    const rows = [...this.lineItems.values()].flatMap((item) => [...item.scores.values()].map((s) => `<tr data-user="${escape(String(s.userId))}" data-item="${escape(item.label)}"><td>${escape(item.label)}</td><td>${escape(String(s.userId))}</td><td class="score">${escape(String(s.scoreGiven))}/${escape(String(s.scoreMaximum))}</td></tr>`));
    sendHtml(res, `<h1>Gradebook</h1><table id="gradebook">${rows.join("")}</table>`);
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function autoPost(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join("");
  return `<form id="f" method="post" action="${escape(action)}">${inputs}</form><script>document.getElementById("f").submit()</script>`;
}

function send(res: ServerResponse, status: number, body: unknown, contentType = "application/json", headers: Record<string, string> = {}): void {
  res.writeHead(status, body === null ? headers : { ...headers, "content-type": contentType });
  res.end(body === null ? undefined : JSON.stringify(body));
}

function sendHtml(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>LMS</title></head><body>${body}</body></html>`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}
