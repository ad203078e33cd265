-- AlterTable
ALTER TABLE `TenantEvent` MODIFY `sessionId` TEXT NULL;

-- AlterTable
ALTER TABLE `Product` MODIFY `name` TEXT NOT NULL,
    MODIFY `currency` TEXT NOT NULL,
    MODIFY `unit` TEXT NOT NULL DEFAULT ('pc');

-- AlterTable
ALTER TABLE `Customer` MODIFY `email` TEXT NULL,
    MODIFY `phone` TEXT NULL,
    MODIFY `nationalId` TEXT NULL;

-- AlterTable
ALTER TABLE `Account` MODIFY `name` TEXT NOT NULL;

-- AlterTable
ALTER TABLE `Invoice` MODIFY `currency` TEXT NOT NULL;

-- AlterTable
ALTER TABLE `Payment` MODIFY `reference` TEXT NULL;

-- AlterTable
ALTER TABLE `BankAccount` MODIFY `name` TEXT NOT NULL,
    MODIFY `bankName` TEXT NOT NULL,
    MODIFY `currency` TEXT NOT NULL,
    MODIFY `ledgerCode` TEXT NOT NULL;

-- AlterTable
ALTER TABLE `BankStatementLine` MODIFY `reference` TEXT NULL;

-- AlterTable
ALTER TABLE `Order` MODIFY `currency` TEXT NOT NULL;
