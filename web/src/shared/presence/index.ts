export { PresenceSwitch } from './PresenceSwitch';
export { usePresence, useSetPresence } from './usePresence';
