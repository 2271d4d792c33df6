import type { ApiDocument } from '@app/core';

/** The title and description of the platform's OpenAPI document (served at /api/docs, and the web client's contract). */
export const PLATFORM_DOCS: ApiDocument = {
  title: '揭榜挂帅 challenge marketplace',
  description:
    'Enterprises post bottleneck challenges, teams bid under seal, an expert panel scores live. ' +
    'Errors are `{ statusCode, code, message, details?, detailsOmitted? }`; validation errors list each field in `details` ' +
    '(at most 20; `detailsOmitted` counts the rest).',
};
