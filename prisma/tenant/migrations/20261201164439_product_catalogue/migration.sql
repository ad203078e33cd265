-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "imageUrls" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "tags" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '[]';
