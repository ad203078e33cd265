/** The migration script from `from` (null: an empty database) to `to` (Prisma DMMF datamodels); '' when nothing changes. */
import type { Datamodel } from "./datamodel.cjs";

export function mysqlMigrationSql(from: Datamodel | null, to: Datamodel): string;
