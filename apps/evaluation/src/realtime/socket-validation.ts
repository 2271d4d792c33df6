import { checkInput, VALIDATION_OPTIONS, validationFailed } from '@app/core';
import { ValidationFailed } from '@app/domain';
import { plainToInstance } from 'class-transformer';
import { validate, ValidatorOptions } from 'class-validator';

/**
 * Validates a socket payload exactly as HTTP validates a body (the same bounds on size and text
 * first, then the same options: unknown fields refused, transforms applied) and throws the same
 * ValidationFailed, field by field.
 */
export async function parsePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw ValidationFailed.field('payload', 'must be an object');
  }
  checkInput(payload, 'payload');
  const instance = plainToInstance(type, payload, VALIDATION_OPTIONS.transformOptions);
  const options: ValidatorOptions = VALIDATION_OPTIONS;
  const errors = await validate(instance, options);
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}
