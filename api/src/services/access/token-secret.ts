import { createHash, randomBytes } from 'node:crypto';

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'trueup_';

/** A new token: 32 random bytes (256 bits) from the OS CSPRNG, base64url, prefixed. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored: SHA-256 of the token, hex. Not bcrypt/scrypt/argon2: those slow hashes exist
 * to protect low-entropy passwords from guessing, whereas a 256-bit random token cannot be
 * guessed however fast the hash; a fast, unsalted hash also lets a request find its token by
 * an indexed equality lookup instead of running a deliberately slow comparison per token on
 * every request (which would make authentication itself a denial-of-service lever).
 */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
