export interface TenantSchemaSources {
  /** The folder of the built-in modules: one folder per module, with module.json and *.prisma files. */
  modulesDir: string;
  /** The deployment's own models (*.prisma); a folder that is not there holds none. */
  modelsDir: string;
  /** TENANT_MODULES: module names, comma-separated; unset or empty selects every module. */
  selection?: string;
}

/** Which modules a tenant schema was assembled from, and where each of its models and enums comes from. */
export interface TenantModules {
  modules: Array<{ name: string; description: string; requires: string[] }>;
  /** Model name -> its module, or "tenant-models". */
  models: Record<string, string>;
  /** Enum name -> its module, or "tenant-models". */
  enums: Record<string, string>;
}

/** The PostgreSQL tenant schema, its MySQL twin (schema texts, as written to their files) and the manifest. */
export function assembleTenantSchema(sources: TenantSchemaSources): { postgresql: string; mysql: string; manifest: TenantModules };

/** The sources the settings name: the modules of prisma/tenant, TENANT_MODULES, and TENANT_MODELS_DIR (default tenant-models/). */
export function tenantSchemaSources(env?: NodeJS.ProcessEnv): TenantSchemaSources;

/** Assembles from TENANT_MODULES and TENANT_MODELS_DIR and writes both tenant schemas. */
export function writeTenantSchemas(env?: NodeJS.ProcessEnv): { postgresql: string; mysql: string; manifest: TenantModules };
