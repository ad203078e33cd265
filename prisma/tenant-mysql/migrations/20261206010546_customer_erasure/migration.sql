-- AlterTable
ALTER TABLE `Customer` ADD COLUMN `erasedAt` DATETIME(3) NULL;
