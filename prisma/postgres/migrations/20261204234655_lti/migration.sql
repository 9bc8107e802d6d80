-- CreateEnum
CREATE TYPE "LtiScoreSyncStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "lti_platform" (
    "id" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "authLoginUrl" TEXT NOT NULL,
    "authTokenUrl" TEXT NOT NULL,
    "jwksUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_deployment" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_tool_key" (
    "id" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateJwk" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "lti_tool_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_nonce" (
    "id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "targetLinkUri" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_nonce_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_launch_ticket" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "redirectTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_launch_ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_context" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "title" TEXT,
    "membershipsUrl" TEXT,
    "lineItemsUrl" TEXT,
    "agsScopes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_context_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_user" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_resource_link" (
    "id" TEXT NOT NULL,
    "ltiContextId" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "lineItemUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_resource_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_score_sync" (
    "id" TEXT NOT NULL,
    "ltiResourceLinkId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scoreGiven" DOUBLE PRECISION NOT NULL,
    "scoreMaximum" DOUBLE PRECISION NOT NULL,
    "sentScore" DOUBLE PRECISION,
    "status" "LtiScoreSyncStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lti_score_sync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lti_platform_issuer_clientId_key" ON "lti_platform"("issuer", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_deployment_platformId_deploymentId_key" ON "lti_deployment"("platformId", "deploymentId");

-- CreateIndex
CREATE INDEX "lti_tool_key_retiredAt_idx" ON "lti_tool_key"("retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "lti_nonce_state_key" ON "lti_nonce"("state");

-- CreateIndex
CREATE UNIQUE INDEX "lti_nonce_nonce_key" ON "lti_nonce"("nonce");

-- CreateIndex
CREATE INDEX "lti_nonce_expiresAt_idx" ON "lti_nonce"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "lti_launch_ticket_tokenHash_key" ON "lti_launch_ticket"("tokenHash");

-- CreateIndex
CREATE INDEX "lti_launch_ticket_userId_idx" ON "lti_launch_ticket"("userId");

-- CreateIndex
CREATE INDEX "lti_context_courseId_idx" ON "lti_context"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_context_platformId_contextId_key" ON "lti_context"("platformId", "contextId");

-- CreateIndex
CREATE INDEX "lti_user_userId_idx" ON "lti_user"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_user_platformId_sub_key" ON "lti_user"("platformId", "sub");

-- CreateIndex
CREATE INDEX "lti_resource_link_assignmentId_idx" ON "lti_resource_link"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_resource_link_ltiContextId_resourceLinkId_key" ON "lti_resource_link"("ltiContextId", "resourceLinkId");

-- CreateIndex
CREATE INDEX "lti_score_sync_status_nextAttemptAt_idx" ON "lti_score_sync"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "lti_score_sync_userId_idx" ON "lti_score_sync"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_score_sync_ltiResourceLinkId_userId_key" ON "lti_score_sync"("ltiResourceLinkId", "userId");

-- AddForeignKey
ALTER TABLE "lti_deployment" ADD CONSTRAINT "lti_deployment_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_nonce" ADD CONSTRAINT "lti_nonce_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_launch_ticket" ADD CONSTRAINT "lti_launch_ticket_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_context" ADD CONSTRAINT "lti_context_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_context" ADD CONSTRAINT "lti_context_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_user" ADD CONSTRAINT "lti_user_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_user" ADD CONSTRAINT "lti_user_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_link" ADD CONSTRAINT "lti_resource_link_ltiContextId_fkey" FOREIGN KEY ("ltiContextId") REFERENCES "lti_context"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_link" ADD CONSTRAINT "lti_resource_link_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_score_sync" ADD CONSTRAINT "lti_score_sync_ltiResourceLinkId_fkey" FOREIGN KEY ("ltiResourceLinkId") REFERENCES "lti_resource_link"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_score_sync" ADD CONSTRAINT "lti_score_sync_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
