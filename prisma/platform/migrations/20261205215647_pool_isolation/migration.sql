-- AlterEnum
ALTER TYPE "Isolation" ADD VALUE 'POOL';
