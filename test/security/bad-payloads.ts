import fc from 'fast-check';

/**
 * Bad requests for a write route, generated from its OpenAPI operation: a body of the right shape
 * (random values of each property's type) with one defect that makes it invalid for sure, or a
 * route parameter that is not an id. Each request says which status it must get and, where the
 * defect sits at one field, which field the answer must name.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  allOf?: Schema[];
}

interface Operation {
  parameters?: { in: string; name: string; schema?: { pattern?: string } }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As OpenAPI writes it, e.g. `/api/bids/{id}`. */
  path: string;
  params: string[];
  /** The format a path parameter must have, where the OpenAPI document gives one (else: a UUID). */
  paramPatterns: Record<string, RegExp>;
  /** Whether it takes an Idempotency-Key header. */
  idempotent: boolean;
  /** The JSON body's schema, references resolved; null for a route that takes none. */
  body: Schema | null;
}

export interface BadRequest {
  defect: string;
  /** The route's parameters (ids of fixtures, or one bad value), already encoded for the URL. */
  params: Record<string, string>;
  contentType?: string;
  body?: string;
  /** Sent on half the requests to routes that take one: the answer is then stored for retries. */
  idempotencyKey?: string;
  status: 400 | 413 | 415;
  /** A field the 400 must name (itself, one inside it, or the list holding it). */
  field?: string;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Every write route of the document, in its order. */
export function writeRoutes(document: OpenApiDocument): WriteRoute[] {
  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return {
      ...schema,
      ...(schema.items ? { items: resolve(schema.items) } : {}),
      ...(schema.properties ? { properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v)])) } : {}),
    };
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => WRITE_METHODS.includes(method))
      .map(([method, operation]) => {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase() as WriteRoute['method'],
          path,
          params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          paramPatterns: Object.fromEntries(
            (operation.parameters ?? []).flatMap((p) => (p.in === 'path' && p.schema?.pattern ? [[p.name, new RegExp(p.schema.pattern)]] : [])),
          ),
          idempotent: (operation.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
          body: schema ? resolve(schema) : null,
        };
      }),
  );
}

/** A property reachable in a body: a top-level one, or one of the first element of a list of objects. */
interface Slot {
  path: (string | number)[];
  schema: Schema;
  required: boolean;
}

function slotsOf(schema: Schema, prefix: (string | number)[] = []): Slot[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const slot = { path: [...prefix, name], schema: property, required: schema.required?.includes(name) ?? false };
    const item = property.items;
    return item?.properties ? [slot, ...slotsOf(item, [...prefix, name, 0])] : [slot];
  });
}

/** The objects of a body: the body itself, and the first element of each list of objects. */
function objectsOf(schema: Schema, slots: Slot[]): { path: (string | number)[]; schema: Schema }[] {
  return [
    { path: [], schema },
    ...slots.filter((s) => s.schema.items?.properties).map((s) => ({ path: [...s.path, 0], schema: s.schema.items as Schema })),
  ];
}

/** A value of the schema's type (not necessarily valid for its rules); lists have one to three elements. */
function valueOf(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid' ? fc.uuid() : fc.string({ maxLength: 30 });
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? valueOf(schema.items) : fc.string(), { minLength: 1, maxLength: 3 });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, valueOf(v)])));
    default:
      return fc.constant({});
  }
}

/** Values of any JSON type but the schema's (null only where the field is required: null is "absent" for an optional one). */
function wrongTypeFor(schema: Schema, required: boolean): fc.Arbitrary<unknown> {
  const type = schema.enum ? 'enum' : (schema.type ?? 'object');
  const others: fc.Arbitrary<unknown>[] = [];
  if (type !== 'string') others.push(fc.string({ maxLength: 10 }));
  if (type !== 'number' && type !== 'integer') others.push(fc.integer());
  if (type !== 'boolean') others.push(fc.boolean());
  if (type !== 'array') others.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (type !== 'object') others.push(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 3 }));
  if (type === 'enum') others.push(fc.string({ minLength: 1, maxLength: 20 }));
  if (required) others.push(fc.constant(null));
  // An enum's members are right whatever their type (e.g. pledgeAccepted: [true]).
  return fc.oneof(...others).filter((value) => !schema.enum?.includes(value));
}

/** A marker for a value written as raw JSON text (too deep to build as an object, or a number JSON.stringify cannot write). */
const RAW = '\u0001raw\u0001';

function setAt(body: unknown, path: (string | number)[], value: unknown): void {
  let target = body as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
}

function removeAt(body: unknown, path: (string | number)[]): void {
  let target = body as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  delete target[path[path.length - 1]];
}

/** The defect applied to a body of the right shape: a change of the body, raw text for RAW, the field to name. */
interface Defect {
  name: string;
  change: (body: Record<string, unknown>) => void;
  raw?: string;
  field?: (string | number)[];
  status?: 413;
}

const unrepresentable = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\udc00\ud800'), fc.string({ maxLength: 10 }))
  .map(([a, bad, b]) => `${a}${bad}${b}`);

const deepText = fc
  .tuple(fc.integer({ min: 11, max: 100_000 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
  .map(([levels, [open, close]]) => `${open.repeat(levels)}1${close.repeat(levels)}`);

const BAD_DATES = ['2025-02-30T00:00:00Z', '2025-06-30T16:00:00', '2025-13-01T00:00:00Z', '2025-06-30T25:00:00Z', 'tomorrow', '', '30/06/2025'];

function bodyDefects(schema: Schema): fc.Arbitrary<Defect> {
  const slots = slotsOf(schema);
  const at = (slot: Slot) => slot.path;
  const slot = fc.constantFrom(...slots);
  const defects: fc.Arbitrary<Defect>[] = [
    slot.chain((s) =>
      wrongTypeFor(s.schema, s.required).map((value) => ({ name: 'wrong type', change: (b) => setAt(b, at(s), value), field: at(s) })),
    ),
    fc
      .tuple(fc.constantFrom(...objectsOf(schema, slots)), fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,15}$/))
      .filter(([object, key]) => !object.schema.properties?.[key])
      .map(([object, key]) => ({ name: 'unknown field', change: (b) => setAt(b, [...object.path, key], 1), field: [...object.path, key] })),
    fc.constantFrom('"__proto__":{"roles":["ADMIN"]}', '"constructor":{"prototype":{"roles":["ADMIN"]}}').map((text) => ({
      name: 'prototype key',
      change: () => undefined,
      raw: text,
    })),
    fc.tuple(slot, fc.integer({ min: 501, max: 100_000 })).map(([s, length]) => ({
      name: 'long array',
      change: (b) => setAt(b, at(s), Array.from({ length }, () => 0)),
      field: at(s),
    })),
    fc.tuple(slot, fc.integer({ min: 204_801, max: 300_000 })).map(([s, length]) => ({
      name: 'long string',
      change: (b) => setAt(b, at(s), 'x'.repeat(length)),
      field: at(s),
    })),
    fc.tuple(slot, fc.integer({ min: 101, max: 5_000 })).map(([s, keys]) => ({
      name: 'many keys',
      change: (b) => setAt(b, at(s), Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]))),
      field: at(s),
    })),
    slot.map((s) => ({ name: 'over the body limit', change: (b) => setAt(b, at(s), '方'.repeat(400_000)), status: 413 as const })),
    fc.tuple(slot, deepText).map(([s, text]) => ({ name: 'deeply nested', change: (b) => setAt(b, at(s), RAW), raw: text, field: at(s) })),
    fc.tuple(slot, unrepresentable).map(([s, text]) => ({ name: 'NUL or lone surrogate', change: (b) => setAt(b, at(s), text), field: at(s) })),
    unrepresentable.map((key) => ({ name: 'NUL or lone surrogate in a key', change: (b) => setAt(b, [key], 1) })),
  ];
  const required = slots.filter((s) => s.required && s.path.length === 1);
  if (required.length) defects.push(fc.constantFrom(...required).map((s) => ({ name: 'missing field', change: (b) => removeAt(b, at(s)), field: at(s) })));
  // The defects of a few fields (money, dates, lists) count three times, so they are not drowned out.
  const weighty: fc.Arbitrary<Defect>[] = [];
  const money = slots.filter((s) => /Fen$/.test(String(s.path[s.path.length - 1])));
  if (money.length) {
    const badMoney: fc.Arbitrary<{ value: unknown; raw?: string }> = fc.oneof(
      fc.double({ min: 1, max: 1e9, noNaN: true }).filter((x) => !Number.isInteger(x)).map((value) => ({ value })),
      fc.integer({ min: -1e12, max: -1 }).map((value) => ({ value })),
      // Beyond 2^53 (not exactly representable), out of the range of doubles, fractional, above MAX_FEN.
      fc.constantFrom('9007199254740993', '1e400', '-0.5', '1e20').map((raw) => ({ value: RAW, raw })),
      fc.constantFrom('100', '1,000.00', '¥500').map((value) => ({ value })),
    );
    weighty.push(
      fc.tuple(fc.constantFrom(...money), badMoney).map(([s, { value, raw }]) => ({ name: 'bad money', change: (b) => setAt(b, at(s), value), raw, field: at(s) })),
    );
  }
  const dates = slots.filter((s) => /At$/.test(String(s.path[s.path.length - 1])));
  if (dates.length) {
    weighty.push(
      fc.tuple(fc.constantFrom(...dates), fc.oneof(fc.constantFrom<unknown>(...BAD_DATES), fc.integer({ min: 0, max: 2e12 }))).map(([s, value]) => ({
        name: 'bad date',
        change: (b) => setAt(b, at(s), value),
        field: at(s),
      })),
    );
  }
  const lists = slots.filter((s) => s.schema.type === 'array');
  if (lists.length) {
    weighty.push(
      fc.tuple(fc.constantFrom(...lists), fc.constantFrom<unknown[]>([[]], [[], []], [[{}]])).map(([s, value]) => ({
        name: 'nested empty array',
        change: (b) => setAt(b, at(s), value),
        field: at(s),
      })),
    );
  }
  return fc.oneof(...defects, ...weighty.map((arbitrary) => ({ arbitrary, weight: 3 })));
}

/** The body as JSON text, with the defect's raw text in place of its marker (or spliced in as a member). */
function bodyText(body: Record<string, unknown>, defect: Defect): string {
  const text = JSON.stringify(body);
  if (!defect.raw) return text;
  if (text.includes(JSON.stringify(RAW))) return text.replace(JSON.stringify(RAW), defect.raw);
  return text === '{}' ? `{${defect.raw}}` : `{${defect.raw},${text.slice(1)}`;
}

/** Whole requests that are not a JSON object of the right content type. */
function envelopeDefects(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Omit<BadRequest, 'params'>>[] {
  return [
    fc.tuple(base, fc.nat()).map(([body, cut]) => {
      const text = JSON.stringify(body);
      return { defect: 'invalid JSON', body: text.slice(0, cut % text.length), contentType: 'application/json', status: 400 as const };
    }),
    fc.constantFrom("{'email': 'x'}", '{"a":1,}', '{"a":1} {"b":2}', 'NaN', '{"a":undefined}', '\u0000').map((text) => ({
      defect: 'invalid JSON',
      body: text,
      contentType: 'application/json',
      status: 400 as const,
    })),
    fc
      .tuple(base, fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json-seq'))
      .map(([body, contentType]) => ({ defect: 'wrong content type', body: JSON.stringify(body), contentType, status: 415 as const })),
    base.map((body) => ({
      defect: 'form body',
      body: new URLSearchParams({ ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), notAField: '1' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      status: 400 as const,
      field: 'notAField',
    })),
    fc.constantFrom('[]', '[{}]', '"text"', '42', 'null', 'true').map((body) => ({
      defect: 'not an object',
      body,
      contentType: 'application/json',
      status: 400 as const,
    })),
  ];
}

/** A path parameter that is not an id, already encoded for the URL; `undecodable` when its encoding is not UTF-8. */
const badParam: fc.Arbitrary<{ value: string; undecodable?: true }> = fc.oneof(
  fc.constantFrom('%00', 'a%00b', 'not-a-uuid', '00000000-0000-4000-8000-00000000000g', '%20').map((value) => ({ value })),
  // A lone surrogate has no UTF-8: encoded as if it had, the router cannot decode the path at all.
  fc.constantFrom('%ED%A0%80', '%FF', '%C3').map((value) => ({ value, undecodable: true as const })),
  // Short enough for the router (200 characters encoded); no dots, which would move to another path.
  fc.string({ minLength: 1, maxLength: 60 }).map((s) => ({ value: encodeURIComponent(s.replace(/[.\ud800-\udfff]/g, 'x')) })),
);

/** Bad requests for `route`, its parameters filled from `ids` (all of them valid unless one is the defect). */
export function badRequests(route: WriteRoute, ids: Record<string, string>): fc.Arbitrary<BadRequest> {
  const requests = withoutKey(route, ids);
  if (!route.idempotent) return requests;
  return fc.tuple(requests, fc.option(fc.uuid(), { nil: undefined })).map(([request, key]) => (key ? { ...request, idempotencyKey: key } : request));
}

function withoutKey(route: WriteRoute, ids: Record<string, string>): fc.Arbitrary<BadRequest> {
  if (!route.body) {
    if (!route.params.length) throw new Error(`${route.method} ${route.path} takes neither a body nor a parameter: nothing can be bad`);
    const ignoredBody = fc.option(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.integer(), { maxKeys: 5 }), { nil: undefined });
    // A value that happens to have the parameter's format is no defect (a random "abc" is a fine consumer name).
    const fits = (name: string, value: string): boolean => {
      try {
        return route.paramPatterns[name]?.test(decodeURIComponent(value)) ?? false;
      } catch {
        return false;
      }
    };
    const named = fc.constantFrom(...route.params).chain((name) => badParam.filter((param) => !fits(name, param.value)).map((param) => [name, param] as const));
    return fc.tuple(named, ignoredBody).map(([[name, param], body]) => ({
      defect: 'bad route parameter',
      params: { ...ids, [name]: param.value },
      ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
      status: 400,
      field: param.undecodable ? 'url' : name,
    }));
  }
  const base = valueOf(route.body) as fc.Arbitrary<Record<string, unknown>>;
  const inBody = fc.tuple(base, bodyDefects(route.body)).map(([body, defect]): Omit<BadRequest, 'params'> => {
    defect.change(body);
    return {
      defect: defect.name,
      body: bodyText(body, defect),
      contentType: 'application/json',
      status: defect.status ?? 400,
      ...(defect.field ? { field: defect.field.join('.') } : {}),
    };
  });
  return fc.oneof({ arbitrary: inBody, weight: 10 }, ...envelopeDefects(base)).map((request) => ({ ...request, params: ids }));
}
