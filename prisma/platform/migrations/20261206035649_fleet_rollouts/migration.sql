-- CreateEnum
CREATE TYPE "RolloutStatus" AS ENUM ('RUNNING', 'HALTED', 'SUCCEEDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RolloutCohortStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'HALTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RolloutTenantStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED');

-- AlterEnum: MIGRATE jobs are gone (rollouts migrate tenants); their finished rows go with the kind.
DELETE FROM "ProvisioningJob" WHERE "kind" = 'MIGRATE';
CREATE TYPE "JobKind_new" AS ENUM ('PROVISION', 'DROP', 'EXPORT', 'RESTORE');
ALTER TABLE "ProvisioningJob" ALTER COLUMN "kind" DROP DEFAULT;
ALTER TABLE "ProvisioningJob" ALTER COLUMN "kind" TYPE "JobKind_new" USING ("kind"::text::"JobKind_new");
ALTER TYPE "JobKind" RENAME TO "JobKind_old";
ALTER TYPE "JobKind_new" RENAME TO "JobKind";
DROP TYPE "JobKind_old";
ALTER TABLE "ProvisioningJob" ALTER COLUMN "kind" SET DEFAULT 'PROVISION';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "schemaVersion" TEXT;

-- CreateTable
CREATE TABLE "Rollout" (
    "id" UUID NOT NULL,
    "status" "RolloutStatus" NOT NULL DEFAULT 'RUNNING',
    "targetVersion" TEXT NOT NULL,
    "concurrencyPerServer" INTEGER NOT NULL,
    "maxFailures" INTEGER NOT NULL,
    "error" TEXT,
    "startedById" UUID,
    "lockedBy" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Rollout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RolloutCohort" (
    "rolloutId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" "RolloutCohortStatus" NOT NULL DEFAULT 'PENDING',
    "total" INTEGER NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RolloutCohort_pkey" PRIMARY KEY ("rolloutId","position")
);

-- CreateTable
CREATE TABLE "RolloutTenant" (
    "rolloutId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "cohort" INTEGER NOT NULL,
    "status" "RolloutTenantStatus" NOT NULL DEFAULT 'PENDING',
    "fromVersion" TEXT,
    "detail" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RolloutTenant_pkey" PRIMARY KEY ("rolloutId","tenantId")
);

-- CreateIndex
CREATE INDEX "Rollout_createdAt_idx" ON "Rollout"("createdAt");

-- CreateIndex
CREATE INDEX "RolloutTenant_rolloutId_cohort_status_idx" ON "RolloutTenant"("rolloutId", "cohort", "status");

-- CreateIndex
CREATE INDEX "RolloutTenant_tenantId_idx" ON "RolloutTenant"("tenantId");

-- AddForeignKey
ALTER TABLE "Rollout" ADD CONSTRAINT "Rollout_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutCohort" ADD CONSTRAINT "RolloutCohort_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutTenant" ADD CONSTRAINT "RolloutTenant_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "Rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RolloutTenant" ADD CONSTRAINT "RolloutTenant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
