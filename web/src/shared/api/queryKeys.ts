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
};
