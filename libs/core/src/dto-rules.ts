import { applyDecorators, ParseUUIDPipe } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { buildMessage, IsObject, Matches, registerDecorator, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';
import { FieldError, utf8Bytes, ValidationFailed } from '@app/domain';

/** Trims strings; leaves anything else for the type validators to refuse. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims each string of an array. */
export const TrimEach = () =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value));

/** Query strings: "42" becomes 42; anything else ("4.2", "", "x") stays a string and fails @IsInt. */
export const QueryInt = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value));

/** Query strings: "true"/"false" become booleans; anything else fails @IsBoolean. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Text must say something: at least one character that is not white space. */
export const NotBlank = () => Matches(/\S/, { message: '$property must not be blank' });

/**
 * An array whose every element is an object of `type`, checked by that class's rules. ValidateNested
 * alone walks into an element that is itself an array, so `[[]]` would pass as a valid list:
 * every element must be an object. Use with @IsArray() and the array's size rules.
 */
export const EachNested = (type: () => new () => object) =>
  applyDecorators(
    IsObject({ each: true, message: 'each element of $property must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
  );

/** A limit on the UTF-8 size of a text, which is what storage and transport pay for. */
export function MaxUtf8Bytes(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxUtf8Bytes',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && utf8Bytes(value) <= max,
        defaultMessage: buildMessage((each) => `${each}$property must be at most ${max} bytes in UTF-8`, options),
      },
    },
    options,
  );
}

/**
 * Runs a rule of the domain on the whole object and reports its problems for this property,
 * so a request hears about e.g. the rubric's sum together with its other field errors.
 * `problems` returns null when the inputs are too malformed to judge (their own validators report them).
 */
export function DomainRule(
  name: string,
  problems: (object: Record<string, unknown>) => FieldError[] | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const property = String(propertyName);
    const messages = (object: object): string[] =>
      (problems(object as Record<string, unknown>) ?? [])
        .filter((p) => p.field === property)
        .flatMap((p) => p.messages.map((message) => `${property} ${message}`));
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: property,
      options,
      validator: {
        validate: (_value: unknown, args) => messages(args?.object ?? {}).length === 0,
        defaultMessage: (args) => messages(args?.object ?? {}).join('; '),
      },
    });
  };
}

/** Route ids: a malformed id is a 400 on that field, not a lookup. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => ValidationFailed.field(field, 'must be a UUID') });
