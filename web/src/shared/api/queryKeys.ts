// Query keys live here so that one feature's realtime handler can invalidate data another feature shows
// without importing it. Keys nest: invalidating ['branches'] also refreshes every branch's children.
export const queryKeys = {
  me: ['me'] as const,
  publicInfo: ['public-info'] as const,
  branches: ['branches'] as const,
  branch: (code: string) => ['branches', code] as const,
  services: (branchCode: string) => ['branches', branchCode, 'services'] as const,
  counters: (branchCode: string) => ['branches', branchCode, 'counters'] as const,
  devices: (branchCode: string) => ['branches', branchCode, 'devices'] as const,
  users: ['admin', 'users'] as const,
  apiTokens: ['admin', 'api-tokens'] as const,
  settings: ['admin', 'settings'] as const,
  audit: (filters: object) => ['audit', filters] as const,
  // The queue's live data; realtime ticket and counter events invalidate ['queue'] or one branch's part of it.
  queue: ['queue'] as const,
  queueBranch: (branchCode: string) => ['queue', branchCode.toUpperCase()] as const,
  queueBoard: (branchCode: string) => ['queue', branchCode.toUpperCase(), 'board'] as const,
  queueLists: (branchCode: string) => ['queue', branchCode.toUpperCase(), 'lists'] as const,
  queueCounter: (branchCode: string, counter: number) => ['queue', branchCode.toUpperCase(), 'counters', counter] as const,
  kioskInfo: (branchCode: string) => ['queue', branchCode.toUpperCase(), 'kiosk'] as const,
  ticket: (id: string) => ['queue', 'tickets', id] as const,
  pad: ['queue', 'pad'] as const,
  erlangC: (input: object) => ['queue', 'erlang-c', input] as const,
  // Cases and encounters; a realtime case event invalidates ['cases'].
  cases: ['cases'] as const,
  caseList: (query: object) => ['cases', 'list', query] as const,
  case: (id: string) => ['cases', id] as const,
  encountersAll: ['encounters'] as const,
  encounters: (query: object) => ['encounters', query] as const,
};
