// Imported past the api index, which would start the HTTP client and i18n: this module is pure and tested in Node.
import type { ProblemDetails } from '../../../shared/api/problem';
import { asLocalizedText, type LocalizedText } from '../../../shared/api/wireTypes';
import type { Branch, BranchRequest } from '../api/useBranches';

export interface WeekdayHours {
  day: number; // 0 = Sunday, as the server counts
  closed: boolean;
  open: string;
  close: string;
}

export interface BranchFormValues {
  code: string;
  name: LocalizedText;
  timeZone: string;
  address?: string | null;
  businessHours: WeekdayHours[];
  holidays: { date: string; name: string }[];
  chatBotEnabled: boolean;
}

// The form lists Monday first, as calendars do in China, Taiwan, Korea and the UK.
export const weekdayOrder = [1, 2, 3, 4, 5, 6, 0];

const defaultOpen = '09:00';
const defaultClose = '17:00';

export function toFormValues(branch?: Branch): BranchFormValues {
  return {
    code: branch?.code ?? '',
    name: { ...asLocalizedText(branch?.name) },
    timeZone: branch?.timeZone ?? '',
    address: branch?.address ?? '',
    businessHours: weekdayOrder.map((day) => {
      const hours = branch?.businessHours.find((entry) => entry.day === day);
      // A new branch starts open on weekdays; an existing one is closed on days it has no hours for.
      const closed = branch ? !hours : day === 0 || day === 6;
      return { day, closed, open: hours?.open ?? defaultOpen, close: hours?.close ?? defaultClose };
    }),
    holidays: branch?.holidays.map((holiday) => ({ ...holiday })) ?? [],
    // A new branch has the self-service bot, as every branch had before the switch existed.
    chatBotEnabled: branch?.chatBotEnabled ?? true,
  };
}

export function toRequest(values: BranchFormValues): BranchRequest {
  const name = Object.fromEntries(Object.entries(values.name).filter((entry): entry is [string, string] => !!entry[1]?.trim()));
  return {
    code: values.code.trim(),
    name,
    timeZone: values.timeZone.trim(),
    address: values.address?.trim() || null,
    businessHours: values.businessHours
      .filter((row) => !row.closed)
      .map(({ day, open, close }) => ({ day, open, close })),
    holidays: values.holidays,
    chatBotEnabled: values.chatBotEnabled,
  };
}

/**
 * The request sends only open days, so the server's "businessHours[1]" is the second open day, not the form's
 * second row. Rewrites those keys to the form's row numbers so that the messages land on the right weekday.
 */
export function mapHoursErrorsToRows(problem: ProblemDetails, values: BranchFormValues): ProblemDetails {
  if (!problem.errors) return problem;
  const openRows = values.businessHours.flatMap((row, index) => (row.closed ? [] : [index]));
  const errors = Object.fromEntries(
    Object.entries(problem.errors).map(([key, messages]) => [
      key.replace(/^(\$\.)?businessHours\[(\d+)\]/i, (match, _prefix, index: string) =>
        openRows[Number(index)] === undefined ? match : `businessHours[${openRows[Number(index)]}]`,
      ),
      messages,
    ]),
  );
  return { ...problem, errors };
}
