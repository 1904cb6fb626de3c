/** Domain error codes: stable identifiers clients can branch on, each with its HTTP status. */
export const httpStatusOf = {
  VALIDATION_FAILED: 400,
  INVALID_REFERENCE: 400,
  UNKNOWN_UNIT: 400,
  TREE_CYCLE: 400,
  INVALID_PARENT_KIND: 400,
  POSITION_UNIT_KIND_MISMATCH: 400,
  CALENDAR_INVALID: 400,
  TEMPLATE_VARIABLE_UNKNOWN: 400,
  ADDRESS_UNKNOWN: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_REVOKED: 401,
  CODE_INVALID: 401,
  CODE_EXPIRED: 401,
  CODE_USED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PHONE_TAKEN: 409,
  UNIT_CODE_TAKEN: 409,
  ILLEGAL_TRANSITION: 409,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  DEPENDENCY_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof httpStatusOf;
export const ErrorCode = Object.fromEntries(Object.keys(httpStatusOf).map((k) => [k, k])) as { [K in ErrorCode]: K };
