/** Limits raised for tests (apps in-process and as processes); a spec of a limit overrides its variable. */
export const UNLIMITED: Record<string, string> = {
  THROTTLE_AUTH_PER_IP_PER_MINUTE: '1000000',
  THROTTLE_MEMBER_LOOKUPS_PER_HOUR: '1000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  RATE_LIMIT_ROOM_MESSAGES_PER_MINUTE: '1000000',
  MAX_TEAMS_PER_USER: '100000',
  MAX_ORGS_PER_USER: '100000',
  MAX_QUESTIONS_PER_USER_PER_CHALLENGE: '100000',
};
