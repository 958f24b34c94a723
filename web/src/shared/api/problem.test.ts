import { describe, expect, it } from 'vitest';
import { ApiError, splitProblemByField, toFieldPath, unwrap } from './problem';

describe('toFieldPath', () => {
  it.each([
    ['userName', ['userName']],
    ['Name.zh-CN', ['name', 'zh-CN']],
    ['businessHours[2].close', ['businessHours', 2, 'close']],
    ['$.holidays[0].date', ['holidays', 0, 'date']],
    ['', []],
  ])('turns %j into %j', (key, path) => {
    expect(toFieldPath(key)).toEqual(path);
  });
});

describe('splitProblemByField', () => {
  const formFields = [['code'], ['name', 'zh-CN'], ['name', 'en-US'], ['businessHours', 0, 'open']];

  it('puts messages on the fields the form has', () => {
    const result = splitProblemByField(
      { status: 400, errors: { code: ['Code is taken'], 'name.en-US': ['Too long'], 'businessHours[0].open': ['Invalid time'] } },
      formFields,
    );
    expect(result.fields).toEqual([
      { name: ['code'], errors: ['Code is taken'] },
      { name: ['name', 'en-US'], errors: ['Too long'] },
      { name: ['businessHours', 0, 'open'], errors: ['Invalid time'] },
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('keeps messages for unknown or whole-object fields to show elsewhere', () => {
    const result = splitProblemByField({ errors: { name: ['Enter a name'], '': ['Request invalid'], timeZone: ['Unknown zone'] } }, formFields);
    expect(result.fields).toEqual([]);
    expect(result.unmatched).toEqual(['Enter a name', 'Request invalid', 'Unknown zone']);
  });

  it('copes with a problem without errors', () => {
    expect(splitProblemByField({ title: 'Not found', status: 404 }, formFields)).toEqual({ fields: [], unmatched: [] });
  });
});

describe('unwrap', () => {
  it('throws ApiError with the problem details', async () => {
    const problem = { title: 'Locked', status: 423, detail: 'Locked until 2026-11-22 12:00' };
    const call = Promise.resolve({ error: problem, response: new Response(null, { status: 423 }) });
    const error = await unwrap(call).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(423);
    expect((error as ApiError).message).toBe('Locked until 2026-11-22 12:00');
  });

  it('keeps the status line when the body is not a problem', async () => {
    const call = Promise.resolve({ error: '<html>Bad gateway</html>', response: new Response(null, { status: 502, statusText: 'Bad Gateway' }) });
    const error = (await unwrap(call).catch((caught: unknown) => caught)) as ApiError;
    expect(error.problem).toEqual({ status: 502, title: 'Bad Gateway' });
  });
});
