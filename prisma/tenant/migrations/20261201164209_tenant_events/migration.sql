-- CreateTable
CREATE TABLE "TenantEvent" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "sessionId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayedAt" TIMESTAMP(3),

    CONSTRAINT "TenantEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TenantEvent_type_occurredAt_idx" ON "TenantEvent"("type", "occurredAt");

-- CreateIndex
CREATE INDEX "TenantEvent_relayedAt_idx" ON "TenantEvent"("relayedAt");
