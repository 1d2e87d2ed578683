-- CreateEnum
CREATE TYPE "CsvImportStatus" AS ENUM ('validating', 'validated', 'invalid', 'applying', 'applied', 'failed');

-- CreateTable
CREATE TABLE "CsvImport" (
    "id" SERIAL NOT NULL,
    "status" "CsvImportStatus" NOT NULL DEFAULT 'validating',
    "fileName" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "rowsValidated" INTEGER NOT NULL DEFAULT 0,
    "rowsApplied" INTEGER NOT NULL DEFAULT 0,
    "booksToCreate" INTEGER NOT NULL DEFAULT 0,
    "booksToUpdate" INTEGER NOT NULL DEFAULT 0,
    "booksUnchanged" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "changes" JSONB NOT NULL DEFAULT '[]',
    "message" TEXT,
    "createdById" INTEGER,
    "appliedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CsvImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CsvImport_createdAt_idx" ON "CsvImport"("createdAt");

-- AddForeignKey
ALTER TABLE "CsvImport" ADD CONSTRAINT "CsvImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "AdminUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;
