import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** The one validation setup for HTTP bodies, queries and socket payloads. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({ ...VALIDATION_OPTIONS, exceptionFactory: validationFailed });
}
