import type { FormInstance } from 'antd';
import { ApiError, type FieldError } from './client';

type NamePath = (string | number)[];

/** `rubric.0.weight` -> ['rubric', 0, 'weight'], the name path of an AntD Form field. */
export function toNamePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface PlacedErrors {
  error: ApiError;
  /** Field errors that belong to no field of the form: shown with the form's message. */
  unplaced: FieldError[];
}

/** Puts the API's field messages at the form's fields; returns what could not be placed. */
export function placeApiErrors(form: FormInstance, error: unknown): PlacedErrors {
  const apiError = error instanceof ApiError ? error : new ApiError(0, 'CLIENT_ERROR', error instanceof Error ? error.message : String(error));
  const registered = new Set(form.getFieldsError().map(({ name }) => name.join('.')));
  const unplaced: FieldError[] = [];
  const placed = apiError.details.flatMap((detail) => {
    const name = toNamePath(detail.field);
    if (registered.has(name.join('.'))) return [{ name, errors: detail.messages }];
    unplaced.push(detail);
    return [];
  });
  form.setFields(placed);
  return { error: apiError, unplaced };
}
