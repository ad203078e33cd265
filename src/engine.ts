// The two database engines tenant tables may live on, told apart by URL scheme:
// PostgreSQL (`postgresql://`, `postgres://`) and the MySQL family, MySQL 8 and
// MariaDB 10.6+ (`mysql://`, `mariadb://`).
export type Engine = 'postgresql' | 'mysql';

const SCHEMES: Record<string, Engine> = { 'postgresql:': 'postgresql', 'postgres:': 'postgresql', 'mysql:': 'mysql', 'mariadb:': 'mysql' };

/** The engine a URL is for, or undefined when its scheme is neither's. */
export function engineOfUrl(url: string): Engine | undefined {
  const scheme = /^[a-z]+:/i.exec(url)?.[0].toLowerCase();
  return scheme ? SCHEMES[scheme] : undefined;
}

/** As the platform's `TenantEngine` enum and the GraphQL API spell it. */
export const engineName = (engine: Engine) => (engine === 'postgresql' ? 'POSTGRESQL' : 'MYSQL') as 'POSTGRESQL' | 'MYSQL';
export const engineOfName = (name: 'POSTGRESQL' | 'MYSQL'): Engine => (name === 'POSTGRESQL' ? 'postgresql' : 'mysql');
