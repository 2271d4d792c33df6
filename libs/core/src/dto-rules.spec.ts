import { IsArray, IsString } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EachNested } from './dto-rules';
import { errorBody } from './errors.filter';
import { VALIDATION_OPTIONS, validationFailed } from './validation';

class ItemDto {
  @IsString()
  name!: string;
}

class ListDto {
  @IsArray()
  @EachNested(() => ItemDto)
  items!: ItemDto[];
}

/** Validates a body as the platform's pipe does and answers what the client would get. */
async function answer(body: unknown) {
  const errors = await validate(plainToInstance(ListDto, body, VALIDATION_OPTIONS.transformOptions), VALIDATION_OPTIONS);
  return errors.length === 0 ? null : errorBody(validationFailed(errors));
}

describe('EachNested: arrays of objects', () => {
  it('accepts objects that pass their own rules', async () => {
    expect(await answer({ items: [{ name: '样机' }, { name: 'pilot' }] })).toBeNull();
  });

  it.each([
    ['an empty array', [[]]],
    ['an array of objects', [[{ name: 'x' }]]],
    ['a number', [1]],
    ['null', [null]],
  ])('refuses an element that is %s, at the list', async (_, items) => {
    expect((await answer({ items }))?.details).toContainEqual({ field: 'items', messages: ['each element of items must be an object'] });
  });

  it("reports an element's own problems at its path", async () => {
    expect((await answer({ items: [{ name: 'ok' }, { name: 7 }] }))?.details).toEqual([{ field: 'items.1.name', messages: ['name must be a string'] }]);
  });

  it('answers a few KB, naming the first fields, when every one of 500 elements fails', async () => {
    const body = await answer({ items: Array.from({ length: 500 }, () => ({ name: 1, extra: true })) });
    expect(body?.message).toMatch(/^items\.0\.extra: items\.0\.extra is not an accepted field \| items\.0\.name: name must be a string \| .* \| and 995 more fields$/);
    expect(body?.details).toHaveLength(20);
    expect(body?.detailsOmitted).toBe(980);
    expect(JSON.stringify(body).length).toBeLessThan(4096);
  });
});
