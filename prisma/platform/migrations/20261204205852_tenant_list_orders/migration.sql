-- DropIndex
DROP INDEX "Tenant_status_idx";

-- CreateIndex
CREATE INDEX "Tenant_name_id_idx" ON "Tenant"("name", "id");

-- CreateIndex
CREATE INDEX "Tenant_status_id_idx" ON "Tenant"("status", "id");

-- CreateIndex
CREATE INDEX "Tenant_createdAt_id_idx" ON "Tenant"("createdAt", "id");
