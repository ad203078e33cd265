-- AlterTable
ALTER TABLE `Product` ADD COLUMN `translations` JSON NOT NULL DEFAULT ('[]'),
    ADD COLUMN `tags` JSON NOT NULL DEFAULT ('[]'),
    ADD COLUMN `imageUrls` JSON NOT NULL DEFAULT ('[]');
