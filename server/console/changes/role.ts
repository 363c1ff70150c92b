/**
 * The least role a console route needs, declared in its route config (`config: { role }`), as the console's
 * pieces agreed (issue 17): the auth plugin reads it; until the pieces meet, the bearer guard stands in.
 */
export type ConsoleRole = 'viewer' | 'moderator' | 'administrator';

declare module 'fastify' {
  interface FastifyContextConfig {
    role?: ConsoleRole;
  }
}
