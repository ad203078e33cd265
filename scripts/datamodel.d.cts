/** A Prisma DMMF datamodel, as `get_datamodel` of @prisma/prisma-schema-wasm returns it. */
export interface Datamodel {
  models: Array<{
    name: string;
    dbName: string | null;
    fields: Array<{
      name: string;
      kind: 'scalar' | 'enum' | 'object' | 'unsupported';
      type: string;
      isList: boolean;
      isRequired: boolean;
      isId: boolean;
      isUnique: boolean;
      dbName?: string | null;
      nativeType: [string, string[]] | null;
      relationFromFields?: string[];
      relationToFields?: string[];
      relationOnDelete?: string;
      relationOnUpdate?: string;
    }>;
  }>;
  enums: Array<{ name: string; values: Array<{ name: string; dbName: string | null }> }>;
  indexes: Array<{ model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; dbName?: string | null; fields: Array<{ name: string; length?: number; sortOrder?: string }> }>;
}

/** The datamodel of a schema's text, or of its files as [path, text] pairs; an invalid schema throws Prisma's errors. */
export function readDatamodel(schema: string | Array<[string, string]>): Datamodel;

/** One sentence per difference in models, fields, types, optionality, lists, relations, ids, uniques, indexes and enums. */
export function datamodelDifferences(left: Datamodel, right: Datamodel, names?: [string, string]): string[];
