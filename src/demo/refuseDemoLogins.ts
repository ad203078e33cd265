// In production the demo logins must not get in: their password is in the docs,
// and platform@demo.com is a platform admin over every tenant. A platform database
// that once ran in demo mode still holds them, so a production start looks for them
// (demoRecords.ts: a demo email still holding the demo password) and refuses them
// for as long as it runs: their logins fail, and tokens issued to them stop working.
import type { Services } from '../services';
import { findDemoUsers } from './demoRecords';

export const DEMO_LOGIN_REFUSED = 'demo logins are turned off in production';

export async function refuseDemoLogins(services: Pick<Services, 'platform' | 'tokens' | 'log'>): Promise<void> {
  const users = await findDemoUsers(services.platform);
  if (!users.length) return;
  services.tokens.refuse(
    users.map((user) => user.id),
    DEMO_LOGIN_REFUSED,
  );
  services.log.warn(
    { logins: users.map((user) => user.email) },
    'demo logins in the platform database are refused in production, and so are their tokens',
  );
}
