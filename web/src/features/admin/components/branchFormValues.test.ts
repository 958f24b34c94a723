import { describe, expect, it } from 'vitest';
import { mapHoursErrorsToRows, toFormValues, toRequest } from './branchFormValues';

describe('branch form values', () => {
  it('sends only open days, Monday to Sunday as the form lists them', () => {
    const values = toFormValues();
    const request = toRequest({ ...values, code: ' SH01 ', name: { 'en-US': 'Shanghai', 'zh-CN': '' }, timeZone: 'Asia/Shanghai' });
    expect(request.code).toBe('SH01');
    expect(request.name).toEqual({ 'en-US': 'Shanghai' });
    expect(request.businessHours?.map((hours) => hours.day)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the self-service bot on for a new branch and sends the switch as set', () => {
    expect(toFormValues().chatBotEnabled).toBe(true);
    const existing = toFormValues({
      code: 'SH',
      name: { 'en-US': 'Shanghai' },
      displayName: 'Shanghai',
      timeZone: 'Asia/Shanghai',
      address: null,
      businessHours: [],
      holidays: [],
      serviceCount: 0,
      counterCount: 0,
      chatBotEnabled: false,
    });
    expect(existing.chatBotEnabled).toBe(false);
    expect(toRequest({ ...existing, chatBotEnabled: true }).chatBotEnabled).toBe(true);
  });

  it('moves server errors for the n-th open day onto that weekday row', () => {
    const values = toFormValues();
    values.businessHours[0].closed = true; // Monday closed: the request's first entry is Tuesday, row 1
    const problem = mapHoursErrorsToRows({ errors: { 'businessHours[0].close': ['Close after open'], code: ['Taken'] } }, values);
    expect(problem.errors).toEqual({ 'businessHours[1].close': ['Close after open'], code: ['Taken'] });
  });
});
