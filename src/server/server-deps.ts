/**
 * @module server/server-deps
 * What the HTTP server is built from: the owner's database (tenant views are made per request),
 * the factor library, the password hasher and the clock. Tests build servers from the same.
 */
import type { PasswordHasher } from '../app/accounts/accounts.js';
import type { ReferenceLibrary } from '../core/index.js';
import type { Database } from '../db/database.js';

export interface ServerDeps {
  readonly db: Database;
  readonly lib: ReferenceLibrary;
  readonly hasher: PasswordHasher;
  readonly now?: () => Date;
  /** Cookies marked Secure (behind HTTPS). Off on plain-http localhost. */
  readonly secureCookies?: boolean;
  /** Check every JSON response against its schema (tests). */
  readonly checkResponses?: boolean;
  /** Directory of the built web app; none = API only. */
  readonly webDir?: string | null;
  /** Sign-in attempts allowed per client and address per minute. */
  readonly signInLimit?: number;
  /** Sign-ups allowed per client address per hour. */
  readonly signUpLimit?: number;
  readonly logger?: boolean;
}
