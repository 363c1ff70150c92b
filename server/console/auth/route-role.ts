/** A console route's options: the least role it needs (the guard checks it), under the admin scope's rate limit. */
import type { Config } from '../../config.js';
import { limitFor } from '../../route-options.js';
import type { Role } from './accounts.js';

export const roleOptions =
  (config: Config) =>
  (role: Role): { config: ReturnType<typeof limitFor> & { role: Role } } => ({
    config: { ...limitFor(config.rateLimit.admin, 'admin'), role },
  });
