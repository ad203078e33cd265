-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "maxBookingsPerMonth" INTEGER;
