export { hasPermission, type Permission } from './permissions';
export { RequirePermission } from './RequirePermission';
export { isRole, roles, type Role } from './roles';
export { SessionGate } from './SessionGate';
export { useChangeLanguage } from './useChangeLanguage';
export { startSession, useMe, type Me } from './useMe';
export { useBranchList, useBranchNameIn, type Branch } from './useBranchList';
export { useCurrentBranch } from './useCurrentBranch';
export { useSignOut } from './useSignOut';
