import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailed } from '@app/domain';

/** Flattens class-validator's tree into `{ field: 'a.0.b', messages }` entries. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      result.push({
        field,
        messages: Object.entries(error.constraints).map(([rule, message]) =>
          rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
        ),
      });
    }
    if (error.children?.length) result.push(...fieldErrors(error.children, field));
  }
  return result;
}

/** Fields named in the message; `details` lists them all (within the answer's limits, see errorBody). */
const SUMMARY_FIELDS = 5;

/** One 400 for all the fields' problems, its message naming the first ones. */
export function invalidFields(fields: FieldError[]): ValidationFailed {
  const named = fields.slice(0, SUMMARY_FIELDS).map((f) => `${f.field}: ${f.messages.join('; ')}`);
  if (fields.length > SUMMARY_FIELDS) named.push(`and ${fields.length - SUMMARY_FIELDS} more fields`);
  return new ValidationFailed(fields, named.join(' | ') || 'The request is invalid');
}

export function validationFailed(errors: ValidationError[]): ValidationFailed {
  return invalidFields(fieldErrors(errors));
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  validationError: { target: false, value: false },
  stopAtFirstError: false,
} as const;

/**
 * ValidationPipe, with one rule more for bodies: a DTO is validated from a JSON object. The pipe
 * alone would read `null` as `{}` (and an all-optional DTO would pass), or validate an array or a
 * number as something else. An absent body stays absent (its DTO's rules decide).
 */
class PlatformValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const notAnObject = typeof value !== 'object' || value === null || Array.isArray(value);
    if (metadata.type === 'body' && value !== undefined && notAnObject && this.toValidate(metadata)) {
      throw ValidationFailed.field('body', 'body must be a JSON object');
    }
    return super.transform(value, metadata);
  }
}

/** The one validation setup for HTTP bodies, queries and socket payloads. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({ ...VALIDATION_OPTIONS, exceptionFactory: validationFailed });
}
