import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerDecorator, ValidationArguments } from 'class-validator';

/** Read once, on first use: about 10,000 lines (data/common-passwords.txt says where they come from). */
let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/**
 * Names shorter than this are not looked for inside a password: "li" is in too many words, but a
 * two-character Chinese name (王芳) says as much as a long Latin one.
 */
const shortestName = (name: string): number => (/^[\x20-\x7e]*$/.test(name) ? 3 : 2);

/** Who the password belongs to: what it must not be made of. */
export interface PasswordOwner {
  email?: unknown;
  displayName?: unknown;
}

function ownNames(owner: PasswordOwner): string[] {
  const names: string[] = [];
  if (typeof owner.email === 'string') names.push(owner.email, owner.email.split('@')[0]);
  if (typeof owner.displayName === 'string') names.push(owner.displayName, owner.displayName.replace(/\s+/g, ''));
  return names.map((name) => name.trim().toLowerCase()).filter((name) => name.length >= shortestName(name));
}

/** ASVS 2.1.7: not one of the common passwords. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** ASVS 2.1.9 allows no composition rules, but a password made of the account's own email or name is the first guess. */
export function containsOwnName(password: string, owner: PasswordOwner): boolean {
  const lower = password.toLowerCase();
  return ownNames(owner).some((name) => lower.includes(name));
}

const RULES = [
  { name: 'isUncommonPassword', message: 'password is one of the most common passwords; choose another', broken: isCommonPassword },
  { name: 'isNotOwnName', message: 'password must not contain your email address or name', broken: containsOwnName },
] as const;

/** The password rules beyond length on a DTO field, checked against the DTO's `email` and `displayName`; one message each. */
export function IsAcceptablePassword(): PropertyDecorator {
  return (target, propertyName) => {
    for (const rule of RULES) {
      registerDecorator({
        name: rule.name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: rule.message },
        validator: {
          validate: (value: unknown, args: ValidationArguments) => typeof value !== 'string' || !rule.broken(value, args.object as PasswordOwner),
        },
      });
    }
  };
}
