export type Permission =
  | 'branches.all'
  | 'organisation.read'
  | 'organisation.manage'
  | 'users.manage'
  | 'tokens.manage'
  | 'audit.read'
  | 'settings.manage'
  | 'queue.issue'
  | 'queue.serve'
  | 'queue.board'
  | 'customers.read'
  | 'customers.write'
  | 'customers.reveal'
  | 'customers.merge'
  | 'customers.export'
  | 'customers.erase'
  | 'customers.segments'
  | 'cases.read'
  | 'cases.write'
  | 'cases.manage'
  | 'cases.supervise'
  | 'channels.email'
  | 'channels.telephony'
  | 'feedback.read'
  | 'feedback.call'
  | 'feedback.manage'
  | 'knowledge.read'
  | 'knowledge.write';

export function hasPermission(me: { permissions: readonly string[] } | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
