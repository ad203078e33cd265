// The demo tenants: two jewellers (Persian, rials), a web shop (English, dollars), one in
// each isolation mode, and a gym (English, euros, in Berlin), and their logins. Plain data; each built-in module writes its part of a demo tenant
// (its seedDemo, src/modules/<module>/demo.ts) through the functions the API uses.
import type { Isolation } from '../generated/platform/enums';

export const DEMO_PASSWORD = 'admin123';
export const PLATFORM_ADMIN_EMAIL = 'platform@demo.com';

export interface DemoTenant {
  slug: string;
  name: string;
  isolation: Isolation;
  locale: string;
  currency: string;
  plan: string;
  /** Its clock (reports, opening hours, classes); default: its locale's. */
  timeZone?: string;
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'talanou',
    name: 'طلافروشی طلای نو',
    isolation: 'DATABASE',
    locale: 'fa',
    currency: 'IRR',
    plan: 'professional',
  },
  {
    slug: 'arya-jewelry',
    name: 'جواهرات آریا',
    // The second jeweller shows the other isolation mode: a schema in a shared database.
    isolation: 'SCHEMA',
    locale: 'fa',
    currency: 'IRR',
    plan: 'starter',
  },
  {
    slug: 'demo-shop',
    name: 'Demo Shop',
    // And the web shop the third: its rows in the pool database's shared tables, under row-level security.
    isolation: 'POOL',
    locale: 'en',
    currency: 'USD',
    plan: 'free',
  },
  {
    slug: 'demo-gym',
    name: 'Demo Gym',
    // A gym is a small tenant, so its rows share the pool database's tables too: the
    // exclusion constraint that keeps a trainer's appointments apart holds per tenant there.
    // Starter: its 2,000 bookings a month carry a studio's classes and appointments.
    isolation: 'POOL',
    locale: 'en',
    currency: 'EUR',
    plan: 'starter',
    // A zone with summer time: classes keep their wall-clock time across the change.
    timeZone: 'Europe/Berlin',
  },
];

export const demoLogins = (slug: string) => ({ owner: `admin@${slug}.com`, member: `employee@${slug}.com`, viewer: `viewer@${slug}.com` });
