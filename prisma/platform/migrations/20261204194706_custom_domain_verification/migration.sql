-- DropIndex
DROP INDEX "TenantDomain_domain_key";

-- DropIndex
DROP INDEX "TenantDomain_tenantId_idx";

-- AlterTable
-- Existing rows get a token of their own (the default is only for them).
ALTER TABLE "TenantDomain" ADD COLUMN     "verificationToken" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
ADD COLUMN     "verifiedAt" TIMESTAMP(3);
ALTER TABLE "TenantDomain" ALTER COLUMN "verificationToken" DROP DEFAULT;

-- Domains added before verification existed have been routing: they stay verified, as of when they were added.
UPDATE "TenantDomain" SET "verifiedAt" = "createdAt";

-- CreateIndex
CREATE UNIQUE INDEX "TenantDomain_tenantId_domain_key" ON "TenantDomain"("tenantId", "domain");

-- CreateIndex
CREATE UNIQUE INDEX "TenantDomain_domain_key" ON "TenantDomain"("domain") WHERE ("verifiedAt" IS NOT NULL);
