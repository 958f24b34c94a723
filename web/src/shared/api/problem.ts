/** RFC 9457 problem details as the server sends them; `errors` maps request property paths to messages. */
export interface ProblemDetails {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function asProblem(body: unknown, response: Response): ProblemDetails {
  if (body && typeof body === 'object') return body as ProblemDetails;
  // A proxy or a crash can answer with plain text or HTML; keep at least the status line.
  return { status: response.status, title: response.statusText || null };
}

/** Resolves to the response data, or throws ApiError carrying the problem details. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, asProblem(error, response));
  return data as T;
}

export type FieldPath = (string | number)[];

/**
 * Turns a server error key into an Ant Design name path: "businessHours[0].open" → ["businessHours", 0, "open"],
 * "Name.zh-CN" → ["name", "zh-CN"]. System.Text.Json keys start with "$." and ASP.NET may PascalCase them.
 */
export function toFieldPath(key: string): FieldPath {
  const trimmed = key.replace(/^\$\.?/, '');
  if (!trimmed) return [];
  return trimmed
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment.charAt(0).toLowerCase() + segment.slice(1)));
}

function samePath(a: FieldPath, b: readonly (string | number)[]) {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

export interface FieldErrors {
  fields: { name: FieldPath; errors: string[] }[];
  /** Messages for keys that match no field on the form; they still have to be shown somewhere. */
  unmatched: string[];
}

export function splitProblemByField(problem: ProblemDetails, formFields: readonly (readonly (string | number)[])[]): FieldErrors {
  const result: FieldErrors = { fields: [], unmatched: [] };
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const path = toFieldPath(key);
    if (path.length > 0 && formFields.some((field) => samePath(path, field))) {
      result.fields.push({ name: path, errors: messages });
    } else {
      result.unmatched.push(...messages);
    }
  }
  return result;
}
