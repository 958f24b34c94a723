/**
 * Where an article lives in the help centre: under its branch's help centre when it belongs to one (a branch's own
 * article is not shown in the organisation's), otherwise the organisation's.
 */
export function helpArticlePath(id: string, branch?: string | null): string {
  return branch ? `/help/${branch}/a/${id}` : `/help/a/${id}`;
}
