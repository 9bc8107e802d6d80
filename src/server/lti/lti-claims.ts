// The id_token claims ConvLab reads, as LTI Core 1.3, Deep Linking 2.0, AGS 2.0 and NRPS 2.0 name
// them. Validated with zod after the signature check, so a missing claim is a clear refusal.
import { z } from "zod";

export const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
export const AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
export const NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

export const AGS_SCOPES = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  resultReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
} as const;
export const NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

/** The custom parameter a deep link sets and a launch reads back. */
export const ASSIGNMENT_CUSTOM_PARAM = "convlab_assignment_id";

const ZCommon = z.object({
  iss: z.string(),
  sub: z.string().min(1).max(255),
  nonce: z.string().min(1),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email: z.string().optional(),
  [`${LTI}version`]: z.string(),
  [`${LTI}deployment_id`]: z.string().min(1),
  [`${LTI}roles`]: z.array(z.string()),
  [`${LTI}context`]: z.object({ id: z.string().min(1), title: z.string().optional(), label: z.string().optional() }),
  [`${LTI}custom`]: z.record(z.string(), z.unknown()).optional(),
  [AGS_CLAIM]: z.object({ scope: z.array(z.string()).default([]), lineitems: z.string().url().optional(), lineitem: z.string().url().optional() }).optional(),
  [NRPS_CLAIM]: z.object({ context_memberships_url: z.string().url() }).optional(),
});

export const ZResourceLinkClaims = ZCommon.extend({
  [`${LTI}message_type`]: z.literal("LtiResourceLinkRequest"),
  [`${LTI}target_link_uri`]: z.string().url(),
  [`${LTI}resource_link`]: z.object({ id: z.string().min(1), title: z.string().optional() }),
});

export const ZDeepLinkingClaims = ZCommon.extend({
  [`${LTI}message_type`]: z.literal("LtiDeepLinkingRequest"),
  [`${DL}deep_linking_settings`]: z.object({
    deep_link_return_url: z.string().url(),
    accept_types: z.array(z.string()),
    data: z.string().optional(),
  }),
});

export type TResourceLinkClaims = z.infer<typeof ZResourceLinkClaims>;
export type TDeepLinkingClaims = z.infer<typeof ZDeepLinkingClaims>;
export type TLaunchClaims = TResourceLinkClaims | TDeepLinkingClaims;
