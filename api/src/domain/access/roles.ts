/**
 * Roles of an API token, weakest first. Each role may do everything the ones before it may:
 * a VIEWER reads; an ANALYST also simulates and manages scenarios; an ADMIN also imports,
 * applies scenarios, records reservations and conversions, manages price books and takes
 * snapshots.
 */
export const ROLES = ['VIEWER', 'ANALYST', 'ADMIN'] as const;

export type Role = (typeof ROLES)[number];

/** Whether a token of `role` may do what needs `required`. */
export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** `viewer` / `VIEWER` → `VIEWER`; anything else is not a role. */
export function parseRole(value: string): Role | undefined {
  const upper = value.toUpperCase();
  return (ROLES as readonly string[]).includes(upper) ? (upper as Role) : undefined;
}
