-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "maxOrdersPerMonth" INTEGER;
