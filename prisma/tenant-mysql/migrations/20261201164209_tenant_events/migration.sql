-- CreateTable
CREATE TABLE `TenantEvent` (
    `id` CHAR(36) NOT NULL,
    `type` VARCHAR(191) NOT NULL,
    `payload` JSON NOT NULL,
    `sessionId` VARCHAR(191) NULL,
    `occurredAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `relayedAt` DATETIME(3) NULL,

    INDEX `TenantEvent_type_occurredAt_idx`(`type`, `occurredAt`),
    INDEX `TenantEvent_relayedAt_idx`(`relayedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
