-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_status_id_idx" ON "WebhookDelivery"("webhookId", "status", "id");
